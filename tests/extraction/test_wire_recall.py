"""Quotes wire copy reports in shapes the rules first missed, one made-up
sentence or two each: reporting verbs not yet listed, a statement's
description after the verb, an attribution interrupting the reported
clause, and a paragraph that is only a quote going on from the speaker
of the paragraph before."""

from __future__ import annotations

import pytest

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


class TestMoreReportingVerbs:
    @pytest.mark.parametrize(
        "verb", ["pledged", "testified", "tweeted", "reiterated", "contended"]
    )
    def test_verb_before_a_that_clause(self, verb):
        assert quotes(f"Ann Marsh {verb} that the city would not pay.") == [
            ("indirect", "the city would not pay", "Ann Marsh")
        ]

    @pytest.mark.parametrize("verb", ["went", "fell", "rose"])
    def test_an_irregular_past_makes_the_words_after_told_a_clause(self, verb):
        """ "told reporters the talks went well": the clause's verb is an
        irregular past, no "-ed"; "told the crowd the story of the war" has
        none and stays no quote."""
        assert quotes(f"Ann Marsh told reporters the party {verb} badly.") == [
            ("indirect", f"the party {verb} badly", "Ann Marsh")
        ]
        assert quotes("Ann Marsh told the crowd the story of the war.") == []

    def test_warned_against_and_claimed_responsibility_state_nothing(self):
        """ "warned today against the cuts", "claimed responsibility for the
        attack": what is opposed or claimed, no proposition; "warned that"
        and "claimed the vote was rigged" still are."""
        assert quotes("Ann Marsh warned today against the dramatic cuts.") == []
        assert quotes("Ann Marsh cautioned against dismissing the deficits.") == []
        assert quotes("Ann Marsh claimed responsibility for the attack.") == []
        assert quotes("Ann Marsh claimed the vote was rigged in May.") == [
            ("indirect", "the vote was rigged in May", "Ann Marsh")
        ]

    def test_a_comma_after_that_opens_an_aside_of_the_clause(self):
        """ "announced that, based on the request, $5 million …": the clause
        starts after "that", its opening aside and all."""
        assert quotes(
            "Ann Marsh announced that, based on the request, $5 million will be "
            "available to the state."
        ) == [
            (
                "indirect",
                "based on the request, $5 million will be available to the state",
                "Ann Marsh",
            )
        ]

    @pytest.mark.parametrize("verb", ["tweeted", "posted on Facebook", "lamented"])
    def test_verb_after_a_direct_quote(self, verb):
        assert quotes(f'"The vote was a disgrace," Ann Marsh {verb}.') == [
            ("direct", "The vote was a disgrace", "Ann Marsh")
        ]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Ann Marsh pledged $5 million for the new bridge.",
            "Ann Marsh reiterated her support for the new bridge.",
            "Ann Marsh posted a video of the old bridge.",
            "Ann Marsh tweeted a photo of the old bridge.",
        ],
    )
    def test_an_object_after_the_verb_is_no_clause(self, sentence):
        assert quotes(sentence) == []


class TestStatementDescribedAfterTheVerb:
    @pytest.mark.parametrize(
        "tail",
        [
            "issued from the capital",
            "released by her office",
            "posted on the city website",
        ],
    )
    def test_words_before_the_attribution_are_the_quote(self, tail):
        """ "…, officials said in a statement issued from Kabul": the
        participle describes the statement and reports nothing."""
        assert quotes(
            f"The talks will resume next week, Ann Marsh said in a statement {tail}."
        ) == [("indirect", "The talks will resume next week", "Ann Marsh")]

    def test_a_that_clause_after_the_description_is_still_read(self):
        assert quotes(
            "Ann Marsh said in a statement released Tuesday that the talks "
            "would resume."
        ) == [("indirect", "the talks would resume", "Ann Marsh")]


