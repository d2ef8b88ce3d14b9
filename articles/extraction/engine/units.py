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
    Infantry Cavalry Artillery Armor Aviation Engineers Unit
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
# Nouns sport and business name their numbered parts by too ("the 2nd
# Division title", "3rd Group"): such a unit is military only with a
# service's or an arm's word in its name ("1st Marine Division", "4th
# Brigade Combat Team") or a command of it beside it.
_AMBIGUOUS = frozenset("Division Group Company Force Command Wing Team Unit".split())
ARM_WORDS = frozenset(
    """
    Infantry Marine Marines Armored Armoured Airborne Air Cavalry Army Fleet
    Navy Naval Mountain Artillery Armor Aviation Engineer Engineers Mechanized
    Motorized Tank Panzer Special Expeditionary Logistics Signal Military
    Sustainment Strike Carrier Fighter Bomber Airlift Ranger Rangers Guards
    Parachute Commando Rifle Brigade Regiment Battalion Squadron Combat
    Lancer Lancers Hussars Dragoons Fusiliers Corps Aircraft Maintenance Munitions
    """.split()
)
_PART_RE = re.compile(_ONE_UNIT)
# "commander of the 2nd Division", "the 2nd Division commander".
_COMMAND_BEFORE_RE = re.compile(
    r"\b(?:commander|commanding\s+(?:general|officer)|commandant|chief|head)"
    r"\s+(?:of|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_COMMAND_AFTER_RE = re.compile(
    r"\s+(?:commander|commanding\s+(?:general|officer)|commandant)\b", re.I
)


class Units:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def military_units(self) -> None:
        """Each unit named by its number becomes an organisation's mention,
        read before any other name, so that its words ("U.S." in "4th U.S.
        Infantry Regiment") are no names of their own and its number no
        break in it. Words of the sentence opening a numbered unit's run
        ("The Task Force 2-12") are left out."""
        for m in UNIT_RE.finditer(self.text):
            if not self._military(m):
                continue
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

    def _military(self, m: re.Match) -> bool:
        """Whether the unit ``m`` matched is an armed force's: one of its
        parts is named by a noun only a force's units are named by, or by
        its number after it ("Task Force 2-12"), or has a service's or an
        arm's word ("7th Infantry Division"); else it is commanded beside
        it ("commander of the 2nd Division")."""
        for part in _PART_RE.finditer(m.group()):
            words = part.group().split()
            if words[-1] not in _AMBIGUOUS or part.group()[-1].isdigit():
                return True
            if any(w in ARM_WORDS for w in words[1:-1]):
                return True
        line_start = self.text.rfind("\n", 0, m.start()) + 1
        return bool(
            _COMMAND_BEFORE_RE.search(self.text[line_start : m.start()])
            or _COMMAND_AFTER_RE.match(self.text, m.end())
        )
