"""Constructions of real wire copy the rules read, one made-up sentence (or
two) each: adverbials after a cue, organisations named before a role,
unnamed sources with fuller descriptions, organisations by coreference,
relative clauses and short quotes inside reported speech."""

from __future__ import annotations

from articles.extraction.engine import extract


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


class TestCues:
    def test_place_and_time_after_the_verb_end_no_clause(self):
        """'…, the top military leader said here today, adding that …': the
        words before the attribution are reported, and the participle's
        clause is a second quote of the same source."""
        x = extract(
            "The truce was a good sign for the region, the top military leader "
            "said here today, adding that the outlook is very good."
        )
        assert [(k, t, d) for k, t, _, d in quotes(x)] == [
            (
                "indirect",
                "The truce was a good sign for the region",
                "the top military leader",
            ),
            ("indirect", "the outlook is very good", "the top military leader"),
        ]

    def test_time_before_that(self):
        """'said today that …': the clause after "that" is reported."""
        x = extract("Minister Jane Roe said today that the plan will go ahead.")
        assert quotes(x) == [("indirect", "the plan will go ahead", "Jane Roe", None)]


class TestOrganisations:
    def test_possessive_before_a_role_with_modifiers(self):
        """ "DoD's senior official for …": the role's head need not be the
        word right after the possessive."""
        x = extract(
            "The plant is safe, ACME's senior official for safety affairs said."
        )
        assert x.quotes[0].source_description == (
            "ACME's senior official for safety affairs"
        )
        assert org_name(x, x.quotes[0].organisation) == "ACME"

    def test_most_specific_body_in_a_role(self):
        """ "a spokesman for NASA's Kennedy Space Center" speaks for the
        center, not the agency that owns it."""
        x = extract(
            '"We had no damage," said Jo Bloggs, a spokesman for ACME\'s '
            "Northfield Research Center."
        )
        assert org_name(x, x.quotes[0].organisation) == "Northfield Research Center"

    def test_body_after_at_not_the_first_name_in_the_role(self):
        """ "PACE project scientist at Goddard": the mission named first is
        not whom the scientist works for."""
        x = extract(
            '"It will help," said Jo Bloggs, ORBIT project scientist at Halden.'
        )
        assert org_name(x, x.quotes[0].organisation) == "Halden"

    def test_plural_role_after_an_acronym(self):
        """ "NASA officials also say …": the acronym is the officials'."""
        x = extract("ACME officials also say that the site suffered no damage.")
        assert quotes(x) == [
            ("indirect", "the site suffered no damage", None, "ACME officials")
        ]
        assert org_name(x, x.quotes[0].organisation) == "ACME"

    def test_service_inside_a_source_description(self):
        """ "a senior Army officer" speaks for the Army."""
        x = extract("Enemy forces will not fight fair, a senior Navy officer said.")
        assert org_name(x, x.quotes[0].organisation) == "Navy"

    def test_demonym_of_two_words(self):
        """ "an anonymous South Korean intelligence official" speaks for South
        Korea, and so does a "South Korean President"."""
        x = extract(
            "An anonymous South Korean intelligence official said that the test "
            'is near. "We are ready," said South Korean President Kim Dae-ho.'
        )
        assert [org_name(x, q.organisation) for q in x.quotes] == [
            "South Korea",
            "South Korea",
        ]


class TestSources:
    def test_place_names_are_no_person(self):
        """ "The International Space Station said" is no person's quote."""
        x = extract("Orbital Science Station said that the module will launch soon.")
        assert x.quotes == []
        assert x.people == []

    def test_an_unnamed_manager(self):
        """ "The launch director of Atlantis said …" is an unnamed source."""
        x = extract("The launch director of the mission said the crew is ready to go.")
        assert quotes(x) == [
            (
                "indirect",
                "the crew is ready to go",
                None,
                "The launch director of the mission",
            )
        ]

    def test_description_in_apposition_to_a_name(self):
        """ "Leroy Cain, the American manager of the mission said …": the
        description is the named person's, not an unnamed source."""
        x = extract(
            "Jo Bloggs, the deputy manager of the mission said the crew is ready."
        )
        assert quotes(x) == [("indirect", "the crew is ready", "Jo Bloggs", None)]

    def test_wholly_quoted_clause_is_one_partial_quote(self):
        """'X said that "…"' with the whole clause in the marks is annotated
        once, as a partial quote."""
        x = extract('Minister Jane Roe said that "the plan will go ahead as agreed."')
        assert quotes(x) == [
            ("partial", "the plan will go ahead as agreed.", "Jane Roe", None)
        ]


