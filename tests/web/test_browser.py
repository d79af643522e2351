"""What a person sees, in a real browser: the issue page's table, map and timeline; an
actor's page; the article page's highlights; search; and a hostile article shown as text."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import TOKEN, shot

pytestmark = pytest.mark.browser

ISSUE = "ukraine-ceasefire-2025"


def only_local(page: Any, server: str) -> None:
    outside = [u for u in page.requests if not u.startswith(server) and not u.startswith("data:")]
    assert not outside, f"the page asked outside the server: {outside}"
    assert not page.errors, f"script errors: {page.errors}"


def test_issue_page_table_map_timeline_then_actor_then_article(page: Any, server: str) -> None:
    page.goto(f"{server}/issues/{ISSUE}")
    rows = page.locator("#reactions-table tbody tr")
    assert rows.count() >= 2
    # the map is drawn: every country a shape, some coloured by a stance
    page.wait_for_selector("#map[data-ready='1'] svg path", state="attached")
    assert page.locator("#map svg path").count() > 150
    fills = page.eval_on_selector_all("#map svg path", "els => els.map(e => e.getAttribute('class'))")
    assert {"s-support", "s-oppose"} & set(fills), "some state is coloured support or oppose"
    assert "s-none" in fills, "states with no statement are grey"
    grey = page.eval_on_selector("#map svg path.s-none", "e => getComputedStyle(e).fill")
    blue = page.eval_on_selector("#map svg path.s-support", "e => getComputedStyle(e).fill")
    assert grey == "rgb(233, 235, 238)" and blue == "rgb(33, 102, 172)", (grey, blue)
    page.locator("#timeline-chart").scroll_into_view_if_needed()
    page.wait_for_selector("#timeline-chart[data-ready='1'] svg", state="attached")
    assert (
        page.locator(
            "#timeline-chart svg path, #timeline-chart svg circle, #timeline-chart svg .mark-symbol path"
        ).count()
        > 0
    )
    print("screenshot:", shot(page, "issue-page"))

    # sorting and filtering the table
    page.click("#reactions-table th button.sort:has-text('Actor')")
    names = page.eval_on_selector_all(
        "#reactions-table tbody tr td.actor-cell", "els => els.map(e => e.getAttribute('data-value'))"
    )
    assert len(names) >= 2
    assert [n.lower() for n in names] == sorted(n.lower() for n in names)
    page.fill(".filter-text", "zzzz-no-such-actor")
    assert page.locator("#reactions-table tbody tr:visible").count() == 0
    page.fill(".filter-text", "")
    page.uncheck(".filter-stances input[value='support']")
    assert all(
        r.get_attribute("data-stance") != "support"
        for r in page.locator("#reactions-table tbody tr:visible").all()
    )
    page.check(".filter-stances input[value='support']")
    only_local(page, server)

    # click an actor: its page lists its positions and the statements behind them
    link = page.locator(
        "#reactions-table tbody tr[data-actor='GBR'] td.actor-cell a, #reactions-table tbody tr[data-actor='CAN'] td.actor-cell a"
    ).first
    actor = link.inner_text().strip()
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip().endswith(actor)
    assert page.locator(".position").count() >= 1
    assert page.locator(".position .st blockquote").count() >= 1
    print("screenshot:", shot(page, "actor-page"))

    # follow a statement to its article: evidence, source and cue highlighted and linked
    page.locator(".position .st .st-foot a").first.click()
    page.wait_for_load_state()
    assert "#ev-" in page.url and page.locator("#article-text a.hl.single").count() >= 1
    page.goto(page.url.split("#")[0])  # every statement highlighted, none singled out
    assert page.locator("#article-text a.hl-evidence").count() >= 1
    assert page.locator("#article-text a.hl-source").count() >= 1
    assert page.locator("#article-text a.hl-cue").count() >= 1
    colours = {
        role: page.eval_on_selector(f"#article-text a.hl-{role}", "e => getComputedStyle(e).backgroundColor")
        for role in ("evidence", "source", "cue")
    }
    assert len(set(colours.values())) == 3, colours
    href = page.locator("#article-text a.hl-evidence").first.get_attribute("href")
    assert href and href.startswith("/statements/")
    print("screenshot:", shot(page, "article-page"))
    only_local(page, server)


def test_search_page(page: Any, server: str) -> None:
    page.goto(f"{server}/statements")
    page.fill("form.search input[name=q]", "ceasefire")
    page.select_option("form.search select[name=issue]", ISSUE)
    page.click("form.search button")
    page.wait_for_load_state()
    assert "q=ceasefire" in page.url
    quotes = page.locator(".st blockquote").all_inner_texts()
    assert quotes and all("ceasefire" in q.lower() for q in quotes)
    print("screenshot:", shot(page, "search-page"))
    only_local(page, server)


def test_error_page_in_the_browser(page: Any, server: str) -> None:
    response = page.goto(f"{server}/issues/no-such-issue")
    assert response.status == 404
    assert "Not found" in page.locator("h1").inner_text()


def test_hostile_article_shows_as_text_and_runs_nothing(page: Any, server: str) -> None:
    text = (
        "Paris, March 3. <script>window.__xss=1</script> The foreign minister of France said on Monday "
        'that France "supports the ceasefire <img src=x onerror="window.__xss=2"> proposal," '
        'adding that Russia must accept it. </div><svg onload="window.__xss=3"></svg>'
    )
    body = {
        "name": "hostile",
        "title": '<script>window.__xss=4</script>"><img src=x onerror=window.__xss=5>',
        "text": text,
    }
    r = httpx.post(f"{server}/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert r.status_code == 201, r.text
    url = r.json()["articles"][0]["url"]

    page.goto(server + url)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__xss") == "undefined"
    shown = page.locator("#article-text").inner_text()
    assert "<script>window.__xss=1</script>" in shown
    assert 'onerror="window.__xss=2"' in shown
    assert page.locator("h1").inner_text().startswith("<script>")
    assert page.locator("#article-text script, #article-text img, #article-text svg").count() == 0
    print("screenshot:", shot(page, "xss-article"))
    # its statements reach the search page and stay text there too
    page.goto(f"{server}/statements?article=hostile")
    assert page.evaluate("typeof window.__xss") == "undefined"
    only_local(page, server)
