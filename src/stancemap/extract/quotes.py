"""Find quotations in an article's text, in every style news uses.

Double quotes of any glyph (" “ ” „ « », the stray ‟ ″, and two single quotes typed
for one double) are told apart as
openers and closers by what flanks them, as CommonMark does for emphasis, with the
glyph's own direction breaking ties. Openers and closers are matched with a stack,
so a quotation may hold nested scare quotes (“… these “elections” as …”). A
quotation left open at the end of a paragraph runs to the end of that paragraph
(the news convention for quotations that continue over several paragraphs) unless
a single mark after closing punctuation ends it (a typo: "..., it said,' she told),
and stray marks never make the article fail: they are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes"]

_DOUBLE = '"“”„«»‟″'
_OPEN_GLYPHS = "“„«‟"
_CLOSE_GLYPHS = "”»″"
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_WORD = re.compile(r"\w+")
# closing punctuation then a single quote then a space: the end of a quotation whose
# closing double mark was typed as a single one
_SINGLE_CLOSE = re.compile(r"[,.!?]['’](?=\s)")


@dataclass(frozen=True)
class Quote:
    """The inside of a quotation: characters ``start:end`` of the text, marks excluded."""

    start: int
    end: int
    closed: bool = True

    def words(self, text: str) -> int:
        return len(_WORD.findall(text[self.start : self.end]))


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the quote mark at ``i`` within a paragraph lo:hi."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_space = prev.isspace() or prev in "([{—–-/:;" or prev in _DOUBLE
    right_space = nxt.isspace() or nxt in ".,;:!?)]}—–-" or nxt in _DOUBLE
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    ch = text[i]
    if ch in _OPEN_GLYPHS:
        return "open"
    if ch in _CLOSE_GLYPHS:
        return "close"
    return "either"


def _paragraph_quotes(text: str, lo: int, hi: int) -> list[Quote]:
    stack: list[int] = []
    found: list[Quote] = []
    for i in range(lo, hi):
        if text[i] not in _DOUBLE:
            continue
        role = _role(text, i, lo, hi)
        if role == "close" or (role == "either" and stack):
            if stack:
                start = stack.pop()
                if not stack:
                    found.append(Quote(start + 1, i))
            # a closer with nothing open is a stray mark: ignore it
        else:
            stack.append(i)
    if stack:
        start = stack[0]
        typo = _SINGLE_CLOSE.search(text, start + 1, hi)
        if typo is not None:
            # a double quote closed by a single one ('..., it said,' the minister told ...)
            found.append(Quote(start + 1, typo.start() + 1))
            return found
        end = hi
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        if end > start + 1:
            found.append(Quote(start + 1, end, closed=False))
    return found


_TWO_SINGLES = re.compile(r"''")


def _double_from_singles(m: re.Match[str]) -> str:
    """Two single quotes typed for a double one (``''Never,'' she said``), as one mark and a space.

    The mark takes the place of the quote next to the words, so that offsets stay those
    of the text: an opener before a word is `` "``, a closer after one is ``" ``.
    """
    text = m.string
    after = text[m.end()] if m.end() < len(text) else " "
    return ' "' if not after.isspace() and after not in ".,;:!?)" else '" '


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quotation in ``text``, in order, never overlapping."""
    if "''" in text:
        text = _TWO_SINGLES.sub(_double_from_singles, text)
    quotes: list[Quote] = []
    lo = 0
    for m in _PARAGRAPH.finditer(text):
        quotes.extend(_paragraph_quotes(text, lo, m.start()))
        lo = m.end()
    quotes.extend(_paragraph_quotes(text, lo, len(text)))
    return [q for q in quotes if q.end > q.start and text[q.start : q.end].strip()]
