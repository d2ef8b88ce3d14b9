"""Military copy: units named by their number, whose commanders speak for
them (``articles.extraction.engine.units``), and a body's acronym or name
before its head's title after a name."""

from __future__ import annotations

from articles.extraction.engine import extract
from tests.extraction.test_offices import spoke_for


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

    def test_an_officer_for_the_battalion_named_before(self):
        """ "the operations officer for the battalion": the unit the story
        named just before, whose name has the noun."""
        assert spoke_for(
            "Marines of 3rd Battalion, 9th Marine Regiment trained at the range.\n\n"
            '"Basics matter," said Capt. Ann Marsh, the operations officer for '
            "the battalion."
        ) == [("Ann Marsh", "3rd Battalion, 9th Marine Regiment")]

    def test_the_squadron_s_commander_named_before(self):
        assert spoke_for(
            "Airmen of the 77th Fighter Squadron landed in Kenya.\n\n"
            '"We are ready," said Lt. Col. Jo Roe, the squadron\u2019s commander.'
        ) == [("Jo Roe", "77th Fighter Squadron")]

    def test_the_unit_a_soldier_is_assigned_to(self):
        """ "a Boise resident assigned to the 77th Fighter Squadron": no
        role word, but the unit she is assigned to is whom she speaks for."""
        assert spoke_for(
            '"We won," said Spc. Ann Marsh, a Boise resident assigned to the '
            "77th Fighter Squadron."
        ) == [("Ann Marsh", "77th Fighter Squadron")]

    def test_a_numbered_unit_and_a_trade_after_the_name(self):
        """ "Staff Sgt. Ann Marsh, 391st Aircraft Maintenance Unit
        maintainer": a unit named by its number (a unit's, though "Unit" is
        a word sport uses too, for its aircraft maintenance), then her trade
        in it."""
        assert spoke_for(
            '"We are ready," said Staff Sgt. Ann Marsh, 391st Aircraft '
            "Maintenance Unit maintainer."
        ) == [("Ann Marsh", "391st Aircraft Maintenance Unit")]

    def test_a_soldier_from_a_numbered_unit(self):
        """ "a medic from the 758th Engineer Company": the unit she is from;
        "a lawyer from Boston" names a place, no body."""
        assert spoke_for(
            '"We build," said Sgt. Ann Marsh, a medic from the 758th Engineer '
            'Company. "We go," said Jo Roe, a lawyer from Boston.'
        ) == [("Ann Marsh", "758th Engineer Company"), ("Jo Roe", None)]

    def test_a_task_force_named_by_its_number(self):
        assert spoke_for(
            '"We hold the ridge," said Lt. Col. Ann Marsh, commander of '
            "Task Force 2-12."
        ) == [("Ann Marsh", "Task Force 2-12")]

    def test_a_sports_division_is_no_unit(self):
        """ "The 2nd Division title", "the 3rd Group": sport's numbered
        divisions name no armed force's unit, which has a service's or an
        arm's word in its name or a commander beside it."""
        for text in (
            'The 2nd Division title went to Harlow Town. "We earned it," said '
            "Jo Roe, the club's manager.",
            'Harlow Town won the 3rd Group. "We earned it," said Jo Roe, the '
            "club's manager.",
        ):
            x = extract(text)
            assert spoke_for(text) == [("Jo Roe", None)], text
            assert x.organisations == [], text

    def test_a_division_commanded_is_a_unit(self):
        assert spoke_for(
            '"We hold the ridge," said Maj. Gen. Jo Roe, commander of the 2nd Division.'
        ) == [("Jo Roe", "2nd Division")]
        assert spoke_for(
            '"We hold the ridge," said Maj. Gen. Jo Roe, commanding general of '
            "the 1st Marine Division."
        ) == [("Jo Roe", "1st Marine Division")]

    def test_a_rank_with_an_ordinal_names_no_unit(self):
        """ "Sgt. 1st Class": a class of a rank is no unit."""
        x = extract('"We hold the ridge," said Sgt. 1st Class Ann Marsh.')
        assert not any("1st" in o.name for o in x.organisations)
        assert spoke_for('"We hold the ridge," said Sgt. 1st Class Ann Marsh.') == [
            ("Ann Marsh", None)
        ]


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


