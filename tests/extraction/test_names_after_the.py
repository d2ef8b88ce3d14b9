"""A capitalised pair after "the" before a verb of saying is the end of a
body's or a place's name ("the Movement for the Liberation of the Volta
Delta, says", "The Harbour House said"), not a person, so the body speaking
makes no quote. One made-up passage each."""

from __future__ import annotations

from articles.extraction.engine import extract


class TestNameAfterThe:
    def test_the_end_of_a_body_s_name_is_no_person(self):
        x = extract(
            "The main rebel group, the Movement for the Liberation of the Volta "
            "Delta, says it may extend its attacks."
        )
        assert x.quotes == []
        assert x.people == []

    def test_a_body_after_the_opening_a_sentence_is_no_person(self):
        """ "The Harbour House said": a body speaking, no quote."""
        x = extract("The Harbour House said the talks will resume.")
        assert x.quotes == []
        assert x.people == []
