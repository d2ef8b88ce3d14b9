"""More constructions of press-release and agency copy the engine reads, one
made-up passage each: statements running over several paragraphs, names
with an apostrophe, dates after a name, cabinet titles as the department
spoken for, nested reported speech, participles continuing an attribution,
and the first of several named speakers."""

from __future__ import annotations

from articles.extraction.engine import extract
from tests.extraction.test_wire_copy import org_name, quotes


class TestStatements:
    def test_statement_over_several_paragraphs(self):
        """A lead naming whose statement follows, then paragraphs that each
        open with a mark and only the last closes: each paragraph is a
        direct quote of that speaker."""
        x = extract(
            "The following is a statement from Agency Director Ann Marsh "
            "regarding the launch.\n\n"
            '"We are proud of the team. The launch went well.\n\n'
            '"We will fly again next year."'
        )
        assert quotes(x) == [
            (
                "direct",
                "We are proud of the team. The launch went well.",
                "Ann Marsh",
                None,
            ),
            ("direct", "We will fly again next year.", "Ann Marsh", None),
        ]
        assert {q.cue for q in x.quotes} == {"statement"}

    def test_issued_the_following_statement(self):
        x = extract(
            "Director Ann Marsh issued the following statement Wednesday.\n\n"
            '"The mission has ended, and we thank everyone who worked on it."'
        )
        assert [q[2] for q in quotes(x)] == ["Ann Marsh"]

    def test_unclosed_mark_inside_a_paragraph_is_no_quote(self):
        """Only a paragraph that opens with the mark runs to its end: a stray
        mark inside one makes no direct or partial quote."""
        x = extract('Director Ann Marsh said the "mission was a success.\n\nIt ended.')
        assert [q.kind for q in x.quotes] == ["indirect"]


class TestNames:
    def test_name_with_an_apostrophe(self):
        """ "Sean O'Keefe": the apostrophe before a capital is in the name."""
        x = extract(
            "Administrator Sean O'Keefe visited the site.\n\n"
            '"We are encouraged," O\'Keefe said.'
        )
        assert quotes(x) == [("direct", "We are encouraged", "Sean O'Keefe", None)]

    def test_possessive_is_not_part_of_a_name(self):
        x = extract('Director Ann Marsh\'s team met. "We are ready," Marsh said.')
        assert [p.name for p in x.people] == ["Ann Marsh"]

    def test_date_after_a_name_does_not_join_it(self):
        """ "NASA Administrator Robert Lightfoot on Friday's …": the
        organisation before the title is kept."""
        x = extract(
            "A statement from acting ACME Administrator Jo Park on Friday's vote:"
            '\n\n"We welcome it."'
        )
        assert quotes(x) == [("direct", "We welcome it.", "Jo Park", None)]
        assert org_name(x, x.quotes[0].organisation) == "ACME"


class TestSeveralSpeakers:
    def test_two_titled_names_joined_by_and(self):
        """ "Defense Secretary Chuck Hagel and Israeli Defense Minister Ehud
        Barak": both are people, neither an organisation."""
        x = extract(
            "Trade Secretary Ann Marsh and Kenyan Trade Minister Paul Otieno met "
            "today. Marsh said that the talks went well."
        )
        assert sorted(p.name for p in x.people) == ["Ann Marsh", "Paul Otieno"]
        assert quotes(x) == [("indirect", "the talks went well", "Ann Marsh", None)]

    def test_preposition_opening_a_sentence_is_no_name(self):
        x = extract(
            "Secretary Ann Marsh spoke. Regarding Kenya, Marsh said that the "
            "president is committed to the deal."
        )
        assert [p.name for p in x.people] == ["Ann Marsh"]


class TestNestedSpeech:
    SENTENCE = (
        "Spokesman Tom Reed briefed reporters. Secretary Ann Marsh arrived in "
        "Nairobi. Marsh noted that the two have a strong working "
        "relationship, Reed said."
    )

    def test_both_levels(self):
        """ "Hagel noted that …, Little said": the spokesman's words hold the
        secretary's."""
        assert sorted(quotes(extract(self.SENTENCE))) == [
            (
                "indirect",
                "Marsh noted that the two have a strong working relationship",
                "Tom Reed",
                None,
            ),
            (
                "indirect",
                "the two have a strong working relationship",
                "Ann Marsh",
                None,
            ),
        ]

    def test_inner_speaker_after_the_outer_verb(self):
        """ "Little said Hagel also stated that …"."""
        x = extract(
            "Spokesman Tom Reed spoke. Reed said Secretary Ann Marsh also "
            "stated that there is still time for diplomacy."
        )
        assert sorted(quotes(x)) == [
            (
                "indirect",
                "Secretary Ann Marsh also stated that there is still time for "
                "diplomacy",
                "Tom Reed",
                None,
            ),
            ("indirect", "there is still time for diplomacy", "Ann Marsh", None),
        ]

    def test_agreed_is_a_verb_of_saying(self):
        x = extract(
            "Secretary Ann Marsh arrived in Nairobi. Marsh agreed that the "
            "relationship has never been stronger."
        )
        assert quotes(x) == [
            ("indirect", "the relationship has never been stronger", "Ann Marsh", None)
        ]