class TestBases:
    def test_a_base_is_no_speaker(self):
        """ "told reporters from Forward Operating Base Harlow": a place."""
        x = extract(
            '"The roads are open," Lt. Col. Jo Roe told reporters at Forward '
            'Operating Base Harlow in Dorvik. "The market reopens today."'
        )
        assert [x.person(q.speaker).name for q in x.quotes] == ["Jo Roe", "Jo Roe"]
        assert [p.name for p in x.people] == ["Jo Roe"]

    def test_a_camp_or_fort_is_no_person(self):
        """A camp's or a fort's name opens no one's name, even before a
        verb of saying; a surname may still be "Camp"."""
        for place in ("Camp Lorvik", "Fort Brannel"):
            x = extract(f'"The gate stays shut," said {place}.')
            assert x.people == []
        x = extract('"The gate stays shut," said Rep. Jo Camp.')
        assert [p.name for p in x.people] == ["Jo Camp"]

    def test_the_commander_of_a_long_unit_s_name_speaks(self):
        """A unit's name with "U.S." in it holds no sentence's end, and its
        commas open no aside: the commander named before it speaks, for it."""
        assert (
            spoke_for(
                '"It has been a long week," Army Lt. Col. Jo Roe, commander of 2nd '
                "Squadron, 9th U.S. Lancer Regiment, 6th Infantry Division, told "
                'reporters from Camp Lorvik. "But the town is calm."'
            )
            == [
                (
                    "Jo Roe",
                    "2nd Squadron, 9th U.S. Lancer Regiment, 6th Infantry Division",
                )
            ]
            * 2
        )


class TestServiceChiefs:
    def test_chief_of_naval_operations_with_acronym_and_rank(self):
        assert spoke_for(
            "Chief of Naval Operations (CNO) Adm. Jo Roe said the fleet was "
            "ready for the exercise."
        ) == [("Jo Roe", "U.S. Navy")]

    def test_service_and_commandant_before_a_rank(self):
        assert spoke_for(
            "Coast Guard Commandant Adm. Ann Marsh said the cutters were ready."
        ) == [("Ann Marsh", "U.S. Coast Guard")]

    def test_title_after_the_name(self):
        assert spoke_for(
            '"We are ready," said Gen. Bo Lind, Commandant of the Marine Corps.'
        ) == [("Bo Lind", "U.S. Marine Corps")]

    def test_chief_of_staff_of_the_service_the_sentence_names(self):
        """ "Army leaders, including Chief of Staff Gen. Jo Roe": the Army."""
        assert spoke_for(
            "The secretary was joined by Army leaders, including Chief of Staff "
            "Gen. Ola Mensah, who said the brigades were ready."
        ) == [("Ola Mensah", "U.S. Army")]

    def test_a_rank_naming_a_service_speaks_for_none(self):
        assert spoke_for("Navy Adm. Ed Cole said the ships were ready.") == [
            ("Ed Cole", None)
        ]

    def test_another_body_s_chief_of_staff_is_not_the_service_s(self):
        assert spoke_for(
            "The Army band played as White House Chief of Staff Di Hart said "
            "the talks were over."
        ) == [("Di Hart", None)]

    def test_another_state_s_service_head_is_no_u_s_service_s(self):
        """A demonym, a country's name or a state's possessive opening a
        service head's title names another state's service, not the U.S.
        one."""
        for text in (
            'Kenyan army chief of staff Gen. Jo Roe said, "We are ready."',
            'Ruritanian Army Chief of Staff Gen. Jo Roe said, "We are ready."',
            'Kenya\'s army chief of staff Gen. Jo Roe said, "We are ready."',
            '"We are ready," said Jo Roe, the Indian navy\'s chief of naval '
            "operations.",
        ):
            assert spoke_for(text) == [("Jo Roe", None)], text

    def test_the_u_s_service_head_still_speaks_for_the_service(self):
        assert spoke_for(
            'U.S. Army Chief of Staff Gen. Jo Roe said, "We are ready."'
        ) == [("Jo Roe", "U.S. Army")]
        assert spoke_for(
            '"We are ready," said Adm. Jo Roe, the chief of naval operations.'
        ) == [("Jo Roe", "U.S. Navy")]


