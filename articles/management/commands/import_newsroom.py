"""Restore a file written by ``export_newsroom`` into an empty database.

The whole file is read and checked before anything is written: its format
and version, every record's keys and their types, dates, every reference by
slug, uniqueness, and each record against the model's own validation
(``full_clean()``: field validators, choices and ``clean()``). Quotes are
checked against their article's body: a quote with offsets must be exactly
the body's text there, and a direct or partial quote must have offsets. Any
problem refuses the file with messages naming the record and the field, and
nothing is imported.

Then everything is written in one transaction with ``bulk_create``, keeping
the file's ids, versions and timestamps exactly, so export → import → export
gives an identical file.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from articles.models import (
    VERBATIM_KINDS,
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)
from articles.text import clean_quote_text
from entities import visibility
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
from newsdesk.cache import content_changed

from .export_newsroom import FORMAT, FORMAT_VERSION, Progress, progress_wanted

BATCH_SIZE = 1000
MAX_REPORTED = 50

ArticleAuthor = Article.authors.through

# Dependency order: every model after those it refers to.
MODELS: list[type[models.Model]] = [
    Person,
    PersonAlias,
    Organisation,
    OrganisationAlias,
    Role,
    Agreement,
    AgreementParty,
    Article,
    ArticleAuthor,
    AgreementStatusChange,
    ArticlePerson,
    ArticleOrganisation,
    ArticleAgreement,
    Quote,
    MergeRecord,
]

# Names for the refusal to import into a database that is not empty, where
# the models' own verbose names ("aliases", "parties") would be ambiguous.
NAMES = {
    PersonAlias: ("person alias", "person aliases"),
    OrganisationAlias: ("organisation alias", "organisation aliases"),
    AgreementParty: ("agreement party", "agreement parties"),
    AgreementStatusChange: ("agreement status change", "agreement status changes"),
    ArticlePerson: ("mention of a person", "mentions of people"),
    ArticleOrganisation: ("mention of an organisation", "mentions of organisations"),
    ArticleAgreement: ("mention of an agreement", "mentions of agreements"),
}


def counted(count: int, model: type[models.Model]) -> str:
    meta = model._meta
    singular, plural = NAMES.get(model, (meta.verbose_name, meta.verbose_name_plural))
    return f"{count} {singular if count == 1 else plural}"


# --------------------------------------------------------------------------
# Value checks: each returns the value as the models want it, or raises
# Invalid with what is wrong (the caller adds where).


class Invalid(Exception):
    pass


def json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def text(value):
    if not isinstance(value, str):
        raise Invalid(f"must be a string, not {json_type(value)}")
    return value


def slug(value):
    if not text(value):
        raise Invalid("must not be empty")
    return value


def whole_number(value, least: int = 0):
    if type(value) is not int:
        raise Invalid(f"must be a whole number, not {json_type(value)}")
    if value < least:
        raise Invalid(f"must be at least {least}, not {value}")
    return value


def identifier(value):
    return whole_number(value, least=1)


def boolean(value):
    if not isinstance(value, bool):
        raise Invalid(f"must be true or false, not {json_type(value)}")
    return value


def array(value):
    if not isinstance(value, list):
        raise Invalid(f"must be an array, not {json_type(value)}")
    return value


def mapping(value):
    if not isinstance(value, dict):
        raise Invalid(f"must be an object, not {json_type(value)}")
    return value


DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})"
)


def date(value) -> datetime.date:
    text(value)
    try:
        if not DATE.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Invalid(f'"{value}" is not a date (YYYY-MM-DD)') from None


def moment(value) -> datetime.datetime:
    text(value)
    try:
        if not DATETIME.fullmatch(value):
            raise ValueError
        return datetime.datetime.fromisoformat(value).astimezone(datetime.UTC)
    except ValueError:
        raise Invalid(
            f'"{value}" is not a date and time with a UTC offset '
            "(YYYY-MM-DDTHH:MM:SS.ffffff+00:00)"
        ) from None


def nullable(check: Callable) -> Callable:
    def check_or_null(value):
        return None if value is None else check(value)

    return check_or_null


STAMPS = {"version": whole_number, "created_at": moment, "updated_at": moment}

PERSON = {
    "id": identifier,
    "slug": slug,
    "name": text,
    "description": text,
    "wikidata_id": text,
    **STAMPS,
    "aliases": array,
}
ALIAS = {"id": identifier, "name": text}
ORGANISATION = {
    "id": identifier,
    "slug": slug,
    "name": text,
    "kind": text,
    "country": text,
    "parent": nullable(text),
    "description": text,
    "wikidata_id": text,
    **STAMPS,
    "aliases": array,
}
ROLE = {
    "id": identifier,
    "person": text,
    "organisation": text,
    "title": text,
    "start_date": nullable(date),
    "end_date": nullable(date),
}
AGREEMENT = {
    "id": identifier,
    "slug": slug,
    "title": text,
    "kind": text,
    "signed_on": nullable(date),
    "signed_precision": text,
    "scope": text,
    "summary": text,
    "status": text,
    "wikidata_id": text,
    **STAMPS,
    "parties": array,
    "status_changes": array,
}
PARTY = {"id": identifier, "organisation": text, "role": text}
STATUS_CHANGE = {
    "id": identifier,
    "status": text,
    "date": date,
    "party": nullable(text),
    "article": nullable(text),
    "note": text,
}
ARTICLE = {
    "id": identifier,
    "slug": slug,
    "headline": text,
    "standfirst": text,
    "body": text,
    "authors": array,
    "source": nullable(text),
    "source_url": text,
    "language": text,
    "status": text,
    "published_at": nullable(moment),
    **STAMPS,
    "mentions": mapping,
    "quotes": array,
}
MENTIONS = {"people": array, "organisations": array, "agreements": array}
QUOTE = {
    "id": identifier,
    "text": text,
    "kind": text,
    "speaker": nullable(text),
    "organisation": nullable(text),
    "outlet": nullable(text),
    "cue": text,
    "said_on": nullable(date),
    "start": nullable(whole_number),
    "end": nullable(whole_number),
    "created_at": moment,
    "updated_at": moment,
}
MERGE_RECORD = {
    "id": identifier,
    "kind": text,
    "old_id": identifier,
    "old_slug": text,
    "old_name": text,
    "survivor_person": nullable(text),
    "survivor_organisation": nullable(text),
    "summary": text,
    "merged_at": moment,
    "merged_by": nullable(text),
}
TOP_LEVEL = {
    "format": text,
    "format_version": whole_number,
    "people": array,
    "organisations": array,
    "roles": array,
    "agreements": array,
    "articles": array,
    "merge_records": array,
}

# The slugged collections: file key, noun, model, spec.
SLUGGED = [
    ("people", "person", Person, PERSON),
    ("organisations", "organisation", Organisation, ORGANISATION),
    ("agreements", "agreement", Agreement, AGREEMENT),
    ("articles", "article", Article, ARTICLE),
]
MENTION_KINDS = [
    ("people", "person", ArticlePerson),
    ("organisations", "organisation", ArticleOrganisation),
    ("agreements", "agreement", ArticleAgreement),
]


def _fields(values: dict, *nested: str) -> dict:
    """The record's own model fields: ``values`` without nested lists."""
    return {key: value for key, value in values.items() if key not in nested}


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --------------------------------------------------------------------------
# Reading and checking the file


