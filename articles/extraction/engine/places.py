"""Word lists of places the extraction rules lean on: demonyms and the
countries they stand for, countries by their names, and the capitals wire
copy uses for their governments. ``lexicon`` re-exports them, so the rules
read them as ``lx.COUNTRIES`` beside the other word lists."""

from __future__ import annotations

DEMONYMS = frozenset(
    """
    American Australian Austrian Belgian Brazilian British Canadian Chilean
    Chinese Colombian Cuban Czech Danish Dutch Egyptian English Ethiopian
    European Finnish French German Ghanaian Greek Hungarian Indian Indonesian
    Iranian Iraqi Irish Israeli Italian Japanese Kenyan Korean Mexican Moroccan
    Nigerian Norwegian Pakistani Palestinian Peruvian Polish Portuguese
    Romanian Russian Saudi Scottish Serbian Spanish Swedish Swiss Syrian
    Taiwanese Thai Turkish Ugandan Ukrainian Venezuelan Vietnamese Welsh
    South North Western Eastern Afghan Algerian Argentine Bangladeshi
    Belarusian Filipino Georgian Jordanian Lebanese Libyan Malaysian Qatari
    Singaporean Somali Sudanese Tunisian Yemeni Zimbabwean
    """.split()
)

# The country a demonym or a common short name stands for ("Russian
# President" speaks for Russia, "U.S. officials" for the United States).
COUNTRIES = {
    "Afghan": "Afghanistan",
    "Algerian": "Algeria",
    "Argentine": "Argentina",
    "Bangladeshi": "Bangladesh",
    "Belarusian": "Belarus",
    "Filipino": "Philippines",
    "Georgian": "Georgia",
    "Jordanian": "Jordan",
    "Lebanese": "Lebanon",
    "Libyan": "Libya",
    "Malaysian": "Malaysia",
    "Qatari": "Qatar",
    "Singaporean": "Singapore",
    "Somali": "Somalia",
    "Sudanese": "Sudan",
    "Tunisian": "Tunisia",
    "Yemeni": "Yemen",
    "Zimbabwean": "Zimbabwe",
    "American": "United States",
    "U.S": "United States",
    "US": "United States",
    "U.S.A": "United States",
    "USA": "United States",
    "British": "United Kingdom",
    "U.K": "United Kingdom",
    "UK": "United Kingdom",
    "Australian": "Australia",
    "Austrian": "Austria",
    "Belgian": "Belgium",
    "Brazilian": "Brazil",
    "Canadian": "Canada",
    "Chilean": "Chile",
    "Chinese": "China",
    "Colombian": "Colombia",
    "Cuban": "Cuba",
    "Czech": "Czech Republic",
    "Danish": "Denmark",
    "Dutch": "Netherlands",
    "Egyptian": "Egypt",
    "Ethiopian": "Ethiopia",
    "Finnish": "Finland",
    "French": "France",
    "German": "Germany",
    "Ghanaian": "Ghana",
    "Greek": "Greece",
    "Hungarian": "Hungary",
    "Indian": "India",
    "Indonesian": "Indonesia",
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Irish": "Ireland",
    "Israeli": "Israel",
    "Italian": "Italy",
    "Japanese": "Japan",
    "Kenyan": "Kenya",
    "Mexican": "Mexico",
    "Moroccan": "Morocco",
    "Nigerian": "Nigeria",
    "Norwegian": "Norway",
    "Pakistani": "Pakistan",
    "Peruvian": "Peru",
    "Polish": "Poland",
    "Portuguese": "Portugal",
    "Romanian": "Romania",
    "Russian": "Russia",
    "Saudi": "Saudi Arabia",
    "Serbian": "Serbia",
    "Spanish": "Spain",
    "Swedish": "Sweden",
    "Swiss": "Switzerland",
    "Syrian": "Syria",
    "Taiwanese": "Taiwan",
    "Thai": "Thailand",
    "Turkish": "Turkey",
    "Ugandan": "Uganda",
    "Ukrainian": "Ukraine",
    "Venezuelan": "Venezuela",
    "Vietnamese": "Vietnam",
}

