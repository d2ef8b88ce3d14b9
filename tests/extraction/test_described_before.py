"""A person the sentence before describes: "The chairman of the Harbour
Board spoke today. Army Gen. Jo Roe …" names the person described, whose
bare rank names no body, so he speaks for the one the description names.
A dotted abbreviation opening a sentence ("U.S. Harbour Command's top
officer told …") ends no sentence. One made-up passage each."""

from __future__ import annotations

from tests.extraction.test_wire_recall import spoke_for


class TestDescribedInTheSentenceBefore:
    def test_the_chairman_of_a_body_the_rules_did_not_name(self):
        """ "The chairman of the Joint Harbour Chiefs of Staff …. Navy Adm.
        Jo Roe …": the body after "of the" is his."""
        assert spoke_for(
            "The chairman of the Joint Harbour Chiefs of Staff toured the port "
            "today.\n\n"
            "Navy Adm. Jo Roe met dock workers on the quay.\n\n"
            '"The harbour is ready," Roe said.'
        ) == [("The harbour is ready", "Jo Roe", "Joint Harbour Chiefs of Staff")]

    def test_a_spokesman_of_the_body_in_the_paragraph_before(self):
        """ "…, a Harbour Board spokesman said today. Army Col. Jo Roe …": he
        speaks for the board; the description's own words keep it as their
        source."""
        assert spoke_for(
            "Cargo traffic rose in the spring, a Harbour Board spokesman said "
            "today.\n\n"
            "Army Col. Jo Roe, speaking to reporters in Lyon, listed new "
            "berths.\n\n"
            '"We will open two more," Roe said.'
        ) == [
            (
                "Cargo traffic rose in the spring",
                "a Harbour Board spokesman",
                "Harbour Board",
            ),
            ("We will open two more", "Jo Roe", "Harbour Board"),
        ]

    def test_a_bodys_top_officer_after_a_dotted_abbreviation(self):
        """ "U.S. Harbour Command's top officer told …": the abbreviation
        opens the sentence and the description, and the body is the
        owner's."""
        quotes = spoke_for(
            "U.S. Harbour Command's top officer told lawmakers today that the "
            "port is safe.\n\n"
            '"The fleet is at full strength," Marine Corps Gen. Jo Roe said.'
        )
        assert quotes[-1] == (
            "The fleet is at full strength",
            "Jo Roe",
            "U.S. Harbour Command",
        )

    def test_someone_with_a_body_of_their_own_between_them(self):
        """ "Speaking alongside Defense Secretary Ann Marsh, Army Gen. Jo Roe
        …": the secretary, with a body of her own, is someone else."""
        quotes = spoke_for(
            "The harbour is safe, the chairman of the Joint Harbour Chiefs of "
            "Staff told lawmakers today.\n\n"
            "Speaking alongside Defense Secretary Ann Marsh, Army Gen. Jo Roe "
            "praised the crews.\n\n"
            '"They never rest," Roe said.'
        )
        assert quotes[-1] == (
            "They never rest",
            "Jo Roe",
            "Joint Harbour Chiefs of Staff",
        )


class TestNotDescribedBefore:
    def test_the_next_person_has_a_body_of_their_own(self):
        """ "The chairman of the Harbour Board …. Widget Agency Director Ann
        Marsh said …": she speaks for her own agency, not the board."""
        assert spoke_for(
            "The chairman of the Harbour Board toured the port today.\n\n"
            'Widget Agency Director Ann Marsh said "the port is busy."'
        ) == [("the port is busy.", "Ann Marsh", "Widget Agency")]

    def test_a_description_naming_no_body(self):
        """ "The chairman toured the port. Gen. Jo Roe said …": no body."""
        assert spoke_for(
            "The chairman toured the port today.\n\n"
            'Army Gen. Jo Roe said "the port is busy."'
        ) == [("the port is busy.", "Jo Roe", None)]

    def test_another_person_who_may_be_the_one_described_between_them(self):
        """ "The chairman of the Harbour Board met Gen. Ann Marsh. Col. Jo
        Roe said …": either may be the chairman, so neither is."""
        assert spoke_for(
            "The chairman of the Harbour Board met Gen. Ann Marsh today.\n\n"
            'Army Col. Jo Roe said "the port is busy."'
        ) == [("the port is busy.", "Jo Roe", None)]

    def test_a_description_in_a_quotation(self):
        """'"… The chairman of the Harbour Board is wrong. …," Gen. Jo Roe
        said': whom his own words describe is someone else."""
        quotes = spoke_for(
            '"We are ready. The chairman of the Harbour Board is wrong. The '
            'port is busy," Army Gen. Jo Roe said.'
        )
        assert {org for _, who, org in quotes if who == "Jo Roe"} == {None}

    def test_a_description_that_is_not_the_subject(self):
        """ "Reporters asked the chairman of the Harbour Board …": the
        description is not whom the sentence is about."""
        assert spoke_for(
            "Reporters asked the chairman of the Harbour Board about the port "
            "today.\n\n"
            'Army Gen. Jo Roe said "the port is busy."'
        ) == [("the port is busy.", "Jo Roe", None)]

    def test_a_bystander_with_no_title_after_a_description_that_did_not_speak(self):
        """ "The chairman of the Harbour Board resigned …. Ann Marsh said
        …": nothing introduces her as the chairman, who said nothing."""
        assert spoke_for(
            "The chairman of the Harbour Board resigned on Monday. "
            'Ann Marsh said, "It was time for him to go."'
        ) == [("It was time for him to go.", "Ann Marsh", None)]

    def test_a_bystander_whom_a_clause_describes_otherwise(self):
        """ "A spokesman for the Harbour Board declined to comment. Ann
        Marsh, who lives nearby, said …": she is a neighbour, not the
        spokesman."""
        assert spoke_for(
            "A spokesman for the Harbour Board declined to comment. "
            'Ann Marsh, who lives nearby, said, "The noise is terrible."'
        ) == [("The noise is terrible.", "Ann Marsh", None)]


class TestIntroducedAsTheOneDescribed:
    def test_a_bare_title_before_the_name(self):
        """ "The chairman of the Harbour Board resigned …. Dr. Ann Marsh
        said …": a title naming no body introduces the chairman."""
        assert spoke_for(
            "The chairman of the Harbour Board resigned on Monday. "
            'Dr. Ann Marsh said, "It was time for me to go."'
        ) == [("It was time for me to go.", "Ann Marsh", "Harbour Board")]

    def test_a_clause_giving_the_role_described(self):
        """ "The Harbour Board's new chairman visited …. Jo Roe, who took
        office as chairman in May, told …": the clause names his role."""
        assert spoke_for(
            "The Harbour Board's new chairman visited the docks on Monday. "
            "Jo Roe, who took office as chairman in May, told workers the "
            'port "will grow."'
        )[-1] == ("will grow.", "Jo Roe", "Harbour Board")


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


class TestAUnitOfTheBody:
    def test_a_unit_of_the_body_is_part_of_the_description(self):
        """ "The director of the Harbour Board's Cargo Department says ….
        Ana Mensah says …": the body the description is of is hers, its unit
        after the possessive no end of the description."""
        assert spoke_for(
            "The director of the Harbour Board's Cargo Department says the "
            "port will grow.\n\n"
            'Ana Mensah says rents will fall. "We see good signs," she said.'
        )[-1] == ("We see good signs", "Ana Mensah", "Harbour Board")
