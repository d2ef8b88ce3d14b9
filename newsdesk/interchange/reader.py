"""Reading a newsroom file: from its text to unsaved model instances, with
every problem found on the way, before anything is written.

Three stages, each only once the one before found nothing wrong: the JSON
itself (a key given twice in one object is an error), ``format`` and
``format_version``, then the schema (``format.NewsroomFile``: every key, no
other, each value of its type and spelling). Then the records become model
instances: every slug reference resolved, uniqueness checked across the file
(the database being empty), each instance through its model's validation
(``full_clean()``: validators, choices, ``clean()``), and quotes against their
bodies. Problems name the record and the field, e.g. ``quotes[3] of article
"moon-base-plan": speaker "nobody" is not in the file``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, models
from pydantic import ValidationError as SchemaError

from articles.models import (
    VERBATIM_KINDS,
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)
from articles.text import clean_quote_text
from entities.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    MergeKind,
    MergeRecord,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)

from . import format as spec
from .format import FORMAT, FORMAT_VERSION, json_type
from .progress import Progress


class Unreadable(Exception):
    """The text is not JSON at all; the message says where."""


def parse(text: str):
    """The JSON value of ``text``; a key given twice in one object is an
    error rather than (as ``json`` does) silently the last value."""
    try:
        return json.loads(text, object_pairs_hook=_unique_pairs)
    except json.JSONDecodeError as error:
        raise Unreadable(
            f"{error.msg} at line {error.lineno} column {error.colno}"
        ) from error
    except ValueError as error:
        raise Unreadable(str(error)) from error


def _unique_pairs(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f'key "{key}" appears twice in one object')
        result[key] = value
    return result


# --------------------------------------------------------------------------
# The schema's complaints, in the words of the rest of the messages

_NESTED = ("aliases", "parties", "status_changes", "quotes", "authors")


def _label(data, collection: str, index: int) -> str:
    """How a top-level record is named: by its slug when it has one."""
    try:
        slug = data[collection][index].get("slug")
    except (AttributeError, IndexError, KeyError, TypeError):
        slug = None
    noun = spec.COLLECTIONS[collection][1]
    if collection not in ("roles", "merge_records") and isinstance(slug, str):
        if slug:
            return f'{noun} "{slug}"'
    return f"{collection}[{index}]"


def _where(data, loc: tuple) -> tuple[str, str | None]:
    """(the record, the key) that a schema error's location names."""
    if len(loc) < 2 or not isinstance(loc[1], int):
        return "the file", (str(loc[0]) if loc else None)
    where, rest = _label(data, loc[0], loc[1]), list(loc[2:])
    if len(rest) >= 2 and rest[0] in _NESTED and isinstance(rest[1], int):
        where, rest = f"{rest[0]}[{rest[1]}] of {where}", rest[2:]
    elif len(rest) >= 2 and rest[0] == "mentions":
        if len(rest) >= 3 and isinstance(rest[2], int):
            where, rest = f"mentions.{rest[1]}[{rest[2]}] of {where}", rest[3:]
        else:
            where, rest = f'"mentions" of {where}', rest[1:]
    return where, (str(rest[0]) if rest else None)


def _complaint(error: dict) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    loc = error["loc"]
    if kind == "string_type" and len(loc) == 4 and loc[2] == "authors":
        return f"must be a person's slug, not {json_type(value)}"
    expected = {
        "string_type": "a string",
        "int_type": "a whole number",
        "bool_type": "true or false",
        "list_type": "an array",
        "model_type": "an object",
        "dict_type": "an object",
    }
    if kind in expected:
        return f"must be {expected[kind]}, not {json_type(value)}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}, not {value}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "value_error":
        return str(ctx["error"])
    return error["msg"]


