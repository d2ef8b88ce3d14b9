"""Unnamed and group sources: "a spokesman", "senior U.S. officials",
"teams", "a spokeswoman for the ministry", and a capital standing for its
government ("Moscow says"). A quote from one has no named speaker; the engine
records the story's own description and, where the story gives one, the
organisation, and never invents a name.

A source stands in the run's speaker slots under a key of its own
(``source:…``), so that continuations and partial quotes follow it as they
follow a person; ``Story.result()`` turns the key back into a description.
Here too: who speaks in a participle continuing a sentence ("…, saying
…") that a person or a source opens.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import LOYAL_TO, Cue, Mention
from .gazetteer import ORGANISATION, PERSON
from .roles import ANAPHOR_RE
from .text import slugify

SOURCE = "source:"
# "One of the officials said", "a group of officials said": words before
# "of" that leave the source after it the subject.
_PARTITIVES = frozenset(
    """
    one some many most none each all several any both few half two three four
    five six seven eight nine ten dozens hundreds group team number couple pair
    """.split()
)

_NOUNS = "|".join(sorted(lx.SOURCE_NOUNS, key=len, reverse=True))
_DETERMINERS = "|".join(sorted(lx.SOURCE_DETERMINERS, key=len, reverse=True))
# Lower-case words that are no modifier of a source noun.
_NOT_MODIFIERS = (
    lx.NON_CLAUSE_STARTS
    | lx.SPEECH_VERBS
    | frozenset(
        "is are was were be been has have had will would can could should may "
        "might that this these those it who which what when where said says "
        "not no also".split()
    )
)
# "a group of", "one of that new organization's": a part of a group.
_PARTITIVE = (
    r"(?:(?:a\s+(?:group|team|panel|number|couple|pair)|one|two|three|some|several"
    r"|many|most|none)\s+of\s+(?:(?:the|that|this|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:[\w-]+['\u2019]s\s+)?)?)"
)
_PHRASE = (
    rf"(?:{_PARTITIVE}|(?:{_DETERMINERS})\s+)?"
    r"(?P<mods>(?:[\w.'\u2019-]+\s+){0,4}?)"
    # The last noun of "a rebel spokesman" is its head.
    rf"(?P<noun>{_NOUNS})\b(?!\s+(?:{_NOUNS})\b)"
)
# "DoD's senior official for prisoner of war/missing personnel affairs":
# what the source is for, after the noun.
# (A dotted abbreviation's stops end no tail: "for the U.S. Embassy".)
_TAIL = (
    rf"(?:\s+(?:for|at|of|with|from|in|{LOYAL_TO})\s+"
    r"(?:[^,;:\"\u201c\u201d.]|(?<=[A-Z])\.(?=[A-Z]|\s+[A-Z]))"
    r"{1,60}?)?"
)
SOURCE_BEFORE_RE = re.compile(rf"(?<![\w.'\u2019-])(?i:{_PHRASE}){_TAIL}$")
SOURCE_AFTER_RE = re.compile(
    rf"\s*(?P<phrase>(?i:{_PHRASE}))"
    r"(?P<tail>\s+(?:for|at|of|from|with|in)\s+(?:the\s+)?)?"
)
# Words a lead's description and the named person's role may share without
# saying they are the same person.
_NOT_IDENTIFYING = lx.SOURCE_DETERMINERS | frozenset(
    "senior top high-ranking u.s. us in of for at the military".split()
)
# An interview with a named outlet opening a sentence before its subject ("In
# an interview with VOA Thursday, "); "In a separate interview, Jo Roe" may
# be someone else.
OPENING_PHRASE_RE = re.compile(
    r"In\s+an\s+interview\s+with\s+[A-Z][^,.;\"\u201c]{0,50},\s+"
)
# Words of a description that set its holder apart from the office's head.
_RANKED_MODIFIERS = frozenset("deputy vice assistant associate acting former".split())
CROWD_BEFORE_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s,]))(?i:(?:the|some|many|several|other)\s+)?"
    rf"(?i:(?:{'|'.join(sorted(lx.CROWD_NOUNS))}))"
    r"(?:\s+(?:in|of|from|near|at)\s+[^,;:\"\u201c\u201d.]{1,60})?\s*$"
)
# "The Halden Port Authority's (HPA) director": the owner and its acronym.
_OWNER_BEFORE_RE = re.compile(r"['\u2019]s\s+\([A-Z][A-Za-z&]*\)\s+$")
CAPITAL_BEFORE_RE = re.compile(r"(?<![\w.-])(?P<name>" + "|".join(lx.CAPITALS) + r")$")


# After a source opening the sentence, what it is of and its verb: "The
# leader of the Unity Party is calling for …", "A senior official chastised".
SOURCE_VERB_RE = re.compile(
    r"(?:(?:\s+(?:of|for|at|with|from|in)\s+)?[^,;:\"\u201c\u201d]{1,80}?)?\s+"
    r"(?:(?:is|are|was|were|has|have|had)\s+)?(?:[a-z]+ly\s+)?[a-z]+(?:ed|ing)\b"
)


def _same_role(description: list[str], role: str) -> bool:
    """ "Ruritania's information minister says …. Ann Marsh, the information
    minister who …": a role after the name that opens with every word of
    the description but its owner is the one described."""
    words = [
        w
        for w in description
        if w not in lx.SOURCE_DETERMINERS and not w.endswith(("'s", "\u2019s"))
    ]
    role_words = role.lower().split()
    if role_words[:1] in (["the"], ["a"], ["an"]):
        role_words = role_words[1:]
    return len(words) >= 2 and role_words[: len(words)] == words


def _a_source(m: re.Match) -> bool:
    """Whether a source phrase's noun is one: an office (``OFFICE_NOUNS``)
    only in lower case."""
    noun = m.group("noun")
    return not (noun[:1].isupper() and noun.lower() in lx.OFFICE_NOUNS)


def _same_head(description: list[str], role: str) -> bool:
    """ "A U.S. Army commander there said …. Col. Jo Roe, commander of 4th
    Brigade, told reporters": a role after the name whose head is the
    description's."""
    nouns = [w for w in description if w in lx.SINGULAR_SOURCE_NOUNS]
    role_words = role.lower().split()
    if role_words[:1] in (["the"], ["a"], ["an"]):
        role_words = role_words[1:]
    return bool(nouns) and role_words[:1] == nouns[-1:]


