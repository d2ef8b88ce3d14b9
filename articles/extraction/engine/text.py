"""Text helpers the engine needs without Django."""

from __future__ import annotations

import re
import unicodedata


def slugify(value: str) -> str:
    """The slug Django's ``slugify`` makes of ``value`` (ASCII, lower case,
    hyphens), rewritten here so that the engine runs without Django: a
    proposal's key must equal the slug the registry gives the same name."""
    value = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore")
    value = re.sub(r"[^\w\s-]", "", value.decode("ascii").lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def shift_slipped(word: str) -> str:
    """ "Marsh" as copy sometimes types it, "MArsh": a name's second letter
    held on the shift key (only names of three letters or more, so that no
    acronym is read as one)."""
    if len(word) > 2 and word[:1].isupper() and word[1:].islower():
        return word[0] + word[1].upper() + word[2:]
    return word
