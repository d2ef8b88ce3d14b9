"""A synthetic but realistic news archive, generated deterministically.

``Corpus`` builds, in plain Python and without touching the database, the
rows of a registry (states and their ministries, agencies and departments;
news agencies and outlets; companies; intergovernmental bodies; people with
aliases and dated roles; agreements with parties and status changes) and of
an archive of articles with their bylines, mentions and quotes. The
``generate_corpus`` management command writes them.

Determinism: every random choice comes from ``random.Random`` seeded with the
run's seed (the registry and the publication plan from one stream each, each
article from its own stream keyed by its number), and every date from the
run's ``as_of`` day, so the same seed and day give the same data, whatever
the batch size. Only the database ids (and, when the database already holds
some, a generated Wikidata id bumped past one already taken) depend on what
is there already.

Rules the rows obey by construction (the same the models and the services
enforce): slugs unique and prefixed ``gen-<seed>-``; Wikidata ids empty or
``Q<digits>`` and unique; aliases differ from their owner's name and from
each other, ignoring case; a person holds at most one role on any day and
every role ends on or after it starts; a quote's organisation is the
organisation of its speaker's role on ``said_on`` (empty when there is none,
as ``Quote.default_organisation`` would leave it); every direct and partial
quote's words are in the body at exactly ``start:end``, and an indirect
quote's reported words are there too, at their offsets; an article mentions
everyone it quotes, their organisations and the outlets they spoke to; an
agreement's status is that of its latest status change, which cites an
article that mentions the agreement.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

UTC = datetime.UTC
DAY = datetime.timedelta(days=1)

ARCHIVE_YEARS = 15
OPEN_END = 10**7  # an ordinal after any date a role can end on
SPEAKER_EXPONENT = 0.85  # Zipf exponent of how often each speaker is quoted

# --------------------------------------------------------------------------
# Word lists


def _split(text: str) -> list[str]:
    return text.split("|")


# (name, ISO code, adjective, how the copy refers to it, name group)
STATES = [
    ("Russia", "RU", "Russian", "Russia", "slavic"),
    ("China", "CN", "Chinese", "China", "chinese"),
    ("United States", "US", "American", "the United States", "anglo"),
    ("France", "FR", "French", "France", "romance"),
    ("Germany", "DE", "German", "Germany", "germanic"),
    ("Japan", "JP", "Japanese", "Japan", "japanese"),
    ("India", "IN", "Indian", "India", "south_asian"),
    ("Brazil", "BR", "Brazilian", "Brazil", "latin"),
    ("Italy", "IT", "Italian", "Italy", "romance"),
    ("United Kingdom", "GB", "British", "the United Kingdom", "anglo"),
    ("South Korea", "KR", "South Korean", "South Korea", "korean"),
    ("Turkey", "TR", "Turkish", "Turkey", "turkic"),
    ("Egypt", "EG", "Egyptian", "Egypt", "arabic"),
    ("Nigeria", "NG", "Nigerian", "Nigeria", "african"),
    ("Kazakhstan", "KZ", "Kazakh", "Kazakhstan", "turkic"),
    ("Argentina", "AR", "Argentine", "Argentina", "latin"),
    ("Canada", "CA", "Canadian", "Canada", "anglo"),
    ("Spain", "ES", "Spanish", "Spain", "romance"),
    ("Indonesia", "ID", "Indonesian", "Indonesia", "southeast_asian"),
    ("Mexico", "MX", "Mexican", "Mexico", "latin"),
    ("Australia", "AU", "Australian", "Australia", "anglo"),
    ("Saudi Arabia", "SA", "Saudi", "Saudi Arabia", "arabic"),
    ("Kenya", "KE", "Kenyan", "Kenya", "african"),
    ("Poland", "PL", "Polish", "Poland", "slavic"),
    ("Vietnam", "VN", "Vietnamese", "Vietnam", "southeast_asian"),
    ("South Africa", "ZA", "South African", "South Africa", "african"),
    ("Norway", "NO", "Norwegian", "Norway", "nordic"),
    ("United Arab Emirates", "AE", "Emirati", "the United Arab Emirates", "arabic"),
    ("Chile", "CL", "Chilean", "Chile", "latin"),
    ("Pakistan", "PK", "Pakistani", "Pakistan", "south_asian"),
    ("Sweden", "SE", "Swedish", "Sweden", "nordic"),
    ("Ukraine", "UA", "Ukrainian", "Ukraine", "slavic"),
    ("Netherlands", "NL", "Dutch", "the Netherlands", "germanic"),
    ("Iran", "IR", "Iranian", "Iran", "persian"),
    ("Thailand", "TH", "Thai", "Thailand", "southeast_asian"),
    ("Portugal", "PT", "Portuguese", "Portugal", "romance"),
    ("Morocco", "MA", "Moroccan", "Morocco", "arabic"),
    ("Finland", "FI", "Finnish", "Finland", "nordic"),
    ("Ethiopia", "ET", "Ethiopian", "Ethiopia", "african"),
    ("Colombia", "CO", "Colombian", "Colombia", "latin"),
    ("Greece", "GR", "Greek", "Greece", "greek"),
    ("Malaysia", "MY", "Malaysian", "Malaysia", "southeast_asian"),
    ("Bangladesh", "BD", "Bangladeshi", "Bangladesh", "south_asian"),
    ("Belgium", "BE", "Belgian", "Belgium", "germanic"),
    ("Peru", "PE", "Peruvian", "Peru", "latin"),
    ("Philippines", "PH", "Philippine", "the Philippines", "southeast_asian"),
    ("Israel", "IL", "Israeli", "Israel", "hebrew"),
    ("New Zealand", "NZ", "New Zealand", "New Zealand", "anglo"),
]

# group: (given names, surnames, surname first?)
NAMES: dict[str, tuple[list[str], list[str], bool]] = {
    "slavic": (
        "Aleksandr Dmitri Sergei Yuri Mikhail Olga Natalya Irina Yekaterina "
        "Andrei Nikolai Tatyana Vasily Ksenia Pavel Anastasia Oleg Svetlana "
        "Maksim Yelena".split(),
        "Petrov Ivanov Smirnov Kuznetsov Sokolov Popov Lebedev Kozlov Novikov "
        "Morozov Volkov Solovyov Vasilyev Zaitsev Pavlov Semyonov Golubev "
        "Vinogradov Bogdanov Vorobyov".split(),
        False,
    ),
    "chinese": (
        "Wei Fang Min Jing Lei Yang Jun Hui Ying Tao Hanhui Xiaoming Jie Lin "
        "Qiang Hong Yan Bo Chen Ping".split(),
        "Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo "
        "He Gao Lin Luo".split(),
        True,
    ),
    "japanese": (
        "Haruto Yui Sota Aoi Ren Hina Yuto Sakura Takumi Mei Kenji Hiroshi "
        "Akiko Naoki Emi Daiki Yuki Kaito Rin Shota".split(),
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi "
        "Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi "
        "Shimizu Mori".split(),
        False,
    ),
    "korean": (
        "Min-jun Seo-yeon Ji-hoon Ha-eun Do-yun Ji-woo Seo-jun Soo-ah Hyun-woo "
        "Ye-jin Jae-won Eun-ji Sung-min Da-eun Tae-yang".split(),
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon".split(),
        True,
    ),
    "anglo": (
        "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth "
        "William Susan Richard Jessica Thomas Sarah Daniel Karen Matthew "
        "Emily".split(),
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor "
        "Thomas Moore Martin Jackson Thompson White Harris Clark Lewis "
        "Walker".split(),
        False,
    ),
    "romance": (
        "Jean Marie Pierre Sophie Luca Giulia Marco Francesca Javier Lucia "
        "Carlos Elena Antoine Camille Matteo Chiara Pablo Carmen Joao Ines".split(),
        "Martin Bernard Dubois Moreau Laurent Rossi Russo Ferrari Esposito "
        "Bianchi Garcia Fernandez Lopez Martinez Sanchez Silva Santos Pereira "
        "Ferreira Costa".split(),
        False,
    ),
    "germanic": (
        "Lukas Anna Jonas Lea Felix Laura Maximilian Julia Daan Emma Sem Sanne "
        "Tobias Katrin Stefan Pieter Jan Lotte Wouter Greta".split(),
        "Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz "
        "Hoffmann de Jong Jansen de Vries van den Berg Bakker Visser Peeters "
        "Maes Jacobs Mertens".split(),
        False,
    ),
    "nordic": (
        "Lars Ingrid Erik Astrid Nils Sigrid Magnus Freya Olav Karin Mikko "
        "Aino Juha Liisa Henrik Maja Anders Elin Jukka Sanna".split(),
        "Hansen Johansen Olsen Larsen Andersson Johansson Karlsson Nilsson "
        "Eriksson Korhonen Virtanen Makinen Nieminen Lindqvist Berg Dahl Lund "
        "Haugen Strand Solberg".split(),
        False,
    ),
    "latin": (
        "Juan Maria Jose Ana Luis Gabriela Diego Valentina Miguel Camila "
        "Rafael Fernanda Andres Daniela Felipe Isabela Mateo Paula Ricardo "
        "Beatriz".split(),
        "Gonzalez Rodriguez Hernandez Perez Gomez Diaz Torres Ramirez Flores "
        "Rivera Morales Castro Ortiz Rojas Vargas Oliveira Souza Lima Carvalho "
        "Almeida".split(),
        False,
    ),
    "arabic": (
        "Mohammed Ahmed Fatima Omar Aisha Youssef Layla Khaled Mariam Hassan "
        "Nour Tarek Salma Karim Huda Walid Rania Samir Amira Ibrahim".split(),
        "Hassan Haddad Mansour Khalil Nasser Saleh Abdallah Farouk Rahman "
        "Aziz Hamdan Qasim Sabry Taha Mostafa Rashid Suleiman Yassin Zaki "
        "Bakr".split(),
        False,
    ),
    "african": (
        "Chinedu Amara Kwame Ngozi Tendai Wanjiru Oluwaseun Abena Kofi Zanele "
        "Emeka Nia Thabo Adaeze Tunde Lerato Jabari Folake Sipho Makena".split(),
        "Okafor Adeyemi Mensah Kamau Otieno Nkosi Dlamini Okonkwo Abebe Tadesse "
        "Mwangi Ndlovu Bello Eze Kariuki Mokoena Asante Boateng Achieng "
        "Girma".split(),
        False,
    ),
    "south_asian": (
        "Aarav Priya Rohan Ananya Arjun Kavya Vikram Neha Rahul Pooja Imran "
        "Sana Farhan Ayesha Rakib Nusrat Sanjay Lakshmi Amit Deepa".split(),
        "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Khan Ahmed Hussain "
        "Chowdhury Rahman Mehta Joshi Rao Das Malik Bose Verma".split(),
        False,
    ),
    "southeast_asian": (
        "Budi Siti Agus Dewi Minh Linh Somchai Malee Ahmad Nurul Jose Maria "
        "Hoang Thu Rizal Putri Anan Kanya Tuan Mai".split(),
        "Santoso Wijaya Nguyen Tran Le Pham Suzuki Wongsakul Srisai Ibrahim "
        "Abdullah Reyes Cruz Bautista Hidayat Saputra Chaiyaporn Ismail "
        "Mendoza Vo".split(),
        False,
    ),
    "turkic": (
        "Mehmet Ayse Mustafa Fatma Ahmet Zeynep Emre Elif Nursultan Aigerim "
        "Yerlan Dana Serik Aliya Burak Selin Murat Gulnara Arman Derya".split(),
        "Yilmaz Kaya Demir Sahin Celik Yildiz Ozturk Aydin Nazarbayev "
        "Suleimenov Abenov Dzhaksybekov Ismailov Kuanyshev Arslan Dogan Kilic "
        "Aslan Cetin Koc".split(),
        False,
    ),
    "persian": (
        "Ali Zahra Reza Maryam Hossein Fatemeh Mehdi Narges Hamid Shirin Amir "
        "Leila Saeed Parisa Javad".split(),
        "Hosseini Ahmadi Mohammadi Rezaei Moradi Karimi Jafari Rahimi Sadeghi "
        "Kazemi Ebrahimi Najafi Tehrani Rostami Sharifi".split(),
        False,
    ),
    "greek": (
        "Georgios Maria Dimitrios Eleni Konstantinos Katerina Nikos Sofia "
        "Yannis Anna Christos Despina".split(),
        "Papadopoulos Pappas Nikolaidis Georgiou Oikonomou Vlachos Makris "
        "Antoniou Dimitriou Karagiannis Christodoulou Alexiou".split(),
        False,
    ),
    "hebrew": (
        "Noam Tamar Yosef Noa Daniel Maya Eitan Shira Ariel Yael Amit Rivka".split(),
        "Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Katz Azoulay "
        "Shapiro Goldberg".split(),
        False,
    ),
}

# Other spellings of a name, as transliteration varies: (from, to), the
# first that applies wins.
RESPELLINGS = [
    ("Aleksandr", "Alexander"),
    ("Dmitri", "Dmitry"),
    ("Sergei", "Sergey"),
    ("Yuri", "Yury"),
    ("Andrei", "Andrey"),
    ("Yekaterina", "Ekaterina"),
    ("Yelena", "Elena"),
    ("Natalya", "Natalia"),
    ("Tatyana", "Tatiana"),
    ("Maksim", "Maxim"),
    ("Mohammed", "Muhammad"),
    ("Youssef", "Yusuf"),
    ("Hassan", "Hasan"),
    ("Khaled", "Khalid"),
    ("Tarek", "Tariq"),
    ("Hossein", "Hussein"),
    ("Joao", "João"),
    ("Muller", "Müller"),
    ("Makinen", "Mäkinen"),
    ("Yilmaz", "Yılmaz"),
    ("Ozturk", "Öztürk"),
    ("Solovyov", "Soloviev"),
    ("Vasilyev", "Vasiliev"),
    ("Vorobyov", "Vorobiev"),
    ("Semyonov", "Semenov"),
    ("Zaitsev", "Zaytsev"),
    ("Nazarbayev", "Nazarbaev"),
    ("Dzhaksybekov", "Jaksybekov"),
    ("Zhou", "Chou"),
    ("Zhang", "Chang"),
    ("Lee", "Yi"),
    ("Park", "Pak"),
    ("Choi", "Choe"),
    ("Ito", "Itō"),
    ("Sato", "Satō"),
    ("Kato", "Katō"),
    ("Gonzalez", "González"),
    ("Rodriguez", "Rodríguez"),
    ("Hernandez", "Hernández"),
    ("Perez", "Pérez"),
    ("Gomez", "Gómez"),
    ("Garcia", "García"),
    ("Fernandez", "Fernández"),
    ("Lopez", "López"),
    ("Martinez", "Martínez"),
    ("Sanchez", "Sánchez"),
    ("Ramirez", "Ramírez"),
    ("Diaz", "Díaz"),
    ("Papadopoulos", "Papadopoulous"),
    ("Mostafa", "Moustafa"),
    ("Abdallah", "Abdullah"),
    ("Okonkwo", "Okonkwoh"),
]

MINISTRIES = [
    ("Foreign Affairs", "Foreign Ministry"),
    ("Defence", "Defence Ministry"),
    ("Science and Higher Education", "Science Ministry"),
    ("Energy", "Energy Ministry"),
    ("Economic Development", "Economy Ministry"),
    ("Transport", "Transport Ministry"),
    ("Finance", "Finance Ministry"),
    ("Industry and Trade", "Trade Ministry"),
    ("Natural Resources", "Natural Resources Ministry"),
    ("Digital Development", "Digital Ministry"),
]
DEPARTMENTS = _split(
    "Department of International Cooperation|Legal Department|Press "
    "Office|Department of Strategic Planning|Budget Department|Department of "
    "Research Programmes"
)
AGENCIES = [
    ("Space Agency", "space"),
    ("Atomic Energy Agency", "nuclear"),
    ("Meteorological Service", "weather"),
    ("Geological Survey", "geology"),
    ("Civil Aviation Authority", "aviation"),
    ("Export Credit Agency", "trade"),
]
NEWS_AGENCIES = _split(
    "Meridian News Agency|Continental Press|Northern Wire|Pacific Newswire|Baltic "
    "News Service|Andes Press Agency|Sahel Information Agency|Eastern Telegraph "
    "Agency|Gulf News Agency|Anatolian Wire|Steppe News Agency|Levant Press|Nile "
    "News Agency|Danube Press Service|Atlas Wire|Southern Cross Press"
)
MEDIA_OUTLETS = _split(
    "The Daily Courier|The Morning Herald|The Evening Standard-Post|The Global "
    "Observer|The Weekly Ledger|The Science Chronicle|Orbit Magazine|The Capital "
    "Times|The Policy Review|The Harbour Gazette|The Northern Echo-Times|The "
    "Sentinel|Frontier Radio|The National Tribune|World Affairs Daily|The Financial"
    " Monitor|Spaceflight Today Weekly|The Dispatch|The Continental Review|Channel "
    "Nine News|The Independent Voice|The Evening Beacon|The Market Journal|Radio "
    "Meridian|The Coastal Mail|The Record|The Defence Gazette|Energy Week|The "
    "Metropolitan|The Insight"
)
MEDIA_GROUPS = _split(
    "Northbridge Media Group|Halcyon Publishing|Vantage Media Holdings|Crestline "
    "Communications|Atlas Broadcasting Corporation"
)
COMPANIES = _split(
    "Orbital Dynamics|Stellar Launch Systems|Aurora Aerospace|Helios Energy|Polaris"
    " Satellite Services|Nova Propulsion|Zenith Heavy Industries|Meridian "
    "Nuclear|Cosmos Ground Systems|Apex Rocket Works|Terra Observation|Vector "
    "Avionics|Equinox Space Technologies|Horizon Robotics|Quasar "
    "Communications|Atlas Launch Alliance|Pioneer Materials|Solaris Grid|Lunar "
    "Logistics|Deep Field Instruments|Ionosphere Networks|Gravity Works|Kestrel "
    "Engines|Redshift Analytics"
)
INTERGOVERNMENTAL = [
    ("International Lunar Research Council", "ILRC"),
    ("Council for Space Cooperation", "CSC"),
    ("Arctic Energy Forum", "AEF"),
    ("Organisation for Satellite Navigation", "OSN"),
    ("Global Climate Observation Partnership", "GCOP"),
    ("Intergovernmental Launch Safety Board", "ILSB"),
    ("Commission on the Peaceful Uses of Orbits", "CPUO"),
    ("Union of Space Agencies", "USA-U"),
]

# (topic as in a title, as in running text, kind word in a headline, scope)
TOPICS = [
    ("Lunar Exploration", "lunar exploration", "the Moon and cislunar space"),
    (
        "the International Lunar Research Station",
        "a lunar research station",
        "the Moon",
    ),
    ("Satellite Navigation", "satellite navigation", "navigation satellites"),
    ("Peaceful Uses of Nuclear Energy", "civil nuclear energy", "civil nuclear power"),
    ("Arctic Research", "Arctic research", "the Arctic"),
    ("Climate Monitoring", "climate monitoring", "Earth observation of the climate"),
    ("Space Debris Mitigation", "space debris", "low Earth orbit"),
    ("Joint Launch Services", "launch services", "commercial launches"),
    ("Deep Space Communications", "deep space communications", "deep space"),
    ("Earth Observation Data Sharing", "Earth observation data", "satellite imagery"),
    ("Scientific and Technical Cooperation", "scientific cooperation", "science"),
    ("Civil Aviation Safety", "aviation safety", "civil aviation"),
    ("Cross-Border Energy Trade", "energy trade", "electricity and gas trade"),
    ("Renewable Energy Research", "renewable energy", "renewable energy"),
    ("Maritime Search and Rescue", "search and rescue", "the high seas"),
    ("Human Spaceflight", "human spaceflight", "crewed missions"),
    ("Mars Exploration", "Mars exploration", "Mars"),
    ("Space Weather Forecasting", "space weather", "the Sun and near-Earth space"),
    ("Polar Research Stations", "polar research", "the polar regions"),
    ("Seismic Monitoring", "seismic monitoring", "earthquake monitoring"),
]
CITIES = _split(
    "Geneva|Vienna|Astana|Nairobi|Lisbon|Oslo|Montevideo|Hanoi|Rabat|Helsinki|Singapore|Santiago|Reykjavik|Canberra|Dakar|Ottawa"
)

NOUNS = _split(
    "mission|programme|satellite|station|reactor|observatory|launch "
    "vehicle|rover|telescope|network|initiative|fund|research "
    "centre|laboratory|module|pipeline|corridor|data centre|test "
    "site|spaceport|constellation|lander|orbital platform|ground station|training "
    "centre|supply chain|engine|probe"
)
ADJECTIVES = _split(
    "joint|ambitious|long-delayed|costly|historic|modest|experimental|commercial|crewed|robotic|international|regional|bilateral|next-generation|reusable|heavy-lift|scientific|civilian|national|pilot"
)
# base, past participle, -ing, third person
VERBS = [
    ("build", "built", "building", "builds"),
    ("launch", "launched", "launching", "launches"),
    ("finance", "financed", "financing", "finances"),
    ("develop", "developed", "developing", "develops"),
    ("test", "tested", "testing", "tests"),
    ("operate", "operated", "operating", "operates"),
    ("expand", "expanded", "expanding", "expands"),
    ("modernise", "modernised", "modernising", "modernises"),
    ("review", "reviewed", "reviewing", "reviews"),
    ("extend", "extended", "extending", "extends"),
    ("complete", "completed", "completing", "completes"),
    ("certify", "certified", "certifying", "certifies"),
    ("deploy", "deployed", "deploying", "deploys"),
    ("upgrade", "upgraded", "upgrading", "upgrades"),
    ("fund", "funded", "funding", "funds"),
    ("design", "designed", "designing", "designs"),
]
TIMES = _split(
    "by the end of the decade|next year|within five years|before 2040|in the coming"
    " months|by 2035|this autumn|early next year|over the next decade|as soon as "
    "possible|within two years|before the end of the year"
)
TIMES_PAST = _split(
    "since 2015|over the past decade|in recent years|in the past year|so far "
    "this year|since the programme began"
)
MODALS = _split(
    "will|intend to|are ready to|plan to|hope to|must|cannot afford not to|are "
    "determined to"
)
BENEFICIARIES = _split(
    "both our countries|the whole of humanity|our scientists|the next "
    "generation|the entire region|ordinary citizens|our industry|young engineers"
)
PARTNERS = _split("partners|colleagues|allies|neighbours|friends")
CREWS = _split("engineers|scientists|teams|specialists|crews|negotiators")
ABSTRACTS = _split(
    "trust|mutual benefit|long-term planning|political will|scientific "
    "excellence|transparency|patience|shared responsibility|sustained investment"
)
CONCERNS = _split(
    "budget cuts|rising costs|technical setbacks|sanctions|delays|safety "
    "concerns|supply chain problems|a funding dispute"
)
EVALUATIONS = _split(
    "historic|unprecedented|important|significant|decisive|remarkable|promising|difficult|necessary|pragmatic|balanced|constructive|unacceptable|premature|disappointing|encouraging"
)
ADVERBS = _split("deeply|entirely|truly|clearly|absolutely|rather|highly")
STEPS = _split(
    "step forward|milestone|breakthrough|turning "
    "point|setback|compromise|signal|beginning|opportunity|achievement"
)
NUMBERS = _split("two|three|four|five|six|seven|eight|ten|twelve")
SUBJECTS = _split(
    "the government|the agency|the ministry|the company|both sides|the partners|the"
    " consortium|the country"
)
PROGRESS = _split(
    "stalled|made good progress|resumed|been postponed|entered a final phase"
)
CONTEXTS = _split("a statement|an interview|a briefing|a speech|a letter")
SETTINGS = _split(
    "at a news conference|after the talks|on the sidelines of the summit|in a "
    "televised address|during a visit to the test site|at a parliamentary hearing"
)
FILLERS = 19  # background sentence templates in Corpus._filler_sentence
CURRENCIES = _split("dollars|euros")
FATES = _split("abandoned|scaled back|merged with another project|put on hold")
PHASES = _split("test|review|design phase|construction phase|safety inspection")
WEEKDAYS = _split("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
MONTHS = _split(
    "January|February|March|April|May|June|July|August|September|October|November|December"
)

# Titles by the kind of organisation: (title, one holder at a time?)
TITLES = {
    "state": [
        ("President", True),
        ("Prime Minister", True),
        ("Deputy Prime Minister", False),
        ("Ambassador to {other}", True),
        ("Presidential Envoy", False),
    ],
    "ministry": [
        ("Minister", True),
        ("Deputy Minister", False),
        ("State Secretary", False),
        ("Spokesperson", False),
        ("Senior Adviser", False),
    ],
    "government_body": [
        ("Director", True),
        ("Deputy Director", False),
        ("Head of Unit", False),
        ("Spokesperson", False),
    ],
    "agency": [
        ("Director General", True),
        ("Deputy Director General", False),
        ("Chief Scientist", True),
        ("Spokesperson", False),
        ("Head of International Cooperation", False),
        ("Programme Manager", False),
    ],
    "company": [
        ("Chief Executive", True),
        ("Chair", True),
        ("Chief Technology Officer", True),
        ("Spokesperson", False),
        ("Vice President for Business Development", False),
    ],
    "intergovernmental": [
        ("Secretary General", True),
        ("Chair", True),
        ("Director", False),
        ("Senior Policy Officer", False),
    ],
}
REPORTER_TITLES = _split("Correspondent|Staff Writer|Science Editor|Reporter")
PROFESSIONS = {
    "state": "politician",
    "ministry": "government official",
    "government_body": "civil servant",
    "agency": "agency official",
    "company": "business executive",
    "intergovernmental": "international civil servant",
}
ANALYST_FIELDS = _split("space|energy|security|aerospace|policy|science")
ANALYST_KINDS = _split("analyst|researcher|consultant|historian|economist")

DIRECT_CUES = _split("said|added|stressed|noted|explained|warned")
AGREEMENT_KINDS = _split("treaty|memorandum|cooperation|partnership|contract")
KIND_WORDS = {
    "treaty": "treaty",
    "memorandum": "memorandum",
    "cooperation": "agreement",
    "partnership": "partnership",
    "contract": "contract",
}


# --------------------------------------------------------------------------
# Small helpers


def _an(word: str) -> str:
    return ("an " if word[0] in "aeiouAEIOU" else "a ") + word


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


def _date_text(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _listing(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def zipf_weights(count: int, exponent: float) -> list[float]:
    """Cumulative Zipf weights for ranks 1..count."""
    return list(
        itertools.accumulate(1 / (rank**exponent) for rank in range(1, count + 1))
    )


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    return bisect.bisect(cumulative, rng.random() * cumulative[-1])


class Slugs:
    """Unique slugs under the run's prefix."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.taken: set[str] = set()

    def __call__(self, text: str, limit: int = 120) -> str:
        base = f"{self.prefix}{slugify(text)[:limit].strip('-')}".rstrip("-")
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        return slug


