"""Military units named by their number: "2nd Squadron", "7th Infantry
Division", "Task Force 2-12", and the units one belongs to after commas
("2nd Battalion, 9th Marine Regiment") read as one body, which its
commander and anyone who speaks for it speak for."""

from __future__ import annotations

import re

from . import lexicon as lx
from .gazetteer import ORGANISATION

# A capitalised word of a unit's name, or a dotted abbreviation ("U.S.").
_CAP = r"(?:[A-Z][\w'\u2019-]*|(?:[A-Z]\.){2,3})"
# What a unit named by its ordinal is ("7th Infantry Division", "3rd Army",
# "9th Marines"); a team is named by its kind too ("4th Brigade Combat
# Team", never "1st Team" alone, as sport writes an honour).
_NOUNS = "|".join(
    """
    Division Regiment Battalion Squadron Brigade Company Battery Troop Platoon
    Corps Fleet Wing Group Detachment Flotilla Army Force Command Marines
    Infantry Cavalry Artillery Armor Aviation Engineers
    """.split()
)
# Units named with their number after them ("Task Force 2-12", "Carrier
# Strike Group 9", "Joint Task Force-170").
_NUMBERED = r"Task Force|Strike Group|Squadron|Wing|Battalion|Brigade"
_ONE_UNIT = (
    rf"(?:\d+(?:st|nd|rd|th) (?:(?:{_CAP} ){{1,4}}Team|(?:{_CAP} ){{0,4}}(?:{_NOUNS}))"
    rf"|(?:{_CAP} ){{0,3}}(?:{_NUMBERED})[ -]\d+(?:-\d+)?)(?![\w-])"
)
UNIT_RE = re.compile(rf"(?<![\w.-]){_ONE_UNIT}(?:, {_ONE_UNIT})*")


class Units:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def military_units(self) -> None:
        """Each unit named by its number becomes an organisation's mention,
        read before any other name, so that its words ("U.S." in "4th U.S.
        Infantry Regiment") are no names of their own and its number no
        break in it. Words of the sentence opening a numbered unit's run
        ("The Task Force 2-12") are left out."""
        for m in UNIT_RE.finditer(self.text):
            start = m.start()
            while True:
                word = self.words[self.word_index_at(start)]
                if word.group() not in lx.COMMON_CAPS:
                    break
                start = self.words[self.word_index_at(start) + 1].start()
            first = self.word_index_at(start)
            last = self.word_index_at(m.end() - 1)
            if any(i in self.covered for i in range(first, last + 1)):
                continue
            name = " ".join(self.text[start : m.end()].split())
            key = self.org(name, self.gaz.find(name, ORGANISATION))
            self.add_mention(start, m.end(), ORGANISATION, key)
