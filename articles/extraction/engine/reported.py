"""Indirect (reported) speech: "said that …", "according to X, …", and the
inverted "…, X believes"."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import (
    ACCORDING_RE,
    CUE_RE,
    SAYING,
    SKIP_AFTER_CUE_RE,
    THAT_RE,
    Cue,
)
from .gazetteer import PERSON, WORD_RE
from .results import (
    INDIRECT,
    ProposedQuote,
)
from .text import is_cap

# "warned (today) against …".
AGAINST_RE = re.compile(r"(?:\s+(?:today|yesterday|again|also))?\s+against\b")
CLAIMED_OBJECTS = frozenset("responsibility credit victory".split())
# Verbs that take no object but the words said.
_PLAIN_SAYING = frozenset("said says say told tells tell added adds".split())
# ("…, told reporters": whom one tells is no inverted subject.)
_TELL = frozenset("told tells tell telling".split())
# ", Little said" / ", a senior official added" closing a sentence.
INVERTED_END_RE = re.compile(
    rf",\s+(?:[\w.'\u2019-]+\s+){{1,5}}(?:also\s+)?(?:{SAYING})\s*$"
)
# ", Little said, and that …": the same, with more of the speaker's after it.
INVERTED_MID_RE = re.compile(
    rf"(?P<attribution>,\s+(?:[\w.'\u2019-]+\s+){{1,5}}(?:also\s+)?(?:{SAYING}))"
    r",\s+and\s+that\s+(?P<more>\S)"
)


# "accused his deputy of plotting a coup", "criticized the board for
# delaying the vote": whom, then the act as a gerund.
ACCUSED_OF_RE = re.compile(r"\s+(?:[\w.'\u2019-]+\s+){1,8}?(?:of|for)\s+[a-z]+ing\b")
# A cue in a relative clause: "Gingrich, who vowed".
RELATIVE_RE = re.compile(r",\s+who\s+(?:(?:also|later|then)\s+)?$")
TO_WHOM_RE = re.compile(
    r"\s+to\s+(?:the\s+)?(?:reporters|journalists|lawmakers|the press|press"
    r"|him|her|them|us|me|supporters|delegates)\b"
)


# "said about 30 people were wounded", "say more than 100 died": a number
# the preposition approximates opens the clause.
APPROXIMATE_RE = re.compile(
    r"(?:about|over|under|around|nearly|almost|some|more than|fewer than"
    r"|less than|at least|up to)\s+(?:\d|(?:one|two|three|four|five|six|seven"
    r"|eight|nine|ten|a dozen|dozens|hundreds|thousands|half)\b)"
)

_SUBJECT_WORDS = "|".join(
    sorted(lx.SOURCE_NOUNS | lx.SOURCE_DETERMINERS, key=len, reverse=True)
)
OTHER_SUBJECT_RE = re.compile(
    r",[\"\u201d]?\s+(?:but|while|whereas|and)\s+(?:(?:he|she|they)\s+"
    rf"|(?:(?:[A-Z][\w.'\u2019-]*|{_SUBJECT_WORDS})\s+){{1,5}}?)(?:also\s+)?"
    rf"(?:{'|'.join(sorted(lx.SPEECH_VERBS, key=len, reverse=True))})\b"
)


class Reported:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def _indirect(self, cues: list[Cue]) -> None:
        text = self.text
        contents: list[tuple[int, int]] = []
        for c in cues:
            outer = next(((s, e) for s, e in contents if s <= c.start < e), None)
            if outer is not None and not self._nested_cue(c, outer):
                continue
            if c.used or c.verb in lx.LABEL_VERBS | lx.DIRECT_ONLY_VERBS:
                if c.verb in lx.LABEL_VERBS:
                    c.speaker, c.subject_start, c.pronoun = self.subject_before(c.start)
                    if c.speaker is None:
                        # "Holt condemned the attack, calling it "an act of
                        # pure evil"": the participle's, the sentence's.
                        c.speaker = self._participle_subject(
                            c, cues, self.sentence_at(c.start)[0]
                        )
                continue
            s_start, s_end = self.sentence_at(c.start)
            body_end = s_end
            while body_end > s_start and text[body_end - 1] in ".!?;:":
                body_end -= 1
            speaker, subject_start, pronoun = self.subject_before(c.start)
            if re.match(
                r"(?:[\w,]+\s+)?Neither\s[^.;]*\snor\s", text[s_start : c.start]
            ):
                # "Neither Washington nor Beijing has confirmed the summit":
                # no one said it.
                continue
            if speaker is None and c.start == c.verb_start:
                speaker, subject_start = self.crowd_before(c.start, c.end) or (
                    None,
                    None,
                )
            if speaker is None and c.verb in lx.PARTICIPLE_CUES:
                speaker = self._participle_subject(c, cues, s_start)
            content = None
            if speaker:
                content = self._content_after(c, body_end)
                if content and RELATIVE_RE.search(text, 0, c.start):
                    # The relative clause ends at the comma before the main
                    # clause's verb ("…, who vowed he would stay …, has been").
                    rest = re.search(
                        r",\s+(?:has|have|had|is|was|were|are|will|would)\s",
                        text[content[0] : content[1]],
                    )
                    if rest:
                        content = (content[0], content[0] + rest.start())
                # "…, the official said here today": two words after the
                # verb are no reported clause; the words before may be.
                short = content is not None and (
                    len(WORD_RE.findall(text[content[0] : content[1]])) < 3
                )
                # A verb with its own object after it ("Throughout the
                # trip, Regan emphasized the benefits of …") reports
                # nothing before it.
                with_object = (
                    c.verb in lx.OBJECT_VERBS
                    and len(WORD_RE.findall(text[c.end : body_end])) > 8
                )
                if (
                    (content is None or short)
                    and subject_start is not None
                    and not with_object
                    and c.verb not in lx.ACCUSING_VERBS
                ):
                    content = (
                        self._interrupted_clause(c, s_start, subject_start, body_end)
                        or self._content_before(s_start, subject_start)
                        or content
                    )
            else:
                lead = text[s_start : c.start].rstrip()
                opens_quoted = re.match(r"[\"\u201c]", text[s_start])
                # '…, but "how much we can do," said X': a quote inside the
                # reported words, when the sentence does not open with one.
                quoted_end = re.search(r",[\"\u201d]$", lead) and not opens_quoted
                if c.verb.lower() not in _TELL and (
                    quoted_end
                    or (
                        lead.endswith(",")
                        and not lead[:-1].rstrip().endswith(('"', "\u201d"))
                    )
                ):
                    speaker = self.subject_after(c.end, body_end)
                    if speaker and not opens_quoted:
                        content = (s_start, s_start + len(lead) - 1)
            c.speaker, c.subject_start, c.pronoun = speaker, subject_start, pronoun
            if not (speaker and content):
                continue
            if outer is not None:
                content = (content[0], min(content[1], outer[1]))
            start, end = self._trim(*content)
            while end > start and text[end - 1] in ",;:":
                end -= 1
            if len(WORD_RE.findall(text[start:end])) < 3:
                continue
            c.content = (start, end)
            contents.append(c.content)
            # (Words reported inside another's were said to no outlet the
            # outer attribution names: "told VOA that the militants say".)
            c.outlet = self.outlet_in(outer[0] if outer else s_start, s_end)
            more = INVERTED_MID_RE.match(text, end)
            inverted = subject_start is not None and subject_start >= end
            if (
                more
                and not inverted
                and not re.search(r"\bthat\b", more.group("attribution"))
            ):
                self._more_after_attribution(
                    c, more.start("more"), body_end, s_start, s_end, pronoun
                )
            self._propose(
                INDIRECT,
                (start, end),
                speaker,
                c.cue,
                c.outlet,
                (s_start, s_end),
                0.65 if pronoun else 0.7,
            )
        self._labelled_paragraphs(cues)
        for m in ACCORDING_RE.finditer(text):
            s_start, s_end = self.sentence_at(m.start())
            body_end = s_end
            while body_end > s_start and text[body_end - 1] in ".!?;:":
                body_end -= 1
            person = self.first_mention(m.end(), min(body_end, m.end() + 40), PERSON)
            if person is None or "," in text[m.end() : person.start]:
                # "…, according to a NASA spokesman", "According to
                # officials, …": an unnamed source.
                person = self._source_according_to(m.end(), body_end)
                if person is None:
                    continue
            lead = text[s_start : m.start()].strip(" ,")
            if re.fullmatch(r"[\"\u201c][^\"\u201c\u201d]+[\"\u201d]", lead):
                # '"We will see," according to Jo Lee': a direct quote.
                continue
            # "The city, according to Mayor Ann Marsh, has no money": an
            # interrupting attribution leaves the words after it.
            interrupting = (
                lead
                and text[s_start : m.start()].rstrip().endswith(",")
                and len(lead.split()) < 3
                and re.match(r",\s+\w", text[person.end : body_end])
            )
            i = self.sentence_index_at(s_start)
            if re.fullmatch(r"(?:That|This)(?:['\u2019]s|\s+is|\s+was)", lead):
                # "… ports in eastern Libya. That's according to two military
                # spokesmen": the sentence before, in the same paragraph.
                if i == 0 or self.paragraph_at(self.sentences[i - 1][0]) != (
                    self.paragraph_at(s_start)
                ):
                    continue
                start, end = self.sentences[i - 1]
                s_start = start
                while end > start and text[end - 1] in " .!?\n":
                    end -= 1
            elif lead and not interrupting:
                start, end = s_start, m.start()
            else:
                rest = text[person.end : body_end]
                appos = re.match(r",\s+(?:the|a|an|his|her)?\s*[^,]{0,60},\s*", rest)
                # "According to Ann Marsh, who chairs the council, …".
                relative = re.match(r",\s+who\s[^,]{1,80},\s*", rest)
                if relative:
                    start = person.end + relative.end()
                elif appos and any(
                    w.lower() in lx.ROLE_HEADS for w in WORD_RE.findall(appos.group())
                ):
                    start = person.end + appos.end()
                else:
                    comma = rest.find(",")
                    if comma < 0:
                        continue
                    start = person.end + comma + 1
                end = body_end
            start, end = self._trim(start, end)
            while end > start and text[end - 1] in ",;:":
                end -= 1
            if len(WORD_RE.findall(text[start:end])) < 3:
                continue
            cue = Cue(m.start(), m.start(), m.end(), "according to", "according to")
            cue.speaker, cue.content = person.key, (start, end)
            cues.append(cue)
            self._propose(
                INDIRECT,
                (start, end),
                person.key,
                "according to",
                self.outlet_in(s_start, s_end),
                (s_start, s_end),
                0.75,
            )

    def _propose(
        self, kind, span, speaker, cue, outlet, evidence, confidence
    ) -> ProposedQuote:
        """Propose the words at ``span`` as a quote of ``kind``; the quote."""
        start, end = span
        quote = ProposedQuote(
            kind=kind,
            text=self.text[start:end],
            start=start,
            end=end,
            speaker=speaker,
            cue=cue,
            outlet=outlet,
            evidence_start=evidence[0],
            evidence_end=evidence[1],
            confidence=confidence,
        )
        self.quotes.append(quote)
        return quote

    def _more_after_attribution(self, c, start, body_end, s_start, s_end, pronoun):
        """The first speaker's further words after another's attribution:
        "…, Little said, and that both nations will continue …"."""
        start, end = self._trim(start, body_end)
        if len(WORD_RE.findall(self.text[start:end])) < 3:
            return
        self._propose(
            INDIRECT,
            (start, end),
            c.speaker,
            c.cue,
            c.outlet,
            (s_start, s_end),
            0.6 if pronoun else 0.65,
        )

    def _nested_cue(self, c: Cue, outer: tuple[int, int]) -> bool:
        """Whether a cue inside another speaker's reported words reports a
        speech of its own: a named person, then the verb and "that" ("Little
        said Hagel also stated that …", "Hagel told Barak that …")."""
        speaker, start, pronoun = self.subject_before(c.start)
        if speaker is None or pronoun:
            return False
        if speaker.startswith("source:") and start == outer[0]:
            # "told VOA that the militants say they are ready …": the words
            # reported are a group's own attribution, at both levels.
            return True
        if RELATIVE_RE.search(self.text, 0, c.start):
            # "Cain said Gingrich, who vowed to reporters he would …, has
            # been …": a relative clause is its own speaker's.
            return True
        return bool(
            re.match(
                r"(?:\s+[\w.'\u2019-]+){0,3}?\s+that\s", self.text[c.end : outer[1]]
            )
        )

    def _interrupted_clause(self, c: Cue, s_start: int, subject_start: int, end):
        """The reported words after an attribution between commas that
        interrupts the clause: "The state, she added, had sent nothing",
        "However, he added, there is not …", "But as of now, officials say,
        …". Only the words after it are the quote; what comes before is its
        subject or an adverbial. Not "…, X said, citing …" or "…, X said,
        but …", whose words before are the whole clause."""
        text = self.text
        # A title before the name is the subject's ("…, Mayor Ann Marsh said,").
        lead = text[s_start:subject_start].rstrip()
        lead = re.sub(r"(?:\s+[A-Z][\w.-]*)+$", "", lead)
        if not lead.endswith(",") or re.search(r"[\"\u201c\u201d]", lead):
            return None
        pos = c.end
        skip = SKIP_AFTER_CUE_RE.match(text, pos, end)
        if skip and "," not in skip.group():
            pos = skip.end()
        m = re.match(r"\s*,\s+([A-Za-z][\w'\u2019-]*)", text[pos:end])
        if m is None:
            return None
        first = m.group(1)
        lower = first.lower()
        if (
            lower in lx.NON_CLAUSE_STARTS
            or lower.endswith("ing")
            or lower in ("according", "adding", "who", "which")
        ):
            return None
        verb_first = lower in lx.FINITE_VERBS or (
            first.islower() and len(lower) > 4 and lower.endswith("ed")
        )
        if not verb_first and len(lead[:-1].split()) > 4:
            return None
        start = pos + m.start(1)
        if len(WORD_RE.findall(text[start:end])) < 3:
            return None
        return self._cut(start, end)

    def _content_before(self, s_start: int, subject_start: int):
        """The reported words before an inverted attribution: "The talks
        will resume, a senior official said", also with a title or a
        description between the comma and the name ("…, Defense Secretary
        Leon E. Panetta said")."""
        text = self.text
        if re.match(r"[\"\u201c]", text[s_start]):
            return None
        lead = text[s_start:subject_start].rstrip()
        opening = re.sub(r"(?:\s+[A-Z][\w.-]*)+$", "", lead)
        if re.fullmatch(
            r"(?:In|On|At|During|Throughout|Regarding|Asked about)\s[^,]+,", opening
        ) and not any(w.lower() in lx.FINITE_VERBS for w in WORD_RE.findall(opening)):
            # "In a separate interview with VOA on Wednesday, Abdullah …
            # stressed his commitment": when and where, no reported words.
            return None
        if lead.endswith(","):
            # "…, the mayor, Ann Marsh, said": the role before the name is
            # the attribution's.
            role = re.search(r",\s+(?:the|a|an)\s+([^,]{1,40}),$", lead)
            if role and any(
                w.lower() in lx.ROLE_HEADS for w in WORD_RE.findall(role.group(1))
            ):
                return (s_start, s_start + role.start())
            return (s_start, s_start + len(lead) - 1)
        # '… in for a "fair fight," a senior Army officer said': the clause
        # ends with its last word, before the comma and the closing mark.
        if lead.endswith((',"', ",\u201d")):
            return (s_start, s_start + len(lead) - 2)
        comma = lead.rfind(", ")
        if comma < 0:
            return None
        between = lead[comma + 2 :]
        words = between.split()
        if words[:1] in (["as"], ["and"], ["but"]):
            # "…, the war is not over, as the president claims": a clause of
            # comparison, and "…, and Jo Roe vowed to …" one joined to the
            # writer's, which report nothing before them.
            return None
        if (
            len(words) <= 12
            and not CUE_RE.search(between)
            and not re.search(r"\bthat\b|[\"\u201c\u201d]", between)
            and any(is_cap(w) or w.lower() in lx.ROLE_HEADS for w in words)
        ):
            return (s_start, s_start + comma)
        return None

    def _content_after(self, c: Cue, body_end: int) -> tuple[int, int] | None:
        text = self.text
        pos = c.end
        if c.verb in lx.ADDRESS_VERBS:
            org = self.by_start.get(pos + 1)
            the = re.match(r"\s+the\s+", text[pos:body_end])
            if org is None and the:
                # "told the Senate Armed Services Committee that …".
                org = self.by_start.get(pos + the.end())
            m = re.match(
                r"\s+(?:(?:the\s+)?(?:reporters|journalists|lawmakers|parliament"
                r"|the court|the press|him|her|them|us|me|a news conference)\b)",
                text[pos:body_end],
            )
            whom = re.match(
                r"\s+(?:[\w.'\u2019-]+\s+){1,6}?(?=that\s)", text[pos:body_end]
            )
            owned = org and re.match(r"['\u2019]s\s+", text[org.end : body_end])
            if owned and self.by_start.get(org.end + owned.end()):
                # "told VOA's Persian Service that …".
                org = self.by_start[org.end + owned.end()]
            if org:
                pos = org.end
                after_org = re.match(
                    r"(?:['\u2019]s)?\s+(?:[\w.'\u2019-]+\s+){1,6}?(?=that\s)",
                    text[pos:body_end],
                )
                if after_org and not any(
                    w in lx.SPEECH_VERBS for w in after_org.group().split()
                ):
                    # "told VOA reporter Said Suleiman Ashna that …", "tell
                    # VOA's Somali service that …": whom at the outlet the
                    # words were said to.
                    pos += after_org.end() - 1
            elif m:
                pos += m.end()
            elif whom:
                # "told his Israeli counterpart that …".
                pos += whom.end() - 1
            else:
                cap = re.match(
                    r"\s+(?:the\s+)?(?:[A-Z][\w-]*\s?){1,3}", text[pos:body_end]
                )
                if cap:
                    pos += cap.end()
            if not THAT_RE.match(text, pos, body_end) and not self._a_clause(
                pos, body_end
            ):
                # "told conferees how the Guard can …" (a topic), "…, Petry
                # told the attendees of the conference" (only whom to): no
                # reported clause after the verb.
                return None
        elif c.verb in lx.ACCUSING_VERBS:
            if not ACCUSED_OF_RE.match(text, pos, body_end):
                return None
            # "… of attempting a coup -- a charge he denies": the aside
            # after a dash is the writer's.
            dash = re.search(r"\s+(?:--|\u2014|\u2013)\s", text[pos:body_end])
            return self._cut(c.verb_start, pos + dash.start() if dash else body_end)
        else:
            # "vowed to reporters he would stay", "said to the press that".
            to = TO_WHOM_RE.match(text, pos, body_end)
            if to:
                pos = to.end()
        skip = SKIP_AFTER_CUE_RE.match(text, pos, body_end)
        m = THAT_RE.match(text, pos, body_end)
        if m is None and skip:
            # "said here today that …".
            m = THAT_RE.match(text, skip.end() - 1, body_end)
        if m and not re.search(r"[\"\u201c]", m.group("pre")):
            start = m.end()
        else:
            if c.verb in lx.WARNING_VERBS and AGAINST_RE.match(text, pos, body_end):
                # "warned today against the cuts", "cautioned against
                # dismissing …": what the speaker opposes, no proposition.
                return None
            if c.verb in lx.WARNING_VERBS and text[pos : pos + 1] == " ":
                return self._cut(c.verb_start, body_end)
            if skip and "," in skip.group():
                # "…, the leader said here today, adding that …": what
                # follows the comma is no reported clause of this cue.
                return None
            start = skip.end() if skip else pos
            while start < body_end and text[start] == " ":
                start += 1
            first = WORD_RE.match(text, start, body_end)
            if first is None or first.start() != start:
                return None
            if (
                first.group() in lx.NON_CLAUSE_STARTS
                and not APPROXIMATE_RE.match(text, start, body_end)
            ) or re.match(r"(?:not|never)\s+to\s", text[start:body_end]):
                # "vowed to defend", "vowed not to agree to …": a promise.
                return None
            if skip and first.group() in lx.STATEMENT_PARTICIPLES:
                # "…, officials said in a statement issued from Kabul": the
                # statement's description, and the words before are theirs.
                return None
            after_first = WORD_RE.match(text, first.end() + 1, body_end)
            if (
                c.verb.startswith("claim")
                and first.group() in CLAIMED_OBJECTS
                and not (after_first and after_first.group() in lx.FINITE_VERBS)
            ):
                # "claimed responsibility for the attack", "claimed victory".
                return None
            if c.verb in lx.OBJECT_VERBS and first.group() not in lx.CLAUSE_SUBJECTS:
                # "announced his endorsement", "emphasized the benefits of
                # …": an object, not a clause.
                return None
            possessive = first.group() in ("his", "her", "their", "its", "our", "my")
            # An article opening a bare noun phrase that closes the sentence.
            article = first.group() in ("the", "a", "an") and (
                len(WORD_RE.findall(text, start, body_end)) <= 4
            )
            if (
                (possessive or article)
                and c.verb not in _PLAIN_SAYING
                and not self._a_clause(start, body_end)
            ):
                # "stressed his commitment to hold the government together",
                # "confirmed the possible breakthrough": an object with no
                # verb of its own ("said his company is building …" has one).
                return None
        return self._cut(start, body_end)

    def _a_clause(self, start: int, end: int) -> bool:
        """Whether the words after an addressee read as a reported clause: a
        finite verb among them, and no question word or "about" opening a
        topic first ("told reporters the talks will resume", not "told the
        attendees of the conference" or "told conferees how …")."""
        for word in WORD_RE.findall(self.text[start:end]):
            lower = word.lower()
            if lower in lx.TOPIC_WORDS:
                return False
            if lower in lx.FINITE_VERBS or (len(lower) > 4 and lower.endswith("ed")):
                return True
        return False

    def _cut(self, start: int, end: int) -> tuple[int, int]:
        """Stop reported speech where a second reporting verb takes over
        ("said he understood … but insisted that …")."""
        m = re.search(
            rf"(?:,\s*)?\s(?:and|but)\s+(?:also\s+)?(?:{'|'.join(lx.SPEECH_VERBS)})\s+that\b",
            self.text[start:end],
        )
        if m:
            end = start + m.start()
        # "…, adding that …", '… pure "fantasy," arguing Russia is …': the
        # participle's clause is a quote of its own.
        m = re.search(
            rf",[\"\u201d]?\s+(?:{'|'.join(lx.PARTICIPLE_CUES)})\s",
            self.text[start:end],
        )
        if m:
            end = start + m.start()
        # "…, but a spokesman said …": another subject's reporting verb.
        m = OTHER_SUBJECT_RE.search(self.text, start, end)
        if m:
            end = m.start()
        m = re.search(r",\s+according to\b", self.text[start:end])
        if m:
            end = start + m.start()
        # "Hagel noted that …, Little said": the inverted attribution at the
        # end is another speaker's, reporting this one.
        m = INVERTED_END_RE.search(self.text, start, end)
        if m and not re.search(r"\bthat\b", m.group()):
            end = m.start()
        # "Hagel and Barak agreed that …, Little said, and that …".
        m = INVERTED_MID_RE.search(self.text, start, end)
        if m and not re.search(r"\bthat\b", m.group("attribution")):
            end = m.start()
        return start, end