class TestCountries:
    def test_a_country_before_a_verb_is_no_person(self):
        """ "The United States said that …": a country speaking is an
        organisation, and no quote."""
        x = extract("The United States said that the talks will resume.")
        assert x.quotes == []
        assert [o.name for o in x.organisations] == ["United States"]

    def test_a_body_named_after_its_country(self):
        """ "According to Électricité de France, …" is no person's."""
        x = extract("According to Banque de France, the fire harmed no one.")
        assert x.quotes == []
        assert x.people == []


class TestTold:
    def test_told_someone_how_is_a_topic(self):
        """ "told conferees how the Guard can …" states no proposition."""
        x = extract(
            "General Jo Bloggs told top industry conferees how the Guard can "
            "communicate better with local officials."
        )
        assert x.quotes == []

    def test_told_only_whom_reports_the_words_before(self):
        """'…, Sgt. 1st Class Leroy A. Petry told the attendees of the
        conference': the words before the attribution are reported, with a
        long title between the comma and the name."""
        x = extract(
            "Soldiers can draw strength from each other, wounded veteran and "
            "Medal of Honor recipient Army Sgt. 1st Class Jo K. Bloggs told the "
            "attendees of the Resilience Conference."
        )
        assert quotes(x) == [
            (
                "indirect",
                "Soldiers can draw strength from each other",
                "Jo K. Bloggs",
                None,
            )
        ]

    def test_told_reporters_a_clause_without_that(self):
        """ "told reporters the talks will resume": still a clause."""
        x = extract("Minister Jane Roe told reporters the talks will resume soon.")
        assert quotes(x) == [
            ("indirect", "the talks will resume soon", "Jane Roe", None)
        ]


class TestAnaphora:
    def test_its_role_refers_to_the_body_before(self):
        """ "The African Union … Its health commissioner, Dr. Fatou Diallo,
        said …": the honorific between role and name, and "its" the union."""
        x = extract(
            "The Northern League has set a target. Its health commissioner, Dr. "
            "Ana Brun, said the plan was sound."
        )
        assert quotes(x) == [("indirect", "the plan was sound", "Ana Brun", None)]
        assert org_name(x, x.quotes[0].organisation) == "Northern League"

    def test_the_groups_president(self):
        """ "Pierre Gagnon, the group's president" speaks for the group
        named before."""
        x = extract(
            "The Grain Growers Association said it would study the text. Jo "
            "Bloggs, the group's president, said prices will fall."
        )
        assert org_name(x, x.quotes[0].organisation) == "Grain Growers Association"

    def test_an_outlet_is_not_referred_back_to(self):
        """ "… told Sport TV. Club president X said …": the club, not the
        channel the words were said to."""
        x = extract(
            "Porto Azul FC signed a striker on Monday, as its coach confirmed in "
            "an interview with Sport TV. According to club president Jo Bloggs, "
            "the fee was fair."
        )
        assert org_name(x, x.quotes[0].organisation) == "Porto Azul FC"

    def test_one_of_that_organizations_officers(self):
        """ "…, one of that new organization's high-ranking officers said":
        an unnamed source, for the body the sentence named."""
        x = extract(
            "The Guard has given the Northern Command a base it can build on, one "
            "of that new organization's high-ranking officers said recently."
        )
        assert quotes(x) == [
            (
                "indirect",
                "The Guard has given the Northern Command a base it can build on",
                None,
                "one of that new organization's high-ranking officers",
            )
        ]
        assert org_name(x, x.quotes[0].organisation) == "Northern Command"

    def test_a_group_of_officials(self):
        """ "a group of senior defense and military officials told reporters"."""
        x = extract(
            "Leaders are determined to be open, a group of senior defense and "
            "military officials told reporters."
        )
        assert [q[3] for q in quotes(x)] == [
            "a group of senior defense and military officials"
        ]
        assert x.quotes[0].organisation is None


