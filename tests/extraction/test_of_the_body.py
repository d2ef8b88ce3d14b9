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


class TestRolesAfterTheName:
    def test_a_region_the_post_covers_is_no_body(self):
        assert spoke_for(
            '"Salmon recovery took a step forward," said Jo Roe, Northwest '
            "regional administrator for NOAA Fisheries."
        ) == [("Jo Roe", "NOAA Fisheries")]

    def test_a_member_of_a_body_s_council_speaks_for_the_council(self):
        assert spoke_for(
            "Jo Roe, a leading member of the Unity Movement\u2019s Guidance "
            "Council, told reporters the movement will honor the treaties."
        ) == [("Jo Roe", "Guidance Council")]

    def test_a_member_of_a_legislature_speaks_for_no_one(self):
        assert spoke_for(
            "Jo Roe, a member of the Kenyan Parliament, said the vote was fair."
        ) == [("Jo Roe", None)]

    def test_a_name_s_own_possessive_ending_is_kept(self):
        """ "commanding officer of the HMCS St. John's.": the "'s" owns
        nothing, so it is the ship's name; "Acme Corp's team" owns one."""
        assert spoke_for(
            '"We formed many allies," said Cmdr. Jo Roe, commanding officer '
            'of the HMCS St. John\'s. "It is inspiring," said Ann Lee of Acme '
            "Corp's team."
        ) == [("Jo Roe", "HMCS St. John's"), ("Ann Lee", "Acme Corp")]
