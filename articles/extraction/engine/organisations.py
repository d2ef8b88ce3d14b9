"""Organisations and roles: the context that makes a name an organisation,
and a person's role and whom it is held at."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import (
    UNIT_WORDS_RE,
    Mention,
)
from .gazetteer import ORGANISATION, PERSON, WORD_RE
from .text import (
    is_cap,
)
from .titles import title_of

# A role after a name ends before a verb of saying even with no comma
# ("Qazi Hussain Ahmed, the head of an Islamic party alliance told the BBC").
_SAYING = "|".join(sorted(lx.SPEECH_VERBS, key=len, reverse=True))
# ", Ph.D., " after a name: the role, if any, follows it.
_POST_NOMINALS_RE = re.compile(
    r"(?:,\s+(?:" + "|".join(map(re.escape, lx.POST_NOMINALS)) + r")(?=,))+"
)


# "Ambassador Ron Kirk met the minister": a determiner opens another noun
# phrase, so the role after it is not the name's.
_DETERMINERS = frozenset("the a an his her its their this that these those".split())


# Adjectives that open a sentence before a group's noun ("Regional officials
# say …") and name no body.
_PLAIN_ADJECTIVES = frozenset(
    "Regional Local Provincial Municipal Federal Tribal Government".split()
)

# "Roe is the Joint Staff's deputy director of operations", "Roe currently
# is commander of the Harbour Command".
COPULA_ROLE_RE = re.compile(
    r"\s+(?:(?:currently|now|still)\s+)?"
    r"(?:is|was|serves\s+as|served\s+as|has\s+been)\s+(?:the\s+|an?\s+)?"
    r"(?P<role>(?:[^,;.\"\u201c\u201d]|(?<=[A-Z])\.(?=[A-Z]|\s+[a-z])){2,100}?)"
    r"(?=[,;.]|$)"
)


# "said the president of Iran, Mahmoud Ahmadinejad": a role with "of" and a
# body before the name, closed by a comma.
ROLE_OF_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?P<role>(?:[A-Za-z-]+\s+){0,3}?(?P<head>[A-Za-z-]+)"
    r"\s+of\s+(?:the\s+)?(?P<owner>[A-Z][\w.&'\u2019-]*"
    r"(?:\s+(?:[A-Z][\w.&'\u2019-]*|of|and|for))*)),\s+$"
)


# "joined Porto Azul from ", "moved to Halden Corp. from ": a move to a body,
# the words before "from" (to be checked as an organisation's name).
JOINED_FROM_RE = re.compile(
    r"\b(?:join(?:s|ed|ing)?|(?:move[sd]?|moving|transferr(?:ed|ing)|transfers?"
    r"|switch(?:es|ed|ing)?|return(?:s|ed|ing)?)\s+to|sign(?:s|ed|ing)?\s+for)"
    r"\s+(?:the\s+)?(?P<joined>[A-Z][^,;()]{0,40}?[\w.])\s+from\s+$"
)


# A body named by the portfolios it lists, before its head's title and the
# name, opening a line or a sentence: "Michigan Environment, Great Lakes &
# Energy Director Liesl Clark" (an ampersand, which joins no list of
# people's names: "Ann Marsh, Jo Roe and Board Chairman Ed Smith").
_CAP = r"[A-Z][\w.'\u2019-]*"
LISTED_BODY_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))"
    rf"(?P<body>{_CAP}(?:\s+{_CAP})*(?:,\s+{_CAP}(?:\s+{_CAP})*)+,?\s+&"
    rf"\s+{_CAP}(?:\s+{_CAP})*?)\s+(?:(?:Deputy|Acting|Assistant)\s+)?"
    r"(?P<head>[A-Z][a-z]+)\s+[A-Z]",
    re.MULTILINE,
)

# What stands before a place's name: a preposition of place, or the town a
# region's name follows ("Troy, New York").
PLACE_BEFORE_RE = re.compile(
    r"(?:\b(?:in|to|at|near|from|across|around|throughout|outside)"
    r"|[A-Z][\w.-]*,)\s+$"
)


def _role_head(word: str, plural: bool = False) -> bool:
    """A role's head word ("official"), or its plural ("officials")."""
    word = word.lower()
    return word in lx.ROLE_HEADS or (
        plural and word.endswith("s") and word[:-1] in lx.ROLE_HEADS
    )


