"""Word lists the extraction rules lean on: reporting verbs, the nouns that
describe a person's role, the words that mark an organisation, and the
capitalised words that begin sentences without being names.

They are deliberately short and English-only; an editor who finds a missing
word adds it here, next to its neighbours.
"""

from __future__ import annotations

import re

from .federal import (  # noqa: F401 (the rules read them here)
    CABINET_DEPARTMENTS,
    CABINET_TITLES,
    NATIONAL_OFFICES,
    US_GOVERNMENT_MARKERS,
    US_SETTING_RE,
    US_STATE_ABBREVIATIONS,
)
from .groups import (  # noqa: F401 (the rules read them here)
    AGENTS,
    OFFICE_NOUNS,
    PLURAL_SOURCE_NOUNS,
    SINGULAR_SOURCE_NOUNS,
    SOURCE_NOUNS,
)
from .places import (  # noqa: F401 (the rules read them here)
    CAPITALS,
    COUNTRIES,
    COUNTRY_DEMONYMS,
    COUNTRY_NAMES,
    DEMONYMS,
    MORE_COUNTRIES,
    REGIONS,
)

# Reporting verbs that carry reported speech ("said that …", "told TASS …").
SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds stressed stresses noted notes warned warns
    warning argued argues claimed claims insisted insists explained explains
    announced announces suggested suggests mentioned mentions admitted admits
    acknowledged acknowledges confirmed confirms denied denies believes believed
    believe thinks thought reckons reckoned wrote writes predicted predicts
    estimated estimates maintained maintains recalled recalls conceded concedes
    emphasised emphasises emphasized emphasizes stated states declared declares
    asserted asserts observed observes revealed reveals promised promises vowed
    vows cautioned cautions complained complains replied replies responded
    responds commented comments remarked remarks hinted hints indicated
    indicates disclosed discloses urged urges
    agreed agrees saying adding noting stressing explaining insisting arguing
    tell telling
    reported reports report alleged alleges
    reiterated reiterates pledged pledges testified testifies tweeted tweets
    posted contended contends countered lamented laments
    asked asks shouted exclaimed quipped joked wondered
    signaled signalled signals forecast speculated affirmed recounted charged
    assured assures reminded informed accused accuses
    criticized criticizes criticised criticises
    """.split()
) | frozenset(
    # Phrases that report a clause as a verb does ("pointed out that …",
    # "expressed confidence that …").
    (
        "pointed out|points out|pointing out|made clear|made it clear|makes clear"
        "|expressed confidence|expressed hope|expressed concern|voiced concern"
        "|voiced confidence|went on to say"
    ).split("|")
)

# Verbs that attribute quoted words only ('"Why should we pay?" she asked',
# '"Enough!" he shouted'): after them, the words are a question, a request
# or an object ("asked him to leave", "asked that the vote be put off").
DIRECT_ONLY_VERBS = frozenset("asked asks shouted exclaimed wondered".split())

# Verbs that attribute nothing in the passive ("Ahmadinejad is reported to
# have commented", "a helicopter that was reported shot down", "was told
# that …": the subject was spoken to).
PASSIVE_NOT_CUES = frozenset(
    # "was assured that …", "was charged with …": someone else spoke.
    "reported charged assured reminded informed told asked accused criticized"
    " criticised".split()
)

# Present participles that continue an attribution ("…, Little said, noting
# that …"); their speaker is the sentence's.
PARTICIPLE_CUES = frozenset(
    """
    saying adding noting stressing explaining insisting arguing warning telling
    """.split()
) | frozenset(["pointing out"])

# Verbs after which a warning's object, not a clause, is reported: the
# reference story's "had been warning the US and Europe of …".
WARNING_VERBS = frozenset("warned warns warning cautioned cautions".split())

# Verbs of accusing and criticising: what is reported is whom they accuse
# of, or criticise for, what act, the verb kept as a warning's is ("accused
# his deputy of plotting a coup", "criticizes the government for pushing
# through reforms", docs/annotation.md); "accused him of fraud" names no act.
ACCUSING_VERBS = frozenset(
    "accused accuses criticized criticizes criticised criticises".split()
)

# Verbs whose words after them, without "that", are mostly an object ("announced
# his endorsement", "emphasized the benefits", "reiterated its support",
# "pledged $5 million", "posted a video"): read as reported speech only after
# "that" or when a pronoun opens a clause.
OBJECT_VERBS = frozenset(
    """
    announced announces emphasized emphasised emphasizes emphasises
    reiterated reiterates pledged pledges tweeted tweets posted
    signaled signalled signals forecast recounted charged affirmed urged urges
    """.split()
) | frozenset(
    # "pointed out the flaws", "made clear his opposition".
    "pointed out|points out|made clear|made it clear|makes clear".split("|")
)
# Words a clause after such a verb may open with ("announced it will …").
CLAUSE_SUBJECTS = frozenset("it he she they we I there".split())

# Verbs that name an addressee before the reported words ("told TASS that …").
ADDRESS_VERBS = frozenset(
    "told tells tell telling assured assures reminded informed".split()
)

# Verbs that only ever attribute quoted words ("calling Russia a "major space
# power"", "described as "long but honest"").
# "a group called "Unity," or "one heart"": the name a body or a thing is
# known by, and a gloss of it after "or", right after the noun and
# "called" / "known as" (not "what the minister called "a sham"", a
# person's words: the noun must name a body or a thing).
NAMED_THING_RE = re.compile(
    r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z-]+)\s+"
    r"(?:called|known\s+as)\s+(?:[\"\u201c][^\"\u201c\u201d]{1,60}[\"\u201d],?\s+or\s+)?$"
)

LABEL_VERBS = frozenset(
    """
    call calls called calling describe describes described describing
    branded branding labelled labeling labelled termed
    exhort exhorts exhorted exhorting
    """.split()
)

# Words that open a topic, not a proposition, after "told X" ("told
# conferees how …", "told them about …").
TOPIC_WORDS = frozenset("how what why whether when where about".split())

# Auxiliaries and common finite verbs that show a clause ("told reporters the
# talks will resume").
FINITE_VERBS = frozenset(
    """
    is are was were will would can could should shall may might must has have
    had do does did remains remained needs needed cannot
    went came saw took gave knew began became grew fell rose ran
    """.split()
)

# Verbs that introduce a name or a title rather than someone's words.
NAMING_WORDS = frozenset(
    "dubbed nicknamed titled entitled named so-called branded".split()
)

# Nouns that, right before or after quotation marks, make the quoted words a
# title or a label ("the book "War and Peace"", "the "Artemis" mission").
TITLE_NOUNS = frozenset(
    """
    book novel film movie documentary album song series opera poem
    article column report mission operation programme program project initiative
    campaign plan scheme strategy decision resolution clause bill law act policy
    doctrine slogan motto hashtag word term phrase label brand nickname name
    summit conference festival exercise vessel ship spacecraft rocket satellite
    case ruling judgment treaty agreement deal pact accord protocol tax levy
    """.split()
)

# The last word of a description of a person ("Russian cosmonaut",
# "chief economist", "Director General").
ROLE_HEADS = frozenset(
    """
    ambassador minister director general president chairman chairwoman chair
    chairperson spokesperson spokesman spokeswoman cosmonaut astronaut coach
    manager forward striker midfielder defender goalkeeper winger captain player
    legend agent lawyer attorney judge justice prosecutor economist analyst
    negotiator commissioner secretary chief head leader official officer
    executive ceo founder governor mayor senator envoy diplomat counterpart
    scientist researcher professor representative delegate adviser advisor
    chancellor premier king queen prince princess colonel commander editor
    correspondent reporter journalist author activist campaigner consultant
    engineer doctor deputy owner inspector strategist partner pilot
    administrator superintendent undersecretary commander general comptroller
    secretary-general director-general vice-president spokesperson
    astronomer physicist chemist biologist geologist ecologist epidemiologist
    meteorologist climatologist oceanographer investigator historian lecturer
    teacher fellow curator specialist technician coordinator planner
    architect physician surgeon nurse veterinarian pharmacist psychologist
    sociologist statistician programmer trustee treasurer registrar dean
    provost rector principal ombudsman auditor regulator marshal sheriff politician
    major lieutenant sergeant admiral corporal
    """.split()
)

# Capitalised words that belong to a title written before a name
# ("Chief Justice", "Canadian Trade Minister", "Director General"; for
# portfolios, titles only before a minister's head, see PORTFOLIO_WORDS).
TITLE_WORDS = frozenset(
    """
    Minister Prime Foreign Trade Finance Defence Defense Interior Justice Chief
    Deputy Vice President Director General Secretary Ambassador Judge Senator
    Governor Mayor Chancellor Commissioner Coach Lawyer Professor Dr Mr Mrs Ms
    Miss Sir Dame Lord Lady King Queen Prince Princess Executive Officer
    Chairman Chairwoman Representative Industry Health Energy Environment
    Economy Transport Education Home State Attorney Lieutenant Colonel Captain
    Commander Admiral Sheikh Pope Cardinal Archbishop Bishop Rev Speaker Senior
    Labour Labor Agriculture Culture Sports Climate Development Digital
    Spokesperson Spokesman Spokeswoman Economist Analyst Negotiator Manager
    Cosmonaut Astronaut Striker Midfielder Defender Goalkeeper Forward Envoy
    Administrator Sen Rep Gov Prof Gen Lt Col Sgt Capt Adm Maj Supt Insp
    Spc Pfc Cpl Pvt Brig Cmdr Cdr Ens Amb Army Navy Marine Air Force Corps
    Undersecretary Under Assistant Acting Associate Principal Inspector
    Superintendent Premier Emir Sultan Crown Gov Congressman Congresswoman
    Councillor Councilman Councilwoman Assemblyman Assemblywoman Delegate
    Member Class Rear Commanding Commandant Seaman Airman Specialist Agent
    """.split()
) | frozenset(
    # Ranks written out in full, titles as their abbreviations are ("Maj.
    # Gen.", "Brig."): "Major General Jo Roe", "Brigadier Jo Roe".
    "Major Brigadier Sergeant Corporal Ensign Lieutenant Private".split()
)

# The portfolios a minister's title names ("Welfare Minister Jo Roe",
# "Foreign Affairs Minister", "Housing Secretary"): title words only before
# a minister's head in the same run, as they are a body's words elsewhere
# ("the Harlow Youth Orchestra", "Harlow Water"). Not those often inside a
# body's name ("Space Science Enterprise", "Immigration and Customs
# Enforcement"), nor those mostly after a word that would be left as a body
# ("Public Works", "Natural Resources", "Civil Aviation"), nor "Commerce",
# which a U.S. department's title already reads.
PORTFOLIO_WORDS = frozenset(
    """
    Information Communications Tourism Fisheries Mines Housing Youth Welfare
    Social Affairs Planning Water Lands Forestry Petroleum Mining Employment
    Heritage Arts Infrastructure Investment Irrigation Railways
    Telecommunications External Relations
    """.split()
)
# The heads of a title a portfolio opens.
PORTFOLIO_HEADS = frozenset("Minister Ministry Secretary".split())

# The words of an armed service's name, titles before a rank ("Air Force
# Lt. Gen.", "Army Spc.") but no rank of their own.
SERVICE_WORDS = frozenset("Army Navy Marine Air Force Corps".split())

GENDERED = {
    "Mr": "m",
    "Sir": "m",
    "Lord": "m",
    "King": "m",
    "Prince": "m",
    "spokesman": "m",
    "chairman": "m",
    "Mrs": "f",
    "Congresswoman": "f",
    "Congressman": "m",
    "Ms": "f",
    "Miss": "f",
    "Dame": "f",
    "Lady": "f",
    "Queen": "f",
    "Princess": "f",
    "spokeswoman": "f",
    "chairwoman": "f",
}

# A word that makes a capitalised run an organisation's name.
# The prefixes navies name their ships by ("USS Halden", "HMCS Lorvik").
SHIP_PREFIXES = frozenset("USS USNS HMS HMCS HMAS".split())
SHIP_NOUNS = frozenset(
    "ship vessel destroyer cruiser frigate carrier submarine cutter".split()
)
ORG_KEYWORDS = (
    SHIP_PREFIXES
    | frozenset(
        """
    Association Institute Court Ministry Council Union Bank Agency Corporation
    Company Group Party Committee Commission Federation Organisation
    Organization University Capital Fund Alliance Nations Radio TV Television
    Times News Post Press Network Foundation Authority Board Office Department
    Parliament Congress Senate Assembly Service Services Trust Society League
    Club FC Inc Corp Ltd Plc LLC AG SA Holdings Partners Airlines Bureau Centre
    Center Forum Coalition Movement Front Army Police Treasury Cabinet
    Division Directorate Region Administration Command Navy Laboratory
    Hospital School College Museum Embassy Consulate Forces Force Guard Team
    """.split()
    )
    | frozenset(
        # The trades that end a company's name ("Solberg Pharma", "Halden
        # Motors"); "Energy" is left out, as it is a department's word in a
        # title ("Energy Secretary").
        """
    Pharma Pharmaceuticals Biotech Motors Industries Technologies Airways
    Petroleum Chemicals Electronics Semiconductor Semiconductors Telecom
    Telecoms Bancorp Consultants Consulting Associates Advisors Advisers
    """.split()
    )
)

# Words ending a body's unit's name ("Acme Wing Team"), of that body.
UNIT_WORDS = frozenset(["Team"])

# Words for a body's undertaking that may stand, capitalised, between the
# body's acronym and a role ("the ESA Program manager", "NASA Mission
# scientist"): the role is held at the body.
PROGRAMME_WORDS = frozenset("Program Programme Project Mission".split())

# Words of the names of places, craft and prizes, never of a person's
# ("International Space Station said", "the President's Quality Award",
# "Forward Operating Base Harlow").
THING_WORDS = frozenset(
    """
    Station Space Award Awards Prize Airport Observatory Shuttle Telescope
    Satellite Avenue Stadium Islands Ocean Cup Championship Olympics Program
    Programme Base Outpost
    """.split()
)
# Words opening a place's name, never a person's (who may be surnamed so:
# "Rep. Jo Camp"): "Camp Lorvik", "Fort Brannel".
PLACE_OPENERS = frozenset("Camp Fort".split())

# Nouns by which a story refers back to an organisation it named ("the
# group's president", "that new organization's officers", "club president").
ANAPHORIC_ORG_NOUNS = (
    frozenset(
        """
    organization organisation agency group company club firm association
    federation union body committee council ministry department institute
    university bureau commission corporation board battalion brigade regiment
    squadron division wing detachment battery platoon """.split()
    )
    | SHIP_NOUNS
)

# Nouns written just before an organisation's name ("news agency TASS",
# "the advocacy group Climate Justice Now", "newspaper O Globo").
ORG_TYPE_NOUNS = frozenset(
    """
    agency group newspaper broadcaster channel station network daily weekly
    magazine outlet club company firm bank union party organisation
    organization body ministry lender carrier airline insurer
    """.split()
) | frozenset(
    # The trades business copy writes before a company's name ("Norwegian
    # drugmaker Solberg Pharma", "retail giant Halden"). Nouns a person is
    # also called by ("filmmaker", "lawmaker", "producer", "developer",
    # "miner", "publisher") are left out: after them comes a person's name.
    """
    drugmaker drugmakers carmaker automaker chipmaker planemaker steelmaker
    aircraft-maker shipbuilder manufacturer retailer wholesaler supplier
    distributor exporter importer refiner conglomerate multinational
    consortium giant startup start-up utility telecoms telecom
    """.split()
)

# Nouns of the bodies and things whose name NAMED_THING_RE reads.
NAMED_NOUNS = ANAPHORIC_ORG_NOUNS | ORG_TYPE_NOUNS | TITLE_NOUNS

# Words that begin a capitalised run without being part of a name.
COMMON_CAPS = frozenset(
    """
    The A An This That These Those His Her Their Its Our My We I He She It They
    You But And Or So Yet If When While After Before As At In On By For From
    With Without To Of Recently According Speaking Both Two Three Four Some
    Many Most Calling Elaborating Asked However Meanwhile Earlier Later Last
    Next Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August
    September October November December Mr Mrs Ms Dr Sir Not No Yes Under
    Over Since Until Despite Although Though Also Then There Here Such What
    Who Why How Where Which Every Each All Any Another Other One
    Regarding Concerning During Following Among Amid Against Toward Towards
    Through Throughout Upon Within Regardless Former
    """.split()
)

MONTHS_AND_DAYS = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December
    """.split()
)

