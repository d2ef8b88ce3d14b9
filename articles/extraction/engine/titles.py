"""Titles and name words in a capitalised run: which words are titles or
acronyms, which can be a person's name, and where a title ends and the name
begins ("NASA Administrator Charles Bolden", "Secretary of Commerce Carlos
M. Gutierrez")."""

from __future__ import annotations

import re

from . import lexicon as lx
from .gazetteer import ORGANISATION
from .offices import DEPARTMENT_RE
from .text import is_cap

# Titles held for a place, whose "of" names a state or a city ("Senator Jo
# Roe of New York"), not a body.
_PLACE_TITLES = frozenset(
    """
    Senator Sen Representative Rep Governor Gov Mayor Congressman Congresswoman
    Assemblyman Assemblywoman Councillor Councilman Councilwoman Delegate
    Bishop Archbishop Cardinal Judge Sheriff Lord Lady Duke Duchess Prince
    Princess King Queen
    """.split()
)

_PLACE_EXECUTIVES = frozenset("Governor Gov Mayor".split())

# Titles held towards a body or a state, named after "to" ("Ambassador to
# the United Nations", "Special Envoy to Sudan").
TITLES_TO = frozenset(
    "Ambassador Envoy Representative Delegate Adviser Advisor Liaison".split()
)

# A title of capitalised words and connectors, possessives among them.
LONG_TITLE_RE = re.compile(
    r"\s+(?:(?:[A-Z][\w.&'\u2019-]*|of|for|and|the|on|to|[\u2013\u2014-])\s+){1,16}"
)


