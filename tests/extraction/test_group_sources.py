"""Unnamed sources that are groups of people, from the closed class of
source nouns (``engine.groups``), and the words in marks inside what they
say: who is such a source, how the story's description of it is kept, and
whom it speaks for. One made-up passage each."""

from __future__ import annotations

from articles.extraction.engine import extract


class TestTermsInReportedSpeech:
    def test_a_term_the_story_writes_again_is_no_partial_quote(self):
        """'Officials say … a "water war" ….  The "water war" began …': a
        word or two the story itself writes again in marks is a term it
        uses, not the source's words."""
        x = extract(
            'Officials say the dam is part of a "water war" along the river.\n\n'
            'The "water war" began in the spring.'
        )
        assert [q.kind for q in x.quotes] == ["indirect"]

    def test_a_short_quotation_written_once_is_a_partial_quote(self):
        x = extract('Officials say the dam is part of a "water war" along the river.')
        assert [q.kind for q in x.quotes] == ["indirect", "partial"]
