"""html: article body and metadata from a saved page; garbage pages are no_text."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from stancemap.errors import InputError
from stancemap.ingest.html import looks_like_html, parse_html

PARAGRAPHS = [
    "The foreign ministry said on Tuesday that it did not recognize the vote held in the region, "
    "calling it a breach of international law.",
    "\u201cWe will never accept these so-called elections,\u201d the spokesperson told reporters in "
    "the capital, adding that talks must continue.",
    "Other governments have yet to respond to the statement, which came after a week of rising "
    "tension along the border.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministry rejects vote - Example News</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-05-04T10:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://www.example.com/news/vote-rejected">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ministry rejects vote</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<footer>Copyright 2021 Example News. All rights reserved.</footer>
</body></html>"""


def test_article_page() -> None:
    a = parse_html(PAGE, "vote.html", "pages/vote.html")
    assert (a.name, a.source) == ("vote.html", "pages/vote.html")
    assert a.title == "Ministry rejects vote"
    assert a.author == "Jane Roe"
    assert a.published == date(2021, 5, 4)
    assert a.outlet == "Example News"
    assert a.url == "https://www.example.com/news/vote-rejected"
    for p in PARAGRAPHS:
        assert p in a.text
    assert "Home" not in a.text and "Copyright" not in a.text
    assert a.text[a.body_start :].startswith("The foreign ministry said")


def test_outlet_falls_back_to_the_host() -> None:
    page = PAGE.replace('<meta property="og:site_name" content="Example News">', "")
    assert parse_html(page, "vote.html", "vote.html").outlet in {"example.com", "Example News"}


def test_a_cut_off_page_keeps_what_it_has() -> None:
    cut = PAGE[: PAGE.index("</p>", PAGE.index(PARAGRAPHS[1][:20]))]  # ends inside the second paragraph
    a = parse_html(cut, "cut.html", "cut.html")
    assert PARAGRAPHS[0] in a.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Half a sent",
        "<html><head><title>x</title></head><body><p>Half a sen",
        "<html><body></body></html>",
        "<!doctype html><html><body><nav><a href='/'>Home</a></nav></body></html>",
    ],
    ids=["truncated", "truncated-with-head", "empty-body", "navigation-only"],
)
def test_no_text(html: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG), pytest.raises(InputError) as info:
        parse_html(html, "bad.html", "bad.html")
    assert info.value.reason == "no_text"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], "a skip is not a warning"


def test_extraction_leaves_logger_levels_as_they_were() -> None:
    logger = logging.getLogger("trafilatura")
    before = logger.level
    with pytest.raises(InputError):
        parse_html("<html><body><p>Half a sent", "bad.html", "bad.html")
    assert logger.level == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("\n  <html lang='en'>", True),
        ("<!doctype HTML>\n", True),
        ('<?xml version="1.0"?>\n<!-- saved -->\n<html>', True),
        ("The ministry said <html> is a tag.", False),
        ("The ministry said the vote was illegal.", False),
        ("<htmlish>", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
