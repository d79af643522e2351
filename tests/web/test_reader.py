"""The reader's side, in a real browser at desktop (1366x900) and phone (390x844) sizes:
accessibility (axe-core, keyboard), the phone layout, counts that agree with what is
shown, evidence one click away, the map's preview and list, and the table's filters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import shot

pytestmark = pytest.mark.browser

ISSUE = "ukraine-ceasefire-2025"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


@pytest.fixture()
def open_page(browser: Any) -> Iterator[Any]:
    """A function that opens a fresh page of the given size; every page is closed after the test."""
    contexts: list[Any] = []

    def make(size: dict[str, Any], **extra: Any) -> Any:
        context = browser.new_context(**size, **extra)
        contexts.append(context)
        pg = context.new_page()
        pg.errors = []
        pg.requests = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.on("request", lambda r: pg.requests.append(r.url))
        pg.set_default_timeout(20_000)
        return pg

    yield make
    for c in contexts:
        c.close()


def _page_types(server: str) -> dict[str, str]:
    """One URL of every page type, found from the demo database."""
    issue = httpx.get(f"{server}/issues/{ISSUE}.json").json()
    best = issue["positions"][0]["best"]
    return {
        "home": "/",
        "issues": "/issues",
        "issue": f"/issues/{ISSUE}",
        "actors": "/actors",
        "actor": f"/actors/{issue['positions'][0]['actor']}",
        "articles": "/articles",
        "article": f"/articles/{best['article_id']}#ev-{best['statement_id']}",
        "statements": "/statements?q=cease-fire",
        "statement": f"/statements/{best['statement_id']}",
        "error": "/issues/no-such-issue",
    }


def _axe(pg: Any) -> list[dict[str, Any]]:
    pg.add_script_tag(path=str(AXE))
    result: dict[str, Any] = pg.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => ({violations: r.violations.map("
        "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}))"
    )
    return list(result["violations"])


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_axe_finds_no_serious_violation_on_any_page_type(open_page: Any, server: str, size: str) -> None:
    # the page's CSP forbids injected scripts; axe needs one, so this context bypasses it
    pg = open_page(DESKTOP if size == "desktop" else PHONE, bypass_csp=True)
    report = {}
    for name, path in _page_types(server).items():
        pg.goto(server + path)
        if name == "issue":
            pg.wait_for_selector("#map[data-ready='1'] svg", state="attached")
            pg.locator("#timeline-chart").scroll_into_view_if_needed()
            pg.wait_for_selector("#timeline-chart[data-ready='1']", state="attached")
        violations = _axe(pg)
        report[name] = sorted(f"{v['impact']}:{v['id']}" for v in violations)
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert not serious, f"{name} ({size}): {serious}"
    print(f"axe {size}:", report)


@pytest.mark.parametrize("path", [f"/issues/{ISSUE}", "/actors", "/articles", "/statements?q=ceasefire"])
def test_phone_pages_never_scroll_sideways(open_page: Any, server: str, path: str) -> None:
    pg = open_page(PHONE)
    pg.goto(server + path)
    if path.startswith("/issues/"):
        pg.wait_for_selector("#map[data-ready='1'] svg", state="attached")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path} is {width} px wide on a 390 px screen"


def _box(pg: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] = pg.locator(selector).first.bounding_box()
    return box


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_phone_reactions_table_is_one_card_per_actor(open_page: Any, server: str) -> None:
    pg = open_page(PHONE)
    pg.goto(f"{server}/issues/{ISSUE}")
    rows = pg.locator("#reactions-table tbody tr:visible")
    assert rows.count() >= 2
    for i in range(rows.count()):
        row = f"#reactions-table tbody tr:visible >> nth={i}"
        card = _box(pg, row)
        assert card["width"] <= 390
        parts = [
            _box(pg, f"{row} >> {c}") for c in ("td.actor-cell", ".stance", "td.date-cell", "td.speaker-cell")
        ]
        for j, a in enumerate(parts):
            assert a["x"] + a["width"] <= card["x"] + card["width"] + 1, "nothing sticks out of the card"
            for b in parts[j + 1 :]:
                assert not _overlap(a, b), "no part of a card covers another"
    # the map came with the page; the chart library waits until the timeline is near
    assert pg.locator("#map svg path.s-support").count() >= 1
    assert not [u for u in pg.requests if "/vendor/vega" in u], "no chart library before the timeline"
    print("screenshot:", shot(pg, "issue-phone"))
    pg.locator("#timeline-chart").scroll_into_view_if_needed()
    pg.wait_for_selector("#timeline-chart[data-ready='1'] svg", state="attached")
    assert [u for u in pg.requests if "/vendor/vega/vega.min.js?v=" in u]
    assert not pg.errors, pg.errors


def test_counts_agree_with_what_is_shown(open_page: Any, server: str) -> None:
    data = httpx.get(f"{server}/issues/{ISSUE}.json").json()
    pg = open_page(DESKTOP)
    pg.goto(f"{server}/issues/{ISSUE}")
    pg.wait_for_selector("#map[data-ready='1'] svg", state="attached")
    pills = sum(int(t.split()[0]) for t in pg.locator(".tally .pill").all_inner_texts())
    visible = pg.locator("#reactions-table tbody tr:visible")
    assert pills == data["actors"] == visible.count()
    assert all(r.get_attribute("data-counted") == "1" for r in visible.all())
    assert pg.locator(".filter-count").inner_text() == f"{visible.count()} of {visible.count()} shown"
    counted_states = [p for p in data["positions"] if p["counted"] and p["actor_kind"] == "state"]
    assert pg.locator("#map-list a").count() == len(counted_states)
    assert pg.locator("section .timeline-list").first.locator("li").count() == sum(
        1 for e in data["timeline"] if e["counted"]
    )
    if data["others"]:
        assert f"{data['others']} people and other bodies" in pg.locator(".tally").inner_text()
        pg.check(".filter-people")
        assert pg.locator("#reactions-table tbody tr:visible").count() == data["actors"] + data["others"]
        names = ", ".join(p["actor_name"] for p in data["positions"] if not p["counted"])
        if not [p for p in data["positions"] if p["counted"] and p["actor_kind"] == "igo"]:
            assert names in pg.locator(".igos").inner_text(), (
                "the Organizations box says where the others are"
            )


def test_evidence_is_one_click_from_the_table_and_lands_on_the_text_on_a_phone(
    open_page: Any, server: str
) -> None:
    pg = open_page(PHONE)
    pg.goto(f"{server}/issues/{ISSUE}")
    link = pg.locator("#reactions-table tbody tr:visible td.evidence a").first
    cite = pg.locator("#reactions-table tbody tr:visible td.evidence .cite-line").first.inner_text()
    assert not re.fullmatch(r"\d+", cite.split("·")[0].strip()), "cited by title, not by a bare id"
    assert re.search(r"\d{1,2} \w{3} \d{4}", cite), cite
    link.click()
    pg.wait_for_load_state()
    m = re.search(r"#ev-(\d+)$", pg.url)
    assert m, pg.url
    sid = m.group(1)
    singled = pg.locator("#article-text a.hl.single")
    assert singled.count() >= 1
    assert all(sid in a.get_attribute("data-statements").split() for a in singled.all())
    assert pg.locator("#article-text.singled").count() == 1
    others = pg.locator("#article-text a.hl:not(.single)")
    if others.count():
        assert others.first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    # the words are on screen, in the text (not the list of statements below it)
    box = singled.first.bounding_box()
    assert box is not None and 0 <= box["y"] < 844, box
    print("screenshot:", shot(pg, "article-phone-singled"))


def test_statement_lists_cite_articles_by_title(open_page: Any, server: str) -> None:
    pg = open_page(DESKTOP)
    pg.goto(f"{server}/statements?issue={ISSUE}")
    feet = pg.locator(".st .st-foot").all_inner_texts()
    assert feet
    for text in feet:
        assert not re.fullmatch(r"in \d+.*", text.strip()), text
        assert "voanews.com" in text and re.search(r"\d{4}", text), text


def test_map_preview_then_open_and_no_nulls(open_page: Any, server: str) -> None:
    pg = open_page({"viewport": {"width": 420, "height": 844}, "is_mobile": True, "has_touch": True})
    pg.goto(f"{server}/issues/{ISSUE}")
    pg.wait_for_selector("#map[data-ready='1'] svg path", state="attached")
    coloured = pg.locator("#map svg path.s-support").first
    coloured.scroll_into_view_if_needed()
    coloured.click(force=True)
    preview = pg.locator("#map-preview")
    assert pg.url.endswith(f"/issues/{ISSUE}"), "a first tap stays on the page"
    text = preview.inner_text()
    assert "supports" in text and "null" not in text.lower() and "undefined" not in text
    open_link = preview.locator("a.preview-open")
    assert open_link.count() == 1
    # a country with no statement: its name and 'no statement', never 'null'
    grey = pg.locator("#map svg path.s-none").nth(40)
    grey.dispatch_event("mouseover")
    grey.click(force=True)
    assert "no statement" in preview.inner_text() and "null" not in preview.inner_text().lower()
    assert pg.locator("#vg-tooltip-element.visible").count() == 0, "no floating tooltip on the map"
    # tapping the same country twice opens its page
    coloured.click(force=True)
    coloured.click(force=True)
    pg.wait_for_url(re.compile(r"/actors/"))
    assert not pg.errors, pg.errors


def test_keyboard_sorting_filter_state_in_the_url_and_no_results(open_page: Any, server: str) -> None:
    pg = open_page(DESKTOP)
    pg.goto(f"{server}/issues/{ISSUE}")
    # the skip link is the first stop and leads to the content
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.className") == "skip"
    button = pg.locator("#reactions-table th button.sort", has_text="Actor")
    assert button.evaluate("e => e.tagName") == "BUTTON"
    button.focus()
    pg.keyboard.press("Space")
    assert pg.locator("#reactions-table th", has_text="Actor").get_attribute("aria-sort") == "ascending"
    pg.keyboard.press("Space")
    assert pg.locator("#reactions-table th", has_text="Actor").get_attribute("aria-sort") == "descending"
    assert pg.locator(".filter-count").get_attribute("aria-live") == "polite"
    # filters go into the address and come back from it
    pg.fill(".filter-text", "zzzz-nothing")
    assert pg.locator(".filter-empty").is_visible()
    pg.fill(".filter-text", "canada")
    pg.uncheck(".filter-stances input[value='neutral']")
    assert "filter=canada" in pg.url and "hide=neutral" in pg.url
    pg.reload()
    assert pg.input_value(".filter-text") == "canada"
    assert not pg.is_checked(".filter-stances input[value='neutral']")
    assert pg.locator("#reactions-table tbody tr:visible").count() == 1
    assert not pg.locator(".filter-empty").is_visible()


def test_article_highlight_and_list_pair_on_focus(open_page: Any, server: str) -> None:
    pg = open_page(DESKTOP)
    issue = httpx.get(f"{server}/issues/{ISSUE}.json").json()
    pg.goto(f"{server}/articles/{issue['positions'][0]['best']['article_id']}")
    first = pg.locator("#article-text a.hl").first
    sid = first.get_attribute("data-statements").split()[0]
    first.focus()
    assert "active" in (pg.locator(f"#st-{sid}").get_attribute("class") or "")
    pg.locator(f"#st-{sid} a.mini-quote").focus()
    assert "active" in (first.get_attribute("class") or "")


def test_search_compounds_names_and_marks(open_page: Any, server: str) -> None:
    pg = open_page(DESKTOP)
    counts = {}
    for q in ("ceasefire", "cease-fire", "cease fire"):
        pg.goto(f"{server}/statements?q={q}")
        counts[q] = pg.locator(".st").count()
        assert pg.locator(".st blockquote mark.found").count() >= counts[q] > 0, q
    assert counts["cease-fire"] >= counts["ceasefire"] and counts["cease fire"] >= counts["ceasefire"]
    pg.goto(f"{server}/statements?actor=canada")
    by_name = pg.locator(".st").count()
    pg.goto(f"{server}/statements?actor=CAN")
    assert by_name == pg.locator(".st").count() > 0
    pg.goto(f"{server}/statements?q=zzzzqqq")
    assert "No statement matches" in pg.locator(".empty").inner_text()


@pytest.mark.parametrize("touch", [False, True])
def test_timeline_tooltip_stays_on_a_narrow_screen(open_page: Any, server: str, touch: bool) -> None:
    size = PHONE if touch else {"viewport": {"width": 390, "height": 844}}
    pg = open_page(size)
    pg.goto(f"{server}/issues/{ISSUE}")
    pg.locator("#timeline-chart").scroll_into_view_if_needed()
    pg.wait_for_selector("#timeline-chart[data-ready='1'] svg", state="attached")
    points = pg.locator("#timeline-chart svg g.mark-symbol.role-mark path")
    assert points.count() >= 2
    seen = 0
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        if touch:
            pg.touchscreen.tap(x, y)
        else:
            pg.mouse.move(x, y)
        pg.wait_for_timeout(100)
        assert pg.url.endswith(f"/issues/{ISSUE}"), "a first tap previews, it does not leave"
        tip = pg.locator(".chart-tip")
        if tip.count() and tip.is_visible():
            seen += 1
            t = tip.bounding_box()
            assert t["x"] >= 0 and t["x"] + t["width"] <= 390, t
        if touch:  # a tap elsewhere (the heading) puts it away: the next point is a first tap again
            head = pg.locator("#timeline").bounding_box()
            pg.touchscreen.tap(head["x"] + 5, head["y"] + head["height"] / 2)
            assert not pg.locator(".chart-tip").is_visible()
    assert seen >= 2
    assert not pg.errors, pg.errors
