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

from .lexicon import Lexicon
from .records import Attribution

__all__ = ["event_channel"]

_SAID = r"(?:stated|said|told|announced|declared|noted|stressed|emphasi[sz]ed|wrote|added|reported)"
#: A report whose content is the sentence before it ("X stated this", "This was said by X").
_POINTS_BACK = re.compile(rf"\b{_SAID}\s+(?:this|so)\b|^\W*(?:this|that) was {_SAID}\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


def _lead_in(text: str, sentence: tuple[int, int]) -> tuple[int, int]:
    """The sentence before ``sentence``, within its paragraph, and ``sentence`` itself."""
    lo, hi = sentence
    floor = text.rfind("\n", 0, lo) + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, max(floor, lo - 1))]
    return (ends[-2] if len(ends) >= 2 else floor), hi


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
        end = text.find("\n", hi)
        end = len(text) if end < 0 else end
        ends = [*(m.end() for m in _SENTENCE_END.finditer(text, hi + 1, end)), end][:2]
        for s0, s1 in zip([hi, *ends], ends, strict=False):
            sentence = text[s0:s1]
            if _POINTS_BACK.search(sentence):
                found = lex.channel(sentence)
                break
    return found
