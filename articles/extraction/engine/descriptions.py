"""People described by their role rather than by a title: a long
description before the name ("An exiled spokesman for the coalition known
as the Unity Front, Ali Hassan, …"), whose body is the one it names, a
body's titled office before it ("NASA's Associate Administrator for Space
Operations, Bill Gerstenmaier"), and a
definite description later ("The spokesman says …") that refers back to the
person last so described."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import Mention
from .gazetteer import ORGANISATION, PERSON, WORD_RE
from .sources import SOURCE

# "An exiled spokesman for the newly formed coalition known as the Unity
# Front, ": a role and what it is held for, closed by a comma before the name.
DESCRIBED_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?P<role>(?:[a-z-]+\s+){0,3}?(?P<head>[a-z-]+)"
    r"\s+(?:for|of|with|at)\s+[^,;:.\"\u201c\u201d]{2,100}?),\s+"
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
        return m.group("role"), owner

    def _owned_title_before(self, mention: Mention) -> tuple[str, str] | None:
        """ "NASA's Associate Administrator for Space Operations, Bill
        Gerstenmaier": a body's titled office ending in a comma before the
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
                        w in words for w in wanted
                    ):
                        last = mention.key
                named[key] = last
            if named[key]:
                quote.speaker = named[key]
