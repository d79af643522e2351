"""JSON Lines corpora: one article per line, read as a stream.

Each line is a JSON object with the fields ``id, url, title, published, author,
text`` (others, such as ``section`` or ``keywords``, are ignored). A corpus may
be far larger than memory, so it is read line by line, and the size limit
applies to each line rather than to the file. A bad line is skipped with its
``path:line`` and the lines after it are still read.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..config import Settings
from ..errors import InputError
from ..models import Article, text_hash
from .decode import looks_binary, mostly_utf8
from .fields import clean_str, host_outlet, storable, to_date, web_url
from .skipped import Skipped, too_long

__all__ = ["ID_HASH_CHARS", "read_jsonl", "record_article"]

log = logging.getLogger(__name__)

#: A record without an id is named by this many hex digits of its text hash.
ID_HASH_CHARS = 16


def read_jsonl(path: Path, source: str, settings: Settings) -> Iterator[Article | Skipped]:
    """Every record of the JSON Lines file at ``path`` as an article or a skip.

    ``source`` is the path as the user gave it; skips of single records are
    reported as ``source:line`` (lines count from 1).
    """
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        yield Skipped(source, "not_found", f"{source} does not exist")
        return
    except OSError as e:
        yield Skipped(source, "unreadable", f"{source} cannot be opened: {e.strerror or e}")
        return
    records = 0
    with fh:
        try:
            for lineno, line in _lines(fh, settings.max_file_bytes):
                where = f"{source}:{lineno}"
                if line is None:
                    yield Skipped(
                        where, "too_large", f"the line is longer than {settings.max_file_bytes} bytes"
                    )
                    records += 1
                    continue
                if lineno == 1 and looks_binary(line):
                    yield Skipped(source, "binary", "the file holds binary data, not JSON Lines text")
                    return
                if not line.strip():
                    continue
                records += 1
                try:
                    article = record_article(_parse(line, lineno), url_fallback=where)
                except InputError as e:
                    yield Skipped.from_error(where, e)
                    continue
                yield too_long(where, article, settings) or article
        except OSError as e:
            yield Skipped(source, "unreadable", f"{source} could not be read to the end: {e.strerror or e}")
            return
    if records == 0:
        yield Skipped(source, "empty", "the JSON Lines file has no records")


def record_article(record: dict[str, Any], url_fallback: str) -> Article:
    """The article one JSON Lines record describes.

    ``name`` is the record's ``id`` (or, without one, the first
    :data:`ID_HASH_CHARS` hex digits of the text hash); ``source`` is its
    ``url``, or ``url_fallback`` (``path:line``) when it has none. The outlet is
    the record's ``outlet`` or else the URL's host. Raises :class:`InputError`
    (``missing_field``, ``empty``) for a record without usable text.
    """
    text = record.get("text")
    if text is None:
        raise InputError("missing_field", "the record has no 'text' field")
    if not isinstance(text, str):
        raise InputError("missing_field", f"the record's 'text' is a {type(text).__name__}, not a string")
    if not text.strip():
        raise InputError("empty", "the record's 'text' is empty")
    raw_id = record.get("id")
    name = str(raw_id).strip() if raw_id is not None and not isinstance(raw_id, dict | list) else ""
    url = web_url(record.get("url"))
    text = storable(text)
    name = storable(name)
    return Article(
        name=name or text_hash(text)[:ID_HASH_CHARS],
        text=text,
        source=url or url_fallback,
        title=clean_str(record.get("title")),
        author=clean_str(record.get("author")),
        outlet=clean_str(record.get("outlet")) or host_outlet(url),
        url=url,
        published=to_date(record.get("published")),
    )


def _parse(line: bytes, lineno: int) -> dict[str, Any]:
    """The JSON object on one line; :class:`InputError` if it is not one."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as e:
        repaired = mostly_utf8(line)
        if repaired is None:
            raise InputError(
                "undecodable", f"the line is not UTF-8 (more than a few stray bytes): {e}"
            ) from e
        text = repaired[0]
        log.warning("line %d: UTF-8 apart from %d stray byte(s), replaced with U+FFFD", lineno, repaired[1])
    if lineno == 1:
        text = text.removeprefix("\ufeff")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError("malformed_json", f"the line is not valid JSON: {e.msg} at column {e.colno}") from e
    except RecursionError as e:
        raise InputError("malformed_json", "the line is JSON nested too deeply to read") from e
    if not isinstance(value, dict):
        raise InputError("malformed_json", f"the line is a JSON {type(value).__name__}, not an object")
    return value


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line without its end) for each line; None for a line over ``limit`` bytes.

    A line too long is never held in memory whole: the rest of it is read in
    pieces and dropped.
    """
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drop the rest of the line
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line.rstrip(b"\r\n")
