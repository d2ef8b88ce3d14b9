"""A surname typed with a stray capital ("MArsh" for "Marsh", the shift
key held a letter too long) still names the person named in full. One
made-up passage."""

from __future__ import annotations

from articles.extraction.engine import extract


class TestSurnameTypedWithAStrayCapital:
    def test_shift_slipped_surname_stands_for_the_person(self):
        """ "MArsh" for "Marsh": the surname of someone named in full, its
        second letter held on the shift key, still names them."""
        x = extract(
            "That left Canadian Ann Marsh and her friends to walk to work.\n\n"
            "MArsh, who teaches English in Lyon, says she is not sure what the "
            'strike is about.\n\n"We all suffer," said MArsh.'
        )
        assert [(q.text, x.person(q.speaker).name) for q in x.quotes] == [
            ("she is not sure what the strike is about", "Ann Marsh"),
            ("We all suffer", "Ann Marsh"),
        ]
