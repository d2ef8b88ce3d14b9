"""Military copy: units named by their number, whose commanders speak for
them (``articles.extraction.engine.units``), and a body's acronym or name
before its head's title after a name."""

from __future__ import annotations

from articles.extraction.engine import extract


def spoke_for(text):
    x = extract(text)
    return [
        (x.person(q.speaker).name, x.organisation(q.organisation).name)
        if q.organisation
        else (x.person(q.speaker).name, None)
        for q in x.quotes
    ]


class TestUnitsCommanded:
    def test_commander_of_a_unit_and_the_units_it_belongs_to(self):
        assert spoke_for(
            '"The valley is quiet," said Army Col. Jo Roe, commander of 2nd '
            "Squadron, 9th U.S. Lancer Regiment, 6th Infantry Division."
        ) == [
            (
                "Jo Roe",
                "2nd Squadron, 9th U.S. Lancer Regiment, 6th Infantry Division",
            )
        ]

    def test_commanding_general_of_the_division(self):
        assert spoke_for(
            '"We hold the ridge," said Maj. Gen. Ann Marsh, commanding general '
            "of the 7th Mountain Division to reporters in Dorvik."
        ) == [("Ann Marsh", "7th Mountain Division")]

    def test_commanding_officer_for_a_battalion(self):
        assert spoke_for(
            '"We hold the ridge," said Lt. Col. Ann Marsh, commanding officer '
            "for 2nd Battalion, 8th Marine Regiment, to reporters."
        ) == [("Ann Marsh", "2nd Battalion, 8th Marine Regiment")]

    def test_the_unit_s_commander(self):
        assert spoke_for(
            '"We hold the ridge," said Col. Ann Marsh, the 7th Mountain '
            "Division commander."
        ) == [("Ann Marsh", "7th Mountain Division")]

    def test_a_task_force_named_by_its_number(self):
        assert spoke_for(
            '"We hold the ridge," said Lt. Col. Ann Marsh, commander of '
            "Task Force 2-12."
        ) == [("Ann Marsh", "Task Force 2-12")]

    def test_a_rank_with_an_ordinal_names_no_unit(self):
        """ "Sgt. 1st Class": a class of a rank is no unit."""
        x = extract('"We hold the ridge," said Sgt. 1st Class Ann Marsh.')
        assert not any("1st" in o.name for o in x.organisations)


class TestBodyBeforeTitle:
    def test_acronym_heading_a_commanding_officer(self):
        assert spoke_for(
            '"We train hard," said Cmdr. Ann Marsh, FRDC Commanding Officer. '
            '"It shows."'
        ) == [("Ann Marsh", "FRDC"), ("Ann Marsh", "FRDC")]

    def test_title_after_a_body_s_name_is_no_part_of_it(self):
        assert spoke_for(
            "Capt. Jo Roe, FRDC Logistics Center Director said she was proud "
            "of the crews."
        ) == [("Jo Roe", "FRDC Logistics Center")]
