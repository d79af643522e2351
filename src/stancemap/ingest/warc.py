"""Web archives (``.warc``, ``.warc.gz``): each HTML response record becomes an article.

Records are read one at a time with warcio, so a multi-gigabyte archive is read
in flat memory: only the record in hand is held, and a record over
``max_file_bytes`` is passed over unread. A response's payload goes through the
same decoding and trafilatura extraction as a saved HTML page; the record's
target URI and date stand in when the page itself names no URL or date.

What is not an article is yielded as :class:`Skipped`, with the record's
``path:offset`` as its source:

* ``not_response`` -- request, metadata, warcinfo, revisit and resource records
  (every crawl has them; counted, not reported one by one: see ``PASSED_OVER``);
* ``not_html`` -- a response whose Content-Type is not HTML, or not a 200;
* ``truncated`` -- a record marked ``WARC-Truncated`` or cut short by the end of
  the file; an archive that cannot be read further ends the file there;
* ``undecodable`` / ``binary`` / ``no_text`` / ``too_large`` -- as for HTML files.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from ..models import Article
from .decode import decode_bytes, looks_binary
from .fields import host_outlet, to_date
from .html import parse_html
from .skipped import Skipped

__all__ = ["HTML_TYPES", "WARC_SUFFIXES", "is_warc", "parse_record_html", "read_warc", "split_content_type"]

WARC_SUFFIXES = (".warc", ".warc.gz")
#: Media types read as HTML pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: What reading on from a damaged archive raises (besides warcio's own errors).
_UNREADABLE = (EOFError, OSError, ValueError, zlib.error)
#: Bytes read at a time from a record's payload.
_CHUNK = 1 << 16


def is_warc(path: Path) -> bool:
    """True for a file named ``*.warc`` or ``*.warc.gz`` (any case)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, source: str, settings: Settings) -> Iterator[Article | Skipped]:
    """Every article in the web archive at ``path``, or why a record was skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    try:
        fh = path.open("rb")
    except OSError as e:
        yield Skipped(source, "unreadable", f"{source} cannot be read: {e.strerror or e}")
        return
    with fh:
        records = ArchiveIterator(fh)
        offset = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (*_UNREADABLE, ArchiveLoadFailed, StatusAndHeadersParserException) as e:
                yield Skipped(f"{source}:{offset}", "truncated", f"the archive cannot be read past here: {e}")
                return
            where = f"{source}:{offset}"  # where the record starts, as an index of the archive gives it
            try:
                item: Article | Skipped = _record_article(record, where, settings)
            except InputError as e:
                item = Skipped.from_error(where, e)
            except Exception as e:  # noqa: BLE001 - a record cut short raises from deep in warcio or zlib
                item = Skipped(where, "truncated", f"the record cannot be read to its end: {e}")
            try:  # reads what is left of the record, so the payload must be read before
                offset = records.get_record_offset() + records.get_record_length()
            except Exception as e:  # noqa: BLE001 - the archive ends inside this record
                yield Skipped(where, "truncated", f"the record cannot be read to its end: {e}")
                return
            yield item


def _record_article(record: Any, where: str, settings: Settings) -> Article:
    """The article of one WARC record; :class:`InputError` with a reason when it is none."""
    kind = record.rec_type
    if kind != "response":
        raise InputError("not_response", f"a WARC {kind} record, not a response")
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI")
    if headers.get_header("WARC-Truncated"):
        raise InputError(
            "truncated", f"the crawler truncated the record ({headers.get_header('WARC-Truncated')})"
        )
    http = record.http_headers
    if http is None:
        raise InputError("not_html", "a response record without HTTP headers")
    status = http.get_statuscode()
    media, charset = split_content_type(http.get_header("Content-Type") or "")
    if status != "200":
        raise InputError("not_html", f"an HTTP {status} response, not a page")
    if media not in HTML_TYPES:
        raise InputError("not_html", f"a {media or 'typeless'} response, not HTML")
    data = _payload(record, settings.max_file_bytes)
    return parse_record_html(data, charset, uri, headers.get_header("WARC-Date"), where)


def parse_record_html(
    data: bytes, charset: str | None, url: str | None, fetched: str | None, where: str
) -> Article:
    """The article in an HTML payload fetched from ``url`` (a WARC record or a watched page).

    A declared ``charset`` is trusted: bytes that are not in it are mis-encoded and
    the record is skipped (``undecodable``) rather than guessed at. With no
    declared charset, the bytes are decoded as HTML files are. ``url`` and the
    ``fetched`` date fill in what the page does not say.
    """
    text = _decode(data, charset)
    article = parse_html(text, url or where, where)
    changes: dict[str, Any] = {}
    if article.url is None and url:
        changes["url"] = url
    if article.outlet is None and url:
        changes["outlet"] = host_outlet(url)
    if article.published is None and fetched:
        changes["published"] = to_date(fetched)
    return dataclasses.replace(article, **changes) if changes else article


def split_content_type(value: str) -> tuple[str, str | None]:
    """(media type, charset or None) of a Content-Type header value."""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _decode(data: bytes, charset: str | None) -> str:
    if charset is None:
        return decode_bytes(data)
    if not data.strip():
        raise InputError("empty", "the response has no body")
    if looks_binary(data):
        raise InputError("binary", "the response holds binary data, not text")
    try:
        return data.decode(charset).removeprefix("\ufeff")
    except LookupError:
        return decode_bytes(data)  # an unknown charset name: decode as an HTML file would be
    except UnicodeDecodeError as e:
        raise InputError(
            "undecodable", f"the response declares charset {charset} but its bytes are not {charset}: {e}"
        ) from e


def _payload(record: Any, limit: int) -> bytes:
    """The record's payload, checked to be whole; at most ``limit`` bytes are held."""
    stream = record.content_stream()
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise InputError("too_large", f"the record's payload is larger than the limit of {limit:,} bytes")
        parts.append(chunk)
    left = getattr(record.raw_stream, "limit", 0)
    if left:
        raise InputError("truncated", f"the record ends {left:,} bytes short of its Content-Length")
    return b"".join(parts)
