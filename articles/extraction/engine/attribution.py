"""Attribution: reporting cues, the speaker before or after a cue, pronouns
and outlets ("told TASS")."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import (
    COMPANIONS,
    CUE_RE,
    LOYAL_TO,
    OUTLET_RES,
    UNIT_ASIDE_RE,
    UNIT_WORDS_RE,
    Cue,
    Mention,
)
from .gazetteer import ORGANISATION, PERSON, WORD_RE
from .results import INDIRECT

# A verb after a subject, an adverb allowed ("Bolden later added").
VERB_AFTER_RE = re.compile(r"\s+(?:(?:also|later|then|quickly)\s+)?([a-z]+)\b")
# Irregular past tenses that attribute speech.
_IRREGULAR = frozenset(
    "said told wrote spoke swore foretold forecast put began went sang".split()
)

# "The lawyer for opposition senator ", "An adviser to ": a role held for a
# person named next, opening a sentence.
HOLDER_FOR_RE = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,3}?(?P<head>[\w-]+)\s+(?:for|to)\s+"
    r"(?:[a-z-]+\s+|[A-Z][\w.-]*\s+){0,3}"
)

# "Speaking with reporter Jo Roe, ", "In an interview with Jo Roe, ",
# "Asked by Jo Roe about the vote, ": an opening phrase whose implied
# subject is the pronoun after its comma, anyone it names its object.
# The words before the name a group is loyal or close to.
LOYAL_TO_RE = re.compile(rf"\b{LOYAL_TO}\s+(?:[\w.'\u2019-]+\s+){{0,5}}$")
OBJECT_PHRASE_RE = re.compile(
    r"(?:(?:Speaking|Talking|Chatting)\s+(?:with|to)"
    r"|(?:In|During)\s+(?:an?|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:interview|conversation)\s+with"
    r"|(?:Asked|Questioned|Pressed|Interviewed)\s+by)\s"
    r"[^;\"\u201c\u201d]{1,150}?(?=,\s+(?:he|she)\b)"
)

# "the press secretary said", "the minister also told": a definite role as
# the subject of a verb of saying.
ROLE_SUBJECT_RE = re.compile(
    r"(?<![\w-])[Tt]he\s+(?P<mods>(?:[a-z-]+\s+){0,2}?)(?P<head>[a-z-]+)\s+(?:also\s+)?"
    r"(?P<verb>"
    + "|".join(sorted((v for v in lx.SPEECH_VERBS if " " not in v), key=len)[::-1])
    + r")\b"
)


def _verb_like(word: str) -> bool:
    """A lower-case word that can be a reporting verb in the past or
    present: "hailed", "agreed", "says", "wrote" (not "the", "in", "was")."""
    if word in lx.SPEECH_VERBS or word in _IRREGULAR:
        return True
    if word in lx.NON_CLAUSE_STARTS or word in ("was", "is", "has", "had", "does"):
        return False
    return len(word) > 3 and (word.endswith("ed") or word.endswith("s"))


class Attribution:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    # -- quotes ------------------------------------------------------------

    def find_cues(self) -> list[Cue]:
        cues = []
        for m in CUE_RE.finditer(self.text):
            if (
                re.search(r"\b(?:was|were|is|are|been)\b", m.group("aux"))
                and m.group("verb").lower() in lx.PASSIVE_NOT_CUES
            ):
                # "is reported to have commented", "was reported shot down".
                continue
            if self._noun_not_cue(m):
                continue
            cue = m.group().strip().lower()
            cues.append(
                Cue(
                    m.start(),
                    m.start("verb"),
                    m.end(),
                    " ".join(cue.split()),
                    m.group("verb").lower(),
                )
            )
        return cues

    def _noun_not_cue(self, m) -> bool:
        """A cue word used as a noun: "United States" (capitalised after a
        capitalised word), "island states walked out" (a verb follows)."""
        verb = m.group("verb")
        before = self.text[max(0, m.start("verb") - 30) : m.start("verb")]
        if verb[:1].isupper() and re.search(r"[A-Z][\w.]*\s+$", before):
            return True
        if (
            verb[:1].isupper()
            and re.search(r"[\w,]\s+$", before)
            and re.match(r"\s+[A-Z][a-z]", self.text[m.end() : m.end() + 3])
        ):
            # "told VOA reporter Said Suleiman Ashna": a capitalised verb
            # within a sentence, before a capitalised word, is a name.
            return True
        after = re.match(r"\s+([a-z]+)\b", self.text[m.end() : m.end() + 30])
        return bool(
            not m.group("aux").strip()
            and after
            and (
                after.group(1) in lx.SPEECH_VERBS
                or (len(after.group(1)) > 4 and after.group(1).endswith("ed"))
            )
        )

    def _labelled_paragraphs(self, cues: list[Cue]) -> None:
        """A release's paragraph labelled with its speaker and a colon, its
        words not all in marks: "U.S. Senator Steve Daines (R-MT): Launching
        progress … "is big news for the folks of Butte."" is the senator's,
        as the label and colon of a direct quote are."""
        text = self.text
        for p_start, p_end in self.paragraphs:
            m = re.match(
                r"[^:\n\"\u201c]{3,120}?(?:\s*\([^()]{1,25}\))?:\s+",
                text[p_start:p_end],
            )
            if m is None or text[p_start + m.end()] in '"\u201c':
                continue
            colon = p_start + m.group().rindex(":")
            person = next(
                (
                    x
                    for x in reversed(self.mentions)
                    if x.type == PERSON and p_start <= x.start and x.end <= colon
                ),
                None,
            )
            if person is None or not re.fullmatch(
                r"\s*(?:\([^()]{1,25}\))?\s*", text[person.end : colon]
            ):
                continue
            start, end = self._trim(p_start + m.end(), p_end)
            while end > start and text[end - 1] in ".":
                end -= 1
            if len(WORD_RE.findall(text[start:end])) < 3:
                continue
            cue = Cue(colon, colon, colon + 1, ":", ":")
            cue.speaker, cue.content, cue.used = person.key, (start, end), True
            cues.append(cue)
            self._propose(
                INDIRECT,
                (start, end),
                person.key,
                ":",
                None,
                (p_start, p_end),
                0.6,
            )

    def resolve_pronoun(self, pronoun: str, pos: int) -> str | None:
        """The person "he" or "she" at ``pos`` stands for: the last one of
        that gender named earlier in the same sentence, else the first one
        (the subject) of the latest sentence that names one ("Bush met Putin.
        He said …" is Bush)."""
        gender = lx.PRONOUNS[pronoun]
        s_start = self.sentence_at(pos)[0]
        # A pronoun refers no further back than a sentence in which an
        # organisation speaks ("NASA said that … He also said" is no one's).
        earliest = self._organisation_spoke_before(s_start)
        source = self._source_spoke_before(s_start, gender)
        if source is not None and not self.first_mention(s_start, pos, PERSON):
            # "A rebel spokesman told Reuters …. He said …": the pronoun is
            # the unnamed source's, not a person named further back.
            return source
        chained = self._pronoun_speaking_before(s_start, pronoun)
        if chained is not None and not any(
            m.type == PERSON
            and s_start <= m.start < pos
            and not any(o < m.start < c for o, c in self.quotations)
            for m in self.mentions
        ):
            # "Jo Roe is a delegate. He told VOA that officials such as Ed
            # Poe agree. "…," he said": the pronoun that spoke last, not the
            # name in what it said.
            return self.resolve_pronoun(pronoun, chained)
        chosen, chosen_sentence, speaker = None, None, None
        # A name inside words quoted is not whom a pronoun outside them
        # stands for ('"Jo Roe failed," he said' is not Jo Roe's).
        quoted = [(o, c) for o, c in self.quotations if not o < pos < c]
        phrase = OBJECT_PHRASE_RE.match(self.text, s_start, pos)
        for mention in reversed(self.mentions):
            if mention.start >= pos or mention.type != PERSON:
                continue
            if phrase and s_start <= mention.start < phrase.end():
                # "Jo Roe is a spokesman. Speaking with reporter Ann
                # Marsh, he said …": the reporter is spoken to; "he" is
                # Jo Roe, named before.
                continue
            if mention.start < earliest:
                break
            if any(o < mention.start < c for o, c in quoted):
                continue
            if self.gender.get(mention.key) not in (None, gender):
                continue
            if mention.start >= s_start:
                chosen = mention
                break
            sentence = self.sentence_at(mention.start)
            if chosen_sentence not in (None, sentence):
                break
            chosen, chosen_sentence = mention, sentence
            if self._cue_follows(mention):
                speaker = mention
        if chosen_sentence is not None and speaker is not None:
            # "Regarding Ahmadinejad's stance, Ambassador Burns commented …
            # He added": the one who spoke in that sentence, not a name in
            # an opening phrase or inside the words quoted.
            chosen = speaker
        if chosen is None or chosen.start < s_start:
            # '"…," the press secretary said. "…," he continued': a role
            # speaking in the sentence before stands for its holder, the
            # latest person the story referred to.
            named = self._role_subject(s_start, pos, chosen.end if chosen else 0)
            if named and self.gender.get(named) in (None, gender):
                chosen = Mention(0, 0, PERSON, named)
        if chosen is None:
            return None
        self.gender[chosen.key] = gender
        return chosen.key

    def _role_subject(self, s_start: int, pos: int, after: int) -> str | None:
        """The person a definite role speaking ("the press secretary said")
        in the sentence before ``s_start``, or in its own before ``pos``,
        and after ``after``, refers back to; or None."""
        i = self.sentence_index_at(s_start)
        start = max(self.sentences[i - 1][0] if i else s_start, after)
        for m in reversed(list(ROLE_SUBJECT_RE.finditer(self.text, start, pos))):
            named = self.role_antecedent(m.group("head"), m.start(), m.group("mods"))
            if named:
                return named
        return None

    def _source_spoke_before(self, s_start: int, gender: str) -> str | None:
        """The unnamed source, one person of ``gender`` or of none ("a
        spokesman", "an official"), that the sentence before ``s_start``
        opens with as the subject of a cue and that names no person; its
        key, or None."""
        i = self.sentence_index_at(s_start)
        if i == 0:
            return None
        start, end = self.sentences[i - 1]
        found = self.source_at(start, end)
        if found is None or any(
            m.type == PERSON and start <= m.start < end for m in self.mentions
        ):
            return None
        noun = self.sources[found[0]][0].split()[-1].lower()
        if noun in lx.PLURAL_SOURCE_NOUNS or lx.GENDERED.get(noun, gender) != gender:
            return None
        verb = re.match(r"\s+(?:also\s+)?", self.text[found[1] : end])
        if not CUE_RE.match(self.text, found[1] + verb.end()):
            return None
        return self.definite_holder(self.sources[found[0]][0], start) or found[0]

    def _cue_follows(self, mention) -> bool:
        """A reporting verb right after the name ("Burns later said")."""
        m = VERB_AFTER_RE.match(self.text, mention.end)
        return m is not None and CUE_RE.match(self.text, m.start(1)) is not None

    def _organisation_spoke_before(self, s_start: int) -> int:
        """Where the latest sentence before ``s_start`` that opens with an
        organisation and a cue ("NASA said that …") ends, or 0."""
        i = self.sentence_index_at(s_start)
        for start, end in reversed(self.sentences[max(0, i - 3) : i]):
            mention = self.by_start.get(start)
            if mention is not None and mention.type == ORGANISATION:
                after = mention.end
            else:
                # An acronym speaking ("NASA said"), named or not.
                m = re.match(r"[A-Z]{2,}\b", self.text[start:end])
                if m is None or self.by_start.get(start) is not None:
                    continue
                after = start + m.end()
            verb = re.match(r"\s+(?:also\s+)?", self.text[after:end])
            if verb is None:
                continue
            if CUE_RE.match(self.text, after + verb.end()) and not any(
                m.type == PERSON and start <= m.start < end for m in self.mentions
            ):
                return end
        return 0

    def subject_before(self, pos: int) -> tuple[str | None, int | None, bool]:
        """The speaker whose name or pronoun ends right before ``pos``,
        allowing an aside between commas ("Wekesa, reading the judgment,")."""
        s_start, _ = self.sentence_at(pos)
        left = self.text[s_start:pos]
        stripped = re.sub(
            r"(?:\s+(?:also|recently|later|previously|repeatedly|again|then|earlier"
            r"|however|still|yesterday|today|here|there|long|often|publicly"
            r"|privately|reportedly|separately|initially|first|once|has|have|had"
            # "Mr. Obama Thursday denied that …".
            r"|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))*\s*$",
            "",
            left,
        )
        # "Sen. John McCain (R-Ariz.) said": a party label or a place in
        # parentheses after the name.
        stripped = re.sub(r"\s*\([^()]{1,25}\)$", "", stripped)
        # "Marsh and her colleagues said": the one named speaks for them.
        stripped = re.sub(COMPANIONS + "$", "", stripped)
        # "Ann Marsh was quoted as saying", "the agency quoted Ann Marsh as
        # saying": the person quoted speaks.
        stripped = re.sub(
            r"(?:\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
            r"(?:quoted|cited)|(?<=[\w.])(?=\s+as$))\s+as$",
            "",
            stripped,
        )
        end = s_start + len(stripped)
        m = re.search(r"\b(he|she|He|She)$", stripped)
        if m:
            return self.resolve_pronoun(m.group(1), end), end - len(m.group(1)), True
        m = re.search(r"\b(?:they|They)$", stripped)
        if m and (group := self.group_antecedent(end - 4)):
            return group, end - 4, True
        mention = self.mention_ending(end, PERSON)
        if mention and (holder := self._holder_for(mention, s_start)):
            return holder, s_start, False
        if mention and LOYAL_TO_RE.search(self.text, s_start, mention.start):
            # "Forces loyal to President Jo Roe say": the group speaks, not
            # the person it is loyal to.
            source = self.source_before(stripped, end)
            if source:
                return source[0], source[1], False
        if mention:
            mention = self._first_named(mention, s_start)
            return mention.key, mention.start, False
        m = UNIT_ASIDE_RE.search(stripped)
        named = m and self.mention_ending(s_start + m.start(), PERSON)
        if named and self.body_aside_speaks(named.start, named.end):
            # "Jo Roe, Acme Wing Team says": the person the body stands
            # beside speaks.
            return named.key, named.start, False
        body = self.mention_ending(end, ORGANISATION) or (
            # "Another opposition leader, Jo Roe of the Union of Republican
            # Forces, told …": the name and its body between commas.
            stripped.endswith(",")
            and self.mention_ending(end - 1, ORGANISATION)
            or None
        )
        if body is not None:
            # "Jo Roe of NASA said", "Prime Minister Jo Roe of Australia
            # said": the person the body is of speaks.
            m = re.search(r",?\s+of\s+(?:the\s+)?$", self.text[s_start : body.start])
            named = m and self.mention_ending(s_start + m.start(), PERSON)
            if named:
                return named.key, named.start, False
        m = re.search(
            r"\s+of\s+(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*$", stripped
        )
        named = m and self.mention_ending(s_start + m.start(), PERSON)
        if named:
            # "Senator Jo Roe of New York said": the place she is of.
            return named.key, named.start, False
        m = re.search(r",\s+who$", stripped)
        if m:
            # "Yaw Mensah, a researcher at the institute, who warned that …".
            found = self.subject_before(s_start + m.start() + 1)
            if found[0] and not found[2]:
                return found
        m = re.search(r",\s+(?:the|a|an)\s+[^,;\"\u201c\u201d]{2,60}$", stripped)
        if m and any(w.lower() in lx.ROLE_HEADS for w in WORD_RE.findall(m.group())):
            # An aside whose closing comma the writer left out: "Qazi
            # Hussain Ahmed, the head of an Islamic party alliance told …".
            named = self.mention_ending(s_start + m.start(), PERSON)
            if named:
                return named.key, named.start, False
        m = re.search(
            r"(?<![\w-])[Tt]he\s+((?:(?:[a-z-]+|(?:[A-Z]\.){2,3})\s+){0,2}?)"
            r"([A-Za-z-]+)$",
            stripped,
        )
        named = m and self.role_antecedent(m.group(2), s_start + m.start(), m.group(1))
        if named:
            # "Ann Marsh is the senator from Ohio. … the senator said".
            return named, s_start + m.start(), False
        source = self.source_before(stripped, end)
        if source:
            # "Leroy Cain, the American manager of the mission said": the
            # description is an aside on the person named before it.
            named = self.mention_ending(
                s_start + len(stripped[: source[1] - s_start].rstrip(" ,")), PERSON
            )
            if named and re.fullmatch(r",\s*", self.text[named.end : source[1]]):
                return named.key, named.start, False
            return source[0], source[1], False
        if stripped.endswith(","):
            mention = self.mention_ending(end - 1, PERSON)
            if mention and (holder := self._holder_for(mention, s_start)):
                return holder, s_start, False
            opener = self.by_start.get(s_start)
            if (
                mention
                and opener is not None
                and opener.type == PERSON
                and opener is not mention
                and re.match(r",\s+(?:[^,]*\s)?who\s", self.text[opener.end : end])
            ):
                # "Ann Marsh, the minister who petitioned … Jo Roe, says":
                # the name the relative clause ends with is not the subject.
                return opener.key, opener.start, False
            if mention:
                return mention.key, mention.start, False
            # An aside between commas, itself holding commas ("Barbara
            # Thompson, director of family policy, children and youth,").
            comma = len(stripped) - 1
            for _ in range(3):
                comma = stripped.rfind(",", 0, comma)
                while comma > 0 and self._inside_a_name(s_start + comma):
                    # "Jo Roe, commander of 2nd Battalion, 9th Marines,":
                    # a comma in a unit's name opens no aside.
                    comma = stripped.rfind(",", 0, comma)
                if comma <= 0:
                    break
                mention = self.mention_ending(s_start + comma, PERSON)
                if mention and (holder := self._holder_for(mention, s_start)):
                    return holder, s_start, False
                if mention:
                    return mention.key, mention.start, False
                # "The official, who spoke on condition of anonymity, said".
                source = self.source_before(stripped[:comma], s_start + comma)
                if source and re.match(
                    r",\s+(?:who\s|speaking\s|according\s)", stripped[comma:]
                ):
                    return source[0], source[1], False
        if re.search(r"\b(?:and|but)$", stripped):
            first = self.first_mention(s_start, pos, PERSON)
            if first:
                return first.key, None, False
            m = re.match(r"(He|She)\s", self.text[s_start:pos])
            if m:
                # "She said …, but added that …": the pronoun subject's.
                return self.resolve_pronoun(m.group(1), s_start), None, True
        return None, None, False

    def _inside_a_name(self, pos: int) -> bool:
        return any(m.start < pos < m.end for m in self.mentions)

    def names_between(self, start: int, end: int) -> int:
        """How many characters of bodies' names stand between two offsets:
        a cue is as near after a quote as the words read, a unit's long
        name ("2nd Battalion, 9th Marine Regiment") being one of them."""
        return sum(
            m.end - m.start
            for m in self.mentions
            if m.type == ORGANISATION and start <= m.start and m.end <= end
        )

    def body_aside_speaks(self, start: int, end: int) -> bool:
        """ "Jo Roe, Acme Wing Team says, "…"": a name opening a sentence,
        a comma and a body's name before a verb of saying (the body where
        the person works, as broadcast copy writes it)."""
        body = self.by_start.get(end + 2)
        if (
            body is None
            or body.type != ORGANISATION
            or self.text[end : end + 2] != ", "
            or self.text[self.sentence_at(start)[0] : start].strip()
        ):
            return False
        # (The unit's words after the body's name: "Acme Wing Team".)
        m = UNIT_WORDS_RE.match(self.text, body.end)
        verb = VERB_AFTER_RE.match(self.text, m.end())
        return verb is not None and verb.group(1) in lx.SPEECH_VERBS

    def _holder_for(self, mention, s_start: int) -> str | None:
        """ "The lawyer for opposition senator Miguna Miguna, …, says": the
        unnamed holder of a role for (or to) the person named, who opens
        the sentence and speaks; their source key, or None."""
        m = HOLDER_FOR_RE.fullmatch(self.text, s_start, mention.start)
        if m is None or m.group("head").lower() not in lx.ROLE_HEADS:
            return None
        return self._source_key(self.text[s_start : mention.end], None)

    def _first_named(self, mention, s_start: int):
        """Of several people named as one subject ("Secretary Carlos M.
        Gutierrez and U.S. Trade Representative Susan C. Schwab announced
        …"), the first named speaks."""
        while True:
            earlier = [
                m
                for m in self.mentions
                if m.type == PERSON and s_start <= m.start and m.end <= mention.start
            ]
            if not earlier or not re.fullmatch(
                r",?\s+and\s+(?:[A-Z][\w.'\u2019-]*\s+){0,5}",
                self.text[earlier[-1].end : mention.start],
            ):
                return mention
            mention = earlier[-1]

    def subject_after(self, pos: int, limit: int) -> str | None:
        """The speaker named after an inverted cue ("…, said Priya Raman")."""
        right = self.text[pos:limit]
        m = re.match(
            r"\s+the\s+((?:[a-z-]+\s+){0,2}?)([A-Za-z-]+)\s*(?:[,.;]|$)", right
        )
        named = m and self.role_antecedent(m.group(2), pos, m.group(1))
        if named:
            # "…, said the minister."
            return named
        mention = self.first_mention(pos, limit, PERSON)
        if (
            mention
            and mention.start - pos > 60
            and not self.long_title(pos, mention.start)
        ):
            # Far after the cue, a name speaks only after a title ("…, said
            # Deputy Administrator for Acme's Office of Water Jo Roe").
            mention = None
        source = self.source_at(pos, limit)
        if (
            source
            and mention
            and source[1] <= mention.start
            and re.match(r"\s+(?:for|to)\s", self.text[source[1] : mention.start])
            # ("…, said U.S. Special Envoy for Sudan Jo Roe": the body or
            # state an envoy is for is the post; the envoy speaks.)
            and not self.post_between(source[1], mention.start)
        ):
            # "…, said a spokesman for Secretary-General Ban Ki-moon": the
            # spokesman speaks, not the person he speaks for.
            return source[0]
        if mention and not re.search(
            r"\bthat\b|[\"\u201c\u201d]", right[: mention.start - pos]
        ):
            return mention.key
        # "…, said he." is inverted; "…, said he was proud" is not.
        m = re.match(r"\s+(he|she)\b(?=\s*(?:[,.;:!?]|$))", right)
        if m:
            return self.resolve_pronoun(m.group(1), pos)
        return self.source_after(pos, limit)

    def subject_by_position(self, pos: int, limit: int) -> tuple[str, str] | None:
        """Attribution right after a closing quotation mark, whatever the
        verb: '"…," Mr. Bush hailed the deal', '"…," agreed President
        Putin', '"…," officials added'. (speaker key, verb) or None."""
        text = self.text
        m = re.match(r"[,\s]*", text[pos:limit])
        at = pos + m.end()
        # Name (after titles or an honorific), then the verb.
        lead = re.match(r"(?:(?:[A-Z][\w.-]*|the|a|an)\s+){0,4}", text[at:limit])
        for mention in self.mentions:
            if mention.type != PERSON or not at <= mention.start <= at + lead.end():
                continue
            verb = VERB_AFTER_RE.match(text, mention.end, limit)
            if verb and _verb_like(verb.group(1)):
                return mention.key, verb.group(1).lower()
            break
        m = re.match(r"(he|she|He|She)\s+(\w+)", text[at:limit])
        if m and _verb_like(m.group(2)):
            speaker = self.resolve_pronoun(m.group(1), at)
            return (speaker, m.group(2).lower()) if speaker else None
        verb = re.match(r"([a-z]+)\b", text[at:limit])
        if verb and _verb_like(verb.group(1)):
            speaker = self.subject_after(at + verb.end(), limit)
            if speaker:
                return speaker, verb.group(1)
        source = self.source_at(at, limit)
        if source:
            verb = VERB_AFTER_RE.match(text, source[1], limit)
            if verb and _verb_like(verb.group(1)):
                return source[0], verb.group(1).lower()
        return None

    def outlet_in(self, start: int, end: int) -> str | None:
        text = self.text
        for pattern in OUTLET_RES:
            for m in pattern.finditer(text, start, end):
                org = self.first_mention(m.end(), min(end, m.end() + 45), ORGANISATION)
                if org is None:
                    continue
                between = text[m.end() : org.start]
                if re.fullmatch(
                    r"(?:the\s+)?(?:[\w-]+\s+){0,3}", between
                ) and not re.search(r"\b(?:that|and|but)\b", between):
                    self.orgs[org.key].outlet = True
                    return org.key
        return None
