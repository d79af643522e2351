"""Metadata values read the same way from every format: text fields, dates, outlets.

A date in a JSON Lines record, an HTML meta tag or a text header ends up as a
``datetime.date``; an outlet named by nothing better is the URL's host.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

__all__ = ["clean_str", "host_outlet", "storable", "to_date", "web_url"]

_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])")
#: What no database stores: NUL (PostgreSQL refuses it) and lone surrogates (not Unicode text).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` with each NUL and lone surrogate made U+FFFD: same length, so offsets hold.

    JSON allows both (``\\u0000``, ``\\ud800``); left in, one record would stop a batch
    with a database error.
    """
    return _UNSTORABLE.sub("\ufffd", text)


def clean_str(value: Any) -> str | None:
    """A metadata string stripped of surrounding space; None for missing, blank or non-text values.

    A list of strings (several authors) is joined with ", ".
    """
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = ", ".join(v.strip() for v in value if v.strip())
    if not isinstance(value, str):
        return None
    value = storable(value.strip())
    return value or None


def to_date(value: Any) -> date | None:
    """The calendar date of a timestamp such as ``2025-03-14 20:30:26Z`` or ``2020-04-11``.

    The date is taken as written, without converting time zones: the day a
    story was dated is the day it carries. Other spellings ("March 14, 2025")
    go through dateutil; anything unparseable is None, never an error.
    """
    text = clean_str(value)
    if text is None:
        return None
    match = _ISO_DATE.match(text)
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            return None
    from dateutil import parser  # imported here: only unusual dates need it

    try:
        parsed: datetime = parser.parse(text)
    except (ValueError, OverflowError):
        return None
    return parsed.date()


def host_outlet(url: str | None) -> str | None:
    """The outlet a URL names: its host without ``www.`` (``voanews.com``)."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def web_url(value: Any) -> str | None:
    """``value`` stripped when it is an absolute ``http`` or ``https`` URL with a host, else None.

    An article's URL becomes the "original" link on its page and in the JSON: a
    ``javascript:`` or ``data:`` URL there would be a live link into the page.
    """
    text = clean_str(value)
    if text is None:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None
