"""The constructions of agency and press-release copy the engine reads, one
made-up sentence each: titles and acronyms around names, initials,
honorifics, surname and title+surname coreference, attribution by position,
paragraph breaks, organisations from titles, acronyms in parentheses,
shipped wire agencies, and unnamed or group sources."""

from __future__ import annotations

from articles.extraction.engine import Gazetteer, KnownEntity, extract


def quotes(x):
    return [
        (
            q.kind,
            q.text,
            x.person(q.speaker).name if q.speaker else None,
            q.source_description,
        )
        for q in x.quotes
    ]


def org_name(x, key):
    found = x.organisation(key)
    return found.name if found else None


class TestNames:
    def test_acronym_and_title_before_a_name(self):
        """'NASA Administrator Charles Bolden': NASA is the organisation,
        Administrator the title, and a later 'Bolden said' is him."""
        x = extract(
            "ACME Administrator Jane Roe opened the lab.\n\n"
            '"This is a great day," Roe said.'
        )
        assert quotes(x) == [("direct", "This is a great day", "Jane Roe", None)]
        person = x.people[0]
        assert (person.role, org_name(x, person.role_organisation)) == (
            "Administrator",
            "ACME",
        )

    def test_organisation_title_and_name_in_one_run(self):
        """'European Space Agency Director General Josef Aschbacher'."""
        x = extract(
            "Northern Rail Authority Director General Per Olsen spoke. "
            '"Trains will run," Olsen said.'
        )
        assert quotes(x) == [("direct", "Trains will run", "Per Olsen", None)]
        assert org_name(x, x.quotes[0].organisation) == "Northern Rail Authority"

    def test_middle_initial(self):
        """'Susan C. Schwab': the initial and its full stop are in the name."""
        x = extract('Minister Mary K. Fenn visited. "We are ready," said Fenn.')
        assert quotes(x) == [("direct", "We are ready", "Mary K. Fenn", None)]

    def test_honorific_with_a_full_stop(self):
        """'Dr. Orbach said' is the Orbach named before."""
        x = extract(
            'Chief scientist Raymond T. Holm spoke. "Data matters," Dr. Holm said.'
        )
        assert quotes(x) == [("direct", "Data matters", "Raymond T. Holm", None)]

    def test_title_and_surname_is_the_person_named_before(self):
        """'President Bush says' is George W. Bush, and a later 'he' is him,
        not the other man named in the sentence before."""
        x = extract(
            "President Tom B. Hale met Karl Brun. President Hale says the talks "
            "went well. He said the deal was fair."
        )
        assert [(t[1], t[2]) for t in quotes(x)] == [
            ("the talks went well", "Tom B. Hale"),
            ("the deal was fair", "Tom B. Hale"),
        ]

    def test_pronoun_is_the_subject_of_the_sentence_before(self):
        x = extract(
            "Minister Ann Lee met Senator Bob Stone on Monday. She said the talks "
            "went well."
        )
        assert [(t[1], t[2]) for t in quotes(x)] == [("the talks went well", "Ann Lee")]

    def test_pronoun_is_the_speaker_not_a_name_before_him(self):
        """ "Regarding Ahmadinejad's stance, Ambassador Burns commented …
        He added": the one who spoke in the sentence before, not the man
        named in its opening phrase."""
        x = extract(
            "Regarding President Karl Brun's plan, Senator Bob Stone commented "
            "that it was late. He added that the vote was close."
        )
        assert [(t[1], t[2]) for t in quotes(x)] == [
            ("it was late", "Bob Stone"),
            ("the vote was close", "Bob Stone"),
        ]

    def test_region_before_a_titled_name_is_no_person(self):
        """ "an important country in the Middle East, President Ahmadinejad":
        a region is a place, though a title follows it."""
        x = extract(
            'Senator Bob Stone said, "It is rare that a leader in the Middle '
            'East, President Karl Brun, would say so."'
        )
        assert "Middle East" not in [p.name for p in x.people]

    def test_title_and_surname_alone_proposes_the_person(self):
        x = extract('"It is a historic step," Mr. Hale hailed the deal.')
        assert quotes(x) == [("direct", "It is a historic step", "Hale", None)]


