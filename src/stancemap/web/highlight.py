"""An article's text cut into pieces at its statements' spans, for highlighting.

Statements mark three kinds of span: the ``source`` (who speaks), the ``cue`` (the
verb or phrase of saying) and the ``evidence`` (what was said). Spans of different
statements may overlap (one summary sentence carries a statement per actor named),
so the text is cut at every span boundary and each piece records the spans that
cover it. The template escapes each piece; no markup is ever built from the text.
"""

from __future__ import annotations

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
    """
    n = len(text)
    body_start = max(0, min(body_start, n))
    dim = [(0, body_start)] + [(max(0, s), min(n, e)) for s, e in faded if max(0, s) < min(n, e)]
    kept = []
    for m in marks:
        start, end = max(0, m.start), min(n, m.end)
        if start < end and m.role in ROLES:
            kept.append(Mark(start, end, m.role, m.statement_id))
    cuts = sorted(
        {0, n, body_start}
        | {m.start for m in kept}
        | {m.end for m in kept}
        | {s for s, _ in dim}
        | {e for _, e in dim}
    )
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        cover = [m for m in kept if m.start <= start and end <= m.end]
        dimmed = any(s <= start and end <= e for s, e in dim)
        if not cover:
            out.append(Segment(text[start:end], start, faded=dimmed))
            continue
        role = min((m.role for m in cover), key=ROLES.index)
        narrowest = min(cover, key=lambda m: (m.end - m.start, ROLES.index(m.role)))
        ids = tuple(dict.fromkeys(m.statement_id for m in sorted(cover, key=lambda m: m.statement_id)))
        out.append(Segment(text[start:end], start, role, narrowest.statement_id, ids, dimmed))
    return out
