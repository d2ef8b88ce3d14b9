"""Locating quoted words in an article's body.

Editors type straight quotation marks and apostrophes while copy often has
typographic ones (and the other way round). Matching folds each of those to one
character, so offsets found in the folded text are offsets in the real body.
"""

from __future__ import annotations

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
