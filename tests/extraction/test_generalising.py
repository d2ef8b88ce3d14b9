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