class TestParticiples:
    def test_adding_continues_the_speaker(self):
        """ "…, Little said, noting the leaders pledged …"."""
        x = extract(
            "Spokesman Tom Reed spoke. The talks covered security, Reed said, "
            "noting the leaders pledged to continue planning."
        )
        assert (
            "indirect",
            "the leaders pledged to continue planning",
            "Tom Reed",
            None,
        ) in quotes(x)

    def test_saying_after_the_subject_of_the_sentence(self):
        """ "Mr. Karzai dismissed suggestions …, saying the country would …"."""
        x = extract(
            "President Ana Ruiz dismissed the suggestions, saying the country "
            "would recover within a year."
        )
        assert quotes(x) == [
            ("indirect", "the country would recover within a year", "Ana Ruiz", None)
        ]

    def test_a_participle_without_a_comma_is_no_cue(self):
        x = extract("President Ana Ruiz left without saying goodbye to the staff.")
        assert x.quotes == []


class TestMoreNames:
    def test_nickname_in_parentheses(self):
        """ "Chairman John D. (Jay) Rockefeller IV today issued the following
        statement": the nickname is left out, the generation kept."""
        x = extract(
            "Chairman Paul K. (Pat) Weller III today issued the following "
            'statement.\n\n"We thank the crew."'
        )
        assert quotes(x) == [
            ("direct", "We thank the crew.", "Paul K. Weller III", None)
        ]

    def test_nickname_before_the_middle_initial(self):
        """ "Richard (Rick) W. Roe, Ph.D.": the nickname after the first
        name, the initial after it; "Roe" later is the same person."""
        x = extract(
            '"We are ready," said Paul (Pat) K. Weller, Ph.D., the agency\u2019s '
            'head.\n\n"We go," Weller said.'
        )
        assert [q[2] for q in quotes(x)] == ["Paul K. Weller", "Paul K. Weller"]

    def test_generation_after_a_surname(self):
        x = extract('"We thank the crew," said Senator Paul Weller IV.')
        assert quotes(x) == [("direct", "We thank the crew", "Paul Weller IV", None)]

    def test_first_of_two_speakers(self):
        """ "Secretary Carlos M. Gutierrez and U.S. Trade Representative Susan
        C. Schwab announced that …": the first named speaks."""
        x = extract(
            "Secretary of Commerce Ann Marsh and U.S. Trade Representative Paul "
            "K. Weller announced that the talks will resume in May."
        )
        assert quotes(x) == [
            ("indirect", "the talks will resume in May", "Ann Marsh", None)
        ]
        assert org_name(x, x.quotes[0].organisation) == "U.S. Department of Commerce"
        weller = next(p for p in x.people if p.name == "Paul K. Weller")
        assert org_name(x, weller.role_organisation) == (
            "Office of the United States Trade Representative"
        )


class TestReported:
    def test_officials_reported(self):
        """ "…, military officials reported": an unnamed source's report."""
        x = extract(
            "Three soldiers were killed in action over the past two days, "
            "military officials reported."
        )
        assert quotes(x) == [
            (
                "indirect",
                "Three soldiers were killed in action over the past two days",
                None,
                "military officials",
            )
        ]

    def test_passive_reported_is_no_cue(self):
        x = extract(
            "At the conference, President Ana Ruiz is reported to have "
            "commented on the threat."
        )
        assert x.quotes == []


class TestUnnamedSources:
    def test_clause_ending_in_a_quoted_phrase(self):
        """'… in for a "fair fight," a senior Army officer said': the clause
        ends with its last word."""
        x = extract(
            'Enemy forces will not be in for a "fair fight," a senior Army '
            "officer said in a briefing."
        )
        assert (
            "indirect",
            'Enemy forces will not be in for a "fair fight',
            None,
            "a senior Army officer",
        ) in quotes(x)

    def test_source_with_what_it_is_for(self):
        """ "DoD's senior official for prisoner of war affairs said"."""
        x = extract(
            "The families will not be abandoned, the senior official for "
            "missing personnel affairs said here today."
        )
        assert quotes(x) == [
            (
                "indirect",
                "The families will not be abandoned",
                None,
                "the senior official for missing personnel affairs",
            )
        ]

    def test_military_leader_speaks_for_the_forces(self):
        x = extract(
            "The ceasefire was a good sign, the top U.S. military leader said "
            "here today."
        )
        assert quotes(x)[0][3] == "the top U.S. military leader"
        assert org_name(x, x.quotes[0].organisation) == "U.S. military"


