"""People by their context: what makes a capitalised run a person's name
where no title says so (a verb of saying after it, a role beside it, an
aside before the verb), a name read with no context whose surname
speaks later in the story, and a surname of two words that is someone named
in full before ("Ana Lima Sousa … Lima Sousa said")."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import (
    ADVERBS_BEFORE_CUE_RE,
    COMPANIONS,
    CUE_RE,
    GRADE_BEFORE_RE,
    SAYING,
)
from .gazetteer import PERSON, WORD_RE
from .roles import ENVOY, POST, ROLE_OF_BEFORE_RE
from .text import is_cap, shift_slipped

APPOSITIVE_CUE_RE = re.compile(
    r",\s+(?!which\b|that\b|and\b|but\b|or\b)"
    r"(?:[^.;\"\u201c\u201d]|(?<=[A-Z])\.(?=[A-Z]|\s+[a-z])){2,80}?"
    r",\s+(?:also\s+)?(\w+)"
)
# "every farmer, miner, Ranger, (and) ": a list of single nouns, one or more
# in lower case, before its last item.
NOUN_LIST_RE = re.compile(r"(?<![\w-])[a-z]+,\s+(?:[A-Za-z]+,\s+)+\(?(?:and|or)\)?\s+$")

# "Kenya's Ambassador to the United Nations, ": an envoy's post before a
# comma, the name after it.
POSTED_RE = re.compile(rf"{ENVOY}\s+(?:to|at|for){POST}\s*$")

# " of the Union of Republican Forces, told": the body a name is of, then
# the verb.
OF_BODY_RE = re.compile(
    r"\s+of\s+the\s+(?:[A-Z][\w.&'\u2019-]*\s+(?:(?:of|for|and|the)\s+)?){1,6}?"
    r"[A-Z][\w.&'\u2019-]*,?\s+(?:also\s+)?(?P<verb>[a-z]+)"
)

# "Jo Roe is the leader of", "Jo Roe was a spokesman for", "Jo Roe is a
# presidential spokesman.": a name a role is said of.
COPULA_ROLE_OF_RE = re.compile(
    r"\s+(?:is|was)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?([A-Za-z-]+)"
    r"(?:\s+(?:of|for|to|and)\s|\.\s)"
)

# A sentence opening with a pronoun and its verb ("He told VOA …").
PRONOUN_CUE_RE = re.compile(r"(He|She)\s+(?:also\s+)?([a-z]+)\b")


class People:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def _initials(self, part: list[int], i: int, titled: bool) -> bool:
        """ "Deputy Prime Minister KP Oli": initials written without stops
        open a titled name of two words, where no body goes by them."""
        value = self.words[i].group()
        return (
            titled
            and len(part) == 2
            and i == part[0]
            and len(value) <= 3
            and value.isalpha()
            and value not in self.acronyms
        )

    def _ship_names(self) -> dict[str, str]:
        """The ships named so far by their prefix ("USS Halden"), by the
        last word of their name."""
        return {
            org.name.split()[-1]: key
            for key, org in self.orgs.items()
            if org.name.split()[0] in lx.SHIP_PREFIXES and len(org.name.split()) > 1
        }

    def _pronoun_speaking_before(self, s_start: int, pronoun: str) -> int | None:
        """Where the sentence before ``s_start`` opens with ``pronoun`` as
        the subject of a verb of saying ("He told VOA …"), or None."""
        i = self.sentence_index_at(s_start)
        if i == 0:
            return None
        start = self.sentences[i - 1][0]
        m = PRONOUN_CUE_RE.match(self.text, start)
        if m is None or m.group(1).lower() != pronoun:
            return None
        return m.start(1) if m.group(2) in lx.SPEECH_VERBS else None

    def _speaking_surnames(self) -> None:
        """A name read with no context ("endorsed Ed Poe") is a
        person when its last word speaks later in the story ("Poe, who
        vowed …", "Poe said", "said Poe")."""
        for s, e in self.untyped_names:
            if any(
                i in self.covered
                for i in range(self.word_index_at(s), self.word_index_at(e))
            ):
                continue
            last = self.text[s:e].split()[-1]
            surname = f"(?:{re.escape(last)}|{re.escape(shift_slipped(last))})"
            if re.search(
                rf"(?<![\w.-]){surname}(?:,\s+who)?\s+(?:also\s+)?(?:{SAYING})\b"
                rf"|\b(?:said|says|added)\s+{surname}\b",
                self.text[e:],
            ) or self.body_aside_speaks(s, e):
                self.add_mention(s, e, PERSON, self.person_named(self.text[s:e]))

    def two_word_surnames(self) -> None:
        """ "Ana Lima Sousa … Lima Sousa said": a person proposed by the last
        two words of a three-word name named before them is that person, as
        a one-word surname is ("Sousa said"). Not a person the registry
        knows, nor one named before the full name ("Jo Roe …. Ann Jo Roe …
        Jo Roe" keeps two), nor another name sharing only the surname ("Jo
        Roe … Ann Roe")."""
        first = {}
        for mention in self.mentions:
            if mention.type == PERSON:
                first.setdefault(mention.key, mention.start)
        for key, person in list(self.people.items()):
            words = person.name.split()
            if (
                person.existing
                or key not in first
                or len(words) != 2
                or not all(is_cap(w) and len(w) > 1 and "." not in w for w in words)
            ):
                continue
            fuller = [
                k
                for k, p in self.people.items()
                if p.name.split()[1:] == words
                and len(p.name.split()) == 3
                and first.get(k, first[key]) < first[key]
            ]
            if not fuller:
                continue
            for mention in self.mentions:
                if mention.key == key and mention.type == PERSON:
                    mention.key = self._nearest(fuller, mention.start)
                    self.people[mention.key].mentions.append(
                        [mention.start, mention.end]
                    )
            person.mentions.clear()

    def _person_context(self, start: int, end: int) -> bool:
        text = self.text
        left = text[max(0, start - 80) : start]
        right = text[end : end + 80]
        if re.search(r"\b(?:a|an|in|at|from|near|[Tt]he)\s+$", left):
            # "Marsh, a Massachusetts Democrat, said", "Soto, speaking
            # in New York, said": a description or a place before the verb;
            # "the Movement for … of the Volta Delta, says", "The White
            # House said": no one's name follows "the".
            return False
        if NOUN_LIST_RE.search(left):
            # "every farmer, miner, Ranger and Forest Keeper said": the
            # last of a list of common nouns is one too, no one's name.
            return False
        prev = WORD_RE.findall(left[-40:])
        if prev and prev[-1].lower() in lx.ROLE_HEADS and left.endswith(prev[-1] + " "):
            return True
        if GRADE_BEFORE_RE.search(left):
            # "Sonar Technician 2nd Class (SW) Jo Roe": a rate, its class and
            # a warfare qualification before the name.
            return True
        if re.search(r"\b[Aa]ccording to\s+$", left):
            return True
        if re.search(r",\s*$", left) and prev and prev[-1].lower() in lx.ROLE_HEADS:
            return True
        of = OF_BODY_RE.match(right)
        if of and of.group("verb") in lx.SPEECH_VERBS:
            # "Jo Roe of the Union of Republican Forces told reporters".
            return True
        if POSTED_RE.search(left):
            # "Kenya's Ambassador to the United Nations, Jo Roe".
            return True
        m = ROLE_OF_BEFORE_RE.search(left)
        if m and m.group("head").lower() in lx.ROLE_HEADS:
            # "said the president of Iran, Jo Roe".
            return True
        # "Jane Roe, 45, said": an age between the name and the verb.
        right = re.sub(r"^,\s*\d{1,3},", ",", right)
        # '"…," Ann Marsh, who chairs the panel, said', "Ann Marsh, speaking
        # at a news conference, said", "Ann Marsh, a Democrat, said": an aside
        # between the name and a verb of saying (not a body's "which").
        if re.match(r"\s+(?:was\s+quoted\s+)?as\s+saying\b", right) and (
            not right.lstrip().startswith("as") or re.search(r"\bquoted\s+$", left)
        ):
            # "Ann Marsh was quoted as saying", "quoted Ann Marsh as saying".
            return True
        verb = APPOSITIVE_CUE_RE.match(right)
        if verb and verb.group(1) in lx.SPEECH_VERBS:
            return True
        # 'Michigan Attorney General Ana Soto: "…"' (a statement's lead).
        if re.match(r"(?:\s*\([^)]{1,20}\))?:\s*[\"\u201c]", right):
            return True
        # "Ann Marsh has repeatedly said", "… had earlier said".
        verb_on = ADVERBS_BEFORE_CUE_RE.sub(
            "", re.sub("^" + COMPANIONS + r"(?=\s)", "", right).lstrip(" ,")
        )
        m = CUE_RE.match(verb_on)
        if m and m.group("verb") in lx.SPEECH_VERBS:
            return True
        if (
            m
            and m.group("verb") in lx.LABEL_VERBS
            # (An initial's stop is no sentence's: "calls Ed J. Poe".)
            and re.match(
                r"(?:[^.;\"\u201c]|(?<=\b[A-Z])\.){0,40}[\"\u201c]", verb_on[m.end() :]
            )
        ):
            # 'Ann Marsh called the decision "a big mistake."'
            return True
        m = re.search(r"\b(\w+)\s+$", left)
        if m and m.group(1) in lx.SPEECH_VERBS:
            return True
        # "said shopkeeper Gul Ahmad", "said local resident Jo Roe": a
        # description in lower case between the verb and the name.
        m = re.search(r"\b(\w+)((?:\s+[a-z][a-z-]+){1,3})\s+$", left)
        if (
            m
            and m.group(1) in lx.SPEECH_VERBS
            and not any(w in lx.NOT_DESCRIPTIONS for w in m.group(2).split())
        ):
            return True
        copula = COPULA_ROLE_OF_RE.match(right)
        if copula and copula.group(1).lower() in lx.ROLE_HEADS:
            # "Jo Roe is the leader of the main militant group …".
            return True
        appos = re.match(r",\s+([^,.;]{2,80})", right)
        if appos and any(
            w.lower() in lx.ROLE_HEADS for w in WORD_RE.findall(appos.group(1))[:8]
        ):
            return True
        return False
