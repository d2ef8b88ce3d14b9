"""Whom a speaker speaks for, in shapes of U.S. federal releases and agency
copy the rules were not first written against: a role after the name with
an article ("a NASA spokesman"), a body owned by an acronym the rules did
not name ("director of NASA's Ames Research Center"), titles after a dotted
abbreviation, "of X" after a name, and the state a role names."""

from __future__ import annotations

from articles.extraction.engine import extract


def spoke_for(text):
    x = extract(text)
    return [
        (
            x.person(q.speaker).name if q.speaker else q.source_description,
            x.organisation(q.organisation).name if q.organisation else None,
        )
        for q in x.quotes
    ]


class TestRoleAfterTheName:
    def test_body_heading_a_role_with_an_article(self):
        """ "X, a State Department spokesman" speaks for the department, as
        "X, the State Department spokesman" does."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, a Harbour Board spokeswoman.'
        ) == [("Ann Marsh", "Harbour Board")]

    def test_acronym_heading_a_role_with_an_article(self):
        assert spoke_for('"We are ready," said Ann Marsh, an FDA economist.') == [
            ("Ann Marsh", "FDA")
        ]

    def test_official_with_a_body(self):
        """ "an official with the World Bank" speaks for the bank."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, an official with the Harbour Board.'
        ) == [("Ann Marsh", "Harbour Board")]

    def test_body_owned_by_an_unnamed_acronym(self):
        """ "director of NASA's Goddard Space Flight Center": the centre,
        though the acronym before it is named nowhere else."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, director of ORBA\'s Halden Research '
            "Center."
        ) == [("Ann Marsh", "Halden Research Center")]


class TestTitleAfterAnAbbreviation:
    def test_hyphenated_title_after_a_dotted_acronym(self):
        """ "said U.N. Secretary-General Kofi Annan": the abbreviation's full
        stop ends no sentence, and the body heads the title."""
        assert spoke_for(
            '"Peace is possible," said U.N. Secretary-General Ann Marsh.'
        ) == [("Ann Marsh", "U.N")]