# Lower-case particles that may sit inside a person's name ("Tran Van Long"
# is capitalised; "Luiz da Silva" is not).
NAME_PARTICLES = frozenset(
    "da de do dos das van von der den ter bin ibn al la le del di du".split()
)

# Generations after a surname ("John D. Rockefeller IV").
NAME_SUFFIXES = frozenset("II III IV".split())

# Degrees and honours written between a name and the role after it ("Steve
# Murawski, Ph.D., acting chairman of …"), in their own commas.
POST_NOMINALS = tuple(
    "Ph.D. PhD M.D. D.Phil. Sc.D. Ed.D. J.D. M.P.H. D.V.M. Esq. Jr. Sr.".split()
)

# Words that may join the capitalised words of an organisation's name.
ORG_CONNECTORS = frozenset("of for and on".split())

# Head nouns of an agreement's name.
AGREEMENT_HEADS = frozenset(
    """
    agreement agreements treaty treaties accord accords pact pacts deal
    memorandum convention protocol
    """.split()
)

PRONOUNS = {"he": "m", "she": "f", "He": "m", "She": "f"}

# Words a reported clause never starts with.
NON_CLAUSE_STARTS = frozenset(
    """
    to for with by from of in on at as about into onto over under after before
    during since until than and or but nor so yet
    """.split()
)