def _role_words(role: str) -> set[str]:
    """The words of ``role``, with those of the titles it is another name
    for: a press secretary is a spokesman."""
    role = " ".join(role.lower().split())
    words = set(role.split())
    for title, same in lx.SAME_ROLES.items():
        if title in role:
            words |= same
    return words


class Sources:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def _source_key(self, description: str, org: str | None) -> str:
        key = SOURCE + slugify(description) + (f"@{org}" if org else "")
        self.sources.setdefault(key, (description, org))
        return key

    def _modifiers_ok(self, mods: str) -> bool:
        words = mods.split()
        return not any(
            w.lower() in _NOT_MODIFIERS
            # "senior defense and military officials".
            and not (w == "and" and 0 < i < len(words) - 1)
            for i, w in enumerate(words)
        )

    def _source_org(self, start: int, end: int, noun: str) -> str | None:
        """The organisation a source's own words name: a mention inside the
        phrase ("NASA officials"), a country's short name or demonym ("U.S.
        officials", "Russian diplomats") before an agent ``noun``
        (``groups``), or "for/at/of the X" after it."""
        words = self.text[start:end].split()
        ministry = self.ministry_in(self.text[start:end])
        if ministry:
            # "an Afghan interior ministry spokesman": the most specific body.
            return ministry
        # "Nigerian militants", "Russia's analysts": a nationality or a
        # country before a source who holds no post names no state.
        state = noun.lower() in lx.AGENTS
        owner = re.match(r"(.+?)['\u2019]s$", words[0]) if words else None
        if state and owner and owner.group(1) in lx.COUNTRY_NAMES:
            # "Russia's U.N. envoy" speaks for Russia.
            name = owner.group(1)
            return self.org(name, self.gaz.find(name, ORGANISATION))
        for i in range(len(words) - 1):
            pair = " ".join(words[i : i + 2])
            if state and pair in lx.COUNTRY_DEMONYMS:
                # "an anonymous South Korean intelligence official".
                name = lx.COUNTRY_DEMONYMS[pair]
                return self.org(name, self.gaz.find(name, ORGANISATION))
        inside = self.first_mention(start, end, ORGANISATION)
        body = next(
            (
                m
                for m in self.mentions
                if m.type == ORGANISATION
                and start <= m.start
                and m.end <= end
                and not self._a_state(m)
            ),
            None,
        )
        if body is not None:
            # "The leader of Kenya's main opposition Unity Party": the most
            # specific body the description names, not its state.
            return body.key
        if inside is not None and (state or not self._a_state(inside)):
            return inside.key
        if ANAPHOR_RE.search(self.text, start, end) or re.match(
            r"(?:one|some|several|many|most|two|three)\s+of\s+its\s",
            self.text[start:end],
        ):
            # "one of that new organization's officers": the body named
            # before.
            return self.org_before(start)
        for i, word in enumerate(words):
            word = word.rstrip(".")
            if word in lx.COUNTRIES:
                if not state:
                    break
                name = lx.COUNTRIES[word]
                if words[i + 1 : i + 2] == ["military"] and name == "United States":
                    # "the top U.S. military leader" speaks for the forces,
                    # named as the story writes them ("U.S. military"), as
                    # a body's acronym is ("U.N."); another state's military
                    # officer speaks for the state ("a Somali military
                    # commander").
                    name = f"{words[i]} military"
                return self.org(name, self.gaz.find(name, ORGANISATION))
        for word in words[:-1]:
            # "a senior Army officer", "EGLE officials": a service or an
            # acronym among the description's words ("the U.N.'s chief").
            word = re.sub(r"['\u2019]s$", "", word)
            bare = word.rstrip(".")
            if word.lower() in lx.SOURCE_NOUNS:
                # ("Forces loyal to …": the source's own noun, capitalised.)
                continue
            if word in lx.ORG_KEYWORDS or (
                len(bare.replace(".", "")) >= 2
                and bare.isupper()
                # "a U.N. spokesman": a dotted acronym too.
                and bare.replace(".", "").isalpha()
                and bare not in lx.COUNTRIES
            ):
                # A dotted acronym's name keeps its last stop ("U.N.").
                name = word if "." in bare and word.endswith(".") else bare
                return self.org(name, self.gaz.find(name, ORGANISATION))
        m = re.match(
            r"\s+(?:for|at|of|from|with|in)\s+(?:the\s+)?", self.text[end : end + 12]
        )
        if m:
            after = self.first_mention(end, end + m.end() + 1, ORGANISATION)
            if (
                after is not None
                and after.start == end + m.end()
                and (state or not self._a_state(after))
            ):
                return after.key
        return None

    def _owner_kept(self, start: int, floor: int) -> int:
        """Where a description found at ``start`` begins with the whole name
        of the body owning it: "The Halden Port Authority's emergencies
        programme director" is too long for the modifiers a source noun
        takes, and "The Halden Port Authority's (HPA) director" holds an
        acronym in parentheses; either way the body's name is the
        description's, from its first word (and "the" before it) on, but
        never before ``floor``, where the sentence starts."""
        text = self.text
        owner = None
        m = _OWNER_BEFORE_RE.search(text, floor, start)
        if m:
            owner = self.mention_ending(m.start(), ORGANISATION)
        for mention in self.mentions:
            if mention.type == ORGANISATION and mention.start < start < mention.end:
                owner = mention
        if owner is None or owner.start < floor:
            return start
        start = owner.start
        m = re.search(r"(?<![\w-])[Tt]he\s+$", text[floor:start])
        return floor + m.start() if m else start

    def _a_state(self, mention: Mention) -> bool:
        """Whether ``mention`` names a country ("Nigeria", "Nigerian")."""
        name = self.text[mention.start : mention.end]
        return name in lx.COUNTRY_NAMES or name in lx.COUNTRIES

    def source_before(self, text_before: str, end: int) -> tuple[str, int] | None:
        """A source whose description ends at ``end`` (``text_before`` is the
        sentence up to there): its key and where the description starts."""
        m = SOURCE_BEFORE_RE.search(text_before)
        while m and not (self._modifiers_ok(m.group("mods")) and _a_source(m)):
            # "…, but a spokesman": the longest description may hold a word
            # no modifier is; a shorter one after it may not.
            m = SOURCE_BEFORE_RE.search(text_before, m.start() + 1)
        of = m and re.search(r"\b([A-Za-z]+)\s+of\s+$", text_before[: m.start()])
        if of and of.group(1).lower() not in _PARTITIVES | lx.SOURCE_NOUNS:
            # "The presence of the region's top commander suggests …": the
            # subject is the noun before "of", not the source after it.
            return None
        if m:
            start = end - (len(text_before) - m.start())
            start = self._owner_kept(start, end - len(text_before))
            description = self.text[start:end]
            named = self.definite_holder(description, start)
            if named:
                return named, start
            org = self._source_org(start, end, m.group("noun"))
            key = self._source_key(description, org)
            return key, start
        m = CAPITAL_BEFORE_RE.search(text_before)
        if m:
            country = lx.CAPITALS[m.group("name")]
            org = self.org(country, self.gaz.find(country, ORGANISATION))
            start = end - (len(text_before) - m.start())
            return self._source_key(m.group("name"), org), start
        return None

    def crowd_before(self, pos: int, cue_end: int) -> tuple[str, int] | None:
        """A crowd speaking, only before a cue and "that" ("Locals in eastern
        Paktika province reported that …", "Residents said that …"): its
        key and where its description starts. Without "that", a crowd's
        words are rarely a quote (``lexicon.CROWD_NOUNS``)."""
        if not re.match(
            r"\s+that\s(?!(?:night|day|morning|afternoon|evening|week|year|time)\b)",
            self.text[cue_end : cue_end + 20],
        ):
            return None
        s_start = self.sentence_at(pos)[0]
        m = CROWD_BEFORE_RE.search(self.text, s_start, pos)
        if m is None:
            return None
        description = self.text[m.start() : pos].rstrip()
        return self._source_key(description, None), m.start()

    def source_at(self, pos: int, limit: int) -> tuple[str, int] | None:
        """A source described right at ``pos``: its key and where the
        description ends."""
        m = SOURCE_AFTER_RE.match(self.text, pos, limit)
        if not m or not self._modifiers_ok(m.group("mods")) or not _a_source(m):
            return None
        start, end = m.start("phrase"), m.end("phrase")
        org = self._source_org(start, end, m.group("noun"))
        return self._source_key(self.text[start:end], org), end

    def definite_holder(self, description: str, pos: int) -> str | None:
        """ "The U.N. chief vowed …" after "the United Nations chief, Ban
        Ki-moon": a definite office whose holder the story named before
        ``pos`` is that person, not an unnamed source; their key, or None."""
        m = re.fullmatch(r"(?i)the\s+((?:\S+\s+){0,2}?)(\S+)", description.strip())
        if m is None or m.group(2).lower() not in lx.OFFICE_NOUNS:
            return None
        return self.role_antecedent(m.group(2), pos, m.group(1))

    def group_antecedent(self, pos: int) -> str | None:
        """The plural unnamed source "they" at ``pos`` stands for: the one
        that opens the pronoun's sentence ("Rebels attacked after what they
        said was …"), else the sentence before it in the paragraph ("Kenyan
        officials have another view. They say …"), with no other name in
        those words; its key, or None. "They" never stands for a named
        person here."""
        i = self.sentence_index_at(pos)
        starts = [self.sentences[i][0]]
        if i and self.paragraph_at(self.sentences[i - 1][0]) == self.paragraph_at(pos):
            starts.append(self.sentences[i - 1][0])
        for start in starts:
            found = self.source_at(start, pos)
            if found is None or found[1] >= pos:
                continue
            key, end = found
            if self.sources[key][0].split()[-1].lower() not in lx.PLURAL_SOURCE_NOUNS:
                return None
            words = re.findall(r"[\w.'\u2019-]+", self.text[start:pos])[1:]
            if any(end <= m.start < pos for m in self.mentions) or any(
                w[:1].isupper()
                and w not in lx.MONTHS_AND_DAYS
                and w.rstrip(".") not in lx.COUNTRIES
                for w in words
            ):
                # "Kenyan officials met Ann Marsh. They say …": they may be
                # the people named with them.
                return None
            return key
        return None

    def source_after(self, pos: int, limit: int) -> str | None:
        """A source named right after an inverted cue ("…, said a
        spokesman for the ministry")."""
        found = self.source_at(pos, limit)
        return found[0] if found else None

    def _named_next(
        self, mention, words, next_start: int, quote_start: int, body: str | None
    ) -> bool:
        """ "President Donald Trump's budget director says …. Mick Mulvaney
        told NBC …": the holder of an owned role opening a paragraph is the
        person, with no role of their own and named nowhere before, who
        opens the next sentence speaking ("The program manager said ….
        Bob Stone said …" may be two people). So is the holder of an office
        of a ``body`` the story's lead describes ("The Harbour Board's
        coordinator warned …. Ann Marsh has called for …"), who opens the
        next sentence as its subject, whatever its verb."""
        s_start = self.sentence_at(quote_start)[0]
        lead = (
            body is not None
            and s_start == self.sentences[0][0]
            and re.match(r"\s+(?:[a-z]+\s+)?[a-z]+\b", self.text[mention.end :])
        )
        return (
            (any(w.endswith(("'s", "\u2019s")) for w in words) or lead)
            and self.paragraph_at(s_start)[0] == s_start
            and (
                mention.start == next_start
                # "In an interview with VOA Thursday, Jo Roe noted …".
                or OPENING_PHRASE_RE.fullmatch(self.text, next_start, mention.start)
            )
            and not self.people[mention.key].role
            and (lead or self._cue_follows(mention))
            and not any(
                m.key == mention.key and m.start < quote_start for m in self.mentions
            )
        )

    def _source_according_to(self, pos: int, body_end: int) -> Mention | None:
        """The unnamed source right after "according to", as a stand-in
        mention, when it runs to the sentence's end or to a comma."""
        found = self.source_at(pos, body_end)
        if found is None:
            return None
        key, end = found
        tail = re.match(
            r"(?:\s+(?:for|at|of|with|from|in)\s+[^,]{1,60}?)?\s*(?:,|$)",
            self.text[end:body_end],
        )
        if tail is None:
            return None
        return Mention(
            pos,
            end + tail.end() - 1 if tail.group().endswith(",") else end + tail.end(),
            PERSON,
            key,
        )

    def name_sources_later(self) -> None:
        """A lead's unnamed source that the story names a sentence or two
        later: "A senior U.S. general in Iraq says …. The general spoke
        Friday …" / "General Thomas Turner, the commander …, says …". One
        source (a singular description), and a person named within the
        next two sentences whose role shares a word of the description
        ("general", "defense") and is written as their title, speaks; the
        quotes are theirs."""
        named: dict[str, str] = {}
        for quote in self.quotes:
            key = quote.speaker
            if not key or not key.startswith(SOURCE) or key in named:
                continue
            words = self.sources[key][0].lower().split()
            if (
                not words
                or words[0] not in ("a", "an", "the")
                # ("President Donald Trump's budget director": owned.)
                and not any(w.endswith(("'s", "\u2019s")) for w in words)
            ):
                continue
            if not any(w in lx.SINGULAR_SOURCE_NOUNS for w in words):
                continue
            i = self.sentence_index_at(quote.start)
            later = self.sentences[i + 1 : i + 3]
            if not later:
                continue
            for mention in self.mentions:
                if mention.type != PERSON or not (
                    later[0][0] <= mention.start < later[-1][1]
                ):
                    continue
                role = self.people[mention.key].role or ""
                if _RANKED_MODIFIERS & set(words) - set(role.lower().split()):
                    # "Nepal's deputy prime minister says …. Prime Minister
                    # Jo Roe …": the deputy is someone else; read on.
                    continue
                # The title written before the name ("General Thomas
                # Turner"), not a description after it ("Leroy Cain, the
                # American manager of the mission" is someone else).
                titled = self.text[
                    max(0, mention.start - len(role) - 1) : mention.start
                ]
                if (
                    (
                        role
                        and role in titled
                        and (_role_words(role) & set(words) - _NOT_IDENTIFYING)
                    )
                    or self._named_next(
                        mention, words, later[0][0], quote.start, self.sources[key][1]
                    )
                    or _same_role(words, role)
                    or (
                        _same_head(words, role)
                        and self.people[mention.key].role_organisation is not None
                    )
                ):
                    named[key] = mention.key
                break
        for quote in self.quotes:
            if quote.speaker in named:
                # The body the description names ("A senior U.S. general")
                # stays the quote's, where the person's role names none.
                quote.organisation = body = self.sources[quote.speaker][1]
                quote.speaker = named[quote.speaker]
                person = self.people[quote.speaker]
                if person.role_organisation is None:
                    # Her later quotes keep the body the lead gave her.
                    person.role_organisation = body

    def _participle_subject(
        self, c: Cue, cues: list[Cue], s_start: int, bare: bool = False
    ):
        """Who speaks in a participle continuing the sentence ("…, the
        leader said here today, adding that …", "Mr. Karzai dismissed
        suggestions …, saying …"): the speaker of the sentence's earlier
        cue, else the person the sentence opens with, else the source it
        opens with ("America's top defense official chastised Russia …,
        saying …"), or the holder of the definite role it opens with ("The
        ambassador concluded the interview by saying …"); with ``bare``, a
        participle with no comma before it ("Burns addressed the difficulty
        saying, "…""), as after "by"."""
        lead = self.text[s_start : c.start].rstrip()
        if not (bare or lead.endswith((",", ',"', ",\u201d", " by"))):
            return None
        for earlier in reversed(cues):
            if s_start <= earlier.start < c.start and earlier.speaker:
                return earlier.speaker
        subject = self.first_mention(s_start, c.start, PERSON, within=60)
        if subject is not None:
            return subject.key
        m = re.match(r"The\s+([a-z-]+)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b", lead)
        named = m and self.role_antecedent(m.group(1), s_start)
        if named:
            return named
        source = self.source_at(s_start, c.start)
        if source and SOURCE_VERB_RE.match(self.text, source[1], c.start):
            return source[0]
        return None
