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
