"""Quotation marks: pairing opening and closing marks within a paragraph."""

from __future__ import annotations

import re


class QuotedSpans:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    # -- quotation marks ---------------------------------------------------

    def quoted_spans(self) -> list[tuple[int, int]]:
        """(opening mark, closing mark) offsets of every quotation in the
        text, paired within a paragraph; a paragraph that opens with a mark
        no other mark closes is a quotation to its end (its "closing mark"
        is then the paragraph's end)."""
        spans = []
        text = self.text
        for i, (p_start, p_end) in enumerate(self.paragraphs):
            open_at = None
            for m in re.finditer('["\u201c\u201d]', text[p_start:p_end]):
                pos = p_start + m.start()
                ch = m.group()
                before = text[pos - 1] if pos > p_start else " "
                after = text[pos + 1] if pos + 1 < p_end else " "
                opening = (
                    ch == "\u201c"
                    # An opening mark typed for a closing one ('…,“ she
                    # said'): after a word or a comma, before a space.
                    and not (
                        open_at is not None
                        and not before.isspace()
                        and (after.isspace() or after in ".,;:!?")
                    )
                ) or (
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
            if (
                open_at == p_start
                or (
                    open_at is not None
                    and (
                        self._opens_quoted(i + 1)
                        # '"…," said Jo Roe. "NASA has …' (the copy lost the
                        # mark): a paragraph of quotations goes on quoting.
                        or text[p_start] in '"\u201c'
                        and re.search(r"[.!?]\s+$", text[p_start:open_at]) is not None
                    )
                )
            ):
                # A quotation running over several paragraphs: each opens
                # with a mark, only the last closes. This one runs to the
                # paragraph's end (also from the middle of the paragraph:
                # '"…," she said. "The state knows it.' / '"We have …"').
                spans.append((open_at, p_end))
            elif open_at is None:
                spans.extend(self._single_quoted(p_start, p_end))
        spans.sort()
        return spans

    def _opens_quoted(self, i: int) -> bool:
        """Whether paragraph ``i`` exists and opens with a quotation mark."""
        return i < len(self.paragraphs) and self.text[self.paragraphs[i][0]] in (
            '"\u201c'
        )

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
