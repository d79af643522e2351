"""An article's text cut into pieces at its statements' spans, for highlighting.

Statements mark three kinds of span: the ``source`` (who speaks), the ``cue`` (the
verb or phrase of saying) and the ``evidence`` (what was said). Spans of different
statements may overlap (one summary sentence carries a statement per actor named),
so the text is cut at every span boundary and each piece records the spans that
cover it. The template escapes each piece; no markup is ever built from the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["ROLES", "Mark", "Segment", "segments"]

#: Roles, most specific first: a piece inside a cue inside evidence is shown as the cue.
ROLES = ("cue", "source", "evidence")


@dataclass(frozen=True)
class Mark:
    """Characters ``start:end`` of the text play ``role`` in statement ``statement_id``."""

    start: int
    end: int
    role: str
    statement_id: int


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same marks.

    ``role`` is the most specific role covering it (or None); ``statement_id`` the
    statement of the narrowest mark covering it, which the highlight links to;
    ``statement_ids`` every statement covering it; ``faded`` whether it lies in
    text that carries no statements (the header before the body, background paragraphs).
    """

    text: str
    start: int
    role: str | None = None
    statement_id: int | None = None
    statement_ids: tuple[int, ...] = ()
    faded: bool = False


def segments(
    text: str, marks: Iterable[Mark], body_start: int = 0, faded: Sequence[tuple[int, int]] = ()
) -> list[Segment]:
    """The pieces of ``text``, in order; joined they give ``text`` back exactly.

    Text before ``body_start`` and inside the ``faded`` spans is marked faded. Marks
    outside the text are clipped, empty ones dropped, and unknown roles ignored.

    One sweep over the sorted boundaries: marks and faded spans open and close as
    the sweep passes them, so a piece looks only at the marks covering it, and the
    cost grows with the text and the marks, not with their product.
    """
    n = len(text)
    body_start = max(0, min(body_start, n))
    opens: dict[int, list[Mark]] = defaultdict(list)
    closes: dict[int, list[Mark]] = defaultdict(list)
    dim_delta: dict[int, int] = defaultdict(int)
    for s, e in [(0, body_start), *faded]:
        s, e = max(0, s), min(n, e)
        if s < e:
            dim_delta[s] += 1
            dim_delta[e] -= 1
    for m in marks:
        start, end = max(0, m.start), min(n, m.end)
        if start < end and m.role in ROLES:
            kept = Mark(start, end, m.role, m.statement_id)
            opens[start].append(kept)
            closes[end].append(kept)
    cuts = sorted({0, n} | opens.keys() | closes.keys() | dim_delta.keys())
    active: dict[Mark, int] = {}  # the marks covering the sweep, with how many copies of each
    dimmed = 0
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        for m in closes.get(start, ()):
            active[m] -= 1
            if not active[m]:
                del active[m]
        for m in opens.get(start, ()):
            active[m] = active.get(m, 0) + 1
        dimmed += dim_delta.get(start, 0)
        if start >= end:
            continue
        if not active:
            out.append(Segment(text[start:end], start, faded=dimmed > 0))
            continue
        role = min((m.role for m in active), key=ROLES.index)
        narrowest = min(active, key=lambda m: (m.end - m.start, ROLES.index(m.role), m.statement_id))
        ids = tuple(sorted({m.statement_id for m in active}))
        out.append(Segment(text[start:end], start, role, narrowest.statement_id, ids, dimmed > 0))
    return out
