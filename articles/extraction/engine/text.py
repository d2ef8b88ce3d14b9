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


def misspelt(word: str, names) -> str | None:
    """The one name in ``names`` that ``word`` misspells by a letter left
    out, added or changed ("Surakiat" for "Surakiart"), sharing its first two
    letters; names of seven letters or more only, or None."""
    if len(word) < 7:
        return None
    found = [
        name
        for name in names
        if len(name) >= 6
        and name[:2] == word[:2]
        and _one_edit(word, name)
        # ("Roberts" is no slip for "Robert", nor "Williams" for "William".)
        and word.rstrip("s") != name.rstrip("s")
    ]
    return found[0] if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]
