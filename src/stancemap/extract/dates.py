"""The day a statement was made, resolved against the article's date.

News gives the day of a statement in a handful of shapes: ``on 9 April``,
``on March 31``, ``April 9, 2020``, ``on Tuesday``, ``yesterday``, ``today``.
A day without a year is the latest such day on or before the article's date,
so an article of 2 January that says ``on 30 December`` means last year's.
The names of months, weekdays and relative days are data (``data/calendar.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..datafiles import alternation, read_table

__all__ = ["find_date"]


@dataclass(frozen=True)
class _Calendar:
    """The calendar words of ``data/calendar.tsv`` and the patterns built from them."""

    months: dict[str, int]  # name or abbreviation -> 1..12
    weekdays: dict[str, int]  # name -> date.weekday()
    relative: dict[str, int]  # "yesterday" -> days before the article's date
    patterns: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _calendar() -> _Calendar:
    kinds: dict[str, dict[str, int]] = {"month": {}, "weekday": {}, "relative": {}}
    for row in read_table(__package__, "calendar.tsv"):
        kinds[row["kind"]][row["word"].strip().lower()] = int(row["number"])
    months, weekdays, relative = kinds["month"], kinds["weekday"], kinds["relative"]
    month = r"(?P<month>" + alternation(months) + r")\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    patterns = (
        re.compile(r"\b(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b"),
        re.compile(r"\b" + day + r"\s+(?:of\s+)?" + month + year + r"\b", re.IGNORECASE),
        re.compile(r"\b" + month + r"\s+" + day + r"\b" + year, re.IGNORECASE),
        re.compile(r"\b(?P<weekday>" + alternation(weekdays) + r")\b", re.IGNORECASE),
        re.compile(r"\b(?P<relative>" + alternation(relative) + r")\b", re.IGNORECASE),
    )
    return _Calendar(months, weekdays, relative, patterns)


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
    cal = _calendar()
    if g.get("iso_y"):
        try:
            return date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        except ValueError:
            return None
    if g.get("month"):
        month, day = cal.months[g["month"].lower()], int(g["day"])
        if g.get("year"):
            try:
                return date(int(g["year"]), month, day)
            except ValueError:
                return None
        return _latest_on_or_before(month, day, published) if published else None
    if published is None:
        return None
    if g.get("weekday"):
        back = (published.weekday() - cal.weekdays[g["weekday"].lower()]) % 7
        return published - timedelta(days=back)
    if g.get("relative"):
        return published - timedelta(days=cal.relative[" ".join(g["relative"].lower().split())])
    return None


def find_date(text: str, published: date | None) -> date | None:
    """The first day named in ``text``, resolved against ``published``; None if none is."""
    best: tuple[int, date] | None = None
    for pattern in _calendar().patterns:
        for m in pattern.finditer(text):
            resolved = _resolve(m, published)
            if resolved is not None and (best is None or m.start() < best[0]):
                best = (m.start(), resolved)
            break
    return best[1] if best else None
