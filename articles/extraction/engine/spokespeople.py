"""A spokesperson titled by that word alone, named right after a sentence
whose subject is a body ("On Tuesday, the Harbour Board urged Ruritania to
stop. Spokeswoman Ann Marsh said …"): the text makes her the board's
spokeswoman."""

from __future__ import annotations

import re

from . import lexicon as lx
from .gazetteer import ORGANISATION, PERSON, WORD_RE
from .sources import SOURCE

_SPOKESPERSON = frozenset("spokesman spokeswoman spokesperson".split())
# "Spokeswoman " right before the name, nothing else of the role.
SPOKESPERSON_BEFORE_RE = re.compile(r"(?<![\w-])(?i:spokes(?:man|woman|person))\s+$")
# "On Tuesday, ", "After the vote, ": an opening phrase before the subject.
OPENING_RE = re.compile(r"[A-Z][^,;:\"\u201c\u201d]{0,60},\s+")
THE_RE = re.compile(r"(?:[Tt]he\s+)?")
# The subject's verb, an adverb or auxiliary allowed ("the board has
# urged", "the board on Monday urged").
VERB_RE = re.compile(
    r"\s+(?:(?:also|again|later|then|has|have|had|on\s+[A-Z][a-z]+day)\s+)*"
    r"(?P<verb>[a-z]+)\b"
)
# "Spokeswoman Ann Marsh, of the Fishermen's Union, said": the body she is
# of, after the name.
OF_AFTER_RE = re.compile(r",\s+of\s+(?:the\s+)?(?P<name>[^,;:.\"\u201c\u201d]{2,80})")
_NOT_VERBS = frozenset(
    "of for at with in on to from and or but who which that as by about".split()
)


def _names_body(phrase: str) -> bool:
    """Whether ``phrase`` names a body the rules may not have: a capitalised
    word that makes a name an organisation's ("the Fishermen's Union")."""
    return any(w in lx.ORG_KEYWORDS for w in WORD_RE.findall(phrase))


class Spokespeople:
    """Rules of one extraction run (mixed into ``story.Story``)."""

    def spokespeople_of_subject_bodies(self) -> None:
        """A person first named in a sentence after one whose subject is a
        body, with the bare role "Spokesman", "Spokeswoman" or
        "Spokesperson" before the name, speaks for that body. Not when the
        body is an object ("Rebels attacked the Harbour Board. Spokesman Jo
        Roe said …"), nor when another body or person is named between
        them, nor when one is named after the name (``_body_after``)."""
        seen: set[str] = set()
        quoted = None
        for mention in self.mentions:
            if mention.type != PERSON or mention.key.startswith(SOURCE):
                continue
            first = mention.key not in seen
            seen.add(mention.key)
            person = self.people[mention.key]
            if (
                not first
                or person.role_organisation is not None
                or (person.role or "").lower() not in _SPOKESPERSON
                or not SPOKESPERSON_BEFORE_RE.search(
                    self.text, max(0, mention.start - 20), mention.start
                )
            ):
                continue
            if self._body_after(mention):
                continue
            i = self.sentence_index_at(mention.start)
            if i == 0:
                continue
            s_start, s_end = self.sentences[i - 1]
            p = self.paragraphs.index(self.paragraph_at(mention.start))
            if self.paragraph_at(s_start) not in self.paragraphs[max(0, p - 1) : p + 1]:
                continue
            body = self._subject_body(s_start, s_end)
            if body is None or any(
                m.type in (PERSON, ORGANISATION) and body.end <= m.start < mention.start
                for m in self.mentions
            ):
                continue
            if quoted is None:
                quoted = self.quoted_spans()
            if any(q_start <= body.start < q_end for q_start, q_end in quoted):
                # '"The Harbour Board failed," Spokesman Jo Roe said'.
                continue
            person.role_organisation = body.key

    def _body_after(self, mention) -> bool:
        """Whether the name is followed by a body of its own: a role after
        it that names one ("Spokeswoman Ann Marsh, a Fishermen's Union
        official, said") or ", of" and one ("…, of the Fishermen's Union,
        said"). She speaks for that body, or for none, not the subject's."""
        after = self._role_after(mention)
        if after is not None and (after[1] is not None or _names_body(after[0])):
            return True
        of = OF_AFTER_RE.match(self.text, mention.end)
        if of is None:
            return False
        body = self.by_start.get(of.start("name"))
        return (body is not None and body.type == ORGANISATION) or _names_body(
            of.group("name")
        )

    def _subject_body(self, s_start: int, s_end: int):
        """The body that is the subject of the sentence from ``s_start``:
        named first, or first after an opening phrase, and followed by its
        verb; its mention, or None."""
        opening = OPENING_RE.match(self.text, s_start, s_end)
        for start in (s_start, opening.end() if opening else None):
            if start is None:
                continue
            the = THE_RE.match(self.text, start, s_end)
            body = self.by_start.get(the.end())
            if body is None or body.type != ORGANISATION:
                continue
            verb = VERB_RE.match(self.text, body.end, s_end)
            if verb is not None and verb.group("verb") not in _NOT_VERBS:
                return body
        return None
