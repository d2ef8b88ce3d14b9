"""Roles read beside a person's name: the title before it ("Kenyan
Ambassador Jo Roe", "Tuvalu's chief negotiator, Salote Fifita"), the role
of a body before the comma ("the head of the Red Cross, Jo Roe"), the role
after the name ("Jo Roe, the Harbour Board's spokesman") and one given in a
sentence of its own ("Roe is the Joint Staff's deputy director"), each with
the body it names, if any; and a role that points back at a body named
before ("the group's president", "Chief executive Jo Roe")."""

from __future__ import annotations

import re

from . import lexicon as lx
from .agencies import OUTLET_KINDS
from .base import (
    OUTLET_RES,
    POSTED_JOURNALISTS,
    SAYING,
    UNIT_WORDS_RE,
    Mention,
)
from .gazetteer import ORGANISATION, PERSON, WORD_RE
from .text import is_cap
from .titles import TITLES_TO, title_of

# A role after a name ends before a verb of saying even with no comma
# ("Ana Maria Soto, the head of an Islamic party alliance told the BBC").
# ", Ph.D., " after a name: the role, if any, follows it.
_POST_NOMINALS_RE = re.compile(
    r"(?:,\s+(?:" + "|".join(map(re.escape, lx.POST_NOMINALS)) + r")(?=,))+"
)

# "Roe is the Joint Staff's deputy director of operations", "Roe currently
# is commander of the Harbour Command".
COPULA_ROLE_RE = re.compile(
    r"\s+(?:(?:currently|now|still)\s+)?"
    r"(?:is|was|serves\s+as|served\s+as|has\s+been)\s+(?:the\s+|an?\s+)?"
    r"(?P<role>(?:[^,;.\"\u201c\u201d]|(?<=[A-Z])\.(?=[A-Z]|\s+[a-z])){2,100}?)"
    r"(?=[,;.]|$)"
)


# An envoy's title and the post it is to or at, up to the comma before the
# name: "Ambassador to the United Nations, ".
ENVOY = r"(?i:ambassador|envoy|representative|delegate)"
POST = r"\s+(?:the\s+)?[A-Z][^,;:\"\u201c\u201d]{1,60},"
# "U.S. permanent representative to the United Nations, Ambassador Jo Roe":
# a state's envoy, the post (to or at a body or a state) and a comma.
POSTED_BEFORE_RE = re.compile(
    rf"(?<![\w.-])(?P<role>\S+(?:\s+[a-z-]+){{0,2}}\s+{ENVOY})\s+(?:to|at)"
    rf"{POST}\s+(?:[A-Z][a-z]+\.?\s+)?$"
)
# "said the president of Iran, Jo Roe": a role with "of" and a
# body before the name, closed by a comma.
ROLE_OF_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?P<role>(?:[A-Za-z-]+\s+){0,3}?(?P<head>[A-Za-z-]+)"
    r"\s+of\s+(?:the\s+)?(?P<owner>[A-Z][\w.&'\u2019-]*"
    r"(?:\s+(?:[A-Z][\w.&'\u2019-]*|of|and|for))*)),\s+$"
)


_ROLE_HEADS = "|".join(sorted(lx.ROLE_HEADS, key=len, reverse=True))
_ORG_NOUNS = "|".join(sorted(lx.ANAPHORIC_ORG_NOUNS, key=len, reverse=True))
# A role or description that refers back to an organisation named before:
# "the group's president", "that new organization's officers", "club
# president".
ANAPHOR_RE = re.compile(
    rf"(?:(?:(?:the|that|this)\s+)?(?:new\s+)?(?:{_ORG_NOUNS})['\u2019]s?\s"
    rf"|(?:{_ORG_NOUNS})\s+(?:{_ROLE_HEADS})\b"
    # "a spokeswoman for the ministry", "an engineer at the company".
    rf"|(?:.*\s)?(?:{_ROLE_HEADS})\s+(?:for|at|of|with)\s+(?:the|that|this)\s+"
    rf"(?:{_ORG_NOUNS})$)",
    re.IGNORECASE,
)


def _anaphoric_noun(role: str) -> str | None:
    """The organisation noun an anaphoric role names ("the ministry")."""
    for word in reversed(re.findall(r"[a-z]+", role.lower())):
        if word in lx.ANAPHORIC_ORG_NOUNS:
            return word
    return None