class TestAttribution:
    def test_any_verb_after_the_quote(self):
        """'"…," Mr. Bush hailed the deal.': the name right after the
        quote, whatever the verb."""
        x = extract('Minister Ann Lee spoke. "A fine result," Lee hailed the deal.')
        assert quotes(x) == [("direct", "A fine result", "Ann Lee", None)]
        assert x.quotes[0].cue == "hailed"

    def test_inverted_unlisted_verb(self):
        """'"…," agreed President Putin.'"""
        x = extract('Mayor Ann Lee spoke. "We agree," agreed Mayor Lee.')
        assert quotes(x) == [("direct", "We agree", "Ann Lee", None)]
        assert x.quotes[0].cue == "agreed"

    def test_not_a_verb_after_the_quote(self):
        """A name after the quote followed by no verb attributes nothing."""
        x = extract('"A fine result" for Ann Lee of the council.')
        assert [q for q in x.quotes if q.kind == "direct"] == []

    def test_called_it(self):
        x = extract('Senator Ann Lee spoke. She called it "a shameful day".')
        assert quotes(x) == [("partial", "a shameful day", "Ann Lee", None)]

    def test_what_he_called(self):
        x = extract('Senator Ann Lee spoke. The bill is what she called "a disaster".')
        assert quotes(x) == [("partial", "a disaster", "Ann Lee", None)]

    def test_quote_opening_a_paragraph_is_not_a_title(self):
        """The word before a paragraph break ('plan') does not make the
        quote opening the next paragraph a title."""
        x = extract(
            "Minister Ann Lee presented the new trade plan\n"
            '"Our Farmers Will Gain," Lee said.'
        )
        assert quotes(x) == [("direct", "Our Farmers Will Gain", "Ann Lee", None)]


class TestStatements:
    def test_name_and_colon_before_the_quote(self):
        """'EPA Region 5 Administrator Cathy Stepp: "…"' — a press
        release's statement, with no reporting verb."""
        x = extract(
            "What they said:\n\nMichigan Attorney General Dana Lee: \u201cThis "
            "settlement is an important step.\u201d"
        )
        assert quotes(x) == [
            ("direct", "This settlement is an important step.", "Dana Lee", None)
        ]

    def test_following_statement_in_the_next_paragraph(self):
        """'John P. Holdren, Assistant to the President, issued the
        following statement:' then the quote as its own paragraph."""
        x = extract(
            "After the launch, Minister Jo P. Hale, head of the space office, "
            'issued the following statement:\n\n"Congratulations to the teams."'
            '\n\n"Every launch teaches us something."'
        )
        assert [(t[1], t[2]) for t in quotes(x)] == [
            ("Congratulations to the teams.", "Jo P. Hale"),
            ("Every launch teaches us something.", "Jo P. Hale"),
        ]

    def test_designate_title(self):
        """'Statement by Administrator-designate Lisa P. Jackson:'"""
        x = extract(
            'Statement by Administrator-designate Ann K. Berg:\n\n"I am honored."'
        )
        assert quotes(x) == [("direct", "I am honored.", "Ann K. Berg", None)]

    def test_long_title_before_the_name(self):
        """'Assistant Administrator for Enforcement and Compliance Assurance
        Susan Bodine: "…"' names Susan Bodine, not the title's last words."""
        x = extract(
            "Assistant Administrator for Water and Coastal Protection Mia Dahl: "
            "\u201cThis is a fine result.\u201d"
        )
        assert quotes(x) == [("direct", "This is a fine result.", "Mia Dahl", None)]


class TestInvertedReportedSpeech:
    def test_unnamed_source_after_the_reported_words(self):
        """'Insurgents are changing tactics, a senior military officer said.'"""
        x = extract(
            "Rebels are avoiding open battles this year, a senior military "
            "officer said in the capital today."
        )
        assert quotes(x) == [
            (
                "indirect",
                "Rebels are avoiding open battles this year",
                None,
                "a senior military officer",
            )
        ]

    def test_title_between_the_comma_and_the_name(self):
        """'…, Defense Secretary Leon E. Panetta said.'"""
        x = extract(
            "The country has reached a turning point, Transport Minister "
            "Anna B. Kole said during a visit."
        )
        assert quotes(x) == [
            (
                "indirect",
                "The country has reached a turning point",
                "Anna B. Kole",
                None,
            )
        ]

    def test_aside_with_commas_of_its_own(self):
        """'…, Barbara Thompson, director of family policy, children and
        youth, said.'"""
        x = extract(
            "Children will be honoured in April, Mary Lind, director of family "
            "policy, children and youth, said."
        )
        assert quotes(x)[0][1:3] == ("Children will be honoured in April", "Mary Lind")

    def test_partial_quote_ending_the_reported_words(self):
        """'…, but "how much we can do," said Douglas Feith, undersecretary
        of defense.': the reported words and the partial quote in them."""
        x = extract(
            'The plan is not about cost, but "how much we can do," said Ian Roe, '
            "undersecretary of defense."
        )
        assert [(t[0], t[2]) for t in quotes(x)] == [
            ("indirect", "Ian Roe"),
            ("partial", "Ian Roe"),
        ]

    def test_military_rank_abbreviation(self):
        """'said Army Spc. Everad Lewis': the rank's full stop ends no
        sentence and the name after it is the speaker."""
        x = extract('"I always wanted this," said Army Spc. Ola Mensah.')
        assert quotes(x) == [("direct", "I always wanted this", "Ola Mensah", None)]