def schema_problems(data, error: SchemaError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        where, key = _where(data, item["loc"])
        if item["type"] == "missing":
            problems.append(f'{where}: missing key "{key}"')
        elif item["type"] == "extra_forbidden":
            problems.append(f'{where}: unknown key "{key}"')
        elif key is not None:
            problems.append(f'{where}: "{key}" {_complaint(item)}')
        else:
            problems.append(f"{where}: {_complaint(item)}")
    return problems


# --------------------------------------------------------------------------
# The records as model instances


def _values(record: spec.Record, *leave_out: str) -> dict:
    """The record's own fields, as model field values."""
    return {
        name: getattr(record, name)
        for name in type(record).model_fields
        if name not in leave_out
    }


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


SLUGGED = [
    ("people", "person", Person, ("aliases",)),
    ("organisations", "organisation", Organisation, ("aliases", "parent")),
    ("agreements", "agreement", Agreement, ("parties", "status_changes")),
    ("articles", "article", Article, ("authors", "source", "mentions", "quotes")),
]
MENTION_KINDS = [
    ("people", "person", ArticlePerson),
    ("organisations", "organisation", ArticleOrganisation),
    ("agreements", "agreement", ArticleAgreement),
]


class Newsroom:
    """A file's records as unsaved model instances, with every problem
    found in ``errors`` and what the import should say in ``warnings``."""

    def __init__(self, *, progress: Progress | None = None):
        self.progress = progress
        self.errors: list[str] = []
        self.warnings: list[str] = []
        # model → [(where, instance)], in file order.
        self.objects: dict[type[models.Model], list] = defaultdict(list)
        # noun → slug → instance.
        self.slugs: dict[str, dict[str, models.Model]] = {}
        self.authors: list[tuple[str, Article, Person]] = []

    def fail(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def add(self, where: str, instance: models.Model) -> None:
        self.objects[type(instance)].append((where, instance))

    def resolve(self, where: str, noun: str, key: str, value: str | None):
        """The instance the slug ``value`` names; ``None`` (and an error if
        it is not in the file) otherwise."""
        if value is None:
            return None
        found = self.slugs[noun].get(value)
        if found is None:
            self.fail(where, f'{key} "{value}" is not in the file')
        return found

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress.advance()

    # -- the file

    def read(self, data) -> None:
        if not isinstance(data, dict):
            self.fail("the file", f"must be a JSON object, not {json_type(data)}")
            return
        if data.get("format") != FORMAT:
            self.fail(
                "the file",
                f'"format" must be "{FORMAT}" (found {json.dumps(data.get("format"))})'
                ": this is not a Newsdesk export",
            )
            return
        if data.get("format_version") != FORMAT_VERSION:
            self.fail(
                "the file",
                f"format version {json.dumps(data.get('format_version'))} is not "
                f"supported; this Newsdesk reads format version {FORMAT_VERSION}",
            )
            return
        try:
            file = spec.NewsroomFile.model_validate(data)
        except SchemaError as error:
            self.errors.extend(schema_problems(data, error))
            return
        self.build(file)

    def build(self, file: spec.NewsroomFile) -> None:
        declared = []
        for key, noun, model, later in SLUGGED:
            declared.append(
                (noun, self.declare(getattr(file, key), key, noun, model, later))
            )
        handlers = {
            "person": self.person,
            "organisation": self.organisation,
            "agreement": self.agreement,
            "article": self.article,
        }
        for noun, records in declared:
            for where, instance, record in records:
                handlers[noun](where, instance, record)
                self._tick()
        for index, role in enumerate(file.roles):
            self.role(f"roles[{index}]", role)
            self._tick()
        users = self.users({r.merged_by for r in file.merge_records if r.merged_by})
        for index, record in enumerate(file.merge_records):
            self.merge_record(f"merge_records[{index}]", record, users)
            self._tick()
        self.check_models()
        self.check_unique()

    def declare(self, records, key: str, noun: str, model, later) -> list:
        """An instance for each slugged record, its slug registered so that
        references from any collection can be resolved afterwards."""
        known: dict[str, models.Model] = {}
        first: dict[str, int] = {}
        self.slugs[noun] = known
        declared = []
        for index, record in enumerate(records):
            if record.slug in first:
                self.fail(
                    f"{key}[{index}]",
                    f'duplicate slug "{record.slug}": {key}[{first[record.slug]}] '
                    "has it too",
                )
                continue
            where = f'{noun} "{record.slug}"'
            instance = model(**_values(record, *later))
            self.add(where, instance)
            declared.append((where, instance, record))
            first[record.slug] = index
            known[record.slug] = instance
        return declared

    def person(self, where: str, person: Person, record) -> None:
        self.aliases(where, person, record.aliases, PersonAlias, "person")

    def organisation(self, where: str, organisation: Organisation, record) -> None:
        parent = self.resolve(where, "organisation", "parent", record.parent)
        if parent is not None:
            organisation.parent = parent
        self.aliases(
            where, organisation, record.aliases, OrganisationAlias, "organisation"
        )

    def aliases(self, where, owner, aliases, model, field: str) -> None:
        for index, alias in enumerate(aliases):
            self.add(
                f"aliases[{index}] of {where}",
                model(**_values(alias), **{field: owner}),
            )

    def role(self, where: str, role: spec.RoleRecord) -> None:
        person = self.resolve(where, "person", "person", role.person)
        organisation = self.resolve(
            where, "organisation", "organisation", role.organisation
        )
        if person is not None and organisation is not None:
            values = _values(role, "person", "organisation")
            self.add(where, Role(person=person, organisation=organisation, **values))

    def agreement(self, where: str, agreement: Agreement, record) -> None:
        for index, party in enumerate(record.parties):
            party_where = f"parties[{index}] of {where}"
            organisation = self.resolve(
                party_where, "organisation", "organisation", party.organisation
            )
            if organisation is not None:
                values = _values(party, "organisation")
                self.add(
                    party_where,
                    AgreementParty(
                        agreement=agreement, organisation=organisation, **values
                    ),
                )
        for index, change in enumerate(record.status_changes):
            change_where = f"status_changes[{index}] of {where}"
            values = _values(change)
            values["party"] = self.resolve(
                change_where, "organisation", "party", change.party
            )
            values["article"] = self.resolve(
                change_where, "article", "article", change.article
            )
            self.add(change_where, AgreementStatusChange(agreement=agreement, **values))

    def article(self, where: str, article: Article, record) -> None:
        article.source = self.resolve(where, "organisation", "source", record.source)
        seen: set[str] = set()
        for index, author in enumerate(record.authors):
            author_where = f"authors[{index}] of {where}"
            if author in seen:
                self.fail(author_where, f'author "{author}" is listed twice')
                continue
            seen.add(author)
            person = self.resolve(author_where, "person", "author", author)
            if person is not None:
                self.authors.append((author_where, article, person))
        for key, noun, model in MENTION_KINDS:
            mentioned: set[str] = set()
            for index, mention in enumerate(getattr(record.mentions, key)):
                mention_where = f"mentions.{key}[{index}] of {where}"
                entity_slug = getattr(mention, noun)
                if entity_slug in mentioned:
                    self.fail(
                        mention_where, f'{noun} "{entity_slug}" is mentioned twice'
                    )
                    continue
                mentioned.add(entity_slug)
                entity = self.resolve(mention_where, noun, noun, entity_slug)
                if entity is not None:
                    values = _values(mention, noun)
                    self.add(
                        mention_where,
                        model(article=article, **{noun: entity}, **values),
                    )
        for index, quote in enumerate(record.quotes):
            quote_where = f"quotes[{index}] of {where}"
            speaker = self.resolve(quote_where, "person", "speaker", quote.speaker)
            values = _values(quote, "speaker")
            if quote.speaker is None and not quote.source_description.strip():
                self.fail(quote_where, 'needs a "speaker" or a "source_description"')
                continue
            for key in ("organisation", "outlet"):
                values[key] = self.resolve(
                    quote_where, "organisation", key, values[key]
                )
            if speaker is not None or quote.speaker is None:
                values["public_from"] = article.public_from
                self.add(quote_where, Quote(article=article, speaker=speaker, **values))

    def users(self, usernames: set[str]) -> dict[str, models.Model]:
        User = get_user_model()
        found = {
            user.get_username(): user
            for user in User._default_manager.filter(
                **{f"{User.USERNAME_FIELD}__in": usernames}
            )
        }
        for username in sorted(usernames - set(found)):
            self.warnings.append(
                f'No user "{username}" exists here: the merge records made by '
                "that user are imported without it."
            )
        return found

    def merge_record(self, where: str, record, users: dict) -> None:
        person = self.resolve(
            where, "person", "survivor_person", record.survivor_person
        )
        organisation = self.resolve(
            where, "organisation", "survivor_organisation", record.survivor_organisation
        )
        values = _values(
            record, "survivor_person", "survivor_organisation", "merged_by"
        )
        instance = MergeRecord(
            survivor_person=person,
            survivor_organisation=organisation,
            merged_by=users.get(record.merged_by),
            **values,
        )
        # The merge_record_one_survivor constraint, which no clean() repeats.
        has_person = record.survivor_person is not None
        has_organisation = record.survivor_organisation is not None
        if instance.kind == MergeKind.PERSON and (not has_person or has_organisation):
            self.fail(
                where,
                'a person merge needs a "survivor_person" and a null '
                '"survivor_organisation"',
            )
        elif instance.kind == MergeKind.ORGANISATION and (
            not has_organisation or has_person
        ):
            self.fail(
                where,
                'an organisation merge needs a "survivor_organisation" and a null '
                '"survivor_person"',
            )
        self.add(where, instance)

    # -- the models' own rules

    def check_models(self) -> None:
        """Each record through its model's validation. Related records are
        not looked up in the database (they are all in the file and checked
        above), and uniqueness is checked across the file by
        ``check_unique``, the database being empty."""
        for model, items in self.objects.items():
            relations = [f.name for f in model._meta.concrete_fields if f.is_relation]
            for where, instance in items:
                try:
                    if model is Quote:
                        # Quote.clean() would relocate the quote and fill in
                        # defaults: the file's values must be kept as they
                        # are, so they are checked as they are instead.
                        instance.clean_fields(exclude=relations)
                    else:
                        instance.full_clean(
                            exclude=relations,
                            validate_unique=False,
                            validate_constraints=False,
                        )
                except ValidationError as error:
                    for field, messages in error.message_dict.items():
                        label = "" if field == "__all__" else f'"{field}": '
                        for message in messages:
                            self.fail(where, f"{label}{message}")
                if model is Quote:
                    self.check_quote(where, instance)

    def check_quote(self, where: str, quote: Quote) -> None:
        body = quote.article.body
        start, end = quote.start, quote.end
        if not clean_quote_text(quote.text):
            self.fail(where, '"text": Enter the quoted words.')
        elif (start is None) != (end is None):
            self.fail(where, '"start" and "end" must both be numbers or both null')
        elif start is not None and end <= start:
            self.fail(where, f'"end" ({end}) must be greater than "start" ({start})')
        elif start is not None and body[start:end] != quote.text:
            self.fail(
                where,
                f'"text" “{_short(quote.text)}” is not in the article\'s body at '
                f"{start}–{end} (the body has “{_short(body[start:end])}” there)",
            )
        elif start is None and quote.kind in VERBATIM_KINDS:
            self.fail(
                where,
                f"a {quote.kind} quote must be located in the article's body: "
                '"start" and "end" are null',
            )

    def check_unique(self) -> None:
        """What the unique constraints would refuse, across the file."""
        lower = _sql_lower()

        def unique(model, key: Callable, describe: Callable) -> None:
            seen: dict = {}
            for where, instance in self.objects.get(model, []):
                value = key(instance)
                if value is None:
                    continue
                if value in seen:
                    self.fail(where, f"{describe(instance)}: {seen[value]} has it too")
                else:
                    seen[value] = where

        for model in list(self.objects):
            unique(model, lambda o: o.pk, lambda o: f"duplicate id {o.pk}")
        for model in (Person, Organisation, Agreement):
            unique(
                model,
                lambda o: o.wikidata_id or None,
                lambda o: f'duplicate Wikidata id "{o.wikidata_id}"',
            )
        for model, owner in (
            (PersonAlias, "person"),
            (OrganisationAlias, "organisation"),
        ):
            unique(
                model,
                lambda o, owner=owner: (id(getattr(o, owner)), lower(o.name)),
                lambda o, owner=owner: f'duplicate alias "{o.name}" of this {owner}',
            )
        unique(
            Role,
            lambda o: (
                (o.person.pk, o.organisation.pk, o.title, o.start_date)
                if o.start_date is not None
                else None
            ),
            lambda o: "the same person, organisation, title and start date",
        )
        unique(
            AgreementParty,
            lambda o: (id(o.agreement), o.organisation.pk),
            lambda o: f'organisation "{o.organisation.slug}" is already a party',
        )


def _sql_lower() -> Callable[[str], str]:
    """``LOWER()`` as the database computes it for the alias constraints:
    SQLite lowers ASCII letters only."""
    if connection.vendor == "sqlite":
        return lambda value: "".join(
            char.lower() if char.isascii() else char for char in value
        )
    return str.lower


def record_count(data) -> int:
    """How many top-level records ``data`` holds, for the progress line."""
    if not isinstance(data, dict):
        return 0
    return sum(
        len(data[key]) for key in spec.COLLECTIONS if isinstance(data.get(key), list)
    )
