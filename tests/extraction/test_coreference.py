"""A person the story names once and refers to again: a surname without
its particle, a role that follows the person, a definite description ("the
spokesman") that names the last person so described. One made-up sentence
pair each."""

from __future__ import annotations

from articles.extraction.engine import extract


def speakers(x):
    return [x.person(q.speaker).name if q.speaker else None for q in x.quotes]


class TestSurnames:
    def test_capitalised_particle_is_left_off_the_surname(self):
        """ "Minister Omar Al-Rashid …. Mr. Rashid said …": the surname
        without its particle is the same person, however the particle is
        capitalised."""
        x = extract(
            "Minister Omar Al-Rashid said the border will open soon.\n\n"
            "Mr. Rashid said the talks will resume."
        )
        assert speakers(x) == ["Omar Al-Rashid", "Omar Al-Rashid"]
        assert len(x.people) == 1

    def test_a_surname_of_two_words_is_the_person_named_in_full(self):
        """ "Ana Lima Sousa says …. But Lima Sousa says …": the last two
        words of a three-word name named before are that person."""
        x = extract(
            "Ana Lima Sousa says the economy is growing.\n\n"
            "But Lima Sousa says the debt is high."
        )
        assert speakers(x) == ["Ana Lima Sousa", "Ana Lima Sousa"]
        assert len(x.people) == 1

    def test_a_two_word_name_named_first_or_sharing_a_surname_stays_apart(self):
        """ "Jo Roe" named before "Ann Jo Roe" is someone else, and so is
        "Ann Roe" after "Jo Roe": only a later tail of a full name joins
        it."""
        x = extract(
            "Senator Jo Roe said the vote is near.\n\n"
            'Senator Ann Jo Roe said "we will win." Later, Jo Roe said "it is '
            'close."'
        )
        assert speakers(x) == ["Jo Roe", "Ann Jo Roe", "Jo Roe"]
        x = extract(
            "Senator Jo Roe said the vote is near. Her daughter Ann Roe said "
            '"we will win."'
        )
        assert speakers(x) == ["Jo Roe", "Ann Roe"]


class TestMisspeltSurnames:
    def test_a_surname_misspelt_by_a_letter_is_the_person_named_before(self):
        """ "Kenyan Foreign Minister Ann Mwangura …. Ms. Mwangra said …
        MS. Mwangra added": a letter left out is a slip, not a new person,
        however the title before it is written."""
        x = extract(
            "Kenyan Foreign Minister Ann Mwangura says talks went well.\n\n"
            '"It is important," Ms. Mwangra said.\n\n'
            'MS. Mwangra added, "The talks will go on."'
        )
        assert speakers(x) == ["Ann Mwangura"] * 3
        assert [p.name for p in x.people] == ["Ann Mwangura"]

    def test_two_names_a_letter_apart_that_are_both_named_in_full_stay_two(
        self,
    ):
        x = extract(
            "Ann Kowalski said prices rose in May. Ed Kowalsky said prices fell "
            "in June."
        )
        assert speakers(x) == ["Ann Kowalski", "Ed Kowalsky"]


