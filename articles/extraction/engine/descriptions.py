"""People described by their role rather than by a title: a long
description before the name ("An exiled spokesman for the coalition known
as the Unity Front, Ali Hassan, …"), whose body is the one it names."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import Mention
from .gazetteer import ORGANISATION

# "An exiled spokesman for the newly formed coalition known as the Unity
# Front, ": a role and what it is held for, closed by a comma before the name.
DESCRIBED_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?P<role>(?:[a-z-]+\s+){0,3}?(?P<head>[a-z-]+)"
    r"\s+(?:for|of|with|at)\s+[^,;:.\"\u201c\u201d]{2,100}?),\s+$"
)
# "the coalition known as the Unity Front", "a group called Unity": the
# name the description gives its body.
NAMING_RE = re.compile(r"\b(?:known\s+as|called|named)\s+(?:the\s+)?$")


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
