"""Layout read as layout, not as language: what the parser sees of an article.

Pages come with a dateline before the first sentence ("CITY —", "City, 12 May (Agency) –"),
lines hard-wrapped in mid-sentence, and page furniture ("Read more", "Related news", a
player's "0:00"). Read as language, a dateline becomes a speaker or a heading, a wrapped
line a new sentence, and furniture a heading. :func:`normalized` blanks them out for the
parser, character for character, so every offset into the article stays valid: evidence is
always sliced from the article's own text, never from this copy.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import read_words

__all__ = ["normalized"]

#: "WASHINGTON —", "YEREVAN. –", "GENEVA, Switzerland -", "PARIS (Agency) —" and
#: "CITY, Aug. 24 (Agency) --" at the start of a paragraph.
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’\- ]{2,40}(?:,[ \t][A-Z][\w.'’ ]{1,40}?)?"
    r"(?:,[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r"[ \t]*(?:\([A-Za-z][^()\n\d]{0,30}\))?[ \t]*[—–-]{1,2}[ \t]+"
)
#: "Paris (Agency) –": a dateline in title case, which only an agency's name marks as one.
_AGENCY_LINE = re.compile(
    r"(?m)^[ \t]*[A-Z][\w.'’ ]{1,40}[ \t]+\([A-Z][^()\n\d]{0,30}\)[ \t]*[—–-]{1,2}[ \t]+"
)
#: "Geneva, 12 May (Agency) –" at the start of a paragraph.
_DATED_LINE = re.compile(
    r"(?m)^[ \t]*[A-Z][\w.'’ ]{1,40},[ \t]+\d{1,2}[ \t]+[A-Z][a-z]+(?:[ \t]+\d{4})?[ \t]*"
    r"(?:\([^()\n]{1,40}\))?[ \t]*[—–-]{1,2}[ \t]+"
)
#: A line of a player, an element id or a lone number: "0:00 0:00:54", "body-line-1".
_MACHINE_LINE = re.compile(r"(?m)^[ \t]*(?:[\d:. /|-]+|[a-z]+(?:-[a-z0-9]+)+)[ \t]*$")
#: A line break inside a sentence: the line does not end one, the next goes on in lower case.
_WRAP = re.compile(r"(?<=[\w,;])\n(?=[ \t]*[a-z])")


@lru_cache(maxsize=1)
def _furniture() -> frozenset[str]:
    return read_words(__package__, "furniture.txt")


def _blank(text: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if text[i] not in "\n":
            text[i] = " "


def normalized(text: str) -> str:
    """``text`` with datelines, page furniture and hard wraps blanked out, of the same length."""
    out = list(text)
    for pattern in (_DATELINE, _DATED_LINE, _AGENCY_LINE, _MACHINE_LINE):
        for m in pattern.finditer(text):
            _blank(out, m.start(), m.end())
    furniture = _furniture()
    pos = 0
    for line in text.split("\n"):
        if line.strip().lower().rstrip(":.") in furniture:
            _blank(out, pos, pos + len(line))
        pos += len(line) + 1
    for m in _WRAP.finditer(text):
        out[m.start()] = " "
    return "".join(out)
