"""HTML pages: the article body and its metadata, extracted with trafilatura.

A saved web page is mostly navigation, adverts and related links. trafilatura
finds the main text and the metadata (title, date, author, site name, canonical
URL). ``Article.text`` is the extracted body, so offsets point into that text,
not into the HTML. trafilatura is imported on first use: it is slow to import
and most runs read plain text or JSON Lines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import InputError
from ..models import Article
from .fields import clean_str, host_outlet, to_date, web_url

__all__ = ["MIN_BODY_WORDS", "looks_like_html", "parse_html"]

#: An extracted body with fewer words than this is no article: navigation residue
#: or a download cut off after a few words.
MIN_BODY_WORDS = 5
#: How far into a file of unknown type to look for an HTML start tag.
SNIFF_CHARS = 1024
#: Loggers of the extraction libraries, silenced during extraction (see ``_quiet``).
_NOISY = ("trafilatura", "htmldate", "courlan", "justext")
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts with markup and has an ``<html`` tag or HTML doctype near its start.

    A plain-text article that mentions ``<html>`` in its prose is not HTML.
    """
    head = text[:SNIFF_CHARS].lstrip()
    return head.startswith("<") and bool(_HTML_START.search(head))


def parse_html(html: str, name: str, source: str) -> Article:
    """The article in an HTML page.

    Raises :class:`InputError` with reason ``no_text`` when the page has no body
    text to extract (truncated, a fragment, or only navigation).
    """
    import trafilatura
    from trafilatura.settings import Document

    with _quiet():
        try:
            doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        except (ValueError, TypeError) as e:  # trafilatura catches most of these itself
            raise InputError("no_text", f"the HTML page could not be parsed: {e}") from e
    if not isinstance(doc, Document) or not doc.text or not doc.text.strip():
        raise InputError("no_text", "no article text could be extracted from the HTML page")
    text = doc.text
    title = clean_str(doc.title)
    body_start = _after_title(text, title)
    if len(_WORD.findall(text, body_start)) < MIN_BODY_WORDS:
        raise InputError(
            "no_text", f"the HTML page has fewer than {MIN_BODY_WORDS} words of article text (truncated?)"
        )
    url = web_url(doc.url)
    return Article(
        name=name,
        text=text,
        source=source,
        title=title,
        author=clean_str(doc.author),
        outlet=clean_str(doc.sitename) or host_outlet(url),
        url=url,
        published=to_date(doc.date),
        body_start=body_start,
    )


def _after_title(text: str, title: str | None) -> int:
    """Where the body starts: after the headline when trafilatura kept it as the first line."""
    if not title:
        return 0
    first, newline, _ = text.partition("\n")
    if not newline or first.strip() != title:
        return 0
    pos = len(first) + 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence the extraction libraries' loggers for the duration of one extraction.

    trafilatura logs every page it cannot use at ERROR and WARNING; for stancemap
    such a page is an ordinary skip, reported as a ``Skipped`` record, not a log
    line. Log levels are global, so this is not thread-safe; stancemap runs
    extraction in processes, not threads.
    """
    loggers = [logging.getLogger(n) for n in _NOISY]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)
