"""People described by their role rather than by a title: a long
description before the name ("An exiled spokesman for the coalition known
as the Unity Front, Ali Hassan, …"), whose body is the one it names, a
body's titled office before it ("NASA's Associate Administrator for Space
Operations, Ed Poe"), a definite description later ("The
spokesman says …") that refers back to the person last so described, and a
description as the subject of the sentence before a name ("The chairman of
the Harbour Board spoke today. Gen. Jo Roe …") that gives the person its
body."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from . import lexicon as lx
from .base import Mention
from .gazetteer import ORGANISATION, PERSON, WORD_RE
from .sources import SOURCE

# "An exiled spokesman for the newly formed coalition known as the Unity
# Front, ": a role and what it is held for, closed by a comma before the name.
# "the secretary of the Department of …" in a lead.
LEAD_OFFICE_RE = re.compile(r"\bthe\s+(?P<head>[a-z-]+)\s+of\s+(?:the\s+)?")
MILITARY_OF_RE = re.compile(r"\b((?:[A-Z]\.){2,3}|[A-Z][a-z]+)\s+military\b")
DESCRIBED_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?P<role>(?:[a-z-]+\s+){0,3}?(?P<head>[a-z-]+)"
    # ("The top officer in the U.S. military, General Jo Roe": "in", and
    # an abbreviation's stops.)
    r"\s+(?:for|of|with|at|in)\s+(?:[^,;:.\"\u201c\u201d]|(?<=[A-Z])\.){2,100}?),\s+"
    # (A rank or title between the comma and the name: ", General Jo Roe".)
    r"(?:[A-Z][a-z]+\.?\s+)?$"
)
# "NASA's Associate Administrator for Space Operations, ": a body's titled
# office ending in a comma before the name.
OWNED_TITLE_RE = re.compile(
    r"(?P<owner>\S+)['\u2019]s\s+"
    r"(?P<title>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|for|of|and|the)){0,8}),\s+$"
)
# "the coalition known as the Unity Front", "a group called Unity": the
# name the description gives its body.
NAMING_RE = re.compile(r"\b(?:known\s+as|called|named)\s+(?:the\s+)?$")
# "The spokesman", "the rebel spokesman", "the general": a definite
# description by the role words a named person was introduced with.
DEFINITE_RE = re.compile(
    r"(?i:the)\s+(?P<mods>(?:[a-z-]+\s+){0,2})(?P<head>[A-Za-z-]+)"
)
# Ranks as copy abbreviates them before a name ("Army Gen. Jo Roe" is "the
# general" later).
_RANKS = {
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "capt": "captain",
    "sen": "senator",
    "gov": "governor",
    "lt": "lieutenant",
    "maj": "major",
    "sgt": "sergeant",
}


RANK_BEFORE_RE = re.compile(rf"\b({'|'.join(k.title() for k in _RANKS)})\.\s+$")


def role_heads(role: str) -> set[str]:
    """The words a definite description may name a role by: its last word
    ("Foreign Minister" → minister), the title before "of" or "for"
    ("Secretary of Energy" → secretary) and a rank written out ("Army Gen."
    → general)."""
    words = [w.rstrip(".") for w in role.lower().split()]
    if not words:
        return set()
    heads = {words[-1], _RANKS.get(words[-1], words[-1])}
    for i, word in enumerate(words[1:], 1):
        if word in ("of", "for"):
            heads.add(words[i - 1])
            break
    return heads


# "The chairman of the Harbour Board …", "a Harbour Board spokesman said":
# the article of a description a sentence opens with, or a clause after a
# comma ("…, the chairman of the Harbour Board told reporters").
ARTICLE_RE = re.compile(r"(?:[Tt]he|[Aa]n?)\s+")
COMMA_RE = re.compile(r",\s+")
POSSESSIVE_RE = re.compile(r"['\u2019]s\s+")
DESCRIPTION_WORD_RE = re.compile(r"[\w.&'\u2019-]+")
# "… of the ", "… for ": what a description's head is held for.
HELD_FOR_RE = re.compile(r"\s+(?:of|for|at|with)\s+(?P<the>the\s+)?")
# "Joint Harbour Chiefs of Staff": a capitalised body after "of the" that
# the rules did not name, or a place a role is held for ("for North Ruritania
# and the Isles"), each word but a connector capitalised.
CAPITALISED_RE = re.compile(
    r"[A-Z][\w&-]*(?:\s+(?:(?:of|and|the)\s+)*[A-Z][\w&-]*)*(?=\s+[a-z]|[,;.]|$)"
)
# The verb after a description that is its sentence's subject ("… spoke",
# "… told"): a lower-case word that is no preposition or conjunction
# (``NOT_VERBS``, which the subjects spokespeople.py reads share).
SUBJECT_VERB_RE = re.compile(r"\s+(?P<verb>[a-z]+)\b")
NOT_VERBS = frozenset(
    "of for at with in on to from and or but who which that as by about".split()
)
# "Army Lt. Gen. ", "Dr. ", "Ambassador ": the bare ranks and titles right
# before a name, none a body's; courtesy titles ("Ms.") introduce anyone.
TITLES_BEFORE_RE = re.compile(r"(?:(?<![\w.-])[A-Z][a-z]+\.?\s+)+$")
_COURTESY = frozenset("Mr Mrs Ms Miss".split())
# ", who took office as secretary general Oct. 1,", ", a teacher,": a
# relative or appositive clause after a name, saying who the person is.
CLAUSE_AFTER_RE = re.compile(r",\s+(?:who|an?|the)\s+[^,;:.\"\u201c\u201d]*")

# "u.s." → "United States", "kenyan" → "Kenya": a definite role's state.
_STATE_BY_LOWER = {k.lower(): v for k, v in lx.COUNTRIES.items()}


class Descriptions:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def _described_before(self, mention: Mention) -> tuple[str, str | None] | None:
        """The role a description before the name gives, and the body it
        is held for: the one the description names ("known as the Unity
        Front"), else the one it is of or for."""
        before = self.text[max(0, mention.start - 160) : mention.start]
        m = DESCRIBED_BEFORE_RE.search(before)
        if m is None or m.group("head") not in lx.ROLE_HEADS:
            return None
        start = mention.start - (len(before) - m.start("role"))
        end = mention.start - (len(before) - m.end("role"))
        named = next(
            (
                o
                for o in self.mentions
                if o.type == ORGANISATION
                and start <= o.start < end
                and NAMING_RE.search(self.text, start, o.start)
            ),
            None,
        )
        owner = named.key if named else self._owner_in(start, end)
        forces = MILITARY_OF_RE.search(m.group("role"))
        if forces and forces.group(1).rstrip(".") in lx.COUNTRIES:
            # "the top officer in the U.S. military": the forces, named as
            # the story writes them, as a source's are.
            owner = self.org(
                forces.group(0), self.gaz.find(forces.group(0), ORGANISATION)
            )
        return m.group("role"), owner

    def _owned_title_before(self, mention: Mention) -> tuple[str, str] | None:
        """ "NASA's Associate Administrator for Space Operations, Ed
        Poe": a body's titled office ending in a comma before the
        name, however many capitalised words it runs to."""
        before = self.text[max(0, mention.start - 120) : mention.start]
        m = OWNED_TITLE_RE.search(before)
        if m is None or not any(w in lx.TITLE_WORDS for w in m.group("title").split()):
            return None
        owner = self.mention_ending(
            mention.start - (len(before) - m.end("owner")), ORGANISATION
        )
        if owner is None:
            return None
        return m.group("title"), owner.key

    def office_in_lead(self, mention: Mention, role: str) -> str | None:
        """ "…, the secretary of the Department of Homeland Security praised
        …. Secretary Jo Roe said": a bare title, in one of the two sentences
        after a lead whose office of a body it names, is that office."""
        words = (role or "").lower().split()
        if len(words) != 1 or len(self.sentences) < 2:
            return None
        if not self.sentences[1][0] <= mention.start < self.sentences[:3][-1][1]:
            return None
        for m in LEAD_OFFICE_RE.finditer(self.text, 0, self.sentences[0][1]):
            body = self.by_start.get(m.end())
            if m.group("head") == words[0] and body and body.type == ORGANISATION:
                return body.key
        return None

    def role_antecedent(self, head: str, pos: int, mods: str = "") -> str | None:
        """The person a definite role ("the senator", "the state senator")
        refers back to: the last one named before ``pos`` whose role has
        that head (``role_heads_of``) and every modifier in ``mods``."""
        head = head.lower()
        if head not in lx.ROLE_HEADS:
            return None
        for mention in reversed(self.mentions):
            if mention.start >= pos or mention.type != PERSON:
                continue
            person = self.people[mention.key]
            words = WORD_RE.findall((person.role or "").lower())
            if person.role_organisation:
                # "the U.S. ambassador": the state she speaks for is hers.
                words.append(self.orgs[person.role_organisation].name.lower())
            # "the U.N. chief" for "the United Nations chief".
            words.append("".join(re.findall(r"\b[A-Z]", person.role or "")).lower())
            if head in self.role_heads_of(mention) and all(
                w in words
                or w.replace(".", "") in words
                or _STATE_BY_LOWER.get(w.rstrip("."), "").lower() in words
                for w in mods.lower().split()
                if w not in lx.PASSING_MODIFIERS
            ):
                return mention.key
        return None

    def role_heads_of(self, mention: Mention) -> set[str]:
        """The words a definite description may name ``mention``'s person
        by: their role's (``role_heads``) and a rank written right before
        the name, which the role leaves out ("Army Gen. Jo Roe")."""
        heads = role_heads(self.people[mention.key].role or "")
        m = RANK_BEFORE_RE.search(self.text, max(0, mention.start - 8), mention.start)
        if m:
            heads.add(_RANKS[m.group(1).lower()])
        return heads

    def name_definite_descriptions(self) -> None:
        """ "Ali Hassan, a spokesman for the Unity Front, …. The rebel
        spokesman says …": a definite description by a role word alone
        ("the spokesman", "the police chief") names the last person before
        it whose role has that word and every modifier of the description;
        the quotes are theirs."""
        named: dict[str, str | None] = {}
        for quote in self.quotes:
            key = quote.speaker
            if not key or not key.startswith(SOURCE):
                continue
            if key not in named:
                named[key] = None
                m = DEFINITE_RE.fullmatch(self.sources[key][0])
                head = m and m.group("head").lower()
                if head not in lx.ROLE_HEADS:
                    continue
                wanted = m.group("mods").lower().split()
                last = None
                for mention in self.mentions:
                    if mention.start >= quote.start:
                        break
                    if mention.type != PERSON or mention.key.startswith(SOURCE):
                        continue
                    words = WORD_RE.findall(self.people[mention.key].role.lower())
                    if head in self.role_heads_of(mention) and all(
                        w in words for w in wanted if w not in lx.PASSING_MODIFIERS
                    ):
                        last = mention.key
                named[key] = last
            if named[key]:
                quote.speaker = named[key]

    def bodies_described_before(self) -> None:
        """ "The chairman of the Harbour Board spoke today. Army Gen. Jo Roe
        said …", "…, a Harbour Board spokesman said. Gen. Jo Roe …": a
        person first named in the sentence after one whose subject is a
        description naming a body, with a role of their own that names none
        and introduced as the one described (``_introduced_as_described``),
        is the person described and speaks for that body. No one else who
        could be that person (one with no body of their own) may be named
        between them, nor the description be quoted ('"The chairman of the
        Harbour Board is wrong," Gen. Jo Roe said'); the quotes of the
        description itself keep it as their source."""
        found = self.named_after_subjects(
            self._title_names_no_body, self._subject_description
        )
        for mention, (_, end, body, head), (_, s_end) in found:
            # (Its verb of saying may follow a word or two the description
            # left out: "An official with the United Nations refugee agency
            # says".)
            spoke = any(
                w in lx.SPEECH_VERBS for w in WORD_RE.findall(self.text[end:s_end])[:3]
            )
            if not self._introduced_as_described(mention, head, spoke):
                continue
            if not any(
                o.type == PERSON
                and end <= o.start < mention.start
                and self.people[o.key].role_organisation is None
                for o in self.mentions
            ):
                self.people[mention.key].role_organisation = body

    def _title_names_no_body(self, mention: Mention) -> bool:
        """Whether the role ``mention``'s person was given names no body:
        only title words, or none ("Army Gen.")."""
        role = self.people[mention.key].role or ""
        return all(w.rstrip(".") in lx.TITLE_WORDS for w in role.split())

    def _introduced_as_described(
        self, mention: Mention, head: str, spoke: bool
    ) -> bool:
        """Whether ``mention`` introduces the person a description in the
        sentence before is of: with a bare rank or title ("Army Gen. Jo
        Roe", "Dr. Jo Roe"), with a clause that gives the description's role
        ("Jo Roe, who took office as chairman, …"), or, when the description
        spoke ("The director of the Harbour Board says …"), with no clause
        saying she is someone else ("Ann Marsh says …" but not "Ann Marsh,
        who lives nearby, said …"). A name with nothing before it after a
        description that did not speak ("The chairman of the Harbour Board
        resigned. Ann Marsh said …") may be anyone's."""
        titles = TITLES_BEFORE_RE.search(
            self.text, max(0, mention.start - 60), mention.start
        )
        if titles and any(
            w.rstrip(".") in lx.TITLE_WORDS and w.rstrip(".") not in _COURTESY
            for w in titles.group().split()
        ):
            return True
        clause = CLAUSE_AFTER_RE.match(self.text, mention.end)
        if clause:
            return head.lower() in WORD_RE.findall(clause.group().lower())
        return spoke

    def _subject_description(
        self, s_start: int, s_end: int
    ) -> tuple[int, int, str, str] | None:
        """The description naming a body that is the subject of the sentence
        from ``s_start`` to ``s_end``, opening it ("The chairman of the
        Harbour Board spoke") or a clause after a comma with a verb of saying
        ("…, a Harbour Board spokesman said"): where it starts and ends, its
        body and its head ("chairman")."""
        starts = [s_start] + [
            m.end() for m in COMMA_RE.finditer(self.text, s_start, s_end)
        ]
        found = self.sentence_subject(
            starts,
            s_end,
            self._description_at,
            SUBJECT_VERB_RE,
            later_verbs=lx.SPEECH_VERBS,
        )
        if found is None:
            return None
        start, (end, body, head) = found
        return start, end, body, head

    def _description_at(self, start: int, limit: int) -> tuple[int, str, str] | None:
        """A singular description of a person's role at ``start``: "the
        (top) chairman of the Harbour Board", "a Harbour Board spokesman",
        "the Harbour Board's top officer"; where it ends, the body it names
        and its head, or None when it names none."""
        text = self.text
        owner = self.by_start.get(start)
        if owner is not None and owner.type == ORGANISATION:
            opening = POSSESSIVE_RE.match(text, owner.end, limit)
        else:
            owner, opening = None, ARTICLE_RE.match(text, start, limit)
        if opening is None:
            return None
        words = list(DESCRIPTION_WORD_RE.finditer(text, opening.end(), limit))[:6]
        head = next((w for w in words if w.group() in lx.ROLE_HEADS), None)
        if head is None or not self._modifiers_ok(text[opening.end() : head.start()]):
            return None
        end, body = head.end(), owner.key if owner else None
        held = HELD_FOR_RE.match(text, end, limit)
        after = self.by_start.get(held.end()) if held else None
        if after is not None and after.type == ORGANISATION:
            end, body = after.end, body or after.key
            owned = POSSESSIVE_RE.match(text, end, limit)
            if owned and (unit := CAPITALISED_RE.match(text, owned.end(), limit)):
                # "the director of the Harbour Board's Cargo Department":
                # a unit of the body is part of the description.
                end = unit.end()
        elif held and (named := CAPITALISED_RE.match(text, held.end(), limit)):
            end = named.end()
            name = named.group()
            if held.group("the") and " " in name and not self._a_place(name):
                # "the chairman of the Joint Harbour Chiefs of Staff".
                body = body or self._named_org(name)
        body = (
            body
            or self._owner_in(start, head.end())
            or self._source_org(start, head.end(), head.group())
        )
        return (end, body, head.group()) if body else None

    # -- the sentence before a name ----------------------------------------

    def named_after_subjects(
        self,
        wanted: Callable[[Mention], bool],
        subject: Callable[[int, int], tuple | None],
    ) -> Iterator[tuple[Mention, tuple, tuple[int, int]]]:
        """Each person first named in the sentence after one whose subject
        ``subject`` finds (given the sentence's start and end, it returns a
        tuple whose first item is where the subject starts, or None), the
        sentence in the paragraph or the one before, with no body of their
        own and ``wanted``: their mention, what ``subject`` found and the
        sentence. Not when the subject is within a quotation ('"The Harbour
        Board failed," Spokesman Jo Roe said')."""
        seen: set[str] = set()
        quoted = None
        for mention in self.mentions:
            if mention.type != PERSON or mention.key.startswith(SOURCE):
                continue
            first = mention.key not in seen
            seen.add(mention.key)
            person = self.people[mention.key]
            if not first or person.role_organisation is not None:
                continue
            if not wanted(mention):
                continue
            i = self.sentence_index_at(mention.start)
            if i == 0:
                continue
            s_start, s_end = self.sentences[i - 1]
            p = self.paragraphs.index(self.paragraph_at(mention.start))
            if self.paragraph_at(s_start) not in self.paragraphs[max(0, p - 1) : p + 1]:
                continue
            found = subject(s_start, s_end)
            if found is None:
                continue
            if quoted is None:
                quoted = self.quoted_spans()
            if any(q_start <= found[0] < q_end for q_start, q_end in quoted):
                continue
            yield mention, found, (s_start, s_end)

    def sentence_subject(
        self,
        starts: Sequence[int | None],
        limit: int,
        find: Callable[[int, int], tuple | None],
        verb_re: re.Pattern,
        later_verbs: frozenset[str] | None = None,
    ) -> tuple[int, tuple] | None:
        """The first subject ``find`` finds at one of ``starts`` (given the
        start and ``limit``, it returns a tuple whose first item is where
        the subject ends, or None) that ``verb_re`` finds a verb after, one
        not in ``NOT_VERBS``; after the first start, a verb in
        ``later_verbs`` if given. Where it starts and what ``find``
        returned."""
        for n, start in enumerate(starts):
            if start is None:
                continue
            found = find(start, limit)
            if found is None:
                continue
            verb = verb_re.match(self.text, found[0], limit)
            if verb is None or verb.group("verb") in NOT_VERBS:
                continue
            if n and later_verbs is not None and verb.group("verb") not in later_verbs:
                continue
            return start, found
        return None

    def _a_place(self, name: str) -> bool:
        """Whether ``name`` is a country or region ("the Middle East")."""
        return name in lx.COUNTRY_NAMES or name in lx.REGIONS
