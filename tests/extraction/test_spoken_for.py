"""Whom a speaker speaks for, in shapes of U.S. federal releases and agency
copy the rules were not first written against: a role after the name with
an article ("a NASA spokesman"), a body owned by an acronym the rules did
not name ("director of NASA's Ames Research Center"), titles after a dotted
abbreviation, "of X" after a name, and the state a role names."""

from __future__ import annotations

from articles.extraction.engine import Gazetteer, extract


def spoke_for(text):
    x = extract(text)
    return [
        (
            x.person(q.speaker).name if q.speaker else q.source_description,
            x.organisation(q.organisation).name if q.organisation else None,
        )
        for q in x.quotes
    ]


class TestRoleAfterTheName:
    def test_body_heading_a_role_with_an_article(self):
        """ "X, a State Department spokesman" speaks for the department, as
        "X, the State Department spokesman" does."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, a Harbour Board spokeswoman.'
        ) == [("Ann Marsh", "Harbour Board")]

    def test_acronym_heading_a_role_with_an_article(self):
        assert spoke_for('"We are ready," said Ann Marsh, an FDA economist.') == [
            ("Ann Marsh", "FDA")
        ]

    def test_degree_between_the_name_and_the_role(self):
        """ "Steve Murawski, Ph.D., acting chairman of the NOAA Research
        Council": a degree in its own commas does not end the role."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, Ph.D., acting chair of the Halden '
            "Harbour Board, which runs the port."
        ) == [("Ann Marsh", "Halden Harbour Board")]
        assert spoke_for(
            '"We are ready," said Jo Roe, Jr., a Harbour Board spokesman.'
        ) == [("Jo Roe", "Harbour Board")]

    def test_official_with_a_body(self):
        """ "an official with the World Bank" speaks for the bank."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, an official with the Harbour Board.'
        ) == [("Ann Marsh", "Harbour Board")]

    def test_body_owned_by_an_unnamed_acronym(self):
        """ "director of NASA's Goddard Space Flight Center": the centre,
        though the acronym before it is named nowhere else."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, director of ORBA\'s Halden Research '
            "Center."
        ) == [("Ann Marsh", "Halden Research Center")]

    def test_portfolio_after_for_in_a_body_s_title(self):
        """ "Scott Horowitz, NASA associate administrator for Exploration
        Systems": what the title is for is a portfolio of the body heading
        it."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, ORBA associate administrator for '
            "Exploration Systems."
        ) == [("Ann Marsh", "ORBA")]

    def test_rank_before_and_dotted_title_after(self):
        """ "Ambassador Nicholas Burns, U.S. Undersecretary of State for
        Political Affairs, spoke …": the rank names no body, the title after
        the name does, its abbreviation's stops ending no role."""
        assert spoke_for(
            "Ambassador Ann Marsh, U.S. Undersecretary of State for Political "
            'Affairs, spoke today.\n\nAmbassador Marsh said, "We are ready."'
        ) == [("Ann Marsh", "U.S. Department of State")]

    def test_second_title_shares_the_owner(self):
        """ "Afghanistan's President Ashraf Ghani and Chief Executive Officer
        Abdullah Abdullah": the second titled name shares the owner."""
        assert spoke_for(
            "Kenya's President Ann Marsh and Chief Executive Officer Bob Stone "
            "spoke.\n\nStone said the talks had failed."
        ) == [("Bob Stone", "Kenya")]


class TestTitleAfterAnAbbreviation:
    def test_hyphenated_title_after_a_dotted_acronym(self):
        """ "said U.N. Secretary-General Kofi Annan": the abbreviation's full
        stop ends no sentence, and the body heads the title."""
        assert spoke_for(
            '"Peace is possible," said U.N. Secretary-General Ann Marsh.'
        ) == [("Ann Marsh", "U.N.")]


