"""What is not a quote: quoted words that are the name a body or a thing is
known by ("a group called "Unity," or "one heart."") (but a person's label
after the same verb is one), and a promise ("vowed not to sign …") with the
writer's clause before it. One made-up passage each."""

from __future__ import annotations

from articles.extraction.engine import extract


def quoted(text):
    return [q.text for q in extract(text).quotes]


class TestNameOfABody:
    def test_name_after_a_body_called_and_its_gloss_after_or(self):
        """The group's name and its gloss after "or" are no quotes; the
        clause they stand in is."""
        assert quoted(
            'Jo Roe says the men belong to a group called "Unity," or "one '
            'heart." Roe says the leader is a businessman.'
        ) == [
            'the men belong to a group called "Unity," or "one heart."',
            "the leader is a businessman",
        ]

    def test_label_a_person_gave_after_called_stays_a_quote(self):
        """ "what the minister called "a sham"": the noun before "called" is
        the person who said it, so the words are theirs."""
        assert "a sham." in quoted(
            'Ann Marsh said the deal was what the minister called "a sham."'
        )


class TestPromises:
    def test_a_negated_infinitive_is_a_promise(self):
        """ "vowed not to sign …" is a promise, as "vowed to sign" is: no
        reported clause (docs/annotation.md: requests, orders, promises)."""
        assert (
            quoted("Jo Roe vowed not to sign any deal that would hurt farmers.") == []
        )

    def test_the_writer_s_clause_before_and_and_the_promiser(self):
        """ "There was opposition, however, and Mr. Roe vowed to leave": the
        clause before "and" is the writer's, not words the promise
        reports."""
        assert (
            quoted(
                "Prime Minister Jo Roe was eager to make the deal. There was "
                "opposition from the start, however, and Mr. Roe vowed to leave."
            )
            == []
        )