# More states by their demonyms and short names, as agency copy writes them
# before a title ("Bolivian President", "Burmese opposition leader"); from
# the demonyms of the member states of the United Nations in common English
# use (Wikipedia's "List of adjectival and demonymic forms for countries and
# nations"), those not listed above.
MORE_COUNTRIES = {
    "Albanian": "Albania",
    "Angolan": "Angola",
    "Armenian": "Armenia",
    "Azerbaijani": "Azerbaijan",
    "Bahraini": "Bahrain",
    "Bhutanese": "Bhutan",
    "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina",
    "Bulgarian": "Bulgaria",
    "Burmese": "Myanmar",
    "Cambodian": "Cambodia",
    "Cameroonian": "Cameroon",
    "Chadian": "Chad",
    "Congolese": "Congo",
    "Croatian": "Croatia",
    "Cypriot": "Cyprus",
    "Ecuadorean": "Ecuador",
    "Ecuadorian": "Ecuador",
    "Emirati": "United Arab Emirates",
    "Eritrean": "Eritrea",
    "Estonian": "Estonia",
    "Fijian": "Fiji",
    "Guatemalan": "Guatemala",
    "Haitian": "Haiti",
    "Honduran": "Honduras",
    "Icelandic": "Iceland",
    "Ivorian": "Ivory Coast",
    "Jamaican": "Jamaica",
    "Kazakh": "Kazakhstan",
    "Kuwaiti": "Kuwait",
    "Kyrgyz": "Kyrgyzstan",
    "Latvian": "Latvia",
    "Liberian": "Liberia",
    "Lithuanian": "Lithuania",
    "Macedonian": "North Macedonia",
    "Malawian": "Malawi",
    "Malian": "Mali",
    "Maltese": "Malta",
    "Moldovan": "Moldova",
    "Mongolian": "Mongolia",
    "Mozambican": "Mozambique",
    "Namibian": "Namibia",
    "Nepalese": "Nepal",
    "Nepali": "Nepal",
    "Nicaraguan": "Nicaragua",
    "Omani": "Oman",
    "Panamanian": "Panama",
    "Paraguayan": "Paraguay",
    "Philippine": "Philippines",
    "Rwandan": "Rwanda",
    "Salvadoran": "El Salvador",
    "Senegalese": "Senegal",
    "Slovak": "Slovakia",
    "Slovenian": "Slovenia",
    "Tajik": "Tajikistan",
    "Tanzanian": "Tanzania",
    "Turkmen": "Turkmenistan",
    "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan",
    "Zambian": "Zambia",
    "Britain": "United Kingdom",
}
# Demonyms of the remaining member states, as agency copy writes them
# before a title ("Nigerien President", "Togolese police").
MORE_COUNTRIES.update(
    {
        "Bahamian": "Bahamas",
        "Barbadian": "Barbados",
        "Beninese": "Benin",
        "Bruneian": "Brunei",
        "Burkinabe": "Burkina Faso",
        "Burundian": "Burundi",
        "Comoran": "Comoros",
        "Djiboutian": "Djibouti",
        "Dominican": "Dominican Republic",
        "Gabonese": "Gabon",
        "Gambian": "Gambia",
        "Guinean": "Guinea",
        "Guyanese": "Guyana",
        "Laotian": "Laos",
        "Malagasy": "Madagascar",
        "Maldivian": "Maldives",
        "Mauritanian": "Mauritania",
        "Mauritian": "Mauritius",
        "Montenegrin": "Montenegro",
        "Nigerien": "Niger",
        "Samoan": "Samoa",
        "Surinamese": "Suriname",
        "Togolese": "Togo",
        "Tongan": "Tonga",
        # States outside the United Nations or with observer status, whose
        # governments wire copy names as it names any other's.
        "Kosovar": "Kosovo",
        "Kosovan": "Kosovo",
        "Palestinian": "Palestinian Authority",
    }
)
COUNTRIES.update(MORE_COUNTRIES)
DEMONYMS = DEMONYMS | frozenset(d for d in MORE_COUNTRIES if d != "Britain")
# The words of two-word demonyms ("South African", "Sri Lankan").
DEMONYMS = DEMONYMS | frozenset("African Sri Lankan Arabian Leonean Rican".split())

