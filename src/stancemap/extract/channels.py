"""The medium of a speech event, when a statement's own sentence does not name it.

News names the medium once for a statement and its continuation ("In a statement, the
ministry said on Monday. It added ...", "... The minister stated this at the cabinet
session."), but only nearby: a medium named further back, or by another speaker in between,
belongs to another event. The statement's own sentence is read by ``statements``; this reads
the sentence that leads into it and a report that points back to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import Lexicon, load_function_words
from .records import Attribution

__all__ = ["event_channel", "points_back", "sentence_end", "trailing_event"]

_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


def sentence_end(text: str, pos: int) -> int:
    """The end of the sentence that holds ``pos``, within its paragraph (``pos`` may already be
    just past a full stop: "... the vote." ends there)."""
    stop = text.find("\n", pos)
    stop = len(text) if stop < 0 else stop
    m = _SENTENCE_END.search(text, max(0, pos - 2), stop)
    return m.end() if m else stop


def _lead_in(text: str, sentence: tuple[int, int]) -> tuple[int, int]:
    """The sentence before ``sentence``, within its paragraph, and ``sentence`` itself."""
    lo, hi = sentence
    floor = text.rfind("\n", 0, lo) + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, max(floor, lo - 1))]
    return (ends[-2] if len(ends) >= 2 else floor), hi


def trailing_event(text: str, content: tuple[int, int]) -> tuple[int, int] | None:
    """The span of an event adjunct that ends a reported clause, or None.

    A quotation ends with the speaker's own words, never with the reporter's adjunct, so
    only clauses that do not end in a quotation mark are read.
    """
    c0, c1 = content
    tail = text[max(c0, c1 - 160) : c1]
    if not tail.strip() or tail.rstrip()[-1] in "\"”’'":
        return None
    m = load_function_words().trailing_event.search(tail)
    return None if m is None else (c1 - len(tail) + m.start(), c1)


def points_back(text: str, end: int) -> tuple[int, int] | None:
    """The sentence within two after ``end`` (same paragraph) that reports the one before it, or None."""
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    ends = [*(m.end() for m in _SENTENCE_END.finditer(text, end + 1, stop)), stop][:2]
    pointing = load_function_words().points_back
    for s0, s1 in zip([end, *ends], ends, strict=False):
        if pointing.search(text[s0:s1].strip()):
            return s0, s1
    return None


def event_channel(text: str, lex: Lexicon, a: Attribution, others: Sequence[int]) -> str | None:
    """The medium of the event ``a`` belongs to, from the sentence leading in or a report pointing back.

    ``others`` are the ends of the evidence of earlier statements by other speakers: the
    lead-in never reaches back past them.
    """
    assert a.cue is not None
    lo, hi = _lead_in(text, a.context or a.cue)
    before = [end for end in others if end <= a.cue[0]]
    lo = max(lo, before[-1] if before else lo)
    c0, c1 = a.content
    found = lex.channel(text[lo : max(lo, c0)] + " " + text[min(hi, c1) : hi])
    if found is None:
        # "... . The minister stated this at the session": a report that points back names the event
        back = points_back(text, hi)
        if back is not None:
            found = lex.channel(text[back[0] : back[1]])
    return found
