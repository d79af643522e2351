"""One round of ``watch``: fetch the sources that are due, then their new entries' pages.

A round:

1. records the feeds file's sources in the store (new ones are due at once);
2. fetches each due source conditionally (ETag, Last-Modified); a 304 lists
   nothing; a listing's new URLs become ``pending`` entries in the same
   transaction that keeps its validators and next due time; a sitemap index's
   sitemaps become sources of their own, fetched in the same round;
3. fetches every open entry's page (``pending``), keeps the raw page at once
   (``fetched``), reads it like a web archive record (trafilatura, with the URL
   and the fetch date as fallbacks), extracts its statements and stores the
   article (``stored``); an entry whose text is already stored points to it;
4. rebuilds the stored positions the new statements made stale.

Nothing stops a round: each failure is a reason on its source or entry, logged,
and kept in ``feed_errors``. A timeout, refused connection, 429 or 5xx leaves
the entry open, to be tried again next round, up to ``MAX_ATTEMPTS`` fetches;
any other failure is final. See ``store.feeds`` for why a killed round loses
nothing and a restart fetches nothing twice.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..config import Settings
from ..errors import FetchError, InputError
from ..ingest.html import looks_like_html
from ..ingest.warc import HTML_TYPES, parse_record_html, split_content_type
from ..jobs.consolidate import refresh_positions
from ..models import Article, Issue
from ..store import Copy, Store
from ..store.feeds import FeedEntryRow, FeedSourceRow
from .fetch import Fetched, Fetcher
from .parse import parse_listing
from .sources import Source

__all__ = ["MAX_ATTEMPTS", "RoundReport", "run_round"]

log = logging.getLogger(__name__)

#: Fetches of one entry before a passing failure (timeout, 5xx) becomes final.
MAX_ATTEMPTS = 3
#: Reasons that may pass: the entry is tried again next round.
PASSING = frozenset({"timeout", "unreachable", "http_429", "http_500", "http_502", "http_503", "http_504"})

#: ``progress(stage, done, total)``: ``stage`` is ``sources`` or ``entries``.
RoundProgress = Callable[[str, int, int], None]


@dataclass
class RoundReport:
    """What one round did: sources fetched, entries found and stored, failures by reason, requests."""

    sources_due: int = 0
    sources_changed: int = 0
    sources_not_modified: int = 0
    sources_failed: Counter[str] = field(default_factory=Counter)
    entries_new: int = 0
    entries_repeated: int = 0
    stored: int = 0
    already: int = 0
    entries_failed: Counter[str] = field(default_factory=Counter)
    entries_retry: Counter[str] = field(default_factory=Counter)
    statements: int = 0
    requests: int = 0
    positions: int = 0

    def summary(self) -> str:
        """The round in one line, as the CLI prints it."""

        def reasons(c: Counter[str]) -> str:
            return f" ({', '.join(f'{n} {r}' for r, n in sorted(c.items()))})" if c else ""

        failed = sum(self.sources_failed.values())
        return (
            f"sources: {self.sources_due} due, {self.sources_changed} changed, "
            f"{self.sources_not_modified} not modified, {failed} failed{reasons(self.sources_failed)}; "
            f"entries: {self.entries_new} new, {self.entries_repeated} seen before; "
            f"articles: {self.stored} stored, {self.already} already stored, "
            f"{sum(self.entries_failed.values())} failed{reasons(self.entries_failed)}, "
            f"{sum(self.entries_retry.values())} to retry{reasons(self.entries_retry)}; "
            f"statements: {self.statements}; positions refreshed: {self.positions}; "
            f"requests: {self.requests}"
        )


def run_round(
    store: Store,
    sources: Sequence[Source],
    settings: Settings,
    issues: Sequence[Issue] = (),
    *,
    now: datetime | None = None,
    force: bool = False,
    progress: RoundProgress | None = None,
    fetcher: Fetcher | None = None,
) -> RoundReport:
    """Run one round over ``sources`` (``force``: fetch every source, due or not); see the module notes."""
    now = now or datetime.now(UTC)
    report = RoundReport()
    store.sync_sources((s.url, s.kind, s.every) for s in sources)
    if issues:
        store.add_issues(issues)
    roots = [s.url for s in sources]
    own = fetcher is None
    http = fetcher if fetcher is not None else Fetcher(settings)
    sent_before = http.requests
    try:
        queue = [r for r in store.feed_sources(roots) if force or r.next_due is None or r.next_due <= now]
        report.sources_due = len(queue)
        i = 0
        while i < len(queue):
            queue.extend(_fetch_source(store, http, settings, queue[i], now, report))
            i += 1
            if progress is not None:
                progress("sources", i, len(queue))
        known = [r.url for r in store.feed_sources(roots)]
        _fetch_entries(store, http, settings, issues, known, report, progress)
    finally:
        report.requests = http.requests - sent_before
        if own:
            http.close()
    report.positions = refresh_positions(store)
    return report


def _fetch_source(
    store: Store, http: Fetcher, settings: Settings, row: FeedSourceRow, now: datetime, report: RoundReport
) -> list[FeedSourceRow]:
    """Fetch one source and record its entries; returns the new child sitemaps to fetch this round."""
    next_due = now + timedelta(seconds=row.every_s)
    try:
        got = http.get(row.url, row.etag, row.last_modified)
        if got.status == 304:
            store.source_fetched(row.url, status="not_modified", next_due=next_due)
            report.sources_not_modified += 1
            return []
        listing = parse_listing(got.body, row.kind, got.url, settings.watch_max_bytes)
    except FetchError as e:
        log.warning("source %s: %s: %s", row.url, e.reason, e.message)
        store.source_fetched(row.url, status="failed", next_due=next_due, error=(e.reason, e.message))
        report.sources_failed[e.reason] += 1
        return []
    if listing.problem:
        log.warning("source %s: malformed_feed (entries kept): %s", row.url, listing.problem)
    children = []
    for url in listing.sitemaps:
        if store.add_child_source(url, row.url, row.every_s):
            children.extend(store.feed_sources([url]))
    new, repeated = store.source_fetched(
        row.url,
        status="ok",
        next_due=next_due,
        entries=listing.entries,
        etag=got.etag,
        last_modified=got.last_modified,
    )
    report.sources_changed += 1
    report.entries_new += new
    report.entries_repeated += repeated
    if repeated and not new:
        log.info("source %s: %d entries, all seen before", row.url, repeated)
    return [c for c in children if c.url != row.url]


def _fetch_entries(
    store: Store,
    http: Fetcher,
    settings: Settings,
    issues: Sequence[Issue],
    sources: Sequence[str],
    report: RoundReport,
    progress: RoundProgress | None,
) -> None:
    """Fetch, extract and store every open entry of ``sources``."""
    # deferred: spaCy loads only when a round finds new pages
    from ..extract.pipeline import Extractor

    todo = store.open_entries(sources, MAX_ATTEMPTS)
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress("entries", done, len(todo))

    def articles() -> Iterator[Article]:
        for entry in todo:
            article = _entry_article(store, http, entry, report)
            if article is None:
                advance()
            elif store.has_article(article.id):
                store.add_copies([Copy.of(article)])  # another outlet's run of a stored text
                store.entry_stored(entry.url, article.id)
                report.already += 1
                advance()
            else:
                yield article

    if not todo:
        return
    extractor = Extractor(settings, issues)
    # no boilerplate index: trafilatura has already taken the page's furniture out
    for article, statements in extractor.run(articles()):
        if store.add_article(article, statements):
            report.stored += 1
            report.statements += len(statements)
        else:
            report.already += 1
        store.entry_stored(article.source, article.id)
        advance()


def _entry_article(store: Store, http: Fetcher, entry: FeedEntryRow, report: RoundReport) -> Article | None:
    """The article of an open entry, fetching its page unless it is already kept; None if it fails."""
    kept = store.raw_page(entry.url) if entry.state == "fetched" else None
    if kept is not None and kept.raw is not None:  # fetched before a restart: not fetched again
        page = Fetched(200, kept.final_url or kept.url, kept.raw, kept.content_type)
        fetched_at = kept.fetched_at
    else:
        try:
            page = http.get(entry.url)
            _check_html(page)
        except FetchError as e:
            final = e.reason not in PASSING or entry.attempts + 1 >= MAX_ATTEMPTS
            log.warning("entry %s: %s: %s", entry.url, e.reason, e.message)
            store.entry_failed(entry.url, entry.source_url, e.reason, e.message, final=final)
            (report.entries_failed if final else report.entries_retry)[e.reason] += 1
            return None
        store.entry_fetched(entry.url, page.body, page.content_type, page.url)
        fetched_at = datetime.now(UTC)
    try:
        return page_article(page, entry.url, fetched_at)
    except InputError as e:
        log.warning("entry %s: %s: %s", entry.url, e.reason, e.message)
        store.entry_failed(entry.url, entry.source_url, e.reason, e.message, final=True)
        report.entries_failed[e.reason] += 1
        return None


def _check_html(page: Fetched) -> None:
    media, _ = split_content_type(page.content_type or "")
    if media in HTML_TYPES:
        return
    if not media and looks_like_html(page.body[:2048].decode("utf-8", "replace")):
        return
    raise FetchError("not_html", f"{page.url} is {media or 'of no declared type'}, not an HTML page")


def page_article(page: Fetched, entry_url: str, fetched_at: datetime | None) -> Article:
    """The article in a fetched page; its ``source`` is the entry's URL, its ``url`` the page's own."""
    _, charset = split_content_type(page.content_type or "")
    fetched = fetched_at.date().isoformat() if fetched_at is not None else None
    return parse_record_html(page.body, charset, page.url, fetched, entry_url)
