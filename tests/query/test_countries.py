"""Actor codes to flags and map shapes, from the committed code table."""

from __future__ import annotations

import json
from importlib import resources

from stancemap.query.countries import country_codes, flag_url, map_key
from stancemap.resolve import load_gazetteer


def test_states_have_flags_and_shapes() -> None:
    assert (flag_url("USA") or "").startswith("/static/vendor/flag-icons/4x3/us.svg?v=")
    assert map_key("USA") == "840" and map_key("RUS") == "643"
    assert map_key("XKX") == "name:Kosovo" and flag_url("XKX") is not None


def test_igos_and_others() -> None:
    assert flag_url("EU") is not None and flag_url("UN") is not None
    assert flag_url("NATO") is None and map_key("NATO") is None
    assert flag_url("PERSON:Someone") is None and map_key("ORG:Party") is None


def test_every_shape_of_the_atlas_can_be_reached() -> None:
    atlas = resources.files("stancemap.web").joinpath(
        "static", "vendor", "world-atlas", "countries-110m.json"
    )
    shapes = json.loads(atlas.read_text(encoding="utf-8"))["objects"]["countries"]["geometries"]
    keys = {g.get("id") or "name:" + g["properties"]["name"] for g in shapes}
    ours = {c.map_key for c in country_codes().values() if c.map_key}
    missing = keys - ours
    assert missing <= {"name:Somaliland"}, missing


def test_the_page_and_the_gazetteer_read_one_table() -> None:
    gaz = load_gazetteer()
    assert all(gaz.actor(code) is not None for code in country_codes())
    differ = {code for code, row in country_codes().items() if gaz.actor(code).name != row.name}  # type: ignore[union-attr]
    assert differ == {"NAM"}  # Namibia's ISO code is also the Non-Aligned Movement's in organizations.tsv
    assert country_codes()["FRA"].alpha2 == "FR" and country_codes()["XNK"].map_key == ""