class TestDefiniteRoles:
    def test_the_general_is_the_one_whose_rank_was_abbreviated(self):
        """ "Army Gen. Ann Marsh …. "…," the general said": the rank
        written before the name is what "the general" refers back to."""
        x = extract(
            "The council met today.\n\nArmy Gen. Ann Marsh logged on.\n\n"
            '"It is always helpful to hear from people," the general said.'
        )
        assert speakers(x) == ["Ann Marsh"]

    def test_the_secretary_is_the_cabinet_secretary_named_before(self):
        """ "U.S. Secretary of Transportation Ann Marsh …. The Secretary
        said …": the cabinet title read for her department is her role, so
        the definite title, capitalised or not, is hers."""
        x = extract(
            "U.S. Secretary of Transportation Ann Marsh today announced that "
            "relief will be available to the state.\n\n"
            "The Secretary said the money will give crews the support they "
            "need. The secretary said repairs will start soon."
        )
        assert speakers(x) == ["Ann Marsh"] * 3

    def test_the_major_is_the_one_whose_rank_was_abbreviated(self):
        """ "Maj. Jo Roe, aircraft commander on a mission …. '…,' said the
        major": a rank written out refers back, as "the general" does."""
        x = extract(
            '"We fly," said Air Force Maj. Jo Roe, aircraft commander on a July '
            'mission.\n\n"Having shelter is a huge need," said the major.'
        )
        assert speakers(x) == ["Jo Roe", "Jo Roe"]

    def test_the_title_before_of_names_the_role(self):
        """ "Jo Roe, the chairman of the Port Board, …. the chairman said":
        the title before "of" is the role's head, not the body's last
        word."""
        x = extract(
            "Jo Roe, the chairman of the Port Board, spoke on Monday.\n\n"
            '"We are ready for the ships," the chairman said.'
        )
        assert speakers(x) == ["Jo Roe"]
        assert org_names(x) == ["Port Board"]

    def test_a_passing_word_in_the_description_need_not_be_in_the_role(self):
        """ "The longtime opposition leader says …" is the opposition leader
        named before; "the police spokesman" is still no one named."""
        x = extract(
            "Kenya's opposition leader Ann Marsh says she won the vote.\n\n"
            "The longtime opposition leader says the count was fair.\n\n"
            "The police spokesman says the city is calm."
        )
        assert speakers(x) == ["Ann Marsh", "Ann Marsh", None]


class TestPronouns:
    def test_a_name_inside_the_words_quoted_is_not_the_pronoun(self):
        """'"President Jo Roe failed to beat us," he said': "he" is the
        one who spoke before, not the president named inside the quote."""
        x = extract(
            "Rebel leader Ann Marsh said the rebels will move on.\n\n"
            '"President Jo Roe brought planes, but he failed to beat us," he '
            'said. "That is a sign," said Marsh.'
        )
        assert speakers(x) == ["Ann Marsh", "Ann Marsh", "Ann Marsh"]

    def test_the_pronoun_that_spoke_last_not_a_name_in_its_words(self):
        """ "Ann Marsh is a delegate. He told VOA that officials such as Jo
        Roe agree. '…,' he said": the second "he" continues the first, not
        Jo Roe, named in what was said."""
        x = extract(
            "Ed Poe is a delegate to the assembly. He told VOA News that "
            "officials such as former Prime Minister Jo Roe have long doubted "
            "the plan.\n\n"
            '"The plan has been weak, and that was Jo Roe\u2019s word," he said.'
        )
        assert speakers(x) == ["Ed Poe", "Ed Poe"]

    def test_a_name_an_opening_phrase_speaks_to_is_not_the_pronoun(self):
        """ "Speaking with reporter Jo Roe, she said …": the one spoken to,
        asked by or interviewed by is the phrase's object; "she" is the
        person named before."""
        for phrase in (
            "Speaking with radio reporter Jo Roe",
            "Talking to reporter Jo Roe of the Daily Post",
            "In an interview with reporter Jo Roe",
            "Asked by reporter Jo Roe about the vote",
        ):
            x = extract(
                "Senator Ann Marsh is a spokeswoman for the Delta Party. "
                f'{phrase}, she said, "We will win the vote."'
            )
            assert speakers(x) == ["Ann Marsh"], phrase

    def test_a_name_opening_the_sentence_as_a_subject_is_unaffected(self):
        """A phrase naming no one leaves the pronoun to the person before;
        a name that is the subject of the opening clause, or of the
        sentence after the phrase, still speaks."""
        before = "Senator Ann Marsh met the press. "
        x = extract(before + 'Speaking in Lyon, she said, "We will win."')
        assert speakers(x) == ["Ann Marsh"]
        x = extract(
            before + 'When reporter Jo Roe spoke in Lyon, she said, "We will win."'
        )
        assert speakers(x) == ["Jo Roe"]
        x = extract(before + 'Speaking to reporters, Jo Roe said, "We will win."')
        assert speakers(x) == ["Jo Roe"]


def org_names(x):
    return [
        x.organisation(q.organisation).name if q.organisation else None
        for q in x.quotes
    ]


