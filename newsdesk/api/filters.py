"""Filter building blocks shared by every resource.

The contract's entity filters take slugs or Wikidata ids, a comma-separated
list meaning "any of". django-filter's model choice filters take one primary
key per value and only see ``getlist`` repetitions, so these resolve a list of
slugs and ids themselves and answer a 400 naming the unknown ones (never an
empty result for a typo). The queryset a value may name is the one the request
may see, so an anonymous client cannot probe for unpublished records.
"""

from __future__ import annotations

import datetime
import functools
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import DateTimeField, Q, QuerySet
from django_filters.filters import QuerySetRequestMixin

WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


def split_list(value: str) -> list[str]:
    return [token.strip() for token in value.split(",") if token.strip()]


def resolve(queryset: QuerySet, tokens: list[str], noun: str) -> list:
    """The records of ``queryset`` named by ``tokens`` (slugs or Wikidata
    ids); ``ValidationError`` naming any that name nothing."""
    has_wikidata = any(f.name == "wikidata_id" for f in queryset.model._meta.fields)
    wikidata_ids = [t for t in tokens if has_wikidata and WIKIDATA_ID.match(t)]
    slugs = [token for token in tokens if token not in wikidata_ids]
    condition = Q(slug__in=slugs)
    if wikidata_ids:
        condition |= Q(wikidata_id__in=wikidata_ids)
    found = list(queryset.filter(condition))
    known = {record.slug for record in found} | {
        getattr(record, "wikidata_id", "") for record in found
    }
    unknown = [token for token in tokens if token not in known]
    if unknown:
        # What the client typed travels as params, never in the message:
        # django-filter %-formats every message, and a "%" in it was a 500.
        raise ValidationError(
            "No %(noun)s with the slug or Wikidata id %(unknown)s.",
            code="unknown",
            params={"noun": noun, "unknown": ", ".join(unknown)},
        )
    return found


class EntityListField(forms.Field):
    """One value: comma-separated slugs or Wikidata ids, any of them."""

    # PostgreSQL refuses NUL in text: answer 400, not a database error.
    default_validators = [ProhibitNullCharactersValidator()]

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
        queryset = self.queryset() if callable(self.queryset) else self.queryset
        return resolve(queryset, tokens, self.noun)


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
        # Every repetition's records in one query.
        queryset = self.queryset() if callable(self.queryset) else self.queryset
        tokens = list(dict.fromkeys(t for group in token_groups for t in group))
        by_token = {}
        for record in resolve(queryset, tokens, self.noun):
            by_token[record.slug] = record
            if getattr(record, "wikidata_id", ""):
                by_token[record.wikidata_id] = record
        return [[by_token[token] for token in group] for group in token_groups]


class EntityFilter(QuerySetRequestMixin, django_filters.Filter):
    """Records named by slug or Wikidata id; a comma list means any of them.

    ``queryset`` may be a callable taking the request, so each client can only
    name what it may see.
    """

    field_class = EntityListField

    def __init__(self, *args, noun: str = "record", **kwargs):
        kwargs.setdefault("noun", noun)
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        # The visible records are a query worth building only when the
        # parameter is given: the field resolves them when it cleans a value.
        request = self.get_request()
        self.extra["queryset"] = functools.partial(self.get_queryset, request)
        return django_filters.Filter.field.fget(self)

    def filter(self, qs, value):
        if not value:
            return qs
        return self._distinct(qs.filter(**{f"{self.field_name}__in": value}))

    def _distinct(self, qs):
        """DISTINCT only where the path crosses a to-many relation (mentions,
        parties): on a plain foreign key it would cost a sort of every match
        instead of reading the first page from an index."""
        model = qs.model
        for name in self.field_name.split("__"):
            field = model._meta.get_field(name)
            if field.many_to_many or field.one_to_many:
                return qs.distinct()
            model = field.related_model
        return qs


class EntityAllFilter(EntityFilter):
    """Repeated, each repetition must match (all of); within one repetition a
    comma list still means any of."""

    field_class = EntityGroupsField

    def filter(self, qs, value):
        if not value:
            return qs
        for group in value:
            qs = qs.filter(**{f"{self.field_name}__in": group})
        return self._distinct(qs)


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

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})
