"""Every read route and filter of the JSON API, in-process, over the demo subset."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

ISSUE = "ukraine-ceasefire-2025"


def get(client: TestClient, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    return r.json()


def test_front_page_twin(client: TestClient) -> None:
    data = get(client, "/index.json")
    assert data["counts"]["articles"] == 6 and data["issues"]["total"] == 8
    assert len(data["articles"]["items"]) == 6
    assert 'href="/index.json"' in client.get("/").text


def test_issues_list_is_a_page_with_every_demo_issue(client: TestClient) -> None:
    page = get(client, "/issues.json")
    assert {"total", "limit", "offset", "next", "items"} <= page.keys()
    ids = [i["id"] for i in page["items"]]
    assert ISSUE in ids and page["total"] == len(ids) == 8
    first = get(client, "/issues.json?limit=3")
    assert (
        len(first["items"]) == 3 and first["next"].startswith("/issues.json?") and "offset=3" in first["next"]
    )
    second = get(client, first["next"].replace("http://testserver", ""))
    assert [i["id"] for i in second["items"]] == ids[3:6]
    assert second["prev"]


def test_issue_twin_has_positions_timeline_and_stance_counts(client: TestClient) -> None:
    data = get(client, f"/issues/{ISSUE}.json")
    assert data["issue"]["id"] == ISSUE and data["issue"]["url"] == f"/issues/{ISSUE}"
    assert data["positions"], "the ceasefire articles yield positions"
    # one definition of who counts (states and international organizations) feeds every tally
    counted = [p for p in data["positions"] if p["counted"]]
    assert all(p["counted"] == (p["actor_kind"] in {"state", "igo"}) for p in data["positions"])
    assert sum(data["stances"].values()) == data["actors"] == len(counted)
    assert data["others"] == len(data["positions"]) - len(counted)  # people and other bodies, if any
    assert all(e["counted"] == (e["actor_kind"] in {"state", "igo"}) for e in data["timeline"])
    for p in data["positions"]:
        assert p["best"]["article_title"], "the best statement's article is cited by its title"
        assert p["issue"] == ISSUE
        assert p["stance"] in {"support", "oppose", "mixed", "neutral"}
        assert p["best"]["statement_id"] in p["statement_ids"]
        if p["actor_kind"] == "state" and p["actor"] in {"USA", "GBR", "CAN", "CHN"}:
            assert p["flag"].startswith("/static/vendor/flag-icons/") and p["map_key"]
    assert data["timeline"] and all(
        e["polarity"] in {"support", "oppose", "neutral"} for e in data["timeline"]
    )
    dates = [e["date"] for e in data["timeline"] if e["date"]]
    assert dates == sorted(dates)


def test_actor_filter_takes_a_code_or_a_name_in_any_case(client: TestClient) -> None:
    by_code = get(client, "/statements.json?actor=CAN")
    assert by_code["total"] >= 1
    for spelled in ("can", "Canada", "CANADA", " canada "):
        assert get(client, f"/statements.json?actor={spelled}")["total"] == by_code["total"], spelled
    assert get(client, "/statements.json?actor=Nowhereland")["total"] == 0
    st = by_code["items"][0]
    assert st["article_title"] and st["outlet"] and st["published"], "a statement cites its article"


def test_positions_and_timeline_lists_are_paged(client: TestClient) -> None:
    positions = get(client, f"/issues/{ISSUE}/positions.json?limit=1")
    assert len(positions["items"]) == 1 and positions["total"] >= 1
    assert positions["items"][0]["actor"]
    timeline = get(client, f"/issues/{ISSUE}/timeline.json?limit=2&offset=1")
    assert timeline["offset"] == 1 and len(timeline["items"]) <= 2
    get(client, "/issues/no-such-issue/positions.json", 404)
    get(client, "/issues/no-such-issue/timeline.json", 404)


def test_actors_list_and_actor_twin(client: TestClient) -> None:
    page = get(client, "/actors.json?limit=5")
    assert len(page["items"]) <= 5 and page["total"] >= len(page["items"])
    counts = [a["statements"] for a in page["items"]]
    assert counts == sorted(counts, reverse=True)
    usa = get(client, "/actors/USA.json?limit=2")
    assert usa["actor"]["code"] == "USA" and usa["actor"]["kind"] == "state"
    assert "/us.svg?v=" in usa["actor"]["flag"]
    assert usa["statements"]["total"] == usa["actor"]["statements"] >= 1
    assert len(usa["statements"]["items"]) <= 2
    assert all(s["actor"] == "USA" for s in usa["statements"]["items"])
    assert all(p["actor"] == "USA" for p in usa["positions"])


def test_articles_list_and_article_twin(client: TestClient) -> None:
    page = get(client, "/articles.json")
    assert page["total"] == 6
    published = [a["published"] for a in page["items"]]
    assert published == sorted(published, reverse=True)
    one = page["items"][0]
    by_id = get(client, f"/articles/{one['id']}.json")
    by_name = get(client, f"/articles/{one['name']}.json")
    assert by_id == by_name
    assert by_id["text"] and len(by_id["statement_list"]) == one["statements"]
    for st in by_id["statement_list"]:
        ev = st["evidence"]
        assert by_id["text"][ev["start"] : ev["end"]] == ev["text"]


def test_statement_twin(client: TestClient) -> None:
    first = get(client, "/statements.json?limit=1")["items"][0]
    one = get(client, f"/statements/{first['id']}.json")
    assert one == first
    assert one["url"] == f"/statements/{one['id']}" and one["article_url"].startswith("/articles/")


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("actor=USA", lambda s: s["actor"] == "USA"),
        (f"issue={ISSUE}", lambda s: any(c["issue"] == ISSUE for c in s["claims"])),
        ("polarity=support", lambda s: any(c["polarity"] == "support" for c in s["claims"])),
        (
            f"issue={ISSUE}&polarity=oppose",
            lambda s: any(c["issue"] == ISSUE and c["polarity"] == "oppose" for c in s["claims"]),
        ),
        ("kind=direct", lambda s: s["kind"] == "direct"),
        ("kind=summary", lambda s: s["kind"] == "summary"),
        ("date_from=2025-03-13", lambda s: s["date"] is not None and s["date"] >= "2025-03-13"),
        ("date_to=2020-01-01", lambda s: s["date"] is not None and s["date"] <= "2020-01-01"),
        ("date_from=2025-03-10&date_to=2025-03-14", lambda s: "2025-03-10" <= s["date"] <= "2025-03-14"),
        ("outlet=voanews.com", lambda s: True),
        ("article=6180015", lambda s: s["article"] == "6180015"),
        ("q=ceasefire", lambda s: "ceasefire" in s["evidence"]["text"].lower()),
        ("polarity=&kind=&q=", lambda s: True),
    ],
)
def test_statement_filters(client: TestClient, query: str, check: Any) -> None:
    page = get(client, f"/statements.json?{query}&limit=1000")
    assert page["total"] == len(page["items"])
    assert all(check(s) for s in page["items"]), query


def test_filters_narrow_and_combine(client: TestClient) -> None:
    every = get(client, "/statements.json?limit=1000")["total"]
    for query in ("actor=USA", "kind=direct", "q=ceasefire", f"issue={ISSUE}", "date_from=2025-01-01"):
        n = get(client, f"/statements.json?{query}")["total"]
        assert 0 < n < every, query
    assert get(client, "/statements.json?outlet=nowhere.example")["total"] == 0
    assert get(client, "/statements.json?q=zzzznotaword")["total"] == 0
    both = get(client, "/statements.json?actor=USA&kind=direct")["total"]
    assert both <= min(
        get(client, "/statements.json?actor=USA")["total"],
        get(client, "/statements.json?kind=direct")["total"],
    )


def test_statement_pagination_walks_every_item_once(client: TestClient) -> None:
    total = get(client, "/statements.json")["total"]
    seen: list[int] = []
    url: str | None = "/statements.json?limit=7"
    while url:
        page = get(client, url.replace("http://testserver", ""))
        seen.extend(s["id"] for s in page["items"])
        url = page["next"]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/issues",
        f"/issues/{ISSUE}",
        "/actors",
        "/actors/USA",
        "/articles",
        "/articles/6180015",
        "/statements",
        "/statements?q=ceasefire&polarity=support",
        "/docs",
    ],
)
def test_every_page_renders(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_every_page_names_its_json_twin(client: TestClient) -> None:
    r = client.get(f"/issues/{ISSUE}")
    assert f'href="/issues/{ISSUE}.json"' in r.text
    r = client.get("/statements?actor=USA")
    assert "/statements.json?actor=USA" in r.text


def test_pages_make_no_outside_reference(client: TestClient) -> None:
    for path in ("/", f"/issues/{ISSUE}", "/articles/6180015", "/docs"):
        html = client.get(path).text
        for attr in ("src=", "href="):
            for chunk in html.split(attr)[1:]:
                url = chunk[1:].split(chunk[0], 1)[0]
                assert (
                    not url.startswith(("http://", "https://", "//"))
                    or url.startswith("http://testserver")
                    or "voanews.com" in url
                ), (path, url)


def test_static_files_are_served(client: TestClient) -> None:
    for path in (
        "/static/app.css",
        "/static/issue.js",
        "/static/vendor/vega/vega.min.js",
        "/static/vendor/world-atlas/countries-110m.json",
        "/static/vendor/flag-icons/4x3/us.svg",
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
    ):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("kind", ["state", "igo", "person"])
def test_actors_by_kind(client: TestClient, kind: str) -> None:
    page = get(client, f"/actors.json?kind={kind}&limit=1000")
    assert page["items"] and all(a["kind"] == kind for a in page["items"])
    assert page["total"] == len(page["items"])
    assert client.get(f"/actors?kind={kind}").status_code == 200


def test_actors_bad_kind(client: TestClient) -> None:
    assert get(client, "/actors.json?kind=alien", 422)["status"] == 422
