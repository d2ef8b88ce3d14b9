"""Bodies' names and speakers on wire copy, one made-up sentence or two
each: a body named with an armed service's word, capitalised words opening
a sentence that name no body, speakers that are no person, and two people
named together."""

from __future__ import annotations

from articles.extraction.engine import extract
from tests.extraction.test_wire_recall import spoke_for


class TestServiceWordInABody:
    def test_a_service_word_with_no_rank_ends_a_body_s_name(self):
        """ "spokesman for Joint Force Nordmark", "a Joint Force Nordmark
        spokesman": the service's word is the body's, not a title before a
        name."""
        assert spoke_for(
            '"We are ready," said Navy Capt. Ann Marsh, spokeswoman for Joint '
            'Force Nordmark. "It is over," a Joint Force Nordmark spokesman said.'
        ) == [
            ("We are ready", "Ann Marsh", "Joint Force Nordmark"),
            ("It is over", "a Joint Force Nordmark spokesman", "Joint Force Nordmark"),
        ]

    def test_the_body_named_alone_is_no_person(self):
        """ "Joint Force Nordmark said": with no role beside it, the name is
        still a body's (its service word names no person's title)."""
        x = extract('"It is over," Joint Force Nordmark said in a statement.')
        assert [o.name for o in x.organisations] == ["Joint Force Nordmark"]
        assert x.people == []
