"""Small states on the map: too small for the atlas's shapes, drawn as dots that preview like countries.

A module of its own because it writes an article into its server's database.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import TOKEN, shot

pytestmark = pytest.mark.browser

ISSUE = "ukraine-ceasefire-2025"
# An invented report: two small states that the 1:110m atlas does not draw.
TEXT = (
    "Singapore, March 15. Singapore's foreign minister said on Saturday that Singapore supports "
    "the proposed 30-day ceasefire in Ukraine. Bahrain also said it welcomed the ceasefire proposal for Ukraine."
)


def test_small_states_are_dots_with_a_preview_and_in_the_list(page: Any, server: str) -> None:
    body = {
        "name": "small-states",
        "title": "Small states back the truce",
        "text": TEXT,
        "published": "2025-03-15",
    }
    r = httpx.post(f"{server}/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert r.status_code == 201, r.text
    data = httpx.get(f"{server}/issues/{ISSUE}.json").json()
    small = {p["actor"]: p for p in data["positions"] if p["marker"]}
    assert {"SGP", "BHR"} <= set(small), [p["actor"] for p in data["positions"]]

    page.goto(f"{server}/issues/{ISSUE}")
    for code in ("SGP", "BHR"):
        dot = page.locator(f"#map svg circle.dot[data-actor='{code}']")
        assert dot.count() == 1
        box = dot.bounding_box()
        assert box and box["width"] >= 6, "a dot big enough to see and to tap"
        assert small[code]["actor_name"] in page.locator("#map-list").inner_text()
    # with a mouse, pointing previews and one click opens the page
    page.locator("#map svg circle.dot[data-actor='SGP']").hover()
    assert "Singapore" in page.locator("#map-preview").inner_text()
    print("screenshot:", shot(page, "map-small-states"))
    page.locator("#map svg circle.dot[data-actor='SGP']").click()
    page.wait_for_url("**/actors/SGP")
