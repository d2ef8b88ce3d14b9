"""When two names are the same name: the folded key the registry matches
people and organisations by.

"Charles Bolden", "charles  bolden", "Charles-Bolden" and "CHARLES BOLDEN."
share a key, as do "Wörner" and "Worner", "Łukasz" and "Lukasz". The key keeps
letters and digits only: case folded (``ß`` is ``ss``), accents and other
combining marks dropped, punctuation and spacing ignored. Scripts other than
Latin keep their letters as written ("张汉慧" stays "张汉慧").

Unicode's own decomposition (NFKD) does the accents; the few Latin letters it
does not decompose (ł, ø, đ, æ, œ, þ, ı) are mapped below. A transliteration
library (Unidecode, anyascii) would also turn other scripts into Latin
guesses, making "张汉慧" the key of "Zhang Han Hui": a false match the
registry would rather not offer an editor as a likely duplicate.
"""

from __future__ import annotations

import unicodedata

#: Latin letters with no Unicode decomposition, as their base letters.
UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ı": "i",
        "ŀ": "l",
    }
)


def name_key(name: str) -> str:
    """The folded key of ``name``: the same for names an editor would call
    the same (case, spacing, punctuation and accents aside)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = (
        char
        for char in decomposed.translate(UNDECOMPOSED)
        if not unicodedata.combining(char)
    )
    return "".join(char for char in letters if char.isalnum())
