"""The newsroom interchange format (version 1) as a schema: one pydantic model
per kind of record, from which the import validates every file and
``docs/export-format.schema.json`` (the JSON Schema other tools can check a
file with) is generated. ``docs/export-format.md`` explains the format.

The models are strict: no value is coerced ("3" is not a number, 1 is not
true), every key must be present and no other is allowed, dates and
date-times must be spelled as the export spells them (a date-time with a UTC
offset). Adding a key to a record is one line here and one in ``writer.py``;
changing what a key means changes ``FORMAT_VERSION``.

Regenerate the JSON Schema after a change with
``python -m newsdesk.interchange.format > docs/export-format.schema.json``
(the suite fails while the shipped file differs).
"""

import datetime
import json
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

FORMAT = "newsdesk-export"
FORMAT_VERSION = 1

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})"
)


# --------------------------------------------------------------------------
# Values as the file spells them


def date_text(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def datetime_text(value: datetime.datetime | None) -> str | None:
    """UTC, always with microseconds, so one instant has one spelling."""
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def json_type(value) -> str:
    """What a JSON value is, for messages ("a string", "null", …)."""
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


def _parse_date(value):
    # Python's fromisoformat also reads "20220503" and week dates: the file
    # has one spelling only, so the pattern comes first.
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"must be a string, not {json_type(value)}")
    try:
        if not DATE.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f'"{value}" is not a date (YYYY-MM-DD)') from None


def _parse_moment(value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"must be a string, not {json_type(value)}")
    try:
        if not DATETIME.fullmatch(value):
            raise ValueError
        return datetime.datetime.fromisoformat(value).astimezone(datetime.UTC)
    except ValueError:
        raise ValueError(
            f'"{value}" is not a date and time with a UTC offset '
            "(YYYY-MM-DDTHH:MM:SS.ffffff+00:00)"
        ) from None


_DATE_SCHEMA = {"type": "string", "format": "date", "pattern": f"^{DATE.pattern}$"}
_MOMENT_SCHEMA = {
    "type": "string",
    "format": "date-time",
    "pattern": f"^{DATETIME.pattern}$",
}

# The spelling is checked before the type: a string becomes a date (or a
# UTC date-time) only if it matches the export's pattern.
IsoDate = Annotated[
    datetime.date, BeforeValidator(_parse_date), WithJsonSchema(_DATE_SCHEMA)
]
OptionalDate = Annotated[
    datetime.date | None,
    BeforeValidator(_parse_date),
    WithJsonSchema({"anyOf": [_DATE_SCHEMA, {"type": "null"}]}),
]
Moment = Annotated[
    datetime.datetime, BeforeValidator(_parse_moment), WithJsonSchema(_MOMENT_SCHEMA)
]
OptionalMoment = Annotated[
    datetime.datetime | None,
    BeforeValidator(_parse_moment),
    WithJsonSchema({"anyOf": [_MOMENT_SCHEMA, {"type": "null"}]}),
]
Id = Annotated[int, Field(ge=1)]
Count = Annotated[int, Field(ge=0)]
# A record's own slug; references to other records are plain strings,
# checked against the file's slugs by the reader.
Slug = Annotated[str, Field(min_length=1)]
Ref = str


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# --------------------------------------------------------------------------
# The records


class Alias(Record):
    id: Id
    name: str


class Stamped(Record):
    version: Count
    created_at: Moment
    updated_at: Moment


class PersonRecord(Stamped):
    id: Id
    slug: Slug
    name: str
    description: str
    wikidata_id: str
    aliases: list[Alias]


class OrganisationRecord(Stamped):
    id: Id
    slug: Slug
    name: str
    kind: str
    country: str
    parent: Ref | None
    description: str
    wikidata_id: str
    aliases: list[Alias]


class RoleRecord(Record):
    id: Id
    person: Ref
    organisation: Ref
    title: str
    start_date: OptionalDate
    end_date: OptionalDate


class PartyRecord(Record):
    id: Id
    organisation: Ref
    role: str


class StatusChangeRecord(Record):
    id: Id
    status: str
    date: IsoDate
    party: Ref | None
    article: Ref | None
    note: str


class AgreementRecord(Stamped):
    id: Id
    slug: Slug
    title: str
    kind: str
    signed_on: OptionalDate
    signed_precision: str
    scope: str
    summary: str
    status: str
    wikidata_id: str
    parties: list[PartyRecord]
    status_changes: list[StatusChangeRecord]


class PersonMention(Record):
    id: Id
    person: Ref
    about: bool


class OrganisationMention(Record):
    id: Id
    organisation: Ref
    about: bool


class AgreementMention(Record):
    id: Id
    agreement: Ref
    about: bool


class Mentions(Record):
    people: list[PersonMention]
    organisations: list[OrganisationMention]
    agreements: list[AgreementMention]


class QuoteRecord(Record):
    id: Id
    text: str
    kind: str
    # None for an unnamed source, described in source_description.
    speaker: Ref | None
    organisation: Ref | None
    outlet: Ref | None
    cue: str
    said_on: OptionalDate
    start: Count | None
    end: Count | None
    created_at: Moment
    updated_at: Moment
    # Only for an unnamed source, so files without one read as before.
    source_description: str = ""


class ArticleRecord(Stamped):
    id: Id
    slug: Slug
    headline: str
    standfirst: str
    body: str
    authors: list[Ref]
    source: Ref | None
    source_url: str
    language: str
    status: str
    published_at: OptionalMoment
    mentions: Mentions
    quotes: list[QuoteRecord]


class MergeRecordRecord(Record):
    id: Id
    kind: str
    old_id: Id
    old_slug: str
    old_name: str
    survivor_person: Ref | None
    survivor_organisation: Ref | None
    summary: str
    merged_at: Moment
    merged_by: str | None


class NewsroomFile(Record):
    """A whole export: the top-level object."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        title="Newsdesk newsroom export",
        json_schema_extra={
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "description": "Written by manage.py export_newsroom, read by "
            "manage.py import_newsroom; see docs/export-format.md.",
        },
    )

    format: Literal["newsdesk-export"]
    format_version: Literal[1]
    people: list[PersonRecord]
    organisations: list[OrganisationRecord]
    roles: list[RoleRecord]
    agreements: list[AgreementRecord]
    articles: list[ArticleRecord]
    merge_records: list[MergeRecordRecord]


# Each top-level list: its record model and the noun of one record.
COLLECTIONS: dict[str, tuple[type[Record], str]] = {
    "people": (PersonRecord, "person"),
    "organisations": (OrganisationRecord, "organisation"),
    "roles": (RoleRecord, "role"),
    "agreements": (AgreementRecord, "agreement"),
    "articles": (ArticleRecord, "article"),
    "merge_records": (MergeRecordRecord, "merge record"),
}


def json_schema() -> dict:
    """The format as a JSON Schema (draft 2020-12)."""
    return NewsroomFile.model_json_schema(mode="validation")


def json_schema_text() -> str:
    """``json_schema()`` as the shipped file spells it."""
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(json_schema_text())