# "The M23 rebels", "Tamil Tiger rebels": a rebel group's name before the word.
REBELS_NAMED_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<name>(?!The\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+rebels\b"
)
US_ATTORNEY_RE = re.compile(r"\b(?:U\.S\.|United States) Attorney\b(?!\s+General)")
# "of the Eastern District of Virginia", "for the District of Hawaii".
DISTRICT_RE = re.compile(
    r"(?:,?\s+|\b)(?:of|for|in)\s+the\s+(?P<district>(?:(?:Eastern|Western|Northern"
    r"|Southern|Middle|Central)\s+)?District\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)
# A trade in lower case after a unit's name ("… Maintenance Unit maintainer").
TRADE_AFTER_UNIT_RE = re.compile(r"(?:\s+[a-z][\w-]*){1,2}")
DUTIES_OF_RE = re.compile(
    r"^(?:Performing|Exercising)\s+the\s+(?:Delegated\s+)?(?:Duties|Functions)\s+of\s+"
)
ASSIGNED_RE = re.compile(r"\b(?:(?:assigned|attached)\s+to|aboard)\s+(?:the\s+)?")
MEMBER_OF_RE = re.compile(r"(?:an?\s+)?(?:[a-z]+\s+)?members?\s+of\s")
# Anaphors that never stand for a state ("a spokesperson for the group").
_NON_STATE_NOUNS = frozenset(
    "group organization organisation company firm club association union".split()
)
_LEGISLATURES = frozenset(
    "Parliament Senate Congress House Assembly Legislature Duma Knesset".split()
)
# "an Afghan interior ministry spokesman", "the foreign ministry's
# spokeswoman": a ministry written in lower case, its portfolio's words
# before it and the nationality of its state, if any, before them.
_PORTFOLIOS = "|".join(
    sorted({w.lower() for w in lx.PORTFOLIO_WORDS | lx.TITLE_WORDS}, key=len)[::-1]
)
# ("Kenyan foreign affairs spokesman": the ministry's spokesman.)
MINISTRY_RE = re.compile(
    r"(?<![\w-])(?:(?P<demonym>[A-Z][\w-]+)\s+)?"
    rf"(?P<portfolio>(?:(?:{_PORTFOLIOS})\s+(?:and\s+)?){{1,3}})"
    r"(?:ministry\b|affairs\s+(?=spokes))"
)


class Roles:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def secretary_general_of(self, mention: Mention, role: str) -> str | None:
        """ "…, Secretary General Jo Roe said … at NATO headquarters": a
        bare secretary-general heads the international body his sentence
        names (not a state)."""
        if not re.fullmatch(r"(?i)secretary[- ]general", (role or "").strip()):
            return None
        s_start, s_end = self.sentence_at(mention.start)
        bodies = [
            m
            for m in self.mentions
            if m.type == ORGANISATION
            and s_start <= m.start < s_end
            and not self._a_state(m)
            and not self.orgs[m.key].kind
        ]
        return bodies[0].key if len({m.key for m in bodies}) == 1 else None

    def rebel_group(self, mention: Mention, role: str) -> str | None:
        """ "The M23 rebels held a rally …. Rebel spokesman Jo Roe said": a
        rebel's role speaks for the rebels the story named before by their
        name, not for the state their nationality names."""
        titled = self.text[max(0, mention.start - 60) : mention.start]
        if not (
            re.search(r"(?i)\brebels?\b", role or "")
            # "Rebel spokesman Jo Roe", "The rebels' chief of relations, Jo".
            or re.search(
                r"(?i)\brebels?['\u2019]?\s+(?:[\w.-]+\s+){0,4}(?:[\w.-]+,)?\s*$",
                titled,
            )
        ):
            return None
        named = [
            m.group("name")
            for m in REBELS_NAMED_RE.finditer(self.text, 0, mention.start)
            if m.group("name").split()[-1] not in lx.DEMONYMS
            and m.group("name") not in lx.COUNTRY_NAMES
        ]
        return self._named_org(named[-1]) if named else None

    def us_attorney_office(self, role: str, mention: Mention) -> str | None:
        """ "U.S. Attorney Jo Roe of the Eastern District of Virginia", "Jo
        Roe, U.S. Attorney for the District of Hawaii": a U.S. Attorney
        heads the office for the district the role, the words after the
        name or, failing them, the story before names; by the office's
        name, as the Trade Representative heads the USTR's."""
        titled = self.text[max(0, mention.start - 30) : mention.start]
        if not (
            US_ATTORNEY_RE.search(role or "")
            or re.search(US_ATTORNEY_RE.pattern + r"\s+$", titled)
        ):
            return None
        district = DISTRICT_RE.search(role) or DISTRICT_RE.match(self.text, mention.end)
        if district is None:
            before = list(DISTRICT_RE.finditer(self.text, 0, mention.start))
            district = before[-1] if before else None
        name = "U.S. Attorney's Office"
        if district is not None:
            name += f" for the {district.group('district')}"
        return self._named_org(name)

    def ministry_in(self, words: str) -> str | None:
        """The ministry a role or description names in lower case ("Afghan
        interior ministry spokesman" → Afghan Interior Ministry), as a new
        organisation, or None."""
        m = MINISTRY_RE.search(words or "")
        if m is None:
            return None
        name = m.group("portfolio").title().replace(" And ", " and ") + "Ministry"
        if m.group("demonym") in lx.DEMONYMS:
            name = f"{m.group('demonym')} {name}"
        return self._named_org(name)

    def _roles_in_copulas(self) -> None:
        """A role given in a sentence of its own ("Roe is the Joint
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
        first, last, org, office = None, None, None, None
        if (
            i > 0
            and self.words[i].group() in lx.ABBREVIATED_TITLES
            and text[self.word_ends[i] : pos] == ". "
        ):
            # "Its health commissioner, Dr. Fatou Diallo": the honorific
            # stands between the role and the name.
            office = lx.OFFICE_ABBREVIATIONS.get(self.words[i].group())
            if office:
                # "Hawaii Gov. Ann Marsh": an office abbreviated heads the
                # role as "Governor" does (a rank, "Navy Adm.", or a seat in
                # a legislature, "Sen.", speaks for no one).
                first, last = self.words[i].start(), self.word_ends[i] + 1
            pos = self.words[i].start()
            i -= 1
        i, pos = self._past_body_of_title(i, pos)
        if i > 1 and text[self.words[i - 1].start() : pos] == "in Charge ":
            # "FBI Special Agent in Charge Jo Roe": read from "Agent".
            i, pos = i - 2, self.words[i - 1].start()
        # "Tuvalu's chief negotiator, Salote Fifita": the role ends at a comma.
        gap = text[self.word_ends[i] : pos] if i >= 0 else ""
        if i < 0 or (gap not in (" ", ", ") and not (office and gap == ". ")):
            # (An office's abbreviation may follow a body's: "U.S. Amb.")
            return None
        while i >= 0:
            word = self.words[i]
            # ("DEA Special Agent-in-Charge Jo Roe".)
            value = re.sub(r"-(?:in-[Cc]harge|at-[Ll]arge)$", "", word.group())
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
                elif gap == ". " and "." in value and value in lx.COUNTRIES:
                    # "U.S. envoy Ann Marsh": a country's dotted short name
                    # no title made a body's opens the role ("U.S. envoy"),
                    # which speaks for the state as "Kenyan envoy" does.
                    first = word.start()
                if gap.strip() in ("'", "\u2019", "'s", "\u2019s"):
                    owner = self.mention_ending(word.end(), ORGANISATION)
                    if owner:
                        org = owner.key
                break
            if first is None and gap not in (" ", ", "):
                break
            if (
                first is not None
                and is_cap(value)
                and text[first:last].split()[0].lower() in POSTED_JOURNALISTS
                and self.mention_ending(word.end()) is None
                and re.search(r"['\u2019]s?\s+$", text[: word.start()])
            ):
                # "VOA's Jakarta correspondent": the city of the post; the
                # outlet before it owns the role.
                first = pos = word.start()
                i -= 1
                continue
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
                    and re.search(r"\bof\s+(?:the\s+)?$", text[: owner.start])
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
                # "EPA Pacific Southwest Regional Administrator": its region.
                or (value in lx.COMPASS and first is not None)
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
                    # "presented Agriculture Secretary Jo Roe with", "the
                    # first chance Navy Adm. Jo Roe had": words in lower case
                    # before a capitalised title are the sentence's, but for
                    # a title's own modifiers ("former", "acting").
                    and not (
                        any(is_cap(w) for w in text[first:last].split())
                        and value not in lx.PRE_TITLE_WORDS
                    )
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
        # ("Hawaii Gov." is read as "Hawaii Governor".)
        read = role[: role.rfind(" ") + 1] + office if office else role
        return role, (
            self.force_in_title(mention)
            or self.ministry_in(role)
            or self.us_attorney_office(role, mention)
            or self.office(read, org)
        )

    def _past_body_of_title(self, i: int, pos: int) -> tuple[int, int]:
        """ "U.S. Ambassador to the United Nations Jo Roe", "Kenya's
        Ambassador to Ghana, Jo Roe", "Envoy for Sudan Jo Roe": the body a
        title is to or for names the post, not whom its holder speaks for;
        the role is read from the title before it (``i``, ``pos``: the
        word before the name and its end)."""
        gap = self.text[self.word_ends[i] : pos] if i >= 0 else ""
        body = self.mention_ending(self.word_ends[i]) if gap in (" ", ", ") else None
        if body is None or body.type != ORGANISATION:
            return i, pos
        j = self.word_index_at(body.start) - 1
        if j >= 1 and self.words[j].group() == "the":
            j -= 1
        if (
            j >= 1
            and self.words[j].group() in ("to", "for")
            and (
                self.title_link(j - 1, j)
                # "U.N. envoy to Syria Jo Roe", "the U.N. special
                # representative for Somalia, Jo Roe": the title in lower case.
                or self.words[j - 1].group().capitalize() in TITLES_TO
            )
        ):
            return j - 1, self.words[j].start()
        return i, pos

    def office_owned_before(self, mention: Mention) -> tuple[str, str] | None:
        """ "Deputy Administrator for Acme's Office of Water Jo Roe": the
        body's office named right before the name, after its owner's
        possessive and a title, is whom she speaks for."""
        office = self.mention_ending(mention.start - 1, ORGANISATION)
        if office is None or self.text[office.end : mention.start] != " ":
            return None
        before = self.text[max(0, office.start - 80) : office.start]
        m = re.search(
            r"(?P<title>(?:[A-Z][\w-]*\s+){1,6})(?:for|of)\s+\S+['\u2019]s\s+$", before
        )
        if m is None or not any(w in lx.TITLE_WORDS for w in m.group("title").split()):
            return None
        return m.group("title").strip(), office.key

    def _posted_before(self, mention: Mention) -> tuple[str, str | None] | None:
        """ "U.S. permanent representative to the United Nations, Ambassador
        Jo Roe": an envoy's post before the comma, whose state opens it."""
        before = self.text[max(0, mention.start - 120) : mention.start]
        m = POSTED_BEFORE_RE.search(before)
        if m is None:
            return None
        org = self.office(m.group("role"), None)
        return (m.group("role"), org) if org else None

    def _role_of_before(self, mention: Mention) -> tuple[str, str | None] | None:
        """ "the president of Iran, Jo Roe", "the head of the
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
            rf" (?:{SAYING})\b)",
            text[end:],
        )
        if not m:
            return None
        phrase = m.group(1)
        phrase_start = end + m.start(1)
        other = self.first_mention(phrase_start, phrase_start + len(phrase), PERSON)
        if other and text[other.end : other.end + 1] not in ("'", "\u2019"):
            # "Jo Roe, U.S. Attorney Ann Marsh and other officials": a list
            # of people, not a role of the first ("a spokesman for Ann
            # Marsh's faction" is one).
            return None
        # "Jo Roe, Performing the Delegated Duties of the Assistant
        # Secretary of Commerce": the office whose duties she performs.
        words = WORD_RE.findall(DUTIES_OF_RE.sub("", phrase))
        body = self.by_start.get(phrase_start)
        if (
            body
            and body.type == ORGANISATION
            and UNIT_WORDS_RE.fullmatch(text, body.end, phrase_start + len(phrase))
        ):
            # "Jo Roe, Acme Wing Team, said": a body's name (and its unit's
            # words) alone is the role.
            return phrase, body.key
        if (
            body
            and body.type == ORGANISATION
            and self.orgs[body.key].name[:1].isdigit()
            and TRADE_AFTER_UNIT_RE.fullmatch(
                text, body.end, phrase_start + len(phrase)
            )
        ):
            # "Sgt. Jo Roe, 391st Aircraft Maintenance Unit maintainer": a
            # numbered unit and the holder's trade in it.
            return phrase, body.key
        assigned = ASSIGNED_RE.search(phrase)
        if assigned:
            # "Jo Roe, a Boise resident assigned to Bravo Company, 2nd
            # Battalion": the unit a soldier is assigned to.
            unit = self.by_start.get(phrase_start + assigned.end())
            if unit is not None and unit.type == ORGANISATION:
                return phrase, unit.key
        if not any(w.lower() in lx.ROLE_HEADS for w in words[:6]) and not (
            # "Jo Roe, a leading member of the Harbour Board's council": a
            # member of a body (not of a legislature: a seat there speaks
            # for no one).
            MEMBER_OF_RE.match(phrase) and not any(w in _LEGISLATURES for w in words)
        ):
            return None
        if words and (words[0] in lx.SPEECH_VERBS or words[0] in ("who", "which")):
            # ("Jo Roe, who won a major award": a clause, no role.)
            return None
        role = re.sub(r"^(?:the|a|an)\s+", "", phrase)
        return role, (
            self.us_attorney_office(phrase, mention)
            or self._owner_in(phrase_start, phrase_start + len(phrase))
            or self.ministry_in(phrase)
        )

    def _anaphoric(self, mention: Mention, role: str) -> str | None:
        """A role that points back at an organisation: "Its health
        commissioner", "Pierre Gagnon, the group's president", "club
        president Henrique Duarte"."""
        if not role:
            return None
        before = self.text[max(0, mention.start - len(role) - 30) : mention.start]
        # ("The group's chief spokesman, Jo Roe": the owner before the role.)
        owned = re.search(
            rf"(?<![\w-])(?:[Ii]ts|(?i:the|that|this)\s+(?P<noun>{_ORG_NOUNS})['\u2019]s)"
            r"\s+" + re.escape(role) + r",?\s+(?:[A-Z][a-z]*\.\s+)?$",
            before,
        )
        if ANAPHOR_RE.match(role) or owned:
            noun = _anaphoric_noun(role) or (owned and owned.group("noun"))
            return self.org_before(mention.start, noun and noun.lower())
        return None

    def _corporate_title(self, mention: Mention, role: str) -> str | None:
        """ "Chief executive Ingrid Solheim told Reuters": a company officer's
        title with no company speaks for the body the story named just
        before, never a state (nor an outlet, as for any anaphor)."""
        if " ".join((role or "").lower().split()) not in lx.CORPORATE_TITLES:
            return None
        return self.org_before(mention.start, states=False)

    def org_before(
        self, pos: int, noun: str | None = None, states: bool = True
    ) -> str | None:
        """The organisation named last before ``pos`` in its paragraph or the
        one before, that an anaphor ("its", "the group's") refers to; of
        them, the last whose name has the anaphor's ``noun`` ("the
        ministry" is the Foreign Ministry, not a company named after it).
        Without ``states``, a country is passed over."""
        i = self.paragraphs.index(self.paragraph_at(pos))
        start = self.paragraphs[max(0, i - 1)][0]
        found = fallback = None
        for m in self.mentions:
            if m.type == ORGANISATION and start <= m.start and m.end <= pos:
                lead = self.text[max(start, m.start - 40) : m.start]
                if self.orgs[m.key].kind or any(
                    o.search(lead) and o.search(lead).end() == len(lead)
                    for o in OUTLET_RES
                ):
                    # An outlet ("told Sport TV") is whom words were said to.
                    continue
                known = self.gaz.find(self.orgs[m.key].name, ORGANISATION)
                kind = known.kind if known is not None else ""
                if kind in OUTLET_KINDS:
                    # A newspaper or broadcaster the registry knows.
                    continue
                if (not states or noun in _NON_STATE_NOUNS) and (
                    kind == "state" or self.orgs[m.key].name in lx.COUNTRY_NAMES
                ):
                    continue
                fallback = m.key
                name = self.orgs[m.key].name
                if (
                    noun is None
                    or noun in name.lower()
                    # "the ship's executive officer": a ship named before.
                    or (noun in lx.SHIP_NOUNS and name.split()[0] in lx.SHIP_PREFIXES)
                ):
                    found = m.key
        return found or fallback
