"""The server-drawn world map: every country once, coloured by stance, no streaks, text escaped."""

from __future__ import annotations

import re

from stancemap.query.countries import map_key, marker
from stancemap.web.templating import STANCE_LABELS
from stancemap.web.worldmap import MapState, countries, render


def _steps(path: str) -> list[tuple[int, int]]:
    """The relative steps of a path written by ``worldmap._path``."""
    out = []
    for part in re.findall(r"l([^Mz]*)z", path):
        nums = [int(n) for n in re.findall(r"-?\d+", part)]
        out.extend(zip(nums[::2], nums[1::2], strict=True))
    return out


def test_every_country_but_antarctica_once() -> None:
    shapes, (_x, _y, width, height), outline = countries()
    keys = [c.key for c in shapes]
    assert len(keys) == len(set(keys)) > 170
    assert "010" not in keys, "Antarctica is left out"
    assert map_key("FRA") in keys and map_key("RUS") in keys
    assert 1.8 < width / height < 2.6 and outline.startswith("M")


def test_no_shape_streaks_across_the_map() -> None:
    shapes, (_x, _y, width, _h), _ = countries()
    for c in shapes:
        widest = max((abs(dx) for dx, _ in _steps(c.path)), default=0)
        assert widest < width / 4, f"{c.name} jumps {widest} units in one step"


def test_render_colours_states_and_draws_small_ones_as_dots() -> None:
    states = [
        MapState("CAN", "Canada", "support", map_key("CAN")),
        MapState("RUS", "Russia", "oppose", map_key("RUS")),
        MapState("SGP", "Singapore", "neutral", map_key("SGP"), marker("SGP")),
        MapState("XRU", '<Ruritania "&">', "mixed", None, (20.0, 45.0)),
    ]
    svg = str(render(states, STANCE_LABELS))
    assert svg.startswith("<svg") and svg.endswith("</svg>") and 'aria-hidden="true"' in svg
    assert len(re.findall(r'<path class="s-support" data-actor="CAN"', svg)) == 1
    assert len(re.findall(r'<path class="s-oppose" data-actor="RUS"', svg)) == 1
    assert "<title>Canada: supports</title>" in svg and "<title>France: no statement</title>" in svg
    assert re.search(r'<circle class="dot s-neutral" data-actor="SGP" cx="[-\d.]+" cy="[-\d.]+"', svg)
    assert "&lt;Ruritania &#34;&amp;&#34;&gt;: mixed" in svg and "<Ruritania" not in svg
    # a state not on the map and without a dot is simply absent (the list beside the map names it)
    assert 'data-actor="XNK"' not in str(render([MapState("XNK", "N-K", "support")], STANCE_LABELS))