# Participles that go on describing a statement, not a clause, after "said
# in a statement": "… issued from the command's headquarters", "… released
# by the ministry".
STATEMENT_PARTICIPLES = frozenset(
    "issued released posted published sent distributed emailed e-mailed".split()
)


# Honorifics and titles written abbreviated with a full stop ("Dr. Orbach",
# "Sen. Kerry"): the stop ends no sentence and joins the name.
ABBREVIATED_TITLES = frozenset(
    "Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Sgt Capt Adm Maj Rev St Jr Sr "
    "Supt Insp Messrs Spc Pfc Cpl Pvt Brig Cmdr Cdr Ens Amb Msgt Ssgt".split()
)

# Of those, the offices written so, by their full title ("Hawaii Gov. Ann
# Marsh" is Hawaii's governor); not a rank ("Gen.") nor a seat in a
# legislature ("Sen.", "Rep."), which speak for no one.
OFFICE_ABBREVIATIONS = {"Gov": "Governor", "Amb": "Ambassador"}

# Words that make a title with the title after them ("Special Envoy").
TITLE_MODIFIERS = frozenset(
    # (And the words that open a rank: "Staff Sgt.", "Lance Cpl.", "Petty
    # Officer", "Warrant Officer", "Field Marshal", "Wing Commander".)
    "Press Ranking Staff Master Lance Petty Warrant Flight Wing Squadron Field "
    "Special Permanent Majority Minority Regional".split()
)
# Words in lower case a capitalised title may follow ("former Defense
# Secretary", "retired Army Gen.").
PRE_TITLE_WORDS = frozenset(
    "former acting deputy then interim outgoing incoming retired newly elected "
    "senior chief late current top".split()
)
# Words that open an abbreviated rank ("Command Sgt. Maj.", "Master Gunnery
# Sgt.", "First Sgt.", "Fleet Adm.").
RANK_OPENERS = frozenset(
    "Command Gunnery First Master Staff Sergeant Lance Chief Senior Fleet".split()
)
# The regions a body's office covers, no body of their own ("Northwest
# regional administrator for NOAA Fisheries", "EPA Pacific Southwest
# Regional Administrator").
COMPASS = frozenset(
    "North South East West Northwest Northeast Southwest Southeast Midwest "
    "Mid-Atlantic Pacific Atlantic Central".split()
)