# Demonyms of two words ("South Korean intelligence official").
COUNTRY_DEMONYMS = {
    "South Korean": "South Korea",
    "North Korean": "North Korea",
    "South African": "South Africa",
    "New Zealand": "New Zealand",
    "Sri Lankan": "Sri Lanka",
    "Saudi Arabian": "Saudi Arabia",
    "South Sudanese": "South Sudan",
    "Sierra Leonean": "Sierra Leone",
    "Costa Rican": "Costa Rica",
}

# Countries by their names, as wire copy writes them ("In Australia, …").
COUNTRY_NAMES = (
    frozenset(COUNTRIES.values())
    | frozenset(
        "Israel Iran Iraq Russia China Japan India Pakistan Afghanistan".split()
    )
    | frozenset(
        [
            "South Korea",
            "North Korea",
            "South Africa",
            "New Zealand",
            "Sri Lanka",
            "South Sudan",
        ]
    )
    # The member states of the United Nations no demonym above stands for,
    # by the short names copy uses ("President Jo Roe of Niger").
    | frozenset(
        """
        Andorra|Antigua and Barbuda|Belize|Botswana|Cabo Verde|Cape Verde
        |Central African Republic|Costa Rica|Democratic Republic of Congo
        |Democratic Republic of the Congo|Dominica|Equatorial Guinea|Eswatini
        |Guinea-Bissau|Grenada|Kiribati|Lesotho|Liechtenstein|Luxembourg
        |Marshall Islands|Micronesia|Monaco|Nauru|Palau|Papua New Guinea
        |Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines
        |San Marino|Sao Tome and Principe|Seychelles|Sierra Leone
        |Solomon Islands|Timor-Leste|Trinidad and Tobago|Tuvalu|Vanuatu
        """.split("|")
    )
)
COUNTRY_NAMES = frozenset(name.strip() for name in COUNTRY_NAMES)

# Capitals that wire copy uses for their governments ("Moscow says …").
CAPITALS = {
    "Moscow": "Russia",
    "Beijing": "China",
    "Washington": "United States",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Tokyo": "Japan",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Tehran": "Iran",
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Ankara": "Turkey",
    "Delhi": "India",
    "Islamabad": "Pakistan",
    "Ottawa": "Canada",
    "Canberra": "Australia",
    "Damascus": "Syria",
    "Baghdad": "Iraq",
    "Cairo": "Egypt",
    "Riyadh": "Saudi Arabia",
    "Havana": "Cuba",
    "Caracas": "Venezuela",
    "Brasilia": "Brazil",
    "Madrid": "Spain",
    "Rome": "Italy",
    "Warsaw": "Poland",
    "Minsk": "Belarus",
    "Taipei": "Taiwan",
    "Jerusalem": "Israel",
}

# Regions of the world, which copy names as it names countries ("a country in
# the Middle East, President Ahmadinejad"): places, never people.
REGIONS = frozenset(
    " ".join(region.split())
    for region in """
    Middle East|Near East|Far East|Gulf|Persian Gulf|Arabian Peninsula|Balkans
    |Western Balkans|Caucasus|North Caucasus|South Caucasus|Horn of Africa
    |Sahel|Maghreb|Levant|Central Asia|South Asia|Southeast Asia|South East Asia
    |East Asia|Asia-Pacific|Asia Pacific|Latin America|Central America
    |South America|North America|West Africa|East Africa|North Africa
    |Central Africa|Southern Africa|Sub-Saharan Africa
    |Eastern Europe|Western Europe|Central Europe|Northern Europe
    |Southern Europe|Scandinavia|Baltics|Caribbean|Pacific|Arctic|Antarctic
    |Korean Peninsula|Gaza Strip|West Bank|Kashmir|Darfur
    """.split("|")
)
