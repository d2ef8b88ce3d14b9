"""The registry as a gazetteer: every name and alias of the people,
organisations and agreements the newsroom already knows, indexed for matching
in a story's text.

Matching is on words, case-sensitive (proper nouns), longest name first, so
"Russian news agency TASS" wins over "TASS" and "Zhang Hanhui" over "Hanhui".
A gazetteer is built from plain lists or from a seed file's lists; the
app builds one from the registry (``articles.extraction.gazetteer``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .text import slugify

WORD_RE = re.compile(r"\w+(?:[-.&]\w+|['\u2019][A-Z]\w+)*")
# What may separate two words of one name: a space, or an apostrophe before
# a possessive "s" ("People's Republic of China").
_JOIN_RE = re.compile(r"[\s'\u2019]{1,2}")

PERSON = "person"
ORGANISATION = "organisation"
AGREEMENT = "agreement"


@dataclass(frozen=True)
class KnownEntity:
    """A registry record: its names, and what the rules need to know of it."""

    name: str
    aliases: tuple[str, ...] = ()
    id: int | None = None
    slug: str = ""
    kind: str = ""  # organisations: the OrganisationKind value
    year: int | None = None  # agreements: the year signed
    parties: tuple[str, ...] = ()  # agreements: slugs of the parties

    @property
    def key(self) -> str:
        return self.slug or slugify(self.name)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _coerce(item: KnownEntity | str | dict) -> KnownEntity:
    if isinstance(item, KnownEntity):
        return item
    if isinstance(item, str):
        return KnownEntity(name=item)
    name = item.get("name") or item["title"]
    signed = item.get("signed_on") or item.get("year")
    if isinstance(signed, str):
        signed = datetime.date.fromisoformat(signed).year
    elif isinstance(signed, datetime.date):
        signed = signed.year
    parties = tuple(
        p["organisation"] if isinstance(p, dict) else p for p in item.get("parties", ())
    )
    return KnownEntity(
        name=name,
        aliases=tuple(item.get("aliases", ())),
        id=item.get("id"),
        slug=item.get("slug") or slugify(name),
        kind=item.get("kind", ""),
        year=signed,
        parties=parties,
    )


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    type: str  # PERSON, ORGANISATION or AGREEMENT
    entity: KnownEntity


@dataclass
class Gazetteer:
    """Names to find in copy. Each list takes ``KnownEntity`` records, plain
    names, or dicts in the seed's shape (``name``/``title``, ``aliases``,
    ``slug``, ``kind``, ``signed_on``, ``parties``)."""

    people: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    agreements: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.people = [_coerce(item) for item in self.people]
        self.organisations = [_coerce(item) for item in self.organisations]
        self.agreements = [_coerce(item) for item in self.agreements]
        # First word -> [(words, lower-case first word allowed, type, entity)],
        # longest names first.
        self._index: dict[str, list[tuple[tuple[str, ...], str, KnownEntity]]] = {}
        for type_, entities in (
            (PERSON, self.people),
            (ORGANISATION, self.organisations),
            (AGREEMENT, self.agreements),
        ):
            for entity in entities:
                for name in entity.names():
                    words = tuple(WORD_RE.findall(name))
                    if not words:
                        continue
                    keys = {words[0]}
                    if words[0][0].islower():
                        # "the West" also opens a sentence as "The West".
                        keys.add(words[0].capitalize())
                    for key in keys:
                        self._index.setdefault(key, []).append(
                            ((key, *words[1:]), type_, entity)
                        )
        for candidates in self._index.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def __bool__(self) -> bool:
        return bool(self.people or self.organisations or self.agreements)

    @classmethod
    def from_seed(cls, data: dict) -> Gazetteer:
        """From a seed file's ``people``, ``organisations`` and
        ``agreements`` lists (``seeds/reference-story.json``)."""
        return cls(
            people=data.get("people", []),
            organisations=data.get("organisations", []),
            agreements=data.get("agreements", []),
        )

    def find(self, name: str, type_: str) -> KnownEntity | None:
        """The record of ``type_`` whose name or alias is exactly ``name``."""
        words = tuple(WORD_RE.findall(name))
        for names, found_type, entity in self._index.get(words[0] if words else "", []):
            if found_type == type_ and names == words:
                return entity
        return None

    def match(
        self, text: str, words: list[re.Match], skip: set[int] = frozenset()
    ) -> list[Match]:
        """Every registry name in ``text`` (already split into ``words``),
        longest first, never overlapping; words at indexes in ``skip`` are
        already taken."""
        found: list[Match] = []
        i, count = 0, len(words)
        while i < count:
            if i in skip:
                i += 1
                continue
            candidates = self._index.get(words[i].group())
            matched = None
            if candidates:
                for names, type_, entity in candidates:
                    n = len(names)
                    if i + n > count:
                        continue
                    if all(
                        words[i + k].group() == names[k]
                        and i + k not in skip
                        and _JOIN_RE.fullmatch(
                            text, words[i + k - 1].end(), words[i + k].start()
                        )
                        for k in range(1, n)
                    ):
                        matched = Match(
                            words[i].start(), words[i + n - 1].end(), type_, entity
                        )
                        i += n
                        break
            if matched:
                found.append(matched)
            else:
                i += 1
        return found
