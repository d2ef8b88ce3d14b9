"""Filter building blocks shared by every resource.

The contract's entity filters take slugs or Wikidata ids, a comma-separated
list meaning "any of". django-filter's model choice filters take one primary
key per value and only see ``getlist`` repetitions, so these resolve a list of
slugs and ids themselves and answer a 400 naming the unknown ones (never an
empty result for a typo). The queryset a value may name is the one the request
may see, so an anonymous client cannot probe for unpublished records. Every
entity filter of a request is resolved in one query (``ResolvingForm``).
"""

from __future__ import annotations

import copy
import datetime
import re
from dataclasses import dataclass

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import CharField, DateTimeField, F, Q, QuerySet, Value
from django_filters.filters import QuerySetRequestMixin
from django_filters.rest_framework import DjangoFilterBackend

from newsdesk.core import compiled

WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


def split_list(value: str) -> list[str]:
    return [token.strip() for token in value.split(",") if token.strip()]


@dataclass(frozen=True)
class Named:
    """A record a filter value named: what a filter needs of it (its id),
    read without building a model instance."""

    pk: int
    slug: str
    wikidata_id: str


class Unresolved:
    """The slugs and Wikidata ids a field parsed, waiting for its form to
    resolve every field's in one query (``ResolvingForm``).

    ``groups`` is None for one any-of list; for a repeatable parameter it is
    the list of repetitions, each an any-of list. ``name`` is the parameter
    it came in (``resolve_all`` sets it)."""

    name = ""

    def __init__(self, queryset: QuerySet, tokens: list[str], noun: str, groups=None):
        self.queryset = queryset
        self.tokens = list(dict.fromkeys(tokens))
        self.noun = noun
        self.groups = groups

    def named(self) -> QuerySet:
        """The records the tokens name, of those the request may see."""
        wikidata_ids = [
            t for t in self.tokens if self._has_wikidata() and WIKIDATA_ID.match(t)
        ]
        slugs = [token for token in self.tokens if token not in wikidata_ids]
        condition = Q(slug__in=slugs)
        if wikidata_ids:
            condition |= Q(wikidata_id__in=wikidata_ids)
        return self.queryset.filter(condition).order_by()

    def _is_wikidata(self, token: str) -> bool:
        return self._has_wikidata() and bool(WIKIDATA_ID.match(token))

    def shape(self) -> tuple[bool, ...]:
        """Which tokens are Wikidata ids: what the lookup's SQL depends on
        besides the records the request may see."""
        return tuple(self._is_wikidata(token) for token in self.tokens)

    def with_placeholders(self, number: int) -> Unresolved:
        """A copy naming placeholders of the same shape as its tokens, none
        a record's: what ``_resolving_rows`` compiles the lookup with."""
        stand_in = copy.copy(self)
        stand_in.tokens = [
            f"Q{10**15 + 1000 * number + n}"
            if wikidata
            else f"\x1fnewsdesk-placeholder-{number}-{n}"
            for n, wikidata in enumerate(self.shape())
        ]
        return stand_in

    def _has_wikidata(self) -> bool:
        return any(f.name == "wikidata_id" for f in self.queryset.model._meta.fields)

    def query(self, name: str) -> QuerySet:
        """The named records as ``(name, pk, slug, wikidata_id)`` rows."""
        return self.rows(self.named(), name)

    def rows(self, queryset: QuerySet, name: str) -> QuerySet:
        """``queryset`` as the ``(name, pk, slug, wikidata_id)`` rows that
        ``resolve_all`` reads."""
        has_wikidata = self._has_wikidata()
        text = CharField()
        return (
            queryset.order_by()
            .annotate(
                named_by=Value(name, output_field=text),
                named_pk=F("pk"),
                named_slug=F("slug"),
                named_wikidata=F("wikidata_id")
                if has_wikidata
                else Value("", output_field=text),
            )
            .values_list("named_by", "named_pk", "named_slug", "named_wikidata")
        )

    def queries(self, name: str) -> list[QuerySet]:
        """Every query resolving the value: the named records (``query``),
        and for a subclass the rows more that its ``resolved`` reads, named
        by ``name`` with a suffix (``resolve_all`` sends them all at once)."""
        return [self.query(name)]

    def resolved(self, found: list[Named], more: dict[str, list[Named]]):
        """The field's value from the records found; ``ValidationError``
        naming every token that named nothing (never an empty result for a
        typo). ``more`` holds the rows of the other ``queries``, by name."""
        by_token = {}
        for record in found:
            by_token[record.slug] = record
            if record.wikidata_id:
                by_token[record.wikidata_id] = record
        unknown = [token for token in self.tokens if token not in by_token]
        if unknown:
            # What the client typed travels as params, never in the message:
            # django-filter %-formats every message, and a "%" in it was a 500.
            raise ValidationError(
                "No %(noun)s with the slug or Wikidata id %(unknown)s.",
                code="unknown",
                params={"noun": self.noun, "unknown": ", ".join(unknown)},
            )
        if self.groups is None:
            return list(dict.fromkeys(by_token[token] for token in self.tokens))
        return [[by_token[token] for token in group] for group in self.groups]