class WikidataIds:
    """Well-formed Wikidata ids, unique among those already in the database
    (``taken``) and those handed out."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)

    def __call__(self, rng: random.Random, share: float) -> str:
        if rng.random() >= share:
            return ""
        number = rng.randint(100_000, 130_000_000)
        # A collision moves on to the next free number, without drawing
        # again, so the random stream (and all that follows) stays the same.
        while f"Q{number}" in self.taken:
            number += 1
        value = f"Q{number}"
        self.taken.add(value)
        return value


# --------------------------------------------------------------------------
# The registry


@dataclass(slots=True, eq=False)
class Org:
    index: int
    name: str
    kind: str
    country: str
    parent: Org | None
    description: str
    ref: str  # how the copy names it ("the French Space Agency")
    family: str  # key into TITLES, or "" when nobody is given a role here
    state: Org | None = None
    adjective: str = ""
    aliases: list[str] = field(default_factory=list)
    slug: str = ""
    wikidata_id: str = ""
    version: int = 1
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    id: int = 0


@dataclass(slots=True, eq=False)
class RoleSpan:
    start: int  # date ordinal; 0 when unknown
    end: int  # date ordinal; OPEN_END when current
    org: Org
    title: str


@dataclass(slots=True, eq=False)
class Human:
    index: int
    name: str
    surname: str
    description: str
    aliases: list[str] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    outlet: Org | None = None  # reporters: where they work
    home: Org | None = None  # the state they come from
    slug: str = ""
    wikidata_id: str = ""
    version: int = 1
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    id: int = 0

    def role_on(self, ordinal: int) -> RoleSpan | None:
        for role in self.roles:
            if role.start <= ordinal <= role.end:
                return role
        return None

    def last_role_before(self, ordinal: int) -> RoleSpan | None:
        past = [role for role in self.roles if role.end < ordinal]
        return past[-1] if past else None


@dataclass(slots=True, eq=False)
class StatusChange:
    status: str
    date: datetime.date
    party: Org | None
    note: str
    article: int | None = None  # article number (0-based), if one reports it


@dataclass(slots=True, eq=False)
class Deal:
    index: int
    title: str
    kind: str
    topic: tuple
    parties: list[tuple[Org, str]]
    changes: list[StatusChange]
    signed_on: datetime.date | None
    signed_precision: str
    status: str
    proposed: int  # ordinal of the first status change
    scope: str = ""
    summary: str = ""
    slug: str = ""
    wikidata_id: str = ""
    version: int = 1
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    id: int = 0

    @property
    def short(self) -> str:
        return f"{self.topic[1]} {KIND_WORDS[self.kind]}"


@dataclass(slots=True)
class PlannedArticle:
    status: str
    published_at: datetime.datetime | None
    created_at: datetime.datetime
    # (deal, change) pairs this article reports
    reports: list = field(default_factory=list)


@dataclass(slots=True)
class Batch:
    """One batch of articles and everything that hangs on them, as tuples in
    the column order of the ``*_COLUMNS`` lists."""

    articles: list[tuple] = field(default_factory=list)
    authors: list[tuple] = field(default_factory=list)
    people: list[tuple] = field(default_factory=list)
    organisations: list[tuple] = field(default_factory=list)
    agreements: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)

    def rows(self) -> int:
        return (
            len(self.articles)
            + len(self.authors)
            + len(self.people)
            + len(self.organisations)
            + len(self.agreements)
            + len(self.quotes)
        )


ARTICLE_COLUMNS = _split(
    "id|slug|headline|standfirst|body|source_id|source_url|language|status|published_at|version|created_at|updated_at"
)
AUTHOR_COLUMNS = _split("article_id|person_id")
PERSON_MENTION_COLUMNS = _split("article_id|person_id|about")
ORGANISATION_MENTION_COLUMNS = _split("article_id|organisation_id|about")
AGREEMENT_MENTION_COLUMNS = _split("article_id|agreement_id|about")
QUOTE_COLUMNS = _split(
    "article_id|text|kind|speaker_id|organisation_id|outlet_id|cue|said_on|start|end|public_from|created_at|updated_at"
)


# --------------------------------------------------------------------------
# Article bodies


class Body:
    """An article body written piece by piece, remembering where quoted
    words land."""

    __slots__ = ("parts", "pos")

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def words(self, text: str) -> tuple[int, int]:
        """Add quoted (or reported) words; their offsets."""
        start = self.pos
        self.add(text)
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)


class Article:
    """The state of one article while it is written."""

    def __init__(self, corpus: Corpus, rng: random.Random, number: int):
        self.corpus = corpus
        self.rng = rng
        self.number = number
        self.people: dict[Human, bool] = {}
        self.organisations: dict[Org, bool] = {}
        self.agreements: dict[Deal, bool] = {}
        self.introduced: set[Human] = set()
        self.deck: list[int] = []

    def mention(self, entity, about: bool = False) -> None:
        target = (
            self.people
            if isinstance(entity, Human)
            else self.organisations
            if isinstance(entity, Org)
            else self.agreements
        )
        target[entity] = target.get(entity, False) or about


class Corpus:
    """Everything a run generates; see the module docstring."""

    def __init__(
        self,
        *,
        seed: int,
        articles: int,
        quotes_per_article: int = 10,
        as_of: datetime.date,
        taken_wikidata: dict[str, set[str]] | None = None,
    ):
        taken = taken_wikidata or {}
        self.seed = seed
        self.article_count = articles
        self.quotes_per_article = quotes_per_article
        low = max(1, round(quotes_per_article / 2))
        self.quote_range = (low, max(low, 2 * quotes_per_article - low))
        self.as_of = as_of
        self.now = datetime.datetime.combine(as_of, datetime.time(), UTC)
        self.archive_start = self.now - datetime.timedelta(days=365 * ARCHIVE_YEARS)
        self.as_of_ordinal = as_of.toordinal()
        self.prefix = f"gen-{seed}-"
        self.slugs = {
            "person": Slugs(self.prefix),
            "organisation": Slugs(self.prefix),
            "agreement": Slugs(self.prefix),
        }
        self.wikidata = {
            model: WikidataIds(taken.get(model, set()))
            for model in ("person", "organisation", "agreement")
        }
        self.organisations: list[Org] = []
        self.people: list[Human] = []
        self.deals: list[Deal] = []
        self.plan: list[PlannedArticle] = []
        self.base_ids = {"person": 0, "organisation": 0, "agreement": 0, "article": 0}

    # -- sizes

    @property
    def speaker_count(self) -> int:
        return max(50, self.article_count // 50)

    @property
    def reporter_count(self) -> int:
        return max(12, self.article_count // 1000)

    @property
    def state_count(self) -> int:
        return min(len(STATES), max(12, self.article_count // 2000))

    @property
    def agreement_count(self) -> int:
        return max(10, self.article_count // 500)

    # -- building

    def build(self) -> None:
        """The registry and the publication plan (no database access)."""
        # Not for security: reproducible test data.
        rng = random.Random(f"{self.seed}/registry")  # noqa: S311
        self._organisations(rng)
        self._people(rng)
        self._deals(rng)
        self._plan(random.Random(f"{self.seed}/plan"))  # noqa: S311
        self._cite_reports(random.Random(f"{self.seed}/reports"))  # noqa: S311
        self._prepare_sampling()

    def _stamp(self, rng: random.Random, record, *, not_before=None) -> None:
        created = not_before or self.archive_start - datetime.timedelta(
            seconds=rng.randint(0, 400 * 86400)
        )
        created = created.replace(microsecond=0)
        record.created_at = created
        if rng.random() < 0.6:
            record.updated_at = created
        else:
            span = int((self.now - created).total_seconds())
            record.updated_at = created + datetime.timedelta(
                seconds=rng.randint(0, max(0, span))
            )
            record.version = rng.randint(2, 4)

    def _org(
        self,
        rng,
        *,
        name,
        kind,
        country,
        parent,
        description,
        ref,
        family,
        state=None,
        adjective="",
        aliases=(),
        wikidata_share=0.5,
    ) -> Org:
        org = Org(
            index=len(self.organisations),
            name=name,
            kind=kind,
            country=country,
            parent=parent,
            description=description,
            ref=ref,
            family=family,
            state=state,
            adjective=adjective,
        )
        folded = {name.casefold()}
        for alias in aliases:
            if alias and alias.casefold() not in folded:
                folded.add(alias.casefold())
                org.aliases.append(alias)
        org.slug = self.slugs["organisation"](name)
        org.wikidata_id = self.wikidata["organisation"](rng, wikidata_share)
        self._stamp(rng, org)
        self.organisations.append(org)
        return org

    def _organisations(self, rng: random.Random) -> None:
        self.states: list[Org] = []
        self.state_orgs: dict[Org, list[Org]] = {}
        self.name_groups: dict[Org, str] = {}
        for name, code, adjective, ref, group in STATES[: self.state_count]:
            state = self._org(
                rng,
                name=name,
                kind="state",
                country=code,
                parent=None,
                description=f"Sovereign state ({name})",
                ref=ref,
                family="state",
                adjective=adjective,
                aliases=[code, f"{adjective} government"],
                wikidata_share=0.9,
            )
            state.state = state
            self.states.append(state)
            self.name_groups[state] = group
        for state in self.states:
            adjective, code = state.adjective, state.country
            members: list[Org] = []
            for area, short in rng.sample(MINISTRIES, rng.randint(3, 5)):
                ministry = self._org(
                    rng,
                    name=f"{adjective} Ministry of {area}",
                    kind="government_body",
                    country=code,
                    parent=state,
                    description=f"The ministry of {area.lower()} of {state.ref}",
                    ref=f"the {adjective} Ministry of {area}",
                    family="ministry",
                    state=state,
                    aliases=[f"{state.name} {short}", f"Ministry of {area}"],
                )
                members.append(ministry)
                for department in rng.sample(DEPARTMENTS, rng.randint(0, 3)):
                    members.append(
                        self._org(
                            rng,
                            name=f"{department} of the {ministry.name}",
                            kind="government_body",
                            country=code,
                            parent=ministry,
                            description=f"Part of the {ministry.name}",
                            ref=f"the {department} of the {ministry.name}",
                            family="government_body",
                            state=state,
                            wikidata_share=0.1,
                        )
                    )
            for agency, _ in rng.sample(AGENCIES, rng.randint(1, 3)):
                name = f"{adjective} {agency}"
                members.append(
                    self._org(
                        rng,
                        name=name,
                        kind="agency",
                        country=code,
                        parent=state,
                        description=f"The {agency.lower()} of {state.ref}",
                        ref=f"the {name}",
                        family="agency",
                        state=state,
                        aliases=[_acronym(name)],
                        wikidata_share=0.7,
                    )
                )
            self.state_orgs[state] = members
        # What a story about a state may be about: the state, a ministry or
        # an agency (a department makes a poor headline).
        self.state_topics = {
            state: [m for m in members if m.family != "government_body"]
            for state, members in self.state_orgs.items()
        }

        # News agencies (some state-owned) and outlets (some in media groups).
        self.outlets: list[Org] = []
        for name in NEWS_AGENCIES[: max(3, self.state_count // 3)]:
            state = rng.choice(self.states)
            owned = rng.random() < 0.5
            self.outlets.append(
                self._org(
                    rng,
                    name=name,
                    kind="news_agency",
                    country=state.country,
                    parent=state if owned else None,
                    description=(
                        f"{'State' if owned else 'Independent'} news agency "
                        f"based in {state.ref}"
                    ),
                    ref=name if name.startswith("Continental") else f"the {name}",
                    family="",
                    state=state,
                    aliases=[_acronym(name)],
                    wikidata_share=0.7,
                )
            )
        groups = [
            self._org(
                rng,
                name=name,
                kind="company",
                country=rng.choice(self.states).country,
                parent=None,
                description="Media company",
                ref=name,
                family="",
                aliases=[_acronym(name)],
            )
            for name in MEDIA_GROUPS[: max(2, self.state_count // 10)]
        ]
        for name in MEDIA_OUTLETS[: max(6, self.state_count * 2 // 3)]:
            state = rng.choice(self.states)
            bare = name.removeprefix("The ")
            self.outlets.append(
                self._org(
                    rng,
                    name=name,
                    kind="media_outlet",
                    country=state.country,
                    parent=rng.choice(groups) if rng.random() < 0.4 else None,
                    description=f"Newspaper, broadcaster or website in {state.ref}",
                    ref=name if name == bare else f"the {bare}",
                    family="",
                    state=state,
                    aliases=[bare] if bare != name else [],
                )
            )
        # Outlets are chosen by a heavy tail too: a few dominate.
        rng.shuffle(self.outlets)

        self.companies: list[Org] = []
        for name in COMPANIES[: max(5, self.state_count // 2)]:
            state = rng.choice(self.states)
            owned = rng.random() < 0.3
            self.companies.append(
                self._org(
                    rng,
                    name=name,
                    kind="company",
                    country=state.country,
                    parent=state if owned else None,
                    description=f"{'State-owned c' if owned else 'C'}ompany in "
                    f"{state.ref}",
                    ref=name,
                    family="company",
                    state=state,
                    aliases=[f"{name} Ltd"],
                )
            )
        self.intergovernmental: list[Org] = []
        for name, acronym in INTERGOVERNMENTAL[: max(3, self.state_count // 6)]:
            self.intergovernmental.append(
                self._org(
                    rng,
                    name=name,
                    kind="intergovernmental",
                    country="",
                    parent=None,
                    description="Intergovernmental body",
                    ref=f"the {name}",
                    family="intergovernmental",
                    aliases=[acronym],
                    wikidata_share=0.8,
                )
            )

    def _name(self, rng: random.Random, group: str, used: set[str]) -> tuple[str, str]:
        given, surnames, surname_first = NAMES[group]
        name = surname = ""
        for attempt in range(40):
            first, surname = rng.choice(given), rng.choice(surnames)
            if attempt >= 4:
                # Plenty of people share a name; a middle initial tells
                # them apart.
                first = f"{first} {rng.choice('ABCDEFGHIJKLMNOPRSTVW')}."
            name = f"{surname} {first}" if surname_first else f"{first} {surname}"
            if name.casefold() not in used:
                break
        used.add(name.casefold())
        return name, surname

    def _aliases(self, rng: random.Random, name: str, surname: str, group: str):
        candidates = []
        if rng.random() < 0.7:
            candidates.append(surname)
        for old, new in RESPELLINGS:
            if old in name:
                if rng.random() < 0.8:
                    candidates.append(name.replace(old, new))
                break
        words = name.split()
        if NAMES[group][2] and len(words) == 2 and rng.random() < 0.5:
            candidates.append(f"{words[1]} {words[0]}")  # Western order
        elif len(words) >= 2 and rng.random() < 0.3:
            candidates.append(f"{words[0][0]}. {words[-1]}")
        aliases, folded = [], {name.casefold()}
        for alias in candidates:
            if alias.casefold() not in folded:
                folded.add(alias.casefold())
                aliases.append(alias)
        return aliases

    def _people(self, rng: random.Random) -> None:
        used: set[str] = set()
        holders: dict[tuple[int, str], list[tuple[int, int]]] = {}
        start_ordinal = self.archive_start.date().toordinal()
        self.speakers: list[Human] = []
        for _ in range(self.speaker_count):
            home = rng.choice(self.states)
            group = self.name_groups[home]
            name, surname = self._name(rng, group, used)
            person = Human(
                index=len(self.people),
                name=name,
                surname=surname,
                description="",
                home=home,
            )
            person.aliases = self._aliases(rng, name, surname, group)
            if rng.random() < 0.1:
                person.description = (
                    f"{home.adjective} {rng.choice(ANALYST_FIELDS)} "
                    f"{rng.choice(ANALYST_KINDS)}"
                )
            else:
                self._career(rng, person, home, holders, start_ordinal)
                family = person.roles[-1].org.family
                person.description = f"{home.adjective} {PROFESSIONS[family]}"
            self._register_person(rng, person)
            self.speakers.append(person)

        self.reporters: list[Human] = []
        self.outlet_reporters: dict[Org, list[Human]] = {o: [] for o in self.outlets}
        for k in range(self.reporter_count):
            outlet = (
                self.outlets[k]
                if k < len(self.outlets)
                else self.outlets[_pick(rng, zipf_weights(len(self.outlets), 1.0))]
            )
            group = self.name_groups.get(outlet.state, "anglo")
            name, surname = self._name(rng, group, used)
            person = Human(
                index=len(self.people),
                name=name,
                surname=surname,
                description=f"Journalist at {outlet.name}",
                outlet=outlet,
            )
            person.aliases = self._aliases(rng, name, surname, group)
            start = start_ordinal - rng.randint(0, 3000)
            person.roles.append(
                RoleSpan(start, OPEN_END, outlet, rng.choice(REPORTER_TITLES))
            )
            self._register_person(rng, person)
            self.reporters.append(person)
            self.outlet_reporters[outlet].append(person)

    def _register_person(self, rng: random.Random, person: Human) -> None:
        person.slug = self.slugs["person"](person.name)
        person.wikidata_id = self.wikidata["person"](rng, 0.4)
        self._stamp(rng, person)
        self.people.append(person)

    def _career(self, rng, person: Human, home: Org, holders, start_ordinal) -> None:
        """One to four roles, one after the other, never overlapping; most
        careers run to today."""
        if rng.random() < 0.15:
            pool = self.companies if rng.random() < 0.6 else self.intergovernmental
        else:
            pool = [home, *self.state_orgs[home]]
        start = start_ordinal - rng.randint(0, 8 * 365)
        count = rng.choice((1, 2, 2, 3, 3, 4))
        for k in range(count):
            org = rng.choice(pool)
            titles = TITLES[org.family]
            length = rng.randint(2 * 365, 8 * 365)
            end = start + length - 1
            last = k == count - 1 or end >= self.as_of_ordinal
            if last and (end >= self.as_of_ordinal or rng.random() < 0.75):
                end = OPEN_END
            title = None
            for _ in range(6):
                title, single = rng.choice(titles)
                if "{other}" in title:
                    other = rng.choice([s for s in self.states if s is not home])
                    title = title.format(other=other.name)
                if not single:
                    break
                spans = holders.setdefault((org.index, title), [])
                if all(end < s or start > e for s, e in spans):
                    spans.append((start, end))
                    break
            else:
                title = titles[-1][0]  # never a single-holder title
            unknown_start = k == 0 and rng.random() < 0.1
            person.roles.append(
                RoleSpan(0 if unknown_start else start, end, org, title)
            )
            if end == OPEN_END or end >= self.as_of_ordinal:
                break
            start = end + 1 + (rng.randint(1, 200) if rng.random() < 0.25 else 0)
            if start > self.as_of_ordinal:
                break

    def _deals(self, rng: random.Random) -> None:
        first = self.archive_start.date().toordinal() + 30
        last = self.as_of_ordinal - 90
        for k in range(self.agreement_count):
            topic = rng.choice(TOPICS)
            kind = rng.choice(AGREEMENT_KINDS)
            count = rng.choice((2, 2, 2, 3, 3, 4, 5))
            states = rng.sample(self.states, count)
            parties = []
            for n, state in enumerate(states):
                role = "signatory"
                if count >= 4 and n == count - 1:
                    role = rng.choice(("guarantor", "observer", "party"))
                elif rng.random() < 0.15:
                    role = "party"
                parties.append((state, role))
            names = [s.name for s in states]
            if count == 2:
                if kind == "treaty":
                    title = f"Treaty between {names[0]} and {names[1]} on {topic[0]}"
                elif kind == "memorandum":
                    title = (
                        f"{names[0]}–{names[1]} Memorandum of Understanding on "
                        f"{topic[0]}"
                    )
                else:
                    word = KIND_WORDS[kind].title()
                    title = f"{names[0]}–{names[1]} {word} on {topic[0]}"
            else:
                city = rng.choice(CITIES)
                title = f"{city} {KIND_WORDS[kind].title()} on {topic[0]}"
            proposed = rng.randint(first, last)
            changes = [
                StatusChange("proposed", datetime.date.fromordinal(proposed), None, "")
            ]
            day = proposed
            signed_on = None
            for status, share, low, high in (
                ("signed", 0.8, 30, 500),
                ("in_force", 0.7, 30, 700),
            ):
                day += rng.randint(low, high)
                if rng.random() >= share or day > self.as_of_ordinal - 1:
                    break
                changes.append(
                    StatusChange(status, datetime.date.fromordinal(day), None, "")
                )
                if status == "signed":
                    signed_on = datetime.date.fromordinal(day)
            if changes[-1].status == "in_force" and rng.random() < 0.15:
                day += rng.randint(365, 5 * 365)
                if day < self.as_of_ordinal:
                    status = rng.choice(("suspended", "terminated"))
                    changes.append(
                        StatusChange(
                            status,
                            datetime.date.fromordinal(day),
                            rng.choice(states),
                            "",
                        )
                    )
            precision = "day"
            if signed_on is not None:
                roll = rng.random()
                if roll < 0.1:
                    precision, signed_on = "month", signed_on.replace(day=1)
                elif roll < 0.15:
                    precision, signed_on = "year", signed_on.replace(month=1, day=1)
            deal = Deal(
                index=k,
                title=title,
                kind=kind,
                topic=topic,
                parties=parties,
                changes=changes,
                signed_on=signed_on,
                signed_precision=precision,
                status=changes[-1].status,
                proposed=proposed,
                scope=topic[2],
            )
            deal.summary = (
                f"{_cap(KIND_WORDS[kind])} between {_listing(names)} on "
                f"{topic[1]}, first proposed in {changes[0].date.year}."
            )
            for change in changes:
                change.note = self._change_sentence(deal, change)
            deal.slug = self.slugs["agreement"](title)
            deal.wikidata_id = self.wikidata["agreement"](rng, 0.3)
            created = datetime.datetime.combine(
                changes[0].date, datetime.time(rng.randint(7, 20)), UTC
            )
            deal.created_at = created
            deal.updated_at = max(
                created,
                datetime.datetime.combine(changes[-1].date, datetime.time(21), UTC),
            )
            deal.version = len(changes)
            self.deals.append(deal)

    def _change_sentence(self, deal: Deal, change: StatusChange) -> str:
        day = _date_text(change.date)
        names = _listing([s.ref for s, _ in deal.parties])
        if change.status == "proposed":
            return f"The {deal.title} was first proposed on {day} by {names}."
        if change.status == "signed":
            return f"The {deal.title} was signed on {day} by {names}."
        if change.status == "in_force":
            return f"The {deal.title} entered into force on {day}."
        party = _cap(change.party.ref)
        if change.status == "suspended":
            return f"{party} suspended its participation in the {deal.title} on {day}."
        return f"{party} withdrew from the {deal.title} on {day}, ending it."

    def _plan(self, rng: random.Random) -> None:
        """Status and publication time of every article: 3% drafts, 2% in
        review, 1% scheduled, the rest published over the last 15 years, more
        of them recently. Numbered in order of creation."""
        span = (self.now - self.archive_start).total_seconds()
        count = self.article_count
        drafts, in_review = round(count * 0.03), round(count * 0.02)
        scheduled = max(1, round(count * 0.01)) if count >= 20 else 0
        kinds = (
            ["draft"] * drafts
            + ["in_review"] * in_review
            + ["scheduled"] * scheduled
            + ["published"] * (count - drafts - in_review - scheduled)
        )
        rng.shuffle(kinds)
        plan = []
        for kind in kinds:
            if kind in ("draft", "in_review"):
                created = self.now - datetime.timedelta(
                    seconds=rng.randint(600, 45 * 86400)
                )
                plan.append(PlannedArticle(kind, None, created))
            elif kind == "scheduled":
                created = self.now - datetime.timedelta(
                    seconds=rng.randint(3600, 10 * 86400)
                )
                published = self.now + datetime.timedelta(
                    days=rng.randint(1, 30), hours=rng.randint(5, 20),
                    minutes=rng.choice((0, 15, 30, 45)),
                )  # fmt: skip
                plan.append(PlannedArticle("published", published, created))
            else:
                # Density growing linearly with time: more stories lately.
                # Half spread evenly, half ever denser: three times as many
                # stories a year at the end as at the start.
                share = rng.random()
                offset = span * (share if rng.random() < 0.5 else share**0.5)
                day = self.archive_start + datetime.timedelta(seconds=offset)
                clock = datetime.time(
                    rng.randint(6, 21), rng.randint(0, 59), rng.randint(0, 59)
                )
                published = datetime.datetime.combine(day.date(), clock, UTC)
                if published > self.now - datetime.timedelta(minutes=5):
                    published = self.now - datetime.timedelta(
                        minutes=rng.randint(5, 600)
                    )
                created = published - datetime.timedelta(
                    seconds=rng.randint(1200, 36 * 3600)
                )
                plan.append(PlannedArticle("published", published, created))
        plan.sort(key=lambda p: p.created_at)
        self.plan = plan
        # Quotes per article: uniform between the bounds, in pairs adding up
        # to twice the average, so the total is exactly what was asked for.
        low, high = self.quote_range
        self.quote_counts = []
        for _ in range(0, count, 2):
            drawn = rng.randint(low, high)
            self.quote_counts += [drawn, low + high - drawn]
        del self.quote_counts[count:]
        self.published = [
            (p.published_at, n)
            for n, p in enumerate(plan)
            if p.status == "published" and p.published_at <= self.now
        ]
        self.published.sort()

    def _cite_reports(self, rng: random.Random) -> None:
        """Each status change is reported by one of the first published
        articles on or after its date (when there is one within a week); that
        article is about the agreement."""
        times = [t for t, _ in self.published]
        for deal in self.deals:
            for change in deal.changes:
                day = datetime.datetime.combine(change.date, datetime.time(), UTC)
                at = bisect.bisect_left(times, day) + rng.randint(0, 3)
                if at < len(times) and times[at] - day < datetime.timedelta(days=7):
                    number = self.published[at][1]
                    change.article = number
                    self.plan[number].reports.append((deal, change))

    def _prepare_sampling(self) -> None:
        self.speaker_weights = zipf_weights(len(self.speakers), SPEAKER_EXPONENT)
        # The same heavy tail among the people of each state, for stories
        # that quote people from the states they are about.
        self.local_speakers: dict[Org, tuple[list[Human], list[float]]] = {}
        for state in self.states:
            local = [p for p in self.speakers if p.home is state]
            if local:
                weights = itertools.accumulate(
                    1 / (p.index + 1) ** SPEAKER_EXPONENT for p in local
                )
                self.local_speakers[state] = (local, list(weights))
        self.outlet_weights = zipf_weights(len(self.outlets), 1.0)
        self.deal_weights = zipf_weights(len(self.deals), 0.8)
        self.sources = [o for o in self.outlets if self.outlet_reporters[o]]
        self.source_weights = zipf_weights(len(self.sources), 0.9)

    # -- ids

    def counts(self) -> dict[str, int]:
        return {
            "person": len(self.people),
            "organisation": len(self.organisations),
            "agreement": len(self.deals),
            "article": self.article_count,
        }

    def assign_ids(self, first: dict[str, int]) -> None:
        """Give the records their ids: ``first[model]`` and on."""
        self.base_ids = dict(first)
        for records, key in (
            (self.people, "person"),
            (self.organisations, "organisation"),
            (self.deals, "agreement"),
        ):
            for n, record in enumerate(records):
                record.id = first[key] + n

    def article_id(self, number: int) -> int:
        return self.base_ids["article"] + number

    # -- registry rows (dicts of model field values, by attname)

    def organisation_rows(self) -> list[dict]:
        return [
            {
                "id": o.id,
                "slug": o.slug,
                "name": o.name,
                "kind": o.kind,
                "country": o.country,
                "parent_id": o.parent.id if o.parent else None,
                "description": o.description,
                "wikidata_id": o.wikidata_id,
                "version": o.version,
                "created_at": o.created_at,
                "updated_at": o.updated_at,
            }
            for o in self.organisations
        ]

    def organisation_alias_rows(self) -> list[dict]:
        return [
            {"organisation_id": o.id, "name": alias}
            for o in self.organisations
            for alias in o.aliases
        ]

    def person_rows(self) -> list[dict]:
        return [
            {
                "id": p.id,
                "slug": p.slug,
                "name": p.name,
                "description": p.description,
                "wikidata_id": p.wikidata_id,
                "version": p.version,
                "created_at": p.created_at,
                "updated_at": p.updated_at,
            }
            for p in self.people
        ]

    def person_alias_rows(self) -> list[dict]:
        return [
            {"person_id": p.id, "name": alias}
            for p in self.people
            for alias in p.aliases
        ]

    def role_rows(self) -> list[dict]:
        def day(ordinal: int):
            if ordinal in (0, OPEN_END):
                return None
            return datetime.date.fromordinal(ordinal)

        return [
            {
                "person_id": p.id,
                "organisation_id": r.org.id,
                "title": r.title,
                "start_date": day(r.start),
                "end_date": day(r.end),
            }
            for p in self.people
            for r in p.roles
        ]

    def agreement_rows(self) -> list[dict]:
        return [
            {
                "id": d.id,
                "slug": d.slug,
                "title": d.title,
                "kind": d.kind,
                "signed_on": d.signed_on,
                "signed_precision": d.signed_precision,
                "scope": d.scope,
                "summary": d.summary,
                "status": d.status,
                "wikidata_id": d.wikidata_id,
                "version": d.version,
                "created_at": d.created_at,
                "updated_at": d.updated_at,
            }
            for d in self.deals
        ]

    def party_rows(self) -> list[dict]:
        return [
            {"agreement_id": d.id, "organisation_id": o.id, "role": role}
            for d in self.deals
            for o, role in d.parties
        ]

    def status_change_rows(self) -> list[dict]:
        return [
            {
                "agreement_id": d.id,
                "status": c.status,
                "date": c.date,
                "party_id": c.party.id if c.party else None,
                "article_id": None if c.article is None else self.article_id(c.article),
                "note": c.note,
            }
            for d in self.deals
            for c in d.changes
        ]

    # -- articles

    def batches(self, size: int):
        """The articles in batches of ``size``, in order."""
        rng = random.Random()  # noqa: S311
        for first in range(0, self.article_count, size):
            batch = Batch()
            for number in range(first, min(first + size, self.article_count)):
                rng.seed(f"{self.seed}/article/{number}")
                self._article(Article(self, rng, number), batch)
            yield batch

    def _speakers(self, rng: random.Random, count: int, states) -> list[Human]:
        """``count`` different speakers (fewer if the draws keep repeating),
        half of them, on average, from the states the story is about."""
        chosen: list[Human] = []
        for _ in range(count * 4):
            local = self.local_speakers.get(rng.choice(states))
            if local is not None and rng.random() < 0.5:
                person = local[0][_pick(rng, local[1])]
            else:
                person = self.speakers[_pick(rng, self.speaker_weights)]
            if person not in chosen:
                chosen.append(person)
                if len(chosen) == count:
                    break
        return chosen

    def _article(self, art: Article, batch: Batch) -> None:
        rng = art.rng
        planned = self.plan[art.number]
        art_id = self.article_id(art.number)
        moment = planned.published_at or planned.created_at
        if moment > self.now:  # scheduled: written before today
            moment = planned.created_at
        day = moment.date()

        # What it is about.
        reports = planned.reports
        deal = reports[0][0] if reports else None
        if deal is None and rng.random() < 0.45:
            candidate = self.deals[_pick(rng, self.deal_weights)]
            if candidate.proposed <= day.toordinal():
                deal = candidate
        if deal is not None:
            states = [s for s, _ in deal.parties]
            rng.shuffle(states)
        else:
            states = rng.sample(self.states, rng.choice((1, 2, 2, 3)))
        topic_org = None
        if deal is None:
            members = self.state_topics[states[0]]
            topic_org = rng.choice(members) if rng.random() < 0.6 else states[0]

        source = self.sources[_pick(rng, self.source_weights)]
        staff = self.outlet_reporters[source]
        authors = [rng.choice(staff)]
        if len(staff) > 1 and rng.random() < 0.25:
            second = rng.choice(staff)
            if second is not authors[0]:
                authors.append(second)

        quote_count = self.quote_counts[art.number]
        speakers = self._speakers(rng, rng.randint(1, min(quote_count, 5)), states)
        # The first speaker says most; every speaker at least once.
        turns = list(speakers)
        while len(turns) < quote_count:
            turns.append(speakers[0] if rng.random() < 0.4 else rng.choice(speakers))
        rng.shuffle(turns)

        body = Body()
        quotes: list[tuple] = []
        headline = self._headline(art, deal, states, topic_org, speakers[0])
        standfirst = self._standfirst(art, deal, states, topic_org)
        self._lead(art, body, deal, states, topic_org, day)
        for _, change in reports:
            body.add("\n\n")
            body.add(change.note)
            for party, _ in deal.parties:
                art.mention(party)
            if change.party is not None:
                art.mention(change.party)
        for d, _ in reports[1:]:
            art.mention(d, about=True)

        target = rng.randint(2200, 4800)
        created = planned.created_at
        for n, speaker in enumerate(turns):
            body.add("\n\n")
            said_on = day - DAY * rng.choice((0, 0, 0, 0, 0, 1, 1, 2, 3))
            self._quote(art, body, quotes, speaker, said_on, deal)
            left = (len(turns) - n - 1) * 260
            if body.pos + left + 400 < target and rng.random() < 0.6:
                body.add("\n\n")
                self._background(art, body, deal, states, day)
        while body.pos < target - 150:
            body.add("\n\n")
            self._background(art, body, deal, states, day)

        # Mentions: the topic and whoever is quoted.
        if deal is not None:
            art.mention(deal, about=True)
        if topic_org is not None:
            art.mention(topic_org, about=True)
        if art.people and rng.random() < 0.3:
            art.people[speakers[0]] = True

        published = planned.published_at
        status = planned.status
        if published is not None and published <= self.now:
            updated = published
            if rng.random() < 0.4:  # corrected after publication
                updated += datetime.timedelta(seconds=rng.randint(60, 30 * 86400))
            updated = min(updated, self.now)
        else:  # draft, in review or scheduled: last touched before today
            updated = created + (self.now - created) * rng.random()
        updated = updated.replace(microsecond=0)
        version = rng.randint(1, 2) if status != "published" else rng.randint(2, 4)

        words = slugify(headline)
        if len(words) > 90:  # cut at a word
            words = words[:91].rsplit("-", 1)[0]
        slug = f"{self.prefix}{art.number + 1}-{words}"
        stamp = published or created
        source_url = (
            f"https://www.{slugify(source.name.removeprefix('The '))}.example/"
            f"{stamp:%Y/%m/%d}/{slug.removeprefix(self.prefix)}"
            if status == "published"
            else ""
        )
        batch.articles.append(
            (
                art_id,
                slug,
                headline,
                standfirst,
                body.text(),
                source.id,
                source_url,
                "en",
                status,
                published,
                version,
                created,
                updated,
            )
        )
        for person in authors:
            batch.authors.append((art_id, person.id))
        for person, about in art.people.items():
            batch.people.append((art_id, person.id, about))
        for org, about in art.organisations.items():
            batch.organisations.append((art_id, org.id, about))
        for deal_, about in art.agreements.items():
            batch.agreements.append((art_id, deal_.id, about))
        # Quotes were entered while the story was written.
        step = (updated - created) / (len(quotes) + 1)
        public_from = published if status == "published" else None
        for n, (
            text,
            kind,
            speaker,
            org,
            outlet,
            cue,
            said_on,
            start,
            end,
        ) in enumerate(quotes):
            at = (created + step * (n + 1)).replace(microsecond=0)
            batch.quotes.append(
                (art_id, text, kind, speaker.id, org.id if org else None,
                 outlet.id if outlet else None, cue, said_on, start, end,
                 public_from, at, at)
            )  # fmt: skip

    # -- pieces of text

    def _headline(self, art, deal, states, topic_org, speaker) -> str:
        rng = art.rng
        verb = rng.choice(VERBS)
        noun = rng.choice(NOUNS)
        roll = rng.random()
        if deal is not None:
            if roll < 0.35 and len(states) >= 2:
                action = rng.choice(("sign", "discuss", "review", "extend", "renew"))
                return f"{states[0].name} and {states[1].name} {action} {deal.short}"
            if roll < 0.6:
                return (
                    f"{speaker.surname} says {deal.short} will {verb[0]} "
                    f"{_plural(noun)}"
                )
            if roll < 0.8:
                return f"Talks on {deal.topic[1]} {rng.choice(PROGRESS)}"
            return f"{_cap(deal.short)}: what it means for {states[0].name}"
        if topic_org is not None and roll < 0.5:
            return (
                f"{_cap(topic_org.ref.removeprefix('the '))} to {verb[0]} "
                f"{rng.choice(ADJECTIVES)} {noun} {rng.choice(TIMES)}"
            )
        if roll < 0.75:
            return (
                f"{states[0].name} {verb[3]} {rng.choice(ADJECTIVES)} {noun} amid "
                f"{rng.choice(CONCERNS)}"
            )
        return f"{speaker.surname}: {_an(rng.choice(EVALUATIONS))} {rng.choice(STEPS)}"

    def _standfirst(self, art, deal, states, topic_org) -> str:
        rng = art.rng
        if deal is not None:
            subject = deal.title
        else:
            subject = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        return (
            f"Officials in {_listing([s.ref for s in states])} say the {subject} "
            f"could be {rng.choice(VERBS)[1]} {rng.choice(TIMES)}, despite "
            f"{rng.choice(CONCERNS)}."
        )

    def _lead(self, art, body: Body, deal, states, topic_org, day) -> None:
        rng = art.rng
        weekday = WEEKDAYS[day.weekday()]
        for state in states:
            art.mention(state)
        refs = [s.ref for s in states]
        if deal is not None:
            action = rng.choice(
                (
                    "agreed to expand work under the",
                    "moved closer to completing the",
                    "discussed the future of the",
                    "announced new funding under the",
                    "met to review progress on the",
                )
            )
            text = f"{_cap(_listing(refs))} on {weekday} {action} {deal.title}."
        elif topic_org is not None:
            art.mention(topic_org)
            verb = rng.choice(VERBS)
            text = (
                f"{_cap(topic_org.ref)} on {weekday} announced plans to {verb[0]} "
                f"{_an(rng.choice(ADJECTIVES))} {rng.choice(NOUNS)} "
                f"{rng.choice(TIMES)}."
            )
        else:
            text = (
                f"Officials from {_listing(refs)} met on {weekday} to review the "
                f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}."
            )
        body.add(text)
        body.add(" ")
        body.add(self._filler_sentence(art, deal, states, day))

    def _background(self, art, body: Body, deal, states, day) -> None:
        sentences = [
            self._filler_sentence(art, deal, states, day)
            for _ in range(art.rng.randint(2, 4))
        ]
        body.add(" ".join(sentences))

    def _filler_sentence(self, art, deal, states, day) -> str:
        """A sentence of background. Each article goes through the templates
        in its own shuffled order before it repeats one."""
        rng = art.rng
        if not art.deck:
            art.deck = [
                n
                for n in rng.sample(range(FILLERS), FILLERS)
                if (n != 0 or len(states) >= 2)
                and (n not in (6, 17) or deal is not None)
            ]
        roll = art.deck.pop()
        noun = rng.choice(NOUNS)
        adjective = rng.choice(ADJECTIVES)
        year = rng.randint(day.year - 12, day.year)
        state = rng.choice(states)
        if roll == 0 and len(states) >= 2:
            art.mention(states[0])
            art.mention(states[1])
            return (
                f"{_cap(states[0].ref)} and {states[1].ref} have "
                f"{rng.choice(VERBS)[1]} {rng.choice(NUMBERS)} joint "
                f"{_plural(noun)} {rng.choice(TIMES_PAST)}."
            )
        if roll == 1:
            return (
                f"The {adjective} {noun} is expected to cost about "
                f"{rng.randint(2, 90) / 2:g} billion {rng.choice(CURRENCIES)}."
            )
        if roll == 2:
            return (
                f"Analysts said the {noun} could be {rng.choice(VERBS)[1]} "
                f"{rng.choice(TIMES)} if funding is approved."
            )
        if roll == 3:
            art.mention(state)
            return f"{_cap(state.ref)} first proposed the {noun} in {year}."
        if roll == 4:
            return (
                f"Work on the {adjective} {noun} began in {year} and has faced "
                f"{rng.choice(CONCERNS)}."
            )
        if roll == 5:
            art.mention(state)
            return (
                f"{_cap(state.ref)} is one of {rng.choice(NUMBERS)} countries "
                f"taking part in the {noun}."
            )
        if roll == 6 and deal is not None:
            return f"The {deal.title} covers {deal.scope}."
        if roll == 7:
            art.mention(state)
            return (
                f"Officials in {state.ref} declined to give a timetable for the {noun}."
            )
        if roll == 8:
            return (
                f"The {adjective} {noun} would be the first of its kind in the region."
            )
        if roll == 9:
            return (
                f"Critics have questioned whether the {noun} can be "
                f"{rng.choice(VERBS)[1]} without {rng.choice(ABSTRACTS)}."
            )
        if roll == 10:
            return (
                f"The {noun} employs about {rng.randint(2, 60) * 50:,} people and "
                f"has {rng.choice(VERBS)[1]} {rng.choice(NUMBERS)} "
                f"{_plural(rng.choice(NOUNS))} {rng.choice(TIMES_PAST)}."
            )
        if roll == 11:
            return (
                f"A similar {noun} was {rng.choice(VERBS)[1]} in {year}, but it was "
                f"later {rng.choice(FATES)}."
            )
        if roll == 12:
            return (
                f"Funding for the {noun} was cut by {rng.randint(5, 40)} percent in "
                f"{year}."
            )
        if roll == 13:
            return (
                f"The {adjective} {noun} is run jointly by {rng.choice(NUMBERS)} "
                f"{rng.choice(CREWS)}."
            )
        if roll == 14:
            return (
                f"Engineers completed the first {rng.choice(PHASES)} of the "
                f"{adjective} {noun} in {MONTHS[rng.randrange(12)]} {year}."
            )
        if roll == 15:
            art.mention(state)
            return (
                f"{_cap(state.ref)} has spent more than {rng.randint(20, 900):,} "
                f"million {rng.choice(CURRENCIES)} on the {noun} since {year}."
            )
        if roll == 16:
            art.mention(state)
            return (
                f"Lawmakers in {state.ref} are expected to debate the {noun} "
                f"{rng.choice(TIMES)}."
            )
        if roll == 17 and deal is not None:
            return (
                f"Negotiations on the {deal.title} began in "
                f"{datetime.date.fromordinal(deal.proposed).year}."
            )
        return (
            f"Satellite images published in {year} showed work on the {noun} "
            f"well under way."
        )

    def _reference(self, art: Article, speaker: Human, said_on_ordinal: int) -> str:
        """How the copy names the speaker: in full with who they are the
        first time, by surname afterwards."""
        if speaker in art.introduced:
            if art.rng.random() < 0.15 or any(
                other.surname == speaker.surname and other is not speaker
                for other in art.introduced
            ):
                return speaker.name
            return speaker.surname
        art.introduced.add(speaker)
        art.mention(speaker)
        role = speaker.role_on(said_on_ordinal)
        if role is not None:
            art.mention(role.org)
            org = role.org
            if org.kind == "state":
                who = f"{org.adjective} {role.title}"
            else:
                who = f"{role.title} of {org.ref}"
            return f"{speaker.name}, {who},"
        past = speaker.last_role_before(said_on_ordinal)
        if past is not None:
            art.mention(past.org)
            if past.org.kind == "state":
                return f"{speaker.name}, a former {past.org.adjective} {past.title},"
            return f"{speaker.name}, a former {past.title} of {past.org.ref},"
        return f"{speaker.name}, {_an(speaker.description or 'official')},"

    def _quote(self, art, body: Body, quotes, speaker, said_on, deal) -> None:
        """One paragraph in which ``speaker`` is quoted: directly, partially
        or in reported speech. The quoted words go into the body as one piece,
        so their offsets are known exactly."""
        rng = art.rng
        ordinal = said_on.toordinal()
        role = speaker.role_on(ordinal)
        org = role.org if role is not None else None
        if org is not None:
            art.mention(org)
        # "Petrov", or "Anna Petrova, Director General of the X Agency," the
        # first time: either way it can stand before a verb.
        ref = self._reference(art, speaker, ordinal)
        outlet = None
        if rng.random() < 0.15:
            outlet = self.outlets[_pick(rng, self.outlet_weights)]
            art.mention(outlet)
        thing = (
            deal.short
            if deal is not None and rng.random() < 0.5
            else rng.choice(
                ("agreement", "decision", "talks", "plan", rng.choice(NOUNS))
            )
        )
        was = "were" if thing == "talks" else "was"
        roll = rng.random()
        if roll < 0.45:
            kind = "direct"
            words = self._direct(rng)
            if rng.random() < 0.35:
                words += " " + self._direct(rng)
            form = rng.randrange(3) if outlet is None else 3
            if form == 0:
                cue = rng.choice(DIRECT_CUES)
                words = words[:-1]  # the comma replaces the full stop
                body.add("“")
                span = body.words(words)
                body.add(f",” {ref} {cue}.")
            elif form == 1:
                cue = rng.choice(DIRECT_CUES)
                body.add(f"{ref} {cue}: “")
                span = body.words(words)
                body.add("”")
            elif form == 2:
                cue = "said"
                body.add(f"Speaking {rng.choice(SETTINGS)}, {ref} said: “")
                span = body.words(words)
                body.add("”")
            else:
                cue = "told"
                words = words[:-1]
                body.add("“")
                span = body.words(words)
                body.add(f",” {ref} told {outlet.ref}.")
        elif roll < 0.7:
            kind = "partial"
            words = self._fragment(rng)
            form = rng.randrange(4) if outlet is None else 4
            if form == 0:
                cue = "called"
                body.add(f"{ref} called the {thing} “")
                span = body.words(words)
                body.add("”.")
            elif form == 1:
                cue = "said"
                body.add(f"{ref} said the {thing} {was} “")
                span = body.words(words)
                body.add(f"”, adding that {self._clause(rng)}.")
            elif form == 2:
                cue = "said"
                body.add(f"The {thing} {was} “")
                span = body.words(words)
                body.add(f"”, {ref} said.")
            elif form == 3:
                cue = "described"
                body.add(f"{ref} described the {thing} as “")
                span = body.words(words)
                body.add(f"” in {rng.choice(CONTEXTS)}.")
            else:
                cue = "told"
                body.add(f"{ref} told {outlet.ref} that the {thing} {was} “")
                span = body.words(words)
                body.add("”.")
        else:
            kind = "indirect"
            words = self._clause(rng)
            form = rng.randrange(4) if outlet is None else 4
            if form == 0:
                cue = "said"
                body.add(f"{ref} said that ")
            elif form == 1:
                cue = "according to"
                body.add(f"According to {ref.rstrip(',')}, ")
            elif form == 2:
                cue = rng.choice(("added", "warned", "stressed"))
                body.add(f"{ref} {cue} that ")
            elif form == 3:
                cue = "said"
                body.add(f"{ref} said ")
            else:
                cue = "told"
                body.add(f"{ref} told {outlet.ref} that ")
            span = body.words(words)
            body.add(".")
        quotes.append((words, kind, speaker, org, outlet, cue, said_on, *span))

    def _direct(self, rng: random.Random) -> str:
        verb = rng.choice(VERBS)
        noun = rng.choice(NOUNS)
        adjective = rng.choice(ADJECTIVES)
        roll = rng.randrange(12)
        if roll == 0:
            return (
                f"We {rng.choice(MODALS)} {verb[0]} the {adjective} {noun} "
                f"{rng.choice(TIMES)}."
            )
        if roll == 1:
            return (
                f"This {noun} is {rng.choice(EVALUATIONS)} for "
                f"{rng.choice(BENEFICIARIES)}."
            )
        if roll == 2:
            return (
                f"Our {rng.choice(CREWS)} are ready to {verb[0]} the {adjective} "
                f"{noun} together with our {rng.choice(PARTNERS)}."
            )
        if roll == 3:
            return f"There is no alternative to {verb[2]} the {adjective} {noun}."
        if roll == 4:
            return f"The {noun} cannot be {verb[1]} without {rng.choice(ABSTRACTS)}."
        if roll == 5:
            return (
                f"Nobody expected this to be easy, but we will {verb[0]} the {noun} "
                f"{rng.choice(TIMES)}."
            )
        if roll == 6:
            return (
                f"We have {verb[1]} {rng.choice(NUMBERS)} {_plural(noun)} "
                f"{rng.choice(TIMES_PAST)}, and we will not stop there."
            )
        if roll == 7:
            return (
                f"The decision to {verb[0]} the {noun} was {rng.choice(EVALUATIONS)}, "
                "and it was taken together."
            )
        if roll == 8:
            return (
                f"{_cap(rng.choice(ABSTRACTS))} is the foundation of everything we do."
            )
        if roll == 9:
            return (
                f"I am convinced that the {adjective} {noun} will be {verb[1]} "
                f"{rng.choice(TIMES)}."
            )
        if roll == 10:
            return f"Despite {rng.choice(CONCERNS)}, the {noun} remains on schedule."
        return f"We are not going to {verb[0]} the {noun} under pressure."

    def _fragment(self, rng: random.Random) -> str:
        roll = rng.randrange(6)
        evaluation = rng.choice(EVALUATIONS)
        if roll == 0:
            return f"{_an(evaluation)} {rng.choice(STEPS)}"
        if roll == 1:
            return f"{rng.choice(ADVERBS)} {evaluation}"
        if roll == 2:
            return f"the most {evaluation} {rng.choice(STEPS)} in years"
        if roll == 3:
            return f"a matter of {rng.choice(ABSTRACTS)}"
        if roll == 4:
            return f"{evaluation} but {rng.choice(EVALUATIONS)}"
        return f"{_an(evaluation)} {rng.choice(STEPS)} for {rng.choice(BENEFICIARIES)}"

    def _clause(self, rng: random.Random) -> str:
        verb = rng.choice(VERBS)
        noun = rng.choice(NOUNS)
        roll = rng.randrange(6)
        if roll == 0:
            return (
                f"{rng.choice(SUBJECTS)} would {verb[0]} the {rng.choice(ADJECTIVES)} "
                f"{noun} {rng.choice(TIMES)}"
            )
        if roll == 1:
            return f"talks on the {noun} had {rng.choice(PROGRESS)}"
        if roll == 2:
            return (
                f"the {noun} was {rng.choice(EVALUATIONS)} for "
                f"{rng.choice(BENEFICIARIES)}"
            )
        if roll == 3:
            subject = rng.choice(SUBJECTS)
            was = "were" if subject in ("both sides", "the partners") else "was"
            return (
                f"{subject} {was} prepared to {verb[0]} more "
                f"{_plural(noun)} {rng.choice(TIMES)}"
            )
        if roll == 4:
            return f"the cost of the {noun} had risen because of {rng.choice(CONCERNS)}"
        return (
            f"a decision on the {rng.choice(ADJECTIVES)} {noun} was expected "
            f"{rng.choice(TIMES)}"
        )
