"""Layout: sentences and paragraphs of a text, and where a word starts."""

from __future__ import annotations

import bisect

from . import lexicon as lx
from .base import (
    ABBREVIATIONS,
    SENTENCE_END_RE,
)
from .units import UNIT_RE


class Sentences:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def _split_sentences(self) -> list[tuple[int, int]]:
        text, spans, start = self.text, [], 0
        # "4th U.S. Lancer Regiment": a unit's name holds no sentence's end.
        units = [u.span() for u in UNIT_RE.finditer(text)]
        for m in SENTENCE_END_RE.finditer(text):
            if any(s < m.start() < e for s, e in units):
                continue
            end = m.end() if m.group().strip() == "" else m.end()
            if m.group() and m.group()[0] == "\n":
                end = m.start()
            else:
                before = text[start : m.start()].rsplit(None, 1)
                last = before[-1] if before else ""
                last = last.rstrip('.!?"\u201d\u2019)')
                if last in ABBREVIATIONS or (len(last) == 1 and last.isupper()):
                    continue
                # "the U.S. Trade Representative": a dotted abbreviation
                # before a title or an organisation's word ends no sentence.
                following = text[m.end() :].split(None, 1)
                if (
                    "." in last
                    and last.replace(".", "").isupper()
                    and following
                    and (
                        # "U.S. Harbour Command's chief said …": a dotted
                        # abbreviation opening a sentence is no sentence.
                        len(before) == 1
                        # "…, U.S. Central Command officials said": right after
                        # a comma, the abbreviation opens a phrase.
                        or (
                            before[0].rstrip().endswith(",")
                            and (last.rstrip(".") in lx.COUNTRIES or last == "U.N")
                        )
                        or
                        # "U.N. Secretary-General": a hyphenated title too.
                        following[0].split("-")[0] in lx.TITLE_WORDS
                        # ("U.S. Special Envoy", "U.N. Press Secretary").
                        or following[0] in lx.TITLE_MODIFIERS
                        or following[0] in lx.ORG_KEYWORDS
                    )
                ):
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

    def sentence_index_at(self, pos: int) -> int:
        """The index in ``sentences`` of the sentence holding ``pos``."""
        return max(bisect.bisect_right(self.sentence_starts, pos) - 1, 0)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index_at(pos)]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.paragraph_starts, pos) - 1, 0)
        return self.paragraphs[i]

    def word_index_at(self, pos: int) -> int:
        """Index of the first word starting at or after ``pos``."""
        return bisect.bisect_left(self.word_starts, pos)
