"""Speakers and quotes in common wire shapes the rules were not first
written against, one made-up sentence or two each: a relative clause
between a quote's speaker and the verb, a quotation running over
paragraphs, a labelling verb after a name, and a second subject's cue in
the middle of reported speech."""

from __future__ import annotations

from articles.extraction.engine import extract


def quotes(text):
    x = extract(text)
    return [
        (
            q.kind,
            q.text,
            x.person(q.speaker).name if q.speaker else q.source_description,
        )
        for q in x.quotes
    ]


class TestSpeakers:
    def test_relative_clause_between_name_and_verb(self):
        """'"…," Ann Marsh, who chairs the panel, said': a name with no other
        context is a person when "who" and a verb of saying follow."""
        assert quotes(
            '"This is a big mistake," Ann Marsh, who chairs the panel, said.'
        ) == [("direct", "This is a big mistake", "Ann Marsh")]

    def test_labelling_verb_after_a_name(self):
        """'Ann Marsh called the decision "a big mistake."': the name before
        a labelling verb and quoted words is a person's."""
        assert quotes('Ann Marsh called the decision "a big mistake."') == [
            ("partial", "a big mistake.", "Ann Marsh")
        ]


class TestQuotationOverParagraphs:
    def test_unclosed_paragraph_takes_the_next_one_s_speaker(self):
        """A paragraph opening with a mark nothing closes goes on in the next,
        which names the speaker."""
        assert quotes(
            '"We will not stop. We will go on.\n\n'
            '"There is no other way," said Ann Marsh.'
        ) == [
            ("direct", "We will not stop. We will go on.", "Ann Marsh"),
            ("direct", "There is no other way", "Ann Marsh"),
        ]

    def test_closed_quote_takes_no_later_speaker(self):
        assert quotes(
            '"We will not stop," she said.\n\n"There is no other way," said Ann Marsh.'
        ) == [("direct", "There is no other way", "Ann Marsh")]


class TestSecondSubject:
    def test_reported_clause_stops_at_another_subject_s_cue(self):
        """'Officials said the talks were over, but a spokesman said "…"':
        the officials' words end at the comma, and the quoted words are the
        spokesman's."""
        assert quotes(
            "Officials said the talks were over, but a spokesman said "
            '"nothing is final."'
        ) == [
            ("indirect", "the talks were over", "Officials"),
            ("partial", "nothing is final.", "a spokesman"),
        ]


class TestAsidesAndPassives:
    def test_participle_aside_between_name_and_verb(self):
        """ "Ann Marsh, speaking at a news conference in Nairobi, said …"."""
        assert quotes(
            "Ann Marsh, speaking at a news conference in Nairobi, said the talks "
            "had failed."
        ) == [("indirect", "the talks had failed", "Ann Marsh")]

    def test_age_and_description_between_name_and_verb(self):
        """ "Ann Marsh, 54, a former U.S. senator, said …": the abbreviation's
        stops end no aside."""
        assert quotes("Ann Marsh, 54, a former U.S. senator, said she would run.") == [
            ("indirect", "she would run", "Ann Marsh")
        ]

    def test_former_opening_a_sentence_is_no_body(self):
        x = extract("Former senator Ann Marsh said she would run.")
        assert [o.name for o in x.organisations] == []
        assert x.person(x.quotes[0].speaker).name == "Ann Marsh"

    def test_quoted_as_saying(self):
        """ "was quoted as saying", "quoted X as saying": the person quoted."""
        assert quotes(
            "Ann Marsh was quoted as saying that the talks had failed. The agency "
            "quoted Jo Roe as saying the plan was dead."
        ) == [
            ("indirect", "the talks had failed", "Ann Marsh"),
            ("indirect", "the plan was dead", "Jo Roe"),
        ]

    def test_told_an_outlet_s_service(self):
        """ "told VOA's Persian Service that …": the addressee is the owned
        body, and the clause after "that" is reported."""
        assert quotes(
            "Ann Marsh told the Halden Times's Weekend Service that the talks "
            "had failed."
        ) == [("indirect", "the talks had failed", "Ann Marsh")]

    def test_told_an_outlet_s_reporter(self):
        """ "told VOA reporter Said Suleiman Ashna that …": the reporter at
        the outlet is whom the words were said to, not reported words."""
        assert quotes(
            "Senator Ann Marsh told VOA reporter Bob Stone that the vote was close."
        ) == [("indirect", "the vote was close", "Ann Marsh")]

    def test_sources_tell_an_outlet_s_service(self):
        """ "Sources tell VOA's Somali service that …": "tell" reports, and
        the outlet's service in lower case is whom the words were told."""
        x = extract("Sources tell VOA's Somali service that the ship is a tanker.")
        assert [(q.text, q.source_description) for q in x.quotes] == [
            ("the ship is a tanker", "Sources")
        ]
        assert x.organisation(x.quotes[0].outlet).name == "Voice of America"

    def test_capitalised_verb_before_a_name_is_a_name(self):
        """ "VOA reporter Said Suleiman Ashna": "Said" within a sentence,
        before a capitalised word, opens a name."""
        assert quotes("Senator Bob Stone met his aide Said Karim on Monday.") == []


