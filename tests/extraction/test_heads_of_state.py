"""Whom a head of state written with a bare title ("President Ann Marsh")
speaks for, and the accusations such leaders make ("accused his deputy of
plotting a coup"). One made-up passage each."""

from __future__ import annotations

from articles.extraction.engine import extract
from tests.extraction.test_wire_recall import spoke_for


class TestBareHeadOfState:
    def test_the_state_named_before_the_person(self):
        """The sentence before the one that first names the president sets
        the scene; the first state it names is theirs."""
        assert spoke_for(
            "Rebels in Kenya say the truce signed in Ethiopia is broken.\n\n"
            "A rebel general said forces of President Ann Marsh attacked rebel "
            "bases overnight.\n\n"
            "President Marsh said the army will hold its ground."
        )[-1] == ("the army will hold its ground", "Ann Marsh", "Kenya")

    def test_the_state_of_the_story_when_none_is_near_the_name(self):
        """ "U.S." in another paragraph, "Americans" in a quotation, no
        state near the name: the state the story names most, here by U.S.
        copy's own words, is the one a bare "President" heads."""
        assert spoke_for(
            "U.S. officials say the aid will arrive soon.\n\n"
            "The port was closed on Monday.\n\n"
            "President Ann Marsh said the port will reopen next week.\n\n"
            'An analyst said "few Americans know the region."'
        )[1] == ("the port will reopen next week", "Ann Marsh", "United States")

    def test_the_state_the_story_names_most_not_the_one_it_names_once(self):
        """A Chadian story that mentions U.S. aid once: the president's state
        is the one the story is about, its people counted with it."""
        assert spoke_for(
            "Chadian rebels say they will march on the capital of Chad.\n\n"
            "U.S. diplomats say Chad has been at war for years.\n\n"
            "President Ann Marsh said the army will hold its ground."
        )[-1] == ("the army will hold its ground", "Ann Marsh", "Chad")

    def test_a_place_named_after_a_state_is_not_the_state(self):
        """ "the Niger Delta", named three times, names a place, not the
        state: the state the story names is Ghana."""
        assert spoke_for(
            "Ghana wants help in the Niger Delta. Boats in the Niger Delta "
            "sank. Traders in the Niger Delta fled.\n\n"
            "Vice President Jo Roe says help is needed."
        ) == [("help is needed", "Jo Roe", "Ghana")]

    def test_the_capital_the_sentence_opens_in(self):
        """ "In Caracas, President Jo Roe said …": the capital the scene is
        set in names the state, not the one the sentence speaks about."""
        assert spoke_for(
            "Colombia closed its border on Monday.\n\n"
            "In Caracas, President Jo Roe said troops will guard the border "
            "with Colombia."
        ) == [("troops will guard the border with Colombia", "Jo Roe", "Venezuela")]

    def test_a_president_receiving_at_the_white_house(self):
        """ "President Jo Roe welcomed the Greek Prime Minister to the White
        House": the seat of the U.S. presidency sets the scene, though the
        story names Greece more often."""
        assert spoke_for(
            "President Jo Roe welcomed the Greek Prime Minister to the White "
            "House on Thursday. Greece and Turkey were discussed.\n\n"
            "President Roe said that Greece has been a firm ally for years."
        )[-1] == ("Greece has been a firm ally for years", "Jo Roe", "United States")

    def test_of_the_state_right_after_the_name(self):
        """ "President Ann Marsh of Niger": the state named right after the
        name, whatever the sentence before names; Niger is known by name
        though no demonym in the word lists stands for it."""
        assert spoke_for(
            "Ghana's leader spoke first.\n\n"
            "President Ann Marsh of Niger said the roads must be rebuilt."
        ) == [("the roads must be rebuilt", "Ann Marsh", "Niger")]

    def test_a_state_after_the_name_is_what_they_speak_about(self):
        """ "President Ann Marsh said the Peru accord …" in U.S. copy: Peru
        is the topic; the story's own state is theirs."""
        assert spoke_for(
            "The White House welcomed the vote. U.S. exporters cheered.\n\n"
            "President Ann Marsh said the Peru accord will create jobs."
        ) == [("the Peru accord will create jobs", "Ann Marsh", "United States")]

    def test_of_the_states_the_sentence_before_names_the_storys_own(self):
        """The sentence before names the United States and the country: the
        one the story names most is the president's."""
        assert spoke_for(
            "Venezuelan officials met on Monday. Venezuela is short of food.\n\n"
            "The United States has said it would send aid to Venezuela. "
            "President Ann Marsh said the aid is not needed."
        )[-1] == ("the aid is not needed", "Ann Marsh", "Venezuela")

    def test_a_prime_minister_of_the_state_named_before(self):
        """A bare "Prime Minister" after a sentence naming the country
        speaks for it; U.S. words name no state of a prime minister's."""
        assert spoke_for(
            "U.S. officials are watching.\n\n"
            "Last week, New Zealand shut its schools. Prime Minister Ann Marsh "
            "said it is too early to tell."
        ) == [("it is too early to tell", "Ann Marsh", "New Zealand")]
        assert spoke_for(
            "U.S. officials are watching.\n\n"
            "Prime Minister Ann Marsh said it is too early to tell."
        ) == [("it is too early to tell", "Ann Marsh", None)]

    def test_a_bare_minister_or_king_of_the_story_s_state(self):
        """ "Interior Minister Ann Marsh", "King Jo" with no nationality:
        the state the story names, never the United States, which has no
        such office."""
        assert spoke_for(
            "Kenya says the hunt goes on.\n\n"
            "In an interview, Interior Minister Ann Marsh says that the network "
            "is weak. King Jo said that the rebels must talk."
        ) == [
            ("the network is weak", "Ann Marsh", "Kenya"),
            ("the rebels must talk", "Jo", "Kenya"),
        ]
        assert spoke_for(
            "U.S. officials met.\n\n"
            "Foreign Minister Ann Marsh said that the talks went well."
        ) == [("the talks went well", "Ann Marsh", None)]

    def test_two_states_named_as_often_leave_no_organisation(self):
        """No state near the minister and two named as often in the story:
        no organisation rather than a guess; one named more often is the
        story's."""
        assert spoke_for(
            "Ghana and Kenya both sent envoys to the talks.\n\n"
            "The meeting ended late.\n\n"
            "Health Minister Jo Roe said that the talks went well."
        ) == [("the talks went well", "Jo Roe", None)]
        assert spoke_for(
            "Kenya sent envoys to the talks. Kenya wants a deal with Ghana.\n\n"
            "The meeting ended late.\n\n"
            "Health Minister Jo Roe said that the talks went well."
        ) == [("the talks went well", "Jo Roe", "Kenya")]

    def test_no_state_named_in_the_story(self):
        """No state named anywhere: no organisation rather than a wrong one."""
        assert spoke_for(
            "The port was closed on Monday.\n\n"
            "President Ann Marsh said the port will reopen next week."
        ) == [("the port will reopen next week", "Ann Marsh", None)]

    def test_a_place_in_the_united_states_beside_the_name(self):
        """U.S. copy's own way of writing a place ("Fort Lee, Va.") in the
        president's sentence names the United States."""
        assert spoke_for(
            "The port was closed on Monday.\n\n"
            "President Ann Marsh, speaking at Fort Lee, Va., said the port will "
            "reopen next week."
        ) == [("the port will reopen next week", "Ann Marsh", "United States")]


