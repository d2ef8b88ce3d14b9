"""Locating quoted words in an article's body.

Editors type straight quotation marks and apostrophes while copy often has
typographic ones (and the other way round). Matching folds each of those to one
character, so offsets found in the folded text are offsets in the real body.
"""

from __future__ import annotations

import difflib
import re

_FOLD = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u00a0": " ",  # no-break space
        "\u2013": "-",
        "\u2014": "-",
    }
)

QUOTATION_MARKS = "\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb"


def fold(text: str) -> str:
    """Fold typographic variants to one character each; keeps every offset."""
    return text.translate(_FOLD)


def clean_quote_text(text: str) -> str:
    """The words of a quote as an editor pastes them: surrounding white space
    and quotation marks removed."""
    return text.strip().strip(QUOTATION_MARKS).strip()


def find_span(
    body: str, text: str, *, prefer: int | None = None
) -> tuple[int, int] | None:
    """Where ``text`` occurs in ``body`` as ``(start, end)``, or ``None``.

    When it occurs more than once, the occurrence at ``prefer`` wins if there
    is one there (an edit elsewhere in the body keeps a quote where the editor
    put it), otherwise the first.
    """
    if not text:
        return None
    folded_body, folded_text = fold(body), fold(text)
    if prefer is not None and folded_body.startswith(folded_text, prefer):
        return prefer, prefer + len(text)
    start = folded_body.find(folded_text)
    if start < 0:
        return None
    return start, start + len(text)


# -- offering new words for a quote whose words an edit removed ------------

_TOKEN = re.compile(r"\S+")
_EDGE = QUOTATION_MARKS + ",;:.!?()"
# Below this similarity a passage is not offered: "update the quote" should
# mean the same words reworded, not an unrelated sentence.
MIN_SIMILARITY = 0.6
# How many candidate places the fuzzy search compares in full.
CANDIDATES = 20


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [
        (match.group().strip(_EDGE).casefold(), match.start(), match.end())
        for match in _TOKEN.finditer(fold(text))
    ]


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a).casefold(), fold(b).casefold()).ratio()


def _trimmed(body: str, start: int, end: int, words: str) -> tuple[int, int]:
    """The span without the punctuation and quotation marks around it that
    the quote's own words do not have at that end."""
    while start < end and body[start] in _EDGE and not words.startswith(body[start]):
        start += 1
    while start < end and body[end - 1] in _EDGE and not words.endswith(body[end - 1]):
        end -= 1
    return start, end


def _followed(
    old_body: str, body: str, old_span: tuple[int, int]
) -> tuple[int, int] | None:
    """Where the edit took the words at ``old_span`` of ``old_body``: the
    passage of ``body`` that replaced them, found by diffing the two bodies
    word by word."""
    old, new = _tokens(old_body), _tokens(body)
    first = next((i for i, t in enumerate(old) if t[2] > old_span[0]), None)
    last = next(
        (i for i in range(len(old) - 1, -1, -1) if old[i][1] < old_span[1]), None
    )
    if first is None or last is None or last < first:
        return None
    matcher = difflib.SequenceMatcher(
        None, [t[0] for t in old], [t[0] for t in new], autojunk=False
    )

    def mapped(index: int, *, end: bool) -> int:
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if i1 <= index < i2:
                if tag == "equal":
                    return j1 + (index - i1)
                return j2 - 1 if end else j1
        return len(new) - 1 if end else len(new)

    start, stop = mapped(first, end=False), mapped(last, end=True)
    if stop < start or start >= len(new):
        return None
    return new[start][1], new[stop][2]


def _searched(body: str, words: str) -> tuple[int, int] | None:
    """The passage of ``body`` most like ``words``: each occurrence of one
    of the quote's words votes for the place the quote would start there;
    the best-voted places are compared in full, over a few lengths."""
    tokens, quoted = _tokens(body), [t[0] for t in _tokens(words)]
    if not tokens or not quoted:
        return None
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(quoted):
        positions.setdefault(word, []).append(index)
    votes: dict[int, int] = {}
    for index, token in enumerate(tokens):
        for offset in positions.get(token[0], ()):
            start = index - offset
            if start >= 0:
                votes[start] = votes.get(start, 0) + 1
    best, best_score = None, 0.0
    length = len(quoted)
    for start in sorted(votes, key=lambda s: (-votes[s], s))[:CANDIDATES]:
        # A rewording may shorten the words by half or lengthen them a bit.
        for size in range(max(1, length // 2), length + 3):
            stop = min(start + size, len(tokens)) - 1
            span = tokens[start][1], tokens[stop][2]
            score = _similarity(body[span[0] : span[1]], words)
            if score > best_score:
                best, best_score = span, score
    return best if best_score >= MIN_SIMILARITY else None


def closest_passage(
    body: str,
    words: str,
    *,
    old_body: str = "",
    old_span: tuple[int, int] | None = None,
) -> str | None:
    """The passage of the edited ``body`` to offer as a quote's new words
    when its ``words`` are no longer in it, or ``None`` when nothing is
    close enough.

    First the edit is followed: the old and new bodies are compared word by
    word (``difflib.SequenceMatcher``) and the words that replaced the
    quote's old place are offered, so "ambitious but affordable" edited to
    "bold but affordable" offers exactly that, even when the body has other
    near matches. A quote not yet saved has no old place; and an edit that
    moved its sentence leaves nothing at it. Then the body is searched for
    the passage most like the words (``_searched``).

    difflib is in the standard library and the bodies are stories, not
    books: the word-level diff and the vote-first search keep it quick,
    so no fuzzy-matching package is needed."""
    candidates = []
    if old_body and old_span is not None:
        candidates.append(_followed(old_body, body, old_span))
    candidates.append(_searched(body, words))
    for span in candidates:
        if span is None:
            continue
        start, end = _trimmed(body, *span, words)
        passage = body[start:end]
        if passage and _similarity(passage, words) >= MIN_SIMILARITY / 2:
            return passage
    return None