class TestOrganisations:
    def test_two_countries_joined_by_and(self):
        """ "stops in Japan, South Korea and China": two countries, not one
        body named after the last."""
        x = extract("The minister made stops in South Korea and China last week.")
        assert [o.name for o in x.organisations] == ["South Korea", "China"]

    def test_demonym_before_a_head_of_state(self):
        """'Russian President' speaks for Russia."""
        x = extract("Russian President Ivan Petrov said the talks were useful.")
        assert org_name(x, x.quotes[0].organisation) == "Russia"

    def test_compound_title_after_an_organisation(self):
        """'Pentagon Press Secretary George Little' speaks for the Pentagon,
        which is no 'Pentagon Press'."""
        x = extract("Pentagon Press Secretary Ann Lee said the talks were useful.")
        assert quotes(x)[0][2] == "Ann Lee"
        assert org_name(x, x.quotes[0].organisation) == "Pentagon"
        assert x.people[0].role == "Press Secretary"

    def test_more_demonyms(self):
        x = extract("Afghan President Ali Noor said the plan was good.")
        assert org_name(x, x.quotes[0].organisation) == "Afghanistan"

    def test_country_in_the_registry_is_linked(self):
        gazetteer = Gazetteer(
            organisations=[KnownEntity("France", slug="france", kind="state")]
        )
        x = extract(
            "French Prime Minister Marie Roux said taxes would fall.", gazetteer
        )
        assert x.quotes[0].organisation == "france"
        assert x.organisation("france").existing == {"id": None, "slug": "france"}

    def test_national_office_from_its_title(self):
        """'U.S. Trade Representative' speaks for the office."""
        x = extract(
            "Talks ended in Geneva. U.S. Trade Representative Jo M. Park said "
            "the deal was fair."
        )
        assert quotes(x)[0][2] == "Jo M. Park"
        assert (
            org_name(x, x.quotes[0].organisation)
            == "Office of the United States Trade Representative"
        )

    def test_acronym_in_parentheses_is_an_alias(self):
        """'European Space Agency (ESA)': the whole name, the acronym kept,
        and a later 'ESA' is the same organisation."""
        x = extract(
            "The Northern Space Agency (NSA) launched a probe. NSA engineers "
            "cheered. Agency head Ola Berg thanked NSA staff."
        )
        (org,) = [o for o in x.organisations if "Space" in o.name]
        assert org.name == "Northern Space Agency"
        assert org.aliases == ["NSA"]
        assert len(org.mentions) == 4

    def test_shipped_wire_agency(self):
        """'told Reuters' proposes Reuters as a news agency though the
        registry does not know it."""
        x = extract("Mayor Ann Lee told Reuters the plan would work.")
        outlet = x.organisation(x.quotes[0].outlet)
        assert (outlet.name, outlet.kind, outlet.existing) == (
            "Reuters",
            "news_agency",
            None,
        )

    def test_shipped_broadcaster(self):
        x = extract("Mayor Ann Lee, speaking to the BBC, said the plan would work.")
        assert x.organisation(x.quotes[0].outlet).kind == "media_outlet"


class TestUnnamedSources:
    def test_a_spokesman(self):
        x = extract('"We will review the case," a spokesman said.')
        assert quotes(x) == [("direct", "We will review the case", None, "a spokesman")]
        assert x.quotes[0].speaker is None
        assert x.people == []

    def test_spokeswoman_for_an_organisation(self):
        gazetteer = Gazetteer(organisations=[KnownEntity("Acme Corp", slug="acme")])
        x = extract('"No comment," said a spokeswoman for Acme Corp.', gazetteer)
        assert quotes(x) == [("direct", "No comment", None, "a spokeswoman")]
        assert x.quotes[0].organisation == "acme"

    def test_officials(self):
        x = extract("Officials said the bridge would reopen next week.")
        assert quotes(x) == [
            ("indirect", "the bridge would reopen next week", None, "Officials")
        ]

    def test_officials_of_a_country(self):
        x = extract("Senior U.S. officials said the talks would resume.")
        assert quotes(x)[0][3] == "Senior U.S. officials"
        assert org_name(x, x.quotes[0].organisation) == "United States"

    def test_capital_for_its_government(self):
        """'Moscow says' is Russia speaking, with no person named."""
        x = extract("Moscow says the sanctions are illegal.")
        assert quotes(x) == [("indirect", "the sanctions are illegal", None, "Moscow")]
        assert org_name(x, x.quotes[0].organisation) == "Russia"

    def test_group_after_a_quote(self):
        x = extract('"We had a good race," teams said.')
        assert quotes(x) == [("direct", "We had a good race", None, "teams")]

    def test_continuation_keeps_the_source(self):
        x = extract('"We had a good race," teams said. "We will be back."')
        assert [t[3] for t in quotes(x)] == ["teams", "teams"]

    def test_no_source_no_speaker(self):
        """Quoted words nobody is said to have spoken get no speaker, named
        or not: they are set aside as having none."""
        x = extract('The crowd chanted. "We will be back." Then it rained.')
        assert x.quotes == []
        assert [s.reason for s in x.set_aside] == ["no speaker"]
