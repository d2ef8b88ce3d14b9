"""Unnamed sources that are groups of people, from the closed class of
source nouns (``engine.groups``): who is such a source, how the story's
description of it is kept, and whom it speaks for. One made-up passage each."""

from __future__ import annotations

import pytest

from articles.extraction.engine import extract
from articles.extraction.engine.groups import plural
from tests.extraction.test_wire_recall import spoke_for as sources


class TestGroupNouns:
    @pytest.mark.parametrize(
        "source",
        [
            "Militants in the hill country",
            "Peruvian rebels",
            "the insurgents",
            "Witnesses",
            "Residents",
            "Speakers at the ceremony",
        ],
    )
    def test_a_group_of_people_is_a_source(self, source):
        """A group the story does not name speaks in its own description,
        the place after the noun included."""
        assert sources(f"{source} say the bridge was blown up overnight.") == [
            ("the bridge was blown up overnight", source, None)
        ]

    @pytest.mark.parametrize("subject", ["Reports", "Studies", "Figures", "Polls"])
    def test_a_thing_that_reports_is_no_source(self, subject):
        """ "Reports say …", "Figures show …": no person spoke."""
        assert sources(f"{subject} say the bridge was blown up overnight.") == []

    def test_the_last_noun_of_the_description_is_its_head(self):
        """ "A rebel spokesman …. He said …": "rebel" modifies the head,
        so the source is one man and the pronoun is his."""
        assert [
            s
            for _, s, _ in sources(
                "A rebel spokesman told reporters the truce had failed. He said "
                "the shelling went on all night."
            )
        ] == ["A rebel spokesman", "A rebel spokesman"]


class TestWhomAGroupSpeaksFor:
    def test_a_nationality_before_an_agent_names_the_state(self):
        assert sources("Kenyan officials say the border will reopen on Monday.") == [
            ("the border will reopen on Monday", "Kenyan officials", "Kenya")
        ]

    @pytest.mark.parametrize("noun", ["militants", "analysts", "witnesses"])
    def test_a_nationality_before_a_source_with_no_post_names_none(self, noun):
        """ "Kenyan militants" hold no office of state."""
        assert sources(f"Kenyan {noun} say the border will reopen on Monday.") == [
            ("the border will reopen on Monday", f"Kenyan {noun}", None)
        ]


class TestInflection:
    @pytest.mark.parametrize(
        ("singular", "plural_form"),
        [
            ("official", "officials"),
            ("spokesman", "spokesmen"),
            ("gunman", "gunmen"),
            ("witness", "witnesses"),
            ("spokesperson", "spokespeople"),
        ],
    )
    def test_plural(self, singular, plural_form):
        assert plural(singular) == plural_form

    def test_a_singular_ending_in_s_is_one_person(self):
        """ "A witness said …. She said …": "witness" is singular, so the
        pronoun is the witness's."""
        assert [
            s
            for _, s, _ in sources(
                "A witness said the car had been parked for hours. She said "
                "the driver ran towards the river."
            )
        ] == ["A witness", "A witness"]


class TestTermsInReportedSpeech:
    def test_a_term_the_story_writes_again_is_no_partial_quote(self):
        """'Officials say … a "water war" ….  The "water war" began …': a
        word or two the story itself writes again in marks is a term it
        uses, not the source's words."""
        x = extract(
            'Officials say the dam is part of a "water war" along the river.\n\n'
            'The "water war" began in the spring.'
        )
        assert [q.kind for q in x.quotes] == ["indirect"]

    def test_a_short_quotation_written_once_is_a_partial_quote(self):
        x = extract('Officials say the dam is part of a "water war" along the river.')
        assert [q.kind for q in x.quotes] == ["indirect", "partial"]


