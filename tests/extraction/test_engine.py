"""Each construction the extraction assistant reads, on its own small example,
and the quoted words it must leave alone."""

from __future__ import annotations

import json

import pytest

from articles.extraction import Gazetteer, KnownEntity, extract
from articles.models import QuoteKind

REGISTRY = Gazetteer(
    people=[KnownEntity("Zhang Hanhui", ("Hanhui",), id=7, slug="zhang-hanhui")],
    organisations=[
        KnownEntity(
            "TASS", ("Russian news agency TASS",), slug="tass", kind="news_agency"
        ),
        KnownEntity("Reuters", slug="reuters", kind="news_agency"),
        KnownEntity("Roscosmos", ("Russian space agency",), slug="roscosmos"),
        KnownEntity("China", slug="china", kind="state"),
        KnownEntity("Russia", slug="russia", kind="state"),
    ],
    agreements=[
        KnownEntity(
            "Sino-Russian agreement on the Moon and deep space",
            id=3,
            slug="sino-russian-moon",
            year=2017,
        )
    ],
)


def only(extraction, kind=None):
    quotes = [q for q in extraction.quotes if kind is None or q.kind == kind]
    assert len(quotes) == 1, [(q.kind, q.text) for q in extraction.quotes]
    return quotes[0]


def speaker_name(extraction, quote):
    return extraction.person(quote.speaker).name


class TestDirectQuotes:
    def test_attribution_after(self):
        """'"…," Hanhui told TASS.' gives speaker, cue and outlet."""
        text = (
            'Zhang Hanhui spoke on Monday. "We will go to the Moon," Hanhui told TASS.'
        )
        x = extract(text, REGISTRY)
        quote = only(x)
        assert quote.kind == QuoteKind.DIRECT
        assert quote.text == "We will go to the Moon"
        assert text[quote.start : quote.end] == quote.text
        assert (quote.speaker, quote.cue, quote.outlet) == (
            "zhang-hanhui",
            "told",
            "tass",
        )

    def test_attribution_before(self):
        text = (
            "Maria Lopez, a spokeswoman for Acme Group, told reporters: "
            '"We have nothing to hide."'
        )
        quote = only(extract(text))
        assert quote.kind == QuoteKind.DIRECT
        assert quote.text == "We have nothing to hide."
        assert quote.cue == "told" and quote.outlet is None

    def test_inverted_attribution(self):
        text = '"We are ready," said Maria Lopez, a spokeswoman for Acme Group.'
        x = extract(text)
        quote = only(x)
        assert speaker_name(x, quote) == "Maria Lopez"
        assert x.organisation(quote.organisation).name == "Acme Group"

    def test_attribution_inside(self):
        """'"…," he said. "…"': both parts go to the same speaker."""
        text = (
            'Coach Anna Berg was calm. "We lost today," she said. '
            '"We will win the next one."'
        )
        x = extract(text)
        assert [q.text for q in x.quotes] == [
            "We lost today",
            "We will win the next one.",
        ]
        assert {speaker_name(x, q) for q in x.quotes} == {"Anna Berg"}

    def test_quote_spanning_a_sentence_break(self):
        text = '"It is done. We start tomorrow," said striker Joao Mendes.'
        quote = only(extract(text))
        assert quote.text == "It is done. We start tomorrow"

    @pytest.mark.parametrize("marks", [("\u201c", "\u201d"), ('"', '"')])
    def test_curly_and_straight_marks(self, marks):
        opening, closing = marks
        text = f"{opening}We are ready,{closing} minister Olga Ivanova said."
        quote = only(extract(text))
        assert quote.text == "We are ready"

    def test_single_quotation_marks(self):
        text = (
            "Roscosmos' chief, Ivan Petrov, was blunt. "
            "\u2018We are ready,\u2019 he said."
        )
        quote = only(extract(text, REGISTRY))
        assert quote.text == "We are ready"

    def test_continuation_paragraph(self):
        text = (
            '"We will appeal," lawyer Sam Okoro said.\n\n'
            '"The judgment is wrong in law and in fact."'
        )
        x = extract(text)
        assert [speaker_name(x, q) for q in x.quotes] == ["Sam Okoro", "Sam Okoro"]


