"""Names in the text: registry matches, capitalised runs read as people or
organisations, and surnames of people named in full."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import (
    CUE_RE,
    Mention,
)
from .gazetteer import AGREEMENT, ORGANISATION, PERSON, WORD_RE
from .results import (
    ProposedOrganisation,
    ProposedPerson,
    existing_ref,
)
from .text import (
    is_cap,
    slugify,
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
        for match in self.gaz.match(text, words):
            if match.type == PERSON:
                key = self.person(match.entity.name, match.entity)
            elif match.type == ORGANISATION:
                key = self.org(match.entity.name, match.entity)
            else:
                key = self.agreement(match.entity.name, match.entity)
            self.add_mention(match.start, match.end, match.type, key)
        runs = self._capitalised_runs()
        singles = []
        for run in runs:
            if len(run) == 1:
                singles.append(run)
                continue
            self._classify_run(run)
        # Single capitalised words: a partial name of someone named in full
        # ("Hanhui", "Dubrov"), or an organisation by its context.
        surnames: dict[str, list[str]] = {}
        for key, person in self.people.items():
            for part in WORD_RE.findall(person.name):
                if is_cap(part):
                    surnames.setdefault(part, []).append(key)
        for (i,) in singles:
            word = words[i]
            if i in self.covered:
                continue
            if word.group() in surnames:
                keys = surnames[word.group()]
                self.add_mention(
                    word.start(), word.end(), PERSON, self._nearest(keys, word.start())
                )
            elif self._org_context(word.start(), word.end(), single=True):
                self.add_mention(
                    word.start(), word.end(), ORGANISATION, self.org(word.group())
                )
        self.mentions.sort(key=lambda m: m.start)

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

    def _capitalised_runs(self) -> list[tuple[int, ...]]:
        """Runs of adjacent capitalised words (with name particles and, for
        organisations, "of"/"for"/"and" between them) outside known names."""
        runs, current = [], []
        text, words = self.text, self.words
        for i, word in enumerate(words):
            value = word.group()
            joined = current and text[words[current[-1]].end() : word.start()] == " "
            if i in self.covered or not (
                is_cap(value)
                or (
                    joined
                    and (value in lx.NAME_PARTICLES or value in lx.ORG_CONNECTORS)
                    and i + 1 < len(words)
                    and is_cap(words[i + 1].group())
                )
            ):
                if current:
                    runs.append(tuple(current))
                current = []
                continue
            if current and not joined:
                runs.append(tuple(current))
                current = []
            current.append(i)
        if current:
            runs.append(tuple(current))
        return runs

    def _classify_run(self, run: tuple[int, ...]) -> None:
        words, text = self.words, self.text
        values = [words[i].group() for i in run]
        if any(v.lower() in lx.AGREEMENT_HEADS for v in values):
            return
        start, end = words[run[0]].start(), words[run[-1]].end()
        before = text[max(0, start - 30) : start]
        role_before = re.search(r"\b([a-z-]+) $", before)
        if not any(v in lx.ORG_KEYWORDS for v in values) and (
            role_before and role_before.group(1) in lx.ROLE_HEADS
        ):
            self.add_mention(start, end, PERSON, self.person(text[start:end]))
            return
        if any(v in lx.ORG_KEYWORDS for v in values) or self._org_context(start, end):
            # Drop a leading common word ("The Dairy Farmers …").
            while run and (
                words[run[0]].group() in lx.COMMON_CAPS | lx.DEMONYMS
                or words[run[0]].group() in lx.ORG_CONNECTORS
            ):
                run = run[1:]
            if len(run) >= 1:
                s, e = words[run[0]].start(), words[run[-1]].end()
                self.add_mention(s, e, ORGANISATION, self.org(text[s:e]))
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
        for part in parts:
            titled = False
            while part and (
                words[part[0]].group() in lx.COMMON_CAPS
                or words[part[0]].group() in lx.TITLE_WORDS
                or words[part[0]].group() in lx.DEMONYMS
                or words[part[0]].group().lower() in lx.ROLE_HEADS
                or words[part[0]].group() in lx.MONTHS_AND_DAYS
            ):
                titled = (
                    titled
                    or words[part[0]].group() in lx.TITLE_WORDS
                    or (words[part[0]].group().lower() in lx.ROLE_HEADS)
                )
                part = part[1:]
            while part and words[part[-1]].group() in lx.NAME_PARTICLES:
                part = part[:-1]
            if len(part) < 2 or any(words[i].group().isupper() for i in part):
                continue
            s, e = words[part[0]].start(), words[part[-1]].end()
            if titled or self._person_context(s, e):
                self.add_mention(s, e, PERSON, self.person(text[s:e]))

    def _person_context(self, start: int, end: int) -> bool:
        text = self.text
        left = text[max(0, start - 80) : start]
        right = text[end : end + 80]
        prev = WORD_RE.findall(left[-40:])
        if prev and prev[-1].lower() in lx.ROLE_HEADS and left.endswith(prev[-1] + " "):
            return True
        if re.search(r"\b[Aa]ccording to\s+$", left):
            return True
        if re.search(r",\s*$", left) and prev and prev[-1].lower() in lx.ROLE_HEADS:
            return True
        m = CUE_RE.match(right.lstrip(" ,"))
        if m and m.group("verb") in lx.SPEECH_VERBS:
            return True
        m = re.search(r"\b(\w+)\s+$", left)
        if m and m.group(1) in lx.SPEECH_VERBS:
            return True
        appos = re.match(r",\s+([^,.;]{2,80})", right)
        if appos and any(
            w.lower() in lx.ROLE_HEADS for w in WORD_RE.findall(appos.group(1))[:8]
        ):
            return True
        return False
