"""watch: one round over a local server's feeds; conditional GET, robots.txt, rate limits, failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from stancemap.config import Settings
from stancemap.feeds import Source, run_round
from stancemap.store import Store
from tests.pages import article_html

from .server import LocalServer, Route, atom, rss, sitemap, sitemap_index


def _pages(server: LocalServer, ks: list[int], prefix: str = "/news/") -> list[str]:
    paths = [f"{prefix}{k}" for k in ks]
    for k, p in zip(ks, paths, strict=True):
        server.routes[p] = Route(article_html(k).encode())
    return paths


@pytest.fixture()
def store(db_url: str, watch_settings: Settings):  # type: ignore[no-untyped-def]
    """The store on each engine (PostgreSQL when STANCEMAP_TEST_PG_URL is set)."""
    with Store.open(db_url) as s:
        yield s


def _states(store: Store) -> dict[str, tuple[str, str | None]]:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT url, state, reason FROM feed_entries")).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def test_a_round_stores_new_entries_and_the_next_sends_one_conditional_get(
    server: LocalServer, watch_settings: Settings, store: Store
) -> None:
    paths = _pages(server, [1, 2, 3])
    server.routes["/rss.xml"] = Route(
        rss(server.base, paths), content_type="application/rss+xml", etag='"v1"'
    )
    sources = [Source(server.url("/rss.xml"))]
    first = run_round(store, sources, watch_settings)
    assert (first.entries_new, first.stored, first.already) == (3, 3, 0)
    assert first.statements >= 3
    assert first.requests == 5  # robots.txt, the feed, three pages
    assert server.count("/robots.txt") == 1 and all(server.count(p) == 1 for p in paths)
    assert store.counts()["articles"] == 3
    # an article keeps its page: URL, and the raw HTML beside it
    stored = {a["name"] for a in store.articles()}
    assert stored == {server.url(p) for p in paths}
    kept = store.raw_page(server.url(paths[0]))
    assert kept is not None and kept.raw == article_html(1).encode()

    before = len(server.hits)
    second = run_round(store, sources, watch_settings, force=True)
    new_hits = server.hits[before:]
    assert [h.path for h in new_hits] == ["/robots.txt", "/rss.xml"]  # one conditional GET, no page
    assert new_hits[1].headers.get("If-None-Match") == '"v1"'
    assert (second.sources_not_modified, second.entries_new, second.stored) == (1, 0, 0)


def test_a_source_not_yet_due_is_not_fetched(
    server: LocalServer, watch_settings: Settings, store: Store
) -> None:
    paths = _pages(server, [1])
    server.routes["/rss.xml"] = Route(rss(server.base, paths), last_modified="Sun, 04 May 2025 10:00:00 GMT")
    sources = [Source(server.url("/rss.xml"), every=900)]
    now = datetime.now(UTC)
    run_round(store, sources, watch_settings, now=now)
    assert run_round(store, sources, watch_settings, now=now + timedelta(minutes=10)).requests == 0
    later = run_round(store, sources, watch_settings, now=now + timedelta(minutes=16))
    assert later.sources_not_modified == 1  # If-Modified-Since answered 304
    assert server.hits[-1].headers.get("If-Modified-Since") == "Sun, 04 May 2025 10:00:00 GMT"


def test_a_feed_that_repeats_old_entries_fetches_only_the_new_one(
    server: LocalServer, watch_settings: Settings, store: Store
) -> None:
    paths = _pages(server, [1, 2, 3])
    server.routes["/rss.xml"] = Route(rss(server.base, paths[:2]), etag='"a"')
    sources = [Source(server.url("/rss.xml"))]
    run_round(store, sources, watch_settings)
    server.routes["/rss.xml"] = Route(rss(server.base, paths), etag='"b"')  # same two, and one new
    again = run_round(store, sources, watch_settings, force=True)
    assert (again.entries_new, again.entries_repeated, again.stored) == (1, 2, 1)
    assert [server.count(p) for p in paths] == [1, 1, 1]


def test_kinds_are_detected_and_sitemap_indexes_followed(
    server: LocalServer, watch_settings: Settings, store: Store
) -> None:
    a = _pages(server, [1, 2], "/a/")
    b = _pages(server, [3], "/b/")
    c = _pages(server, [4], "/c/")
    server.routes["/atom.xml"] = Route(atom(server.base, a), content_type="application/atom+xml")
    server.routes["/index.xml"] = Route(sitemap_index(server.base, ["/news-1.xml"]), content_type="text/xml")
    server.routes["/news-1.xml"] = Route(sitemap(server.base, b, news=True), content_type="text/xml")
    server.routes["/plain.xml"] = Route(sitemap(server.base, c), content_type="text/xml")
    sources = [
        Source(server.url("/atom.xml")),
        Source(server.url("/index.xml")),
        Source(server.url("/plain.xml"), kind="sitemap"),
    ]
    report = run_round(store, sources, watch_settings)
    assert report.stored == 4 and report.sources_changed == 4  # the index's sitemap is a source too
    rows = {r.url: r for r in store.feed_sources()}
    assert rows[server.url("/news-1.xml")].parent == server.url("/index.xml")
    with store.engine.connect() as conn:
        title = conn.execute(text("SELECT title FROM feed_entries WHERE url LIKE '%/b/3'")).scalar_one()
    assert title == "Story /b/3"  # the news sitemap's title


def test_robots_txt_is_obeyed(server: LocalServer, watch_settings: Settings, store: Store) -> None:
    paths = _pages(server, [1]) + _pages(server, [2], "/private/")
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.routes["/rss.xml"] = Route(rss(server.base, paths))
    report = run_round(store, [Source(server.url("/rss.xml"))], watch_settings)
    assert report.stored == 1 and report.entries_failed == {"robots": 1}
    assert server.count("/private/2") == 0
    assert _states(store)[server.url("/private/2")] == ("failed", "robots")


def test_requests_to_one_host_keep_the_rate_limit(
    server: LocalServer, watch_settings: Settings, store: Store
) -> None:
    paths = _pages(server, [1, 2, 3, 4])
    server.routes["/rss.xml"] = Route(rss(server.base, paths))
    run_round(store, [Source(server.url("/rss.xml"))], watch_settings.replace(watch_host_interval_ms=250))
    times = [h.at for h in server.hits]
    assert len(times) == 6
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.24, gaps


def test_a_crawl_delay_in_robots_txt_is_obeyed(
    server: LocalServer, watch_settings: Settings, store: Store
) -> None:
    paths = _pages(server, [1, 2])
    server.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    server.routes["/rss.xml"] = Route(rss(server.base, paths))
    run_round(store, [Source(server.url("/rss.xml"))], watch_settings)
    times = [h.at for h in server.hits if h.path != "/robots.txt"]
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.95


def test_every_failure_is_recorded_with_its_reason_and_the_round_goes_on(
    server: LocalServer, watch_settings: Settings, store: Store
) -> None:
    good = _pages(server, [1, 2])
    server.routes["/gone"] = Route(b"no", status=404)
    server.routes["/broken"] = Route(b"oops", status=500)
    server.routes["/slow"] = Route(article_html(5).encode(), delay=1.5)
    server.routes["/huge"] = Route(b"<html><body>" + b"<p>word word word</p>" * 20_000 + b"</body></html>")
    server.routes["/loop"] = Route(location="/loop2")
    server.routes["/loop2"] = Route(location="/loop")
    server.routes["/logo.png"] = Route(b"\x89PNG" + bytes(100), content_type="image/png")
    server.routes["/empty"] = Route(b"<html><body><nav>Home</nav></body></html>")
    entries = ["/gone", "/broken", "/slow", "/huge", "/loop", "/logo.png", "/empty", *good]
    server.routes["/rss.xml"] = Route(rss(server.base, entries))
    server.routes["/bad.xml"] = Route(b"<rss><channel><item>unclosed", content_type="application/rss+xml")
    server.routes["/notafeed.xml"] = Route(b"<html><body>hello</body></html>", content_type="text/html")
    server.routes["/huge.xml"] = Route(rss(server.base, [f"/x/{i}" for i in range(3000)]))
    sources = [
        Source(server.url("/rss.xml")),
        Source(server.url("/bad.xml")),
        Source(server.url("/notafeed.xml")),
        Source(server.url("/missing.xml")),
        Source(server.url("/huge.xml")),
        Source("http://127.0.0.1:9/dead.xml"),  # nothing listens on the discard port
    ]
    report = run_round(store, sources, watch_settings)
    assert report.stored == 2
    assert report.sources_failed == {"malformed_feed": 2, "http_404": 1, "unreachable": 1, "too_large": 1}
    assert report.entries_failed == {
        "http_404": 1,
        "too_large": 1,
        "redirect_loop": 1,
        "not_html": 1,
        "no_text": 1,
    }
    assert report.entries_retry == {"http_500": 1, "timeout": 1}
    assert server.count("/broken") == 2  # tried again once within the round (watch_retries=1)
    states = _states(store)
    assert states[server.url("/broken")] == ("pending", "http_500")  # tried again next round
    assert states[server.url("/gone")] == ("failed", "http_404")
    overview = {s["url"]: s for s in store.feed_overview()}
    assert overview[server.url("/missing.xml")]["last_status"] == "failed"
    assert overview[server.url("/missing.xml")]["errors"][0]["reason"] == "http_404"
    assert {e["reason"] for e in overview[server.url("/rss.xml")]["errors"]} >= {"redirect_loop", "not_html"}
    # a passing failure is tried again next round; a final one is not
    server.routes["/broken"] = Route(article_html(6).encode())
    hits = server.counts()
    again = run_round(store, sources, watch_settings, force=True)
    assert again.stored == 1 or again.entries_retry  # /broken now answers; /slow still times out
    assert server.counts()["/gone"] == hits["/gone"]
    assert _states(store)[server.url("/broken")][0] == "stored"


def test_positions_are_refreshed_for_the_pairs_touched(
    server: LocalServer, watch_settings: Settings, store: Store, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from stancemap.stance import load_issues

    issues_file = tmp_path / "issues.toml"
    issues_file.write_text(
        '[[issue]]\nid = "referendum"\ntitle = "The referendum in the northern province"\n'
        'description = "Support: recognize or accept the referendum. Oppose: reject it, call it illegal."\n',
        encoding="utf-8",
    )
    paths = _pages(server, [1, 2])
    server.routes["/rss.xml"] = Route(rss(server.base, paths))
    report = run_round(store, [Source(server.url("/rss.xml"))], watch_settings, load_issues(issues_file))
    assert report.positions >= 1
    assert store.position_entries(stale=True) == []
