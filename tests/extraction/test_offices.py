"""Whom a speaker speaks for when the role names no organisation outright
(``articles.extraction.engine.offices``): cabinet titles, an acronym heading
a title, "of the …" after a name, and the government a paragraph names."""

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


class TestDepartments:
    def test_title_before_the_name(self):
        """ "Defense Secretary Leon E. Panetta said" speaks for the department."""
        assert spoke_for(
            "The talks will resume soon, Defense Secretary Ann Marsh said during a "
            "visit to the base."
        ) == [("Ann Marsh", "U.S. Department of Defense")]

    def test_secretary_of(self):
        assert spoke_for(
            "U.S. Secretary of Agriculture Ann Marsh said that farms are open."
        ) == [("Ann Marsh", "U.S. Department of Agriculture")]

    def test_title_after_the_name(self):
        """ "said Douglas Feith, undersecretary of defense for policy"."""
        assert spoke_for(
            '"We will do more," said Ann Marsh, undersecretary of commerce for trade.'
        ) == [("Ann Marsh", "U.S. Department of Commerce")]

    def test_another_country_s_secretary(self):
        assert spoke_for(
            "The talks will resume soon, Kenyan Defense Secretary Ann Marsh said "
            "during a visit."
        ) == [("Ann Marsh", "Kenya")]


class TestAcronymTitle:
    def test_acronym_heading_a_long_title(self):
        """ "EPA Assistant Administrator for Enforcement and Compliance
        Assurance Susan Bodine: "…"" speaks for EPA."""
        assert spoke_for(
            "Reactions to the settlement:\n\n"
            "FDA Assistant Administrator for Air and Radiation Policy Ann Marsh: "
            "\u201cThis is a terrific settlement.\u201d"
        ) == [("Ann Marsh", "FDA")]

    def test_acronym_with_a_region_number(self):
        assert spoke_for(
            "FDA Region 5 Administrator Ann Marsh: \u201cIt is a big step.\u201d"
        ) == [("Ann Marsh", "FDA")]


class TestOfThe:
    def test_of_the_organisation_after_the_name(self):
        """ "Assistant Attorney General Jeffrey Bossert Clark of the Justice
        Department's …: "…""."""
        assert spoke_for(
            "Assistant Attorney General Ann Marsh of the Justice Department: "
            "\u201cThis agreement marks a milestone.\u201d"
        ) == [("Ann Marsh", "Justice Department")]


class TestGovernmentOfTheParagraph:
    def test_in_country(self):
        """ "In Australia, … Foreign affairs minister Alexander Downer told …"."""
        assert spoke_for(
            "In Kenya, two officials face an inquiry. Foreign affairs minister "
            "Ann Marsh told the inquiry that it was not her job."
        ) == [("Ann Marsh", "Kenya")]

    def test_demonym_administration(self):
        assert spoke_for(
            "Days after the Iranian administration announced the plan, President "
            "Ann Marsh said that the plan is final."
        ) == [("Ann Marsh", "Iran")]

    def test_no_government_named(self):
        """A country merely mentioned names no government for a president."""
        assert spoke_for(
            "Regarding Iran, President Ann Marsh said that talks are possible."
        ) == [("Ann Marsh", None)]


class TestOfficersOfTheCourts:
    def test_a_nationality_with_prosecutor_names_the_state(self):
        """A prosecutor charges in the state's name: "Senior Kenyan
        prosecutor" speaks for Kenya, and the bare surname and "Prosecutor
        Roe" later keep it."""
        assert (
            spoke_for(
                "Senior Kenyan prosecutor Jo Roe says the five men lied to the court."
                "\n\nRoe says the men spied for years after the war.\n\n"
                "Prosecutor Roe says the men fled to the north."
            )
            == [("Jo Roe", "Kenya")] * 3
        )

    def test_prosecutor_in_a_role_after_the_name(self):
        assert spoke_for(
            "Jo Roe, a Kenyan prosecutor, says the five men lied to the court."
        ) == [("Jo Roe", "Kenya")]