class TestOfABody:
    def test_acronym_after_of(self):
        """ "said Allard Beutel of NASA": the acronym after "of" is a body."""
        assert spoke_for('"We are ready," said Ann Marsh of ORBA.') == [
            ("Ann Marsh", "ORBA")
        ]

    def test_place_after_of_is_no_body(self):
        """ "Jo Roe of Springfield" names where she lives, not whom she
        speaks for."""
        assert spoke_for('"We are ready," said Ann Marsh of Springfield.') == [
            ("Ann Marsh", None)
        ]

    def test_body_after_a_role_and_of(self):
        """ "chief executive of General Motors", "the head of Oxfam": the
        capitalised words after a role and "of" are a body."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, chief executive of Halden Motors.'
        ) == [("Ann Marsh", "Halden Motors")]

    def test_titled_name_of_a_country_before_the_verb(self):
        """ "Prime Minister John Howard of Australia said …" is one run of
        capitals: a titled person, and the country she is of."""
        assert spoke_for(
            "Prime Minister Ann Marsh of Kenya said the troops would stay."
        ) == [("Ann Marsh", "Kenya")]

    def test_titled_name_of_a_named_body_before_the_verb(self):
        """ "Chair Brian Sohn of First Solar announced that his company …":
        the words after "of" are his company, not another speaker; a
        senator "of" somewhere is of a place."""
        assert spoke_for(
            "Chair Ann Marsh of Halden Solar announced that her company would "
            "build a plant."
        ) == [("Ann Marsh", "Halden Solar")]
        assert spoke_for(
            "Senator Ann Marsh of New Halden said the plant would be built."
        ) == [("Ann Marsh", None)]

    def test_name_of_an_acronym_before_the_verb(self):
        assert spoke_for("Ann Marsh of ORBA said the launch was on time.") == [
            ("Ann Marsh", "ORBA")
        ]


class TestStateInARole:
    def test_demonym_role_after_the_name(self):
        """ "Sergei Lavrov, the Russian foreign minister" speaks for Russia,
        as "Russian Foreign Minister Sergei Lavrov" does."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, the Kenyan foreign minister.'
        ) == [("Ann Marsh", "Kenya")]

    def test_office_of_a_country_after_the_name(self):
        """ "X, the president of Iran"; "Britain" is the United Kingdom."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, prime minister of Britain.'
        ) == [("Ann Marsh", "United Kingdom")]

    def test_office_of_a_country_before_the_name(self):
        """ "said the president of Iran, Mahmoud Ahmadinejad": the name after
        the comma is the person, and the country the role is of hers."""
        assert spoke_for('"We are ready," said the president of Kenya, Ann Marsh.') == [
            ("Ann Marsh", "Kenya")
        ]

    def test_body_a_role_before_the_name_is_of(self):
        assert spoke_for(
            "The head of the Halden Relief Board, Ann Marsh, said the camps were full."
        ) == [("Ann Marsh", "Halden Relief Board")]

    def test_demonyms_beyond_the_first_list(self):
        """Agency copy's "Bolivian President", "Burmese opposition leader",
        "Sri Lankan President": the state from the shipped demonym list."""
        assert spoke_for(
            '"We are ready," said Bolivian President Ann Marsh. "We are set," '
            "said Sri Lankan President Jo Roe."
        ) == [("Ann Marsh", "Bolivia"), ("Jo Roe", "Sri Lanka")]

    def test_an_abbreviated_office_heads_the_role(self):
        """ "Hawaii Gov. Ann Marsh" is Hawaii's governor, as "Hawaii
        Governor Ann Marsh" is, and "Kenyan Amb." Kenya's envoy; a rank
        ("Navy Adm.") or a seat in a legislature ("Sen.") speaks for none."""
        assert spoke_for(
            '"We will rebuild," Hawaii Gov. Ann Marsh said. "We will talk," '
            'said Kenyan Amb. Jo Roe. "We will sail," Navy Adm. Ed Cole said. '
            '"We will vote," Hawaii Sen. Ola Mensah said.'
        ) == [
            ("Ann Marsh", "Hawaii"),
            ("Jo Roe", "Kenya"),
            ("Ed Cole", None),
            ("Ola Mensah", None),
        ]

    def test_a_dotted_country_before_a_lower_case_office(self):
        """ "U.S. envoy Ann Marsh" speaks for the United States, as "U.S.
        Ambassador" and "Kenyan envoy" do; a scientist holds no office."""
        assert spoke_for(
            '"We will talk," said U.S. envoy Ann Marsh.\n\nU.K. diplomat Jo Roe '
            'said: "We will wait." "We will dig," said U.S. scientist Ed Cole.'
        ) == [
            ("Ann Marsh", "United States"),
            ("Jo Roe", "United Kingdom"),
            ("Ed Cole", None),
        ]

    def test_a_state_s_spokesman_and_negotiator(self):
        """ "Israeli spokesman Jo Roe", "Kenyan negotiator Ann Marsh": a
        nationality with a spokesman's or a negotiator's office speaks for
        the state, as its official does; a company's spokesman does not."""
        assert spoke_for(
            '"We will talk," said Israeli spokesman Jo Roe. "We are close," '
            'said Kenyan negotiator Ann Marsh. "Sales rose," said Kenyan '
            "company spokesman Ed Cole."
        ) == [("Jo Roe", "Israel"), ("Ann Marsh", "Kenya"), ("Ed Cole", None)]

    def test_palestinian_officials_speak_for_the_palestinian_authority(self):
        """The Palestinians' government, which wire copy names as it names
        a state's, is the Palestinian Authority."""
        assert spoke_for('"We are close," said Palestinian negotiator Ann Marsh.') == [
            ("Ann Marsh", "Palestinian Authority")
        ]

    def test_a_region_between_the_body_and_a_regional_title(self):
        """ "EPA Pacific Southwest Regional Administrator Ann Marsh": the
        region is no word of the body's name; she speaks for EPA."""
        assert spoke_for(
            '"The grant helps," said EPA Pacific Southwest Regional '
            "Administrator Ann Marsh."
        ) == [("Ann Marsh", "EPA")]

    def test_a_region_opening_the_sentence_with_the_title(self):
        assert spoke_for(
            "EPA Pacific Southwest Regional Administrator Ann Marsh said the "
            "grant helps."
        ) == [("Ann Marsh", "EPA")]

    def test_a_plain_adjective_opening_a_title_is_no_body(self):
        """ "National police director Jo Roe": the capital is the
        sentence's; the adjective names no body called "National"."""
        assert spoke_for(
            "National police director Jo Roe said one letter was found."
        ) == [("Jo Roe", None)]