class TestAccordingToASource:
    def test_unnamed_source_after_according_to(self):
        """ "…, according to a NASA spokesman": an unnamed source's words."""
        assert quotes(
            "The launch will slip a week, according to an ORBA spokesman."
        ) == [("indirect", "The launch will slip a week", "an ORBA spokesman")]

    def test_according_to_a_source_opening_the_sentence(self):
        assert quotes("According to officials, the launch will slip a week.") == [
            ("indirect", "the launch will slip a week", "officials")
        ]

    def test_according_to_a_document_is_no_quote(self):
        """Documents reporting are no speakers (docs/annotation.md)."""
        assert quotes("The launch will slip a week, according to a statement.") == []

    def test_that_s_according_to_after_the_sentence(self):
        """ "Forces … have recaptured two key oil ports. That's according to
        two military spokesmen": the sentence before is theirs."""
        assert quotes(
            "Rebels have taken two ports in the east. That's according to two "
            "military spokesmen."
        ) == [
            (
                "indirect",
                "Rebels have taken two ports in the east",
                "two military spokesmen",
            )
        ]


class TestDefiniteRole:
    def test_the_role_refers_back_to_its_holder(self):
        """ "Senator Ann Marsh spoke. … said the senator": the person whose
        role the definite description repeats."""
        assert quotes(
            'Senator Ann Marsh spoke on Monday.\n\n"It will pass," said the '
            "senator. The senator said the vote was close."
        ) == [
            ("direct", "It will pass", "Ann Marsh"),
            ("indirect", "the vote was close", "Ann Marsh"),
        ]

    def test_no_holder_no_speaker(self):
        assert quotes('"It will pass," the senator said.') == []


class TestSentenceShapes:
    def test_second_cue_after_a_closing_mark(self):
        """'Yang said China would "do its part," but he warned that …': the
        comma inside the mark still ends the first reported clause."""
        got = quotes(
            'Jo Roe said Halland would "do its part," but he warned that rich '
            "countries must lead."
        )
        assert ("indirect", "rich countries must lead", "Jo Roe") in got
        assert all("warned" not in text for _, text, _ in got)

    def test_press_opening_a_sentence_is_no_body(self):
        """ "Press secretary Dana Perino told reporters …": "Press" is the
        title's, not an organisation."""
        x = extract("Press secretary Ann Marsh told reporters the talks were over.")
        assert x.quotes[0].organisation is None
        assert [o.name for o in x.organisations] == []