class NewsroomFile:
    """The file's records as unsaved model instances, with every problem
    found on the way in ``errors``."""

    def __init__(self, data, *, progress: Progress | None = None):
        self.data = data
        self.progress = progress
        self.errors: list[str] = []
        self.warnings: list[str] = []
        # model → [(where, instance)], in file order.
        self.objects: dict[type[models.Model], list] = defaultdict(list)
        # noun → slug → instance (None for a record too broken to build).
        self.slugs: dict[str, dict[str, models.Model | None]] = {}
        self.authors: list[tuple[str, Article, Person]] = []

    # -- reporting

    def fail(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def fields(self, where: str, value, spec: dict) -> dict | None:
        """``value`` checked against ``spec``: every key present, no other,
        each of the right type. ``None`` if anything is wrong."""
        if not isinstance(value, dict):
            self.fail(where, f"must be an object, not {json_type(value)}")
            return None
        ok = True
        for key in spec:
            if key not in value:
                self.fail(where, f'missing key "{key}"')
                ok = False
        for key in sorted(set(value) - set(spec)):
            self.fail(where, f'unknown key "{key}"')
            ok = False
        checked = {}
        for key, check in spec.items():
            if key in value:
                try:
                    checked[key] = check(value[key])
                except Invalid as problem:
                    self.fail(where, f'"{key}" {problem}')
                    ok = False
        return checked if ok else None

    def add(self, where: str, instance: models.Model) -> None:
        self.objects[type(instance)].append((where, instance))

    def resolve(self, where: str, noun: str, key: str, value: str | None):
        """The instance the slug ``value`` names; ``None`` (and an error if
        it is not in the file) otherwise."""
        if value is None:
            return None
        known = self.slugs[noun]
        if value not in known:
            self.fail(where, f'{key} "{value}" is not in the file')
        return known.get(value)

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress.advance()

    # -- the file

    def read(self) -> None:
        top = self.data
        if not isinstance(top, dict):
            self.fail("the file", f"must be a JSON object, not {json_type(top)}")
            return
        if top.get("format") != FORMAT:
            self.fail(
                "the file",
                f'"format" must be "{FORMAT}" (found {json.dumps(top.get("format"))}): '
                "this is not a Newsdesk export",
            )
            return
        if top.get("format_version") != FORMAT_VERSION:
            self.fail(
                "the file",
                f"format version {json.dumps(top.get('format_version'))} is not "
                f"supported; this Newsdesk reads format version {FORMAT_VERSION}",
            )
            return
        values = self.fields("the file", top, TOP_LEVEL)
        if values is None:
            return
        pending = []
        for key, noun, model, spec in SLUGGED:
            pending.append(
                (noun, list(self.declare(values[key], key, noun, model, spec)))
            )
        handlers = {
            "person": self.person,
            "organisation": self.organisation,
            "agreement": self.agreement,
            "article": self.article,
        }
        for noun, records in pending:
            for where, instance, record in records:
                handlers[noun](where, instance, record)
        for index, raw in enumerate(values["roles"]):
            self.role(f"roles[{index}]", raw)
            self._tick()
        usernames = {
            raw.get("merged_by")
            for raw in values["merge_records"]
            if isinstance(raw, dict) and isinstance(raw.get("merged_by"), str)
        }
        users = self.users(usernames)
        for index, raw in enumerate(values["merge_records"]):
            self.merge_record(f"merge_records[{index}]", raw, users)
            self._tick()
        self.check_models()
        self.check_unique()

    def declare(self, records: list, key: str, noun: str, model, spec) -> Iterator:
        """Build each slugged record and register its slug, so references
        in any collection can be resolved afterwards."""
        known: dict[str, models.Model | None] = {}
        first: dict[str, int] = {}
        self.slugs[noun] = known
        # Nested records and references are resolved once every slug is known.
        nested = [
            name
            for name, check in spec.items()
            if check in (array, mapping) or name in ("parent", "source")
        ]
        for index, raw in enumerate(records):
            record_slug = raw.get("slug") if isinstance(raw, dict) else None
            where = (
                f'{noun} "{record_slug}"'
                if isinstance(record_slug, str) and record_slug
                else f"{key}[{index}]"
            )
            if isinstance(record_slug, str) and record_slug in first:
                self.fail(
                    f"{key}[{index}]",
                    f'duplicate slug "{record_slug}": {key}[{first[record_slug]}] '
                    "has it too",
                )
                continue
            values = self.fields(where, raw, spec)
            instance = None
            if values is not None:
                instance = model(**_fields(values, *nested))
                self.add(where, instance)
                yield where, instance, values
            if isinstance(record_slug, str) and record_slug:
                first[record_slug] = index
                known[record_slug] = instance

    def person(self, where: str, person: Person, values: dict) -> None:
        self.aliases(where, person, values["aliases"], PersonAlias, "person")
        self._tick()

    def organisation(self, where: str, organisation: Organisation, values) -> None:
        parent = self.resolve(where, "organisation", "parent", values["parent"])
        if parent is not None:
            organisation.parent = parent
        self.aliases(
            where, organisation, values["aliases"], OrganisationAlias, "organisation"
        )
        self._tick()

    def aliases(self, where, owner, items: list, model, field: str) -> None:
        for index, raw in enumerate(items):
            alias_where = f"aliases[{index}] of {where}"
            values = self.fields(alias_where, raw, ALIAS)
            if values is not None:
                self.add(alias_where, model(**values, **{field: owner}))

    def role(self, where: str, raw) -> None:
        values = self.fields(where, raw, ROLE)
        if values is None:
            return
        person = self.resolve(where, "person", "person", values.pop("person"))
        organisation = self.resolve(
            where, "organisation", "organisation", values.pop("organisation")
        )
        if person is not None and organisation is not None:
            self.add(where, Role(person=person, organisation=organisation, **values))

    def agreement(self, where: str, agreement: Agreement, values: dict) -> None:
        for index, raw in enumerate(values["parties"]):
            party_where = f"parties[{index}] of {where}"
            party = self.fields(party_where, raw, PARTY)
            if party is None:
                continue
            organisation = self.resolve(
                party_where, "organisation", "organisation", party.pop("organisation")
            )
            if organisation is not None:
                self.add(
                    party_where,
                    AgreementParty(
                        agreement=agreement, organisation=organisation, **party
                    ),
                )
        for index, raw in enumerate(values["status_changes"]):
            change_where = f"status_changes[{index}] of {where}"
            change = self.fields(change_where, raw, STATUS_CHANGE)
            if change is None:
                continue
            change["party"] = self.resolve(
                change_where, "organisation", "party", change["party"]
            )
            change["article"] = self.resolve(
                change_where, "article", "article", change["article"]
            )
            self.add(change_where, AgreementStatusChange(agreement=agreement, **change))
        self._tick()

    def article(self, where: str, article: Article, values: dict) -> None:
        article.source = self.resolve(where, "organisation", "source", values["source"])
        seen: set[str] = set()
        for index, author in enumerate(values["authors"]):
            author_where = f"authors[{index}] of {where}"
            if not isinstance(author, str):
                self.fail(
                    author_where, f"must be a person's slug, not {json_type(author)}"
                )
                continue
            if author in seen:
                self.fail(author_where, f'author "{author}" is listed twice')
                continue
            seen.add(author)
            person = self.resolve(author_where, "person", "author", author)
            if person is not None:
                self.authors.append((author_where, article, person))
        mentions = self.fields(f'"mentions" of {where}', values["mentions"], MENTIONS)
        for key, noun, model in MENTION_KINDS if mentions is not None else ():
            spec = {"id": identifier, noun: text, "about": boolean}
            mentioned: set[str] = set()
            for index, raw in enumerate(mentions[key]):
                mention_where = f"mentions.{key}[{index}] of {where}"
                mention = self.fields(mention_where, raw, spec)
                if mention is None:
                    continue
                entity_slug = mention.pop(noun)
                if entity_slug in mentioned:
                    self.fail(
                        mention_where, f'{noun} "{entity_slug}" is mentioned twice'
                    )
                    continue
                mentioned.add(entity_slug)
                entity = self.resolve(mention_where, noun, noun, entity_slug)
                if entity is not None:
                    self.add(
                        mention_where,
                        model(article=article, **{noun: entity}, **mention),
                    )
        for index, raw in enumerate(values["quotes"]):
            quote_where = f"quotes[{index}] of {where}"
            # An unnamed source's description is the one optional key.
            description = ""
            if isinstance(raw, dict) and "source_description" in raw:
                raw = dict(raw)
                description = raw.pop("source_description")
                if not isinstance(description, str) or not description.strip():
                    self.fail(quote_where, '"source_description" must be a text')
                    continue
            quote = self.fields(quote_where, raw, QUOTE)
            if quote is None:
                continue
            speaker_slug = quote.pop("speaker")
            speaker = self.resolve(quote_where, "person", "speaker", speaker_slug)
            if speaker_slug is None and not description:
                self.fail(quote_where, 'needs a "speaker" or a "source_description"')
                continue
            for key in ("organisation", "outlet"):
                quote[key] = self.resolve(quote_where, "organisation", key, quote[key])
            if speaker is not None or speaker_slug is None:
                quote["public_from"] = article.public_from
                self.add(
                    quote_where,
                    Quote(
                        article=article,
                        speaker=speaker,
                        source_description=description,
                        **quote,
                    ),
                )
        self._tick()

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

    def merge_record(self, where: str, raw, users: dict) -> None:
        values = self.fields(where, raw, MERGE_RECORD)
        if values is None:
            return
        person = self.resolve(
            where, "person", "survivor_person", values.pop("survivor_person")
        )
        organisation = self.resolve(
            where,
            "organisation",
            "survivor_organisation",
            values.pop("survivor_organisation"),
        )
        merged_by = users.get(values.pop("merged_by"))
        record = MergeRecord(
            survivor_person=person,
            survivor_organisation=organisation,
            merged_by=merged_by,
            **values,
        )
        # The merge_record_one_survivor constraint, which no clean() repeats.
        has_person = raw["survivor_person"] is not None
        has_organisation = raw["survivor_organisation"] is not None
        if record.kind == MergeKind.PERSON and (not has_person or has_organisation):
            self.fail(
                where,
                'a person merge needs a "survivor_person" and a null '
                '"survivor_organisation"',
            )
        elif record.kind == MergeKind.ORGANISATION and (
            not has_organisation or has_person
        ):
            self.fail(
                where,
                'an organisation merge needs a "survivor_organisation" and a null '
                '"survivor_person"',
            )
        self.add(where, record)

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

        for model in MODELS:
            if model is not ArticleAuthor:
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


# --------------------------------------------------------------------------
# Writing


@contextmanager
def timestamps_as_given(model_list) -> Iterator[None]:
    """Let ``bulk_create`` write the instances' own ``created_at`` /
    ``updated_at`` / ``merged_at``: ``auto_now`` and ``auto_now_add`` fields
    overwrite any value with the current time in ``pre_save()``, even on an
    insert with explicit values. The flags are restored afterwards; this is
    meant for a management command's own process."""
    saved = []
    for model in model_list:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(
                field, "auto_now_add", False
            ):
                saved.append((field, field.auto_now, field.auto_now_add))
    try:
        for field, _, _ in saved:
            field.auto_now = field.auto_now_add = False
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _depth(organisation: Organisation) -> int:
    return len(organisation.ancestors())


def write(newsroom: NewsroomFile, *, reason: str, progress: Progress) -> dict:
    """Insert everything (in dependency order), one '+' history record per
    object, then move the id sequences past the ids written."""
    objects = {
        model: [o for _, o in newsroom.objects.get(model, [])] for model in MODELS
    }
    objects[Organisation].sort(key=_depth)
    objects[ArticleAuthor] = [
        ArticleAuthor(article=article, person=person)
        for _, article, person in newsroom.authors
    ]
    now = timezone.now()
    history_ids: dict[int, int] = {}
    with timestamps_as_given(MODELS):
        for model in MODELS:
            rows = objects[model]
            for batch in _batches(rows):
                model._default_manager.bulk_create(batch)
                history = getattr(model, "history", None)
                if history is not None:
                    created = history.bulk_history_create(
                        batch, default_change_reason=reason, default_date=now
                    )
                    if model is Article:
                        history_ids.update((h.id, h.history_id) for h in created)
                elif model is ArticleAuthor:
                    _author_history(batch, history_ids)
                progress.advance(len(batch))
    statements = connection.ops.sequence_reset_sql(no_style(), MODELS)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection.check_constraints()
    # Bulk inserts send no signals: which records are public, once.
    visibility.refresh_all()
    content_changed()
    return {model: len(objects[model]) for model in MODELS}


def _batches(rows: list) -> Iterator[list]:
    for start in range(0, len(rows), BATCH_SIZE):
        yield rows[start : start + BATCH_SIZE]


def _author_history(rows, history_ids: dict[int, int]) -> None:
    """The bylines of each article's '+' history record, as simple_history
    records them for the ``authors`` many-to-many field."""
    model = Article.history.model.authors.model
    model._default_manager.bulk_create(
        [
            model(
                history_id=history_ids[row.article_id],
                id=row.id,
                article_id=row.article_id,
                person_id=row.person_id,
            )
            for row in rows
        ]
    )


# --------------------------------------------------------------------------
# The command


def _unique_pairs(pairs):
    """``object_pairs_hook`` refusing a key given twice in one object, which
    ``json`` would otherwise silently resolve to the last value."""
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f'key "{key}" appears twice in one object')
        result[key] = value
    return result


