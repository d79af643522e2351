"""The day a statement was made, resolved against the article's date.

News gives the day of a statement in a handful of shapes: ``on 9 April``,
``on March 31``, ``April 9, 2020``, ``on Tuesday``, ``yesterday``, ``today``.
A day without a year is the latest such day on or before the article's date,
so an article of 2 January that says ``on 30 December`` means last year's.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["find_date"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PATTERNS = [
    re.compile(r"\b(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b"),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR, re.IGNORECASE),
    re.compile(r"\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<relative>yesterday|today|tonight|this morning|this afternoon|this evening)\b", re.IGNORECASE
    ),
]


def _latest_on_or_before(month: int, day: int, published: date) -> date | None:
    for year in (published.year, published.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= published:
            return d
    return None


def _resolve(m: re.Match[str], published: date | None) -> date | None:
    g = m.groupdict()
    if g.get("iso_y"):
        try:
            return date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        except ValueError:
            return None
    if g.get("month"):
        month, day = _MONTHS[g["month"].lower()], int(g["day"])
        if g.get("year"):
            try:
                return date(int(g["year"]), month, day)
            except ValueError:
                return None
        return _latest_on_or_before(month, day, published) if published else None
    if published is None:
        return None
    if g.get("weekday"):
        back = (published.weekday() - _WEEKDAYS.index(g["weekday"].lower())) % 7
        return published - timedelta(days=back)
    if g.get("relative"):
        return published - timedelta(days=1) if g["relative"].lower() == "yesterday" else published
    return None


def find_date(text: str, published: date | None) -> date | None:
    """The first day named in ``text``, resolved against ``published``; None if none is."""
    best: tuple[int, date] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            resolved = _resolve(m, published)
            if resolved is not None and (best is None or m.start() < best[0]):
                best = (m.start(), resolved)
            break
    return best[1] if best else None