class TestCabinetTitles:
    def test_department_of_two_words_before_secretary(self):
        """ "Homeland Security Secretary" speaks for the department, not for
        a body called "Homeland Security"."""
        assert spoke_for(
            '"We are ready," said Homeland Security Secretary Ann Marsh.'
        ) == [("Ann Marsh", "U.S. Department of Homeland Security")]

    def test_title_naming_no_department(self):
        """ "Attorney General Eric Holder" heads the Justice Department."""
        assert spoke_for(
            '"We are ready," said Attorney General Ann Marsh. "We are set," '
            "said Jo Roe, the attorney general."
        ) == [
            ("Ann Marsh", "U.S. Department of Justice"),
            ("Jo Roe", "U.S. Department of Justice"),
        ]

    def test_a_state_s_attorney_general(self):
        assert spoke_for(
            '"We are ready," said Michigan Attorney General Ann Marsh.'
        ) == [("Ann Marsh", "Michigan")]

    def test_a_verb_before_the_title_is_the_sentence_s(self):
        """ "Acme's board presented Agriculture Secretary Jo Roe with a
        plan": "presented" is no word of her title, and the body before it
        is not whom she speaks for."""
        assert spoke_for(
            "Acme\u2019s Harbour Board today presented Agriculture Secretary "
            'Jo Roe with its plan.\n\n"Our forests are a treasure," said Roe.'
        ) == [("Jo Roe", "U.S. Department of Agriculture")]

    def test_a_department_s_title_in_the_sentence_before_is_another_s(self):
        """ "… thanked outgoing Defense Secretary Ann Marsh. Gen. Jo Roe told
        reporters …": the title ends its sentence; Jo Roe holds no
        department, nor does "thanked outgoing" belong to Ann Marsh's."""
        x = extract(
            "The minister thanked outgoing Defense Secretary Ann Marsh. Gen. Jo "
            "Roe told reporters the army is ready."
        )
        assert spoke_for(
            "The minister thanked outgoing Defense Secretary Ann Marsh. Gen. Jo "
            "Roe told reporters the army is ready."
        ) == [("Jo Roe", None)]
        assert x.person("ann-marsh").role == "outgoing Defense Secretary"

    def test_words_of_the_sentence_before_a_rank_are_no_title(self):
        """ "the first chance Navy Adm. Jo Roe … had": "first chance" is the
        sentence's; a title's own modifier ("former") stays in it."""
        x = extract(
            "The meeting was the first chance Navy Adm. Jo Roe and Kenyan Gen. "
            'Ed Poe have had to meet.\n\n"We talked," Roe said. "We agreed," '
            "said former Defense Secretary Ann Marsh."
        )
        assert "chance" not in x.person("jo-roe").role
        assert x.person("ann-marsh").role == "former Defense Secretary"

    def test_a_title_with_of_before_the_name(self):
        """ "Secretary of the Air Force Jo Roe", "Secretary of Energy Ed
        Poe": the title runs through "of" and "the" to the name, and names
        what its holder heads."""
        assert spoke_for(
            '"We are ready," said Secretary of the Air Force Jo Roe. "We are '
            'set," said Secretary of Energy Ed Poe.'
        ) == [("Jo Roe", "U.S. Air Force"), ("Ed Poe", "U.S. Department of Energy")]

    def test_a_title_naming_its_office_after_an_acronym_titled_name(self):
        """ "NASA Administrator Jo Roe and Secretary of the Air Force Ann
        Marsh": the second title names the office its holder heads; the
        acronym heading the first title is not hers."""
        assert spoke_for(
            "NASA Administrator Jo Roe and Secretary of the Air Force Ann Marsh "
            'signed a deal. "This is a great day," said Marsh.'
        ) == [("Ann Marsh", "U.S. Air Force")]

    def test_a_department_with_us_before_its_title(self):
        """ "U.S. Commerce Secretary Jo Roe" heads the Commerce Department,
        not a body called "U.S. Commerce"."""
        assert spoke_for(
            "U.S. Commerce Secretary Jo Roe met exporters today. "
            '"Trade is growing," Roe said.'
        ) == [("Jo Roe", "U.S. Department of Commerce")]

    def test_the_civilian_head_of_a_military_service(self):
        """ "Navy Secretary Jo Roe" heads the Navy, as "the Secretary of the
        Army" heads the Army; the rank of "Navy Adm. Ann Marsh" names no
        body spoken for."""
        assert spoke_for(
            '"We are ready," said Navy Secretary Jo Roe. "We are set," said '
            'Ed Poe, the Secretary of the Army. "We sail," said Navy Adm. Ann '
            "Marsh."
        ) == [("Jo Roe", "U.S. Navy"), ("Ed Poe", "U.S. Army"), ("Ann Marsh", None)]