class TestShortQuotes:
    def test_a_word_or_two_in_marks_inside_reported_speech(self):
        """'… will not be in for a "fair fight," a senior officer said': the
        two quoted words are the officer's, a partial quote."""
        x = extract(
            'Enemy forces will not be in for a "fair fight," a senior officer '
            "said on Tuesday."
        )
        assert ("partial", "fair fight", None, "a senior officer") in quotes(x)

    def test_scare_quotes_outside_reported_speech_stay_aside(self):
        """The same two words in a sentence that reports no one are set
        aside."""
        x = extract('The rivals were never in for a "fair fight" this season.')
        assert x.quotes == []
        assert [s.reason for s in x.set_aside] == ["scare quotes"]


class TestPronouns:
    def test_no_pronoun_past_an_organisation_speaking(self):
        """ "NASA said that … He also said …" with the last person named
        before NASA spoke: the pronoun names no one."""
        x = extract(
            "Jo Bloggs, the manager of the mission, said that the team is ready."
            "\n\nACME said that the crew is ready. He also said that the "
            "astronauts have simulators."
        )
        assert quotes(x) == [("indirect", "the team is ready", "Jo Bloggs", None)]


class TestSpeakers:
    def test_relative_clause_after_a_name(self):
        """ "said Yaw Mensah, a researcher at the institute, who warned that
        …": the relative clause is the named person's."""
        x = extract(
            "Minister Jo Bloggs visited. Ana Brun, a researcher at the institute, "
            "who warned that the plant would depend on imports, was not invited."
        )
        assert ("indirect", "the plant would depend on imports", "Ana Brun", None) in (
            quotes(x)
        )

    def test_relative_clause_inside_reported_speech(self):
        """ "Cain said Gingrich, who vowed to reporters he would stay …, has
        been …": the relative clause is its own speaker's, cut at the main
        clause, and "to reporters" is whom it was said to."""
        x = extract(
            "Minister Herman Kay backed Senator Newt Gale. Kay said Gale, who "
            "vowed to reporters he would stay in the race until August, has "
            "been through a tough fight."
        )
        assert (
            "indirect",
            "he would stay in the race until August",
            "Newt Gale",
            None,
        ) in quotes(x)

    def test_unclosed_aside_after_a_name(self):
        """ "Qazi Hussain Ahmed, the head of an Islamic party alliance told the
        BBC that …": an aside with no closing comma, and the role stops at
        the verb."""
        x = extract(
            "Parties disagree. Jo Bloggs, the head of a party alliance told the "
            "BBC that the apology held no weight."
        )
        assert quotes(x) == [
            ("indirect", "the apology held no weight", "Jo Bloggs", None)
        ]
        assert x.person(x.quotes[0].speaker).role == "head of a party alliance"

    def test_a_name_whose_surname_speaks_later(self):
        """ "endorsed Newt Gingrich …. Gingrich said …": the name read with no
        context is a person once its surname speaks."""
        x = extract(
            "The party endorsed Newt Gale on Monday.\n\n"
            "Gale said that he would stay in the race."
        )
        assert quotes(x) == [
            ("indirect", "he would stay in the race", "Newt Gale", None)
        ]

    def test_middle_initial_makes_a_name(self):
        """ "George W. Bush and the Foreign Secretary have dismissed …":
        a middle initial makes a person's name with no other context."""
        x = extract(
            "Meanwhile, Jon Q. Public and his aides have dismissed the plan. "
            'Public has described it as "wild speculation" in a speech.'
        )
        assert [p.name for p in x.people] == ["Jon Q. Public"]
        assert quotes(x) == [("partial", "wild speculation", "Jon Q. Public", None)]

    def test_a_reporter_alleging(self):
        """ "A Washington Post reporter alleges that …": an unnamed source of
        the paper, and "alleges" a verb of saying."""
        x = extract(
            "A Daily Post reporter alleges that the agency possessed powerful evidence."
        )
        assert quotes(x) == [
            (
                "indirect",
                "the agency possessed powerful evidence",
                None,
                "A Daily Post reporter",
            )
        ]
        assert org_name(x, x.quotes[0].organisation) == "Daily Post"

    def test_exhorts_attributes_quoted_words(self):
        """ "Zawahiri exhorts the insurgency to "Stay firm, stay together."":
        the quoted words are his, and nothing else is reported."""
        x = extract(
            "Minister Jo Bloggs spoke. In the video, Bloggs exhorts the "
            "fighters to \u201cStay firm, stay together.\u201d"
        )
        assert quotes(x) == [
            ("partial", "Stay firm, stay together.", "Jo Bloggs", None)
        ]