class TestRoles:
    def test_nationality_opens_a_title_after_the_sentences_words(self):
        """ "The opposition is disputing Chilean President Ana Soto's claim
        …": the title starts at the nationality, and its holder speaks for
        the state in her later quotes."""
        x = extract(
            "The opposition is disputing Chilean President Ana Soto's claim "
            "that the vote was fair.\n\n"
            "President Soto said the count will stand."
        )
        assert speakers(x) == ["Ana Soto"]
        assert org_names(x) == ["Chile"]
        assert x.person(x.quotes[0].speaker).role == "Chilean President"


class TestComparisons:
    def test_as_someone_claims_reports_nothing_before_it(self):
        """ "…, the strike has not ended, as Governor Jo Roe claims": the
        clause of comparison gives the governor no quote; the words are the
        union leader's."""
        x = extract(
            "A union leader, Ann Marsh, said the strike has not ended, as "
            "Governor Jo Roe claims."
        )
        assert speakers(x) == ["Ann Marsh"]


class TestDescriptions:
    def test_description_before_the_name_speaks_for_the_body_it_names(self):
        """ "An exiled spokesman for the newly formed coalition known as the
        Unity Front, Ali Hassan, …": the body the description names is the
        one he speaks for, in his later quotes too."""
        x = extract(
            "An exiled spokesman for the newly formed rebel coalition known as "
            "the Unity Front, Ali Hassan, told reporters the camp was attacked "
            "this week.\n\n"
            "He says the coalition will defend itself."
        )
        assert speakers(x) == ["Ali Hassan", "Ali Hassan"]
        assert org_names(x) == ["Unity Front", "Unity Front"]

    def test_the_spokesman_is_the_spokesman_named_before(self):
        """ "Ali Hassan, a rebel spokesman for the Unity Front, …. The rebel
        spokesman says …": the definite description refers back to him, and
        he keeps the body he speaks for; a description his role does not
        share ("the police spokesman") stays an unnamed source."""
        x = extract(
            "Ali Hassan, a rebel spokesman for the Unity Front, said the camp "
            "was attacked this week.\n\n"
            "The rebel spokesman says the front will defend itself.\n\n"
            "The police spokesman says the camp is calm."
        )
        assert speakers(x) == ["Ali Hassan", "Ali Hassan", None]
        assert org_names(x)[:2] == ["Unity Front", "Unity Front"]
        assert x.quotes[2].source_description == "The police spokesman"

    def test_a_force_in_a_title_speaks_with_its_place(self):
        """ "Chad army spokesman Ali Hassan", "State police chief Jo Roe":
        the force with its place is the body spoken for, not the place
        alone; "the army spokesman" names no body."""
        x = extract(
            "Chad army spokesman Ali Hassan said the border is calm.\n\n"
            "State police chief Jo Roe said the roads are open again.\n\n"
            "Mr. Roe said the curfew will end soon.\n\n"
            "The army spokesman Tom Polo said the camp is quiet."
        )
        assert speakers(x) == ["Ali Hassan", "Jo Roe", "Jo Roe", "Tom Polo"]
        assert org_names(x) == ["Chad army", "State police", "State police", None]

    def test_a_state_s_military_spokesman_speaks_for_the_state(self):
        """ "Saudi military spokesman Jo Roe": the military of a state is an
        office of that state, so the state is whom he speaks for; a body's
        ("AMISOM military spokesman") is the body's; a Somali military
        commander unnamed is Somalia's; the U.S. forces keep the name the
        story gives them."""
        x = extract(
            "Saudi military spokesman Jo Roe said the truce is broken.\n\n"
            "AMISOM military spokesman Ann Marsh said a bomb exploded.\n\n"
            "A Somali military commander told reporters that the base held.\n\n"
            "U.S. military spokesman Ed Poe said the base is safe."
        )
        assert org_names(x) == ["Saudi Arabia", "AMISOM", "Somalia", "U.S. military"]


class TestObjects:
    def test_a_noun_phrase_confirmed_is_no_clause(self):
        """ "confirmed the possible breakthrough": an object with no verb of
        its own reports nothing; "confirmed the talks have ended" does."""
        x = extract(
            "Police chief Jo Roe confirmed the possible breakthrough.\n\n"
            "Mr. Roe confirmed the talks have ended."
        )
        assert [q.text for q in x.quotes] == ["the talks have ended"]