class TestNamesWithParticles:
    def test_hyphenated_particle_in_a_surname(self):
        """ "Omar al-Bashir" is one name, and "al-Maliki" or "Maliki" later
        is the same person."""
        assert spoke_for(
            "Kenyan President Omar al-Rashid met the envoy on Monday.\n\n"
            '"We are ready," al-Rashid said. "We are set," Rashid said.'
        ) == [("Omar al-Rashid", "Kenya"), ("Omar al-Rashid", "Kenya")]

    def test_a_chain_of_particles_stays_in_the_surname(self):
        """ "Ann von der Marsh", "Ana de la Cruz": two lower-case particles
        before a surname keep the name whole, and "von der Marsh" or
        "Marsh" later is the same person."""
        assert spoke_for(
            "Harbour Board President Ann von der Marsh spoke on Monday.\n\n"
            '"We are ready," von der Marsh said. "We are set," Marsh said. '
            '"We sail," said Minister Ana de la Cruz.'
        ) == [
            ("Ann von der Marsh", "Harbour Board"),
            ("Ann von der Marsh", "Harbour Board"),
            ("Ana de la Cruz", None),
        ]


class TestBodyOwningAnUnnamedSource:
    def test_a_long_owned_role_keeps_the_whole_body(self):
        """ "The Halden Port Authority's emergencies program director": the
        description keeps the body's whole name, not its last words, and
        speaks for it."""
        assert spoke_for(
            "The Halden Port Authority's emergencies program director said "
            "the port will open."
        ) == [
            (
                "The Halden Port Authority's emergencies program director",
                "Halden Port Authority",
            )
        ]

    def test_an_acronym_between_the_body_and_the_role(self):
        """ "The Halden Port Authority's (HPA) chief scientist": the acronym
        in parentheses leaves the body in the description."""
        assert spoke_for(
            "The Halden Port Authority\u2019s (HPA) chief scientist said the "
            "port will open."
        ) == [
            (
                "The Halden Port Authority\u2019s (HPA) chief scientist",
                "Halden Port Authority",
            )
        ]