class TestFreshWireSpeakers:
    def test_pronoun_subject_of_but_added_that(self):
        """ "She said …, but added that …": the second clause is hers too."""
        assert quotes(
            "Senator Ann Marsh spoke on Monday. She said the talks were useful, "
            "but added that the country would not negotiate with rebels."
        ) == [
            ("indirect", "the talks were useful", "Ann Marsh"),
            ("indirect", "the country would not negotiate with rebels", "Ann Marsh"),
        ]

    def test_newscast_clip_introduced_by_this_is(self):
        """'This is NATO Secretary-General Jens Stoltenberg. "…"': a clip's
        speaker is the one the newscast introduces."""
        assert quotes(
            'This is Halden Secretary-General Ann Marsh. "I have today withdrawn '
            'the accreditation of seven staff."'
        ) == [
            (
                "direct",
                "I have today withdrawn the accreditation of seven staff.",
                "Ann Marsh",
            )
        ]

    def test_report_as_a_verb_of_saying(self):
        """ "U.N. senior officials report Russia is willing to …"; "a new
        report says" stays a document's."""
        assert quotes(
            "Senior officials report Halland is willing to discuss a pause. A new "
            "report says the river is clean."
        ) == [("indirect", "Halland is willing to discuss a pause", "Senior officials")]


def test_rank_after_a_role_is_a_title():
    """ "Military spokeswoman Captain Elizabeth Mathias said": the rank
    between the role and the name is no part of the name."""
    x = extract("Army spokeswoman Captain Ann Marsh said the soldier was safe.")
    assert [p.name for p in x.people] == ["Ann Marsh"]


def _speakers(text):
    x = extract(text)
    return [
        x.person(q.speaker).name if q.speaker else q.source_description
        for q in x.quotes
    ]


def test_pronoun_after_an_unnamed_source_is_the_source_s():
    """ "A rebel spokesman told Reuters …. He said …": the pronoun is the
    spokesman's, not the person the story named before him."""
    assert _speakers(
        "Envoy Jo Marsh says the pause is too short.\n\nA rebel spokesman told "
        "Reuters the truce had not held. He said warplanes had struck the city."
    ) == ["Jo Marsh", "A rebel spokesman", "A rebel spokesman"]


def test_pronoun_of_another_gender_than_the_source_s():
    """ "A spokeswoman told Reuters …. He said …" is not the spokeswoman."""
    assert (
        _speakers(
            "Envoy Jo Marsh says the pause is too short.\n\nA rebel spokeswoman told "
            "Reuters the truce had not held. He said warplanes had struck the city."
        )[-1]
        == "Jo Marsh"
    )


def test_holder_of_a_role_for_the_person_named_speaks():
    """ "The lawyer for opposition senator Miguna Miguna, who …, says his
    client was detained": the lawyer speaks, unnamed, not the senator."""
    assert _speakers(
        "The lawyer for opposition senator Jo Marsh, who holds two passports, "
        "says his client was detained."
    ) == ["The lawyer for opposition senator Jo Marsh"]
    assert _speakers("An adviser to Jo Marsh says she was detained.") == [
        "An adviser to Jo Marsh"
    ]


def test_named_holder_of_a_role_for_a_person_speaks():
    assert _speakers(
        "The spokesman for Senator Jo Marsh, Ann Roe, said the bill had failed."
    ) == ["Ann Roe"]


def test_pronoun_after_a_role_refers_to_its_holder():
    """'"…," the press secretary said. "…," he continued': "he" is the
    press secretary, not a man named in a sentence before."""
    assert _speakers(
        "Press Secretary Jo Marsh spoke on Monday. Inspector General Ed Roe "
        'will testify.\n\n"We will act," the press secretary said.\n\n'
        '"We care," he continued.'
    ) == ["Jo Marsh", "Jo Marsh"]


def test_lead_s_spokesman_named_as_press_secretary():
    """ "…, a senior Defense Department spokesman said here yesterday.
    Pentagon Press Secretary Geoff Morrell spoke at a news conference": a
    press secretary is the spokesman the lead described."""
    assert _speakers(
        "The reports are overblown, a senior Harbour Board spokesman said here "
        "yesterday.\n\nPress Secretary Jo Marsh spoke at a news conference."
    ) == ["Jo Marsh"]


def test_surname_with_its_particle_opening_a_sentence():
    """ "Staffan de Mistura says …. De Mistura says …": the particle,
    capitalised to open the sentence, names the same person."""
    x = extract(
        "Halden special envoy Ann de Marsh says the talks failed.\n\n"
        "De Marsh says the pause is too short."
    )
    assert [p.name for p in x.people] == ["Ann de Marsh"]
    assert [q.speaker for q in x.quotes] == ["ann-de-marsh", "ann-de-marsh"]