def resolve_all(unresolved: dict[str, Unresolved]) -> dict[str, list[Named]]:
    """Every field's named records, in one query: a UNION ALL of each
    field's lookup in the records that request may see."""
    for name, value in unresolved.items():
        value.name = name
    rows = _resolving_rows(unresolved)
    found: dict[str, list[Named]] = {name: [] for name in unresolved}
    for name, pk, slug, wikidata_id in rows:
        found.setdefault(name, []).append(Named(pk, slug, wikidata_id or ""))
    return found


def _resolving_query(unresolved: dict[str, Unresolved]) -> QuerySet:
    queries = [
        query for name, value in unresolved.items() for query in value.queries(name)
    ]
    return queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]


def _resolving_rows(unresolved: dict[str, Unresolved]):
    """The rows of ``_resolving_query``, its SQL compiled once for each
    shape of request (newsdesk/core/compiled.py): the same fields, as many
    slugs and Wikidata ids each, and records visible by the same SQL. Only
    the tokens and the visible records' parameters (the moment "now")
    change; building and compiling the union cost more than running it.
    The placeholders stand for each token and each parameter of the
    visible records' own query, found among the union's by value."""
    using = next(iter(unresolved.values())).queryset.db
    try:
        visible = [
            value.queryset.query.get_compiler(using).as_sql()
            for value in unresolved.values()
        ]
    except EmptyResultSet:
        return _resolving_query(unresolved)
    if not all(_hashable(param) for _, params in visible for param in params):
        return _resolving_query(unresolved)  # no placeholder can stand for it
    shapes = tuple(
        (name, type(value), value.shape(), sql)
        for (name, value), (sql, _) in zip(unresolved.items(), visible, strict=True)
    )
    key = ("resolving", shapes, using)
    template = compiled.kept(key)
    if template is None:
        placeholders = {}
        stand_ins = {}
        for number, (name, value) in enumerate(unresolved.items()):
            stand_in = value.with_placeholders(number)
            stand_ins[name] = stand_in
            for position, token in enumerate(stand_in.tokens):
                placeholders[token] = ("token", number, position)
            for position, param in enumerate(visible[number][1]):
                placeholders.setdefault(param, ("visible", number, position))
        try:
            template = compiled.Template(
                _resolving_query(stand_ins), placeholders, using
            )
        except EmptyResultSet:
            return _resolving_query(unresolved)
        tokens = {slot for slot in placeholders.values() if slot[0] == "token"}
        template.complete = tokens <= {
            slot for filled, slot in template.slots if filled
        }
        compiled.keep(key, template)
    if not template.complete:
        return _resolving_query(unresolved)
    values = {}
    for number, value in enumerate(unresolved.values()):
        for position, token in enumerate(value.tokens):
            values["token", number, position] = token
        for position, param in enumerate(visible[number][1]):
            values["visible", number, position] = param
    return template.rows(values, using)


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