class TestQuoteParagraphAfterItsSpeaker:
    @pytest.mark.parametrize(
        "lead",
        [
            "Mayor Ann Marsh says the city has no money.",
            "Mayor Ann Marsh said Tuesday that the city had no money.",
            "The city has no money, Mayor Ann Marsh said Tuesday.",
        ],
    )
    def test_a_paragraph_only_quoted_goes_on_from_the_speaker_before(self, lead):
        found = quotes(f'{lead}\n\n"We simply do not have the money to rebuild it."')
        assert found[-1] == (
            "direct",
            "We simply do not have the money to rebuild it.",
            "Ann Marsh",
        )

    def test_a_correspondent_s_sign_off_is_no_speaker(self):
        """ "Lisa Schlein reports." introduces a clip, not her own words."""
        assert (
            quotes(
                "Aid is reaching the city. Ann Marsh reports.\n\n"
                '"We simply do not have the money to rebuild it."'
            )
            == []
        )

    def test_a_quote_with_more_after_it_is_not_taken(self):
        """Only a paragraph that is the closed quotation alone: one with a
        sentence of its own after it is left as it is."""
        assert quotes(
            "Mayor Ann Marsh says the city has no money.\n\n"
            '"We simply do not have the money." The council meets on Monday.'
        ) == [("indirect", "the city has no money", "Ann Marsh")]


class TestApproximateNumbers:
    @pytest.mark.parametrize("number", ["about 30", "over 100", "about two"])
    def test_a_clause_opening_with_an_approximate_number(self, number):
        """ "Officials say about 30 people were wounded": "about" before a
        number opens a clause, not a topic."""
        assert quotes(f"Officials say {number} people were wounded in the blast.") == [
            ("indirect", f"{number} people were wounded in the blast", "Officials")
        ]

    def test_about_a_topic_is_still_no_clause(self):
        assert quotes("Ann Marsh said about the blast very little at all.") == []


class TestAttributionInterruptingTheClause:
    @pytest.mark.parametrize(
        "sentence, words",
        [
            ("The city, Mayor Ann Marsh said, has no money.", "has no money"),
            (
                "On Tuesday, Ann Marsh said, the city would close the bridge.",
                "the city would close the bridge",
            ),
            (
                "But as of now, Ann Marsh says, there is no plan to close it.",
                "there is no plan to close it",
            ),
        ],
    )
    def test_only_the_words_after_the_attribution(self, sentence, words):
        assert quotes(sentence) == [("indirect", words, "Ann Marsh")]

    def test_partial_quote_after_the_attribution_has_its_clause_too(self):
        """ "However, he added, there is not necessarily a "specific
        correlation …"": the clause and the partial quote inside it."""
        found = quotes(
            "Ann Marsh said the city had asked for help. However, she added, "
            'there was no sign of "any real money from the capital."'
        )
        assert found[1:] == [
            (
                "indirect",
                'there was no sign of "any real money from the capital."',
                "Ann Marsh",
            ),
            ("partial", "any real money from the capital.", "Ann Marsh"),
        ]

    @pytest.mark.parametrize(
        "tail", ["citing figures from the state", "but the state does"]
    )
    def test_a_whole_clause_before_keeps_its_words(self, tail):
        assert quotes(f"The city has no money, Ann Marsh said, {tail}.") == [
            ("indirect", "The city has no money", "Ann Marsh")
        ]


class TestParticipleWithoutThat:
    @pytest.mark.parametrize("participle", ["saying", "noting", "adding"])
    def test_participle_clause_is_a_quote_of_its_own(self, participle):
        """ "…, saying it was "pretty obvious" …": the participle's clause
        is its own quote, with "that" or without it."""
        assert quotes(
            f"Ann Marsh said the city had no money, {participle} the state "
            "should pay for the bridge."
        ) == [
            ("indirect", "the city had no money", "Ann Marsh"),
            ("indirect", "the state should pay for the bridge", "Ann Marsh"),
        ]

    def test_participle_after_a_closing_mark(self):
        assert quotes(
            'Ann Marsh says the plans are pure "fantasy," arguing the state '
            "is looking for a pretext."
        ) == [
            ("indirect", 'the plans are pure "fantasy', "Ann Marsh"),
            ("partial", "fantasy", "Ann Marsh"),
            ("indirect", "the state is looking for a pretext", "Ann Marsh"),
        ]