class Organisations:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def _org_context(self, start: int, end: int, single: bool = False) -> bool:
        text = self.text
        first = text[start:end].split()[0]
        if (
            first in lx.COMMON_CAPS
            or first in lx.DEMONYMS
            or first in lx.TITLE_WORDS
            # "Press secretary Dana Perino" opening a sentence.
            or first in lx.TITLE_MODIFIERS
        ):
            if single:
                return False
        if single and (first in _PLAIN_ADJECTIVES or self._common_opening(start)):
            return False
        words = text[start:end].split()
        if words[-1] in lx.DEMONYMS and all(
            w in lx.TITLE_WORDS or w in lx.COMMON_CAPS for w in words[:-1]
        ):
            # "Senior Kenyan prosecutor Jo Roe": a title word opening the
            # sentence and a nationality name no body.
            return False
        left = text[max(0, start - 60) : start]
        right = text[end : end + 40]
        value = text[start:end]
        if (
            single
            and re.search(r"(?<![\w-])[Tt]he\s+$", left)
            and len(value) >= 3
            and value.isupper()
            and value.isalpha()
            and value not in lx.COUNTRIES
        ):
            # "The EPA released …": an acronym after "the" is a body.
            return True
        prev = WORD_RE.findall(left[-30:])
        prev_word = prev[-1] if prev else ""
        if re.search(
            r"(?:\btold|[Ss]peaking (?:to|with|on)|[Tt]alking to|interview with"
            r"|comments to|said on|quoted by)\s+(?:the\s+)?$",
            left,
        ):
            return True
        if prev_word.lower() in lx.ORG_TYPE_NOUNS and left.endswith(prev_word + " "):
            return True
        m = JOINED_FROM_RE.search(left)
        if (
            m
            and (
                self.mention_ending(start - len(left) + m.end("joined"), ORGANISATION)
                # "Halden Corp.": the name ends before its abbreviation's stop.
                or self.mention_ending(
                    start - len(left) + m.end("joined") - 1, ORGANISATION
                )
            )
            # "moved to Halden Corp from London": a place, not a body.
            and value not in lx.COUNTRY_NAMES
            and value not in lx.COUNTRIES
            and value not in lx.CAPITALS
        ):
            # "has joined Porto Azul from Santos Mar": a move to a body the
            # story named is from another body.
            return True
        m = re.match(r"(?:['\u2019]s?\s+|\s+)((?:[A-Za-z-]+\s*){1,3})", right)
        if m:
            # The role after the name, its head the first role word of up to
            # three ("DoD's senior official for …", "DoD's comptroller and
            # point man"), any words before it modifiers.
            possessive = right[:1] in "'\u2019"
            after = m.group(1).split()
            for k, head in enumerate(after):
                mods = after[:k]
                if any(
                    w in lx.NON_CLAUSE_STARTS
                    or w in lx.SPEECH_VERBS
                    or w.lower() in _DETERMINERS
                    or (w.endswith("ed") and w.islower())
                    for w in mods
                ):
                    # "Spokesman Tom Reed briefed reporters": a verb, not a
                    # role's modifier.
                    return False
                if k and is_cap(head) and not possessive:
                    # "Ann Lee met Senator Bob Stone": a title after words
                    # of the sentence belongs to the next name.
                    return False
                if (
                    not k
                    and not possessive
                    and head.lower() not in lx.ROLE_HEADS
                    and after[1:2]
                    and after[1].lower() in _DETERMINERS
                ):
                    # "Jo Roe heads the unit": a verb, not a plural role.
                    return False
                if _role_head(head, plural=k == 0) and (
                    possessive or not is_cap(head) or head in lx.TITLE_WORDS
                ):
                    if all(not is_cap(w) or w in lx.TITLE_WORDS for w in mods):
                        return possessive or not single or not is_cap(head)
                    break
        m = re.search(r"\b(?:for|at|with)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$", left)
        if m:
            before = WORD_RE.findall(left[: m.start()])
            return any(w.lower() in lx.ROLE_HEADS for w in before[-3:])
        m = re.search(r"\b([A-Za-z-]+)\s+of\s+(?:the\s+)?$", left)
        if m and m.group(1).lower() in lx.ROLE_HEADS:
            # "chief executive of General Motors", "the head of Oxfam".
            return True
        m = re.search(r",?\s+of\s+$", left)
        if (
            m
            and value.isupper()
            and value.isalpha()
            and value not in lx.COUNTRIES
            and self.mention_ending(start - len(m.group()), PERSON)
        ):
            # "Allard Beutel of NASA said" (but "Jo Roe of Springfield" is a
            # place, so only an acronym).
            return True
        return False

    def _common_opening(self, start: int) -> bool:
        """ "Militant spokesman Jo Roe said", "Activist leader Jo Roe": a
        word for a kind of person opening a sentence is capitalised there
        as any first word is, and names no body (which "Army", "Military"
        or "Police" may)."""
        word = self.text[start : self.word_ends[self.word_index_at(start)]]
        opening = self.text[self.sentence_at(start)[0] : start]
        return word.lower() in lx.SOURCE_NOUNS and not opening.strip('"\u201c( ')

    def _named_as_org(self, values: list[str], start: int) -> bool:
        """ "… joined Porto Azul from Santos Mar. … when Santos Mar demanded":
        a name the story has already read as an organisation's (by its
        context there) is the organisation's wherever else it stands, but
        where it stands for a place ("New York Governor Kathy Hochul" …
        "in Troy, New York", "his trip to New York")."""
        name = " ".join(values)
        if len(values) < 2 or PLACE_BEFORE_RE.search(
            self.text, max(0, start - 40), start
        ):
            return False
        return any(
            name == org.name or name in org.aliases for org in self.orgs.values()
        )

    def units_of_bodies(self) -> None:
        """ "Acme's wing team … Jo Roe, Acme Wing Team says": a unit's name
        ("Team") opening with the name of a body the story names on its
        own is the body's, the rest the unit's words (a team is no body)."""
        for mention in list(self.mentions):
            words = self.text[mention.start : mention.end].split()
            if mention.type != ORGANISATION or words[-1] not in lx.UNIT_WORDS:
                continue
            for k in range(len(words) - 1, 0, -1):
                name = " ".join(words[:k])
                body = next((o for o in self.orgs.values() if o.name == name), None)
                if body is not None and body.key != mention.key:
                    self.orgs[mention.key].mentions.remove([mention.start, mention.end])
                    self.mentions.remove(mention)
                    del self.by_end[mention.end]
                    self.add_mention(
                        mention.start, mention.start + len(name), ORGANISATION, body.key
                    )
                    break

    def _listed_bodies(self) -> None:
        """ "Michigan Environment, Great Lakes & Energy Director Liesl Clark":
        the portfolios listed before a title's head name a body, which its
        head speaks for (not a minister's or a president's, who speak for
        their state)."""
        for m in LISTED_BODY_RE.finditer(self.text):
            head = m.group("head").lower()
            first = self.word_index_at(m.start("body"))
            last = self.word_index_at(m.end("body") - 1)
            if (
                head not in lx.ROLE_HEADS
                or head in lx.GOVERNMENT_TITLES
                or any(i in self.covered for i in range(first, last + 1))
            ):
                continue
            body = m.group("body")
            key = self.org(body, self.gaz.find(body, ORGANISATION))
            self.add_mention(m.start("body"), m.end("body"), ORGANISATION, key)

    # -- roles -------------------------------------------------------------

    def find_roles(self) -> None:
        self._roles_before_and_after()
        self._roles_in_copulas()
        self.bodies_described_before()

    def _roles_before_and_after(self) -> None:
        for mention in self.mentions:
            if mention.type != PERSON:
                continue
            person = self.people[mention.key]
            if person.role or person.role_organisation:
                continue
            role = (
                self._role_before(mention)
                or self._owned_title_before(mention)
                or self._role_of_before(mention)
                or self._described_before(mention)
            )
            after = self._role_after(mention)
            if role and role[1] is None:
                # "the spokesman for the Harbour Board, General Jo Roe": a
                # rank names no body; the description before it may.
                role = self._described_before(mention) or role
            if role is None or (role[1] is None and after and after[1]):
                # "Navy Adm. John Kirby, the Pentagon press secretary": a rank
                # names no body, the role after the name does.
                role = after
            if role:
                person.role, person.role_organisation = role
            if person.role_organisation is None and role:
                person.role_organisation = self._shared_owner(mention)
            if person.role_organisation is None:
                person.role_organisation = self.spoken_for(mention, person.role)
            if person.role_organisation is None and after and after[0] != person.role:
                # "General Jo Roe, the commander of coalition forces": a rank
                # before the name speaks for no one, the role after it may.
                person.role_organisation = self.spoken_for(mention, after[0])
            if mention.key not in self.gender:
                for word in WORD_RE.findall(person.role or "") + WORD_RE.findall(
                    self.text[max(0, mention.start - 5) : mention.start]
                ):
                    if word in lx.GENDERED:
                        self.gender[mention.key] = lx.GENDERED[word]

    def _shared_owner(self, mention: Mention) -> str | None:
        """ "Afghanistan's President Ashraf Ghani and Chief Executive Officer
        Abdullah Abdullah": a title after "and" shares the owner of the
        titled name before it."""
        m = re.search(r"\s+and\s+(?:[A-Z][\w.-]*\s+){1,5}$", self.text[: mention.start])
        if m is None:
            return None
        before = self.mention_ending(m.start(), PERSON)
        if before is None or before.key == mention.key:
            return None
        org = self.people[before.key].role_organisation
        owned = re.search(
            r"['\u2019]s\s+(?:[A-Z][\w.-]*\s+){1,5}$", self.text[: before.start]
        )
        if org is None or owned is None:
            return None
        owner = self.mention_ending(owned.start(), ORGANISATION)
        return org if owner is not None and owner.key == org else None

    def _roles_in_copulas(self) -> None:
        """A role given in a sentence of its own ("Stufflebeem is the Joint
        Staff's deputy director of operations") for a person whose role
        named no organisation."""
        for mention in self.mentions:
            if mention.type != PERSON:
                continue
            person = self.people[mention.key]
            if person.role_organisation is not None:
                continue
            m = COPULA_ROLE_RE.match(self.text, mention.end)
            if m is None:
                continue
            words = WORD_RE.findall(m.group("role"))
            if not any(w.lower() in lx.ROLE_HEADS for w in words[:6]):
                continue
            org = self._owner_in(m.start("role"), m.end("role")) or self.spoken_for(
                mention, m.group("role")
            )
            if org is not None:
                person.role = person.role or m.group("role")
                person.role_organisation = org

    def _role_before(self, mention: Mention) -> tuple[str, str | None] | None:
        text = self.text
        i = self.word_index_at(mention.start) - 1
        pos = mention.start
        if (
            i > 0
            and self.words[i].group() in lx.ABBREVIATED_TITLES
            and text[self.word_ends[i] : pos] == ". "
        ):
            # "Its health commissioner, Dr. Fatou Diallo": the honorific
            # stands between the role and the name.
            pos = self.words[i].start()
            i -= 1
        # "Tuvalu's chief negotiator, Salote Fifita": the role ends at a comma.
        gap = text[self.word_ends[i] : pos] if i >= 0 else ""
        if i < 0 or gap not in (" ", ", "):
            return None
        first, last, org = None, None, None
        while i >= 0:
            word = self.words[i]
            value = word.group()
            gap = text[word.end() : pos]
            if first is not None and gap not in (" ",):
                # "U.S. Trade Representative": an abbreviation's full stop.
                owner = self.mention_ending(word.end() + 1, ORGANISATION)
                if owner is None and "." in value and value.isupper():
                    # "U.N. Secretary-General": the body's name stops
                    # before its abbreviation's last full stop.
                    owner = self.mention_ending(word.end(), ORGANISATION)
                if gap == ". " and owner:
                    org = owner.key
                if gap.strip() in ("'", "\u2019", "'s", "\u2019s"):
                    owner = self.mention_ending(word.end(), ORGANISATION)
                    if owner:
                        org = owner.key
                break
            if first is None and gap not in (" ", ", "):
                break
            if value == "s" and text[word.start() - 1 : word.start()] in (
                "'",
                "\u2019",
            ):
                owner = self.mention_ending(word.start() - 1, ORGANISATION)
                if owner:
                    org = owner.key
                break
            owner = self.mention_ending(word.end(), ORGANISATION)
            if owner and first is not None:
                # "President Ann Marsh of Kenya and President Ed Poe": a
                # body after "of" before "and" is the other person's.
                if not (
                    text[first:last].startswith("and ")
                    and re.search(r"\bof\s+$", text[: owner.start])
                ):
                    org = owner.key
                break
            if value == "whose" and first is not None:
                owner = self.mention_ending(
                    text.rfind(",", 0, word.start()), ORGANISATION
                )
                if owner:
                    org = owner.key
                break
            if (
                first is not None
                and value.islower()
                and value != "and"
                and text[first:last].split()[0] in lx.DEMONYMS
            ):
                # "… is denying Ruritanian President Jan Novak's claim":
                # the nationality opens the title; the words before it are
                # the sentence's.
                break
            allowed = (
                value.lower() in lx.ROLE_HEADS
                or value in lx.TITLE_WORDS
                or (value in lx.TITLE_MODIFIERS and first is not None)
                or value in lx.DEMONYMS
                or (value == "and" and first is not None)
                # "Secretary of the Navy Jo Roe", "Secretary of Energy Jo
                # Roe": a title's "of" and "the" after it.
                or (first is not None and i and title_of(self.words, i))
                or (
                    value.islower()
                    and first is not None
                    and value not in lx.NON_CLAUSE_STARTS
                    and value not in ("the", "a", "an", "who", "whose", "which")
                    and value not in lx.SPEECH_VERBS
                    and value not in lx.LABEL_VERBS
                )
            )
            if (
                not allowed
                or i in self.covered
                and self.mention_ending(word.end()) is None
            ):
                break
            if first is None:
                if value.lower() not in lx.ROLE_HEADS and value not in lx.TITLE_WORDS:
                    return None
                last = word.end()
            first = word.start()
            pos = word.start()
            i -= 1
        if first is None:
            return None
        role = text[first:last]
        if role.startswith("and "):
            role = role[4:]
        return role, self.force_in_title(mention) or self.office(role, org)

    def _role_of_before(self, mention: Mention) -> tuple[str, str | None] | None:
        """ "the president of Iran, Mahmoud Ahmadinejad", "the head of the
        Red Cross, Jo Roe": the body the role before the comma is of."""
        before = self.text[max(0, mention.start - 100) : mention.start]
        m = ROLE_OF_BEFORE_RE.search(before)
        if m is None or m.group("head").lower() not in lx.ROLE_HEADS:
            return None
        owner_end = mention.start - (len(before) - m.end("owner"))
        owner = self.mention_ending(owner_end, ORGANISATION) or self.mention_ending(
            owner_end - 1, ORGANISATION
        )
        return m.group("role"), owner.key if owner else None

    def _role_after(self, mention: Mention) -> tuple[str, str | None] | None:
        text = self.text
        degrees = _POST_NOMINALS_RE.match(text, mention.end)
        end = degrees.end() if degrees else mention.end
        m = re.match(
            # A dotted abbreviation's stops end no role ("the U.S. envoy"),
            # nor does one opening it before a title ("Ann Marsh, U.S.
            # Undersecretary of State").
            r",\s+((?:(?:the\s+)?(?:[A-Z]\.){2,3}\s+(?=[A-Z][a-z]))?"
            r"(?:[^,;.\u201c\"]|(?<=[A-Z])\.(?=[A-Z]|\s+[a-z])){2,100}?)"
            r"(?=,|(?<![A-Z])\.|\.(?![A-Z]|\s+[a-z])|;|$| as | who |"
            rf" (?:{_SAYING})\b)",
            text[end:],
        )
        if not m:
            return None
        phrase = m.group(1)
        phrase_start = end + m.start(1)
        words = WORD_RE.findall(phrase)
        body = self.by_start.get(phrase_start)
        if (
            body
            and body.type == ORGANISATION
            and UNIT_WORDS_RE.fullmatch(text, body.end, phrase_start + len(phrase))
        ):
            # "Jo Roe, Acme Wing Team, said": a body's name (and its unit's
            # words) alone is the role.
            return phrase, body.key
        if not any(w.lower() in lx.ROLE_HEADS for w in words[:6]):
            return None
        if words and words[0] in lx.SPEECH_VERBS:
            return None
        role = re.sub(r"^(?:the|a|an)\s+", "", phrase)
        return role, self._owner_in(phrase_start, phrase_start + len(phrase))

    def _owner_in(self, start: int, end: int) -> str | None:
        """The organisation a role phrase names as the holder's: the most
        specific one owned or after "for/at/of" ("a spokesman for NASA's
        Kennedy Space Center" is Kennedy Space Center; "PACE project
        scientist at Goddard" is Goddard, not the mission)."""
        text, org, heading = self.text, None, None
        owners = [
            m
            for m in self.mentions
            if m.type == ORGANISATION and start <= m.start < end
        ]
        for owner in owners:
            after_owner = text[owner.end : owner.end + 2]
            before_owner = text[start : owner.start]
            possessive = after_owner[:1] in "'\u2019"
            if heading is None and re.fullmatch(
                # (Or the second role after "and": "assistant secretary of
                # commerce and deputy NOAA administrator", the body within.)
                r"(?:.*\sand\s+(?:deputy\s+|acting\s+)?)?(?:(?:the|an?)\s+)?",
                before_owner,
                re.IGNORECASE,
            ):
                # "Stephen L. Johnson, EPA Administrator", "John Kirby, the
                # Pentagon press secretary": the body heads the role (unless
                # the role names another after "at": "PACE project
                # scientist at Goddard").
                after = WORD_RE.findall(text[owner.end : end])[:3]
                if any(_role_head(w) or w in lx.TITLE_WORDS for w in after) and all(
                    w.islower() or w in lx.TITLE_WORDS for w in after
                ):
                    heading = owner.key
                    continue
            connector = re.search(
                # "an official with the World Bank", "director of NASA's
                # Ames Research Center" (an owner the rules did not name),
                # "an analyst with the technology research firm Acme Insight" (up
                # to three words saying what the body is, none a preposition
                # opening a place: "an analyst at a bank in Paris"), their
                # owner before them ("for Kenya's power company Kenpower").
                r"\b(for|at|of|with)\s+(?:the\s+|[A-Z][\w.&-]*['\u2019]s\s+)?"
                r"(?:(?!(?:in|on|near|from|to|and)\s)[a-z]+\s+){0,3}"
                r"(?:[A-Z][\w.&-]*['\u2019]s\s+)?$",
                before_owner,
            )
            if (
                connector
                and connector.group(1) == "for"
                and heading is not None
                and not possessive
            ):
                # "NASA associate administrator for Exploration Systems": a
                # portfolio of the body heading the title, not another body.
                continue
            if possessive or connector:
                org = owner.key
                if not possessive:
                    break
            elif org is not None and re.fullmatch(
                r"['\u2019]s?\s+", text[self._end_of(org, owner.start) : owner.start]
            ):
                # The body an owner's possessive names: "NASA's Kennedy
                # Space Center".
                org = owner.key
                break
        return org or heading

    def _end_of(self, key: str, before: int) -> int:
        """Where the last mention of ``key`` before ``before`` ends."""
        ends = [m.end for m in self.mentions if m.key == key and m.end <= before]
        return max(ends) if ends else before