# Titles whose holder speaks for their country when the country stands
# before the title ("Russian President", "U.S. Secretary of State"): the
# heads, ministers and officials of a state, its envoys abroad, and the
# officers who act in its name in its courts (a prosecutor charges in the
# state's name; "Senior Ruritanian prosecutor Jo Roe" speaks for Ruritania).
STATE_TITLE_HEADS = frozenset(
    """
    president premier chancellor king queen minister ambassador envoy
    emir sultan monarch secretary senator representative congressman
    congresswoman governor official officials diplomat diplomats leader
    consul prosecutor prosecutors procurator spokesman spokeswoman negotiator
    """.split()
)
# Heads that speak for a state only with its own words between them and the
# nationality: "spokesman", "negotiator" (a minister is the state's anyway).
SPEAKING_HEADS = frozenset("spokesman spokeswoman negotiator".split())
STATE_SPEAKER_WORDS = frozenset(
    "chief senior top lead official foreign presidential military embassy".split()
)
# Words in such a title that put its holder outside the state's government
# ("Kenyan opposition leader", "a Sudanese rebel official"): the
# nationality is theirs, the state is not whom they speak for.
NON_STATE_MODIFIERS = frozenset(
    """opposition rebel rebels separatist insurgent dissident exiled exile company
    party""".split()
)