class TestLabelsAndFollowers:
    def test_here_between_source_and_verb(self):
        """ "…, military officials here announced today.\""""
        x = extract(
            "The command is looking into the allegations, military officials "
            "here announced today."
        )
        assert [q[3] for q in quotes(x)] == ["military officials"]

    def test_label_after_a_title_noun_is_no_title(self):
        """ "called the project "a turning point"": a label someone gave."""
        x = extract(
            'Minister Kwame Osei called the project "a turning point" for the region.'
        )
        assert quotes(x) == [("partial", "a turning point", "Kwame Osei", None)]

    def test_capitalised_label_is_no_title(self):
        """ "calls President Bush the "Caesar of Washington,"": capitalised
        words after a labelling verb are still the speaker's."""
        x = extract(
            "Minister Jo Bloggs spoke on Monday. He also calls the president the "
            "\u201cCaesar of Washington,\u201d and praised his allies."
        )
        assert quotes(x) == [("partial", "Caesar of Washington", "Jo Bloggs", None)]

    def test_direct_quote_after_a_reporting_sentence(self):
        """ "… told the BBC that …. "There have been …"": the direct quote
        takes the sentence before's speaker and outlet."""
        x = extract(
            "Jo Bloggs, the head of a party alliance, told the BBC that the "
            'apology held no weight. "There have been reports of abuse. It has '
            'no meaning."'
        )
        assert [(q.kind, x.person(q.speaker).name) for q in x.quotes] == [
            ("indirect", "Jo Bloggs"),
            ("direct", "Jo Bloggs"),
        ]
        assert org_name(x, x.quotes[1].outlet) == "BBC"


class TestTitles:
    def test_title_before_a_national_office(self):
        """ "Deputy U.S. Trade Representative Demetrios Marantis" speaks for
        the office; "Deputy U.S." is no organisation."""
        x = extract(
            '"We will work with them," said Deputy U.S. Trade Representative Jo Park.'
        )
        assert org_name(x, x.quotes[0].organisation) == (
            "Office of the United States Trade Representative"
        )
        assert "Deputy U.S" not in [o.name for o in x.organisations]

    def test_acronym_heading_a_role_after_the_name(self):
        """ "Stephen L. Johnson, EPA Administrator" speaks for the EPA."""
        x = extract('"We will work with them," said Jo K. Park, ACME Administrator.')
        assert org_name(x, x.quotes[0].organisation) == "ACME"


