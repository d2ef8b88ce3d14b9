"""Organisations and roles: the context that makes a name an organisation,
and a person's role and whom it is held at, from the roles read beside the
name (``roles``)."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import (
    POSTED_JOURNALISTS,
    Mention,
)
from .gazetteer import ORGANISATION, PERSON, WORD_RE
from .text import (
    is_cap,
)

# "Ambassador Ron Kirk met the minister": a determiner opens another noun
# phrase, so the role after it is not the name's.
_DETERMINERS = frozenset("the a an his her its their this that these those".split())


# Adjectives that open a sentence before a group's noun ("Regional officials
# say …") and name no body.
# Adjectives of a field opening a sentence before a title ("Political
# scientist Jo Roe"), no body's name.
_OPENING_ADJECTIVES = frozenset(
    """Political Economic Medical Legal Technical Financial Clinical Scientific
    Academic Electoral Judicial Constitutional Social Environmental""".split()
)
_PLAIN_ADJECTIVES = frozenset(
    "Regional Local Provincial Municipal Federal Tribal Government National".split()
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


# Seats in a legislature, titled before a name ("Senator Jo Roe").
_SEATS = frozenset("Senator Sen Representative Rep Congressman Congresswoman".split())
# Compass regions a post may cover ("Northwest regional administrator").


# The capitalised words of a title right before a name.
TITLE_RUN_RE = re.compile(r"(?:(?:[A-Z][\w.&'\u2019-]*|of|for|the|and)\s+)+$")


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
        if (
            single
            and (
                first in _PLAIN_ADJECTIVES
                or self._common_opening(start)
                # "Political scientist Jo Roe": an adjective opening the sentence.
                or (
                    first in _OPENING_ADJECTIVES
                    and not self.text[self.sentence_at(start)[0] : start].strip(
                        '"\u201c( '
                    )
                )
            )
        ):
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
            # ("the divided MDC": an adjective or two may stand between.)
            and re.search(r"(?<![\w-])[Tt]he\s+(?:[a-z]+\s+){0,2}$", left)
            and len(value) >= 3
            and value.isupper()
            and value.isalpha()
            and value not in lx.COUNTRIES
        ):
            # "The EPA released …": an acronym after "the" is a body.
            return True
        verb = re.match(r"\s+(?:(?:also|has|have|had)\s+)?([a-z]+)", right)
        if (
            single
            and re.search(r"(?<![\w-])[Tt]he\s+$", left)
            and verb
            and verb.group(1) in lx.SPEECH_VERBS
            and value not in lx.COUNTRY_NAMES
            and value not in lx.CAPITALS
        ):
            # "The Taliban claimed …", "the Kremlin said": a name after
            # "the" speaking is a body's; a person's takes no article.
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
                if (
                    single
                    and not k
                    and head.lower() in POSTED_JOURNALISTS
                    and re.search(r"[A-Z][\w.&-]*['\u2019]s?\s+$", left)
                ):
                    # "VOA's Jakarta correspondent": the city an outlet's
                    # correspondent is posted to, no body.
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

    def _country_mention(self, i: int) -> bool:
        """A country's short name ("U.S.") as a mention of the country."""
        value = self.words[i].group()
        if value not in lx.COUNTRIES or value in lx.DEMONYMS:
            return False
        name = lx.COUNTRIES[value]
        key = self.org(name, self.gaz.find(name, ORGANISATION))
        word = self.words[i]
        end = word.end() + (1 if self.text[word.end() : word.end() + 1] == "." else 0)
        self.add_mention(word.start(), end, ORGANISATION, key)
        return True

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
            if person.role_organisation:
                continue
            if person.role:
                # "their leader, Jo Roe, …. Roe, head of the Harbour Board,
                # said": a later role that names a body replaces one that
                # named none.
                later = self._role_before(mention) or self._role_after(mention)
                if later and not later[1] and (body := self._acronym_title(mention)):
                    # "As NOAA Administrator, Roe is responsible for …".
                    later = (later[0], body)
                if later and later[1] and "former" not in later[0].lower().split():
                    person.role, person.role_organisation = later
                continue
            role = (
                self._role_before(mention)
                or self.office_owned_before(mention)
                or self._owned_title_before(mention)
                or self._role_of_before(mention)
                or self._described_before(mention)
            )
            after = self._role_after(mention)
            if role and role[1] is None:
                # "the spokesman for the Harbour Board, General Jo Roe": a
                # rank names no body; the description before it may.
                role = (
                    self._described_before(mention)
                    or self._posted_before(mention)
                    or role
                )
            if role is None or (
                after
                and after[1]
                and (role[1] is None or role[0].rstrip(".") in _SEATS)
            ):
                # ("Senator Jo Roe, Chairman of the Senate Committee on …":
                # a seat speaks for no one, the chair for the committee.)
                # "Navy Adm. John Kirby, the Pentagon press secretary": a rank
                # names no body, the role after the name does.
                role = after
            if role:
                person.role, person.role_organisation = role
            if person.role_organisation is None and role:
                person.role_organisation = self._shared_owner(mention)
            if person.role_organisation is None:
                person.role_organisation = self.spoken_for(mention, person.role)
            if not person.role and person.role_organisation:
                # "U.S. Secretary of Transportation Jo Roe": a cabinet title
                # read for its department is her role too ("the secretary").
                title = TITLE_RUN_RE.search(
                    self.text, self.sentence_at(mention.start)[0], mention.start
                )
                words = title.group().split() if title else []
                while words and not (
                    words[0] in lx.TITLE_WORDS or words[0].rstrip(".") in lx.COUNTRIES
                ):
                    # ("Earlier Tuesday U.S. Secretary of …": from "U.S.".)
                    words = words[1:]
                if words:
                    person.role = " ".join(words)
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
            if self.orgs[owner.key].name in lx.COMPASS:
                # "Jo Roe, Northwest regional administrator for NOAA
                # Fisheries": a region the post covers, not a body.
                continue
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
                # ("of the main militant group the Harbour Front": the
                # name after its kind, with its own article.)
                r"\b(for|at|of|with)\s+(?:the\s+|[A-Z][\w.&-]*['\u2019]s\s+)?"
                r"(?:(?!(?:in|on|near|from|to|and)\s)[a-z]+\s+){0,3}"
                r"(?:(?<=[a-z]\s)the\s+)?"
                r"(?:(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['\u2019]s\s+)?$",
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
            if (
                connector is None
                and self.orgs[owner.key].name[:1].isdigit()
                and re.search(r"\bfrom\s+(?:the\s+)?$", before_owner)
            ):
                # "Sgt. Jo Roe, a medic from the 758th Engineer Company".
                connector = True
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