class ResolvingForm(forms.Form):
    """Resolves what every entity filter of the request names in one query,
    once each field has parsed its own value, and files each unknown token
    under its own parameter.

    ``request`` is the request whose parameters the form reads (set by
    ``FilterSet.form``): the entity fields name only what it may see."""

    request = None

    def full_clean(self):
        # The class is shared by every request (FilterSet.get_form_class);
        # each form's own copies of the fields learn this one's.
        for field in self.fields.values():
            if isinstance(field, EntityListField):
                field.request = self.request
        super().full_clean()

    def clean(self):
        cleaned_data = super().clean()
        unresolved = {
            name: value
            for name, value in cleaned_data.items()
            if isinstance(value, Unresolved)
        }
        self._check_ranges(cleaned_data)
        if not unresolved:
            return cleaned_data
        found = resolve_all(unresolved)
        for name, value in unresolved.items():
            try:
                cleaned_data[name] = value.resolved(found[name], found)
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned_data

    # (from, to) parameter names of each date range the form takes.
    date_ranges: list[tuple[str, str]] = []

    def _check_ranges(self, cleaned_data) -> None:
        """A range that ends before it starts is a mistake to point out, not
        a question whose answer is "nothing"."""
        for start, end in self.date_ranges:
            first, last = cleaned_data.get(start), cleaned_data.get(end)
            if first and last and first > last:
                self.add_error(
                    start,
                    ValidationError(
                        "%(start)s is later than %(end)s: nothing can match.",
                        code="empty_range",
                        params={"start": start, "end": end},
                    ),
                )