class Titles:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def post_between(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is " for " or " to " and a body's or
        state's name, all of it one organisation's mention."""
        m = re.match(r"\s+(?:for|to)\s+(?:the\s+)?", self.text[start:end])
        body = self.mention_ending(end - 1, ORGANISATION)
        return bool(m) and body is not None and body.start == start + m.end()

    def long_title(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is a title's words only."""
        return LONG_TITLE_RE.fullmatch(self.text, start, end) is not None

    def title_link(self, before: int, i: int) -> bool:
        """Whether word ``i``, "to" or "the", links the title before it to
        the capitalised body after it: "Ambassador to (the)", "Secretary of
        the", "Envoy for the"."""
        words = self.words
        value, prev = words[i].group(), words[before].group()
        if i + 2 >= len(words):
            return False
        after = words[i + 1].group()
        if after == "the" and value in ("of", "for", "to"):
            # "Secretary of the Navy": "of" joins when "the" follows it.
            after = words[i + 2].group()
        if not is_cap(after):
            return False
        if value == "in":
            # "Special Agent in Charge Jo Roe".
            return after == "Charge" and prev in lx.TITLE_WORDS
        if value in ("of", "for", "to"):
            return prev in TITLES_TO or (value != "to" and prev in lx.TITLE_WORDS)
        return value == "the" and before > 0 and self.title_link(before - 1, before)

    def owned_office_then_name(self, run: tuple[int, ...]) -> bool:
        """ "Deputy Administrator for EPA's Office of Water Jo Roe": a title
        before a body's possessive, whose office's name runs up to the
        name: the office, and the titled name."""
        words = self.words
        first = words[run[0]].start()
        before = self.text[max(0, first - 60) : first]
        if not re.search(r"[A-Z][\w.&-]*['\u2019]s $", before) or not any(
            w in lx.TITLE_WORDS for w in re.findall(r"[A-Z]\w+", before)
        ):
            return False
        keep = 3 if len(run) > 4 and len(words[run[-2]].group()) == 1 else 2
        body, name = list(run[:-keep]), list(run[-keep:])
        if not (
            body
            and self._name_words(name)
            and any(words[i].group() in lx.ORG_KEYWORDS for i in body)
        ):
            return False
        self._add_org_run(body)
        self._add_person_part(name, titled=True)
        return True

    def title_to_body(self, run: tuple[int, ...]) -> bool:
        """A title, "to" or "of the" and a body before a name, read as one
        run ("U.S. Ambassador to the United Nations Jo Roe", "Secretary of
        the Navy Jo Roe"): the body and the titled name. "Secretary of
        Commerce Jo Roe", with no "to" or "the", is read as any title is."""
        words = self.words
        values = [words[i].group() for i in run]
        k = next(
            (
                k
                for k in range(1, len(run) - 2)
                if (
                    values[k] in ("to", "the")
                    or (values[k] == "for" and values[k - 1] in TITLES_TO)
                )
                and self.title_link(run[k - 1], run[k])
            ),
            None,
        )
        if k is None:
            return False
        if values[k] in ("to", "for") and values[k + 1] == "the":
            k += 1
        body = list(run[k + 1 :])
        if any(v in ("to", "the") for v in values[k + 1 :]):
            return False
        keep = 3 if len(body) > 3 and len(values[-2]) == 1 else 2
        name, body = body[-keep:], body[:-keep]
        if body and words[body[-1]].group() in lx.ORG_CONNECTORS:
            # "… Committee on Foreign Relations": the body's own words.
            body, name = body + name, []
        if any(words[i].group() in lx.ORG_CONNECTORS for i in body) and not any(
            words[i].group() in lx.ORG_KEYWORDS for i in body
        ):
            return False
        if not body or not self._name_words(name):
            # "Kenya's Ambassador to the United Nations, Jo Roe": the title
            # and its body, with the name after a comma.
            body, name = body + name, []
        head = [i for i in run[: k - 1] if words[i].group() not in ("of", "for", "the")]
        while head and (
            self._is_title(head[-1]) or words[head[-1]].group() in lx.TITLE_MODIFIERS
        ):
            head = head[:-1]
        if head and not all(words[i].group() in lx.DEMONYMS for i in head):
            self._add_org_run(head)
        if not all(self._is_title(i) for i in body):
            # ("Secretary of the Air Force": a service the title reads.)
            self._add_org_run(body)
        if name:
            self._add_person_part(name, titled=True)
        return True

    def _is_title(self, i: int) -> bool:
        value = self.words[i].group()
        # "Administrator-designate", "President-elect", "Agent-in-Charge".
        value = re.sub(r"-(?:designate|elect|in-[Cc]harge|at-[Ll]arge)$", "", value)
        if value == "Charge" and i and self.words[i - 1].group() == "in":
            # "Special Agent in Charge Jo Roe".
            return True
        if value == "Corps" and (i == 0 or self.words[i - 1].group() != "Marine"):
            # "Marine Corps Gen. Jo Roe", but "Peace Corps Director Jo Roe".
            return False
        return (
            value in lx.TITLE_WORDS
            or (value in lx.PORTFOLIO_WORDS and self._portfolio(i))
            or (value.lower() in lx.ROLE_HEADS and value not in lx.ORG_KEYWORDS)
        )

    def _portfolio(self, i: int) -> bool:
        """Whether the portfolio word ``i`` is in a minister's title: a
        minister's head follows it in its run of capitalised words and
        connectors ("Welfare Minister", "Social Affairs and Housing
        Minister"), not a body's name ("Harlow Youth Orchestra")."""
        words = self.words
        for j in range(i + 1, min(i + 6, len(words))):
            value = words[j].group()
            if value in lx.PORTFOLIO_HEADS:
                return True
            if not (is_cap(value) or value in ("and", "&")):
                return False
            if self.text[words[j - 1].end() : words[j].start()].strip():
                return False
        return False

    def _is_acronym(self, i: int) -> bool:
        value = self.words[i].group().replace(".", "")
        return (
            len(value) >= 2
            and value.isupper()
            and value.isalpha()
            # "John D. Rockefeller IV": a generation, not an acronym.
            and not (
                value in lx.NAME_SUFFIXES and i and is_cap(self.words[i - 1].group())
            )
        )

    def _acronym_heading(self, run: tuple[int, ...]) -> int | None:
        """The acronym that opens a run of titles ("EPA Administrator"), or
        of a programme's words before a lower-case role ("The ESA Program
        manager for the station": the role is the programme's, the body
        the acronym's), as the index of its word; else None."""
        words = self.words
        k = 0
        while k < len(run) - 1 and words[run[k]].group() in lx.COMMON_CAPS:
            k += 1
        if len(run) - k < 2 or not self._is_acronym(run[k]):
            return None
        rest = run[k + 1 :]
        if not k and all(self._is_title(i) for i in rest):
            return run[k]
        after = words[rest[-1] + 1].group() if rest[-1] + 1 < len(words) else ""
        if (
            after.islower()
            and after in lx.ROLE_HEADS
            and all(words[i].group() in lx.PROGRAMME_WORDS for i in rest)
        ):
            return run[k]
        return None

    def person_named(self, name: str) -> str:
        """The person ``name`` stands for: one named before whose name ends
        in it, with a particle capitalised to open a sentence ("Staffan de
        Mistura … De Mistura says"), else a person of that name."""
        words = name.split()
        if len(words) > 1 and words[0].lower() in lx.NAME_PARTICLES:
            tail = " ".join([words[0].lower(), *words[1:]])
            for key, person in self.people.items():
                if person.name.endswith(" " + tail):
                    return key
        return self.person(name)

    def _untitled(self, run: tuple[int, ...]) -> list[int]:
        """``run`` without the titles it opens with ("Captain", "Lt. Col.")."""
        k = 0
        while k < len(run) and self._is_title(run[k]):
            k += 1
        return list(run[k:])

    def _name_words(self, part: list[int]) -> bool:
        """Whether ``part`` can be a person's name: capitalised words and
        initials, no acronym, title or organisation word."""
        return (
            1 <= len(part) <= 5
            and not any(
                self._is_acronym(i)
                # ("Hassan Sheikh Mohamud": "Sheikh" inside a name is its.)
                or (self._is_title(i) and not (k and self.words[i].group() == "Sheikh"))
                or self.words[i].group() in lx.ORG_KEYWORDS
                or self.words[i].group() in lx.ORG_CONNECTORS
                or (
                    self.words[i].group() in lx.COMMON_CAPS
                    # ("Mary A. Roe": an initial, not the article.)
                    and not (
                        len(self.words[i].group()) == 1
                        and self.text[self.words[i].end() : self.words[i].end() + 1]
                        == "."
                    )
                )
                or self.words[i].group() in lx.THING_WORDS
                for k, i in enumerate(part)
            )
        )

    def _title_surname(self, part: list[int]) -> bool:
        """ "Jo King", "Ola Bishop": a title's word after a given name, with
        no name after it, is a surname (a title stands before its name)."""
        first = [self.words[i].group() for i in part[:-1]]
        return (
            2 <= len(part) <= 3
            and self._name_words(part[:-1])
            and self.words[part[-1]].group() in lx.TITLE_WORDS
            and self.words[part[-1]].group() not in lx.ORG_KEYWORDS
            and self.words[part[-1]].group() not in lx.ABBREVIATED_TITLES
            and not any(w in lx.DEMONYMS or w in lx.COUNTRIES for w in first)
        )

    def _split_titled(self, run: tuple[int, ...]):
        """A run that is an organisation, a title and a name ("NASA
        Administrator Charles Bolden", "European Space Agency Director
        General Josef Aschbacher", "U.S. Trade Representative Susan C.
        Schwab"): (the organisation's words, the name's words), or None."""
        words = self.words
        keep = 3 if len(run) > 3 and len(words[run[-2]].group()) == 1 else 2
        tail = list(run[-keep:])
        title = self.text[words[run[0]].start() : words[tail[0]].start()]
        if (
            len(run) > keep
            and DEPARTMENT_RE.search(title)
            and self._name_words(tail)
            # ("… of State for Political Affairs": a title's end, no name.)
            and words[run[-keep - 1]].group() not in lx.ORG_CONNECTORS
            and not any(words[i].group() in lx.PORTFOLIO_WORDS for i in tail)
        ):
            # "Assistant Secretary of Commerce for Economic Development Jo
            # Roe": a cabinet title, whatever follows it, before the name
            # (the department is read from the title, not a body here).
            return [], tail
        for j in range(len(run) - 2, 0, -1):
            if (
                words[run[j]].group() == "Sheikh"
                and self._name_words([run[j - 1]])
                and any(self._is_title(i) for i in run[: j - 1])
            ):
                # "Somali President Hassan Sheikh Mohamud".
                continue
            if not (
                self._is_title(run[j])
                # "White House Chief of Staff Di Hart": a title's modifier
                # after "of" ends the title.
                or (
                    j > 1
                    and words[run[j]].group() in lx.TITLE_MODIFIERS
                    and words[run[j - 1]].group() == "of"
                    and self._is_title(run[j - 2])
                )
            ):
                continue
            tail = list(run[j + 1 :])
            if not self._name_words(tail):
                return None
            values = [words[i].group() for i in run[:j]]
            k = next(
                (k for k in range(j) if " ".join(values[k:]) in lx.CABINET_DEPARTMENTS),
                None,
            )
            if k is not None:
                # "Housing and Urban Development Secretary Jo Roe": the
                # department's name, whatever words of a title it holds.
                return list(run[max(0, k - (values[k - 1 : k] == ["U.S"])) : j]), tail
            t0 = j
            while t0 > 0 and (
                self._is_title(run[t0 - 1])
                or (
                    words[run[t0 - 1]].group() == "in"
                    and words[run[t0]].group() == "Charge"
                )
                or words[run[t0 - 1]].group() in lx.TITLE_MODIFIERS
                or (
                    words[run[t0 - 1]].group() in lx.ORG_CONNECTORS
                    and t0 > 1
                    and self._is_title(run[t0 - 2])
                )
            ):
                t0 -= 1
            head = list(run[:t0])
            # "Department of Energy Secretary": "Energy" names the department.
            while (
                head
                and words[head[-1]].group() in lx.ORG_CONNECTORS
                and words[head[-1]].group() != "and"
                and t0 < j
            ):
                head.append(run[t0])
                t0 += 1
            while head and (
                words[head[0]].group() in lx.COMMON_CAPS
                # "Deputy U.S. Trade Representative": a title before the body.
                or (len(head) > 1 and self._is_title(head[0]))
            ):
                head = head[1:]
            if head and all(words[i].group() in lx.RANK_OPENERS for i in head):
                # "Command Sgt. Maj. Jo Roe", "Master Gunnery Sgt. Jo Roe":
                # the words opening a rank, no body.
                return [], tail
            while len(head) > 1 and words[head[-1]].group() in lx.COMPASS:
                # "EPA Pacific Southwest Regional Administrator": the region
                # the office covers is no word of the body's name.
                head = head[:-1]
            opened = any(words[i].group() not in lx.COMMON_CAPS for i in run[:t0])
            if not head and (opened or len(tail) < 2):
                # (A sentence's first word before the title, "But Navy Capt.
                # Jo Roe said", opens nothing.)
                return None
            if head and all(
                words[i].group() in lx.SERVICE_WORDS for i in run[t0 : j + 1]
            ):
                # "Combined Task Force Nordmark", "Joint Force Ruritania": a
                # service's word with no rank after it ends a body's name,
                # it titles no one ("Air Force Capt. Jo Roe" has a rank).
                return None
            # With no head, every word before the name is a title ("Army
            # Spc. Ola Mensah"), even one that also names an organisation.
            return head, tail
        return None

    def _titled_name(self, part: tuple[int, ...]) -> bool:
        """Whether ``part`` ends in a name after a title ("Defense Secretary
        Chuck Hagel", "Secretary of Commerce Carlos M. Gutierrez")."""
        if self._split_titled(part):
            return True
        return any(
            len(part) > n
            and self._name_words(list(part[-n:]))
            and any(self._is_title(i) for i in part[:-n])
            for n in (2, 3, 4)
        )

    def _initialled(self, part: list[int]) -> bool:
        """A given name, a middle initial and a surname ("George W. Bush")
        is a person's name wherever it stands."""
        words = self.words
        return (
            len(part) == 3
            and self._name_words(part)
            and len(words[part[1]].group()) == 1
            and words[part[1]].group().isupper()
            and self.text[words[part[1]].end() : words[part[1]].end() + 1] == "."
            and len(words[part[0]].group()) > 1
            and words[part[0]].group()[1:].islower()
            and words[part[2]].group()[1:].islower()
        )

    def _org_name(self, word) -> str:
        """A single word's organisation name; a dotted acronym keeps its
        last stop ("U.N.")."""
        value = word.group()
        if (
            "." in value
            and value.isupper()
            and self.text[word.end() : word.end() + 1] == "."
        ):
            return value + "."
        return value

    def _place_in_a_name(self, match) -> bool:
        """A state's name or capital the registry knows, standing first in
        a longer body's name ("Accra Policy Institute", "Kenya Airways"): the
        body is named, not the state."""
        if match.type != ORGANISATION or match.entity.kind != "state":
            return False
        m = re.match(r" ((?:[A-Z][\w&-]*\s){0,3}[A-Z][\w&-]*)", self.text[match.end :])
        if m and m.group(1).split()[-1] in lx.ORG_KEYWORDS:
            return True
        # "Dairy Farmers of Canada": last, after "of" and words of no title.
        m = re.search(
            r"(?<![\w-])((?:[A-Z][\w&-]*\s){1,3})of $", self.text[: match.start]
        )
        named = [
            w for w in (m.group(1).split() if m else []) if w not in lx.COMMON_CAPS
        ]
        return bool(named) and not any(
            w in lx.TITLE_WORDS or w.lower() in lx.ROLE_HEADS for w in named
        )

    def _titled_surname(self, part: tuple[int, ...]) -> bool:
        """Titles and one name word: "President Marsh", "Dr. Roe"."""
        return (
            len(part) >= 2
            and all(self._is_title(i) for i in part[:-1])
            and self._name_words([part[-1]])
        )

    def titled_of_body(self, part: tuple[int, ...]) -> bool:
        """Whether ``part`` is a titled name, "of" and the state or body it
        is of ("President Ann Marsh of Kenya", "Chair Jo Roe of Acme
        Corporation"), as ``_person_of_body`` reads it."""
        words = self.words
        k = next(
            (k for k in range(2, len(part) - 1) if words[part[k]].group() == "of"),
            None,
        )
        if k is None or not (
            self._titled_name(part[:k]) or self._titled_surname(part[:k])
        ):
            return False
        body = [words[i].group() for i in part[k + 1 :]]
        return (
            " ".join(body) in lx.COUNTRY_NAMES
            or any(v in lx.ORG_KEYWORDS for v in body)
            or (len(body) == 1 and self._is_acronym(part[-1]))
        )

    def _person_of_body(self, run: tuple[int, ...]) -> bool:
        """A name, "of" and the body or country it is of, read as one run
        ("Prime Minister John Howard of Australia said", "Jo Roe of NASA
        said", "Jo Roe of Acme Corporation told"): the person, and the body
        as an organisation, when the run is a titled name or stands before
        a verb of saying."""
        words = self.words
        k = next(
            (k for k in range(2, len(run) - 1) if words[run[k]].group() == "of"),
            None,
        )
        if k is None or "of" in (words[i].group() for i in run[k + 1 :]):
            return False
        name, body = run[:k], list(run[k + 1 :])
        body_values = [words[i].group() for i in body]
        titled = self._titled_name(name) or self._titled_surname(name)
        start, end = words[name[0]].start(), words[body[-1]].end()
        # "Chair Brian Sohn of First Solar announced": names after a titled
        # name and "of", before a verb of saying, are no second person; a
        # body, unless the title is held for a place ("Senator Jo Roe of New
        # York said") or they name a region.
        named_of = (
            titled
            and len(body) >= 2
            and self._name_words(body)
            and self._person_context(start, end)
        )
        if (
            titled
            and any(words[i].group() in _PLACE_EXECUTIVES for i in name)
            and all(is_cap(v) for v in body_values)
        ):
            # "Governor Jo Roe of Ohio" heads its government, as "Ohio
            # Governor Jo Roe" does; a senator's seat speaks for no one.
            self._add_org_run(body)
            self._classify_run(name)
            return True
        if named_of and (
            any(words[i].group() in _PLACE_TITLES for i in name)
            or " ".join(body_values) in lx.REGIONS
        ):
            self._classify_run(name)
            return True
        if not (
            " ".join(body_values) in lx.COUNTRY_NAMES
            or any(v in lx.ORG_KEYWORDS for v in body_values)
            or (len(body) == 1 and self._is_acronym(body[0]))
            or named_of
        ):
            return False
        if not (
            titled
            or (self._name_words(list(name)) and self._person_context(start, end))
        ):
            return False
        self._add_org_run(body)
        if titled:
            self._classify_run(name)
        else:
            self._add_person_part(list(name), titled=True)
        return True


def title_of(words, i: int) -> bool:
    """Whether word ``i`` is the "of" of a title before a name, or "the"
    after it ("Secretary of the Navy")."""
    if words[i].group() == "the":
        i -= 1
    return i > 0 and words[i].group() == "of" and words[i - 1].group() in lx.TITLE_WORDS
