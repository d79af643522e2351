"""Actor codes to flags and map shapes, from the committed code table."""

from __future__ import annotations

import json
from importlib import resources

from stancemap.query.countries import country_codes, flag_url, map_key


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


def test_every_gazetteer_state_is_in_the_table() -> None:
    gaz = resources.files("stancemap.resolve").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    codes = {line.split("\t")[0] for line in gaz.splitlines()[1:] if line}
    assert codes <= country_codes().keys(), codes - country_codes().keys()
