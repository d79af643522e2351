"""Which paragraphs of a stored article are background, for fading on its page.

The store keeps no boilerplate marks: at ingest a paragraph is background when it
recurs in several articles of the run, and no statement is taken from it. The page
estimates the same from what is stored: a paragraph (same fingerprint as at ingest)
that recurs in ``boilerplate_min_articles`` stored articles of the same outlet.
Counts are cached per outlet and recounted when the outlet's article count
changes; an outlet with more than ``MAX_ARTICLES`` articles is not counted at all,
so a page never scans a large corpus.

The one read the store does not offer, the texts of an outlet's articles, is here:
read-only, through ``store.engine`` and the shared schema.
"""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import func, select

from ..extract.boilerplate import background, paragraphs
from ..store import Store, schema

__all__ = ["MAX_ARTICLES", "BoilerplateCache"]

#: Outlets with more articles than this are not scanned (the page then fades only the header).
MAX_ARTICLES = 5000


class BoilerplateCache:
    """Paragraph fingerprint counts per outlet, built on first need."""

    def __init__(self, min_articles: int = 2) -> None:
        self.min_articles = min_articles
        self._lock = threading.Lock()
        self._counts: dict[str | None, tuple[int, Counter[str]]] = {}

    def spans(
        self, store: Store, text: str, outlet: str | None, body_start: int = 0
    ) -> list[tuple[int, int]]:
        """Character spans of ``text``'s paragraphs that are the outlet's background (as at ingest)."""
        counts = self._outlet_counts(store, outlet)
        if counts is None:
            return []
        return background(text, lambda fp: counts[fp] >= self.min_articles, body_start)

    def _outlet_counts(self, store: Store, outlet: str | None) -> Counter[str] | None:
        a = schema.articles
        where = a.c.outlet.is_(None) if outlet is None else a.c.outlet == outlet
        with store.engine.connect() as conn:
            n = int(conn.execute(select(func.count()).select_from(a).where(where)).scalar_one())
        if n > MAX_ARTICLES:
            return None
        with self._lock:
            cached = self._counts.get(outlet)
            if cached is not None and cached[0] == n:
                return cached[1]
            counts: Counter[str] = Counter()
            with store.engine.connect() as conn:
                for (text,) in conn.execute(select(a.c.text).where(where)):
                    counts.update({fp for _, _, fp in paragraphs(text)})
            self._counts[outlet] = (n, counts)
            return counts