class TestPartialQuotes:
    def test_partial_inside_reported_speech(self):
        text = (
            'Hanhui said that the two sides share "vast and fruitful cooperation" '
            "in many areas."
        )
        x = extract(text, REGISTRY)
        partial = only(x, QuoteKind.PARTIAL)
        assert partial.text == "vast and fruitful cooperation"
        assert partial.speaker == "zhang-hanhui" and partial.cue == "said"

    def test_partial_with_calling(self):
        text = (
            'Calling Russia a "major space power", '
            "Hanhui mentioned the Moon landing plans."
        )
        partial = only(extract(text, REGISTRY), QuoteKind.PARTIAL)
        assert (partial.text, partial.cue) == ("major space power", "calling")

    def test_partial_takes_the_outlet_of_its_sentence(self):
        text = (
            "Speaking with Russian news agency TASS, he said ties were a "
            "\u201ccomprehensive strategic partnership\u201d between both sides."
        )
        x = extract("Zhang Hanhui arrived. " + text, REGISTRY)
        partial = only(x, QuoteKind.PARTIAL)
        assert partial.outlet == "tass"


class TestIndirectQuotes:
    def test_said_that(self):
        text = (
            "Russian cosmonaut Pyotr Dubrov said that he is eager to fly to the Moon."
        )
        x = extract(text)
        quote = only(x)
        assert quote.kind == QuoteKind.INDIRECT
        assert quote.text == "he is eager to fly to the Moon"
        assert quote.cue == "said"

    def test_said_without_that(self):
        text = "Economist Lena Fischer said the recovery would take two years."
        assert only(extract(text)).text == "the recovery would take two years"

    def test_according_to_before(self):
        text = "According to analyst Tom Reed, prices will rise again in spring."
        quote = only(extract(text))
        assert (quote.cue, quote.text) == (
            "according to",
            "prices will rise again in spring",
        )

    def test_according_to_after(self):
        text = "Prices will rise again in spring, according to analyst Tom Reed."
        quote = only(extract(text))
        assert quote.text == "Prices will rise again in spring"

    def test_inverted_believes(self):
        text = (
            "Cooperation will benefit the whole of humanity, believes Zhang Hanhui, "
            "China's ambassador to Russia."
        )
        x = extract(text)
        quote = only(x)
        assert (quote.cue, quote.text) == (
            "believes",
            "Cooperation will benefit the whole of humanity",
        )
        person = x.person(quote.speaker)
        assert person.role == "China's ambassador to Russia"

    def test_warned(self):
        text = "Minister Paul Grant warned that the talks could collapse within days."
        quote = only(extract(text))
        assert (quote.cue, quote.text) == (
            "warned",
            "the talks could collapse within days",
        )

    def test_warning_with_an_object(self):
        text = (
            "Roscosmos' Director General Dmitry Rogozin had been warning the US of "
            "severing ties in space."
        )
        x = extract(text, REGISTRY)
        quote = only(x)
        assert quote.cue == "had been warning"
        assert quote.text == "warning the US of severing ties in space"
        assert quote.organisation == "roscosmos"

    def test_mentioned(self):
        text = "Hanhui mentioned China's recent success in crewed space missions."
        quote = only(extract(text, REGISTRY))
        assert (quote.cue, quote.text) == (
            "mentioned",
            "China's recent success in crewed space missions",
        )

    def test_two_reporting_verbs_in_one_sentence(self):
        text = (
            "Commissioner Henrik Lund said he understood the anger but insisted "
            "that the bloc had paid its share."
        )
        x = extract(text)
        assert [(q.cue, q.text) for q in x.quotes] == [
            ("said", "he understood the anger"),
            ("insisted", "the bloc had paid its share"),
        ]


class TestOutlets:
    @pytest.mark.parametrize(
        "sentence",
        [
            "Zhang Hanhui told Reuters that the deal was close.",
            "Speaking with Russian news agency TASS, Zhang Hanhui said that "
            "the deal was close.",
            "In an interview with Reuters, Zhang Hanhui said that the deal was close.",
            "Zhang Hanhui said on Channel One that the deal was close.",
        ],
    )
    def test_outlet_forms(self, sentence):
        x = extract(sentence, REGISTRY)
        quote = only(x)
        assert quote.text == "the deal was close"
        outlet = x.organisation(quote.outlet)
        assert outlet.name in {"Reuters", "TASS", "Channel One"}
        assert outlet.outlet

    def test_told_reporters_is_no_outlet(self):
        text = "Zhang Hanhui told reporters that the deal was close."
        assert only(extract(text, REGISTRY)).outlet is None


class TestOrganisationSpokenFor:
    @pytest.mark.parametrize(
        ("sentence", "organisation"),
        [
            (
                "Roscosmos' Director General Dmitry Rogozin said that talks had ended.",
                "roscosmos",
            ),
            (
                "Zhang Hanhui, China's ambassador to Russia, said that talks "
                "had ended.",
                "china",
            ),
            (
                "Mia Holt, a spokesperson for Roscosmos, said that talks had ended.",
                "roscosmos",
            ),
        ],
    )
    def test_forms(self, sentence, organisation):
        assert only(extract(sentence, REGISTRY)).organisation == organisation


