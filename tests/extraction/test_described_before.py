"""A dotted abbreviation opening a sentence ("U.S. Harbour Command's top
officer told …") ends no sentence. One made-up passage each."""

from __future__ import annotations

from tests.extraction.test_wire_recall import spoke_for


class TestDottedAbbreviationOpeningASentence:
    def test_the_abbreviation_ends_no_sentence(self):
        """ "U.S. Harbour Command's top officer told …": the source described
        keeps its abbreviation, and so the body it owns."""
        assert spoke_for(
            "U.S. Harbour Command's top officer told lawmakers today that the "
            "port is safe."
        ) == [
            (
                "the port is safe",
                "U.S. Harbour Command's top officer",
                "U.S. Harbour Command",
            )
        ]
