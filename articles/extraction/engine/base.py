"""Shared by the rules: the regular expressions for cues, outlets and
sentence ends, and the working records of one run (mentions, cues)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx

_VERBS = "|".join(sorted(lx.SPEECH_VERBS | lx.LABEL_VERBS, key=len, reverse=True))
CUE_RE = re.compile(
    r"\b(?P<aux>(?:(?:has|have|had|was|were|is|are|will|would)\s+)?(?:been\s+)?)"
    rf"(?P<verb>(?i:{_VERBS}))\b"
)
# "Marsh and her colleagues said": the one named speaks for them.
COMPANIONS = (
    r"\s+and\s+(?:his|her|their)\s+(?:[a-z-]+\s+)?(?:colleagues|team"
    r"|co-authors|coauthors|aides|advisers|advisors|staff)"
)
# Every verb of saying, longest first, for an alternation in a pattern.
SAYING = "|".join(sorted(lx.SPEECH_VERBS, key=len, reverse=True))
# "has repeatedly said", "had earlier said": between a name and its verb.
ADVERBS_BEFORE_CUE_RE = re.compile(
    r"^(?:(?:has|have|had|also|later|long|repeatedly|earlier|often|publicly"
    r"|privately|reportedly|previously|first|once|then|again|recently)\s+)+"
)
# Capitalised words after a body's name: its unit's ("Acme Wing Team").
UNIT_WORDS_RE = re.compile(r"(?:\s+[A-Z][\w&'\u2019-]*)*")
# ", Acme Wing Team" closing the words before a verb.
UNIT_ASIDE_RE = re.compile(r",\s+(?:[A-Z][\w.&'\u2019-]*\s+)*[A-Z][\w.&'\u2019-]*$")
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")
THAT_RE = re.compile(
    r"(?P<pre>(?:\s*,\s*however\s*,)?(?:\s+(?:on|in|at|to|during|after|with|via"
    r"|from|before|by|over)\s"
    # ("said that, in her view, …": a comma after "that" opens an aside.)
    r"[^,.;:\"\u201c\u201d]{0,60}?)?\s*,?)\s*\bthat(?:,(?=\s))?\s+"
)
# Where and when, between a cue and its reported words or the sentence's end
# ("said here today, adding that …", "said recently", "said in a Pentagon
# press briefing", "said on Tuesday that …"): skipped, one or more of them.
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
SKIP_AFTER_CUE_RE = re.compile(
    r"(?:\s*(?:(?:(?:on|late on|early on|late|early|last|this)\s+)?"
    # ("said Sunday's vote was rigged": a day owning a noun is no time.)
    rf"(?:{_DAYS})(?![\w'\u2019])(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:here|there|today|yesterday|tonight|recently|earlier|later|again)"
    r"(?![\w'\u2019-])"
    r"|(?:last|this|next|earlier this|later this)\s+(?:week|month|year)\b"
    r"|in a statement|on Twitter|on X"
    # "said during a news conference following the meeting at NATO HQ".
    r"|(?:following|after|before)\s+(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+)"
    r"{0,2}?(?:meeting|talks|session|conference|briefing|visit|vote|summit)"
    r"(?:\s+(?:at|in|with)\s+[^,.;:\"\u201c\u201d]{1,40}?(?=[,.;]|$))?"
    # "said in Baghdad the talks …", "said in March the city …".
    r"|(?:in|from)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s+[a-z])"
    r"|(?:at|in|during) an?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:news conference|press conference|briefing|interview|speech|statement)\b"
    r")\s*,?)+\s*"
)
OUTLET_RES = (
    re.compile(r"\b(?:told|tells?)\s+"),
    re.compile(r"\b(?:[Ss]peaking|[Tt]alking)\s+(?:to|with|on)\s+"),
    re.compile(
        r"\b[Ii]n (?:an|a|his|her|their)\s+(?:interview|comments)\s+(?:with|to)\s+"
    ),
    re.compile(r"\b(?:said|speaking|appearing|appeared)\s+on\s+"),
    re.compile(r"\bquoted by\s+"),
)
# Sentence ends: . ! ? (and a closing quotation mark) before a space and a
# capital, digit or opening mark; line breaks always end one.
SENTENCE_END_RE = re.compile(
    r"(?<=[.!?])[\"\u201d\u2019)]?(?=\s+[\"\u201c\u2018(]?[A-Z0-9])|\n+"
)
# Month abbreviations ("Nov. 26") end no sentence either.
ABBREVIATIONS = lx.ABBREVIATED_TITLES | frozenset(
    "v vs No Co Corp Inc Ltd Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
PARAGRAPH_RE = re.compile(r"[^\n]+")


# --------------------------------------------------------------------------
# Working state shared by the rules


@dataclass
class Mention:
    start: int
    end: int
    type: str
    key: str


@dataclass
class Cue:
    start: int  # of the auxiliary, if any
    verb_start: int
    end: int
    cue: str
    verb: str
    speaker: str | None = None
    subject_start: int | None = None
    pronoun: bool = False
    outlet: str | None = None
    content: tuple[int, int] | None = None
    used: bool = False


# Roles an outlet's journalist holds at a post ("VOA's Jakarta
# correspondent"): the city before them is where, the outlet whom.
POSTED_JOURNALISTS = frozenset("correspondent reporter bureau stringer".split())

# A rate's class (or a seaman's, airman's or fireman's grade) before a
# name, with a warfare qualification after it ("Petty Officer 2nd Class
# (SW) Jo Roe", "Electronics Technician Seaman (SS) Jo Roe"); the words
# before the class are the rate's, no one's name.
_GRADE = r"(?:\d(?:st|nd|rd)\s+Class|(?:Sea|Air|Fire)man(?:\s+(?:Apprentice|Recruit))?)"
_QUALIFICATION = r"\s+\([A-Z/]{2,9}\)\s"
GRADE_BEFORE_RE = re.compile(rf"\b{_GRADE}{_QUALIFICATION}+$")
GRADE_AFTER_RE = re.compile(rf"\s+{_GRADE}\b")
# A run ending in a grade, then its qualification ("… Seaman (SS) ").
GRADE_QUALIFIED_RE = re.compile(rf"\b{_GRADE}(?={_QUALIFICATION})")
# "Forces loyal to …", "officials close to …".
LOYAL_TO = r"(?:loyal|close)\s+to"