class TestBodyNamedBefore:
    def test_role_for_the_body_named_before(self):
        """ "a spokeswoman for the ministry" speaks for the ministry the story
        named, as "the ministry's spokeswoman" does."""
        assert spoke_for(
            "The Harbour Ministry issued a statement.\n\n"
            '"The plan is flawed," said Ann Marsh, a spokeswoman for the ministry.'
        ) == [("Ann Marsh", "Harbour Ministry")]

    def test_anaphor_names_the_kind_of_body(self):
        """Of the bodies named before, "the ministry" is the one called a
        ministry, though a company was named after it."""
        assert spoke_for(
            "The Harbour Ministry said Halden Shipping Corp. had won the "
            'contract.\n\n"The plan is flawed," said Ann Marsh, the ministry\'s '
            "spokeswoman."
        ) == [("Ann Marsh", "Harbour Ministry")]

    def test_abbreviated_company_before_the_company_s(self):
        """ "Acme Corp." is a company, which "the company's" points back at."""
        assert spoke_for(
            "Halden Corp. said on Monday that sales rose.\n\n"
            '"Sales are up," said Ann Marsh, the company\'s chief executive.'
        ) == [("Ann Marsh", "Halden Corp")]


class TestMoreRoleShapes:
    def test_occupation_as_a_role(self):
        """ "an astronomer at the Space Telescope Science Institute": more
        occupations than officials' titles head a role."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, an astronomer at the Halden '
            "Science Institute in Baltimore."
        ) == [("Ann Marsh", "Halden Science Institute")]

    def test_dotted_country_in_a_role_after_the_name(self):
        """ "X, a senior U.S. official", "X, the U.S. ambassador to Iraq":
        the abbreviation's stops end no role, and the state is spoken for."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, the U.S. ambassador to Kenya.'
        ) == [("Ann Marsh", "United States")]

    def test_demonym_title_sent_somewhere(self):
        assert spoke_for(
            '"We are ready," said Ann Marsh, the Kenyan ambassador to the United '
            "Nations."
        ) == [("Ann Marsh", "Kenya")]

    def test_who_heads_a_body(self):
        assert spoke_for(
            '"We are ready," said Ann Marsh, who heads the Halden Relief Board.'
        ) == [("Ann Marsh", "Halden Relief Board")]

    def test_who_leads_an_unnamed_part_of_a_named_body(self):
        """ "who leads a brigade of the 7th Mountain Division": the part is
        not named, the body it belongs to is."""
        assert spoke_for(
            '"We are ready," said Col. Ann Marsh, who leads a brigade of the 7th '
            "Mountain Division."
        ) == [("Ann Marsh", "7th Mountain Division")]

    def test_an_acronym_before_lower_case_trades_after_said(self):
        """'," said USGS wildlife biologist and herpetologist Jo Roe': the
        acronym opens her title, words in lower case and all."""
        assert spoke_for(
            '"They strike," said USGS wildlife biologist and herpetologist Jo '
            "Roe, the lead author of the study."
        ) == [("Jo Roe", "USGS")]

    def test_capitalised_title_of_a_body(self):
        """ "X, Acting Administrator of the EPA": a capitalised title's "of"."""
        assert spoke_for(
            '"We are ready," said Ann Marsh, Acting Administrator of the FDA.'
        ) == [("Ann Marsh", "FDA")]


class TestHeadOfStateInFederalCopy:
    def test_bare_president_in_copy_about_the_us_government(self):
        """ "President Bush said" in a release naming the White House or
        "U.S.": heads of state speak for their state."""
        assert spoke_for(
            '"We are ready," said President Ann Marsh at the White House.'
        ) == [("Ann Marsh", "United States")]

    def test_bare_president_with_no_government_named(self):
        assert spoke_for('"We are ready," said President Ann Marsh.') == [
            ("Ann Marsh", None)
        ]

    def test_bare_president_in_copy_set_in_the_us(self):
        """ "President Barack Obama … at Joint Base Andrews, Md.": a venue
        written with a U.S. state's abbreviation sets the copy in the United
        States, whose head of state the bare "President" is."""
        assert spoke_for(
            '"We are ready," said President Ann Marsh at Fort Halden, Md.'
        ) == [("Ann Marsh", "United States")]

    def test_bare_president_speaking_of_americans(self):
        assert spoke_for(
            '"We are ready," President Ann Marsh told ordinary Americans.'
        ) == [("Ann Marsh", "United States")]

    def test_a_place_with_no_state_abbreviation_sets_nothing(self):
        assert spoke_for(
            '"We are ready," said President Ann Marsh at Fort Halden, Mdina.'
        ) == [("Ann Marsh", None)]

    def test_government_of_the_paragraph_comes_first(self):
        assert spoke_for(
            "In Kenya, the vote was close. \u201cWe are ready,\u201d said President "
            "Ann Marsh, a day after U.S. envoys left."
        ) == [("Ann Marsh", "Kenya")]


