"""Run the pipeline over many inputs: read, find boilerplate, extract, store.

One bad article never stops a batch: readers yield ``Skipped`` records with a
reason, and the report counts them. Progress is reported through a callback so
that the library stays silent and the CLI draws the bar.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..extract.boilerplate import BoilerplateIndex
from ..extract.pipeline import Extractor
from ..ingest import PASSED_OVER, Skipped, read_paths
from ..models import Article, Issue, Statement
from ..store import Copy, Store

__all__ = ["BatchReport", "Progress", "extract_paths", "ingest_paths", "scan"]

#: Copies of stored articles recorded per transaction.
_COPIES_AT_ONCE = 500

#: ``progress(done, total)``: called after each article; ``total`` is known after the first pass.
Progress = Callable[[int, int], None]


@dataclass
class BatchReport:
    """What a batch did: articles new, already stored, skipped (by reason), statements found.

    ``copies`` counts the articles already stored (by text) that were recorded now as
    copies of the stored one: another outlet's run of the same story. They are in
    ``already`` too; a re-run records none.

    ``passed`` counts, by reason, inputs that are no articles but no fault either
    (``ingest.PASSED_OVER``: a web archive's requests and images); only their
    number is kept, so an archive of millions of records needs no memory for them.
    """

    new: int = 0
    already: int = 0
    statements: int = 0
    copies: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    passed: Counter[str] = field(default_factory=Counter)

    def skip(self, item: Skipped) -> None:
        """Record an input that did not become an article."""
        if item.reason in PASSED_OVER:
            self.passed[item.reason] += 1
        else:
            self.skipped.append(item)

    @property
    def skipped_by_reason(self) -> Counter[str]:
        return Counter(s.reason for s in self.skipped)

    @property
    def articles(self) -> int:
        return self.new + self.already


def scan(
    paths: Sequence[str | Path], settings: Settings, report: BatchReport
) -> tuple[BoilerplateIndex, int]:
    """First pass: count paragraph fingerprints and articles, and record what is skipped.

    The index returned holds only the recurring fingerprints; memory is bounded
    whatever the corpus size (see ``extract.boilerplate``).
    """
    index = BoilerplateIndex(settings.boilerplate_min_articles)
    total = 0
    try:
        for item in read_paths(paths, settings):
            if isinstance(item, Skipped):
                report.skip(item)
            else:
                index.add(item)
                total += 1
        return index.recurring(), total
    finally:
        index.close()


def _articles(paths: Sequence[str | Path], settings: Settings) -> Iterator[Article]:
    for item in read_paths(paths, settings):
        if not isinstance(item, Skipped):
            yield item


def extract_paths(
    paths: Sequence[str | Path],
    settings: Settings,
    issues: Sequence[Issue] = (),
    progress: Progress | None = None,
    report: BatchReport | None = None,
) -> Iterator[tuple[Article, list[Statement]]]:
    """(article, statements) for every readable article under ``paths``, without a database."""
    report = report if report is not None else BatchReport()
    index, total = scan(paths, settings, report)
    extractor = Extractor(settings, issues)
    seen: set[str] = set()
    for article, statements in extractor.run(_unique(_articles(paths, settings), seen, report), index):
        report.new += 1
        report.statements += len(statements)
        if progress is not None:
            progress(report.new + report.already, total)
        yield article, statements


def _unique(articles: Iterable[Article], seen: set[str], report: BatchReport) -> Iterator[Article]:
    for a in articles:
        if a.id in seen:
            report.already += 1
            continue
        seen.add(a.id)
        yield a


def ingest_paths(
    paths: Sequence[str | Path],
    settings: Settings,
    store: Store,
    issues: Sequence[Issue] = (),
    progress: Progress | None = None,
) -> BatchReport:
    """Extract and store every new article under ``paths``; already stored ones are counted, not parsed."""
    report = BatchReport()
    index, total = scan(paths, settings, report)
    if issues:
        store.add_issues(issues)
    done = 0
    seen: set[str] = set()
    # copies of stored articles go in a few hundred at a time; copies of an article met
    # earlier in this run wait for the end, when the article they repeat is stored
    copies: list[Copy] = []
    waiting: list[Copy] = []

    def fresh() -> Iterator[Article]:
        nonlocal done
        for article in _articles(paths, settings):
            if article.id in seen or store.has_article(article.id):
                (waiting if article.id in seen else copies).append(Copy.of(article))
                if len(copies) >= _COPIES_AT_ONCE:
                    report.copies += store.add_copies(copies)
                    copies.clear()
                report.already += 1
                done += 1
                if progress is not None:
                    progress(done, total)
                continue
            seen.add(article.id)
            yield article

    extractor = Extractor(settings, issues)
    for article, statements in extractor.run(fresh(), index):
        # the background the extractor skipped is stored with the article, for its page to fade
        if store.add_article(article, statements, index.spans(article)):
            report.new += 1
            report.statements += len(statements)
        else:
            report.already += 1  # stored meanwhile by another writer: recorded as a copy
        done += 1
        if progress is not None:
            progress(done, total)
    report.copies += store.add_copies(copies + waiting)
    return report
