"""Whom a person speaks for when their role names no organisation outright:
a cabinet title ("Defense Secretary", "Secretary of Agriculture") speaks for
its department, an acronym heading a title ("EPA Region 5 Administrator")
for that body, "X of the Justice Department" for the department, a force
in a title ("State police chief") for the force with its place, a
service's head ("Chief of Naval Operations") for the service, and a head
of state or government minister for the country the paragraph names ("In
Australia, … Foreign affairs minister Alexander Downer")."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import Mention
from .gazetteer import ORGANISATION

_DEPARTMENTS = "|".join(sorted(lx.CABINET_DEPARTMENTS, key=len, reverse=True))
# "Defense Secretary", "Deputy Defense Secretary", "Secretary of Defense",
# "undersecretary of defense for policy", "U.S. Secretary of Agriculture".
DEPARTMENT_RE = re.compile(
    rf"(?i:\b(?:(?:under|deputy\s+|assistant\s+)?secretary\s+of\s+(?:the\s+)?"
    rf"(?P<after>{_DEPARTMENTS})|(?P<before>{_DEPARTMENTS})\s+"
    r"(?:(?:under|deputy\s+)?secretary)))\b"
)
DEPARTMENT_END_RE = re.compile(rf"(?:{DEPARTMENT_RE.pattern})\s+$")
_BY_LOWER = {k.lower(): v for k, v in lx.CABINET_DEPARTMENTS.items()}
_CABINET_BY_LOWER = {k.lower(): v for k, v in lx.CABINET_TITLES.items()}
_DEMONYMS = "|".join(
    sorted((d for d in lx.COUNTRIES if d in lx.DEMONYMS), key=len, reverse=True)
)
_COUNTRIES = "|".join(sorted(lx.COUNTRY_NAMES, key=len, reverse=True))
# A paragraph naming a government: "In Australia, …", "the Iranian
# administration", "Kenya's government".
GOVERNMENT_RE = re.compile(
    rf"(?:(?<![\w-])In\s+(?P<country>{_COUNTRIES}),"
    rf"|\b(?P<demonym>{_DEMONYMS})\s+(?:administration|government|regime|cabinet)\b"
    rf"|\b(?P<owner>{_COUNTRIES})['\u2019]s\s+government\b)"
)
# A state named in the text: by its name ("Kenya", "Kenya's"), or, for the
# United States, by the words only U.S. copy uses ("U.S.", "the White
# House", "at Joint Base Andrews, Md."); not a place named after it ("the
# Niger Delta", "the Congo River").
_FEATURES = "Delta|River|Valley|Basin|Sea|Gulf|Strait|Desert|Lake|Peninsula"
STATE_NAMED_RE = re.compile(
    # ("In Caracas, President Jo Roe said": the capital the scene is set in.)
    rf"(?:(?<=\bIn\s)(?P<capital>{'|'.join(lx.CAPITALS)})(?=,)|"
    rf"(?<![\w.-])(?:(?P<state>{_COUNTRIES})(?![\w-]|\s+(?:{_FEATURES})\b)"
    rf"|(?:{'|'.join(re.escape(w) for w in lx.US_GOVERNMENT_MARKERS)})"
    rf"|{lx.US_SETTING_RE.pattern}))"
)
# A state named by its name or its people's ("Chadian"), or U.S. copy's words.
STATE_OR_PEOPLE_RE = re.compile(
    STATE_NAMED_RE.pattern.replace(
        "(?P<state>", rf"(?P<state>(?:{_DEMONYMS})(?![\w-])|"
    )
)
# "welcomed the prime minister to the White House": the president hosting.
US_SEAT_RE = re.compile(
    r"\b(?:welcomed|welcomes|received|receives|hosted|hosts)\b[^.;]{0,80}?"
    r"\b(?:to|at|in)\s+the\s+(?:White\s+House|Oval\s+Office)\b"
)
# "President Jo Roe of Chad": the state named right after the name.
STATE_OF_RE = re.compile(rf",?\s+of\s+(?:the\s+)?(?P<state>{_COUNTRIES})(?![\w-])")
TOPIC_BEFORE_RE = re.compile(
    r"\b(?:[Rr]egarding|[Cc]oncerning|[Aa]bout|[Oo]n|[Aa]s\s+for|[Aa]sked\s+about)"
    r"\s+(?:the\s+)?$"
)
# A title phrase of capitalised words, connectors and numbers that opens
# with an acronym and runs up to the name: "EPA Assistant Administrator for
# Enforcement and Compliance Assurance ", "EPA Region 5 Administrator ".
_ROLE_HEADS = "|".join(sorted(lx.ROLE_HEADS, key=len, reverse=True))
# "NASA Administrator Charles Bolden", "U.N. special envoy for Syria Staffan
# de Mistura", "The U.N. representative to Somalia, Jo Roe": an acronym,
# dotted or not, opening a title before the name.
_SAYING = "|".join(sorted(lx.SPEECH_VERBS, key=len, reverse=True))
ACRONYM_TITLE_RE = re.compile(
    r"(?:^|(?<=[\n:;]\s)|(?<=[.!?]\s)|(?<=\n)|(?<=[,.!?][\"\u201d]\s)"
    # ('," said USGS wildlife biologist Jo Roe').
    r"|(?<=\bsaid\s)|(?<=\bsays\s))(?:The\s+|As\s+)?"
    r"(?P<acronym>[A-Z]{2,6}|(?:[A-Z]\.){2,3}(?=\s))"
    r"(?:\s+(?:[A-Z][\w-]*|for|to|and|of|the|\d+|special|senior|chief|deputy|top"
    rf"|acting|{_ROLE_HEADS}|(?!(?:{_SAYING})\b)[a-z][a-z-]+(?=\s+(?:and\s+)?"
    rf"(?:[a-z][a-z-]+\s+)?(?:{_ROLE_HEADS}|[a-z]+ist)\b)|[a-z]+ist))+,?\s+$"
)
_ALL_DEMONYMS = "|".join(
    sorted(
        [*lx.COUNTRY_DEMONYMS, *(d for d in lx.COUNTRIES if d in lx.DEMONYMS)],
        key=len,
        reverse=True,
    )
)
COUNTERPART_RE = re.compile(
    rf"\b(?P<demonym>{_ALL_DEMONYMS})\s+(?:counterpart|colleague|opposite number)"
    r",\s+(?:(?:[A-Z][\w.-]*|and|of|for)\s+){0,6}$"
)
# A role after a name that names a state: "the Russian foreign minister",
# "South Korea's ambassador", "the president of Iran".
_STATE_NAMES = "|".join(
    sorted({*lx.COUNTRY_NAMES, *lx.COUNTRIES}, key=len, reverse=True)
).replace(".", r"\.")
_SHORT_NAMES = "|".join(
    re.escape(k) for k in sorted(lx.COUNTRIES, key=len, reverse=True) if "." in k
)
STATE_ROLE_RE = re.compile(
    rf"^(?:(?:the|a|an)\s+)?(?:(?:[\w-]+\s+)?(?P<demonym>{_ALL_DEMONYMS}|{_SHORT_NAMES})"
    r"\.?\s+(?:[\w-]+\s+){0,2}?"
    # "the U.S. ambassador to Iraq": whom a title is sent to follows it.
    r"(?P<head>[\w-]+)(?:\s+(?:to|at|in)\s+.*)?$"
    rf"|(?:[\w-]+\s+){{0,2}}(?P<head2>[\w-]+)\s+of\s+(?:the\s+)?"
    rf"(?P<country>{_STATE_NAMES})\.?$)",
    re.IGNORECASE,
)
# "Jo Roe, who heads the Red Cross": a verb of leading names the body.
WHO_HEADS_RE = re.compile(
    r",\s+who\s+(?:now\s+|also\s+)?(?:heads|headed|leads|led|directs|directed|runs"
    r"|ran|chairs|chaired|manages|managed|commands|commanded)\s+(?:the\s+)?"
    # ("who leads a brigade of the 82nd Airborne Division": a part the story
    # does not name, of a body it does.)
    r"(?:an?\s+(?:[A-Za-z-]+\s+){1,3}?of\s+(?:the\s+)?)?"
)
# "the commander of coalition forces in northern Iraq": a command's holder
# speaks for the forces commanded, named in lower case as copy names them.
COMMANDED_RE = re.compile(
    r"^(?:the\s+)?(?:(?:top|senior|overall|deputy|regional)\s+)?"
    r"(?:commander|commanding\s+general|head|chief|leader)\s+of\s+(?:the\s+)?"
    r"(?P<body>(?:(?!(?:the|its|his|her|their)\s)[\w.-]+\s+){1,3}?(?:forces|troops|peacekeepers|contingent)"
    r"(?:\s+(?:in|on)\s+(?:[a-z]+\s+){0,2}[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)$"
)
# "South Sudan army spokesman ", "State police chief ": a force of the place
# or state named before it, in a title before the name.
FORCE_TITLE_RE = re.compile(
    r"(?<![\w.'\u2019-])(?P<body>(?:(?:[A-Z][\w'\u2019-]*|(?:[A-Z]\.){2,3}) ){1,3}"
    r"(?:army|police|navy|military|forces)) (?:(?:deputy|senior|regional) )?"
    r"(?:spokesman|spokeswoman|spokesperson|chief|commander) "
    # (A rank may stand before the name: "… military spokesman Gen. Jo Roe".)
    r"(?:(?:Gen|Col|Maj|Brig|Lt|Capt)\. |(?:General|Colonel|Major) )?$"
)
# "Jeffrey Bossert Clark of the Justice Department's …", "Jo Roe, of NASA".
# ("Jo Roe, of Nairobi-based Southlink Consultants": where it is based.)
OF_THE_RE = re.compile(r",?\s+of\s+(?:the\s+)?(?:[A-Z][\w.-]*-based\s+)?")
# The titles that head an armed service, which their holders speak for (a
# rank naming a service, "Navy Adm. Jo Roe", speaks for none).
SERVICE_CHIEFS = (
    (r"(?:vice\s+)?chief\s+of\s+naval\s+operations", "U.S. Navy"),
    (r"chief\s+of\s+space\s+operations", "U.S. Space Force"),
    *(
        (
            rf"{words}\s+(?:vice\s+)?chief\s+of\s+staff"
            rf"|(?:vice\s+)?chief\s+of\s+staff\s+of\s+the\s+{words}",
            f"U.S. {service}",
        )
        for service, words in (("Army", "army"), ("Air Force", r"air\s+force"))
    ),
    *(
        (
            rf"{words}\s+(?:assistant\s+|vice\s+)?commandant"
            rf"|(?:assistant\s+|vice\s+)?commandant\s+of\s+the\s+(?:U\.S\.\s+)?"
            rf"{words}",
            f"U.S. {service}",
        )
        for service, words in (
            ("Marine Corps", r"marine\s+corps"),
            ("Coast Guard", r"coast\s+guard"),
        )
    ),
)
# Between a title and the name: the title's acronym and the holder's rank
# ("Chief of Naval Operations (CNO) Adm. Jo Roe").
_RANK_WORDS = "Gen|Adm|Lt|Maj|Brig|Vice|Rear|Col|Capt|General|Admiral|Lieutenant"
_RANKS = rf"(?:\s+\([A-Z]{{2,6}}\))?,?(?:\s+(?:{_RANK_WORDS})\.?)*\s+$"
SERVICE_CHIEF_RE = re.compile(
    "|".join(f"(?P<s{k}>{title})" for k, (title, _) in enumerate(SERVICE_CHIEFS)),
    re.IGNORECASE,
)
SERVICE_CHIEF_BEFORE_RE = re.compile(rf"(?:{SERVICE_CHIEF_RE.pattern}){_RANKS}", re.I)
# "the Army's leaders, including Chief of Staff Gen. Jo Roe": a service's
# head's title with the service named before it in the sentence (not as a
# rank: "Army Gen. Ola Mensah").
BARE_CHIEF_RE = re.compile(
    rf"(?<![\w.-])(?P<before>[\w.-]+\s+)?(?P<title>(?:Vice\s+)?Chief\s+of\s+Staff"
    rf"|Commandant){_RANKS}"
)
SERVICE_NAMED_RE = re.compile(
    r"\b(?P<service>Army|Air\s+Force|Marine\s+Corps|Coast\s+Guard)(?:['\u2019]s)?"
    r"\s+(?=[a-z])"
)
_HEADED_BY = {
    "chief of staff": ("Army", "Air Force"),
    "commandant": ("Marine Corps", "Coast Guard"),
}
# The words that may open a U.S. service head's title ("U.S. Army Chief of
# Staff", "Former Army Chief of Staff"); any other capitalised word there,
# or a possessive, names another state ("Kenyan army chief of staff",
# "India's navy chief", "the Ruritanian Navy's chief of naval operations").
_SERVICE_WORD_RE = re.compile(
    r"(?:army|navy|naval|air\s+force|marines?|marine\s+corps|coast\s+guard"
    r"|military)(?:['\u2019]s)?\s+$",
    re.IGNORECASE,
)
_STATE_BEFORE_RE = re.compile(r"(?P<word>[\w.'\u2019-]+)\s+$")
_US_WORDS = frozenset("U.S. US American United States".split())


def _another_state_s(before: str) -> bool:
    """Whether the words ``before`` a service head's title name a state
    other than the United States as the service's: a demonym, a country's
    name or a possessive opening the title, with or without the service's
    word ("Kenyan army chief of staff", "the Indian navy's chief of naval
    operations", "Kenya's Army Chief of Staff")."""
    service = _SERVICE_WORD_RE.search(before)
    if service:
        before = before[: service.start()]
    m = _STATE_BEFORE_RE.search(before)
    if m is None:
        return False
    word = m.group("word")
    if word.endswith(("'s", "\u2019s")):
        return True
    if word in _US_WORDS or not word[0].isupper():
        return False
    return (
        word in lx.DEMONYMS
        or word in lx.COUNTRIES
        or word in lx.COUNTRY_NAMES
        or (word not in lx.COMMON_CAPS and word not in lx.TITLE_WORDS)
    )


def _state_speaker(words: list[str]) -> bool:
    """Whether a title after a nationality speaks for the state: any does
    but a spokesman's or a negotiator's, which needs the state's own words
    between ("Israeli spokesman", "Kenyan presidential spokesman"; not
    "Nigerian militant spokesman", "Russian airline spokesman")."""
    if not words or words[-1].lower() not in lx.SPEAKING_HEADS:
        return True
    return {w.lower() for w in words[:-1]} <= lx.STATE_SPEAKER_WORDS


def _outside_the_state(words: list[str]) -> bool:
    """Whether a title's words before its head put its holder outside the
    state's government ("opposition leader", "rebel spokesman")."""
    return any(w.lower() in lx.NON_STATE_MODIFIERS for w in words[:-1])


class Offices:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def office(self, role: str, org: str | None) -> str | None:
        """Whom a title before a name speaks for: the organisation named
        with it, else the country of a demonym before a state title
        ("Russian President" speaks for Russia); a national office's holder
        speaks for the office ("U.S. Trade Representative")."""
        words = role.split()
        pair = " ".join(words[:2])
        department = DEPARTMENT_RE.search(role)
        # ("U.S. envoy": the country's word without its last full stop.)
        country = lx.COUNTRIES.get(words[0].rstrip(".")) if words else None
        us = (org is not None and self.orgs[org].name == "United States") or (
            org is None and country == "United States"
        )
        if department and us:
            # "U.S. Defense Secretary Jim Mattis" speaks for the department.
            name = (department.group("after") or department.group("before")).lower()
            name = _BY_LOWER[" ".join(name.split())]
            return self.org(name, self.gaz.find(name, ORGANISATION))
        if _outside_the_state(words):
            # "Kenyan opposition leader", "Kenya rebel spokesman": no office
            # of the state, whose name or people's name opens the title.
            if org is not None and self.orgs[org].name in lx.COUNTRY_NAMES:
                return None
            return org
        if org is None and pair in lx.COUNTRY_DEMONYMS and len(words) > 2:
            # "South Korean President".
            if words[-1].lower() in lx.STATE_TITLE_HEADS and _state_speaker(words[2:]):
                name = lx.COUNTRY_DEMONYMS[pair]
                org = self.org(name, self.gaz.find(name, ORGANISATION))
                words = words[2:]
        elif org is None and country:
            if words[-1].lower() in lx.STATE_TITLE_HEADS and _state_speaker(words[1:]):
                name = country
                org = self.org(name, self.gaz.find(name, ORGANISATION))
                words = words[1:]
        if (
            org is not None
            and self.orgs[org].name in lx.CABINET_DEPARTMENTS
            and words
            and words[-1].lower() == "secretary"
        ):
            # "Homeland Security Secretary": the run before the title is the
            # department's word, not a body of that name.
            name = lx.CABINET_DEPARTMENTS[self.orgs[org].name]
            return self.org(name, self.gaz.find(name, ORGANISATION))
        if org is not None:
            chief = SERVICE_CHIEF_RE.fullmatch(f"{self.orgs[org].name} {role}")
            if chief:
                # "Coast Guard Commandant": the service, by its full name.
                return self._service(chief)
            office = lx.NATIONAL_OFFICES.get((self.orgs[org].name, " ".join(words)))
            if office:
                org = self.org(office, self.gaz.find(office, ORGANISATION))
        return org

    def spoken_for(self, mention: Mention, role: str) -> str | None:
        """The organisation ``mention``'s person speaks for by the rules
        above, or None."""
        return (
            self._service_chief(mention, role)
            or self._state_role(role)
            or self._department(role, mention)
            # (A title naming its office before an acronym opening the line,
            # which may head another's title.)
            or self._of_the(mention)
            or self._cabinet_title(role)
            or self._acronym_title(mention)
            or self._who_heads(mention)
            or self._state_of_paragraph(mention, role)
            or self._anaphoric(mention, role)
            or self.rebel_group(mention, role)
            or self.secretary_general_of(mention, role)
            or self._corporate_title(mention, role)
            or self._counterpart(mention)
            or self._bare_head_of_state(role, mention)
            or self._commanded(role)
            or self.office_in_lead(mention, role)
        )

    def _service_chief(self, mention: Mention, role: str) -> str | None:
        """ "Chief of Naval Operations Adm. Jo Roe", "Gen. Jo Roe, the Army
        chief of staff": the head of a service speaks for the service; so
        does "Chief of Staff" or "Commandant" where the sentence names the
        service it heads before it."""
        s_start, _ = self.sentence_at(mention.start)
        m = SERVICE_CHIEF_BEFORE_RE.search(self.text, s_start, mention.start)
        before = self.text[s_start : m.start()] if m else ""
        if m is None:
            # After the name, as its role or an aside: "Gen. Jo Roe,
            # Commandant of the Marine Corps".
            after = re.match(r",\s+(?:the\s+)?", self.text[mention.end :])
            m = SERVICE_CHIEF_RE.search(role or "")
            before = (role or "")[: m.start()] if m else ""
            if m is None and after:
                m = SERVICE_CHIEF_RE.match(self.text, mention.end + after.end())
        if m is not None:
            # Another state's service head ("Kenyan army chief of staff"):
            # the state's own rules decide.
            return None if _another_state_s(before) else self._service(m)
        m = BARE_CHIEF_RE.search(self.text, s_start, mention.start)
        if m is None or (m.group("before") or " ")[0].isupper():
            # "White House Chief of Staff": another body's title.
            return None
        title = " ".join(m.group("title").lower().split()).removeprefix("vice ")
        named = [
            " ".join(n.group("service").split())
            for n in SERVICE_NAMED_RE.finditer(self.text, s_start, m.start())
        ]
        named = [n for n in named if n in _HEADED_BY[title]]
        return self._named_org(f"U.S. {named[-1]}") if named else None

    def _service(self, chief: re.Match) -> str:
        """The service whose head's title ``chief`` matched."""
        k = next(k for k, v in enumerate(chief.groups()) if v is not None)
        return self._named_org(SERVICE_CHIEFS[k][1])

    def _commanded(self, role: str) -> str | None:
        """ "Gen. Jo Roe, the commander of coalition forces in northern Iraq":
        the forces commanded."""
        m = COMMANDED_RE.match(role or "")
        return self._named_org(m.group("body")) if m else None

    def _bare_head_of_state(self, role: str, mention: Mention) -> str | None:
        """ "President Jo Roe", no nationality before the title: the state
        the text names with the person ("President Jo Roe of Chad"; "In
        Chad, President Jo Roe …", the nearest before the name in its
        sentence); else, of the states the sentence before names, the one
        the story names most, which sets the scene; else the state the
        whole story names most. U.S. copy's own words ("U.S.", the White
        House, the Pentagon, Congress, a place written "Andrews, Md.") name
        the United States. A state named after the name in its sentence is
        what the person speaks about ("President Jo Roe said the Chad
        accord …"), not theirs."""
        words = role.split()
        minister = (
            bool(words)
            and all(w[:1].isupper() for w in words)
            and (words[-1] in lx.BARE_GOVERNMENT_HEADS)
        )
        if role not in lx.BARE_STATE_TITLES and not minister:
            return None
        p_start, _ = self.paragraph_at(mention.start)
        if GOVERNMENT_RE.search(self.text, p_start, mention.start):
            return None
        m = STATE_OF_RE.match(self.text, mention.end)
        if m:
            return self._named_org(m.group("state"))
        # A prime minister is no U.S. office: U.S. copy's words name no
        # state of theirs.
        skip = "United States" if minister or role in lx.NOT_US_TITLES else None
        i = self.sentence_index_at(mention.start)
        named = self._states_named(self.sentences[i][0], mention.start, skip)
        if named:
            return self._named_org(named[-1])
        if skip is None and US_SEAT_RE.search(
            self.text, mention.end, self.sentences[i][1]
        ):
            # "President Jo Roe welcomed the prime minister to the White
            # House": the seat of the U.S. presidency is where the scene is.
            return self._named_org("United States")
        # The story's states by how often it names them, a state or its
        # people ("Chad", "Chadian"), the first named first among equals.
        in_story = self._states_named(0, len(self.text), skip, STATE_OR_PEOPLE_RE)
        ranked = sorted(
            dict.fromkeys(in_story), key=lambda state: -in_story.count(state)
        )
        if i:
            named = self._states_named(*self.sentences[i - 1], skip)
            if named:
                return self._named_org(min(named, key=ranked.index))
        if not ranked:
            return None
        # Else the state the story is about, when it names one more often
        # than any other; two named as often leave no organisation rather
        # than a guess.
        counts = [in_story.count(state) for state in ranked[:2]]
        if len(counts) > 1 and counts[0] == counts[1]:
            return None
        return self._named_org(ranked[0])

    def _states_named(
        self, start: int, end: int, skip: str | None, pattern=STATE_NAMED_RE
    ) -> list[str]:
        """The states the text names between ``start`` and ``end``, in
        order, but ``skip``; "Regarding Iran, …" names a topic, no one's."""
        named = [
            lx.CAPITALS[m.group("capital")]
            if m.group("capital")
            else lx.COUNTRIES.get(m.group("state"), m.group("state")) or "United States"
            for m in pattern.finditer(self.text, start, end)
            if not TOPIC_BEFORE_RE.search(self.text, 0, m.start())
        ]
        return [state for state in named if state != skip]

    def _cabinet_title(self, role: str) -> str | None:
        """ "Attorney General Eric Holder": a U.S. cabinet title that names
        no department speaks for the department it heads."""
        title = re.sub(r"^U\.?S\.?\s+", "", role or "").lower()
        name = _CABINET_BY_LOWER.get(title)
        return self._named_org(name) if name else None

    def _state_role(self, role: str) -> str | None:
        """An office of state in a role after the name: "Sergei Lavrov, the
        Russian foreign minister", "X, the president of Iran"."""
        m = STATE_ROLE_RE.match(role or "")
        if m is None:
            return None
        head = (m.group("head") or m.group("head2")).lower()
        # "Kenyan government spokesman", "the Kenyan government's chief
        # negotiator": any role the state's government names is its own.
        governs = re.search(r"(?i)\bgovernment(?:['\u2019]s)?\s", role)
        if (
            head not in lx.STATE_TITLE_HEADS and not (governs and head in lx.ROLE_HEADS)
        ) or _outside_the_state(role.split()):
            return None
        if not governs and not _state_speaker(role.split()[1:]):
            return None
        if m.group("demonym"):
            name = m.group("demonym")
            if not name[:1].isupper():
                return None
            name = lx.COUNTRY_DEMONYMS.get(name) or lx.COUNTRIES.get(name)
        else:
            name = m.group("country").rstrip(".")
            if not name[:1].isupper():
                return None
            name = lx.COUNTRIES.get(name, name)
        return self._named_org(name) if name else None

    def _counterpart(self, mention: Mention) -> str | None:
        """ "Her Vietnamese counterpart, Industry and Trade Minister Tran Van
        Long": the demonym before "counterpart" names the state."""
        before = self.text[max(0, mention.start - 120) : mention.start]
        m = COUNTERPART_RE.search(before)
        if m is None:
            return None
        demonym = m.group("demonym")
        name = lx.COUNTRY_DEMONYMS.get(demonym) or lx.COUNTRIES.get(demonym)
        return self._named_org(name) if name else None

    def force_in_title(self, mention: Mention) -> str | None:
        """ "Ruritania army spokesman Jan Novak", "State police chief
        Jo Roe": the force the title names, with its place, not the place
        alone (a bare "military spokesman" names no body)."""
        m = FORCE_TITLE_RE.search(self.text, max(0, mention.start - 80), mention.start)
        if m is None:
            return None
        words = m.group("body").split()
        while words[:1] and words[0] in lx.COMMON_CAPS:
            words = words[1:]
        owner = " ".join(words[:-1])
        state = lx.COUNTRY_DEMONYMS.get(owner) or lx.COUNTRIES.get(owner.rstrip("."))
        if words[-1] == "military" and state != "United States":
            # "Saudi military spokesman Jo Roe" speaks for the state, as its
            # officials do, and "AMISOM military spokesman" for the mission
            # (the U.S. forces are named as the story writes them).
            if state or owner in lx.COUNTRY_NAMES:
                return self._named_org(state or owner)
            if owner.replace(".", "").isupper():
                return self.acronyms.get(owner) or self._named_org(owner)
        return self._named_org(" ".join(words)) if len(words) > 1 else None

    def _named_org(self, name: str) -> str:
        return self.org(name, self.gaz.find(name, ORGANISATION))

    def department_heading(self, run: list[int]) -> bool:
        """ "U.S. Commerce Secretary Jo Roe": a department's short name,
        with or without "U.S.", heading a title is the department, not a
        body called "U.S. Commerce"; True when it was added so."""
        values = [self.words[i].group() for i in run]
        if values[0] in ("U.S", "US"):
            values = values[1:]
        name = lx.CABINET_DEPARTMENTS.get(" ".join(values))
        if name is None or not values:
            return False
        start, end = self.words[run[0]].start(), self.words[run[-1]].end()
        self.add_mention(start, end, ORGANISATION, self._named_org(name))
        return True

    def _department(self, role: str, mention: Mention) -> str | None:
        # (Within the name's sentence: "… Defense Secretary Ann Marsh. Gen.
        # Jo Roe told" gives Jo Roe no department.)
        s_start = self.sentence_at(mention.start)[0]
        before = self.text[max(s_start, mention.start - 90) : mention.start]
        # "Assistant Secretary of Commerce for Economic Development Jo Roe":
        # the cabinet title, then only a title's words up to the name.
        titled = next(
            (
                m
                for m in DEPARTMENT_RE.finditer(before)
                if self.long_title(mention.start - len(before) + m.end(), mention.start)
            ),
            None,
        )
        # ("Kenyan Defense Secretary" has its country as organisation
        # already: this is only asked when the role names none.)
        for m in (DEPARTMENT_RE.search(role), DEPARTMENT_END_RE.search(before), titled):
            if m is None:
                continue
            name = (m.group("after") or m.group("before")).lower()
            return self._named_org(_BY_LOWER[" ".join(name.split())])
        return None

    def _acronym_title(self, mention: Mention) -> str | None:
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        m = ACRONYM_TITLE_RE.search(self.text, line_start, mention.start)
        if m is None or m.group("acronym").rstrip(".") in lx.COUNTRIES:
            return None
        acronym = m.group("acronym")
        existing = self.mention_ending(m.end("acronym"), ORGANISATION)
        if existing is not None:
            return existing.key
        return self.acronyms.get(acronym) or self._named_org(acronym)

    def _who_heads(self, mention: Mention) -> str | None:
        """ "Jo Roe, who heads the World Health Organization"."""
        m = WHO_HEADS_RE.match(self.text, mention.end)
        if m is None:
            return None
        owner = self.by_start.get(m.end())
        return owner.key if owner is not None and owner.type == ORGANISATION else None

    def _of_the(self, mention: Mention) -> str | None:
        m = OF_THE_RE.match(self.text, mention.end)
        if m is None:
            return None
        owner = self.by_start.get(m.end())
        return owner.key if owner is not None and owner.type == ORGANISATION else None

    def _state_of_paragraph(self, mention: Mention, role: str) -> str | None:
        """A head of state or a minister with no organisation speaks for the
        government the paragraph names before them."""
        words = role.lower().split()
        if not words or words[-1] not in lx.GOVERNMENT_TITLES:
            return None
        p_start, _ = self.paragraph_at(mention.start)
        found = None
        for m in GOVERNMENT_RE.finditer(self.text, p_start, mention.start):
            demonym = m.group("demonym")
            found = (
                lx.COUNTRIES[demonym]
                if demonym
                else m.group("country") or m.group("owner")
            )
        return self._named_org(found) if found else None