class TestCommandedForces:
    def test_commander_of_forces_after_the_name(self):
        """ "X, the commander of coalition forces in northern Iraq, says": the
        forces commanded, named in lower case."""
        assert spoke_for(
            "Ann Marsh, the commander of peacekeeping troops in Ruritania, said "
            "the border was quiet."
        ) == [("Ann Marsh", "peacekeeping troops in Ruritania")]

    def test_rank_before_and_command_after_the_name(self):
        """ "General Thomas Turner, the commander of …": the rank names no
        body, so the role after the name is asked."""
        assert spoke_for(
            "General Ann Marsh, the commander of coalition forces in northern "
            "Ruritania, says the attacks have fallen."
        ) == [("Ann Marsh", "coalition forces in northern Ruritania")]

    def test_commander_of_no_forces(self):
        assert spoke_for(
            "General Ann Marsh, the commander of the forces, says the attacks "
            "have fallen."
        ) == [("Ann Marsh", None)]


STATES = Gazetteer(
    organisations=[
        {"name": "Canada", "kind": "state", "aliases": ["Ottawa"]},
    ]
)


def spoke_for_known(text):
    x = extract(text, STATES)
    return [
        (
            x.person(q.speaker).name,
            x.organisation(q.organisation).name if q.organisation else None,
        )
        for q in x.quotes
    ]


class TestStateInsideABodyName:
    def test_capital_opening_a_body_s_name(self):
        """ "Yaw Mensah, a researcher at the Accra Policy Institute": the
        registry's capital of a state opens the institute's name."""
        assert spoke_for_known(
            '"It is late," said Ann Marsh, a researcher at the Ottawa Policy Institute.'
        ) == [("Ann Marsh", "Ottawa Policy Institute")]

    def test_state_ending_a_body_s_name(self):
        """ "Pierre Gagnon, the group's president" of "The Dairy Farmers of
        Canada" named before."""
        assert spoke_for_known(
            "The Dairy Farmers of Canada said it would study the text.\n\n"
            '"It is late," said Ann Marsh, the group\'s president.'
        ) == [("Ann Marsh", "Dairy Farmers of Canada")]

    def test_title_of_the_state(self):
        assert spoke_for_known(
            '"It is late," said the Prime Minister of Canada, Ann Marsh.'
        ) == [("Ann Marsh", "Canada")]


class TestDottedAcronymsAndSources:
    def test_dotted_acronym_in_an_aside_before_the_verb(self):
        """'"…," Ann Marsh, head of the U.N. refugee agency, said': the
        acronym's last stop is no initial's and leaves the aside clean."""
        assert spoke_for(
            '"It is safe," Ann Marsh, head of the U.N. refugee agency, said.'
        ) == [("Ann Marsh", "U.N.")]

    def test_dotted_acronym_in_a_source_s_tail(self):
        """ "a spokesman for the U.S. Embassy said"."""
        assert spoke_for('"It is safe," a spokesman for the U.S. Embassy said.') == [
            ("a spokesman for the U.S. Embassy", "U.S. Embassy")
        ]

    def test_dotted_acronym_in_a_source(self):
        assert spoke_for('"It is safe," a U.N. spokesman said.') == [
            ("a U.N. spokesman", "U.N.")
        ]

    def test_acronym_after_the_is_a_body(self):
        """ "The EPA released …": the body "the agency" points back at."""
        assert spoke_for(
            'The FDA released the data on Monday. "It is safe," a spokeswoman for '
            "the agency said."
        ) == [("a spokeswoman for the agency", "FDA")]

    def test_spokesman_for_a_person_speaks(self):
        """ "said a spokesman for Secretary-General Ban Ki-moon": not Ban."""
        x = extract('"It is safe," said a spokeswoman for Foreign Minister Ann Marsh.')
        assert x.quotes[0].speaker is None
        assert x.quotes[0].source_description == "a spokeswoman"

    def test_title_before_a_name_is_no_source(self):
        """ "said U.S. Trade Representative Susan C. Schwab": the title is
        hers, not an unnamed representative's."""
        x = extract('"Trade helps," said U.S. Trade Representative Ann B. Marsh.')
        assert x.person(x.quotes[0].speaker).name == "Ann B. Marsh"


