"""Read the kept raw pages again: after the extractor improves, the watched articles follow.

Each stored entry's raw page goes through trafilatura and the extraction
pipeline again. Its old article is deleted (statements and claims with it) and
the new one stored, unless another entry still points at the old one; the raw
page is never touched, so a run stopped half-way loses nothing: run it again.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from ..config import Settings
from ..errors import InputError
from ..extract.pipeline import Extractor
from ..jobs.consolidate import refresh_positions
from ..models import Article, Issue
from ..store import Copy, Store
from .fetch import Fetched
from .watch import page_article

__all__ = ["ReextractReport", "reextract"]

log = logging.getLogger(__name__)


@dataclass
class ReextractReport:
    """How many pages were read again, how many articles changed text, and what failed."""

    pages: int = 0
    changed: int = 0
    statements: int = 0
    failed: Counter[str] = field(default_factory=Counter)


def reextract(
    store: Store,
    settings: Settings,
    issues: Sequence[Issue] = (),
    progress: Callable[[int, int], None] | None = None,
) -> ReextractReport:
    """Extract every kept raw page again and store the result in place of the old article."""
    if issues:
        store.add_issues(issues)
    report = ReextractReport()
    todo = store.stored_entries()
    old_of: dict[str, str] = {}

    def articles() -> Iterator[Article]:
        for url, old_id in todo:
            kept = store.raw_page(url)
            if kept is None or kept.raw is None:
                continue
            page = Fetched(200, kept.final_url or url, kept.raw, kept.content_type)
            try:
                article = page_article(page, url, kept.fetched_at)
            except InputError as e:
                log.warning("entry %s: %s: %s", url, e.reason, e.message)
                report.failed[e.reason] += 1
                continue
            old_of[url] = old_id
            yield article

    for article, statements in Extractor(settings, issues).run(articles()):
        url = article.source
        old_id = old_of.pop(url)
        # the copies of the text stored again go with the old extraction (by cascade): keep them
        copies = [
            Copy(article.id, c["name"], c["outlet"], c["url"], c["published"])
            for c in store.copies(article.id)
        ]
        if old_id == article.id or store.entries_of_article(old_id) <= 1:
            store.forget_article(old_id)
        if old_id != article.id:
            report.changed += 1
            store.forget_article(article.id)  # stored already by another entry: take the new extraction
        store.add_article(article, statements)
        store.add_copies(copies)
        store.entry_stored(url, article.id)
        report.pages += 1
        report.statements += len(statements)
        if progress is not None:
            progress(report.pages, len(todo))
    refresh_positions(store)
    return report