class Command(BaseCommand):
    help = (
        "Restore a file written by export_newsroom into an empty database "
        "(no people, organisations, agreements, articles or other newsroom "
        "records). The whole file is validated first; a file with any problem "
        "is refused with messages naming the record and field, and nothing is "
        "imported. Ids, versions and timestamps are kept exactly. History: "
        "each imported object that keeps history (all but merge records) gets "
        "exactly one '+' (created) history record, dated at the import, with "
        "'Imported from FILE' as the reason and no user; the history from "
        "before the export is not in the file. Merge records keep their user "
        "only if a user with that username exists here. Use '-' as FILE to "
        "read stdin. The format is described in docs/export-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file to read, or '-' for stdin.")
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show progress on stderr even when it is not a terminal.",
        )

    def handle(self, *args, file: str, progress: bool, **options):
        show = progress_wanted(self.stderr, progress)
        newsroom = NewsroomFile(self._load(file))
        try:
            with transaction.atomic():
                self._refuse_unless_empty()
                newsroom.progress = Progress(
                    self.stderr,
                    total=self._record_count(newsroom.data),
                    label="Checking",
                    enabled=show,
                )
                newsroom.read()
                newsroom.progress.close()
                # The parsed JSON is no longer needed: free it before writing.
                newsroom.data = None
                if newsroom.errors:
                    raise CommandError(self._report(file, newsroom.errors))
                total = sum(len(rows) for rows in newsroom.objects.values()) + len(
                    newsroom.authors
                )
                bar = Progress(
                    self.stderr, total=total, label="Importing", enabled=show
                )
                name = "stdin" if file == "-" else Path(file).name
                counts = write(
                    newsroom,
                    reason=f"Imported from {name}"[:100],
                    progress=bar,
                )
                bar.close()
        except DatabaseError as error:
            raise CommandError(
                f"The database refused the data in {file}: {error}. "
                "Nothing was imported."
            ) from error
        for warning in newsroom.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if options.get("verbosity", 1) > 0:
            summary = ", ".join(
                counted(counts[model], model)
                for model in (Person, Organisation, Role, Agreement, Article, Quote)
            )
            self.stdout.write(self.style.SUCCESS(f"Imported {summary} from {file}."))

    def _load(self, file: str):
        try:
            if file == "-":
                content = sys.stdin.read()
            else:
                content = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(
                f"Cannot read {file}: {error}. Nothing was imported."
            ) from error
        try:
            return json.loads(content, object_pairs_hook=_unique_pairs)
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{file} is not valid JSON: {error.msg} at line {error.lineno} "
                f"column {error.colno}. Nothing was imported."
            ) from error
        except ValueError as error:
            raise CommandError(
                f"{file} is not valid JSON: {error}. Nothing was imported."
            ) from error

    def _refuse_unless_empty(self) -> None:
        present = []
        for model in MODELS:
            if model is ArticleAuthor:
                continue
            count = model._default_manager.count()
            if count:
                present.append(counted(count, model))
        if present:
            raise CommandError(
                "import_newsroom restores only into an empty database, and this "
                f"one has {', '.join(present)}. Nothing was imported."
            )

    @staticmethod
    def _record_count(data) -> int:
        if not isinstance(data, dict):
            return 0
        keys = [key for key, _, _, _ in SLUGGED] + ["roles", "merge_records"]
        return sum(len(data[key]) for key in keys if isinstance(data.get(key), list))

    @staticmethod
    def _report(file: str, errors: list[str]) -> str:
        shown = errors[:MAX_REPORTED]
        lines = [
            f"{file} cannot be imported ({len(errors)} "
            f"problem{'s' if len(errors) != 1 else ''}); nothing was imported:",
            *(f"  {error}" for error in shown),
        ]
        if len(errors) > len(shown):
            lines.append(f"  … and {len(errors) - len(shown)} more")
        return "\n".join(lines)
