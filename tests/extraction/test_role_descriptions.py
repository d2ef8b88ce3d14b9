"""Whom a person described by a longer role speaks for: the body a
description after the name says they work with ("an analyst in Lyon with
the shipping consultancy firm Harbourline"), and the state a nationality
before a title names when a title word opens the sentence ("Senior Kenyan
minister"). One made-up passage each."""

from __future__ import annotations

from tests.extraction.test_wire_recall import spoke_for


class TestBodyInADescription:
    def test_body_after_with_and_three_words_saying_what_it_is(self):
        """The words between "with" and the body's name say what kind of
        body it is; the speaker speaks for it, and "he" later still does."""
        assert spoke_for(
            "Ann Marsh, an analyst in Lyon with the shipping consultancy firm "
            "Harbourline, says freight rates will fall.\n\n"
            '"Ports are full," she noted.'
        ) == [
            ("freight rates will fall", "Ann Marsh", "Harbourline"),
            ("Ports are full", "Ann Marsh", "Harbourline"),
        ]

    def test_the_owner_before_the_words_saying_what_the_body_is(self):
        """ "for Kenya's power company Kenpower": the state owns the body,
        the body named is whom the speaker speaks for."""
        assert spoke_for(
            "Ann Marsh, a former press secretary for Kenya's power company "
            "Kenpower, said that prices will rise."
        ) == [("prices will rise", "Ann Marsh", "Kenpower")]

    def test_a_body_after_in_is_where_not_whom(self):
        """ "an analyst with banks in the European Union": the words after
        "with" end at "in", so the body after it is where the banks are,
        not one the analyst speaks for."""
        assert spoke_for(
            "Ann Marsh, an analyst with banks in the European Union, says "
            "freight rates will fall."
        ) == [("freight rates will fall", "Ann Marsh", None)]


class TestNationalityOpeningASentence:
    def test_title_word_and_nationality_name_no_body(self):
        """ "Senior Kenyan minister Jo Roe" opening a sentence: "Senior
        Kenyan" is a title word and a nationality, not a body's name, so
        the minister speaks for Kenya."""
        assert spoke_for(
            "Senior Kenyan minister Jo Roe says the talks will resume."
        ) == [("the talks will resume", "Jo Roe", "Kenya")]


class TestTwoRolesJoined:
    def test_the_body_heading_the_second_role_is_the_more_specific(self):
        """ "assistant secretary of commerce … and deputy FSA administrator":
        the body heading the role after "and" is the one within the
        department, and the most specific named."""
        assert spoke_for(
            '"We are ready," said Jo Roe, assistant secretary of commerce for '
            "fisheries and deputy FSA administrator."
        ) == [("We are ready", "Jo Roe", "FSA")]


class TestRankAfterADescription:
    def test_description_before_a_rank_names_the_body(self):
        """ "the spokesman for the Harbour Board in Lyon, General Jo Roe": the
        rank names no body; the description before it does."""
        assert spoke_for(
            "But the spokesman for the Harbour Board in Lyon, General Jo Roe, "
            "dismissed the threat and said the army is ready."
        ) == [("the army is ready", "Jo Roe", "Harbour Board")]


class TestALaterRoleNamingABody:
    def test_replaces_a_first_role_that_named_none(self):
        """ "their leader, Ann Marsh, …. Marsh, head of the Harbour Board,
        said": the first role names no body, the later one does, and her
        words speak for it."""
        assert spoke_for(
            "Delegates named their leader, Ann Marsh, to chair the talks.\n\n"
            "Marsh, head of the Harbour Board, said after the vote that the "
            "talks will resume."
        ) == [("the talks will resume", "Ann Marsh", "Harbour Board")]

    def test_does_not_replace_a_first_role_that_named_one(self):
        """A body named first stays: a later role naming another body does
        not move the speaker."""
        assert spoke_for(
            "Ann Marsh, head of the Harbour Board, opened the talks.\n\n"
            "Marsh, a member of the Port Council, said the talks will resume."
        ) == [("the talks will resume", "Ann Marsh", "Harbour Board")]

    def test_a_later_title_opening_its_sentence_with_as(self):
        """ "As NOAA Administrator, Roe is responsible …": a later role
        with its body's acronym replaces a first one that named none."""
        assert spoke_for(
            "Ann Marsh, a renowned scientist with decades of ocean study, was "
            "confirmed.\n\nAs NOAA Administrator, Marsh is responsible for the "
            'agency.\n\n"I am thrilled to be back," said Marsh.'
        ) == [("I am thrilled to be back", "Ann Marsh", "NOAA")]