class TestAccusations:
    def test_accused_of_an_act_keeps_the_verb(self):
        """ "accused his former deputy Jo Roe of plotting a coup": the
        accusation with its verb, up to the dash before the writer's
        aside."""
        assert spoke_for(
            "The crisis began after President Ann Marsh of Ruritania accused her "
            "former deputy Jo Roe of plotting a coup -- a charge Roe denies."
        ) == [
            (
                "accused her former deputy Jo Roe of plotting a coup",
                "Ann Marsh",
                None,
            )
        ]

    def test_no_act_no_passive_no_noun(self):
        """ "accused him of fraud" names no act; "was accused of" is someone
        else speaking; "the accused" is a noun."""
        assert (
            spoke_for(
                "Ann Marsh accused him of fraud. Jo Roe was accused of plotting a "
                "coup. The accused said nothing."
            )
            == []
        )

    def test_criticizes_for_an_act_keeps_the_verb(self):
        """ "criticizes the council of Mayor Jo Roe for raising fares": a
        criticism for an act is reported as an accusation is, the verb
        kept, and is the critic's (not the mayor's named inside it); "was
        criticized for" is someone else speaking."""
        assert spoke_for(
            '"The buses are late," said Ann Marsh.\n\n'
            "Marsh does not support the strike. But she criticizes the "
            "council of Mayor Jo Roe for raising fares too quickly.\n\n"
            "Ed Poe was criticized for leaving early."
        )[1:] == [
            (
                "criticizes the council of Mayor Jo Roe for raising fares too quickly",
                "Ann Marsh",
                None,
            )
        ]


class TestOutsideTheState:
    def test_an_opposition_or_rebel_title_speaks_for_no_state(self):
        """ "Kenyan opposition leader", "Kenya rebel spokesman", "the
        Kenyan rebel spokesman": the nationality is the holder's, but they
        hold no office of the state; a minister still speaks for it."""
        assert [
            spoke_for(f"{role} said that the aid will arrive soon.")[0][2]
            for role in (
                "Kenyan opposition leader Ann Marsh",
                "Kenya rebel spokesman Ann Marsh",
                "Ann Marsh, the Kenyan rebel spokesman,",
                "Kenyan Foreign Minister Ann Marsh",
            )
        ] == [None, None, None, "Kenya"]


class TestTwoHeadsOfStateJoined:
    def test_titled_names_each_of_a_state(self):
        """ "President Ann Marsh of Kenya and President Ed Poe of Ghana"
        are two people, each of their own state; a later "President Marsh
        of Kenya" and "Marsh" are the first of them."""
        x = extract(
            "In interviews, President Ann Marsh of Kenya and President Ed Poe "
            "of Ghana spoke about the need.\n\n"
            'President Marsh of Kenya praised all. "Democracy is here," said '
            'Marsh. "Peace is here," said Poe.'
        )
        assert sorted(p.name for p in x.people) == ["Ann Marsh", "Ed Poe"]
        assert sorted(o.name for o in x.organisations) == ["Ghana", "Kenya"]
        assert [
            (x.person(q.speaker).name, x.organisation(q.organisation).name)
            for q in x.quotes
        ] == [("Ann Marsh", "Kenya"), ("Ed Poe", "Ghana")]

    def test_two_bare_titled_names(self):
        """ "President Ann Marsh and President Ed Poe": two people, no body
        called "Ann Marsh and"."""
        x = extract(
            "President Ann Marsh and President Ed Poe met on Monday.\n\n"
            '"We are ready," said Marsh.'
        )
        assert sorted(p.name for p in x.people) == ["Ann Marsh", "Ed Poe"]
        assert x.organisations == []
        assert x.person(x.quotes[0].speaker).name == "Ann Marsh"
