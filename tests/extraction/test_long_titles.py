"""Long titles of federal releases before a name: a country's short name
or a portfolio opening them ("U.S. Secretary of Commerce Jo Roe", "Assistant
Secretary – Indian Affairs Jo K. Roe"), a middle initial that is also an
article ("Mary A. Roe"), and a body's office after its owner's possessive
("… for Acme's Office of Water Jo Roe")."""

from __future__ import annotations

from tests.extraction.test_spoken_for import spoke_for


class TestLongTitles:
    def test_a_country_s_short_name_opening_a_cabinet_title(self):
        assert spoke_for('"This is good," said U.S. Secretary of Commerce Jo Roe.') == [
            ("Jo Roe", "U.S. Department of Commerce")
        ]

    def test_a_portfolio_after_a_dash_is_no_part_of_the_name(self):
        assert [
            name
            for name, _ in spoke_for(
                '"This is good," said Assistant Secretary – Indian Affairs '
                "Kevin K. Roe."
            )
        ] == ["Kevin K. Roe"]

    def test_the_initial_a_is_no_article(self):
        assert spoke_for(
            '"And that is just for this year," said National Park Service '
            "Director Mary A. Roe."
        ) == [("Mary A. Roe", "National Park Service")]

    def test_an_office_after_its_owner_s_possessive_runs_up_to_the_name(self):
        assert spoke_for(
            '"These grants help," said Principal Deputy Assistant '
            "Administrator for Acme\u2019s Office of Water Jo Roe."
        ) == [("Jo Roe", "Office of Water")]


class TestStatesAndSuffixes:
    def test_a_role_the_state_s_government_names_speaks_for_the_state(self):
        assert spoke_for(
            "Kenyan government lead negotiator Jo Roe said the talks will "
            "re-open Monday."
        ) == [("Jo Roe", "Kenya")]

    def test_an_opposition_role_is_still_no_state_s(self):
        assert spoke_for(
            "Kenyan opposition spokesman Jo Roe said the talks will re-open Monday."
        ) == [("Jo Roe", None)]

    def test_a_name_s_suffix_keeps_its_stop(self):
        assert spoke_for('"We are ready," said Timothy J. Roe Sr., the chairman.') == [
            ("Timothy J. Roe Sr.", None)
        ]

    def test_navy_and_air_force_ratings_are_titles(self):
        assert [
            name
            for name, _ in spoke_for(
                '"Being recognized is a morale booster," said Culinary '
                'Specialist Seaman Jo Roe. "We\'re ready," said Senior Airman '
                "Ann Marsh."
            )
        ] == ["Jo Roe", "Ann Marsh"]

    def test_a_department_whose_name_holds_title_words(self):
        assert spoke_for(
            '"These funds will help," said Housing and Urban Development '
            "Secretary Jo Roe."
        ) == [("Jo Roe", "U.S. Department of Housing and Urban Development")]

    def test_a_hyphenated_title_and_a_list_of_officials(self):
        """ "DEA Special Agent-in-Charge Jo Roe, U.S. Attorney Ann Marsh and
        other officials": the title is his, the next name no role of his."""
        assert spoke_for(
            "DEA Special Agent-in-Charge Jo Roe, U.S. Attorney Ann Marsh and "
            'other officials met on Monday. "This matters," Roe said.'
        ) == [("Jo Roe", "DEA")]


class TestUnitedStatesAttorneys:
    def test_the_district_after_the_name(self):
        assert spoke_for(
            '"This matters," said U.S. Attorney Jo K. Roe of the Eastern '
            "District of Virginia."
        ) == [
            ("Jo K. Roe", "U.S. Attorney's Office for the Eastern District of Virginia")
        ]

    def test_the_district_in_the_role_after_the_name(self):
        assert spoke_for(
            '"This matters," said Jo Roe, United States Attorney for the '
            "Northern District of Texas."
        ) == [("Jo Roe", "U.S. Attorney's Office for the Northern District of Texas")]

    def test_the_district_the_story_named_before(self):
        assert spoke_for(
            "The U.S. Attorney for the District of Hawaii is determining "
            'whether to file charges. "I applaud the enforcement," said U.S. '
            "Attorney Jo Roe."
        ) == [("Jo Roe", "U.S. Attorney's Office for the District of Hawaii")]

    def test_the_attorney_general_is_no_district_s(self):
        assert spoke_for('"This matters," said Attorney General Jo Roe.') == [
            ("Jo Roe", "U.S. Department of Justice")
        ]


class TestAgentsAndAnaphors:
    def test_special_agent_in_charge(self):
        assert spoke_for(
            '"This matters," said FBI Special Agent in Charge Jo Roe.'
        ) == [("Jo Roe", "FBI")]

    def test_a_meeting_after_the_inverted_cue_is_when_not_what(self):
        assert spoke_for(
            "The ministers discussed progress, Secretary General Jo Roe said "
            "during a news conference following the meeting at NATO "
            "headquarters."
        )[0][0] == "Jo Roe" and quotes_of(
            "The ministers discussed progress, Secretary General Jo Roe said "
            "during a news conference following the meeting at NATO "
            "headquarters."
        ) == ["The ministers discussed progress"]


def quotes_of(text):
    from articles.extraction.engine import extract

    return [q.text for q in extract(text).quotes]


class TestCabinetTitlesRunningOn:
    def test_a_cabinet_title_running_on_to_a_portfolio_before_the_name(self):
        assert spoke_for(
            '"This matters," said Assistant Secretary of Commerce for Economic '
            "Development Alejandra Y. Roe."
        ) == [("Alejandra Y. Roe", "U.S. Department of Commerce")]

    def test_a_title_ending_in_a_portfolio_names_no_one(self):
        assert spoke_for(
            "In an interview, Ambassador Jo Roe, U.S. Undersecretary of State "
            "for Political Affairs, told reporters that the talks had failed."
        ) == [("Jo Roe", "U.S. Department of State")]


class TestSeveralOfficialsInOneSentence:
    def test_each_official_keeps_the_body_named_with_them(self):
        text = (
            "U.S. Attorney Jo Roe of the Eastern District of Virginia and "
            "Assistant Director in Charge Ann Marsh of the FBI made the "
            'announcement. "This matters," Marsh said.'
        )
        assert spoke_for(text) == [("Ann Marsh", "FBI")]

    def test_a_senator_s_chair_of_a_committee_is_whom_he_speaks_for(self):
        assert spoke_for(
            "Senator Jo Roe, Chairman of the Senate Committee on Foreign "
            'Relations, spoke on Monday. "I support the talks," Roe said.'
        ) == [("Jo Roe", "Senate Committee on Foreign Relations")]


class TestDutiesPerformed:
    def test_the_office_whose_duties_are_performed_after_the_name(self):
        """ "Jo Roe, Performing the Delegated Duties of the Assistant
        Secretary of Commerce for Economic Development": a federal formula
        for an acting head; she speaks for the office's department."""
        assert spoke_for(
            '"The fund helps," said Jo Roe, Performing the Delegated Duties of '
            "the Assistant Secretary of Commerce for Economic Development."
        ) == [("Jo Roe", "U.S. Department of Commerce")]
