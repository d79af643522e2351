"""Full-text search over statement evidence, as a SQL condition for each engine.

``evidence_condition`` is the one place that decides how ``q`` matches: every
query that filters statements by words goes through it, so an engine's own
full-text index can replace the portable fallback without touching callers.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, and_, func

from . import schema

__all__ = ["evidence_condition", "search_terms"]

_WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(q: str) -> list[str]:
    """The words of a search query, lower-cased; punctuation and operators are ignored."""
    return [w.lower() for w in _WORD.findall(q)]


def evidence_condition(dialect: str, q: str) -> ColumnElement[bool]:
    """A condition true for statements whose evidence contains every word of ``q``.

    The portable form is a case-insensitive substring test per word; it needs no
    index and so scans, which is fine for a laptop-sized store.
    """
    del dialect  # every engine uses the portable form for now
    evidence = func.lower(schema.statements.c.evidence_text)
    terms = search_terms(q)
    if not terms:
        return schema.statements.c.id.is_(None)  # a query of no words matches nothing
    return and_(*(evidence.contains(t, autoescape=True) for t in terms))
