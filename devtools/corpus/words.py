"""The corpus's vocabulary: states, ministries, agencies, outlets, companies,
names and the words its sentences are built from, plus the few constants
(archive span, Zipf exponent) the rest of the generator shares."""

from __future__ import annotations

import datetime

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
