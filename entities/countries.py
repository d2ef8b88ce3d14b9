"""Country names as a newsroom writes them.

django-countries gives the ISO 3166 short names, with its common names for
some ("Russia", "Iran"); the rest keep ISO's qualifiers, which no copy uses:
"Bahamas (The)", "Falkland Islands (Malvinas)". Here a trailing qualifier
is dropped, and where two countries would then share a name it is put in
front instead ("British Virgin Islands", "U.S. Virgin Islands"). The codes
are django-countries' own; only the names shown change.
"""

from __future__ import annotations

import re
from collections import Counter

from django_countries import Countries

TRAILING_QUALIFIER = re.compile(r"^(?P<name>.+?)\s*\((?P<qualifier>[^()]+)\)$")


def plain_names(names: dict[str, str]) -> dict[str, str]:
    """For each code whose name ends in a qualifier, the newsroom's name."""
    stripped = {}
    for code, name in names.items():
        match = TRAILING_QUALIFIER.match(name)
        if match:
            stripped[code] = match
    bare = Counter(match["name"] for match in stripped.values())
    bare.update(name for code, name in names.items() if code not in stripped)
    plain = {}
    for code, match in stripped.items():
        qualifier = match["qualifier"]
        if qualifier.lower() == "the":
            plain[code] = match["name"]
        elif bare[match["name"]] > 1:
            plain[code] = f"{qualifier} {match['name']}"
        else:
            plain[code] = match["name"]
    return plain


class NewsroomCountries(Countries):
    """django-countries' list with plain names (see the module's note)."""

    @property
    def override(self):
        return plain_names(
            {code: str(name) for code, name in Countries().countries.items()}
        )