# A company's officers' titles, which copy writes bare before the name once
# it has named the company ("Chief executive Ingrid Solheim told Reuters").
CORPORATE_TITLES = frozenset(
    (
        "chief executive|chief executive officer|ceo|chairman|chairwoman"
        "|chairperson|managing director|chief financial officer|cfo"
        "|chief operating officer|coo|general manager|founder|co-founder"
        "|president and chief executive|chairman and chief executive"
    ).split("|")
)

# Titles of heads of state and government and of ministers, who speak for
# the government their paragraph names.
GOVERNMENT_TITLES = frozenset(
    "president premier chancellor minister king queen emir sultan".split()
)

# Titles copy writes bare before the holder's name ("President
# Bush", "Vice President Cheney"): their holder heads the state the text
# names with them (annotation conventions: heads of state speak for it).
BARE_STATE_TITLES = frozenset(["President", "Vice President", "Prime Minister"])
# Words a definite description uses of a person that their role need not
# repeat ("the longtime opposition leader" is the "opposition leader" named
# before; "the police spokesman" still is not the rebels' spokesman).
PASSING_MODIFIERS = frozenset(
    """
    longtime long-time former veteran embattled outgoing incoming new newly
    ousted top senior current beleaguered popular powerful influential
    """.split()
)
# Of those, the ones the United States has none of: U.S. copy's own words
# name no state for them.
NOT_US_TITLES = frozenset(["Prime Minister"])
# The last word of other bare government titles ("Interior Minister Jo Roe",
# "King Jo"), read the same way; the United States has none of them.
BARE_GOVERNMENT_HEADS = frozenset("Minister King Queen Emir Sultan Premier".split())
# Titles and the words a description of their holder uses for them ("a
# senior Defense Department spokesman" … "Press Secretary Geoff Morrell").
SAME_ROLES = {
    "press secretary": frozenset("spokesman spokeswoman spokesperson".split()),
}

# Crowds, which speak as a source only before a cue and "that" ("Many
# people said that …"); groups of people who speak as sources without it
# ("residents say") are ``groups.SOURCE_NOUNS``.
CROWD_NOUNS = frozenset("people fans".split())

# Words that may stand before a source noun ("a senior official", "U.S.
# officials", "two diplomats").
SOURCE_DETERMINERS = frozenset(
    """
    a an the one two three four five several some many other others
    his her their its our
    """.split()
)

# Lower-case words that are no description of a person after a verb of
# saying ("said the Taliban", "said on Monday", "said it was Roe").
NOT_DESCRIPTIONS = (
    NON_CLAUSE_STARTS
    | SOURCE_DETERMINERS
    | CLAUSE_SUBJECTS
    | FINITE_VERBS
    | frozenset("that this these those who which what not no also".split())
)
