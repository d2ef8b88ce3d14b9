"""Copy the later rules must leave alone: each passage is ordinary news
wording that an over-broad rule of that kind would misread (a name taken for
another's misspelling, a lead's source handed to the next person named, a
nationality's spokesman made the state's, a company opening a sentence lost,
a participle read as a clause's verb, a president's visit read as the seat
of office). Made-up names."""

from __future__ import annotations

from articles.extraction.engine import extract
from tests.extraction.test_spoken_for import spoke_for
from tests.extraction.test_wire_recall import quotes


def speakers(text):
    x = extract(text)
    return [x.person(q.speaker).name if q.speaker else None for q in x.quotes]


class TestNames:
    def test_a_name_with_an_s_more_is_another_person(self):
        assert speakers(
            '"We will appeal," said Robert Mueller, a lawyer. Chief Justice '
            'Roberts was not moved. "The court is independent," Roberts said.'
        ) == ["Robert Mueller", "Roberts"]

    def test_a_based_person_keeps_her_name_and_her_quote(self):
        assert speakers('"We go," said London-based Ann Marsh.') == ["Ann Marsh"]

    def test_a_president_named_like_a_ship_is_still_a_person(self):
        x = extract(
            "The carrier USS Ronald Reagan docked. Former President Reagan "
            "once visited the ship, Jo Roe said."
        )
        assert "Reagan" in [p.name for p in x.people]


class TestLeads:
    def test_a_separate_interview_names_someone_else(self):
        assert spoke_for(
            "A senior Pentagon official said the base would close.\n\n"
            "In a separate interview, Jo Roe said the base would stay open."
        )[0] == ("A senior Pentagon official", "Pentagon")

    def test_the_same_head_with_no_body_is_someone_else(self):
        assert spoke_for(
            "A U.S. Army commander said the road was safe.\n\n"
            "Jo Roe, commander of a rival militia, told reporters the road "
            "was mined."
        )[0] == ("A U.S. Army commander", "U.S. Army")


class TestBodies:
    def test_a_nationality_s_militant_spokesman_is_no_state_s(self):
        assert spoke_for(
            "Kenyan militant spokesman Jo Roe said the pipeline was hit."
        ) == [("Jo Roe", None)]

    def test_a_club_opening_the_sentence_is_still_a_body(self):
        assert spoke_for("Arsenal manager Jo Roe said the team is ready.") == [
            ("Jo Roe", "Arsenal")
        ]

    def test_a_president_due_at_the_white_house_is_his_own_state_s(self):
        assert spoke_for(
            "Kenya is ready for talks. President Jo Roe is due at the White "
            "House next week. President Roe said the talks will go on."
        ) == [("Jo Roe", "Kenya")]

    def test_a_former_member_of_a_body_speaks_no_more_for_it(self):
        assert spoke_for(
            '"We will appeal," said Jo Roe, a lawyer.\n\n'
            "Roe, a former member of the Harbour Board, said the board erred."
        ) == [("Jo Roe", None), ("Jo Roe", None)]

    def test_a_clause_after_the_name_is_no_role(self):
        x = extract('"We go," said Jo Roe, who won a major award last year.')
        assert not x.person("jo-roe").role

    def test_words_opening_the_sentence_are_no_part_of_a_cabinet_title(self):
        x = extract(
            "Earlier Tuesday U.S. Secretary of Transportation Jo Roe said "
            "relief will come."
        )
        assert x.person("jo-roe").role == "U.S. Secretary of Transportation"


class TestClauses:
    def test_a_participle_in_an_opening_phrase_is_no_clause(self):
        assert (
            quotes(
                "At a ceremony held Tuesday in Nairobi, Foreign Minister Jo Roe "
                "stressed his commitment to peace."
            )
            == []
        )

    def test_claimed_victory_before_a_verb_is_a_clause(self):
        assert quotes(
            "Ann Marsh, the opposition leader, claimed victory was stolen from "
            "her party."
        ) == [("indirect", "victory was stolen from her party", "Ann Marsh")]
