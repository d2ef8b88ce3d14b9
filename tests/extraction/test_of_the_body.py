"""A name and the body it is of, written with "of the" ("Jo Roe of the
Union of Republican Forces told reporters"), and the verb "told", whose
object is whom the words were told to, never an inverted subject."""

from __future__ import annotations

from tests.extraction.test_spoken_for import spoke_for
from tests.extraction.test_wire_recall import quotes


class TestNameOfTheBody:
    def test_name_of_the_body_before_the_verb(self):
        assert spoke_for(
            "Ann Marsh of the Union of Republican Forces told reporters that "
            "ballot papers were missing."
        ) == [("Ann Marsh", "Union of Republican Forces")]

    def test_name_of_the_body_between_commas_after_a_role(self):
        assert spoke_for(
            "Another opposition leader, Ann Marsh of the Union of Republican "
            "Forces, told reporters that ballot papers were missing."
        ) == [("Ann Marsh", "Union of Republican Forces")]


class TestToldIsNotInverted:
    def test_the_clause_before_told_is_no_quote_of_whom_was_told(self):
        assert quotes("The vote was rigged, told reporters on Sunday.") == []
