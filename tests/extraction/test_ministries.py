"""Bodies wire copy names in passing: a ministry written in lower case
("an Afghan interior ministry spokesman"), a group named once with "the"
before it speaking ("The Taliban claimed …"), and the role that points back
at it ("The group's chief spokesman, Jo Roe")."""

from __future__ import annotations

from tests.extraction.test_spoken_for import spoke_for


class TestMinistriesInLowerCase:
    def test_an_unnamed_source_speaks_for_the_ministry_not_only_the_state(self):
        assert spoke_for(
            "The siege ended, an Afghan interior ministry spokesman said."
        ) == [("an Afghan interior ministry spokesman", "Afghan Interior Ministry")]

    def test_a_title_before_the_name(self):
        assert spoke_for(
            "Kenyan foreign ministry spokeswoman Ann Marsh said the talks would go on."
        ) == [("Ann Marsh", "Kenyan Foreign Ministry")]

    def test_a_description_before_the_name_after_the_cue(self):
        assert (
            spoke_for(
                "The siege ended, said an Afghan interior ministry spokesman, "
                "Jo Roe. He noted that 20 people were hurt."
            )
            == [("Jo Roe", "Afghan Interior Ministry")] * 2
        )

    def test_a_role_after_the_name(self):
        assert spoke_for(
            '"We are ready," said Jo Roe, a spokesman for the health ministry.'
        ) == [("Jo Roe", "Health Ministry")]

    def test_no_portfolio_names_no_ministry(self):
        """ "the ministry" alone points back at one named before."""
        assert spoke_for(
            '"We are ready," said Jo Roe, a spokesman for the ministry.'
        ) == [("Jo Roe", None)]


class TestAGroupNamedWithTheArticle:
    def test_the_group_s_spokesman_speaks_for_the_group(self):
        assert spoke_for(
            "The Harambee claimed responsibility for the attack. The group's "
            "chief spokesman, Jo Roe, claimed the blast destroyed the building."
        ) == [("Jo Roe", "Harambee")]

    def test_an_acronym_after_the_and_an_adjective_is_a_body(self):
        assert spoke_for(
            "Jo Roe, a spokesman for Ann Marsh's faction of the divided MDC, "
            "told reporters that the call captures the mood."
        ) == [("Jo Roe", "MDC")]


class TestForcesAndNames:
    def test_a_place_s_forces_spokesman_speaks_for_the_forces(self):
        assert spoke_for(
            "However, Harlow forces spokesman Jo Roe said in an interview that "
            "the cease-fire was a joke."
        ) == [("Jo Roe", "Harlow forces")]

    def test_a_rank_between_a_force_s_title_and_the_name(self):
        assert spoke_for(
            "Harlow army spokesman General Jo Roe said the rebels need to "
            "accept the cease-fire."
        ) == [("Jo Roe", "Harlow army")]

    def test_an_external_relations_minister_speaks_for_the_state(self):
        assert spoke_for(
            "External Relations Minister Jo Roe summoned ambassadors on "
            "Thursday. Roe said the separatists are causing suffering in "
            "Cameroon."
        ) == [("Jo Roe", "Cameroon")]

    def test_sheikh_inside_a_name_after_a_title(self):
        assert spoke_for(
            '"This is a desperate act," said Somali President Hassan Sheikh '
            'Roble. "We are ready," said Sheikh Ahmed Hamad.'
        ) == [("Hassan Sheikh Roble", "Somalia"), ("Ahmed Hamad", None)]

    def test_a_rebel_s_role_speaks_for_the_rebels_named_before(self):
        assert spoke_for(
            "The M23 rebels held a rally Wednesday in Goma. Rebel spokesman "
            "Jo Roe said the rebels plan to keep on moving."
        ) == [("Jo Roe", "M23")]

    def test_rebels_named_by_their_nationality_name_no_group(self):
        assert spoke_for(
            "Sudanese rebels attacked the town. Rebel spokesman Jo Roe said "
            "the rebels plan to keep on moving."
        ) == [("Jo Roe", None)]


class TestABodyNamedAgain:
    def test_the_group_s_spokesperson_speaks_for_the_group_not_the_state(self):
        """ "A spokesperson for the group" after "The activist organization
        People Without Borders …" and a state named since: the group."""
        assert spoke_for(
            "The activist organization People Without Borders helped form the "
            "caravan.\n\nPeople Without Borders has called the process unjust. "
            "The Mexican government said it would offer refugee status.\n\n"
            "A spokesperson for the group, Ann Marsh, told VOA that the "
            "organization supports migrants."
        ) == [("Ann Marsh", "People Without Borders")]

    def test_a_committee_s_name_with_on_after_a_title_and_comma(self):
        assert spoke_for(
            "Senator Jo Roe, Chairman of the Senate Committee on Foreign "
            "Relations, discussed the talks on Monday, saying he thinks they "
            "are starting off in a difficult place."
        ) == [("Jo Roe", "Senate Committee on Foreign Relations")]

    def test_the_rebels_possessive_role_speaks_for_the_rebels_named(self):
        assert spoke_for(
            "Ruritania's Harlow Tiger rebels have admitted defeat.\n\nThe "
            "rebels' chief of international relations, Jo Roe, said Sunday "
            "that the group had declared a week of mourning."
        ) == [("Jo Roe", "Harlow Tiger")]

    def test_a_person_s_faction_of_a_body_named_before(self):
        """The person owning the faction was named before; the role after
        the name is still the spokesman's."""
        assert spoke_for(
            "Ann Marsh has urged the president to step down.\n\nJo Roe, a "
            "spokesman for Marsh's faction of the divided MDC, told reporters "
            "that the call captures the mood."
        ) == [("Jo Roe", "MDC")]


class TestAPortfolioSpokesman:
    def test_a_portfolio_s_affairs_spokesman_speaks_for_its_ministry(self):
        """ "Kenyan foreign affairs spokesman Jo Roe": the spokesman of the
        ministry the portfolio names, as "foreign ministry spokesman" is."""
        assert spoke_for(
            "Kenyan foreign affairs spokesman Jo Roe says the border is open."
        ) == [("Jo Roe", "Kenyan Foreign Ministry")]