class TestFreshWireShapes:
    def test_rear_admiral_after_a_body_s_title(self):
        """ "Pentagon Press Secretary Navy Rear Adm. John Kirby said": the
        rank's "Rear" keeps the title whole back to the body."""
        assert spoke_for(
            "Five troops were hurt, Harbour Board Press Secretary Navy Rear Adm. "
            "Ann Marsh said today."
        ) == [("Ann Marsh", "Harbour Board")]

    def test_us_cabinet_title_after_us(self):
        """ "U.S. Defense Secretary Jim Mattis" speaks for the department."""
        assert spoke_for(
            "U.S. Defense Secretary Ann Marsh said the plan would go ahead."
        ) == [("Ann Marsh", "U.S. Department of Defense")]

    def test_titled_person_s_aide_speaks_for_no_body(self):
        """ "President Donald Trump's budget director says …": the owner is a
        titled person, not an organisation."""
        assert spoke_for("President Ann Marsh's budget director said it was fair.") == [
            ("President Ann Marsh's budget director", None)
        ]

    def test_adjective_opening_a_group_names_no_body(self):
        """ "Regional officials say …": the capitalised adjective opening the
        sentence is no organisation."""
        assert spoke_for("Regional officials say the talks will resume.") == [
            ("Regional officials", None)
        ]

    def test_country_s_source(self):
        """ "Russia's U.N. envoy said …" speaks for Russia, not the U.N."""
        assert spoke_for("Kenya's U.N. envoy said the issue was closed.") == [
            ("Kenya's U.N. envoy", "Kenya")
        ]

    def test_role_in_a_sentence_of_its_own(self):
        """ "Stufflebeem is the Joint Staff's deputy director of operations"
        gives the organisation the rank before his name did not."""
        assert spoke_for(
            '"We will not say," Rear Adm. Ann Marsh said.\n\n'
            "Marsh is the Harbour Board's deputy director of operations."
        ) == [("Ann Marsh", "Harbour Board")]

    def test_role_in_a_sentence_of_its_own_after_an_adverb(self):
        """ "Roe currently is commander of the Harbour Command": the adverb
        before the copula leaves the role his."""
        assert spoke_for(
            '"We will not say," Rear Adm. Ann Marsh said.\n\n'
            "Marsh currently is commander of the Harbour Command."
        ) == [("Ann Marsh", "Harbour Command")]


class TestNameEdges:
    def test_day_after_a_name_is_not_in_it(self):
        """ "Mr. Obama Thursday denied that …"."""
        x = extract(
            "Senator Ann Marsh spoke at the base.\n\nMs. Marsh Thursday denied that "
            "the payment was a ransom."
        )
        assert [x.person(q.speaker).name for q in x.quotes] == ["Ann Marsh"]

    def test_country_before_a_name_is_not_in_it(self):
        """ "U.N. special envoy for Syria Staffan de Mistura says …"."""
        x = extract(
            "Halden special envoy for Syria Ann de Marsh says the plan was not "
            "discussed."
        )
        assert x.person(x.quotes[0].speaker).name == "Ann de Marsh"


class TestTradeBeforeACompany:
    def test_trade_noun_before_a_company(self):
        """ "Norwegian drugmaker Solberg Pharma": the trade before the name
        makes it a company's."""
        x = extract(
            "Danish drugmaker Halden Biotek will build a plant near Accra, the "
            "company said on Monday."
        )
        assert [o.name for o in x.organisations] == ["Halden Biotek"]

    def test_person_noun_before_a_name(self):
        """ "filmmaker Ann Marsh" names a person, not a company."""
        x = extract("Award-winning filmmaker Ann Marsh said the film was done.")
        assert [p.name for p in x.people] == ["Ann Marsh"]
        assert x.organisations == []

    def test_trade_ending_a_company_s_name(self):
        """ "Ann Marsh of Halden Pharmaceuticals said": the trade the name
        ends in makes it a company's, which she speaks for."""
        assert spoke_for(
            '"Sales are up," said Ann Marsh of Halden Pharmaceuticals.'
        ) == [("Ann Marsh", "Halden Pharmaceuticals")]


