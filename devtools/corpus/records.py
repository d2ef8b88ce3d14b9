"""The corpus's records while they are built: organisations, people and their
dated roles, agreements with status changes, planned articles, the body being
written and the batch of rows it becomes, plus the small helpers (slugs,
Wikidata ids, weighted choices) that keep them unique and reproducible."""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.text import slugify

from .words import KIND_WORDS, MONTHS, _split

if TYPE_CHECKING:
    from .generator import Corpus

# --------------------------------------------------------------------------
# Small helpers


def _an(word: str) -> str:
    return ("an " if word[0] in "aeiouAEIOU" else "a ") + word


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


def _date_text(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _listing(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def zipf_weights(count: int, exponent: float) -> list[float]:
    """Cumulative Zipf weights for ranks 1..count."""
    return list(
        itertools.accumulate(1 / (rank**exponent) for rank in range(1, count + 1))
    )


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    return bisect.bisect(cumulative, rng.random() * cumulative[-1])


class Slugs:
    """Unique slugs under the run's prefix."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.taken: set[str] = set()

    def __call__(self, text: str, limit: int = 120) -> str:
        base = f"{self.prefix}{slugify(text)[:limit].strip('-')}".rstrip("-")
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        return slug


class WikidataIds:
    """Well-formed Wikidata ids, unique among those already in the database
    (``taken``) and those handed out."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)

    def __call__(self, rng: random.Random, share: float) -> str:
        if rng.random() >= share:
            return ""
        number = rng.randint(100_000, 130_000_000)
        # A collision moves on to the next free number, without drawing
        # again, so the random stream (and all that follows) stays the same.
        while f"Q{number}" in self.taken:
            number += 1
        value = f"Q{number}"
        self.taken.add(value)
        return value


# --------------------------------------------------------------------------
# The registry


@dataclass(slots=True, eq=False)
class Org:
    index: int
    name: str
    kind: str
    country: str
    parent: Org | None
    description: str
    ref: str  # how the copy names it ("the French Space Agency")
    family: str  # key into TITLES, or "" when nobody is given a role here
    state: Org | None = None
    adjective: str = ""
    aliases: list[str] = field(default_factory=list)
    slug: str = ""
    wikidata_id: str = ""
    version: int = 1
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    id: int = 0


@dataclass(slots=True, eq=False)
class RoleSpan:
    start: int  # date ordinal; 0 when unknown
    end: int  # date ordinal; OPEN_END when current
    org: Org
    title: str


@dataclass(slots=True, eq=False)
class Human:
    index: int
    name: str
    surname: str
    description: str
    aliases: list[str] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    outlet: Org | None = None  # reporters: where they work
    home: Org | None = None  # the state they come from
    slug: str = ""
    wikidata_id: str = ""
    version: int = 1
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    id: int = 0

    def role_on(self, ordinal: int) -> RoleSpan | None:
        for role in self.roles:
            if role.start <= ordinal <= role.end:
                return role
        return None

    def last_role_before(self, ordinal: int) -> RoleSpan | None:
        past = [role for role in self.roles if role.end < ordinal]
        return past[-1] if past else None


@dataclass(slots=True, eq=False)
class StatusChange:
    status: str
    date: datetime.date
    party: Org | None
    note: str
    article: int | None = None  # article number (0-based), if one reports it


@dataclass(slots=True, eq=False)
class Deal:
    index: int
    title: str
    kind: str
    topic: tuple
    parties: list[tuple[Org, str]]
    changes: list[StatusChange]
    signed_on: datetime.date | None
    signed_precision: str
    status: str
    proposed: int  # ordinal of the first status change
    scope: str = ""
    summary: str = ""
    slug: str = ""
    wikidata_id: str = ""
    version: int = 1
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    id: int = 0

    @property
    def short(self) -> str:
        return f"{self.topic[1]} {KIND_WORDS[self.kind]}"


@dataclass(slots=True)
class PlannedArticle:
    status: str
    published_at: datetime.datetime | None
    created_at: datetime.datetime
    # (deal, change) pairs this article reports
    reports: list = field(default_factory=list)


@dataclass(slots=True)
class Batch:
    """One batch of articles and everything that hangs on them, as tuples in
    the column order of the ``*_COLUMNS`` lists."""

    articles: list[tuple] = field(default_factory=list)
    authors: list[tuple] = field(default_factory=list)
    people: list[tuple] = field(default_factory=list)
    organisations: list[tuple] = field(default_factory=list)
    agreements: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)

    def rows(self) -> int:
        return (
            len(self.articles)
            + len(self.authors)
            + len(self.people)
            + len(self.organisations)
            + len(self.agreements)
            + len(self.quotes)
        )


ARTICLE_COLUMNS = _split(
    "id|slug|headline|standfirst|body|source_id|source_url|language|status|published_at|version|created_at|updated_at"
)
AUTHOR_COLUMNS = _split("article_id|person_id")
PERSON_MENTION_COLUMNS = _split("article_id|person_id|about")
ORGANISATION_MENTION_COLUMNS = _split("article_id|organisation_id|about")
AGREEMENT_MENTION_COLUMNS = _split("article_id|agreement_id|about")
QUOTE_COLUMNS = _split(
    "article_id|text|kind|speaker_id|organisation_id|outlet_id|cue|said_on|start|end|public_from|created_at|updated_at"
)


# --------------------------------------------------------------------------
# Article bodies


class Body:
    """An article body written piece by piece, remembering where quoted
    words land."""

    __slots__ = ("parts", "pos")

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def words(self, text: str) -> tuple[int, int]:
        """Add quoted (or reported) words; their offsets."""
        start = self.pos
        self.add(text)
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)


class Article:
    """The state of one article while it is written."""

    def __init__(self, corpus: Corpus, rng: random.Random, number: int):
        self.corpus = corpus
        self.rng = rng
        self.number = number
        self.people: dict[Human, bool] = {}
        self.organisations: dict[Org, bool] = {}
        self.agreements: dict[Deal, bool] = {}
        self.introduced: set[Human] = set()
        self.deck: list[int] = []

    def mention(self, entity, about: bool = False) -> None:
        target = (
            self.people
            if isinstance(entity, Human)
            else self.organisations
            if isinstance(entity, Org)
            else self.agreements
        )
        target[entity] = target.get(entity, False) or about
