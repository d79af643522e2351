"""Plain-text articles: the whole file is the text; a first line may carry metadata.

Two first lines are recognized:

* a seed-style header, `` date 2020-04-11 By Anna Kowalski`` (leading space
  and the ``By`` part optional), which gives the publication date and author;
* otherwise a title: a short first line without a final period, followed by a
  blank line.

``Article.text`` is always the whole decoded file, so that offsets found in it
are offsets into the file; ``body_start`` says where the body begins after
the header or title line and the blank lines that follow.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..models import Article
from .fields import to_date

__all__ = ["MAX_TITLE_CHARS", "parse_text"]

#: A first line at least this long is a paragraph, not a title.
MAX_TITLE_CHARS = 150

_HEADER = re.compile(
    r"[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[ \t]+By[ \t]+(?P<author>[^\r\n]*?))?"
    r"[ \t]*(?:\r\n|\n|\r|\Z)"
)
_FIRST_LINE = re.compile(r"(?P<line>[^\r\n]*)(?:\r\n|\n|\r)")
_BLANK_LINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_SPACE = re.compile(r"\s*")


def parse_text(text: str, name: str, source: str) -> Article:
    """The article a plain-text file holds (``text`` is the whole decoded file).

    Raises :class:`InputError` with reason ``empty`` for a header line with no body.
    """
    header = _HEADER.match(text)
    if header:
        body_start = _skip_space(text, header.end())
        if body_start == len(text):
            raise InputError("empty", "the file has a date header line but no article body")
        return Article(
            name=name,
            text=text,
            source=source,
            author=(header["author"] or "").strip() or None,
            published=to_date(header["date"]),
            body_start=body_start,
        )
    title, end = _title(text)
    body_start = _skip_space(text, end)
    if body_start == len(text):  # a lone short line is the body, not a title
        title, body_start = None, _skip_space(text, 0)
    return Article(name=name, text=text, source=source, title=title, body_start=body_start)


def _title(text: str) -> tuple[str | None, int]:
    """(title, offset after the title line) when the first line is a title, else (None, 0)."""
    first = _FIRST_LINE.match(text)
    if not first:
        return None, 0
    line = first["line"].strip()
    if not line or len(line) >= MAX_TITLE_CHARS or line.endswith("."):
        return None, 0
    if not _BLANK_LINE.match(text, first.end()):
        return None, 0  # the first line of a paragraph that goes on
    return line, first.end()


def _skip_space(text: str, pos: int) -> int:
    """Offset of the first non-whitespace character at or after ``pos`` (``len(text)`` if none)."""
    match = _SPACE.match(text, pos)
    return match.end() if match else pos
