"""sources: the feeds file and its intervals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stancemap.errors import SettingsError
from stancemap.feeds import Source, load_sources
from stancemap.feeds.parse import detect_kind, parse_listing
from stancemap.feeds.sources import DEFAULT_EVERY, parse_every


def test_a_feeds_file(tmp_path: Path) -> None:
    path = tmp_path / "FEEDS.toml"
    path.write_text(
        '[[source]]\nurl = "https://a.example/rss"\nevery = "15m"\n\n'
        '[[source]]\nurl = "https://b.example/sitemap.xml"\nkind = "sitemap"\n',
        encoding="utf-8",
    )
    assert load_sources(path) == [
        Source("https://a.example/rss", None, 900),
        Source("https://b.example/sitemap.xml", "sitemap", DEFAULT_EVERY),
    ]


@pytest.mark.parametrize(("value", "seconds"), [("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86400)])
def test_intervals(value: str, seconds: int) -> None:
    assert parse_every(value) == seconds


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "no [[source]]"),
        ('[[source]]\nurl = "https://a.example"\nkind = "json"\n', "kind must be one of"),
        ('[[source]]\nurl = "https://a.example"\nevery = "5s"\n', "too often"),
        ('[[source]]\nurl = "https://a.example"\nevery = "soon"\n', "not an interval"),
        ('[[source]]\nurl = "https://a.example"\n[[source]]\nurl = "https://a.example"\n', "listed twice"),
        ('[[source]]\nurl = "https://a.example"\nevry = "1h"\n', "unknown key"),
    ],
)
def test_bad_feeds_files(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "FEEDS.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_sources(path)


def test_kinds_are_detected_from_the_root_element() -> None:
    assert detect_kind(b'<?xml version="1.0"?>\n<rss version="2.0">') == "rss"
    assert detect_kind(b'<feed xmlns="http://www.w3.org/2005/Atom">') == "atom"
    assert detect_kind(b"<urlset xmlns='x'>") == "sitemap"
    assert detect_kind(b"<sitemapindex>") == "sitemap"


def test_a_gzipped_sitemap_is_inflated_and_relative_or_odd_links_dropped() -> None:
    import gzip

    body = gzip.compress(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>/a</loc></url><url><loc>mailto:x@y</loc></url><url><loc>https://n.example/b#top</loc></url>"
        b"</urlset>"
    )
    listing = parse_listing(body, None, "https://n.example/sitemap.xml.gz", 10_000)
    assert [u for u, _ in listing.entries] == ["https://n.example/a", "https://n.example/b"]


def test_a_sitemap_with_an_entity_bomb_is_refused() -> None:
    from stancemap.errors import FetchError

    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://n.example/&b;</loc></url></urlset>'
    )
    try:
        listing = parse_listing(bomb, "sitemap", "https://n.example/", 10_000)
    except FetchError as e:
        assert e.reason == "malformed_feed"
    else:
        assert all("aaaa" not in u for u, _ in listing.entries)  # entities are not expanded


def test_a_feed_cut_short_keeps_what_was_read_and_says_so() -> None:
    whole = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>a</title><link>https://n.example/a</link></item>"
        b"<item><title>b</title><link>https://n.example/b</link></item></channel></rss>"
    )
    assert parse_listing(whole, None, "https://n.example/rss", 10_000).problem is None
    cut = parse_listing(whole[:-40], None, "https://n.example/rss", 10_000)
    assert [u for u, _ in cut.entries][:1] == ["https://n.example/a"]
    assert cut.problem is not None and "not well-formed" in cut.problem
