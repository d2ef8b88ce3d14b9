"""Agreements a story names ("the 2017 agreement on …")."""

from __future__ import annotations

import re

from . import lexicon as lx
from .gazetteer import AGREEMENT, WORD_RE
from .results import (
    ProposedAgreement,
    existing_ref,
)
from .text import (
    is_cap,
    slugify,
)


class Agreements:
    """Rules of one extraction run (mixed into ``story.Story``)."""

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
                existing=existing_ref(existing),
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
            proper = any(is_cap(m) for m in modifiers)
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
        wanted = {m.lower() for m in modifiers if is_cap(m) or "-" in m}
        if not wanted:
            return None
        for entity in self.gaz.agreements:
            title = {w.lower() for w in WORD_RE.findall(entity.name)}
            if wanted <= title and (year is None or entity.year in (None, year)):
                return entity
        return None