class TestNavyRatesAndShips:
    def test_a_rate_with_its_class_and_qualification_before_the_name(self):
        """ "Sonar Technician Surface 2nd Class (SW) Ann Marsh": the words
        before the class are her rate, no one's name, and the warfare
        qualification in parentheses stands between the title and her
        name."""
        assert spoke_for(
            '"We help them," said Sonar Technician Surface 2nd Class (SW) Ann Marsh.'
        ) == [("Ann Marsh", None)]

    def test_a_seaman_s_rate_and_qualification_before_the_name(self):
        """ "Electronics Technician Seaman (SS) Ann Marsh": the rate and
        grade are her title, the qualification in parentheses between them
        and her name; "Electronics" names no body."""
        x = extract(
            '"Coming home is a relief," said Electronics Technician Seaman (SS) '
            "Ann Marsh."
        )
        assert [x.person(q.speaker).name for q in x.quotes] == ["Ann Marsh"]
        assert [o.name for o in x.organisations] == []

    def test_a_ship_is_a_body_and_a_sailor_aboard_speaks_for_it(self):
        """ "USS Halden" is a body by its prefix; a sailor aboard it speaks
        for it, and so does one aboard it by its name alone."""
        assert spoke_for(
            "The destroyer USS Halden (DDG 84) arrived in Rota.\n\n"
            '"We sail," said Jo Roe, a sailor aboard USS Halden.\n\n'
            '"We dive," said Ann Marsh, a volunteer aboard Halden.'
        ) == [("Jo Roe", "USS Halden"), ("Ann Marsh", "USS Halden")]

    def test_the_ship_s_officer_speaks_for_the_ship_named_before(self):
        """ "the ship's command master chief": the last ship named before,
        by its prefix, not the last body."""
        assert spoke_for(
            "The destroyer USS Halden (DDG 84) arrived in Rota with the Kenya "
            'Navy.\n\n"We rest," said Ed Poe, the ship\u2019s command master chief.'
        ) == [("Ed Poe", "USS Halden")]

    def test_an_ensign_s_rank_is_no_part_of_the_name(self):
        assert spoke_for('"We are ready," said Ensign Jo Roe.') == [("Jo Roe", None)]

    def test_the_words_opening_an_abbreviated_rank_are_no_body(self):
        """ "Command Sgt. Maj. Jo Roe, the brigade's senior enlisted leader":
        "Command" opens her rank, so the brigade named before is whom she
        speaks for; "Master Gunnery Sgt." names no body either."""
        assert spoke_for(
            "Soldiers of the 2nd Brigade Combat Team trained in Texas.\n\n"
            '"We train," said Command Sgt. Maj. Jo Roe, the brigade\u2019s senior '
            'enlisted leader. "We fly," said Master Gunnery Sgt. Ann Marsh.'
        ) == [("Jo Roe", "2nd Brigade Combat Team"), ("Ann Marsh", None)]
        x = extract(
            '"We train," said Command Sgt. Maj. Jo Roe. "We fly," said Master '
            "Gunnery Sgt. Ann Marsh."
        )
        assert [o.name for o in x.organisations] == []

    def test_a_sentence_s_first_word_before_a_service_and_rank(self):
        """ "But Navy Capt. Jo Roe, the mission commander, said …": "But"
        opens the sentence, not a body called "But Navy"."""
        x = extract(
            "But Navy Capt. Jo Roe, the mission commander, said the crew did "
            "well.\n\n"
            '"It went well," Roe told reporters.'
        )
        assert [x.person(q.speaker).name for q in x.quotes] == ["Jo Roe", "Jo Roe"]
        assert [o.name for o in x.organisations] == []
