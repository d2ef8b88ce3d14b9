"""Building the corpus's registry: organisations (states and their
ministries, agencies and departments; outlets; companies; intergovernmental
bodies) and people with aliases and careers of dated roles."""

from __future__ import annotations

import datetime
import random

from .records import Human, Org, RoleSpan, _acronym, _pick, zipf_weights
from .words import (
    AGENCIES,
    ANALYST_FIELDS,
    ANALYST_KINDS,
    COMPANIES,
    DEPARTMENTS,
    INTERGOVERNMENTAL,
    MEDIA_GROUPS,
    MEDIA_OUTLETS,
    MINISTRIES,
    NAMES,
    NEWS_AGENCIES,
    OPEN_END,
    PROFESSIONS,
    REPORTER_TITLES,
    RESPELLINGS,
    STATES,
    TITLES,
)


class RegistryBuilder:
    """The registry part of ``Corpus``: these methods fill in its
    organisations and people."""

    def _stamp(self, rng: random.Random, record, *, not_before=None) -> None:
        created = not_before or self.archive_start - datetime.timedelta(
            seconds=rng.randint(0, 400 * 86400)
        )
        created = created.replace(microsecond=0)
        record.created_at = created
        if rng.random() < 0.6:
            record.updated_at = created
        else:
            span = int((self.now - created).total_seconds())
            record.updated_at = created + datetime.timedelta(
                seconds=rng.randint(0, max(0, span))
            )
            record.version = rng.randint(2, 4)

    def _org(
        self,
        rng,
        *,
        name,
        kind,
        country,
        parent,
        description,
        ref,
        family,
        state=None,
        adjective="",
        aliases=(),
        wikidata_share=0.5,
    ) -> Org:
        org = Org(
            index=len(self.organisations),
            name=name,
            kind=kind,
            country=country,
            parent=parent,
            description=description,
            ref=ref,
            family=family,
            state=state,
            adjective=adjective,
        )
        folded = {name.casefold()}
        for alias in aliases:
            if alias and alias.casefold() not in folded:
                folded.add(alias.casefold())
                org.aliases.append(alias)
        org.slug = self.slugs["organisation"](name)
        org.wikidata_id = self.wikidata["organisation"](rng, wikidata_share)
        self._stamp(rng, org)
        self.organisations.append(org)
        return org

    def _organisations(self, rng: random.Random) -> None:
        self.states: list[Org] = []
        self.state_orgs: dict[Org, list[Org]] = {}
        self.name_groups: dict[Org, str] = {}
        for name, code, adjective, ref, group in STATES[: self.state_count]:
            state = self._org(
                rng,
                name=name,
                kind="state",
                country=code,
                parent=None,
                description=f"Sovereign state ({name})",
                ref=ref,
                family="state",
                adjective=adjective,
                aliases=[code, f"{adjective} government"],
                wikidata_share=0.9,
            )
            state.state = state
            self.states.append(state)
            self.name_groups[state] = group
        for state in self.states:
            adjective, code = state.adjective, state.country
            members: list[Org] = []
            for area, short in rng.sample(MINISTRIES, rng.randint(3, 5)):
                ministry = self._org(
                    rng,
                    name=f"{adjective} Ministry of {area}",
                    kind="government_body",
                    country=code,
                    parent=state,
                    description=f"The ministry of {area.lower()} of {state.ref}",
                    ref=f"the {adjective} Ministry of {area}",
                    family="ministry",
                    state=state,
                    aliases=[f"{state.name} {short}", f"Ministry of {area}"],
                )
                members.append(ministry)
                for department in rng.sample(DEPARTMENTS, rng.randint(0, 3)):
                    members.append(
                        self._org(
                            rng,
                            name=f"{department} of the {ministry.name}",
                            kind="government_body",
                            country=code,
                            parent=ministry,
                            description=f"Part of the {ministry.name}",
                            ref=f"the {department} of the {ministry.name}",
                            family="government_body",
                            state=state,
                            wikidata_share=0.1,
                        )
                    )
            for agency, _ in rng.sample(AGENCIES, rng.randint(1, 3)):
                name = f"{adjective} {agency}"
                members.append(
                    self._org(
                        rng,
                        name=name,
                        kind="agency",
                        country=code,
                        parent=state,
                        description=f"The {agency.lower()} of {state.ref}",
                        ref=f"the {name}",
                        family="agency",
                        state=state,
                        aliases=[_acronym(name)],
                        wikidata_share=0.7,
                    )
                )
            self.state_orgs[state] = members
        # What a story about a state may be about: the state, a ministry or
        # an agency (a department makes a poor headline).
        self.state_topics = {
            state: [m for m in members if m.family != "government_body"]
            for state, members in self.state_orgs.items()
        }

        # News agencies (some state-owned) and outlets (some in media groups).
        self.outlets: list[Org] = []
        for name in NEWS_AGENCIES[: max(3, self.state_count // 3)]:
            state = rng.choice(self.states)
            owned = rng.random() < 0.5
            self.outlets.append(
                self._org(
                    rng,
                    name=name,
                    kind="news_agency",
                    country=state.country,
                    parent=state if owned else None,
                    description=(
                        f"{'State' if owned else 'Independent'} news agency "
                        f"based in {state.ref}"
                    ),
                    ref=name if name.startswith("Continental") else f"the {name}",
                    family="",
                    state=state,
                    aliases=[_acronym(name)],
                    wikidata_share=0.7,
                )
            )
        groups = [
            self._org(
                rng,
                name=name,
                kind="company",
                country=rng.choice(self.states).country,
                parent=None,
                description="Media company",
                ref=name,
                family="",
                aliases=[_acronym(name)],
            )
            for name in MEDIA_GROUPS[: max(2, self.state_count // 10)]
        ]
        for name in MEDIA_OUTLETS[: max(6, self.state_count * 2 // 3)]:
            state = rng.choice(self.states)
            bare = name.removeprefix("The ")
            self.outlets.append(
                self._org(
                    rng,
                    name=name,
                    kind="media_outlet",
                    country=state.country,
                    parent=rng.choice(groups) if rng.random() < 0.4 else None,
                    description=f"Newspaper, broadcaster or website in {state.ref}",
                    ref=name if name == bare else f"the {bare}",
                    family="",
                    state=state,
                    aliases=[bare] if bare != name else [],
                )
            )
        # Outlets are chosen by a heavy tail too: a few dominate.
        rng.shuffle(self.outlets)

        self.companies: list[Org] = []
        for name in COMPANIES[: max(5, self.state_count // 2)]:
            state = rng.choice(self.states)
            owned = rng.random() < 0.3
            self.companies.append(
                self._org(
                    rng,
                    name=name,
                    kind="company",
                    country=state.country,
                    parent=state if owned else None,
                    description=f"{'State-owned c' if owned else 'C'}ompany in "
                    f"{state.ref}",
                    ref=name,
                    family="company",
                    state=state,
                    aliases=[f"{name} Ltd"],
                )
            )
        self.intergovernmental: list[Org] = []
        for name, acronym in INTERGOVERNMENTAL[: max(3, self.state_count // 6)]:
            self.intergovernmental.append(
                self._org(
                    rng,
                    name=name,
                    kind="intergovernmental",
                    country="",
                    parent=None,
                    description="Intergovernmental body",
                    ref=f"the {name}",
                    family="intergovernmental",
                    aliases=[acronym],
                    wikidata_share=0.8,
                )
            )

    def _name(self, rng: random.Random, group: str, used: set[str]) -> tuple[str, str]:
        given, surnames, surname_first = NAMES[group]
        name = surname = ""
        for attempt in range(40):
            first, surname = rng.choice(given), rng.choice(surnames)
            if attempt >= 4:
                # Plenty of people share a name; a middle initial tells
                # them apart.
                first = f"{first} {rng.choice('ABCDEFGHIJKLMNOPRSTVW')}."
            name = f"{surname} {first}" if surname_first else f"{first} {surname}"
            if name.casefold() not in used:
                break
        used.add(name.casefold())
        return name, surname

    def _aliases(self, rng: random.Random, name: str, surname: str, group: str):
        candidates = []
        if rng.random() < 0.7:
            candidates.append(surname)
        for old, new in RESPELLINGS:
            if old in name:
                if rng.random() < 0.8:
                    candidates.append(name.replace(old, new))
                break
        words = name.split()
        if NAMES[group][2] and len(words) == 2 and rng.random() < 0.5:
            candidates.append(f"{words[1]} {words[0]}")  # Western order
        elif len(words) >= 2 and rng.random() < 0.3:
            candidates.append(f"{words[0][0]}. {words[-1]}")
        aliases, folded = [], {name.casefold()}
        for alias in candidates:
            if alias.casefold() not in folded:
                folded.add(alias.casefold())
                aliases.append(alias)
        return aliases

    def _people(self, rng: random.Random) -> None:
        used: set[str] = set()
        holders: dict[tuple[int, str], list[tuple[int, int]]] = {}
        start_ordinal = self.archive_start.date().toordinal()
        self.speakers: list[Human] = []
        for _ in range(self.speaker_count):
            home = rng.choice(self.states)
            group = self.name_groups[home]
            name, surname = self._name(rng, group, used)
            person = Human(
                index=len(self.people),
                name=name,
                surname=surname,
                description="",
                home=home,
            )
            person.aliases = self._aliases(rng, name, surname, group)
            if rng.random() < 0.1:
                person.description = (
                    f"{home.adjective} {rng.choice(ANALYST_FIELDS)} "
                    f"{rng.choice(ANALYST_KINDS)}"
                )
            else:
                self._career(rng, person, home, holders, start_ordinal)
                family = person.roles[-1].org.family
                person.description = f"{home.adjective} {PROFESSIONS[family]}"
            self._register_person(rng, person)
            self.speakers.append(person)

        self.reporters: list[Human] = []
        self.outlet_reporters: dict[Org, list[Human]] = {o: [] for o in self.outlets}
        for k in range(self.reporter_count):
            outlet = (
                self.outlets[k]
                if k < len(self.outlets)
                else self.outlets[_pick(rng, zipf_weights(len(self.outlets), 1.0))]
            )
            group = self.name_groups.get(outlet.state, "anglo")
            name, surname = self._name(rng, group, used)
            person = Human(
                index=len(self.people),
                name=name,
                surname=surname,
                description=f"Journalist at {outlet.name}",
                outlet=outlet,
            )
            person.aliases = self._aliases(rng, name, surname, group)
            start = start_ordinal - rng.randint(0, 3000)
            person.roles.append(
                RoleSpan(start, OPEN_END, outlet, rng.choice(REPORTER_TITLES))
            )
            self._register_person(rng, person)
            self.reporters.append(person)
            self.outlet_reporters[outlet].append(person)

    def _register_person(self, rng: random.Random, person: Human) -> None:
        person.slug = self.slugs["person"](person.name)
        person.wikidata_id = self.wikidata["person"](rng, 0.4)
        self._stamp(rng, person)
        self.people.append(person)

    def _career(self, rng, person: Human, home: Org, holders, start_ordinal) -> None:
        """One to four roles, one after the other, never overlapping; most
        careers run to today."""
        if rng.random() < 0.15:
            pool = self.companies if rng.random() < 0.6 else self.intergovernmental
        else:
            pool = [home, *self.state_orgs[home]]
        start = start_ordinal - rng.randint(0, 8 * 365)
        count = rng.choice((1, 2, 2, 3, 3, 4))
        for k in range(count):
            org = rng.choice(pool)
            titles = TITLES[org.family]
            length = rng.randint(2 * 365, 8 * 365)
            end = start + length - 1
            last = k == count - 1 or end >= self.as_of_ordinal
            if last and (end >= self.as_of_ordinal or rng.random() < 0.75):
                end = OPEN_END
            title = None
            for _ in range(6):
                title, single = rng.choice(titles)
                if "{other}" in title:
                    other = rng.choice([s for s in self.states if s is not home])
                    title = title.format(other=other.name)
                if not single:
                    break
                spans = holders.setdefault((org.index, title), [])
                if all(end < s or start > e for s, e in spans):
                    spans.append((start, end))
                    break
            else:
                title = titles[-1][0]  # never a single-holder title
            unknown_start = k == 0 and rng.random() < 0.1
            person.roles.append(
                RoleSpan(0 if unknown_start else start, end, org, title)
            )
            if end == OPEN_END or end >= self.as_of_ordinal:
                break
            start = end + 1 + (rng.randint(1, 200) if rng.random() < 0.25 else 0)
            if start > self.as_of_ordinal:
                break