class TestTimeAfterTheVerb:
    @pytest.mark.parametrize("when", ["late Tuesday", "early Friday"])
    def test_late_or_early_on_a_day(self, when):
        assert quotes(f"Ann Marsh said {when} that the city had no money.") == [
            ("indirect", "the city had no money", "Ann Marsh")
        ]


def spoke_for(text):
    x = extract(text)
    return [
        (
            q.text,
            x.person(q.speaker).name if q.speaker else q.source_description,
            x.organisation(q.organisation).name if q.organisation else None,
        )
        for q in x.quotes
    ]


class TestLeadSourceNamedLater:
    def test_a_general_is_an_unnamed_source(self):
        assert quotes("A senior U.S. general says the attacks have not stopped.") == [
            ("indirect", "the attacks have not stopped", "A senior U.S. general")
        ]

    def test_the_source_named_with_its_title_a_sentence_later_speaks(self):
        """ "A senior U.S. general in Iraq says …. The general spoke Friday
        …" / "General Thomas Turner, …, says …": the general is Turner; the
        lead's quote keeps the body its description names, and so do his
        later quotes, whose role names none."""
        assert spoke_for(
            "A senior U.S. general in Iraq says the attacks have not stopped. "
            "The general spoke Friday by satellite.\n\n"
            "General Thomas Turner, the commander of the forces, says the "
            "insurgents are weaker."
        ) == [
            ("the attacks have not stopped", "Thomas Turner", "United States"),
            ("the insurgents are weaker", "Thomas Turner", "United States"),
        ]

    def test_owned_role_named_in_the_next_sentence_speaks(self):
        """ "President Donald Trump's budget director says …. Mick Mulvaney
        told NBC …": the person with no role of their own who opens the next
        sentence speaking holds the owned role; a description with no owner
        may be someone else."""
        assert quotes(
            "The mayor's budget director says the plan is fair.\n\n"
            "Bob Stone told reporters that it would pass."
        ) == [
            ("indirect", "the plan is fair", "Bob Stone"),
            ("indirect", "it would pass", "Bob Stone"),
        ]
        assert quotes(
            "The budget director says the plan is fair.\n\n"
            "Bob Stone told reporters that it would pass."
        )[0] == ("indirect", "the plan is fair", "The budget director")

    def test_someone_described_after_the_name_is_someone_else(self):
        """ "The ESA program manager said …. Leroy Cain, the American manager
        of the mission, said …": two managers."""
        assert quotes(
            "The program manager said that he thought the team was ready. "
            "Leroy Cain, the American manager of the mission, said that he "
            "believed the team was in great shape."
        ) == [
            ("indirect", "he thought the team was ready", "The program manager"),
            ("indirect", "he believed the team was in great shape", "Leroy Cain"),
        ]


class TestParticipleAfterASourceSubject:
    def test_the_source_opening_the_sentence_speaks(self):
        """ "America's top defense official chastised Russia …, saying it was
        "pretty obvious" …": the source the sentence opens with, under a
        verb that is no cue, speaks in the participle."""
        assert quotes(
            "A senior defense official chastised the ministry for its "
            "behavior, saying it was reckless and dangerous."
        ) == [
            ("indirect", "it was reckless and dangerous", "A senior defense official")
        ]

    def test_participle_with_no_comma_before_a_quote(self):
        """ "Burns addressed the difficulty … saying, "It is …"": the
        participle introducing the quote is the sentence's subject's, with
        no comma before it."""
        assert quotes(
            "On the budget, Senator Bob Stone addressed the delay saying, "
            '"It is the council that has refused to talk."'
        ) == [("direct", "It is the council that has refused to talk.", "Bob Stone")]

    def test_by_saying_after_a_definite_role(self):
        """ "The ambassador concluded the interview by saying the U.S. hopes
        …": the participle after "by" is the subject's, the role the one
        named before."""
        assert quotes(
            "Senator Bob Stone spoke on Monday.\n\nThe senator concluded the "
            "hearing by saying the council hopes to talk."
        ) == [("indirect", "the council hopes to talk", "Bob Stone")]

    def test_no_source_no_speaker(self):
        assert (
            quotes(
                "The ministry chastised the city for its behavior, saying it was "
                "reckless and dangerous."
            )
            == []
        )


