"""Names in the text: registry matches, capitalised runs read as people or
organisations, and surnames of people named in full."""

from __future__ import annotations

import re

from . import agencies
from . import lexicon as lx
from .base import GRADE_AFTER_RE, GRADE_QUALIFIED_RE, Mention
from .gazetteer import AGREEMENT, ORGANISATION, PERSON, WORD_RE
from .results import (
    ProposedOrganisation,
    ProposedPerson,
    existing_ref,
)
from .text import (
    is_cap,
    misspelt,
    shift_slipped,
    slugify,
)

# "European Space Agency (ESA)": an acronym in parentheses after a name.
ACRONYM_AFTER_RE = re.compile(r" \(([A-Z][A-Za-z&]*[A-Z])\)")
# "al-Rahman" or, as some copy writes it, "Al-Rahman".
HYPHEN_PARTICLE_RE = re.compile(r"(?i:al|el|ad|an|as|ash|at|az|bin|ibn|abu)-[A-Z]\w+")
# Words either side of a run that the named-entity step reads with it.
_WINDOW = 4
# "John D. (Jay) Rockefeller IV": first name (and initial), nickname, surname
# (and generation).
NICKNAME_RE = re.compile(
    r"\b(?P<first>[A-Z][a-z]+(?: [A-Z]\.)?) \([A-Z][a-z]+\) "
    # ("Richard (Rick) W. Roe": the middle initial after the nickname.)
    r"(?P<last>(?:[A-Z]\. )?[A-Z][\w'\u2019-]*[a-z][\w'\u2019-]*"
    r"(?: (?:Jr\.|Sr\.|III|II|IV)\b)?)"
)