class TestARoleSaidOfAName:
    def test_a_name_a_role_of_a_body_is_said_of_is_a_person(self):
        """ "Jo Roe is the leader of …": a name with no title or verb of
        saying beside it is a person when the sentence gives it a role; the
        pronoun after it is hers."""
        assert spoke_for(
            "Ann Marsh is the leader of the Harbour Front. She told reporters "
            "that the strike will go on."
        ) == [("the strike will go on", "Ann Marsh", "Harbour Front")]

    def test_the_body_after_its_kind_with_its_own_article(self):
        """ "the leader of the main militant group the Harbour Front": up to
        three words say what kind of body it is, then its name."""
        assert spoke_for(
            "Ann Marsh is the leader of the main militant group the Harbour "
            "Front. She told reporters that the strike will go on."
        ) == [("the strike will go on", "Ann Marsh", "Harbour Front")]


class TestAnOutletsCorrespondentAtAPost:
    def test_the_city_of_the_post_is_no_body_the_outlet_is(self):
        """ "VOA's Lyon correspondent, Ann Marsh": the city names where
        she reports from; she speaks for the outlet."""
        assert spoke_for(
            "VOA\u2019s Lyon correspondent, Ann Marsh, is at the port.\n\n"
            '"The scene is grim," Marsh said.'
        ) == [("The scene is grim", "Ann Marsh", "Voice of America")]

    def test_a_body_s_office_before_another_role_is_still_the_body(self):
        """Only a correspondent's post is a place: "NASA's Goddard
        director" keeps Goddard, the body's centre."""
        assert spoke_for(
            "NASA\u2019s Goddard director, Ann Marsh, said the launch is on time."
        ) == [("the launch is on time", "Ann Marsh", "Goddard")]

    def test_a_name_is_a_person_when_a_role_ends_the_sentence_said_of_it(self):
        """ "Ann Marsh is a presidential spokesman. She says …": the role
        alone, with no body, makes the name a person's."""
        assert spoke_for(
            "Ann Marsh is a presidential spokesman. She says the army will press on."
        ) == [("the army will press on", "Ann Marsh", None)]

    def test_a_role_said_of_a_name_among_others_joined_by_and(self):
        """ "Ann Marsh is a pro-Kenya politician and a delegate to the
        assembly. She told reporters …": the roles make her a person."""
        assert spoke_for(
            "Ann Marsh is a pro-Kenya politician and a delegate to the "
            "assembly. She told reporters that the vote was fair."
        ) == [("the vote was fair", "Ann Marsh", None)]


class TestInitialsWithoutStops:
    def test_initials_open_a_titled_name(self):
        """ "Deputy Prime Minister KP Roe": two capitals with no stops open
        a titled name; "Roe" later is the same person."""
        assert spoke_for(
            "Kenyan Deputy Prime Minister KP Roe told reporters that the "
            'government is ready.\n\n"We are set," Roe said.'
        ) == [
            ("the government is ready", "KP Roe", "Kenya"),
            ("We are set", "KP Roe", "Kenya"),
        ]

    def test_a_body_s_acronym_is_no_initials(self):
        assert spoke_for("NASA Administrator Jo Roe said the launch is on.") == [
            ("the launch is on", "Jo Roe", "NASA")
        ]


class TestBodiesByWhereTheyAreBased:
    def test_a_body_named_with_where_it_is_based(self):
        """ "Kenyan analyst Ann Marsh, of Nairobi-based Harbourline
        Consultants, says …": the body is no person, and she speaks for it."""
        assert spoke_for(
            "Kenyan analyst Ann Marsh, of Nairobi-based Harbourline Consultants, "
            "says the group has a new strategy."
        ) == [("the group has a new strategy", "Ann Marsh", "Harbourline Consultants")]

    def test_an_adjective_opening_the_sentence_is_no_body(self):
        """ "Political scientist Ann Marsh": no body called "Political"."""
        assert spoke_for(
            "Political scientist Ann Marsh said the party will split soon."
        ) == [("the party will split soon", "Ann Marsh", None)]

    def test_an_officer_in_a_state_s_military_described_before_the_name(self):
        """ "The top officer in the U.S. military, General Jo Roe, says …":
        "in" and an abbreviation's stops in the description; she speaks for
        the forces as the story names them."""
        assert spoke_for(
            "The top officer in the U.S. military, General Jo Roe, says the "
            "losses are prompting some worry."
        ) == [("the losses are prompting some worry", "Jo Roe", "U.S. military")]
