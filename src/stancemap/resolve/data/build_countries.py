"""How ``countries.tsv`` was made. Not run at install or at run time: the TSV is committed.

The bulk comes from two packages, installed in a scratch virtual environment only
for this script (the runtime package depends on neither)::

    python3 -m venv /tmp/gaz-venv
    /tmp/gaz-venv/bin/pip install countryinfo==1.0.1 pycountry==26.2.16
    /tmp/gaz-venv/bin/python src/stancemap/resolve/data/build_countries.py > countries.tsv

``pycountry`` (ISO 3166-1, from Debian's iso-codes) gives the list of codes and the
short and official names; ``countryinfo`` gives demonyms, capitals and alternative
spellings. Then the hand corrections below are applied: English news forms the
packages lack (Türkiye, Czechia, Ivory Coast, ...), the spec's special codes for
entities without an ISO code (XKX, XNK, XAB, XSO, XTR, XNC), demonyms that name more
than one country (dropped or given to the usual referent), and the curated ``seats``
column: capitals and seats of government that news uses as metonyms for a
government and that do not collide with ordinary words or person names.

Columns: ``code name aliases demonyms seats capital`` (``|`` separates forms).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import Any

import pycountry
from countryinfo import all_countries

# Readable names where the packages' choice is not the usual English news form.
NAMES = {
    "BHS": "Bahamas",
    "GMB": "Gambia",
    "MKD": "North Macedonia",
    "SWZ": "Eswatini",
    "CZE": "Czech Republic",
    "CIV": "Ivory Coast",
    "CPV": "Cape Verde",
    "TLS": "East Timor",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "VAT": "Holy See",
    "PSE": "Palestine",
    "MMR": "Myanmar",
    "TUR": "Turkey",
    "RUS": "Russia",
    "USA": "United States",
    "GBR": "United Kingdom",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "IRN": "Iran",
    "SYR": "Syria",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "LAO": "Laos",
    "VNM": "Vietnam",
    "TWN": "Taiwan",
    "FSM": "Micronesia",
    "BRN": "Brunei",
    "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands",
    "MAF": "Saint Martin",
    "SXM": "Sint Maarten",
    "PCN": "Pitcairn Islands",
}

# Extra aliases in English news usage.
ALIASES: dict[str, list[str]] = {
    "USA": ["United States", "U.S.", "US", "USA", "U.S.A.", "United States of America", "America"],
    "GBR": [
        "United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ],
    "RUS": ["Russian Federation", "Russia"],
    "TUR": ["Türkiye", "Turkey", "Republic of Turkey", "Republic of Türkiye"],
    "CZE": ["Czechia", "Czech Republic"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MKD": [
        "North Macedonia",
        "Republic of North Macedonia",
        "Macedonia",
        "FYROM",
        "Former Yugoslav Republic of Macedonia",
    ],
    "SWZ": ["Eswatini", "Swaziland"],
    "CPV": ["Cabo Verde", "Cape Verde"],
    "TLS": ["Timor-Leste", "East Timor"],
    "MMR": ["Myanmar", "Burma"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "Republic of Congo"],
    "VAT": ["Vatican", "Vatican City", "Holy See"],
    "PSE": ["Palestine", "State of Palestine"],
    "KOR": ["Republic of Korea", "South Korea"],
    "PRK": ["North Korea", "DPRK"],
    "TWN": ["Taiwan", "Chinese Taipei"],
    "ARE": ["United Arab Emirates", "UAE"],
    "NLD": ["Netherlands", "the Netherlands", "Holland"],
    "KAZ": ["Kazakhstan"],
    "MDA": ["Moldova", "Republic of Moldova"],
    "UKR": ["Ukraine"],
    "BLR": ["Belarus"],
    "GEO": ["Georgia"],
    "AZE": ["Azerbaijan", "Republic of Azerbaijan"],
    "ARM": ["Armenia", "Republic of Armenia"],
    "IRN": ["Islamic Republic of Iran", "Iran"],
    "CHN": ["People's Republic of China", "PRC", "China"],
    "BIH": ["Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia"],
    "VNM": ["Vietnam", "Viet Nam"],
    "LAO": ["Laos", "Lao PDR"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "GMB": ["Gambia", "The Gambia"],
    "BHS": ["Bahamas", "The Bahamas"],
    "BRN": ["Brunei"],
}

# Aliases from the packages that are ambiguous in running text; dropped.
DROP_ALIASES = {
    "Congo",
    "Island",
    "Guiana",
    "Thai",
    "Togolese",
    "Montenegrin",
    "Prathet",
    "Lao",
    "Mann",
    "Mannin",
    "Pleasant Island",
    "Viti",
    "Pitcairn",
    "Reunion",
    "Réunion",
    "Dominique",
    "Jersey",
    "Guernsey",
    "Republic of China",
    "Bermudas",
    "Somers Isles",
    "The Bermudas",
    "Union des Comores",
    "Mexicanos",
    "Portuguesa",
    "Yemeni Republic",
    "Macao",
}

# Demonyms the packages give to more than one code, or that are languages rather than
# nationalities: assign to the usual referent or leave out.
DEMONYMS: dict[str, list[str]] = {
    "USA": ["American"],
    "GBR": ["British"],
    "AZE": ["Azerbaijani", "Azeri"],
    "KAZ": ["Kazakh", "Kazakhstani"],
    "KGZ": ["Kyrgyz", "Kyrgyzstani", "Kirghiz"],
    "TJK": ["Tajik", "Tajikistani"],
    "UZB": ["Uzbek", "Uzbekistani"],
    "TKM": ["Turkmen"],
    "ARG": ["Argentine", "Argentinian", "Argentinean"],
    "SVN": ["Slovenian", "Slovene"],
    "SVK": ["Slovak", "Slovakian"],
    "BIH": ["Bosnian"],
    "NLD": ["Dutch"],
    "PHL": ["Filipino", "Philippine"],
    "KOR": ["South Korean"],
    "PRK": ["North Korean"],
    "CHN": ["Chinese"],
    "TWN": ["Taiwanese"],
    "HKG": ["Hong Kong"],
    "DOM": ["Dominican"],
    "GIN": ["Guinean"],
    "WSM": ["Samoan"],
    "SAU": ["Saudi", "Saudi Arabian"],
    "ARE": ["Emirati"],
    "CYP": ["Cypriot", "Greek Cypriot"],
    "LAO": ["Lao", "Laotian"],
    "MMR": ["Myanmar", "Burmese"],
    "CZE": ["Czech"],
    "MKD": ["North Macedonian", "Macedonian"],
    "MDA": ["Moldovan"],
    "BLR": ["Belarusian", "Belarussian"],
    "UKR": ["Ukrainian"],
    "TUR": ["Turkish"],
    "NZL": ["New Zealand"],
    "CIV": ["Ivorian"],
    "VAT": ["Vatican"],
    "BHR": ["Bahraini"],
    "ISL": ["Icelandic"],
    "LUX": ["Luxembourgish", "Luxembourger"],
    "ESP": ["Spanish"],
    "CPV": ["Cape Verdean"],
    "SWZ": ["Swazi", "Eswatini"],
    "KNA": ["Kittitian", "Nevisian"],
    "BGD": ["Bangladeshi"],
    "SDN": ["Sudanese"],
    "SSD": ["South Sudanese"],
    "PSE": ["Palestinian"],
    "ASM": ["American Samoan"],
    "MDV": ["Maldivian"],
    "GRC": ["Greek", "Hellenic"],
    "EST": ["Estonian"],
}
DROP_DEMONYMS = {
    "French",
    "American",
    "Indian",
    "Norwegian",
    "Chinese",
    "Channel Islander",
    "Congolese",
    "Dominican",
    "Guinean",
    "Samoan",
    "Djibouti",
    "Gibraltar",
    "Christmas Island",
    "Bermudian",
    "Korean",
    "Vaticanian",
    "Thai",
    "Tadzhik",
    "Maldivan",
}
KEEP_DEMONYM_OWNER = {
    "French": "FRA",
    "American": "USA",
    "Indian": "IND",
    "Norwegian": "NOR",
    "Chinese": "CHN",
    "Dominican": "DOM",
    "Guinean": "GIN",
    "Samoan": "WSM",
    "Thai": "THA",
    "Djibouti": "DJI",
    "Gibraltar": "GIB",
}

# Seats: capital or seat-of-government metonyms, curated. A capital that is also an
# ordinary word, a common person name, or a city name shared with another country is
# left out (Kingston, Victoria, Hamilton, Male, Moroni, Sucre, San José, Georgetown, ...).
# Brussels is left out: in news it names the EU at least as often as Belgium.
SEATS: dict[str, list[str]] = {
    "RUS": ["Moscow", "the Kremlin", "Kremlin"],
    "USA": [
        "Washington",
        "Washington, D.C.",
        "the White House",
        "White House",
        "State Department",
        "the State Department",
        "the Pentagon",
        "Pentagon",
        "Capitol Hill",
    ],
    "GBR": ["London", "Downing Street", "Whitehall", "Number 10", "No 10"],
    "FRA": ["Paris", "the Elysee", "Elysee", "Élysée", "the Élysée", "Quai d'Orsay"],
    "DEU": ["Berlin"],
    "TUR": ["Ankara"],
    "CHN": ["Beijing", "Zhongnanhai"],
    "AZE": ["Baku"],
    "ARM": ["Yerevan"],
    "GEO": ["Tbilisi"],
    "UKR": ["Kyiv", "Kiev", "Bankova"],
    "BLR": ["Minsk"],
    "MDA": ["Chisinau", "Chișinău", "Chişinău"],
    "IRN": ["Tehran", "Teheran"],
    "ISR": ["Jerusalem", "Tel Aviv"],
    "PSE": ["Ramallah"],
    "JPN": ["Tokyo"],
    "IND": ["New Delhi"],
    "PAK": ["Islamabad"],
    "AFG": ["Kabul"],
    "IRQ": ["Baghdad"],
    "SYR": ["Damascus"],
    "LBN": ["Beirut"],
    "JOR": ["Amman"],
    "EGY": ["Cairo"],
    "SAU": ["Riyadh"],
    "QAT": ["Doha"],
    "ARE": ["Abu Dhabi"],
    "KWT": ["Kuwait City"],
    "OMN": ["Muscat"],
    "BHR": ["Manama"],
    "YEM": ["Sanaa", "Sana'a"],
    "ITA": ["Rome", "Palazzo Chigi"],
    "ESP": ["Madrid"],
    "PRT": ["Lisbon"],
    "IRL": ["Dublin"],
    "NLD": ["Amsterdam", "The Hague"],
    "AUT": ["Vienna"],
    "CHE": ["Bern", "Berne"],
    "POL": ["Warsaw"],
    "CZE": ["Prague"],
    "SVK": ["Bratislava"],
    "HUN": ["Budapest"],
    "ROU": ["Bucharest"],
    "BGR": ["Sofia"],
    "GRC": ["Athens"],
    "CYP": ["Nicosia"],
    "SRB": ["Belgrade"],
    "HRV": ["Zagreb"],
    "SVN": ["Ljubljana"],
    "BIH": ["Sarajevo"],
    "MNE": ["Podgorica"],
    "MKD": ["Skopje"],
    "ALB": ["Tirana"],
    "DNK": ["Copenhagen"],
    "SWE": ["Stockholm"],
    "NOR": ["Oslo"],
    "FIN": ["Helsinki"],
    "ISL": ["Reykjavik"],
    "EST": ["Tallinn"],
    "LVA": ["Riga"],
    "LTU": ["Vilnius"],
    "KAZ": ["Astana", "Nur-Sultan"],
    "UZB": ["Tashkent"],
    "KGZ": ["Bishkek"],
    "TJK": ["Dushanbe"],
    "TKM": ["Ashgabat"],
    "MNG": ["Ulaanbaatar", "Ulan Bator"],
    "KOR": ["Seoul"],
    "PRK": ["Pyongyang"],
    "TWN": ["Taipei"],
    "VNM": ["Hanoi"],
    "THA": ["Bangkok"],
    "IDN": ["Jakarta"],
    "MYS": ["Kuala Lumpur", "Putrajaya"],
    "PHL": ["Manila"],
    "AUS": ["Canberra"],
    "NZL": ["Wellington"],
    "CAN": ["Ottawa"],
    "MEX": ["Mexico City"],
    "BRA": ["Brasilia", "Brasília", "Planalto"],
    "ARG": ["Buenos Aires", "Casa Rosada"],
    "CHL": ["Santiago"],
    "VEN": ["Caracas"],
    "CUB": ["Havana"],
    "COL": ["Bogota", "Bogotá"],
    "PER": ["Lima"],
    "ZAF": ["Pretoria"],
    "NGA": ["Abuja"],
    "ETH": ["Addis Ababa"],
    "KEN": ["Nairobi"],
    "DZA": ["Algiers"],
    "MAR": ["Rabat"],
    "TUN": ["Tunis"],
    "LBY": ["Tripoli"],
    "SDN": ["Khartoum"],
    "VAT": ["the Vatican"],
    "XKX": ["Pristina", "Prishtina"],
    "XNK": ["Stepanakert"],
    "XAB": ["Sukhumi", "Sokhumi"],
    "XSO": ["Tskhinvali"],
    "XTR": ["Tiraspol"],
}
CAPITALS = {"KAZ": "Astana", "BOL": "La Paz", "USA": "Washington, D.C."}

# Entities without an ISO 3166-1 code (statements.md §2).
SPECIAL: list[tuple[str, str, list[str], list[str], str]] = [
    ("XKX", "Kosovo", ["Kosovo", "Republic of Kosovo"], ["Kosovar", "Kosovan"], "Pristina"),
    (
        "XNK",
        "Nagorno-Karabakh",
        [
            "Nagorno-Karabakh",
            "Nagorno Karabakh",
            "Artsakh",
            "Republic of Artsakh",
            "Nagorno-Karabakh Republic",
            "NKR",
        ],
        [],
        "Stepanakert",
    ),
    ("XAB", "Abkhazia", ["Abkhazia", "Republic of Abkhazia"], ["Abkhaz", "Abkhazian"], "Sukhumi"),
    (
        "XSO",
        "South Ossetia",
        ["South Ossetia", "Republic of South Ossetia", "South Ossetia-Alania", "Tskhinvali Region"],
        ["South Ossetian"],
        "Tskhinvali",
    ),
    (
        "XTR",
        "Transnistria",
        [
            "Transnistria",
            "Transdniestria",
            "Transdniester",
            "Trans-Dniester",
            "Pridnestrovie",
            "Pridnestrovian Moldavian Republic",
        ],
        ["Transnistrian"],
        "Tiraspol",
    ),
    (
        "XNC",
        "Northern Cyprus",
        ["Northern Cyprus", "North Cyprus", "Turkish Republic of Northern Cyprus", "TRNC"],
        ["Turkish Cypriot"],
        "North Nicosia",
    ),
]

_ENGLISH = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|Principality|"
    r"Emirates|Duchy|Territory|Islands|Confederation|Sultanate|Federated|Independent)\b"
)


def _latin(s: str) -> bool:
    base = unicodedata.normalize("NFD", s)
    return all(ch.isascii() or unicodedata.category(ch) == "Mn" for ch in base)


def _english_alias(s: str) -> bool:
    s = s.strip()
    return (
        bool(s)
        and _latin(s)
        and "," not in s
        and "(" not in s
        and s[0].isupper()
        and bool(_ENGLISH.search(s))
        and s not in DROP_ALIASES
    )


def _uniq(items: list[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        it = it.strip()
        if it and it not in out:
            out.append(it)
    return out


def main() -> None:
    info: dict[str, dict[str, Any]] = {}
    for c in all_countries():
        i = c.info()
        a3 = (i.get("ISO") or {}).get("alpha3")
        if a3 and a3 not in info and i.get("name") not in ("Wales", "Burma"):
            info[a3] = i
    rows: list[list[str]] = []
    demonym_owner: dict[str, str] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        i = info.get(code, {})
        name = NAMES.get(code, i.get("name") or country.name)
        forms = [
            name,
            country.name,
            getattr(country, "common_name", ""),
            getattr(country, "official_name", ""),
            i.get("name") or "",
        ]
        forms = [f for f in forms if f and "," not in f and "(" not in f and f not in DROP_ALIASES]
        forms += [a for a in (i.get("altSpellings") or []) if _english_alias(a)]
        forms += ALIASES.get(code, [])
        aliases = [a for a in _uniq(forms) if a != name]
        dem = [d for d in re.split(r"[,/]", i.get("demonym") or "") if d.strip()]
        dem = [d for d in dem if d.strip() not in DROP_DEMONYMS or KEEP_DEMONYM_OWNER.get(d.strip()) == code]
        dem = _uniq(dem + DEMONYMS.get(code, []))
        for d in dem:
            if d in demonym_owner:
                print(f"warning: demonym {d!r} for {demonym_owner[d]} and {code}", file=sys.stderr)
            demonym_owner.setdefault(d, code)
        cap = i.get("capital")
        capital = CAPITALS.get(code, cap if isinstance(cap, str) else "")
        rows.append([code, name, "|".join(aliases), "|".join(dem), "|".join(SEATS.get(code, [])), capital])
    for code, name, aliases, dem, capital in SPECIAL:
        rows.append(
            [
                code,
                name,
                "|".join(a for a in aliases if a != name),
                "|".join(dem),
                "|".join(SEATS.get(code, [])),
                capital,
            ]
        )
    print("\t".join(["code", "name", "aliases", "demonyms", "seats", "capital"]))
    for r in rows:
        print("\t".join(r))


if __name__ == "__main__":
    main()