class TestMoreAttribution:
    def test_words_after_another_speakers_attribution(self):
        """ "Hagel and Barak agreed that …, Little said, and that …": both
        clauses are the first speaker's, the whole the spokesman's."""
        x = extract(
            "Spokesman Tom Reed spoke. Secretary Ann Marsh arrived in Nairobi. "
            "Marsh agreed that the relationship has never been stronger, Reed "
            "said, and that both nations will continue their cooperation."
        )
        found = quotes(x)
        assert (
            "indirect",
            "the relationship has never been stronger",
            "Ann Marsh",
            None,
        ) in found
        assert (
            "indirect",
            "both nations will continue their cooperation",
            "Ann Marsh",
            None,
        ) in found
        assert any(q[2] == "Tom Reed" for q in found)

    def test_surnames_joined_by_and(self):
        """ "Hagel and Barak agreed": two surnames of people named before."""
        x = extract(
            "Secretary Ann Marsh arrived in Nairobi with Minister Paul Otieno. "
            "Marsh and Otieno agreed that the talks went well."
        )
        assert quotes(x) == [("indirect", "the talks went well", "Ann Marsh", None)]

    def test_cue_words_used_as_nouns(self):
        """ "the United States-Israeli relationship", "island states walked
        out": no cue."""
        x = extract(
            "Delegates from a group of small island states walked out of the "
            "talks on Wednesday. The United States-Kenyan relationship is strong."
        )
        assert x.quotes == []

    def test_ranking_member_and_a_rank_with_class(self):
        """ "Committee Ranking Member Sam Graves (MO-07): "…"", "Army Sgt.
        1st Class Leroy A. Petry"."""
        x = extract(
            "Budget Committee Ranking Member Ann Marsh (MO-07): "
            "\u201cThis is a good day for taxpayers.\u201d"
        )
        assert quotes(x) == [
            ("direct", "This is a good day for taxpayers.", "Ann Marsh", None)
        ]
        x = extract('"We carry on," said Army Sgt. 1st Class Paul K. Weller.')
        assert quotes(x) == [("direct", "We carry on", "Paul K. Weller", None)]


class TestObjects:
    def test_announced_an_object_is_no_quote(self):
        """ "announced his endorsement" states no proposition."""
        x = extract(
            "Governor Ann Marsh announced her endorsement yesterday at an "
            "event in Tampa."
        )
        assert x.quotes == []

    def test_announced_a_clause(self):
        x = extract(
            "Governor Ann Marsh announced on Monday that the plant will open. "
            "Governor Paul Otieno announced it will close."
        )
        assert [q[1:3] for q in quotes(x)] == [
            ("the plant will open", "Ann Marsh"),
            ("it will close", "Paul Otieno"),
        ]

    def test_possessive_object_with_no_verb_is_no_quote(self):
        """ "stressed his commitment to hold Afghanistan's government
        together" states no proposition; "stressed his party was ready"
        does."""
        x = extract(
            "Senator Bob Stone stressed his commitment to hold the government "
            "together. Senator Ann Marsh stressed her party was ready."
        )
        assert [q[1:3] for q in quotes(x)] == [("her party was ready", "Ann Marsh")]

    def test_when_and_where_before_the_subject_are_no_quote(self):
        """ "In a separate interview with VOA on Wednesday, Abdullah …
        stressed his commitment …": the opening phrase is no reported
        clause; "In Halden, the talks will resume, …" is one."""
        x = extract(
            "In a separate interview on Wednesday, Senator Bob Stone stressed "
            "his commitment to the plan. In Halden, the talks will resume, "
            "Senator Ann Marsh said."
        )
        assert [q[1:3] for q in quotes(x)] == [
            ("In Halden, the talks will resume", "Ann Marsh")
        ]

    def test_neither_nor_subject_reports_nothing(self):
        """ "Neither Washington nor Beijing has confirmed the summit": no one
        said it."""
        x = extract(
            "Neither Senator Bob Stone nor Senator Ann Marsh has confirmed the "
            "vote will be held."
        )
        assert x.quotes == []

    def test_object_verb_reports_nothing_before_it(self):
        """ "Throughout the trip, Regan emphasized the benefits of …"."""
        x = extract(
            "Throughout the trip, Administrator Ann Marsh emphasized the "
            "benefits of investments proposed in the bill for water pipes "
            "and roads."
        )
        assert x.quotes == []