class TestAuxiliaryAndAdverbBeforeTheVerb:
    @pytest.mark.parametrize(
        "words", ["has repeatedly said", "has long argued that", "had earlier said"]
    )
    def test_auxiliary_and_adverb_between_name_and_verb(self, words):
        assert quotes(f"Ann Marsh {words} the city has no money.") == [
            ("indirect", "the city has no money", "Ann Marsh")
        ]


class TestAccordingTo:
    def test_relative_clause_after_the_person(self):
        assert quotes(
            "According to Ann Marsh, who chairs the council, the city has no money."
        ) == [("indirect", "the city has no money", "Ann Marsh")]

    def test_according_to_interrupting_the_clause(self):
        assert quotes("The city, according to Mayor Ann Marsh, has no money.") == [
            ("indirect", "has no money", "Ann Marsh")
        ]

    def test_a_whole_clause_before_according_to(self):
        assert quotes("The city has no money, according to Ann Marsh, the mayor.") == [
            ("indirect", "The city has no money", "Ann Marsh")
        ]


class TestQuotationOpenedMidParagraph:
    def test_unclosed_quotation_after_an_attribution_runs_on(self):
        """'"…," she said. "The state knows it.' / '"We have asked …"': the
        last quotation of a paragraph, closed in the next, is a quote."""
        assert quotes(
            "Ann Marsh said the city had no money.\n\n"
            '"We simply do not have it," she said. "The state knows it.\n\n'
            '"We have asked and asked, and nothing has come."'
        )[2:] == [
            ("direct", "The state knows it.", "Ann Marsh"),
            ("direct", "We have asked and asked, and nothing has come.", "Ann Marsh"),
        ]

    def test_an_unclosed_mark_before_a_plain_paragraph_stays_aside(self):
        assert quotes(
            'Ann Marsh said the city had no money. "The state knows it.\n\n'
            "The council meets on Monday."
        ) == [("indirect", "the city had no money", "Ann Marsh")]

    def test_unclosed_quotation_in_a_paragraph_of_quotations_runs_on(self):
        """'"…," said Ann Marsh. "The agency has …' with its closing mark lost
        by the copy, in a paragraph that opens with a quotation: the
        speaker goes on quoting to the paragraph's end."""
        assert quotes(
            '"We are ready," said Ann Marsh. "The agency has long worked with '
            "schools to further our goals.\n\nThe council meets on Monday."
        ) == [
            ("direct", "We are ready", "Ann Marsh"),
            (
                "direct",
                "The agency has long worked with schools to further our goals.",
                "Ann Marsh",
            ),
        ]


class TestCrowdsBeforeThat:
    @pytest.mark.parametrize(
        "crowd", ["Locals in eastern Paktika province", "Residents", "Villagers"]
    )
    def test_a_crowd_reporting_a_that_clause(self, crowd):
        assert quotes(f"{crowd} reported that a soldier went missing on Tuesday.") == [
            ("indirect", "a soldier went missing on Tuesday", crowd)
        ]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Fans said the water had risen overnight.",
            "The bridge, which fans said that night was shaking, closed.",
        ],
    )
    def test_no_crowd_without_that(self, sentence):
        assert quotes(sentence) == []


