"""The gazetteer: data files well-formed, and each lookup rule on short sentences of our own."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources

import pytest

from stancemap.resolve import ActorRef, Gazetteer, Mention, load_gazetteer
from stancemap.resolve.gazetteer import fold

DATA = resources.files("stancemap.resolve").joinpath("data")
COLUMNS = {
    "countries.tsv": ["code", "alpha2", "map_key", "name", "aliases", "demonyms", "seats", "capital"],
    "country_corrections.tsv": ["code", "field", "value"],
    "mention_words.tsv": ["word", "class"],
    "organizations.tsv": ["code", "name", "aliases", "organs"],
    "officials.tsv": ["name", "code", "role", "start", "end", "source"],
    "bodies.tsv": ["body", "aliases"],
    "nonactors.tsv": ["phrase", "note"],
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _read(name: str) -> list[list[str]]:
    with DATA.joinpath(name).open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


# -- data files ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_row_has_the_header_columns(name: str) -> None:
    rows = _read(name)
    assert rows[0] == COLUMNS[name]
    bad = [(i + 1, r) for i, r in enumerate(rows) if len(r) != len(COLUMNS[name])]
    assert bad == []


def test_country_codes_are_unique_and_three_letters() -> None:
    codes = [r[0] for r in _read("countries.tsv")[1:]]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes)
    assert len(codes) >= 255  # 249 ISO codes and the six special ones
    assert {"XKX", "XNK", "XAB", "XSO", "XTR", "XNC", "RUS", "TUR", "AZE"} <= set(codes)


def test_spec_organizations_are_present() -> None:
    codes = {r[0] for r in _read("organizations.tsv")[1:]}
    spec = {
        "EU",
        "NATO",
        "UN",
        "OSCE",
        "OIC",
        "GUAM",
        "TURKPA",
        "COE",
        "CIS",
        "CSTO",
        "AU",
        "ASEAN",
        "OAS",
        "ARAB_LEAGUE",
        "GCC",
        "OTS",
        "V4",
        "NAM",
        "G7",
        "ICRC",
    }
    assert spec <= codes


def test_officials_codes_are_known_and_dates_ordered(gaz: Gazetteer) -> None:
    for name, code, _role, start, end, source in _read("officials.tsv")[1:]:
        assert code in gaz.names or code.startswith("ORG:"), name
        assert source
        assert not end or date.fromisoformat(start) <= date.fromisoformat(end), name


def test_no_form_names_two_actors(gaz: Gazetteer) -> None:
    codes: dict[str, set[str]] = {}
    for form, actor, _via in gaz.forms():
        codes.setdefault(form, set()).add(actor.code)
    assert {f: c for f, c in codes.items() if len(c) > 1} == {}


# -- lookup -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "code", "body"),
    [
        ("Russia", "RUS", None),
        ("the Russian Federation", "RUS", None),
        ("Moscow", "RUS", None),
        ("the Kremlin", "RUS", None),
        ("Washington", "USA", None),
        ("United Kingdom", "GBR", None),
        ("Britain", "GBR", None),
        ("Türkiye", "TUR", None),
        ("Turkiye", "TUR", None),
        ("Czechia", "CZE", None),
        ("Ivory Coast", "CIV", None),
        ("North Macedonia", "MKD", None),
        ("Artsakh", "XNK", None),
        ("Turkish Republic of Northern Cyprus", "XNC", None),
        ("the European Union", "EU", None),
        ("EEAS", "EU", "EEAS"),
        ("European Parliament", "EU", "European Parliament"),
        ("OSCE Minsk Group", "OSCE", "OSCE Minsk Group"),
        ("UN Security Council", "UN", "UN Security Council"),
        ("PACE", "COE", "PACE"),
        ("Turkic Council", "OTS", None),
        ("MFA of Ukraine", "UKR", "Ministry of Foreign Affairs"),
        ("Russian Foreign Ministry", "RUS", "Ministry of Foreign Affairs"),
        ("Georgia's Foreign Ministry", "GEO", "Ministry of Foreign Affairs"),
        ("U.S. State Department", "USA", "Ministry of Foreign Affairs"),
        ("the Foreign Ministry of Armenia", "ARM", "Ministry of Foreign Affairs"),
    ],
)
def test_lookup_names_aliases_seats_organs(gaz: Gazetteer, mention: str, code: str, body: str | None) -> None:
    actor = gaz.lookup(mention)
    assert actor is not None
    assert (actor.code, actor.body) == (code, body)


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("British Embassy in Azerbaijan", "GBR"),
        ("Turkish Ambassador to Azerbaijan", "TUR"),
        ("Embassy of France in Armenia", "FRA"),
        ("Azerbaijan's ambassador to France", "AZE"),
        ("the US ambassador to Russia", "USA"),
        ("Permanent Representative of Georgia to the United Nations", "GEO"),
        ("Head of the EU Delegation to Moldova", "EU"),
    ],
)
def test_diplomats_speak_for_the_sending_side(gaz: Gazetteer, mention: str, code: str) -> None:
    actor = gaz.lookup(mention)
    assert actor is not None and actor.code == code


def test_embassy_keeps_its_name_as_body(gaz: Gazetteer) -> None:
    actor = gaz.lookup("British Embassy in Azerbaijan")
    assert actor == ActorRef("GBR", "United Kingdom", "British Embassy in Azerbaijan")


@pytest.mark.parametrize(
    ("mention", "body"),
    [
        (
            "the Permanent Mission of Turkey to the United Nations",
            "Permanent Mission of Turkey to the United Nations",
        ),
        ("French Consulate-General in Erbil", "French Consulate-General in Erbil"),
        ("the Chargé d'Affaires of France in Baku", None),  # a person, not a body
    ],
)
def test_missions_are_bodies_and_diplomats_are_not(gaz: Gazetteer, mention: str, body: str | None) -> None:
    found = gaz.lookup(mention)
    assert found is not None and found.body == body


def test_honorifics_and_styles_are_dropped_before_a_name(gaz: Gazetteer) -> None:
    assert gaz.official("H.E. Lavrov") == gaz.official("Mr. Lavrov") == gaz.official("Lavrov") is not None


@pytest.mark.parametrize("mention", ["Ambassador to Azerbaijan", "us", "the weather", "", "Union"])
def test_lookup_returns_none_when_nothing_known_is_named(gaz: Gazetteer, mention: str) -> None:
    assert gaz.lookup(mention) is None


def test_lookup_falls_back_to_officials(gaz: Gazetteer) -> None:
    actor = gaz.lookup("Sergey Lavrov")
    assert actor is not None and actor.code == "RUS"


# -- find ---------------------------------------------------------------------------------------


def _found(gaz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.actor.code, m.via) for m in gaz.find(text)]


def test_find_offsets_point_into_the_original(gaz: Gazetteer) -> None:
    text = "Ankara and Bakı welcomed Türkiye's role, Erdoğan said."
    for m in gaz.find(text):
        assert isinstance(m, Mention)
        assert text[m.start : m.end] == m.text
    assert ("Türkiye", "TUR", "alias") in _found(gaz, text)
    assert ("Erdoğan", "TUR", "official") in _found(gaz, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The European Union issued a note.", [("European Union", "EU", "name")]),
        ("The OSCE Minsk Group met today.", [("OSCE Minsk Group", "OSCE", "organ")]),
        ("The OSCE met today.", [("OSCE", "OSCE", "alias")]),
        ("A Turkish Cypriot leader spoke.", [("Turkish Cypriot", "XNC", "demonym")]),
        ("Officials in Latin America disagreed.", []),
        ("She reads the Washington Post daily.", []),
        ("The South Sudanese army moved.", [("South Sudanese", "SSD", "demonym")]),
    ],
)
def test_find_prefers_the_longest_match(
    gaz: Gazetteer, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Let us take the bus home.", []),
        ("The USA and the US agreed.", [("USA", "USA", "alias"), ("US", "USA", "alias")]),
        ("U.S.-led talks began.", [("U.S.", "USA", "alias")]),
        ("The Georgian side objected.", [("Georgian", "GEO", "demonym")]),
        ("Russia's position is known.", [("Russia", "RUS", "name")]),
        ("Businesses in Eurussia grew.", []),
        ("We talked about turkey recipes.", []),
        ("The EU and NATO replied.", [("EU", "EU", "alias"), ("NATO", "NATO", "alias")]),
    ],
)
def test_find_respects_word_boundaries_and_case(
    gaz: Gazetteer, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "code", "via"),
    [
        ("Talks were held in Moscow.", "RUS", "seat"),
        ("The White House declined.", "USA", "seat"),
        ("Downing Street said so.", "GBR", "seat"),
        ("The Élysée replied.", "FRA", "seat"),
        ("The Elysee replied.", "FRA", "seat"),
        ("An Azeri delegation came.", "AZE", "demonym"),
        ("The Armenian side agreed.", "ARM", "demonym"),
    ],
)
def test_find_seats_and_demonyms(gaz: Gazetteer, text: str, code: str, via: str) -> None:
    found = gaz.find(text)
    assert [(m.actor.code, m.via) for m in found] == [(code, via)]


def test_find_officials_by_date(gaz: Gazetteer) -> None:
    text = "Josep Borrell spoke."
    assert gaz.find(text) == []  # spoke for Spain, then for the EU: no date, no answer
    (m,) = gaz.find(text, on=date(2021, 3, 1))
    assert m.actor.code == "EU" and m.via == "official"
    (m,) = gaz.find(text, on=date(2019, 1, 1))
    assert m.actor.code == "ESP"


# -- officials -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "on", "code", "role"),
    [
        ("Sergey Lavrov", date(2020, 1, 1), "RUS", "Minister of Foreign Affairs"),
        ("Sergei Lavrov", None, "RUS", "Minister of Foreign Affairs"),
        ("Lavrov", date(2010, 6, 1), "RUS", "Minister of Foreign Affairs"),
        ("Mevlut Cavusoglu", date(2020, 4, 9), "TUR", "Minister of Foreign Affairs"),
        ("Mevlüt Çavuşoğlu", date(2020, 4, 9), "TUR", "Minister of Foreign Affairs"),
        ("Hakan Fidan", date(2024, 1, 1), "TUR", "Minister of Foreign Affairs"),
        ("Hakan Fidan", date(2015, 1, 1), "TUR", "Head of the National Intelligence Organization"),
        ("Vladimir Putin", date(2010, 1, 1), "RUS", "Prime Minister"),
        ("Vladimir Putin", date(2020, 1, 1), "RUS", "President"),
        ("Erdogan", date(2010, 1, 1), "TUR", "Prime Minister"),
        (
            "Josep Borrell",
            date(2022, 5, 5),
            "EU",
            "High Representative for Foreign Affairs and Security Policy",
        ),
        ("Jens Stoltenberg", date(2020, 1, 1), "NATO", "Secretary General"),
        ("Antonio Guterres", date(2021, 1, 1), "UN", "Secretary-General"),
        ("Mr. Jeyhun Bayramov", date(2021, 1, 1), "AZE", "Minister of Foreign Affairs"),
        ("Ilham Aliyev", date(2010, 1, 1), "AZE", "President"),
    ],
)
def test_official_by_name_and_date(gaz: Gazetteer, name: str, on: date | None, code: str, role: str) -> None:
    found = gaz.official(name, on)
    assert found is not None
    assert (found[0].code, found[1]) == (code, role)


def test_foreign_minister_before_and_after_leaving_office(gaz: Gazetteer) -> None:
    assert gaz.official("Mevlut Cavusoglu", date(2023, 1, 1)) is not None
    assert gaz.official("Mevlut Cavusoglu", date(2024, 1, 1)) is None
    assert gaz.official("Mevlut Cavusoglu", date(2015, 9, 30)) is None  # the months Sinirlioğlu held it
    assert gaz.official("Dmytro Kuleba", date(2023, 6, 1)) is not None
    assert gaz.official("Dmytro Kuleba", date(2024, 10, 1)) is None


def test_ambiguous_last_name_needs_a_date(gaz: Gazetteer) -> None:
    assert gaz.official("Aliyev") is None  # Heydar and Ilham
    found = gaz.official("Aliyev", date(2015, 1, 1))
    assert found is not None and found[0].code == "AZE"
    assert gaz.official("Nobody Special") is None


# -- folding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Türkiye", "Turkiye"),
        ("Erdoğan", "Erdogan"),
        ("Bakı", "Baki"),
        ("Əliyev", "Aliyev"),
        ("Élysée", "Elysee"),
    ],
)
def test_fold_keeps_length(raw: str, folded: str) -> None:
    assert fold(raw) == folded
    assert len(fold(raw)) == len(raw)


def test_load_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_a_lowercase_word_is_never_an_officials_surname() -> None:
    from stancemap.resolve import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.official("said") is None
    assert gaz.lookup(" said. \u201c") is None


def test_a_government_in_de_facto_control_speaks_for_the_state_only_while_it_holds_it() -> None:
    from datetime import date

    from stancemap.resolve import load_gazetteer

    gaz = load_gazetteer()
    ruling = gaz.lookup("the Taliban", on=date(2024, 5, 1))
    assert ruling is not None and ruling.code == "AFG"
    assert gaz.lookup("the Taliban", on=date(2019, 5, 1)) is None
    found = gaz.find("Taliban spokesman said", on=date(2024, 5, 1))
    assert [m.actor.code for m in found] == ["AFG"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The U.S.-backed plan was shelved.", ["USA"]),
        ("The U.K.-U.S. accord followed.", ["GBR", "USA"]),
        ("Levies on Mexican- and Canadian-made parts rose.", ["MEX", "CAN"]),
        ("Guinea-Bissau and Guinea signed.", ["GNB", "GIN"]),  # the longest name at each place
        ("Russians and Russia's neighbours", ["RUS"]),  # only whole words: no name inside "Russians"
        ("the united states of mind", []),  # names keep their case in running text
    ],
)
def test_find_names_joined_by_hyphens_and_longest_first(gaz: Gazetteer, text: str, codes: list[str]) -> None:
    assert [m.actor.code for m in gaz.find(text)] == codes


def test_a_name_broken_across_lines_is_not_the_name(gaz: Gazetteer) -> None:
    assert [m.text for m in gaz.find("the Czech\nRepublic and Czechia")] == ["Czech", "Czechia"]


def test_a_region_that_is_part_of_a_state_speaks_as_its_government(gaz: Gazetteer) -> None:
    hong_kong = gaz.lookup("Hong Kong")
    assert hong_kong is not None and hong_kong.code == "HKG"  # a place, found as any country
    assert gaz.speaker(hong_kong).code == "ORG:Hong Kong government"
    china = gaz.lookup("China")
    assert china is not None and gaz.speaker(china) == china
