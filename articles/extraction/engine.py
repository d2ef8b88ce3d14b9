"""Proposals of structure from a story's plain text: the quotes in it (direct,
partial, indirect), who said them, to which outlet and for which organisation,
and the people, organisations and agreements it mentions.

Everything here is a proposal for an editor to confirm; nothing is written to
the database. The rules are deliberately plain (regular expressions over
words and sentences, with the registry as gazetteer) so that an editor's
report of a miss can be traced to one rule.

What is left out on purpose: quoted words no one in the sentence can be said
to have spoken (scare quotes, "loss and damage" as a term) and quoted titles
("the book "War and Peace"", "the "Artemis" mission") are not proposed as
quotes; they are listed in ``Extraction.set_aside`` with the reason, so an
editor can still make a quote of one by hand.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field

from django.utils.text import slugify

from articles.models import QuoteKind

from . import lexicon as lx
from .gazetteer import AGREEMENT, ORGANISATION, PERSON, WORD_RE, Gazetteer

DIRECT = QuoteKind.DIRECT.value
PARTIAL = QuoteKind.PARTIAL.value
INDIRECT = QuoteKind.INDIRECT.value

_VERBS = "|".join(sorted(lx.SPEECH_VERBS | lx.LABEL_VERBS, key=len, reverse=True))
CUE_RE = re.compile(
    r"\b(?P<aux>(?:(?:has|have|had|was|were|is|are|will|would)\s+)?(?:been\s+)?)"
    rf"(?P<verb>(?i:{_VERBS}))\b"
)
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")
THAT_RE = re.compile(
    r"(?P<pre>(?:\s*,\s*however\s*,)?(?:\s+(?:on|in|at|to|during|after|with)\s"
    r"[^,.;:\"\u201c\u201d]{0,60}?)?\s*,?)\s*\bthat\s+"
)
SKIP_AFTER_CUE_RE = re.compile(
    r"\s*(?:(?:on|late on|early on|last|this)\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|in a statement|on Twitter|on X"
    r"|at a (?:news|press) conference|in an interview)\s*,?\s*"
)
OUTLET_RES = (
    re.compile(r"\btold\s+"),
    re.compile(r"\b(?:[Ss]peaking|[Tt]alking)\s+(?:to|with|on)\s+"),
    re.compile(
        r"\b[Ii]n (?:an|a|his|her|their)\s+(?:interview|comments)\s+(?:with|to)\s+"
    ),
    re.compile(r"\b(?:said|speaking|appearing|appeared)\s+on\s+"),
    re.compile(r"\bquoted by\s+"),
)
# Sentence ends: . ! ? (and a closing quotation mark) before a space and a
# capital, digit or opening mark; line breaks always end one.
SENTENCE_END_RE = re.compile(
    r"(?<=[.!?])[\"\u201d\u2019)]?(?=\s+[\"\u201c\u2018(]?[A-Z0-9])|\n+"
)
ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr St Jr Sr Gen Col Lt Sgt Prof Rev v vs No Co Inc Ltd".split()
)
PARAGRAPH_RE = re.compile(r"[^\n]+")


# --------------------------------------------------------------------------
# Output


@dataclass
class ProposedQuote:
    kind: str
    text: str
    start: int
    end: int
    speaker: str
    cue: str
    outlet: str | None = None
    organisation: str | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.5


@dataclass
class ProposedPerson:
    key: str
    name: str
    existing: dict | None = None
    role: str = ""
    role_organisation: str | None = None
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class ProposedOrganisation:
    key: str
    name: str
    existing: dict | None = None
    mentions: list[list[int]] = field(default_factory=list)
    outlet: bool = False


@dataclass
class ProposedAgreement:
    key: str
    name: str
    existing: dict | None = None
    year: int | None = None
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class SetAside:
    """Quoted words not proposed as a quote, and why."""

    text: str
    start: int
    end: int
    reason: str


@dataclass
class Extraction:
    quotes: list[ProposedQuote] = field(default_factory=list)
    people: list[ProposedPerson] = field(default_factory=list)
    organisations: list[ProposedOrganisation] = field(default_factory=list)
    agreements: list[ProposedAgreement] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def person(self, key: str) -> ProposedPerson | None:
        return next((p for p in self.people if p.key == key), None)

    def organisation(self, key: str | None) -> ProposedOrganisation | None:
        return next((o for o in self.organisations if o.key == key), None)


# --------------------------------------------------------------------------
# Working state


@dataclass
class _Mention:
    start: int
    end: int
    type: str
    key: str


@dataclass
class _Cue:
    start: int  # of the auxiliary, if any
    verb_start: int
    end: int
    cue: str
    verb: str
    speaker: str | None = None
    subject_start: int | None = None
    pronoun: bool = False
    outlet: str | None = None
    content: tuple[int, int] | None = None
    used: bool = False


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


class _Story:
    """One extraction run over one text."""

    def __init__(self, text: str, gazetteer: Gazetteer):
        self.text = text
        self.gaz = gazetteer
        self.words = list(WORD_RE.finditer(text))
        self.word_starts = [w.start() for w in self.words]
        self.word_ends = [w.end() for w in self.words]
        self.sentences = self._split_sentences()
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = [(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text)]
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.people: dict[str, ProposedPerson] = {}
        self.orgs: dict[str, ProposedOrganisation] = {}
        self.agreements: dict[str, ProposedAgreement] = {}
        self.mentions: list[_Mention] = []
        self.by_end: dict[int, _Mention] = {}
        self.by_start: dict[int, _Mention] = {}
        self.covered: set[int] = set()  # word indexes inside a mention
        self.gender: dict[str, str] = {}
        self.quotes: list[ProposedQuote] = []
        self.set_aside: list[SetAside] = []

    # -- layout ------------------------------------------------------------

    def _split_sentences(self) -> list[tuple[int, int]]:
        text, spans, start = self.text, [], 0
        for m in SENTENCE_END_RE.finditer(text):
            end = m.end() if m.group().strip() == "" else m.end()
            if m.group() and m.group()[0] == "\n":
                end = m.start()
            else:
                before = text[start : m.start()].rsplit(None, 1)
                last = before[-1] if before else ""
                last = last.rstrip('.!?"\u201d\u2019)')
                if last in ABBREVIATIONS or (len(last) == 1 and last.isupper()):
                    continue
            if text[start:end].strip():
                spans.append(self._trim(start, end))
            start = m.end()
        if text[start:].strip():
            spans.append(self._trim(start, len(text)))
        return spans

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.sentence_starts, pos) - 1, 0)
        return self.sentences[i]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.paragraph_starts, pos) - 1, 0)
        return self.paragraphs[i]

    def word_index_at(self, pos: int) -> int:
        """Index of the first word starting at or after ``pos``."""
        return bisect.bisect_left(self.word_starts, pos)

    # -- entities ----------------------------------------------------------

    def add_mention(self, start: int, end: int, type_: str, key: str) -> None:
        mention = _Mention(start, end, type_, key)
        self.mentions.append(mention)
        self.by_end[end] = mention
        self.by_start[start] = mention
        for i in range(self.word_index_at(start), self.word_index_at(end)):
            self.covered.add(i)
        target = {
            PERSON: self.people,
            ORGANISATION: self.orgs,
            AGREEMENT: self.agreements,
        }[type_][key]
        target.mentions.append([start, end])

    def person(self, name: str, existing=None) -> str:
        key = existing.key if existing else slugify(name) or name
        if key not in self.people:
            self.people[key] = ProposedPerson(
                key=key,
                name=existing.name if existing else name,
                existing=_existing(existing),
            )
        return key

    def org(self, name: str, existing=None) -> str:
        key = existing.key if existing else slugify(name) or name
        if key not in self.orgs:
            self.orgs[key] = ProposedOrganisation(
                key=key,
                name=existing.name if existing else name,
                existing=_existing(existing),
            )
        return key

    def mention_ending(self, end: int, type_: str | None = None) -> _Mention | None:
        mention = self.by_end.get(end)
        if mention and (type_ is None or mention.type == type_):
            return mention
        return None

    def first_mention(
        self, start: int, end: int, type_: str, within: int | None = None
    ) -> _Mention | None:
        best = None
        for mention in self.mentions:
            if mention.type == type_ and start <= mention.start < end:
                if best is None or mention.start < best.start:
                    best = mention
        if best and within is not None and best.start - start > within:
            return None
        return best

    def find_entities(self) -> None:
        text, words = self.text, self.words
        for match in self.gaz.match(text, words):
            if match.type == PERSON:
                key = self.person(match.entity.name, match.entity)
            elif match.type == ORGANISATION:
                key = self.org(match.entity.name, match.entity)
            else:
                key = self.agreement(match.entity.name, match.entity)
            self.add_mention(match.start, match.end, match.type, key)
        runs = self._capitalised_runs()
        singles = []
        for run in runs:
            if len(run) == 1:
                singles.append(run)
                continue
            self._classify_run(run)
        # Single capitalised words: a partial name of someone named in full
        # ("Hanhui", "Dubrov"), or an organisation by its context.
        surnames: dict[str, list[str]] = {}
        for key, person in self.people.items():
            for part in WORD_RE.findall(person.name):
                if _is_cap(part):
                    surnames.setdefault(part, []).append(key)
        for (i,) in singles:
            word = words[i]
            if i in self.covered:
                continue
            if word.group() in surnames:
                keys = surnames[word.group()]
                self.add_mention(
                    word.start(), word.end(), PERSON, self._nearest(keys, word.start())
                )
            elif self._org_context(word.start(), word.end(), single=True):
                self.add_mention(
                    word.start(), word.end(), ORGANISATION, self.org(word.group())
                )
        self.mentions.sort(key=lambda m: m.start)

    def _nearest(self, keys: list[str], pos: int) -> str:
        if len(keys) == 1:
            return keys[0]
        best, best_pos = keys[0], -1
        for mention in self.mentions:
            if (
                mention.type == PERSON
                and mention.key in keys
                and best_pos < mention.start < pos
            ):
                best, best_pos = mention.key, mention.start
        return best

    def _capitalised_runs(self) -> list[tuple[int, ...]]:
        """Runs of adjacent capitalised words (with name particles and, for
        organisations, "of"/"for"/"and" between them) outside known names."""
        runs, current = [], []
        text, words = self.text, self.words
        for i, word in enumerate(words):
            value = word.group()
            joined = current and text[words[current[-1]].end() : word.start()] == " "
            if i in self.covered or not (
                _is_cap(value)
                or (
                    joined
                    and (value in lx.NAME_PARTICLES or value in lx.ORG_CONNECTORS)
                    and i + 1 < len(words)
                    and _is_cap(words[i + 1].group())
                )
            ):
                if current:
                    runs.append(tuple(current))
                current = []
                continue
            if current and not joined:
                runs.append(tuple(current))
                current = []
            current.append(i)
        if current:
            runs.append(tuple(current))
        return runs

    def _classify_run(self, run: tuple[int, ...]) -> None:
        words, text = self.words, self.text
        values = [words[i].group() for i in run]
        if any(v.lower() in lx.AGREEMENT_HEADS for v in values):
            return
        start, end = words[run[0]].start(), words[run[-1]].end()
        before = text[max(0, start - 30) : start]
        role_before = re.search(r"\b([a-z-]+) $", before)
        if not any(v in lx.ORG_KEYWORDS for v in values) and (
            role_before and role_before.group(1) in lx.ROLE_HEADS
        ):
            self.add_mention(start, end, PERSON, self.person(text[start:end]))
            return
        if any(v in lx.ORG_KEYWORDS for v in values) or self._org_context(start, end):
            # Drop a leading common word ("The Dairy Farmers …").
            while run and (
                words[run[0]].group() in lx.COMMON_CAPS | lx.DEMONYMS
                or words[run[0]].group() in lx.ORG_CONNECTORS
            ):
                run = run[1:]
            if len(run) >= 1:
                s, e = words[run[0]].start(), words[run[-1]].end()
                self.add_mention(s, e, ORGANISATION, self.org(text[s:e]))
            return
        # A person: split at connectors, strip leading titles.
        parts, part = [], []
        for i in run:
            if words[i].group() in lx.ORG_CONNECTORS:
                parts.append(part)
                part = []
            else:
                part.append(i)
        parts.append(part)
        for part in parts:
            titled = False
            while part and (
                words[part[0]].group() in lx.COMMON_CAPS
                or words[part[0]].group() in lx.TITLE_WORDS
                or words[part[0]].group() in lx.DEMONYMS
                or words[part[0]].group().lower() in lx.ROLE_HEADS
                or words[part[0]].group() in lx.MONTHS_AND_DAYS
            ):
                titled = (
                    titled
                    or words[part[0]].group() in lx.TITLE_WORDS
                    or (words[part[0]].group().lower() in lx.ROLE_HEADS)
                )
                part = part[1:]
            while part and words[part[-1]].group() in lx.NAME_PARTICLES:
                part = part[:-1]
            if len(part) < 2 or any(words[i].group().isupper() for i in part):
                continue
            s, e = words[part[0]].start(), words[part[-1]].end()
            if titled or self._person_context(s, e):
                self.add_mention(s, e, PERSON, self.person(text[s:e]))

    def _org_context(self, start: int, end: int, single: bool = False) -> bool:
        text = self.text
        first = text[start:end].split()[0]
        if first in lx.COMMON_CAPS or first in lx.DEMONYMS or first in lx.TITLE_WORDS:
            if single:
                return False
        left = text[max(0, start - 60) : start]
        right = text[end : end + 40]
        prev = WORD_RE.findall(left[-30:])
        prev_word = prev[-1] if prev else ""
        if re.search(
            r"(?:\btold|[Ss]peaking (?:to|with|on)|[Tt]alking to|interview with"
            r"|comments to|said on|quoted by)\s+(?:the\s+)?$",
            left,
        ):
            return True
        if prev_word.lower() in lx.ORG_TYPE_NOUNS and left.endswith(prev_word + " "):
            return True
        if re.match(r"(?:['\u2019]s?\s+|\s+)(?:[a-z-]+\s+)?([A-Za-z-]+)", right):
            m = re.match(
                r"(?:['\u2019]s?\s+|\s+)((?:[A-Za-z-]+\s+){0,2})([A-Za-z-]+)", right
            )
            head = m.group(2)
            possessive = right[:1] in "'\u2019"
            mods = m.group(1).split()
            if any(w in lx.NON_CLAUSE_STARTS for w in mods):
                return False
            if head.lower() in lx.ROLE_HEADS and (
                possessive or not _is_cap(head) or head in lx.TITLE_WORDS
            ):
                if all(not _is_cap(w) or w in lx.TITLE_WORDS for w in mods):
                    return possessive or not single or not _is_cap(head)
        m = re.search(r"\b(?:for|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$", left)
        if m:
            before = WORD_RE.findall(left[: m.start()])
            return any(w.lower() in lx.ROLE_HEADS for w in before[-3:])
        return False

    def _person_context(self, start: int, end: int) -> bool:
        text = self.text
        left = text[max(0, start - 80) : start]
        right = text[end : end + 80]
        prev = WORD_RE.findall(left[-40:])
        if prev and prev[-1].lower() in lx.ROLE_HEADS and left.endswith(prev[-1] + " "):
            return True
        if re.search(r"\b[Aa]ccording to\s+$", left):
            return True
        if re.search(r",\s*$", left) and prev and prev[-1].lower() in lx.ROLE_HEADS:
            return True
        m = CUE_RE.match(right.lstrip(" ,"))
        if m and m.group("verb") in lx.SPEECH_VERBS:
            return True
        m = re.search(r"\b(\w+)\s+$", left)
        if m and m.group(1) in lx.SPEECH_VERBS:
            return True
        appos = re.match(r",\s+([^,.;]{2,80})", right)
        if appos and any(
            w.lower() in lx.ROLE_HEADS for w in WORD_RE.findall(appos.group(1))[:8]
        ):
            return True
        return False

    # -- roles -------------------------------------------------------------

    def find_roles(self) -> None:
        for mention in self.mentions:
            if mention.type != PERSON:
                continue
            person = self.people[mention.key]
            if person.role:
                continue
            role = self._role_before(mention) or self._role_after(mention)
            if role:
                person.role, person.role_organisation = role
            if mention.key not in self.gender:
                for word in WORD_RE.findall(person.role or "") + WORD_RE.findall(
                    self.text[max(0, mention.start - 5) : mention.start]
                ):
                    if word in lx.GENDERED:
                        self.gender[mention.key] = lx.GENDERED[word]

    def _role_before(self, mention: _Mention) -> tuple[str, str | None] | None:
        text = self.text
        i = self.word_index_at(mention.start) - 1
        pos = mention.start
        # "Tuvalu's chief negotiator, Salote Fifita": the role ends at a comma.
        gap = text[self.word_ends[i] : pos] if i >= 0 else ""
        if i < 0 or gap not in (" ", ", "):
            return None
        first, last, org = None, None, None
        while i >= 0:
            word = self.words[i]
            value = word.group()
            gap = text[word.end() : pos]
            if first is not None and gap not in (" ",):
                if gap.strip() in ("'", "\u2019", "'s", "\u2019s"):
                    owner = self.mention_ending(word.end(), ORGANISATION)
                    if owner:
                        org = owner.key
                break
            if first is None and gap not in (" ", ", "):
                break
            if value == "s" and text[word.start() - 1 : word.start()] in (
                "'",
                "\u2019",
            ):
                owner = self.mention_ending(word.start() - 1, ORGANISATION)
                if owner:
                    org = owner.key
                break
            owner = self.mention_ending(word.end(), ORGANISATION)
            if owner and first is not None:
                org = owner.key
                break
            if value == "whose" and first is not None:
                owner = self.mention_ending(
                    text.rfind(",", 0, word.start()), ORGANISATION
                )
                if owner:
                    org = owner.key
                break
            allowed = (
                value.lower() in lx.ROLE_HEADS
                or value in lx.TITLE_WORDS
                or value in lx.DEMONYMS
                or (value == "and" and first is not None)
                or (
                    value.islower()
                    and first is not None
                    and value not in lx.NON_CLAUSE_STARTS
                    and value not in ("the", "a", "an", "who", "whose", "which")
                    and value not in lx.SPEECH_VERBS
                )
            )
            if (
                not allowed
                or i in self.covered
                and self.mention_ending(word.end()) is None
            ):
                break
            if first is None:
                if value.lower() not in lx.ROLE_HEADS and value not in lx.TITLE_WORDS:
                    return None
                last = word.end()
            first = word.start()
            pos = word.start()
            i -= 1
        if first is None:
            return None
        role = text[first:last]
        if role.startswith("and "):
            role = role[4:]
        return role, org

    def _role_after(self, mention: _Mention) -> tuple[str, str | None] | None:
        text = self.text
        m = re.match(
            r",\s+([^,;.\u201c\"]{2,100}?)(?=,|\.|;|$| as | who )", text[mention.end :]
        )
        if not m:
            return None
        phrase = m.group(1)
        phrase_start = mention.end + m.start(1)
        words = WORD_RE.findall(phrase)
        if not any(w.lower() in lx.ROLE_HEADS for w in words[:6]):
            return None
        if words and words[0] in lx.SPEECH_VERBS:
            return None
        role = re.sub(r"^(?:the|a|an)\s+", "", phrase)
        org = None
        owner = self.first_mention(
            phrase_start, phrase_start + len(phrase), ORGANISATION
        )
        if owner:
            after_owner = text[owner.end : owner.end + 2]
            before_owner = text[phrase_start : owner.start]
            if after_owner[:1] in "'\u2019" or re.search(
                r"\b(?:for|at|of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$", before_owner
            ):
                org = owner.key
        return role, org

    # -- agreements --------------------------------------------------------

    def agreement(self, name: str, existing=None) -> str:
        key = (
            existing.key
            if existing
            else slugify(re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I))
        )
        if key not in self.agreements:
            self.agreements[key] = ProposedAgreement(
                key=key,
                name=existing.name if existing else name,
                existing=_existing(existing),
                year=existing.year if existing else None,
            )
        return key

    def find_agreements(self) -> None:
        text, words = self.text, self.words
        for i, word in enumerate(words):
            if word.group().lower() not in lx.AGREEMENT_HEADS or i in self.covered:
                continue
            j = i
            while j > 0 and i - j < 4:
                prev = words[j - 1].group()
                if text[words[j - 1].end() : words[j].start()] != " ":
                    break
                if prev.lower() in ("a", "an", "the", "this", "that", "its", "their"):
                    break
                if j - 1 in self.covered or re.fullmatch(r"sign(?:ed|s|ing)?", prev):
                    break
                if prev in lx.COMMON_CAPS or prev.lower() in lx.NON_CLAUSE_STARTS:
                    break
                j -= 1
            modifiers = [w.group() for w in words[j:i]]
            sentence = self.sentence_at(word.start())
            before = text[sentence[0] : words[j].start()]
            signed = re.search(r"\bsign(?:ed|s|ing)?\s+(?:a|an|the)?\s*$", before)
            proper = any(_is_cap(m) for m in modifiers)
            if not modifiers or not (signed or proper):
                continue
            start, end = words[j].start(), word.end()
            year = None
            m = re.match(
                r"[^.;]{0,40}?\b(?:in|of)\s+((?:19|20)\d\d)\b", text[end : sentence[1]]
            )
            if m:
                year = int(m.group(1))
            existing = self._resolve_agreement(modifiers, year)
            key = self.agreement(text[start:end], existing)
            if year and not self.agreements[key].year:
                self.agreements[key].year = year
            self.add_mention(start, end, AGREEMENT, key)
        # The distinctive words of a known agreement's title ("International
        # Space Station" for the ISS partnership).
        for entity in self.gaz.agreements:
            core = re.sub(
                r"\b(?:" + "|".join(lx.AGREEMENT_HEADS | {"partnership"}) + r")\b.*$",
                "",
                entity.name,
                flags=re.I,
            ).strip()
            if len(core.split()) < 2 or entity.key in self.agreements:
                continue
            at = text.find(core)
            if at >= 0:
                key = self.agreement(entity.name, entity)
                self.add_mention(at, at + len(core), AGREEMENT, key)

    def _resolve_agreement(self, modifiers: list[str], year: int | None):
        wanted = {m.lower() for m in modifiers if _is_cap(m) or "-" in m}
        if not wanted:
            return None
        for entity in self.gaz.agreements:
            title = {w.lower() for w in WORD_RE.findall(entity.name)}
            if wanted <= title and (year is None or entity.year in (None, year)):
                return entity
        return None

    # -- quotation marks ---------------------------------------------------

    def quoted_spans(self) -> list[tuple[int, int]]:
        """(opening mark, closing mark) offsets of every quotation in the
        text, paired within a paragraph."""
        spans = []
        text = self.text
        for p_start, p_end in self.paragraphs:
            open_at = None
            for m in re.finditer('["\u201c\u201d]', text[p_start:p_end]):
                pos = p_start + m.start()
                ch = m.group()
                before = text[pos - 1] if pos > p_start else " "
                after = text[pos + 1] if pos + 1 < p_end else " "
                opening = ch == "\u201c" or (
                    ch == '"'
                    and (before.isspace() or before in "([-\u2014")
                    and not after.isspace()
                )
                if open_at is None:
                    if opening or ch == '"':
                        open_at = pos
                elif not opening or ch == '"':
                    spans.append((open_at, pos))
                    open_at = None
            if open_at is None:
                spans.extend(self._single_quoted(p_start, p_end))
        spans.sort()
        return spans

    def _single_quoted(self, p_start: int, p_end: int) -> list[tuple[int, int]]:
        """‘Single’ quotations, only where no apostrophe can be meant: the
        opening mark follows a space and the closing one ends a word that
        is not a plural possessive."""
        text, spans = self.text, []
        for m in re.finditer(
            r"(?:(?<=^)|(?<=[\s(]))['\u2018](?=\w)", text[p_start:p_end]
        ):
            start = p_start + m.start()
            close = re.compile(r"(?<=[\w.,!?])['\u2019](?=[\s.,;:!?)]|$)")
            for c in close.finditer(text, start + 1, p_end):
                if (
                    text[c.start() - 1] == "s"
                    and text[c.start() + 1 : c.start() + 2] == " "
                ):
                    continue
                if spans and spans[-1][1] >= start:
                    break
                spans.append((start, c.start()))
                break
        return spans

    # -- quotes ------------------------------------------------------------

    def find_cues(self) -> list[_Cue]:
        cues = []
        for m in CUE_RE.finditer(self.text):
            cue = m.group().strip().lower()
            cues.append(
                _Cue(
                    m.start(),
                    m.start("verb"),
                    m.end(),
                    " ".join(cue.split()),
                    m.group("verb").lower(),
                )
            )
        return cues

    def resolve_pronoun(self, pronoun: str, pos: int) -> str | None:
        gender = lx.PRONOUNS[pronoun]
        for mention in reversed(self.mentions):
            if mention.start >= pos or mention.type != PERSON:
                continue
            known = self.gender.get(mention.key)
            if known in (None, gender):
                self.gender[mention.key] = gender
                return mention.key
        return None

    def subject_before(self, pos: int) -> tuple[str | None, int | None, bool]:
        """The speaker whose name or pronoun ends right before ``pos``,
        allowing an aside between commas ("Wekesa, reading the judgment,")."""
        s_start, _ = self.sentence_at(pos)
        left = self.text[s_start:pos]
        stripped = re.sub(
            r"(?:\s+(?:also|recently|later|previously|repeatedly|again|then|earlier"
            r"|however|still|yesterday|today))*\s*$",
            "",
            left,
        )
        end = s_start + len(stripped)
        m = re.search(r"\b(he|she|He|She)$", stripped)
        if m:
            return self.resolve_pronoun(m.group(1), end), end - len(m.group(1)), True
        mention = self.mention_ending(end, PERSON)
        if mention:
            return mention.key, mention.start, False
        if stripped.endswith(","):
            mention = self.mention_ending(end - 1, PERSON)
            if mention:
                return mention.key, mention.start, False
            comma = stripped.rfind(",", 0, len(stripped) - 1)
            if comma > 0:
                mention = self.mention_ending(s_start + comma, PERSON)
                if mention:
                    return mention.key, mention.start, False
        if re.search(r"\b(?:and|but)$", stripped):
            first = self.first_mention(s_start, pos, PERSON)
            if first:
                return first.key, None, False
        return None, None, False

    def subject_after(self, pos: int, limit: int) -> str | None:
        """The speaker named after an inverted cue ("…, said Priya Raman")."""
        right = self.text[pos:limit]
        mention = self.first_mention(pos, limit, PERSON, within=60)
        if mention and not re.search(
            r"\bthat\b|[\"\u201c\u201d]", right[: mention.start - pos]
        ):
            return mention.key
        m = re.match(r"\s+(he|she)\b", right)
        if m:
            return self.resolve_pronoun(m.group(1), pos)
        return None

    def outlet_in(self, start: int, end: int) -> str | None:
        text = self.text
        for pattern in OUTLET_RES:
            for m in pattern.finditer(text, start, end):
                org = self.first_mention(m.end(), min(end, m.end() + 45), ORGANISATION)
                if org is None:
                    continue
                between = text[m.end() : org.start]
                if re.fullmatch(
                    r"(?:the\s+)?(?:[\w-]+\s+){0,3}", between
                ) and not re.search(r"\b(?:that|and|but)\b", between):
                    self.orgs[org.key].outlet = True
                    return org.key
        return None

    def find_quotes(self) -> None:
        spans = self.quoted_spans()
        inside = [(o, c) for o, c in spans]
        cues = [
            c for c in self.find_cues() if not any(o < c.start < cl for o, cl in inside)
        ]
        # Direct quotes and their attribution come first: their cues are
        # then not read again as reported speech.
        directs: list[tuple[int, int, int, int]] = []
        partials: list[tuple[int, int, int, int]] = []
        for open_at, close_at in spans:
            start, end = open_at + 1, close_at
            body = self.text[start:end]
            while end > start and self.text[end - 1] in " ,":
                end -= 1
            if end <= start:
                continue
            reason = self._not_a_quote(open_at, close_at, body)
            if reason:
                self.set_aside.append(
                    SetAside(self.text[start:end], start, end, reason)
                )
                continue
            (directs if self._is_direct(open_at) else partials).append(
                (open_at, close_at, start, end)
            )
        last_direct: dict[tuple[int, int], ProposedQuote] = {}
        for open_at, close_at, start, end in directs:
            self._direct(open_at, close_at, start, end, cues, last_direct)
        self._indirect(cues)
        for _open_at, _close_at, start, end in partials:
            self._partial(start, end, cues)

    def _not_a_quote(self, open_at: int, close_at: int, body: str) -> str | None:
        text = self.text
        words = WORD_RE.findall(body)
        prev = WORD_RE.findall(text[max(0, open_at - 40) : open_at])
        nxt = re.match(r"\s*([a-z][\w-]*)", text[close_at + 1 : close_at + 30])
        prev_word = prev[-1] if prev else ""
        if (
            prev_word.lower() in lx.NAMING_WORDS
            or "so-called" in text[max(0, open_at - 12) : open_at]
        ):
            return "a name or a label"
        if prev_word in ("Operation", "Project", "Mission") or (
            prev_word.lower() in lx.TITLE_NOUNS
            and words
            and (_is_cap(words[0]) or len(words) <= 3)
        ):
            return "a title"
        if (
            prev_word.lower() in ("the", "a", "an")
            and nxt
            and nxt.group(1) in lx.TITLE_NOUNS
        ):
            return "a title"
        if (
            words
            and len(words) <= 6
            and all(
                _is_cap(w) or w in ("of", "and", "the", "v", "in", "on") for w in words
            )
            and not self._is_direct(open_at)
        ):
            return "a title"
        if len(words) <= 2 and not self._is_direct(open_at):
            m = re.search(
                r"\b(\w+)\s+(?:\w+\s+){0,3}$", text[max(0, open_at - 60) : open_at]
            )
            verb_before = re.search(
                rf"\b(?:{'|'.join(lx.LABEL_VERBS)})\b[^.,;]*$",
                text[max(0, open_at - 60) : open_at],
            )
            if not (m and verb_before):
                return "scare quotes"
        return None

    def _is_direct(self, open_at: int) -> bool:
        p_start, _ = self.paragraph_at(open_at)
        before = self.text[p_start:open_at].rstrip()
        if not before or before[-1] in '.!?:\u201d"':
            return True
        if before.endswith(","):
            m = CUE_RE.search(before[-40:])
            return bool(m and before[-40:][m.end() :].strip(" ,").count(" ") <= 2)
        return False

    def _direct(self, open_at, close_at, start, end, cues, last_direct) -> None:
        text = self.text
        para = self.paragraph_at(open_at)
        s_close = self.sentence_at(close_at + 1)
        after_limit = s_close[1] if s_close[0] <= close_at + 1 else close_at + 1
        after = text[close_at + 1 : after_limit]
        speaker = cue = outlet = None
        evidence = [self.sentence_at(open_at)[0], max(after_limit, close_at + 1)]
        confidence = 0.9
        # Attribution after: '"…," Hanhui told TASS.' / '"…," said X.'
        m = re.match(r"[,\s]*", after)
        at = close_at + 1 + m.end()
        for c in cues:
            if not (at <= c.start <= at + 80 and c.start < after_limit):
                continue
            if c.verb in lx.LABEL_VERBS:
                continue
            speaker, _, pronoun = (
                self.subject_before(c.start) if c.start > at else (None, None, False)
            )
            if speaker and self._span_clean(at, c.start):
                pass
            elif c.start == at or re.fullmatch(r"[,\s]*", text[at : c.start]):
                speaker = self.subject_after(c.end, after_limit)
                pronoun = False
            else:
                speaker = None
            if speaker:
                cue, c.used = c.cue, True
                outlet = self.outlet_in(c.start, after_limit)
                confidence = 0.85 if pronoun else 0.9
                break
        if speaker is None:
            # Attribution before: 'Kamau told reporters: "…"'.
            s_open = self.sentence_at(open_at)
            lead_start = (
                s_open[0] if s_open[0] < open_at else self.sentence_at(open_at - 2)[0]
            )
            lead = text[lead_start:open_at].rstrip()
            if lead.endswith((":", ",")):
                for c in reversed(cues):
                    if lead_start <= c.start < open_at and c.verb not in lx.LABEL_VERBS:
                        speaker, _, _ = self.subject_before(c.start)
                        if speaker:
                            cue, c.used = c.cue, True
                            outlet = self.outlet_in(lead_start, open_at)
                            evidence[0] = lead_start
                        break
        if speaker is None:
            # A continuation: '"…," Long said. "We came to …"'.
            previous = last_direct.get(para)
            if previous is None and para[0] == open_at:
                i = self.paragraphs.index(para)
                previous = last_direct.get(self.paragraphs[i - 1]) if i else None
                confidence = 0.6
            else:
                confidence = 0.75
            if previous:
                speaker, cue, outlet = previous.speaker, previous.cue, previous.outlet
        if speaker is None:
            self.set_aside.append(SetAside(text[start:end], start, end, "no speaker"))
            return
        quote = ProposedQuote(
            kind=DIRECT,
            text=text[start:end],
            start=start,
            end=end,
            speaker=speaker,
            cue=cue,
            outlet=outlet,
            evidence_start=evidence[0],
            evidence_end=evidence[1],
            confidence=confidence,
        )
        self.quotes.append(quote)
        last_direct[para] = quote

    def _span_clean(self, start: int, end: int) -> bool:
        """Only a name, a role in commas, or nothing between two offsets."""
        return "." not in self.text[start:end] and '"' not in self.text[start:end]

    def _indirect(self, cues: list[_Cue]) -> None:
        text = self.text
        contents: list[tuple[int, int]] = []
        for c in cues:
            if any(s <= c.start < e for s, e in contents):
                continue
            if c.used or c.verb in lx.LABEL_VERBS:
                if c.verb in lx.LABEL_VERBS:
                    c.speaker, c.subject_start, c.pronoun = self.subject_before(c.start)
                continue
            s_start, s_end = self.sentence_at(c.start)
            body_end = s_end
            while body_end > s_start and text[body_end - 1] in ".!?;:":
                body_end -= 1
            speaker, subject_start, pronoun = self.subject_before(c.start)
            content = None
            if speaker:
                content = self._content_after(c, body_end)
                if content is None and subject_start is not None:
                    lead = text[s_start:subject_start].rstrip()
                    if lead.endswith(",") and not re.match(
                        r"[\"\u201c]", text[s_start]
                    ):
                        content = (s_start, s_start + len(lead) - 1)
            else:
                lead = text[s_start : c.start].rstrip()
                if lead.endswith(",") and not lead[:-1].rstrip().endswith(
                    ('"', "\u201d")
                ):
                    speaker = self.subject_after(c.end, body_end)
                    if speaker and not re.match(r"[\"\u201c]", text[s_start]):
                        content = (s_start, s_start + len(lead) - 1)
            c.speaker, c.subject_start, c.pronoun = speaker, subject_start, pronoun
            if not (speaker and content):
                continue
            start, end = self._trim(*content)
            while end > start and text[end - 1] in ",;:":
                end -= 1
            if len(WORD_RE.findall(text[start:end])) < 3:
                continue
            c.content = (start, end)
            contents.append(c.content)
            c.outlet = self.outlet_in(s_start, s_end)
            self.quotes.append(
                ProposedQuote(
                    kind=INDIRECT,
                    text=text[start:end],
                    start=start,
                    end=end,
                    speaker=speaker,
                    cue=c.cue,
                    outlet=c.outlet,
                    evidence_start=s_start,
                    evidence_end=s_end,
                    confidence=0.65 if pronoun else 0.7,
                )
            )
        for m in ACCORDING_RE.finditer(text):
            s_start, s_end = self.sentence_at(m.start())
            body_end = s_end
            while body_end > s_start and text[body_end - 1] in ".!?;:":
                body_end -= 1
            person = self.first_mention(m.end(), min(body_end, m.end() + 40), PERSON)
            if person is None or "," in text[m.end() : person.start]:
                continue
            if text[s_start : m.start()].strip(" ,"):
                start, end = s_start, m.start()
            else:
                rest = text[person.end : body_end]
                appos = re.match(r",\s+(?:the|a|an|his|her)?\s*[^,]{0,60},\s*", rest)
                if appos and any(
                    w.lower() in lx.ROLE_HEADS for w in WORD_RE.findall(appos.group())
                ):
                    start = person.end + appos.end()
                else:
                    comma = rest.find(",")
                    if comma < 0:
                        continue
                    start = person.end + comma + 1
                end = body_end
            start, end = self._trim(start, end)
            while end > start and text[end - 1] in ",;:":
                end -= 1
            if len(WORD_RE.findall(text[start:end])) < 3:
                continue
            cue = _Cue(m.start(), m.start(), m.end(), "according to", "according to")
            cue.speaker, cue.content = person.key, (start, end)
            cues.append(cue)
            self.quotes.append(
                ProposedQuote(
                    kind=INDIRECT,
                    text=text[start:end],
                    start=start,
                    end=end,
                    speaker=person.key,
                    cue="according to",
                    outlet=self.outlet_in(s_start, s_end),
                    evidence_start=s_start,
                    evidence_end=s_end,
                    confidence=0.75,
                )
            )

    def _content_after(self, c: _Cue, body_end: int) -> tuple[int, int] | None:
        text = self.text
        pos = c.end
        if c.verb in lx.ADDRESS_VERBS:
            org = self.by_start.get(pos + 1)
            m = re.match(
                r"\s+(?:(?:the\s+)?(?:reporters|journalists|lawmakers|parliament"
                r"|the court|the press|him|her|them|us|me|a news conference)\b)",
                text[pos:body_end],
            )
            if org:
                pos = org.end
            elif m:
                pos += m.end()
            else:
                cap = re.match(
                    r"\s+(?:the\s+)?(?:[A-Z][\w-]*\s?){1,3}", text[pos:body_end]
                )
                if cap:
                    pos += cap.end()
        m = THAT_RE.match(text, pos, body_end)
        if m and not re.search(r"[\"\u201c]", m.group("pre")):
            start = m.end()
        else:
            if c.verb in lx.WARNING_VERBS and text[pos : pos + 1] == " ":
                return self._cut(c.verb_start, body_end)
            skip = SKIP_AFTER_CUE_RE.match(text, pos, body_end)
            start = skip.end() if skip else pos
            while start < body_end and text[start] == " ":
                start += 1
            first = WORD_RE.match(text, start, body_end)
            if first is None or first.start() != start:
                return None
            if first.group() in lx.NON_CLAUSE_STARTS:
                return None
        return self._cut(start, body_end)

    def _cut(self, start: int, end: int) -> tuple[int, int]:
        """Stop reported speech where a second reporting verb takes over
        ("said he understood … but insisted that …")."""
        m = re.search(
            rf"(?:,\s*)?\s(?:and|but)\s+(?:also\s+)?(?:{'|'.join(lx.SPEECH_VERBS)})\s+that\b",
            self.text[start:end],
        )
        if m:
            end = start + m.start()
        m = re.search(r",\s+according to\b", self.text[start:end])
        if m:
            end = start + m.start()
        return start, end

    def _partial(self, start: int, end: int, cues: list[_Cue]) -> None:
        text = self.text
        s_start, s_end = self.sentence_at(start)
        in_sentence = [
            c
            for c in cues
            if s_start <= c.start < s_end and c.verb not in ("according to",)
        ]
        chosen = None
        # "Calling Russia a "major space power", Hanhui mentioned …".
        labels = [c for c in in_sentence if c.verb in lx.LABEL_VERBS and c.end <= start]
        speaker_of_sentence = next((c for c in in_sentence if c.speaker), None)
        if labels:
            label = labels[-1]
            speaker = label.speaker or (
                speaker_of_sentence and speaker_of_sentence.speaker
            )
            if speaker:
                chosen = (speaker, label.cue, None)
        if chosen is None:
            holder = next(
                (
                    c
                    for c in cues
                    if c.content and c.content[0] <= start and end <= c.content[1]
                ),
                None,
            )
            if holder:
                chosen = (holder.speaker, holder.cue, holder.outlet)
        if chosen is None:
            speaking = [
                c for c in in_sentence if c.speaker and c.verb not in lx.LABEL_VERBS
            ]
            if speaking:
                c = speaking[0]
                chosen = (c.speaker, c.cue, self.outlet_in(s_start, s_end))
        if chosen is None:
            self.set_aside.append(SetAside(text[start:end], start, end, "no speaker"))
            return
        speaker, cue, outlet = chosen
        self.quotes.append(
            ProposedQuote(
                kind=PARTIAL,
                text=text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                cue=cue,
                outlet=outlet or self.outlet_in(s_start, s_end),
                evidence_start=s_start,
                evidence_end=s_end,
                confidence=0.8,
            )
        )

    # -- result ------------------------------------------------------------

    def result(self) -> Extraction:
        for quote in self.quotes:
            quote.organisation = self.people[quote.speaker].role_organisation
        self.quotes.sort(key=lambda q: (q.start, q.end))
        for collection in (self.people, self.orgs, self.agreements):
            for item in collection.values():
                item.mentions.sort()
        for person in self.people.values():
            if not person.existing:
                # The fullest spelling seen names a new person.
                for s, e in person.mentions:
                    if len(self.text[s:e]) > len(person.name):
                        person.name = self.text[s:e]
        used_orgs = {q.outlet for q in self.quotes} | {
            q.organisation for q in self.quotes
        }
        used_orgs |= {p.role_organisation for p in self.people.values()}
        return Extraction(
            quotes=self.quotes,
            people=[p for p in self.people.values() if p.mentions],
            organisations=[
                o for o in self.orgs.values() if o.mentions or o.key in used_orgs
            ],
            agreements=[a for a in self.agreements.values() if a.mentions],
            set_aside=sorted(self.set_aside, key=lambda s: s.start),
        )


def _existing(entity) -> dict | None:
    if entity is None:
        return None
    return {"id": entity.id, "slug": entity.key}


def extract(text: str, gazetteer: Gazetteer | None = None) -> Extraction:
    """Propose the structure of a story: its quotes with speakers, outlets
    and organisations, and the people, organisations and agreements it
    mentions. ``gazetteer`` is the registry to resolve names against; without
    one, every name found becomes a proposed new record."""
    story = _Story(text, gazetteer or Gazetteer())
    story.find_entities()
    story.find_agreements()
    story.mentions.sort(key=lambda m: m.start)
    story.find_roles()
    story.find_quotes()
    return story.result()
