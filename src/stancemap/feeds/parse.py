"""Feeds and sitemaps into entries: the article URLs a source lists.

RSS and Atom are read by feedparser (from bytes: it fetches nothing). Sitemaps
(``<urlset>``), sitemap indexes (``<sitemapindex>``, whose children are sitemaps
to fetch in turn) and Google news sitemaps (``<news:news>`` inside ``<url>``,
for the title) are read with lxml, with entities and network access off. A
gzip-compressed sitemap is inflated (bounded). Anything else is ``malformed_feed``.
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXException

from ..errors import FetchError
from ..store.feeds import URL_CHARS

__all__ = ["Listing", "detect_kind", "parse_listing"]

_ROOT = re.compile(rb"<\s*(?:[\w-]+:)?(rss|rdf|RDF|feed|urlset|sitemapindex)[\s>/]")
_KIND = {
    b"rss": "rss",
    b"rdf": "rss",
    b"RDF": "rss",
    b"feed": "atom",
    b"urlset": "sitemap",
    b"sitemapindex": "sitemap",
}
#: How far into a body to look for the root element.
_SNIFF = 4096


@dataclass
class Listing:
    """What a source lists: (url, title) entries, child sitemaps (of a sitemap index), and any problem.

    ``problem`` says what was wrong with a listing that was still read in part.
    """

    entries: list[tuple[str, str | None]] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    problem: str | None = None


def detect_kind(body: bytes) -> str:
    """``rss``, ``atom`` or ``sitemap`` from the root element; ``malformed_feed`` if none of them."""
    match = _ROOT.search(body[:_SNIFF])
    if match is None:
        raise FetchError("malformed_feed", "neither an RSS or Atom feed nor a sitemap (no such root element)")
    return _KIND[match[1]]


def parse_listing(body: bytes, kind: str | None, base_url: str, max_bytes: int) -> Listing:
    """The entries of a feed or sitemap at ``base_url``; ``kind`` None is detected."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, max_bytes)
    kind = kind or detect_kind(body)
    if kind == "sitemap":
        return _sitemap(body, base_url)
    return _feed(body, base_url)


def _gunzip(body: bytes, limit: int) -> bytes:
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(body, limit + 1)
    except (zlib.error, gzip.BadGzipFile) as e:
        raise FetchError("malformed_feed", f"a gzip-compressed listing that cannot be inflated: {e}") from e
    if len(out) > limit:
        raise FetchError("too_large", f"the listing inflates to more than {limit:,} bytes")
    return out


def _http_url(url: str | None, base: str) -> str | None:
    """``url`` made absolute against ``base``, without its fragment; None unless it is http(s).

    A URL longer than the store keeps as a key (``URL_CHARS``) is dropped too.
    """
    if not url:
        return None
    try:
        full = urljoin(base, url.strip())
        parts = urlsplit(full)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    full = full.split("#", 1)[0]
    return full if len(full) <= URL_CHARS else None


def _feed(body: bytes, base: str) -> Listing:
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": base})
    listing = Listing()
    for entry in parsed.entries:
        url = _http_url(entry.get("link"), base)
        if url is None:
            continue
        title = entry.get("title")
        listing.entries.append((url, title.strip() if isinstance(title, str) and title.strip() else None))
    if parsed.get("bozo") and not listing.entries:
        raise FetchError("malformed_feed", f"the feed cannot be read: {parsed.get('bozo_exception')}")
    if not parsed.get("version") and not listing.entries:
        raise FetchError("malformed_feed", "not an RSS or Atom feed that feedparser recognizes")
    if isinstance(parsed.get("bozo_exception"), SAXException):  # cut short or sloppy: what was read is kept
        listing.problem = f"the feed is not well-formed: {parsed.get('bozo_exception')}"
    return listing


def _sitemap(body: bytes, base: str) -> Listing:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as e:
        raise FetchError("malformed_feed", f"the sitemap is not well-formed XML: {e}") from e
    tag = etree.QName(root).localname
    listing = Listing()
    if tag == "sitemapindex":
        for loc in root.iterfind("{*}sitemap/{*}loc"):
            url = _http_url(loc.text, base)
            if url is not None:
                listing.sitemaps.append(url)
        return listing
    if tag != "urlset":
        raise FetchError("malformed_feed", f"a sitemap's root must be urlset or sitemapindex, not {tag}")
    for item in root.iterfind("{*}url"):
        url = _http_url(item.findtext("{*}loc"), base)
        if url is None:
            continue
        title = item.findtext("{*}news/{*}title")
        listing.entries.append((url, title.strip() if title and title.strip() else None))
    return listing
