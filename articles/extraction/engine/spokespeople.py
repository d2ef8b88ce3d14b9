"""A spokesperson titled by that word alone, named right after a sentence
whose subject is a body ("On Tuesday, the Harbour Board urged Ruritania to
stop. Spokeswoman Ann Marsh said …"): the text makes her the board's
spokeswoman."""

from __future__ import annotations

import re

from . import lexicon as lx
from .gazetteer import ORGANISATION, PERSON, WORD_RE

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
        found = self.named_after_subjects(self._bare_spokesperson, self._subject_body)
        for mention, (_, body), _ in found:
            if any(
                m.type in (PERSON, ORGANISATION) and body.end <= m.start < mention.start
                for m in self.mentions
            ):
                continue
            self.people[mention.key].role_organisation = body.key

    def _bare_spokesperson(self, mention) -> bool:
        """Whether ``mention``'s person is titled "Spokeswoman" (or
        "Spokesman", "Spokesperson") right before the name and nothing else,
        with no body of their own after it."""
        return (
            (self.people[mention.key].role or "").lower() in _SPOKESPERSON
            and SPOKESPERSON_BEFORE_RE.search(
                self.text, max(0, mention.start - 20), mention.start
            )
            is not None
            and not self._body_after(mention)
        )

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
        verb (``sentence_subject``); where its mention starts and the
        mention, or None."""
        opening = OPENING_RE.match(self.text, s_start, s_end)
        found = self.sentence_subject(
            (s_start, opening.end() if opening else None),
            s_end,
            self._body_at,
            VERB_RE,
        )
        if found is None:
            return None
        _, (_, body) = found
        return body.start, body

    def _body_at(self, start: int, limit: int):
        """The body named at ``start``, after "the" if any: where its mention
        ends and the mention, or None."""
        the = THE_RE.match(self.text, start, limit)
        body = self.by_start.get(the.end())
        if body is None or body.type != ORGANISATION:
            return None
        return body.end, body