class TestLabelAfterAnInitial:
    def test_calls_a_name_with_an_initial_a_label(self):
        """'calls President George W. Bush the "Caesar of Washington,"': the
        initial's stop ends no clause, so the capitalised words are a label,
        not a title."""
        assert quotes(
            "Ann Marsh also calls President George W. Bush the "
            "\u201cCaesar of Washington,\u201d and praised him."
        ) == [("partial", "Caesar of Washington", "Ann Marsh")]

    def test_a_title_stays_a_title(self):
        assert quotes("Then he read \u201cWar and Peace\u201d to the children.") == []

    def test_a_sentence_s_last_word_titles_nothing_after_its_stop(self):
        """'… during the three-hour conference. "We've listened …," added
        Armstrong': "conference" before a title names it only in its own
        sentence."""
        assert quotes(
            "The plans will be discussed at the conference. \u201cWe have "
            "listened to the complaints,\u201d added Ann Marsh."
        ) == [("direct", "We have listened to the complaints", "Ann Marsh")]
        assert (
            quotes("She spoke at the conference \u201cWater and Power\u201d on Monday.")
            == []
        )


class TestLabelledParagraph:
    def test_label_and_colon_before_words_not_all_in_marks(self):
        """A release's "what they are saying" paragraph: the words after
        the speaker's label are the speaker's, and the partial quote in
        them too."""
        assert quotes(
            'Senator Ann Marsh (D-OH): Finishing the work "is big news for '
            'the folks of Butte."'
        ) == [
            (
                "indirect",
                'Finishing the work "is big news for the folks of Butte."',
                "Ann Marsh",
            ),
            ("partial", "is big news for the folks of Butte.", "Ann Marsh"),
        ]

    def test_a_label_naming_no_person_is_no_speaker(self):
        assert (
            quotes(
                "Ann Marsh said the city had no money.\n\n"
                "Her message: The city has no money for the bridge."
            )[1:]
            == []
        )


class TestPhrasesOfSaying:
    @pytest.mark.parametrize(
        "phrase",
        [
            "pointed out that",
            "made clear that",
            "expressed confidence that",
            "voiced concern that",
            "went on to say that",
        ],
    )
    def test_phrase_before_a_that_clause(self, phrase):
        assert quotes(f"Ann Marsh {phrase} the state would pay.") == [
            ("indirect", "the state would pay", "Ann Marsh")
        ]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Ann Marsh pointed out the flaws in the new plan.",
            "Ann Marsh made clear her opposition to the new plan.",
            "Ann Marsh expressed concern about the state of the bridge.",
        ],
    )
    def test_an_object_or_a_topic_is_no_clause(self, sentence):
        assert quotes(sentence) == []


class TestHowBeforeThat:
    @pytest.mark.parametrize(
        "how", ["via satellite from Baghdad", "by telephone", "before the meeting"]
    )
    def test_means_or_time_before_that_is_no_part_of_the_clause(self, how):
        assert quotes(f"Ann Marsh said {how} that the city had no money.") == [
            ("indirect", "the city had no money", "Ann Marsh")
        ]


class TestAttributionAfterAQuestion:
    @pytest.mark.parametrize(
        "quoted, after",
        [
            ("Is this the best we can do?", "Ann Marsh asked."),
            ("We simply do not have the money!", "Ann Marsh told reporters."),
            ("We simply do not have the money ...", "Ann Marsh said."),
        ],
    )
    def test_attribution_in_the_sentence_the_mark_ends(self, quoted, after):
        """'"Is this the best we can do?" Ann Marsh asked.': the question
        mark before a capital ends a sentence, and the attribution is the
        next one."""
        assert quotes(f'"{quoted}" {after}') == [("direct", quoted, "Ann Marsh")]

    def test_a_sentence_reporting_its_own_clause_is_not_the_attribution(self):
        assert quotes(
            '"Is this the best we can do?" Ann Marsh said the state would pay.'
        ) == [("indirect", "the state would pay", "Ann Marsh")]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Ann Marsh asked him to leave the building at once.",
            "Ann Marsh asked that the vote be put off until next week.",
        ],
    )
    def test_asked_reports_no_clause(self, sentence):
        assert quotes(sentence) == []

    def test_joked_that_reports_a_clause(self):
        assert quotes("Ann Marsh joked that the bridge was older than she was.") == [
            ("indirect", "the bridge was older than she was", "Ann Marsh")
        ]


