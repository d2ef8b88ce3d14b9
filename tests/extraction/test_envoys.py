"""Envoys and titles held towards a body: "Ambassador to the United
Nations", "Special Envoy for Ruritania", "Secretary of the Navy". The body
after "to" or "for" is the post; the state that opens the title is whom the
holder speaks for."""

from __future__ import annotations

from tests.extraction.test_spoken_for import spoke_for


class TestTitlesToABody:
    def test_state_s_ambassador_to_a_body_before_the_name(self):
        assert spoke_for(
            '"We are ready," U.S. Ambassador to the United Nations Jo Roe said.'
        ) == [("Jo Roe", "United States")]

    def test_the_name_is_found_when_the_title_opens_the_sentence(self):
        """ "…Ambassador to the United Nations Richard C. Roe told
        reporters": one run, read as a title, its post and a name, so the
        later surname speaks too."""
        assert spoke_for(
            "U.S. Ambassador to the United Nations Ann C. Marsh told reporters "
            'that she will visit Accra. "We are ready," Marsh said.'
        ) == [("Ann C. Marsh", "United States"), ("Ann C. Marsh", "United States")]

    def test_post_and_comma_before_a_titled_name(self):
        assert spoke_for(
            '"We are ready," U.S. permanent representative to the United '
            "Nations, Ambassador Jo Roe, said."
        ) == [("Jo Roe", "United States")]

    def test_a_state_s_possessive_opens_the_post_before_a_comma(self):
        assert spoke_for(
            '"We are ready," said Kenya\'s Ambassador to the United Nations, Jo Roe.'
        ) == [("Jo Roe", "Kenya")]

    def test_an_envoy_for_a_state_is_the_envoy_of_the_state_opening_it(self):
        """ "U.S. Special Envoy for Ruritania": the envoy speaks, not a
        spokesman for the state after "for"; the dotted "U.S." before a
        title's modifier ends no sentence."""
        assert spoke_for(
            '"We are ready," said U.S. Special Envoy for Sudan Jo Roe.'
        ) == [("Jo Roe", "United States")]

    def test_a_title_s_modifier_is_no_body(self):
        assert spoke_for('"We are ready," said Special Envoy Jo Roe.') == [
            ("Jo Roe", None)
        ]

    def test_secretary_of_the_service_with_a_name_after_it(self):
        assert spoke_for("Secretary of the Navy Jo Roe said the fleet is ready.") == [
            ("Jo Roe", "U.S. Navy")
        ]

    def test_a_body_s_envoy_in_lower_case_to_a_state_before_the_name(self):
        """ "U.N. envoy to Ghana Jo Roe": the state after "to" is the post,
        the body opening the title is whom the envoy speaks for."""
        assert spoke_for('"We are ready," U.N. envoy to Ghana Jo Roe said.') == [
            ("Jo Roe", "U.N.")
        ]

    def test_the_body_s_representative_for_a_state_before_a_comma(self):
        assert spoke_for(
            "The U.N. special representative for Ghana, Ann Marsh, said the "
            "vote is free."
        ) == [("Ann Marsh", "U.N.")]

    def test_a_state_s_envoy_in_lower_case_to_another_state(self):
        assert spoke_for("Kenyan envoy to Ghana Jo Roe said the vote is free.") == [
            ("Jo Roe", "Kenya")
        ]


class TestTheEnvoyByHerTitleLater:
    def test_the_state_s_title_refers_back_to_its_envoy(self):
        """ "the U.S. Ambassador said": the envoy named before who speaks
        for the United States; "the Kenyan ambassador" is someone else."""
        assert spoke_for(
            "U.S. Ambassador to the United Nations Jo Roe spoke on Monday. "
            '"So we are encouraged," the U.S. Ambassador said. "We are '
            'ready," the Kenyan ambassador said.'
        ) == [("Jo Roe", "United States"), ("the Kenyan ambassador", "Kenya")]


class TestOfficesOfAPlace:
    def test_a_governor_of_a_state_speaks_for_it_as_the_state_s_governor_does(
        self,
    ):
        assert spoke_for(
            '"This is a good day," said Governor Jo Roe of Ohio. "We are '
            'ready," said Ohio Governor Ann Marsh.'
        ) == [("Jo Roe", "Ohio"), ("Ann Marsh", "Ohio")]

    def test_a_mayor_of_a_city(self):
        assert spoke_for('"We need more help," said Mayor Jo Roe of Springfield.') == [
            ("Jo Roe", "Springfield")
        ]

    def test_a_senator_of_a_state_speaks_for_no_one(self):
        assert spoke_for('"We are ready," said Senator Jo Roe of New York.') == [
            ("Jo Roe", None)
        ]

    def test_a_majority_leader_s_chamber_is_named_without_majority(self):
        assert spoke_for(
            '"We will pass this bill," Senate Majority Leader Jo Roe said.'
        ) == [("Jo Roe", "Senate")]


class TestMoreStatesAndBodies:
    def test_kosovo_s_prime_minister_speaks_for_kosovo(self):
        """A bare "Prime Minister" where the story names Kosovo's parliament
        is Kosovo's, not the other state the paragraph names."""
        assert spoke_for(
            "Kosovo's parliament declared independence on Sunday. The "
            'declaration was signed by Prime Minister Jo Roe. "The day has '
            'come," Roe said. Serbian President Ann Marsh said Serbia would '
            "never recognize it."
        ) == [("Jo Roe", "Kosovo"), ("Ann Marsh", "Serbia")]

    def test_a_body_s_acronym_refers_back_to_its_chief(self):
        assert spoke_for(
            "The admission came as the United Nations chief, Jo Roe, visited "
            "the island. Later the U.N. chief warned that history could "
            "repeat itself."
        ) == [("Jo Roe", "United Nations")]

    def test_corps_is_a_service_only_after_marine(self):
        assert spoke_for(
            '"This is a great day," said Peace Corps Director Jo Roe. "We are '
            'ready," said Marine Corps Gen. Ann Marsh.'
        ) == [("Jo Roe", "Peace Corps"), ("Ann Marsh", None)]

    def test_a_bare_secretary_general_heads_the_body_his_sentence_names(self):
        assert spoke_for(
            "The ministers discussed progress, Secretary General Jo Roe said "
            "during a news conference following the meeting at NATO "
            'headquarters. "The allies condemned the attacks," the secretary '
            "general said."
        ) == [("Jo Roe", "NATO"), ("Jo Roe", "NATO")]

    def test_a_secretary_general_with_two_bodies_named_has_none(self):
        assert spoke_for(
            "Secretary General Jo Roe said the talks at NATO and the OSCE went well."
        ) == [("Jo Roe", None)]
