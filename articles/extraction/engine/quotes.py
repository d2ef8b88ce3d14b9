"""Direct and partial quotes: which quoted words are quotes, and who said
them."""

from __future__ import annotations

import re

from . import lexicon as lx
from .base import (
    CUE_RE,
    Cue,
)
from .gazetteer import PERSON, WORD_RE
from .results import (
    DIRECT,
    INDIRECT,
    PARTIAL,
    ProposedQuote,
    SetAside,
)
from .text import (
    is_cap,
)

QUOTE_MARKS = '"\u201c\u201d'
SCARE_QUOTES = "scare quotes"
# "Lisa Schlein reports.": a newscast's correspondent, not the speaker of
# the clip after.
REPORTING_NEWS = frozenset("report reports reported".split())
# ("Secretary Tillerson met with Chinese President Xi Jinping Sunday." before
# a newscast's clip of what he said to him.)
SPOKE_TO_RE = re.compile(
    r"\s+(?P<cue>(?:spoke|speaks|talked|talks)\s+(?:to|with)|(?:met|meets)\s+with)"
    r"\s+(?:reporters|journalists|the press|[A-Z][\w.'\u2019-]*)"
)


class Quotes:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def find_quotes(self) -> None:
        spans = self.quoted_spans()
        inside = self.quotations = [(o, c) for o, c in spans]
        cues = [
            c for c in self.find_cues() if not any(o < c.start < cl for o, cl in inside)
        ]
        # Direct quotes and their attribution come first: their cues are
        # then not read again as reported speech.
        directs: list[tuple[int, int, int, int]] = []
        partials: list[tuple[int, int, int, int]] = []
        short: list[tuple[int, int, str]] = []
        for open_at, close_at in spans:
            start, end = open_at + 1, close_at
            body = self.text[start:end]
            while end > start and self.text[end - 1] in " ,":
                end -= 1
            if end <= start:
                continue
            reason = self._not_a_quote(open_at, close_at, body)
            if reason == SCARE_QUOTES:
                # Decided once reported speech is known: inside it, a word
                # or two in marks is the speaker's ("in for a "fair fight,"
                # an officer said").
                short.append((start, end, reason))
                continue
            if reason:
                self.set_aside.append(
                    SetAside(self.text[start:end], start, end, reason)
                )
                continue
            (directs if self._is_direct(open_at) else partials).append(
                (open_at, close_at, start, end)
            )
        last_direct: dict[tuple[int, int], ProposedQuote] = {}
        for open_at, close_at, start, end in directs:
            self._direct(open_at, close_at, start, end, cues, last_direct)
        self._indirect(cues)
        for start, end, reason in short:
            # 'as part of an "oil war" …. It says the "oil war" is …': a
            # word or two the story itself writes again in marks is a term
            # it uses, whoever coined it.
            if not self._term_repeated(start, end, spans) and any(
                c.content
                and c.speaker
                and c.content[0] <= start
                and end <= c.content[1]
                for c in cues
            ):
                partials.append((start - 1, end, start, end))
            else:
                self.set_aside.append(
                    SetAside(self.text[start:end], start, end, reason)
                )
        partials.sort()
        for _open_at, _close_at, start, end in partials:
            self._partial(start, end, cues)
        self._attributed_by_sentence_before(cues)
        self._attributed_by_paragraph_after()
        self._drop_wholly_quoted()
        self.name_sources_later()
        self.name_definite_descriptions()

    def _term_repeated(self, start: int, end: int, spans) -> bool:
        """Whether the words at ``start:end`` stand in marks elsewhere too."""
        words = self.text[start:end].strip(" ,.").lower()
        return any(
            o + 1 != start and self.text[o + 1 : c].strip(" ,.").lower() == words
            for o, c in spans
        )

    def _attributed_by_paragraph_after(self) -> None:
        """A quotation running over paragraphs names its speaker in a later
        one: a paragraph opening with a mark that nothing closes, with no
        attribution of its own, takes the speaker of the quote that opens
        the next paragraph ('"We will not stop. …' / '"There is no other
        way," said X.')."""
        opening = {q.start - 1: q for q in self.quotes if q.kind == DIRECT}
        kept = []
        for item in sorted(self.set_aside, key=lambda s: -s.start):
            para = self.paragraph_at(item.start)
            i = self.paragraphs.index(para)
            following = (
                opening.get(self.paragraphs[i + 1][0])
                if i + 1 < len(self.paragraphs)
                else None
            )
            if (
                item.reason != "no speaker"
                or item.kind != DIRECT
                or item.start - 1 != para[0]
                or self.text[item.end : para[1]].strip(" ,")
                or following is None
            ):
                kept.append(item)
                continue
            opening[para[0]] = self._propose(
                DIRECT,
                (item.start, item.end),
                following.speaker,
                following.cue,
                following.outlet,
                (item.start - 1, following.evidence_end),
                0.6,
            )
        self.set_aside = sorted(kept, key=lambda s: s.start)

    def _attributed_by_sentence_before(self, cues: list[Cue]) -> None:
        """A direct quote with no attribution of its own that follows, in
        the same paragraph, a sentence reporting someone's words ("… told
        the BBC that …. "There have been …"") takes that sentence's
        speaker, cue and outlet; so does a paragraph that is only a closed
        quotation, after a paragraph whose last sentence has a speaker
        ("X says the U.N. was not consulted." / '"But we have noted …"')."""
        kept = []
        for item in self.set_aside:
            found = None
            if item.reason == "no speaker" and item.kind == DIRECT:
                open_at = item.start - 1
                i = self.sentence_index_at(open_at)
                para = self.paragraph_at(open_at)
                if i and self.sentences[i][0] == open_at:
                    s_start, s_end = self.sentences[i - 1]
                    if s_start >= para[0] and not self.text[s_end:open_at].strip():
                        found = next(
                            (
                                c
                                for c in cues
                                if s_start <= c.start < s_end
                                and c.speaker
                                and c.content
                                and c.verb not in lx.LABEL_VERBS
                            ),
                            None,
                        )
                    elif open_at == para[0] and self._only_quotation(item, para):
                        found = next(
                            (
                                c
                                for c in reversed(cues)
                                if s_start <= c.start < s_end
                                and c.speaker
                                and c.verb not in lx.LABEL_VERBS | REPORTING_NEWS
                            ),
                            None,
                        ) or self._spoke_to(s_start, s_end)
            if found is None:
                kept.append(item)
                continue
            self._propose(
                DIRECT,
                (item.start, item.end),
                found.speaker,
                found.cue,
                found.outlet,
                (self.sentences[i - 1][0], item.end),
                0.6,
            )
        self.set_aside = kept

    def _spoke_to(self, s_start: int, s_end: int) -> Cue | None:
        """A sentence saying whom a person spoke to ("Mayor Ann Marsh spoke
        to reporters on Tuesday."), as a cue for the quotation after it."""
        m = SPOKE_TO_RE.search(self.text, s_start, s_end)
        person = m and self.mention_ending(m.start(), PERSON)
        if not person or self.first_mention(s_start, m.start(), PERSON) != person:
            return None
        verb = "spoke"
        if m.group("cue").startswith("me"):
            verb = " ".join(m.group("cue").split())
        cue = Cue(m.start(), m.start() + 1, m.end(), verb, verb)
        cue.speaker = person.key
        cue.outlet = self.outlet_in(m.start(), s_end)
        return cue

    def _only_quotation(self, item: SetAside, para: tuple[int, int]) -> bool:
        """Whether a paragraph holds only the quotation ``item``, closed, and
        reads as speech: not a headline in title case ("Bridge Closed: What
        Now?")."""
        words = WORD_RE.findall(item.text)
        return bool(
            re.fullmatch(r"[\s,]*[\"\u201d][\s.]*", self.text[item.end : para[1]])
            and len(words) >= 4
            and not all(is_cap(w) for w in words)
        )

    def _drop_wholly_quoted(self) -> None:
        """'X said that "…"': when the whole reported clause is inside the
        marks there are no reported words outside them, and the quote is
        the partial one alone."""
        partials = {(q.start, q.end) for q in self.quotes if q.kind == PARTIAL}
        kept = []
        for q in self.quotes:
            if q.kind == INDIRECT:
                start, end = q.start, q.end
                text = self.text
                while start < end and text[start] in QUOTE_MARKS:
                    start += 1
                while end > start and text[end - 1] in QUOTE_MARKS + ",.!? ":
                    end -= 1
                if any(ps <= start and end <= pe for ps, pe in partials) and (
                    start > q.start
                ):
                    continue
            kept.append(q)
        self.quotes = kept

    def _not_a_quote(self, open_at: int, close_at: int, body: str) -> str | None:
        text = self.text
        words = WORD_RE.findall(body)
        # The words around the marks, never across a paragraph break: a
        # quote opening a paragraph is not titled by the last word before it.
        p_start, p_end = self.paragraph_at(open_at)
        prev = WORD_RE.findall(text[max(p_start, open_at - 40) : open_at])
        nxt = re.match(
            r"\s*([a-z][\w-]*)", text[close_at + 1 : min(p_end, close_at + 30)]
        )
        if re.search(r"[.!?]\s+$", text[max(p_start, open_at - 3) : open_at]):
            # 'the three-hour conference. "We've listened …"': a sentence's
            # last word titles nothing after its stop.
            prev = []
        prev_word = prev[-1] if prev else ""
        # "called the project "a turning point"", "calls X the "Caesar of
        # Washington"": after a verb that labels, the words are a label
        # someone gave, not a title.
        labelled = re.search(
            # (An initial's stop ends no clause: "calls George W. Bush the".)
            rf"\b(?:{'|'.join(lx.LABEL_VERBS)})\b(?:[^.;:]|(?<=\b[A-Z])\.)*$",
            text[max(p_start, open_at - 60) : open_at],
        )
        named = lx.NAMED_THING_RE.search(text, max(p_start, open_at - 120), open_at)
        if (
            prev_word.lower() in lx.NAMING_WORDS
            or "so-called" in text[max(p_start, open_at - 12) : open_at]
            or (named and named.group("noun") in lx.NAMED_NOUNS)
        ):
            return "a name or a label"
        if prev_word in ("Operation", "Project", "Mission") or (
            prev_word.lower() in lx.TITLE_NOUNS
            and words
            and (is_cap(words[0]) or len(words) <= 3)
            and not (labelled and not is_cap(words[0]))
        ):
            return "a title"
        if (
            prev_word.lower() in ("the", "a", "an")
            and nxt
            and nxt.group(1) in lx.TITLE_NOUNS
        ):
            return "a title"
        if (
            words
            and len(words) <= 6
            and all(
                is_cap(w) or w in ("of", "and", "the", "v", "in", "on") for w in words
            )
            and not self._is_direct(open_at)
            and not labelled
        ):
            return "a title"
        if len(words) <= 2 and not self._is_direct(open_at):
            m = re.search(
                r"\b(\w+)\s+(?:\w+\s+){0,3}$",
                text[max(p_start, open_at - 60) : open_at],
            )
            verb_before = re.search(
                # (An abbreviation's stops end no clause: "calls U.S. ties".)
                rf"\b(?:{'|'.join(lx.LABEL_VERBS)})\b(?:[^.,;]|(?<=\b[A-Z])\.)*$",
                text[max(p_start, open_at - 60) : open_at],
            )
            if not (m and verb_before):
                return SCARE_QUOTES
        return None

    def _is_direct(self, open_at: int) -> bool:
        p_start, _ = self.paragraph_at(open_at)
        before = self.text[p_start:open_at].rstrip()
        if not before or before[-1] in '.!?:\u201d"':
            return True
        if before.endswith(","):
            m = CUE_RE.search(before[-40:])
            return bool(m and before[-40:][m.end() :].strip(" ,").count(" ") <= 2)
        return False

    def _direct(self, open_at, close_at, start, end, cues, last_direct) -> None:
        text = self.text
        para = self.paragraph_at(open_at)
        s_close = self.sentence_at(close_at + 1)
        after_limit = s_close[1] if s_close[0] <= close_at + 1 else close_at + 1
        if after_limit == close_at + 1:
            after_limit = self._attribution_sentence_after(close_at, para, cues)
        after = text[close_at + 1 : after_limit]
        speaker = cue = outlet = None
        evidence = [self.sentence_at(open_at)[0], max(after_limit, close_at + 1)]
        confidence = 0.9
        # Attribution after: '"…," Hanhui told TASS.' / '"…," said X.'
        m = re.match(r"[,\s]*", after)
        at = close_at + 1 + m.end()
        for c in cues:
            reach = at + 80 + self.names_between(at, c.start)
            if not (at <= c.start <= reach and c.start < after_limit):
                continue
            if c.verb in lx.LABEL_VERBS:
                continue
            speaker, _, pronoun = (
                self.subject_before(c.start) if c.start > at else (None, None, False)
            )
            if speaker and self._span_clean(at, c.start):
                pass
            elif c.start == at or re.fullmatch(r"[,\s]*", text[at : c.start]):
                speaker = self.subject_after(c.end, after_limit)
                pronoun = False
            else:
                speaker = None
            if speaker:
                cue, c.used = c.cue, True
                outlet = self.outlet_in(c.start, after_limit)
                confidence = 0.85 if pronoun else 0.9
                break
        according = re.match(r"[,\s]*according to\s+", after)
        if speaker is None and according:
            # '"We will see," according to Jo Lee, the treasurer.'
            named = self.first_mention(
                close_at + 1 + according.end(), after_limit, PERSON, within=40
            )
            if named:
                speaker, cue, confidence = named.key, "according to", 0.8
                outlet = self.outlet_in(close_at + 1, after_limit)
        if speaker is None:
            # Attribution by position, whatever the verb: '"…," Mr. Bush
            # hailed the deal', '"…," agreed President Putin'.
            found = self.subject_by_position(close_at + 1, after_limit)
            if found:
                speaker, cue = found
                outlet = self.outlet_in(close_at + 1, after_limit)
                confidence = 0.7
        if speaker is None:
            # Attribution before: 'Kamau told reporters: "…"'.
            s_open = self.sentence_at(open_at)
            lead_start = (
                s_open[0] if s_open[0] < open_at else self.sentence_at(open_at - 2)[0]
            )
            lead = text[lead_start:open_at].rstrip()
            if lead.endswith((":", ",")):
                for c in reversed(cues):
                    if lead_start <= c.start < open_at and c.verb not in lx.LABEL_VERBS:
                        speaker, _, _ = self.subject_before(c.start)
                        if speaker is None and c.verb in lx.PARTICIPLE_CUES:
                            # 'Burns addressed the difficulty saying, "…"'.
                            speaker = self._participle_subject(
                                c, cues, lead_start, bare=True
                            )
                        if speaker:
                            cue, c.used = c.cue, True
                            outlet = self.outlet_in(lead_start, open_at)
                            evidence[0] = lead_start
                        break
            if speaker is None and para[0] == open_at:
                # The paragraph before says whose statement follows: "The
                # following is a statement from NASA Administrator Sean
                # O'Keefe …", "… Griffin issued the following statement".
                speaker = self._statement_speaker(para)
                if speaker:
                    cue, confidence = "statement", 0.7
                    evidence[0] = self.paragraphs[self.paragraphs.index(para) - 1][0]
            if speaker is None and lead.endswith(":"):
                # A statement introduced by its speaker, with no verb: 'EPA
                # Regional Administrator Cathy Stepp: "…"', or a paragraph
                # ending 'issued the following statement:' before the quote.
                speaker = self._speaker_before_colon(lead_start, lead_start + len(lead))
                if speaker:
                    cue, confidence = "", 0.7
                    evidence[0] = lead_start
        if speaker is None:
            # A newscast's clip: 'This is NATO Secretary-General Jens
            # Stoltenberg. "I have today …"'.
            clip = re.search(
                r"\bThis is ([^.\"\u201c]+?)\.\s*$", text[para[0] : open_at]
            )
            named = clip and self.first_mention(
                para[0] + clip.start(1), para[0] + clip.end(1), PERSON
            )
            if named:
                speaker, cue, confidence = named.key, "this is", 0.7
                evidence[0] = para[0] + clip.start()
        attributed = any(
            at <= c.start <= at + 40 and c.start < after_limit for c in cues
        )
        if speaker is None and not attributed:
            # A continuation: '"…," Long said. "We came to …"' (not when a
            # cue after the quote names another source: '"…," the
            # statement said').
            previous = last_direct.get(para)
            if previous is None and para[0] == open_at:
                i = self.paragraphs.index(para)
                previous = last_direct.get(self.paragraphs[i - 1]) if i else None
                confidence = 0.6
            else:
                confidence = 0.75
            if previous:
                speaker, cue, outlet = previous.speaker, previous.cue, previous.outlet
        if speaker is None:
            self.set_aside.append(
                SetAside(text[start:end], start, end, "no speaker", DIRECT)
            )
            return
        last_direct[para] = self._propose(
            DIRECT, (start, end), speaker, cue, outlet, evidence, confidence
        )

    def _attribution_sentence_after(self, close_at, para, cues) -> int:
        """Where the attribution after a quotation ending in "?", "!" or an
        ellipsis ends: such a mark ends the sentence before a capital, so
        '"Is this the best we can do?" Ann Marsh asked.' is split in two.
        The next sentence is the attribution when it is short and reports
        nothing of its own; else the quotation's own end."""
        own_end = close_at + 1
        if not re.search(r"(?:[?!]|\.\.\.|\u2026)$", self.text[:close_at]):
            return own_end
        s_start, s_end = self.sentence_at(own_end + 1)
        if s_start <= close_at or s_end > para[1] or self.text[own_end:s_start].strip():
            return own_end
        for c in cues:
            if s_start <= c.start <= s_start + 60 and c.verb not in lx.LABEL_VERBS:
                # Only where, when or to whom: "… asked reporters on Tuesday."
                rest = WORD_RE.findall(self.text[c.end : s_end])
                if len(rest) <= 8 and not any(
                    w in lx.FINITE_VERBS or w == "that" or w.endswith("ed")
                    for w in rest
                ):
                    return s_end
                break
        return own_end

    def _statement_speaker(self, para: tuple[int, int]) -> str | None:
        """The speaker a statement's lead paragraph names, for the quoted
        paragraph after it: the person after "statement from/by", else the
        subject of "… issued the following statement"."""
        i = self.paragraphs.index(para)
        if i == 0:
            return None
        start, end = self.paragraphs[i - 1]
        lead = self.text[start:end]
        m = re.search(r"\bstatement\s+(?:from|by)\s+", lead)
        if m:
            person = self.first_mention(start + m.end(), end, PERSON, within=60)
            return person.key if person else None
        m = re.search(
            r"\b(?:issued|released|made)\s+(?:the following|a)\s+statement\b", lead
        )
        if m:
            person = self.first_mention(start, start + m.start(), PERSON)
            return person.key if person else None
        return None

    def _speaker_before_colon(self, start: int, colon: int) -> str | None:
        """The person a lead ending in a colon names: the one just before
        the colon (after a title, or with an aside such as "(R-MT)" or "of
        the Justice Department"), else the first one of the lead (its
        subject: "John P. Holdren, Assistant to the President, issued the
        following statement:")."""
        people = [
            m
            for m in self.mentions
            if m.type == PERSON and start <= m.start and m.end <= colon
        ]
        if not people:
            return None
        last = people[-1]
        tail = self.text[last.end : colon - 1]
        if len(tail.split()) <= 10 and not CUE_RE.search(tail):
            return last.key
        return people[0].key

    def _span_clean(self, start: int, end: int) -> bool:
        """Only a name, a role in commas, or nothing between two offsets (a
        full stop only after an initial or an abbreviated title)."""
        between = self.text[start:end]
        # Dotted acronyms first ("U.N."): their last letter is no initial.
        between = re.sub(r"\b(?:[A-Z]\.){2,}", "", between)
        between = re.sub(
            r"\b(?:[A-Z]|" + "|".join(lx.ABBREVIATED_TITLES) + r")\.(?= )", "", between
        )
        return "." not in between and '"' not in between

    def _partial(self, start: int, end: int, cues: list[Cue]) -> None:
        text = self.text
        s_start, s_end = self.sentence_at(start)
        in_sentence = [
            c
            for c in cues
            if s_start <= c.start < s_end and c.verb not in ("according to",)
        ]
        chosen = None
        # "Calling Russia a "major space power", Hanhui mentioned …".
        labels = [c for c in in_sentence if c.verb in lx.LABEL_VERBS and c.end <= start]
        speaker_of_sentence = next((c for c in in_sentence if c.speaker), None)
        if labels:
            label = labels[-1]
            speaker = label.speaker or (
                speaker_of_sentence and speaker_of_sentence.speaker
            )
            if speaker:
                chosen = (speaker, label.cue, None)
        if chosen is None:
            holder = next(
                (
                    c
                    for c in cues
                    if c.content and c.content[0] <= start and end <= c.content[1]
                ),
                None,
            )
            if holder:
                chosen = (holder.speaker, holder.cue, holder.outlet)
        nearest = [
            c for c in in_sentence if c.end <= start and c.verb not in lx.LABEL_VERBS
        ]
        if (
            chosen is None
            and nearest
            and re.fullmatch(r"\s*", text[nearest[-1].end : start - 1])
        ):
            # 'Officials said …, but a spokesman said "nothing is final"':
            # the cue right before the words, whose clause is all in marks.
            c = nearest[-1]
            speaker = c.speaker or self.subject_before(c.start)[0]
            if speaker:
                chosen = (speaker, c.cue, None)
        if chosen is None:
            speaking = [
                c for c in in_sentence if c.speaker and c.verb not in lx.LABEL_VERBS
            ]
            if speaking:
                c = speaking[0]
                chosen = (c.speaker, c.cue, self.outlet_in(s_start, s_end))
        if chosen is None:
            self.set_aside.append(
                SetAside(text[start:end], start, end, "no speaker", PARTIAL)
            )
            return
        speaker, cue, outlet = chosen
        self._propose(
            PARTIAL,
            (start, end),
            speaker,
            cue,
            outlet or self.outlet_in(s_start, s_end),
            (s_start, s_end),
            0.8,
        )
