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