class FilterSet(django_filters.FilterSet):
    """Newsdesk's FilterSet: its form resolves the entity filters together
    (``ResolvingForm``), so a list filtered by a speaker, an organisation and
    an outlet costs one lookup query, not three; and it refuses a date range
    whose start is after its end."""

    def get_form_class(self):
        # The same for every request, so built once per FilterSet class (no
        # field holds a request: the form gives its own to the entity fields
        # when it cleans).
        form_class = type(self).__dict__.get("_newsdesk_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            form_class = type(
                form_class.__name__,
                (ResolvingForm, form_class),
                {"date_ranges": self.date_ranges()},
            )
            type(self)._newsdesk_form_class = form_class
        return form_class

    @property
    def form(self):
        form = super().form
        form.request = self.request
        return form

    @classmethod
    def date_ranges(cls) -> list[tuple[str, str]]:
        bounds: dict[str, dict[bool, str]] = {}
        for name, filter_ in cls.base_filters.items():
            if isinstance(filter_, DateBoundFilter):
                bounds.setdefault(filter_.field_name, {})[filter_.on_or_after] = name
        return [
            (pair[True], pair[False])
            for pair in bounds.values()
            if True in pair and False in pair
        ]

    @classmethod
    def repeatable_parameters(cls) -> set[str]:
        """The parameters that may be given more than once."""
        return {
            name
            for name, filter_ in cls.base_filters.items()
            if getattr(filter_, "repeatable", False)
        }


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, which leaves alone a list that the request
    gives none of its filters: with no value to read, a FilterSet changes
    nothing, and building and validating its form for nothing cost more
    than the quotes list's own page query. (A parameter merely starting
    with a filter's name still goes through the FilterSet, so a filter whose
    widget reads ``name_min`` or ``name_after`` is never skipped.)"""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            parameter.startswith(name)
            for parameter in request.query_params
            for name in filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class EntityListField(forms.Field):
    """One value: comma-separated slugs or Wikidata ids, any of them."""

    # PostgreSQL refuses NUL in text: answer 400, not a database error.
    default_validators = [ProhibitNullCharactersValidator()]

    # What a parsed value waits as until the form resolves it.
    unresolved_class = Unresolved
    # The request whose parameter the field cleans (ResolvingForm sets it).
    request = None

    def __init__(self, *, queryset=None, noun="record", **kwargs):
        self.queryset = queryset
        self.noun = noun
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        tokens = split_list(value)
        if not tokens:
            raise ValidationError("Enter one or more slugs, separated by commas.")
        return self.unresolved_class(self._queryset(), tokens, self.noun)

    def _queryset(self) -> QuerySet:
        queryset = self.queryset
        return queryset(self.request) if callable(queryset) else queryset


class EntityGroupsWidget(forms.TextInput):
    """Reads every repetition. A text input (a bare ``Widget`` has no
    template, so the browsable API's filter form crashed rendering it) that
    shows the first repetition."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def format_value(self, value):
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        return super().format_value(value)


class EntityGroupsField(EntityListField):
    """A repeatable value: each repetition is a group of any-of slugs."""

    widget = EntityGroupsWidget

    def clean(self, value):
        if not value:
            return None
        token_groups = []
        for group in value:
            group = forms.Field.clean(self, group)
            # An empty repetition (``party=``) names nothing: it filters
            # nothing, like an empty single-valued filter.
            if group in (None, ""):
                continue
            tokens = split_list(group)
            if not tokens:
                raise ValidationError("Enter one or more slugs, separated by commas.")
            token_groups.append(tokens)
        if not token_groups:
            return None
        tokens = [token for group in token_groups for token in group]
        return Unresolved(self._queryset(), tokens, self.noun, groups=token_groups)


class EntityFilter(QuerySetRequestMixin, django_filters.Filter):
    """Records named by slug or Wikidata id; a comma list means any of them.

    ``queryset`` may be a callable taking the request, so each client can only
    name what it may see.
    """

    field_class = EntityListField
    # A comma-separated list in one parameter (``speaker=a,b``).
    repeatable = False

    def parameter_schema(self) -> tuple[dict, bool]:
        """The OpenAPI schema of the parameter and its ``explode``
        (``newsdesk/api/schema.py`` reads it)."""
        return {"type": "array", "items": ENTITY_NAME_SCHEMA}, self.repeatable

    def __init__(self, *args, noun: str = "record", **kwargs):
        kwargs.setdefault("noun", noun)
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        # The visible records are a query worth building only when the
        # parameter is given: the field builds them for its form's request
        # when it cleans a value (``queryset`` as given: a callable taking
        # the request, or a queryset).
        self.extra["queryset"] = self.queryset
        return django_filters.Filter.field.fget(self)

    def filter(self, qs, value):
        if not value:
            return qs
        ids = [record.pk for record in value]
        return self._distinct(qs.filter(**{f"{self.field_name}__in": ids}), [ids])

    def _distinct(self, qs, id_groups):
        """DISTINCT only where a match can repeat a row: where the path
        crosses a to-many relation (mentions, parties) and either a group
        names more than one record (a story mentioning both is joined
        twice) or the relation may hold the same pair twice. On a plain
        foreign key, or on one named record through a relation unique by
        the pair, DISTINCT would only cost a sort of every match (and the
        related columns of every match, 12,000 stories for one person)
        instead of reading the first page from an index."""
        model = qs.model
        names = self.field_name.split("__")
        for step, name in enumerate(names):
            field = model._meta.get_field(name)
            if field.many_to_many or field.one_to_many:
                one_each = all(len(ids) == 1 for ids in id_groups)
                if one_each and _unique_pairs(field, names[step + 1 :]):
                    return qs
                return qs.distinct()
            model = field.related_model
        return qs


class EntityAllFilter(EntityFilter):
    """Repeated, each repetition must match (all of); within one repetition a
    comma list still means any of."""

    field_class = EntityGroupsField
    # Each repetition a parameter of its own (``party=a&party=b``); a comma
    # list inside one stays "any of", which the schema can only describe.
    repeatable = True

    def filter(self, qs, value):
        if not value:
            return qs
        id_groups = [[record.pk for record in group] for group in value]
        for ids in id_groups:
            qs = qs.filter(**{f"{self.field_name}__in": ids})
        return self._distinct(qs, id_groups)


def _unique_pairs(field, rest: list[str]) -> bool:
    """Whether the to-many ``field`` (followed in the path by ``rest``) joins
    each row to a given record at most once: its rows are unique by the
    pair of the row and the record the path ends at.

    * a many-to-many field at the path's end: its through table is unique
      by its two foreign keys (Django's own through tables always are);
    * a reverse foreign key followed by one more step, a foreign key of the
      related rows (``parties__organisation``): those two keys are unique
      together on the related model."""
    if field.many_to_many:
        if rest:
            return False
        if field.auto_created:  # the reverse side: the same through table
            through = field.through
            keys = {field.field.m2m_field_name(), field.field.m2m_reverse_field_name()}
        else:
            through = field.remote_field.through
            keys = {field.m2m_field_name(), field.m2m_reverse_field_name()}
        return _unique_together(through, keys)
    if len(rest) != 1:
        return False
    return _unique_together(field.related_model, {field.field.name, rest[0]})


def _unique_together(model, names: set[str]) -> bool:
    meta = model._meta
    unique_sets = [set(fields) for fields in meta.unique_together]
    unique_sets += [
        set(constraint.fields)
        for constraint in meta.total_unique_constraints
        if constraint.fields
    ]
    return any(fields <= names for fields in unique_sets)


ENTITY_NAME_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "description": "A slug (`zhang-hanhui`) or a Wikidata id (`Q148`).",
}


class ISODateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": "Enter a date as YYYY-MM-DD."}


class DateBoundFilter(django_filters.Filter):
    """A date bound, inclusive: ``on_or_after`` or not (on or before). On a
    date-time field the bound is the start (or the end) of that day in UTC,
    so the column's index still serves the query."""

    field_class = ISODateField

    def __init__(self, *args, on_or_after: bool, **kwargs):
        self.on_or_after = on_or_after
        super().__init__(*args, **kwargs)

    def parameter_schema(self) -> tuple[dict, None]:
        return {"type": "string", "format": "date"}, None

    def filter(self, qs, value):
        if value is None:
            return qs
        if not self._is_datetime(qs.model):
            lookup = "gte" if self.on_or_after else "lte"
            return qs.filter(**{f"{self.field_name}__{lookup}": value})
        if not self.on_or_after:
            value += datetime.timedelta(days=1)
        start = datetime.datetime.combine(value, datetime.time.min, tzinfo=datetime.UTC)
        lookup = "gte" if self.on_or_after else "lt"
        return qs.filter(**{f"{self.field_name}__{lookup}": start})

    def _is_datetime(self, model) -> bool:
        *path, last = self.field_name.split("__")
        for name in path:
            model = model._meta.get_field(name).related_model
        return isinstance(model._meta.get_field(last), DateTimeField)


class ChoiceListField(forms.Field):
    default_validators = [ProhibitNullCharactersValidator()]

    def __init__(self, *, choices=(), **kwargs):
        self.allowed = [str(value) for value, _ in choices]
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        values = split_list(value)
        wrong = [v for v in values if v not in self.allowed]
        if wrong or not values:
            raise ValidationError(
                "Unknown value %(wrong)s; choose from %(allowed)s.",
                code="invalid_choice",
                params={
                    "wrong": ", ".join(wrong) or repr(value),
                    "allowed": ", ".join(self.allowed),
                },
            )
        return values


class ChoiceListFilter(django_filters.Filter):
    """One of a fixed set of values; a comma list means any of them."""

    field_class = ChoiceListField

    def parameter_schema(self) -> tuple[dict, bool]:
        allowed = [str(value) for value, _ in self.extra["choices"]]
        return {"type": "array", "items": {"type": "string", "enum": allowed}}, False

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})