class TestAsides:
    def test_a_titled_name_before_a_verb_and_a_role(self):
        """ "Ambassador Ron Kirk met the minister": a person, not a body
        whose minister is met; "said Kirk" later is him."""
        x = extract(
            "Ambassador Ron Kirk met the minister on Monday.\n\n"
            '"This is a good day for trade," said Kirk.'
        )
        assert [p.name for p in x.people] == ["Ron Kirk"]
        assert quotes(x) == [
            ("direct", "This is a good day for trade", "Ron Kirk", None)
        ]

    def test_a_quote_attributed_to_a_document_is_no_continuation(self):
        """'"…," the statement said' after someone's quote in the paragraph
        before is not that person's."""
        x = extract(
            '"We are ready," said Minister Jo Bloggs.\n\n'
            '"The terms are clear," the statement said.'
        )
        assert [q[1] for q in quotes(x)] == ["We are ready"]

    def test_source_with_an_aside(self):
        """ "The official, who spoke on condition of anonymity, said …"."""
        x = extract(
            "The official, who spoke on condition of anonymity, said the talks "
            "would resume."
        )
        assert quotes(x) == [
            ("indirect", "the talks would resume", None, "The official")
        ]

    def test_age_between_name_and_verb(self):
        """ "Jane Roe, 45, said …"."""
        x = extract("Jane Roe, 45, said the fire spread quickly.")
        assert quotes(x) == [("indirect", "the fire spread quickly", "Jane Roe", None)]

    def test_party_label_in_parentheses(self):
        """ "Sen. John McCain (R-Ariz.) said …"."""
        x = extract("Sen. Jon Park (R-Ariz.) said the bill would fail.")
        assert quotes(x) == [("indirect", "the bill would fail", "Jon Park", None)]


class TestWireRoles:
    def test_body_heading_a_role_after_a_rank(self):
        """ "Navy Adm. John Kirby, the Pentagon press secretary, said …": the
        rank names no body; the role after the name does."""
        x = extract(
            "Navy Adm. Jo Kirk, the Pentagon press secretary, said the strikes "
            "were successful."
        )
        assert org_name(x, x.quotes[0].organisation) == "Pentagon"

    def test_participle_after_an_indirect_quote(self):
        """ "Kirby said the strikes hit 12 targets, adding that more would
        follow": two quotes, the participle's its own."""
        x = extract(
            "Minister Jo Kirk spoke. Kirk said the strikes hit 12 targets, "
            "adding that more would follow."
        )
        assert [q[1] for q in quotes(x)] == [
            "the strikes hit 12 targets",
            "more would follow",
        ]

    def test_told_an_organisation_after_the(self):
        """ "told the Senate Armed Services Committee that …"."""
        x = extract(
            "Gen. Jo Kirk told the Senate Armed Services Committee that the plan "
            "is sound."
        )
        assert [q[1] for q in quotes(x)] == ["the plan is sound"]

    def test_said_he_with_a_verb_is_not_inverted(self):
        """ "The former astronaut, who led the agency, said he was proud":
        "he" opens the reported clause; it is no inverted attribution."""
        x = extract(
            "Minister Jo Kirk spoke. The former astronaut, who led the agency "
            "since 2009, said he was proud."
        )
        assert all(not q[1].startswith("The former astronaut") for q in quotes(x))


class TestStateAndOffice:
    def test_demonym_counterpart_before_a_title(self):
        """ "Her Vietnamese counterpart, Industry and Trade Minister Tran Van
        Long, said …" speaks for Vietnam."""
        x = extract(
            "Minister Jo Kirk spoke. Her Kenyan counterpart, Industry and Trade "
            "Minister Ana Wairimu, said that both governments had agreed."
        )
        assert quotes(x)[-1][2] == "Ana Wairimu"
        assert org_name(x, x.quotes[-1].organisation) == "Kenya"

    def test_owned_title_with_for_before_a_comma(self):
        """ "NASA's Associate Administrator for Space Operations, Bill
        Gerstenmaier, said …" speaks for NASA."""
        x = extract(
            "ACME's Associate Administrator for Space Operations, Bill Gerst, "
            "said the launch was a success."
        )
        assert org_name(x, x.quotes[0].organisation) == "ACME"


class TestAddressees:
    def test_told_someone_described_that(self):
        """ "told his Israeli counterpart that …": the clause after "that"."""
        x = extract(
            "Secretary Jo Kirk told his Israeli counterpart that the alliance "
            "stands firm."
        )
        assert quotes(x) == [("indirect", "the alliance stands firm", "Jo Kirk", None)]

    def test_police_speak_as_an_organisation(self):
        """ "Police say …" is the force speaking, no quote
        (docs/annotation.md)."""
        assert extract("Police say the suspect fled the scene.").quotes == []