class TestTheyForAGroup:
    def test_they_in_the_next_sentence(self):
        """ "Kenyan officials have a different view. They say …": the plural
        source opening the sentence before, which did not speak itself."""
        assert sources(
            "Kenyan government officials have a different view. They say it "
            "is the army that is backing the raid."
        ) == [
            (
                "it is the army that is backing the raid",
                "Kenyan government officials",
                "Kenya",
            )
        ]

    def test_they_in_the_sources_own_sentence(self):
        """ "Rebels attacked after what they said was …": the words after
        the interrupting attribution are the group's."""
        assert sources(
            "Rebels launched an offensive on Sunday following what they said "
            "was an unprovoked attack on them in the hills."
        ) == [("was an unprovoked attack on them in the hills", "Rebels", None)]

    @pytest.mark.parametrize(
        "before",
        [
            "Ann Marsh and Jo Roe met on Monday.",
            "Kenyan officials met Ann Marsh on Monday.",
            "A spokesman for the army denied it.",
        ],
    )
    def test_they_is_never_a_named_person_or_one_source(self, before):
        assert sources(f"{before} They say the talks went well.") == []


class TestSourceAfterOf:
    def test_a_source_after_a_thing_and_of_is_no_subject(self):
        """ "The presence of the army's top commander suggests …": what
        suggests is the presence, a thing, so no one is quoted."""
        assert (
            sources(
                "The presence of the army's top commander in the region suggests "
                "the attacks are being taken very seriously."
            )
            == []
        )

    def test_one_of_the_officials_is_a_source(self):
        """ "One of the officials said": a part of the group speaks."""
        assert sources("One of the officials said the talks will resume.") == [
            ("the talks will resume", "One of the officials", None)
        ]


class TestGroupInsideReportedSpeech:
    def test_a_group_s_attribution_reported_is_quoted_at_both_levels(self):
        """ "told VOA that the militants say they are ready …": the clause
        told to VOA, and inside it the group's, which was not said to VOA."""
        x = extract(
            "Mr. Jo Roe told VOA that the militants say they are ready to leave "
            "the oil facility."
        )
        assert [
            (
                q.text,
                x.person(q.speaker).name if q.speaker else q.source_description,
                x.organisation(q.outlet).name if q.outlet else None,
            )
            for q in x.quotes
        ] == [
            (
                "the militants say they are ready to leave the oil facility",
                "Jo Roe",
                "Voice of America",
            ),
            ("they are ready to leave the oil facility", "the militants", None),
        ]


class TestGroupsLoyalToAPerson:
    def test_forces_loyal_to_a_named_leader_speak_not_the_leader(self):
        """ "Forces loyal to President Jo Roe say …": the armed men are an
        unnamed group; the leader they are loyal to is named, not speaking,
        and "Forces" opening the sentence is no body."""
        assert sources(
            "Forces loyal to President Jo Roe say they are not responsible "
            "for the attack."
        ) == [
            (
                "they are not responsible for the attack",
                "Forces loyal to President Jo Roe",
                None,
            )
        ]

    def test_the_leader_s_description_may_stand_between(self):
        assert sources(
            "Forces loyal to Kenya\u2019s incumbent president Jo Roe say they "
            "are not responsible for the attack."
        )[0][1:] == ("Forces loyal to Kenya\u2019s incumbent president Jo Roe", None)

    def test_a_soldier_is_a_source(self):
        assert sources("A soldier said the city fell overnight.") == [
            ("the city fell overnight", "A soldier", None)
        ]


class TestAbbreviationAfterAComma:
    def test_a_dotted_abbreviation_after_a_comma_ends_no_sentence(self):
        """ "…, U.S. Central Command officials said.": the abbreviation opens
        the body's name; the sentence runs on to the verb."""
        assert sources(
            "Airlift operations have responded quickly to the needs, U.S. "
            "Harbour Command officials said."
        ) == [
            (
                "Airlift operations have responded quickly to the needs",
                "U.S. Harbour Command officials",
                "U.S. Harbour Command",
            )
        ]