class Names:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    # -- entities ----------------------------------------------------------

    def add_mention(self, start: int, end: int, type_: str, key: str) -> None:
        mention = Mention(start, end, type_, key)
        self.mentions.append(mention)
        self.by_end[end] = mention
        self.by_start[start] = mention
        for i in range(self.word_index_at(start), self.word_index_at(end)):
            self.covered.add(i)
        target = {
            PERSON: self.people,
            ORGANISATION: self.orgs,
            AGREEMENT: self.agreements,
        }[type_][key]
        target.mentions.append([start, end])

    def person(self, name: str, existing=None) -> str:
        key = existing.key if existing else slugify(name) or name
        if key not in self.people:
            self.people[key] = ProposedPerson(
                key=key,
                name=existing.name if existing else name,
                existing=existing_ref(existing),
            )
        return key

    def org(self, name: str, existing=None) -> str:
        key = existing.key if existing else slugify(name) or name
        if key not in self.orgs:
            self.orgs[key] = ProposedOrganisation(
                key=key,
                name=existing.name if existing else name,
                existing=existing_ref(existing),
            )
        return key

    def mention_ending(self, end: int, type_: str | None = None) -> Mention | None:
        mention = self.by_end.get(end)
        if mention and (type_ is None or mention.type == type_):
            return mention
        return None

    def first_mention(
        self, start: int, end: int, type_: str, within: int | None = None
    ) -> Mention | None:
        best = None
        for mention in self.mentions:
            if mention.type == type_ and start <= mention.start < end:
                if best is None or mention.start < best.start:
                    best = mention
        if best and within is not None and best.start - start > within:
            return None
        return best

    def find_entities(self) -> None:
        text, words = self.text, self.words
        self.military_units()
        for match in self.gaz.match(text, words, self.covered):
            if self._place_in_a_name(match):
                continue
            if match.type == PERSON:
                key = self.person(match.entity.name, match.entity)
            elif match.type == ORGANISATION:
                key = self.org(match.entity.name, match.entity)
            else:
                key = self.agreement(match.entity.name, match.entity)
            self.add_mention(match.start, match.end, match.type, key)
        # Wire agencies and broadcasters the registry does not know yet.
        for match in agencies.shipped().match(text, words, self.covered):
            key = self.org(match.entity.name)
            self.orgs[key].kind = match.entity.kind
            self.add_mention(match.start, match.end, ORGANISATION, key)
        self._nicknamed()
        self._listed_bodies()
        runs = self._capitalised_runs()
        singles = []
        self.titled_singles: list[int] = []
        self.split_singles: list[int] = []
        for run in runs:
            if len(run) == 1:
                singles.append(run[0])
                continue
            self._classify_run(run)
        self._speaking_surnames()
        if self.recogniser is not None:
            self._add_recognised(runs)
        # Single capitalised words: a partial name of someone named in full
        # ("Hanhui", "Dubrov"), a title and surname ("President Bush", "Dr.
        # Orbach"), an acronym the story gave in parentheses, or an
        # organisation by its context.
        surnames: dict[str, list[str]] = {}
        for key, person in self.people.items():
            for part in WORD_RE.findall(person.name):
                if HYPHEN_PARTICLE_RE.fullmatch(part):
                    # "al-Maliki" and "Maliki" both stand for the surname.
                    surnames.setdefault(part, []).append(key)
                    part = part.split("-", 1)[1]
                if is_cap(part) and len(part) > 1:
                    surnames.setdefault(part, []).append(key)
                    if shift_slipped(part) != part:
                        surnames.setdefault(shift_slipped(part), []).append(key)
        titled = set(self.titled_singles)
        for i in sorted({*singles, *titled, *self.split_singles}):
            word = words[i]
            if i in self.covered:
                continue
            value = word.group()
            if value not in surnames and (near := misspelt(value, surnames)):
                # "Surakiart Sathirathai …. Mr. Surakiat said": a surname
                # misspelt by one letter, read as it was spelt the first time.
                surnames[value] = surnames[near]
            if value in surnames:
                keys = surnames[value]
                self.add_mention(
                    word.start(), word.end(), PERSON, self._nearest(keys, word.start())
                )
            elif value in self.acronyms:
                self.add_mention(
                    word.start(), word.end(), ORGANISATION, self.acronyms[value]
                )
            elif value in (ships := self._ship_names()) and re.search(
                r"\b(?:aboard|the|on)\s+$",
                text[max(0, word.start() - 8) : word.start()],
            ):
                # "USS Halden (DDG 84) …. a sailor aboard Halden": a ship
                # named again without its prefix.
                self.add_mention(word.start(), word.end(), ORGANISATION, ships[value])
            elif i in titled:
                key = self.person(value)
                surnames.setdefault(value, []).append(key)
                self.add_mention(word.start(), word.end(), PERSON, key)
            elif self._org_context(
                word.start(), word.end(), single=True
            ) and not self._country_mention(i):
                self.add_mention(
                    word.start(),
                    word.end(),
                    ORGANISATION,
                    self.org(self._org_name(word)),
                )
        self.units_of_bodies()
        self.mentions.sort(key=lambda m: m.start)

    def _nicknamed(self) -> None:
        """ "John D. (Jay) Rockefeller IV": a nickname in parentheses inside
        a name is left out of it; the words either side are one person."""
        for m in NICKNAME_RE.finditer(self.text):
            first = self.word_index_at(m.start())
            last = self.word_index_at(m.end() - 1)
            if any(i in self.covered for i in range(first, last + 1)):
                continue
            key = self.person(f"{m.group('first')} {m.group('last')}")
            self.add_mention(m.start("first"), m.end("first"), PERSON, key)
            self.add_mention(m.start("last"), m.end("last"), PERSON, key)

    def _add_recognised(self, runs: list[tuple[int, ...]]) -> None:
        """People the statistical step (``ner``) finds where the rules named
        nothing. Only a window of a few words around each capitalised run
        that could be a name the rules left unread (two to four name words
        once titles are stripped, none in a mention) goes to the model; of
        what it tags, a full name (two words or more, titles stripped)
        none of whose words is in a mention is added. Single words are left
        to the surname rules, and its organisations are not taken: on wire
        copy they were more often a title's words ("Defense" of "Defense
        Secretary") than a body the rules missed."""
        words = self.words
        windows: list[list[int]] = []
        for run in runs:
            part = [
                i
                for i in run
                if not (
                    self._is_title(i)
                    or words[i].group() in lx.COMMON_CAPS
                    or words[i].group() in lx.DEMONYMS
                )
            ]
            if not 2 <= len(part) <= 4 or not self._name_words(part):
                continue
            if any(i in self.covered for i in run):
                continue
            s_start, s_end = self.sentence_at(words[run[0]].start())
            first = max(run[0] - _WINDOW, self.word_index_at(s_start))
            last = min(run[-1] + _WINDOW, self.word_index_at(s_end) - 1)
            start = max(words[first].start(), s_start)
            end = min(words[last].end(), s_end)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
        if not windows:
            return
        found = self.recogniser([self.text[s:e] for s, e in windows])
        for (offset, _), entities in zip(windows, found, strict=True):
            for entity in entities:
                if entity.type == "person":
                    self._add_recognised_person(
                        offset + entity.start, offset + entity.end
                    )

    def _add_recognised_person(self, start: int, end: int) -> None:
        words = self.words
        part = []
        for i in range(self.word_index_at(start), len(words)):
            if words[i].end() > end:
                break
            part.append(i)
        if any(i in self.covered for i in part):
            return
        while part and (
            self._is_title(part[0])
            or words[part[0]].group() in lx.COMMON_CAPS
            or words[part[0]].group() in lx.DEMONYMS
        ):
            part = part[1:]
        if len(part) >= 2 and self._name_words(part):
            self._add_person_part(part, titled=True)

    def _nearest(self, keys: list[str], pos: int) -> str:
        if len(keys) == 1:
            return keys[0]
        best, best_pos = keys[0], -1
        for mention in self.mentions:
            if (
                mention.type == PERSON
                and mention.key in keys
                and best_pos < mention.start < pos
            ):
                best, best_pos = mention.key, mention.start
        return best

    def _joined(self, before: int, after: int) -> bool:
        """Whether words ``before`` and ``after`` may belong to one name: a
        space between them, or a full stop and a space after an initial, an
        abbreviated title or a dotted acronym ("Susan C. Schwab", "Dr.
        Orbach", "U.S. Trade Representative")."""
        gap = self.text[self.words[before].end() : self.words[after].start()]
        if gap == " ":
            return True
        value = self.words[before].group()
        return gap == ". " and (
            (len(value) == 1 and value.isupper())
            or value in lx.ABBREVIATED_TITLES
            or ("." in value and value.replace(".", "").isupper())
        )

    def _capitalised_runs(self) -> list[tuple[int, ...]]:
        """Runs of adjacent capitalised words (with name particles and, for
        organisations, "of"/"for"/"and" between them) outside known names."""
        runs, current = [], []
        words = self.words
        for i, word in enumerate(words):
            value = word.group()
            joined = bool(current) and self._joined(current[-1], i)
            if i in self.covered or not (
                is_cap(value)
                # "Omar al-Bashir", "Nouri al-Maliki": a particle joined to a
                # surname by a hyphen.
                or HYPHEN_PARTICLE_RE.fullmatch(value)
                # "Ambassador to the United Nations Jo Roe", "Secretary of
                # the Navy Jo Roe": the body a title is to or of.
                or (joined and self.title_link(current[-1], i))
                or (
                    joined
                    and (value in lx.NAME_PARTICLES or value in lx.ORG_CONNECTORS)
                    and (n := self._after_particles(i)) < len(words)
                    and is_cap(words[n].group())
                    # "Robert Lightfoot on Friday": a date joins no name.
                    and words[n].group() not in lx.MONTHS_AND_DAYS
                )
            ):
                if current:
                    runs.append(tuple(current))
                current = []
                continue
            if current and (
                not joined
                # "Mr. Obama Thursday denied", "The Taliban Thursday claimed":
                # a day or a month after a name is no part of it.
                or (value in lx.MONTHS_AND_DAYS and value != "May")
            ):
                runs.append(tuple(current))
                current = []
            current.append(i)
        if current:
            runs.append(tuple(current))
        return runs

    def _after_particles(self, i: int) -> int:
        """The word after the particles from word ``i`` on: "Ann von der
        Marsh", "Ana de la Cruz" keep a chain of particles before a surname,
        one space apart."""
        words = self.words
        n = i + 1
        while (
            n < len(words)
            and words[n - 1].group() in lx.NAME_PARTICLES
            and words[n].group() in lx.NAME_PARTICLES
            and self.text[words[n - 1].end() : words[n].start()] == " "
        ):
            n += 1
        return n

    def _add_org_run(self, run: list[int]) -> None:
        words, text = self.words, self.text
        while run and (
            words[run[0]].group() in lx.COMMON_CAPS
            or words[run[0]].group() in lx.ORG_CONNECTORS
        ):
            run = run[1:]
        while run and words[run[-1]].group() in lx.ORG_CONNECTORS:
            # ("… of the Eastern District of Virginia and Assistant …".)
            run = run[:-1]
        keyword = max(
            (k for k, i in enumerate(run) if words[i].group() in lx.ORG_KEYWORDS),
            default=len(run) - 1,
        )
        if all(self._is_title(i) for i in run[keyword + 1 :]):
            # "Acme Logistics Center Director": the title after a body's
            # name is its head's, no word of the body's.
            run = run[: keyword + 1]
        if not run:
            return
        if len(run) == 1 and self._country_mention(run[0]):
            return
        value = " ".join(words[i].group() for i in run)
        if len(run) == 1 and value in self.acronyms:
            key = self.acronyms[value]
        else:
            s, e = words[run[0]].start(), words[run[-1]].end()
            last = words[run[-1]].group()
            # "U.N.": a dotted acronym's name keeps its last stop.
            dotted = "." in last and last.isupper() and text[e : e + 1] == "."
            # "the HMCS St. John's.": an "'s" that owns nothing is the name's.
            owns_nothing = bool(re.match(r"['\u2019]s(?=[.,;:!?)]|$)", text[e : e + 3]))
            key = self.org(text[s : e + dotted + 2 * owns_nothing])
        s, e = words[run[0]].start(), words[run[-1]].end()
        self.add_mention(s, e, ORGANISATION, key)
        # "European Space Agency (ESA)": the acronym is another of its names.
        m = ACRONYM_AFTER_RE.match(text, e)
        if m and m.group(1) not in self.acronyms:
            self.acronyms[m.group(1)] = key
            if m.group(1) not in self.orgs[key].aliases:
                self.orgs[key].aliases.append(m.group(1))
            self.add_mention(m.start(1), m.end(1), ORGANISATION, key)

    def _classify_run(self, run: tuple[int, ...]) -> None:
        words, text = self.words, self.text
        # "Defense Secretary Chuck Hagel and Israeli Defense Minister Ehud
        # Barak": two titled names joined by "and" are read one by one.
        # So are a name and a titled name ("opposition leader Jan Novak and
        # Deputy Trade Minister Ola Mensah"), and titled names of a state or
        # body ("President Ann Marsh of Kenya and President Ed Poe of Ghana").
        titled = [self._titled_name, self.titled_of_body]
        for k in range(1, len(run) - 1):
            if words[run[k]].group() == "and" and (
                (
                    any(is_titled(run[:k]) for is_titled in titled)
                    and any(is_titled(run[k + 1 :]) for is_titled in titled)
                )
                or (
                    k >= 2
                    and self._name_words(list(run[:k]))
                    and self._titled_name(run[k + 1 :])
                )
            ):
                self._classify_run(run[:k])
                self._classify_run(run[k + 1 :])
                return
        values = [words[i].group() for i in run]
        if any(v.lower() in lx.AGREEMENT_HEADS for v in values):
            return
        if len(run) > 1 and values[0].endswith("-based"):
            # "Nairobi-based Southlink Consultants": a body where it is based;
            # "London-based Jo Roe": a person.
            if any(v in lx.ORG_KEYWORDS for v in values[1:]):
                return self._add_org_run(list(run[1:]))
            return self._add_person_part(list(run[1:]), titled=True)
        start, end = words[run[0]].start(), words[run[-1]].end()
        named = next(
            (k for k, o in self.orgs.items() if o.name == text[start:end]), None
        )
        if named is not None and not re.search(
            # ("in Ostby, Halden Lakes": a place where it names one.)
            r"(?:,|\b(?:in|near|from|at|to))\s*$",
            text[max(0, start - 8) : start],
        ):
            # "People Without Borders has called …": a body the story named
            # before, by its whole name again.
            self.add_mention(start, end, ORGANISATION, named)
            return
        if (
            self._person_of_body(run)
            or self.title_to_body(run)
            or self.owned_office_then_name(run)
        ):
            return
        if GRADE_AFTER_RE.match(text, end) or any(
            m.end() == end for m in GRADE_QUALIFIED_RE.finditer(text, start, end + 16)
        ):
            # "Sonar Technician Surface 2nd Class Jo Roe": a rate, no name.
            return
        start, end = words[run[0]].start(), words[run[-1]].end()
        before = text[max(0, start - 30) : start]
        role_before = re.search(r"\b([a-z-]+) $", before)
        if not any(v in lx.ORG_KEYWORDS for v in values) and (
            role_before and role_before.group(1) in lx.ROLE_HEADS
        ):
            # "spokeswoman Captain Elizabeth Mathias": the rank is a title.
            if 0 < len(untitled := self._untitled(run)) < len(run):
                return self._add_person_part(untitled, titled=True)
            self.add_mention(start, end, PERSON, self.person(text[start:end]))
            return
        named = [v for v in values if v not in lx.COMMON_CAPS]
        if " ".join(named) in lx.REGIONS:
            # "a country in the Middle East, President Ahmadinejad": a
            # region is a place, whatever title follows it.
            return
        if values.count("and") == 1:
            # "stops in Japan, South Korea and China": two countries.
            k = values.index("and")
            if (
                " ".join(values[:k]) in lx.COUNTRY_NAMES
                and " ".join(values[k + 1 :]) in lx.COUNTRY_NAMES
            ):
                self._add_org_run(list(run[:k]))
                self._add_org_run(list(run[k + 1 :]))
                return
        if " ".join(named) in lx.COUNTRY_NAMES or (
            len(named) >= 3
            and named[-1] in lx.COUNTRY_NAMES
            and (named[-2] in lx.NAME_PARTICLES or named[-2] in lx.ORG_CONNECTORS)
        ):
            # "The United States said", "Électricité de France": a country,
            # or a body named after one, is no person.
            self._add_org_run(list(run))
            return
        acronym = self._acronym_heading(run)
        if acronym is not None:
            # "Stephen L. Johnson, EPA Administrator": the acronym is a body.
            self._add_org_run([acronym])
            return
        split = self._split_titled(run)
        if split:
            head, tail = split
            if head and not all(
                words[i].group() in lx.DEMONYMS or words[i].group() in lx.TITLE_WORDS
                for i in head
            ):
                if not self.department_heading(head):
                    self._add_org_run(head)
            self._add_person_part(tail, titled=True)
            return
        if (
            any(v in lx.ORG_KEYWORDS for v in values)
            # "President Donald Trump's budget director": a titled name
            # owning a role is a person's.
            or (
                self._org_context(start, end)
                and not (self._is_title(run[0]) and self._titled_name(run))
            )
            or self._named_as_org(named, start)
        ):
            self._add_org_run(list(run))
            return
        # A person: split at connectors, strip leading titles.
        parts, part = [], []
        for i in run:
            if words[i].group() in lx.ORG_CONNECTORS:
                parts.append(part)
                part = []
            else:
                part.append(i)
        parts.append(part)
        run_titled = False
        for part in parts:
            titled = False
            while part and (
                words[part[0]].group() in lx.COMMON_CAPS
                or self._is_title(part[0])
                or words[part[0]].group() in lx.DEMONYMS
                # "envoy for Syria Staffan de Mistura": a country names no one,
                # nor does "U.S." before a title ("U.S. Secretary of …").
                or (words[part[0]].group() in lx.COUNTRY_NAMES and len(part) > 2)
                or (
                    words[part[0]].group() in lx.COUNTRIES
                    and len(part) > 1
                    and self._is_title(part[1])
                )
                # "Assistant Secretary – Indian Affairs Kevin K. Roe".
                or (words[part[0]].group() in lx.PORTFOLIO_WORDS and len(part) > 2)
                # "Assistant Director in Charge Roe".
                or (words[part[0]].group() == "in" and self._is_title(part[0] + 1))
                or words[part[0]].group() in lx.MONTHS_AND_DAYS
                or (self._is_acronym(part[0]) and len(part) > 2)
            ):
                titled = titled or self._is_title(part[0])
                if words[part[0]].group() in lx.COUNTRY_NAMES and len(part) > 2:
                    # (The country is the post's: "envoy to Syria".)
                    self._add_org_run([part[0]])
                part = part[1:]
            if run_titled and not titled and len(part) >= 3:
                # The end of a title after "for"/"of" ("Secretary of
                # Commerce Carlos M. Gutierrez"), or a long one: "Assistant
                # Administrator for Enforcement and Compliance Assurance
                # Susan Bodine" names Susan Bodine.
                keep = 3 if len(words[part[-2]].group()) == 1 else 2
                part, titled = part[-keep:], True
            run_titled = run_titled or titled
            if (
                part
                and not titled
                and words[part[0] - 1].group() in ("for", "of")
                and any(words[i].group() in lx.PORTFOLIO_WORDS for i in part)
            ):
                # "Undersecretary of State for Political Affairs": the
                # title's portfolio, no one's name.
                continue
            self._add_person_part(part, titled)

    def _add_person_part(self, part: list[int], titled: bool) -> None:
        words, text = self.words, self.text
        while part and words[part[-1]].group() in lx.NAME_PARTICLES:
            part = part[:-1]
        if len(part) == 1 and titled and self._name_words(part):
            # "President Bush", "Dr. Orbach": resolved with the single words.
            self.titled_singles.append(part[0])
            return
        if len(part) == 1:
            # "Hagel and Barak agreed": read as single words (surnames).
            self.split_singles.append(part[0])
            return
        if (
            len(part) < 2
            or any(
                (self._is_acronym(i) and not self._initials(part, i, titled))
                or words[i].group() in lx.THING_WORDS
                for i in part
            )
            # "Camp Lorvik said": a place's first word opens no one's name.
            or words[part[0]].group() in lx.PLACE_OPENERS
        ):
            return
        s, e = words[part[0]].start(), words[part[-1]].end()
        if words[part[-1]].group() in ("Jr", "Sr") and text[e : e + 1] == ".":
            # "Jo Roe Jr.": the suffix keeps its stop.
            e += 1
        if titled or self._person_context(s, e) or self._initialled(part):
            self.add_mention(s, e, PERSON, self.person_named(text[s:e]))
        elif self._name_words(part) or self._title_surname(part):
            self.untyped_names.append((s, e))