class TestMarksAsTyped:
    def test_an_opening_mark_typed_for_the_closing_one(self):
        assert quotes(
            "\u201cWe simply do not have the money,\u201c Ann Marsh said."
        ) == [("direct", "We simply do not have the money", "Ann Marsh")]

    def test_straight_and_curly_marks_mixed(self):
        assert quotes('"We simply do not have the money,\u201d Ann Marsh said.') == [
            ("direct", "We simply do not have the money", "Ann Marsh")
        ]


class TestDottedAcronymOpeningATitle:
    @pytest.mark.parametrize(
        "title", ["U.N. special envoy for Syria", "U.N. special envoy", "U.N. envoy"]
    )
    def test_the_acronym_s_body_speaks(self, title):
        """ "U.N. special envoy for Syria Staffan de Mistura says …": the
        dotted acronym opening a lower-case title is the speaker's body."""
        assert spoke_for(f"{title} Ann Marsh says the talks have failed.") == [
            ("the talks have failed", "Ann Marsh", "U.N.")
        ]

    def test_an_acronym_saying_something_heads_no_later_title(self):
        assert (
            spoke_for(
                "NASA said on Tuesday that astronaut Ann Marsh said the launch "
                "would slip."
            )[-1][2]
            != "NASA"
        )


class TestPlaceAfterTheVerb:
    @pytest.mark.parametrize("where", ["in Baghdad", "Friday in Baghdad", "in March"])
    def test_a_place_or_month_before_a_clause_without_that(self, where):
        assert quotes(f"Ann Marsh said {where} the city had no money.") == [
            ("indirect", "the city had no money", "Ann Marsh")
        ]

    def test_the_words_before_an_attribution_with_a_place(self):
        assert quotes("The talks have failed, Ann Marsh said in Baghdad.") == [
            ("indirect", "The talks have failed", "Ann Marsh")
        ]


class TestHeadlineParagraph:
    def test_a_headline_in_marks_is_no_continuation(self):
        assert quotes(
            'Ann Marsh said the city had no money.\n\n"Bridge Closed: What Now?"'
        ) == [("indirect", "the city had no money", "Ann Marsh")]


class TestDescriptionBetweenVerbAndName:
    @pytest.mark.parametrize("description", ["shopkeeper", "local resident"])
    def test_lower_case_description_before_the_name(self, description):
        assert quotes(f'"I saw a flash," said {description} Gul Ahmad, 34.') == [
            ("direct", "I saw a flash", "Gul Ahmad")
        ]

    def test_an_article_is_no_description(self):
        assert quotes('"I saw a flash," said the Taliban.') == []


class TestLabellingParticiple:
    def test_the_sentence_s_subject_labels(self):
        """ "Holt condemned the attack, calling it "an act of pure evil."":
        the participle after a verb that is no cue is the subject's."""
        assert quotes(
            'Ambassador Jane Holt condemned the attack, calling it "an act of '
            'pure evil."'
        ) == [("partial", "an act of pure evil.", "Jane Holt")]

    def test_an_organisation_labelling_is_no_quote(self):
        assert (
            quotes('The ministry condemned the attack, calling it "an act of evil."')
            == []
        )


class TestAsideBeforeTheVerbIsNoName:
    @pytest.mark.parametrize(
        "aside", ["a Massachusetts Democrat", "speaking in New York"]
    )
    def test_the_name_before_the_aside_speaks(self, aside):
        """ "Senator Elizabeth Warren, a Massachusetts Democrat, said …": the
        capitalised words after "a" or "in" are a description or a place,
        not the speaker."""
        assert quotes(
            f"Senator Ann Marsh, {aside}, said the economy remained strong."
        ) == [("indirect", "the economy remained strong", "Ann Marsh")]