class TestBareCorporateTitle:
    def test_bare_title_speaks_for_the_company_named_before(self):
        """ "Chief executive Ingrid Solheim told Reuters": a company officer's
        title with no company speaks for the body named just before."""
        assert spoke_for(
            "Halden Corp. said on Monday that sales rose.\n\n"
            "Chief executive Ann Marsh said the site would open in 2027."
        ) == [("Ann Marsh", "Halden Corp")]

    def test_outlet_named_after_the_company_is_passed_over(self):
        assert spoke_for(
            "Halden Corp. said on Monday that sales rose, Reuters reported.\n\n"
            "Chairman Ann Marsh said the site would open in 2027."
        ) == [("Ann Marsh", "Halden Corp")]

    def test_state_is_no_company(self):
        """A country named before is no company for a chief executive."""
        assert spoke_for(
            "The United States said it would fund a new plant.\n\n"
            "Chief executive Ann Marsh said the site would open in 2027."
        ) == [("Ann Marsh", None)]

    def test_registry_outlet_or_state_is_no_company(self):
        """An outlet or a state the registry knows, named after the company,
        is passed over."""
        known = Gazetteer(
            organisations=[
                {"name": "Halden Courier", "kind": "media_outlet"},
                {"name": "Ostland", "kind": "state"},
                {"name": "Halden Corp", "kind": "company"},
            ]
        )
        for text in (
            "Halden Corp will build a plant, the Halden Courier reported.",
            "Halden Corp will build a plant in Ostland.",
        ):
            x = extract(
                text + "\n\nChief executive Ann Marsh said the site would open.",
                known,
            )
            assert [q.organisation for q in x.quotes] == ["halden-corp"], text


class TestBodyLeftForAnother:
    def test_body_a_move_was_from(self):
        """ "has joined Porto Azul from Santos Mar": what one left for a body
        the story names is a body too."""
        x = extract(
            "Forward Ann Marsh has joined Halden FC from Ostvik Rovers for a "
            "record fee."
        )
        assert [o.name for o in x.organisations] == ["Halden FC", "Ostvik Rovers"]

    def test_name_read_as_a_body_is_one_where_else_it_stands(self):
        """A name read as an organisation's once is one later with no
        context of its own ("when Santos Mar demanded")."""
        x = extract(
            "Danish drugmaker Halden Biotek will build a plant.\n\n"
            "Halden Biotek demanded a larger share."
        )
        assert [len(o.mentions) for o in x.organisations] == [2]

    def test_name_read_as_a_body_is_no_body_where_it_is_a_place(self):
        """ "New York Governor Kathy Hochul" reads New York as a body, "in
        Troy, New York" as a place."""
        text = (
            "Halden Lakes Governor Ann Marsh opened the plant.\n\nThe plant "
            "stands in Ostby, Halden Lakes, near the river. Halden Lakes "
            "expects more."
        )
        x = extract(text)
        last = text.rindex("Halden Lakes")
        assert [o.mentions for o in x.organisations] == [[[0, 12], [last, last + 12]]]

    def test_club_president_speaks_for_the_body_named_just_before(self):
        assert set(
            spoke_for(
                "Forward Ann Marsh has joined Halden FC from Ostvik Rovers.\n\n"
                "The deal was nearly derailed when Ostvik Rovers demanded more. "
                "According to club president Jo Roe, the sides settled on "
                '"a fair price".'
            )
        ) == {("Jo Roe", "Ostvik Rovers")}

    def test_place_a_move_was_from_is_no_body(self):
        x = extract("Forward Ann Marsh has joined Halden FC from London.")
        assert [o.name for o in x.organisations] == ["Halden FC"]

    def test_body_a_move_was_from_after_an_abbreviated_company(self):
        x = extract("Ann Marsh moved to Halden Corp. from Ostvik Rovers in May.")
        assert [o.name for o in x.organisations] == ["Halden Corp", "Ostvik Rovers"]


class TestProgrammeOfABody:
    def test_programme_word_between_an_acronym_and_a_role(self):
        """ "The ESA Program manager for the International Space Station
        said": the manager speaks for the agency, not for an "ESA Program"."""
        assert spoke_for(
            'The HSA Program manager for the station said that "the team is ready."'
        ) == [("The HSA Program manager for the station", "HSA")]


class TestBodyOfListedPortfolios:
    def test_portfolios_listed_before_a_title_name_a_body(self):
        """ "Michigan Environment, Great Lakes & Energy Director Liesl
        Clark:": the listed portfolios are the body her title heads."""
        x = extract(
            'Halden Parks, Lakes & Energy Director Ann Marsh: "This settlement '
            'is progress."'
        )
        assert [p.name for p in x.people] == ["Ann Marsh"]
        assert spoke_for(
            'Halden Parks, Lakes & Energy Director Ann Marsh: "This settlement '
            'is progress."'
        ) == [("Ann Marsh", "Halden Parks, Lakes & Energy")]

    def test_minister_of_listed_portfolios_is_left_to_the_state_rules(self):
        x = extract(
            "Halden Trade, Industry & Development Minister Ann Marsh said that "
            "the deal was done."
        )
        assert "Halden Trade, Industry & Development" not in [
            o.name for o in x.organisations
        ]
