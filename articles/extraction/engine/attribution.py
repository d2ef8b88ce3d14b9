"""Attribution: reporting cues, the speaker before or after a cue, pronouns
and outlets ("told TASS")."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import (
    CUE_RE,
    OUTLET_RES,
    Cue,
)
from .gazetteer import ORGANISATION, PERSON


class Attribution:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    # -- quotes ------------------------------------------------------------

    def find_cues(self) -> list[Cue]:
        cues = []
        for m in CUE_RE.finditer(self.text):
            cue = m.group().strip().lower()
            cues.append(
                Cue(
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
