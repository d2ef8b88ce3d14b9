"""Bodies' names and speakers on wire copy, one made-up sentence or two
each: a body named with an armed service's word, capitalised words opening
a sentence that name no body, speakers that are no person, and two people
named together."""

from __future__ import annotations

from articles.extraction.engine import extract
from tests.extraction.test_wire_recall import spoke_for


class TestServiceWordInABody:
    def test_a_service_word_with_no_rank_ends_a_body_s_name(self):
        """ "spokesman for Joint Force Nordmark", "a Joint Force Nordmark
        spokesman": the service's word is the body's, not a title before a
        name."""
        assert spoke_for(
            '"We are ready," said Navy Capt. Ann Marsh, spokeswoman for Joint '
            'Force Nordmark. "It is over," a Joint Force Nordmark spokesman said.'
        ) == [
            ("We are ready", "Ann Marsh", "Joint Force Nordmark"),
            ("It is over", "a Joint Force Nordmark spokesman", "Joint Force Nordmark"),
        ]

    def test_the_body_named_alone_is_no_person(self):
        """ "Joint Force Nordmark said": with no role beside it, the name is
        still a body's (its service word names no person's title)."""
        x = extract('"It is over," Joint Force Nordmark said in a statement.')
        assert [o.name for o in x.organisations] == ["Joint Force Nordmark"]
        assert x.people == []


class TestCapitalisedCommonWords:
    def test_a_person_noun_opening_a_sentence_names_no_body(self):
        """ "Militant spokesman Jo Roe said": the sentence's first word is
        capitalised as any is; it says what the spokesman's side is."""
        assert spoke_for(
            "The militants held the port on Monday. Militant spokesman Jo Roe "
            "said the militants would hold the town."
        ) == [("the militants would hold the town", "Jo Roe", None)]

    def test_a_body_s_word_opening_a_sentence_still_names_it(self):
        assert spoke_for(
            "Police spokesman Jo Roe said the police would stay in the town."
        ) == [("the police would stay in the town", "Jo Roe", "Police")]

    def test_a_rank_written_out_names_no_body(self):
        """ "Major General Ann Marsh", "Staff Sergeant Bo Stone": a rank in
        full is a title as "Maj. Gen." is, its first word no body's name."""
        text = (
            "Major General Ann Marsh, a former navy commander, said the base "
            "would close. Army Staff Sgt. Bo Stone said the road was open. "
            "Navy Petty Officer Jo Roe said the ship had sailed."
        )
        assert spoke_for(text) == [
            ("the base would close", "Ann Marsh", None),
            ("the road was open", "Bo Stone", None),
            ("the ship had sailed", "Jo Roe", None),
        ]
        assert [o.name for o in extract(text).organisations] == []


class TestSpeakersThatAreNoPerson:
    def test_the_last_of_a_list_of_common_nouns_is_no_name(self):
        """ "every farmer, miner, Ranger, (and) Forest Keeper said": the
        capitalised last item of a list of nouns is no person, so the
        pronoun after it is the speaker's named before."""
        text = (
            '"We hold," Bo Reed said. "It is what every farmer, miner, Ranger, '
            "(and) Forest Keeper said when they signed on.\n\n"
            '"We keep faith," he added.'
        )
        assert [who for _, who, _ in spoke_for(text)] == ["Bo Reed"] * 3
        assert [p.name for p in extract(text).people] == ["Bo Reed"]

    def test_a_programme_s_name_ends_in_no_person(self):
        """ "the United Nations Climate Program.": "Climate" is a title's
        word, but no name follows it; the programme is a body's name."""
        text = (
            '"The ice is going," said Ann Marsh, head of the Polar Watch '
            "Service, which issued the data with the United Nations Climate "
            'Program.\n\n"We see it melting," she said.'
        )
        assert [who for _, who, _ in spoke_for(text)] == ["Ann Marsh"] * 2
        assert [p.name for p in extract(text).people] == ["Ann Marsh"]

    def test_a_name_then_a_body_s_unit_before_the_verb(self):
        """ "Bo King, Halden Wing Team says, "…"": the person named speaks,
        for the body the team is of ("heads the company's wing team" is a
        verb, and "King" after a given name a surname, not a title)."""
        assert spoke_for(
            "Jo Roe is the general manager of Halden's jet program. Bo King "
            "heads the company's wing team.\n\n"
            'Bo King, Halden Wing Team says, "This is what buyers want to do."'
        ) == [("This is what buyers want to do.", "Bo King", "Halden")]


class TestTwoPeopleJoinedByAnd:
    def test_a_name_and_a_titled_name_are_two_people(self):
        """ "opposition leader Jan Novak and Kenyan Deputy Information
        Minister Ola Mensah": two people, each quote the one its own
        attribution names (the minister speaks for Kenya, the opposition
        leader for no state)."""
        assert spoke_for(
            "Kenya opposition leader Jan Novak and Kenyan Deputy Information "
            "Minister Ola Mensah took different views on the vote.\n\n"
            "Novak said the vote must wait. Mensah said the vote would go "
            'ahead. "The law is clear," Mensah said.'
        ) == [
            ("the vote must wait", "Jan Novak", None),
            ("the vote would go ahead", "Ola Mensah", "Kenya"),
            ("The law is clear", "Ola Mensah", "Kenya"),
        ]


class TestPortfolios:
    def test_a_minister_s_portfolio_names_no_body(self):
        """ "Welfare Minister Ann Marsh", "Foreign Affairs Minister Jo Roe":
        the portfolio is the title's, and the minister speaks for the
        government the paragraph names, not for a body "Welfare"."""
        x = extract(
            "In Kenya, Welfare Minister Ann Marsh said the camps were full. "
            "Foreign Affairs Minister Jo Roe said talks would go on. "
            '"We will help," Lands Minister Ed Cole said.'
        )
        assert [o.name for o in x.organisations] == ["Kenya"]
        assert spoke_for(
            "In Kenya, Welfare Minister Ann Marsh said the camps were full."
        ) == [("the camps were full", "Ann Marsh", "Kenya")]

    def test_a_portfolio_word_in_a_body_s_name_is_no_title(self):
        """ "a Harlow Youth Orchestra violinist": with no minister's head
        after it, a portfolio's word is the body's, and opens no person's
        name after a title."""
        for text in (
            "Jo Roe, a Harlow Youth Orchestra violinist, said that the hall is full.",
            "Jo Roe, a Harlow Water Board engineer, said that the pipes are dry.",
        ):
            x = extract(text)
            assert [p.name for p in x.people] == ["Jo Roe"], text
            assert "Harlow" not in [o.name for o in x.organisations], text
        x = extract(
            "Jo Roe, a Harlow Youth Orchestra violinist, said that the hall is full."
        )
        assert [(q.text, x.person(q.speaker).name) for q in x.quotes] == [
            ("the hall is full", "Jo Roe")
        ]
