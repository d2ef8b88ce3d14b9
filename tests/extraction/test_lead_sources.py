"""Offices as unnamed sources, and the lead that names its source a
sentence later: "The U.N. humanitarian chief warned …. Ann Marsh told the
council …"."""

from __future__ import annotations

from tests.extraction.test_spoken_for import spoke_for
from tests.extraction.test_wire_recall import quotes


class TestOfficesAsSources:
    def test_an_office_in_lower_case_is_a_source_for_its_body(self):
        assert spoke_for(
            "The U.N. humanitarian chief warned that thousands more people could flee."
        ) == [("The U.N. humanitarian chief", "U.N.")]

    def test_a_dotted_acronym_s_possessive_names_the_body(self):
        assert spoke_for(
            "The U.N.'s chief warned that thousands more people could flee."
        ) == [("The U.N.'s chief", "U.N.")]

    def test_a_capitalised_office_titles_a_name_and_is_no_source(self):
        """ "Secretary of State Ann Marsh held a news conference to say …":
        the office titles the person named, who speaks."""
        assert [
            speaker
            for _, _, speaker in quotes(
                "Secretary of State Ann Marsh held her first news conference "
                'to say she plans to visit Asia. "We are ready," she said.'
            )
        ] == ["Ann Marsh"]


class TestLeadNamedInTheNextSentence:
    def test_the_office_of_a_body_in_the_lead_is_the_person_named_next(self):
        """The lead's inverted attribution describes the official whom the
        next paragraph names as its subject, whatever its verb; the lead's
        quote is hers, and she speaks for the body the office names."""
        assert spoke_for(
            "More assistance is needed in the north, the U.N. humanitarian "
            "coordinator for Ruritania said Monday.\n\n"
            "Ann Marsh has called on donors to give more.\n\n"
            '"Access is hard," Marsh said.'
        ) == [("Ann Marsh", "U.N."), ("Ann Marsh", "U.N.")]

    def test_a_later_sentence_is_not_the_lead(self):
        """Past the lead, a description and a name in the next sentence may
        be two people."""
        assert spoke_for(
            "The port reopened on Monday.\n\n"
            "More assistance is needed in the north, the U.N. humanitarian "
            "coordinator said.\n\n"
            "Ann Marsh has called on donors to give more."
        ) == [("the U.N. humanitarian coordinator", "U.N.")]

    def test_a_role_after_the_name_with_the_description_s_head(self):
        """ "a U.S. Army commander there said …. Col. Jo Roe, commander of
        the 7th Mountain Division, told reporters": the role after the name
        has the description's head, so the lead's words are hers."""
        assert spoke_for(
            "Morale in the valley is high, a U.S. Army commander there said "
            "today.\n\n"
            '"The soldiers are ready," Army Col. Jo Roe, commander of the 7th '
            "Mountain Division, told reporters."
        ) == [
            ("Jo Roe", "7th Mountain Division"),
            ("Jo Roe", "7th Mountain Division"),
        ]

    def test_a_role_after_the_name_with_another_head_is_someone_else(self):
        assert spoke_for(
            "Morale in the valley is high, a U.S. Army commander there said "
            "today.\n\n"
            '"The soldiers are ready," Jo Roe, a spokesman for the 7th '
            "Mountain Division, told reporters."
        )[0] == ("a U.S. Army commander", "United States")

    def test_a_deputy_in_the_description_is_not_the_office_s_head(self):
        """ "Kenya's deputy prime minister says …. Prime Minister Ed Poe
        expanded his cabinet.": the prime minister is someone else; the
        deputy named after him is the lead's source."""
        assert spoke_for(
            "Kenya\u2019s deputy prime minister says the government is ready "
            "for talks. The remarks came as Prime Minister Ed Poe expanded his "
            "cabinet.\n\n"
            "Kenyan Deputy Prime Minister Jo Roe told VOA News that talks will "
            "begin soon."
        ) == [("Jo Roe", "Kenya"), ("Jo Roe", "Kenya")]

    def test_the_person_named_next_after_an_opening_phrase(self):
        """ "Kenya's foreign minister is calling … 'extraordinarily
        positive.' In an interview with VOA Thursday, Jo Roe noted …": the
        lead's source is named after the phrase opening the next sentence,
        and an abbreviation's stops between "calling" and the words quoted
        end no clause."""
        assert spoke_for(
            "Kenya\u2019s foreign minister is calling recent developments in "
            'U.S. relations "extraordinarily positive."\n\n'
            "In an interview with VOA Thursday, Jo Roe noted that the United "
            "States provided support."
        ) == [("Jo Roe", "Kenya"), ("Jo Roe", "Kenya")]