class TestMoreVerbsAndAddressees:
    @pytest.mark.parametrize(
        "words",
        [
            "signaled that",
            "charged that",
            "forecast that",
            "speculated",
            "assured reporters that",
            "reminded lawmakers that",
            "has told reporters that",
        ],
    )
    def test_verb_before_a_clause(self, words):
        assert quotes(f"Ann Marsh {words} the bridge was unsafe.") == [
            ("indirect", "the bridge was unsafe", "Ann Marsh")
        ]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Ann Marsh was assured that the bridge was unsafe.",
            "Ann Marsh was told that the bridge was unsafe.",
            "Ann Marsh charged the suspect with theft.",
            "Ann Marsh signaled her intention to cut rates.",
        ],
    )
    def test_spoken_to_or_an_object_is_no_quote(self, sentence):
        assert quotes(sentence) == []


class TestTellingAndUrging:
    def test_telling_someone_a_clause_is_a_quote_of_its_own(self):
        """ "… urged Congress to fund the program, telling lawmakers the
        military cannot wait": the request is no quote, the clause told
        is."""
        assert quotes(
            "Ann Marsh urged Congress to fund the program, telling lawmakers "
            "the military cannot wait."
        ) == [("indirect", "the military cannot wait", "Ann Marsh")]

    def test_urging_someone_to_act_is_a_request(self):
        assert quotes("Ann Marsh urged Congress to fund the new program.") == []


class TestSpeakerWithCompanions:
    @pytest.mark.parametrize("who", ["her colleagues", "her research team"])
    def test_the_one_named_speaks(self, who):
        assert quotes(f"Ann Marsh and {who} said the rocks formed in a lake.") == [
            ("indirect", "the rocks formed in a lake", "Ann Marsh")
        ]

    def test_companions_earlier_in_the_sentence_change_no_speaker(self):
        assert quotes(
            "Ann Marsh and her team visited the site, and Jo Lee said the rocks "
            "were old."
        ) == [("indirect", "the rocks were old", "Jo Lee")]


class TestRoleBeforeAnInvertedName:
    def test_the_role_before_the_name_is_no_part_of_the_quote(self):
        assert quotes(
            "The city will close the bridge, the mayor, Ann Marsh, said Tuesday."
        ) == [("indirect", "The city will close the bridge", "Ann Marsh")]

    def test_words_without_a_role_stay(self):
        assert quotes("The city has no money for a new bridge, Ann Marsh said.") == [
            ("indirect", "The city has no money for a new bridge", "Ann Marsh")
        ]


class TestSpokeToBeforeAQuoteParagraph:
    @pytest.mark.parametrize(
        "lead",
        [
            "Mayor Ann Marsh spoke to reporters on Tuesday.",
            "Mayor Ann Marsh spoke with VOA.",
            # A newscast's clip after "Secretary Tillerson met with Chinese
            # President Xi Jinping Sunday.": what he said to him.
            "Mayor Ann Marsh met with Governor Bob Stone on Sunday.",
        ],
    )
    def test_the_one_who_spoke_says_the_quote(self, lead):
        assert quotes(f'{lead}\n\n"We simply do not have the money for it."') == [
            ("direct", "We simply do not have the money for it.", "Ann Marsh")
        ]

    def test_the_one_spoken_to_says_nothing(self):
        assert (
            quotes(
                "The council spoke with Mayor Ann Marsh on Tuesday.\n\n"
                '"We simply do not have the money for it."'
            )
            == []
        )


class TestDirectQuoteAccordingTo:
    def test_according_to_after_the_closing_mark_names_the_speaker(self):
        """'"We will see …," according to Jo Lee, the treasurer.': a direct
        quote, Lee's, not a continuation of the speaker before."""
        assert quotes(
            "Ann Marsh said the city had no money. "
            '"We will see what the state does," according to Jo Lee, the '
            "treasurer."
        ) == [
            ("indirect", "the city had no money", "Ann Marsh"),
            ("direct", "We will see what the state does", "Jo Lee"),
        ]
