"""Nouns for the people and groups of people that news copy cites as
unnamed sources: "officials said", "a spokesman", "militants say",
"witnesses told", "speakers warned". A closed class, written in the singular;
the plurals follow by rule (``plural``). ``lexicon`` re-exports them, so the
rules read them as ``lx.SOURCE_NOUNS`` beside the other word lists.

The class holds nouns for people only. A noun for a thing that reports
("reports say", "studies show", "figures show", "polls suggest") is never in
it, so such a subject is never a source; nor are "police", which speaks for
its force as an organisation ("police say", as docs/annotation.md has it),
and the crowds of ``CROWD_NOUNS`` ("people", "fans"), whose words are a
quote only before "that".

Two kinds, for whom a source speaks:

- **agents** hold a post in a body and speak for it, so a nationality or a
  country before them names the state ("Russian diplomats", "U.S.
  officials": docs/annotation.md's office of state or government);
- **others** are cited for what they are, saw or think ("militants",
  "witnesses", "analysts", "residents"): a nationality before them is no
  office of state ("Nigerian militants" speak for no state), though a body
  named in their description still is ("Shell engineers").
"""

from __future__ import annotations

import re

# Offices that are also titles: a source only in lower case ("the U.N.
# humanitarian chief said"); capitalised, they title a name ("Secretary of
# State Ann Marsh held …") or stand for one ("the U.S. Ambassador said").
OFFICE_NOUNS = frozenset(
    """
    chief head coordinator chairman chairwoman administrator commissioner
    minister ambassador president secretary governor mayor
    """.split()
)
# People who hold a post in a body and speak for it.
AGENT_NOUNS = (
    frozenset(
        """
    spokesman spokeswoman spokesperson official aide diplomat envoy officer
    commander general representative negotiator delegate investigator
    prosecutor lawmaker legislator leader manager director source
    insider
    """.split()
    )
    | OFFICE_NOUNS
)

# People cited for what they are, saw or think, not for a post.
OTHER_NOUNS = frozenset(
    """
    analyst expert witness researcher scientist doctor lawyer activist critic
    observer campaigner organiser organizer team militant rebel insurgent
    fighter gunman resident villager protester demonstrator survivor refugee
    worker engineer economist speaker participant supporter opponent reporter
    correspondent journalist soldier loyalist
    """.split()
)

# Plurals no rule gives.
_IRREGULAR = {"spokesperson": "spokespeople"}
# Nouns that are a source in the plural only: "a local" is rare, and "an
# authority" is a body ("the port authority said").
# ("Forces loyal to Jo Roe say": armed men, not a body, in the plural.)
_PLURAL_ONLY = frozenset("locals authorities troops forces".split())


def plural(noun: str) -> str:
    """The plural of a source noun: "spokesman" → "spokesmen", "authority"
    → "authorities", "witness" → "witnesses", "official" → "officials"."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "sh", "ch")):
        return noun + "es"
    return noun + "s"


SINGULAR_SOURCE_NOUNS = AGENT_NOUNS | OTHER_NOUNS
PLURAL_SOURCE_NOUNS = frozenset(plural(n) for n in SINGULAR_SOURCE_NOUNS) | _PLURAL_ONLY
SOURCE_NOUNS = SINGULAR_SOURCE_NOUNS | PLURAL_SOURCE_NOUNS
AGENTS = AGENT_NOUNS | frozenset(plural(n) for n in AGENT_NOUNS)