class TestTheLeadSourceSpeaking:
    def test_a_source_with_its_body_under_a_progressive_verb_speaks_after(self):
        """ "The leader of Kenya's main opposition Unity Party is calling
        for …, saying …": the source opening the sentence, whatever it is
        of, speaks in the participle, for the body it names rather than
        the state."""
        assert spoke_for(
            "The leader of Kenya's main opposition Orange Democratic Movement "
            "party is calling for fresh elections, saying the balloting was "
            "fraudulent."
        ) == [
            (
                "The leader of Kenya's main opposition Orange Democratic "
                "Movement party",
                "Orange Democratic Movement",
            )
        ]

    def test_the_person_named_next_keeps_the_lead_s_body(self):
        assert (
            spoke_for(
                "The leader of the Orange Democratic Movement is calling for "
                "fresh elections, saying the balloting was fraudulent. Peter "
                "Omollo said the opposition will not accept the results."
            )
            == [("Peter Omollo", "Orange Democratic Movement")] * 2
        )

    def test_a_day_owning_a_noun_opens_the_reported_words(self):
        """ "said Sunday's vote was rigged": "Sunday's" is the clause's,
        not when it was said."""
        assert quotes("Ann Marsh said Sunday's balloting was fraudulent.") == [
            ("indirect", "Sunday's balloting was fraudulent", "Ann Marsh")
        ]

    def test_the_same_role_after_the_name_two_sentences_on(self):
        """ "Ruritania's information minister says …. … Ann Marsh, the
        information minister who …": her role repeats the description."""
        assert spoke_for(
            "Kenya's information minister says the lack of news is a source "
            "of instability. The ailing president is under pressure.\n\n"
            "Ann Marsh, the information minister who last month petitioned "
            "the Cabinet, says tensions and uncertainty about the leadership "
            "persist."
        ) == [("Ann Marsh", "Kenya"), ("Ann Marsh", "Kenya")]

    def test_another_role_after_the_name_is_someone_else(self):
        assert spoke_for(
            "Kenya's information minister says the lack of news is a source "
            "of instability.\n\n"
            "Ann Marsh, the health minister, says tensions and uncertainty "
            "about the leadership persist."
        )[0] == ("Kenya's information minister", "Kenya")


class TestTheHolderOfANamedOffice:
    def test_a_definite_office_whose_holder_was_named_is_that_person(self):
        """ "The U.N. chief vowed …. But he also warned that …": the chief
        is the one named as "the United Nations chief, Jo Roe", and so is
        "he"."""
        assert spoke_for(
            "The talks came as the United Nations chief, Jo Roe, visited the "
            "island.\n\nThe U.N. chief vowed to work hard to ensure that "
            "refugees are resettled by the end of the year. But he also "
            "warned that unless the government can reconcile with the "
            "minority, history could repeat itself."
        )[-1] == ("Jo Roe", "United Nations")

    def test_a_name_ending_a_relative_clause_is_not_the_subject(self):
        assert spoke_for(
            "Ann Marsh, the information minister who last month asked the "
            "cabinet to hand power to then-Vice President Jo Roe, says "
            "tensions and uncertainty about the leadership persist."
        ) == [("Ann Marsh", None)]


class TestAnOfficeTheLeadNames:
    def test_a_bare_title_after_the_lead_holds_its_office(self):
        """ "…, the secretary of the Department of Harbour Security praised
        the crews. Secretary Jo Roe said …": the bare title is the office
        the lead named, and she speaks for its body."""
        assert spoke_for(
            "As the storm made landfall, the secretary of the Department of "
            "Harbour Security praised the crews.\n\n"
            "Secretary Jo Roe said the crews were especially useful."
        ) == [("Jo Roe", "Department of Harbour Security")]

    def test_another_title_is_not_the_lead_s_office(self):
        assert spoke_for(
            "As the storm made landfall, the secretary of the Department of "
            "Harbour Security praised the crews.\n\n"
            "Governor Jo Roe said the crews were especially useful."
        ) == [("Jo Roe", None)]