class TestSpeakers:
    def test_pronoun_resolves_to_the_last_person(self):
        text = 'Coach Anna Berg was calm. "We lost today," she said.'
        x = extract(text)
        assert speaker_name(x, only(x)) == "Anna Berg"

    def test_pronoun_skips_a_person_of_the_other_gender(self):
        """A title ("Mr", "Ms") tells "she" from "he"."""
        text = (
            "Ms Amina Wekesa read the ruling. Mr Tom Otieno objected. "
            '"The law is clear," she said.'
        )
        x = extract(text)
        assert speaker_name(x, only(x)) == "Amina Wekesa"

    def test_partial_name_resolves_to_the_full_name(self):
        text = (
            "Russian cosmonaut Pyotr Dubrov trained for a year. "
            "According to Dubrov, the first lunar mission will test equipment."
        )
        x = extract(text)
        quote = only(x)
        person = x.person(quote.speaker)
        assert person.name == "Pyotr Dubrov"
        assert len(person.mentions) == 2

    def test_alias_resolves_to_the_registry(self):
        x = extract("Hanhui said that ties were strong.", REGISTRY)
        person = x.person(only(x).speaker)
        assert person.existing == {"id": 7, "slug": "zhang-hanhui"}
        assert person.name == "Zhang Hanhui"

    def test_unknown_speaker_becomes_a_new_person_with_role(self):
        x = extract("Russian cosmonaut Pyotr Dubrov said that he is eager to fly.")
        person = x.person(only(x).speaker)
        assert person.existing is None
        assert (person.name, person.role) == ("Pyotr Dubrov", "Russian cosmonaut")

    def test_organisations_are_not_speakers(self):
        text = "The treasury has 90 days to draw up a scheme, the court said."
        assert extract(text).quotes == []


class TestNotQuotes:
    @pytest.mark.parametrize(
        "text",
        [
            'Minister Paul Grant defended the so-called "peace" plan on Monday.',
            'Minister Paul Grant said he was reading the book "War and Peace" again.',
            'Minister Paul Grant said the "Artemis" mission would fly next year.',
            'Troops took part in Operation "Thunder" last week, Paul Grant said.',
            'Fans called the fee "crazy" on social media.',
            "The levy, dubbed the \u201ctap tax\u201d by drivers, was struck down.",
        ],
    )
    def test_titles_and_scare_quotes(self, text):
        x = extract(text)
        assert all(q.kind == QuoteKind.INDIRECT for q in x.quotes), x.quotes
        assert x.set_aside

    def test_unattributed_quoted_phrase_is_set_aside(self):
        text = 'Delegates walked out over "loss and damage" payments.'
        x = extract(text)
        assert x.quotes == []
        assert x.set_aside[0].reason == "no speaker"

    def test_apostrophes_are_not_quotation_marks(self):
        text = "Roscosmos' chief met Hanhui's team; the players' union said nothing."
        assert extract(text, REGISTRY).quotes == []


class TestAgreementsAndOutput:
    def test_agreement_mention_resolves_by_title_words_and_year(self):
        text = "Both nations signed a Sino-Russian agreement in 2017 on the Moon."
        x = extract(text, REGISTRY)
        (agreement,) = x.agreements
        assert agreement.existing == {"id": 3, "slug": "sino-russian-moon"}
        assert agreement.year == 2017
        assert text[slice(*agreement.mentions[0])] == "Sino-Russian agreement"

    def test_to_dict_is_json(self):
        x = extract('"We are ready," Hanhui told TASS.', REGISTRY)
        data = json.loads(json.dumps(x.to_dict()))
        assert set(data) == {
            "quotes",
            "people",
            "organisations",
            "agreements",
            "set_aside",
        }
        assert data["quotes"][0]["speaker"] == "zhang-hanhui"
        assert data["quotes"][0]["evidence_end"] > data["quotes"][0]["evidence_start"]

    def test_gazetteer_from_plain_lists(self):
        gazetteer = Gazetteer(
            people=["Anna Berg"], organisations=[{"name": "Acme", "aliases": ["ACME"]}]
        )
        x = extract("ACME hired Anna Berg.", gazetteer)
        assert [p.existing["slug"] for p in x.people] == ["anna-berg"]
        assert [o.existing["slug"] for o in x.organisations] == ["acme"]
