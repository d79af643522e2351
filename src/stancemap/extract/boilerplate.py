"""Background is not news: an outlet's paragraphs that recur across its stories.

Outlets repeat their background paragraphs word for word from story to story.
A paragraph is background when the same outlet ran it in several articles of a
run (``min_articles``), and no statement other than a direct quotation is taken
from it. Three things are *not* background, since erasing them lost whole
stories (issue 15: 178 syndicated articles gave 9 statements in one run and
2,947 in two):

- the same paragraph in articles of different outlets: that is syndication, the
  same story reported twice, which positions count as two sources of one statement;
- an article most of whose paragraphs recur (``SYNDICATED_SHARE``): a copy or a
  near-copy of a story, whose paragraphs are the story itself;
- an article's lead, its first paragraph of the body: a story's own.

So splitting a corpus into runs changes nothing for syndicated and near-duplicate
stories: a copy with its twin in the same run recurs "mostly", and one without
recurs not at all; either way it keeps every statement.

Counting fingerprints is a cheap first pass that streams, so it works on corpora
of any size. Memory stays bounded however large the run: (fingerprint, article)
pairs are buffered, and every ``spill_at`` pairs the buffer is sorted into a
temporary file (a run, about 42 bytes a paragraph on disk). Counting merges the
runs in order (``heapq.merge``) and keeps only the fingerprints that recur — a
small set, since most paragraphs occur once — which is what ``spans`` consults
and what a cluster's workers receive (``recurring``).
"""

from __future__ import annotations

import hashlib
import heapq
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO

from ..models import Article

__all__ = ["SYNDICATED_SHARE", "BoilerplateIndex", "background", "outlet_scoped", "paragraphs"]

#: Paragraphs shorter than this are headings or datelines, which recur for other reasons.
MIN_PARAGRAPH_CHARS = 80
#: (fingerprint, article) pairs held in memory before they are sorted out to a file (~100 MB).
SPILL_AT = 500_000
#: An article with more than this share of its paragraphs recurring is a copy of a story, not background.
SYNDICATED_SHARE = 0.5
_PARA = re.compile(r"[^\n]+")
_FOLD = re.compile(r"\W+")


def _fingerprint(body: str) -> str | None:
    """The fingerprint of a paragraph long enough to count (None for a short one)."""
    if len(body.strip()) < MIN_PARAGRAPH_CHARS:
        return None
    folded = _FOLD.sub(" ", body.lower()).strip()
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=12).hexdigest()


def paragraphs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, fingerprint) of each paragraph long enough to count."""
    for m in _PARA.finditer(text):
        fp = _fingerprint(m.group())
        if fp is not None:
            yield m.start(), m.end(), fp


def outlet_scoped(fingerprint: str, outlet: str | None) -> str:
    """The fingerprint of a paragraph as run by one outlet: the same words from two outlets differ."""
    return hashlib.blake2b(f"{outlet or ''}\x1f{fingerprint}".encode(), digest_size=12).hexdigest()


def background(text: str, recurs: Callable[[str], bool], body_start: int = 0) -> list[tuple[int, int]]:
    """The spans of ``text``'s paragraphs that are an outlet's background.

    ``recurs(fp)`` says whether the outlet ran the paragraph (by its fingerprint,
    see ``paragraphs``) in enough articles. Nothing is background in an article
    more than ``SYNDICATED_SHARE`` of whose paragraphs recur (a copy of a story), nor
    the article's lead (its first paragraph of the body, of any length).
    """
    paras = [(m.start(), m.end(), _fingerprint(m.group())) for m in _PARA.finditer(text) if m.group().strip()]
    recurring = [fp is not None and recurs(fp) for _, _, fp in paras]
    if not any(recurring) or sum(recurring) > SYNDICATED_SHARE * len(paras):
        return []
    lead = next((i for i, (start, _, _) in enumerate(paras) if start >= body_start), None)
    return [(s, e) for i, ((s, e, _), r) in enumerate(zip(paras, recurring, strict=True)) if r and i != lead]


class BoilerplateIndex:
    """Counts in how many articles each paragraph occurs.

    ``counts`` holds, once counted, the fingerprints that occur in at least
    ``min_articles`` articles, with their number of articles.
    """

    def __init__(self, min_articles: int = 2, spill_at: int = SPILL_AT) -> None:
        self.min_articles = min_articles
        self.spill_at = spill_at
        self.counts: Counter[str] = Counter()
        self._pending: list[tuple[str, str]] = []
        self._runs: list[IO[str]] = []
        self._dirty = False

    def add(self, article: Article) -> None:
        """Count the article's paragraphs once, under its outlet (the same article read twice counts once)."""
        key = article.id[:20]
        scoped = {outlet_scoped(fp, article.outlet) for _, _, fp in paragraphs(article.text)}
        self._pending.extend((fp, key) for fp in scoped)
        self._dirty = True
        if len(self._pending) >= self.spill_at:
            self._spill()

    def _spill(self) -> None:
        run = tempfile.TemporaryFile("w+", encoding="ascii")  # noqa: SIM115 - closed in close()
        run.writelines(f"{fp} {key}\n" for fp, key in sorted(set(self._pending)))
        self._runs.append(run)
        self._pending = []

    def _count(self) -> None:
        if not self._dirty:
            return

        def read(run: IO[str]) -> Iterator[tuple[str, str]]:
            run.seek(0)
            for line in run:
                fp, key = line.split()
                yield fp, key

        counts: Counter[str] = Counter()
        previous: tuple[str, str] | None = None
        streams = [read(r) for r in self._runs] + [iter(sorted(set(self._pending)))]
        for pair in heapq.merge(*streams):
            if pair != previous:  # one article counts once
                counts[pair[0]] += 1
                previous = pair
        self.counts = Counter({fp: n for fp, n in counts.items() if n >= self.min_articles})
        self._dirty = False

    def recurring(self) -> BoilerplateIndex:
        """A copy holding only the recurring fingerprints: small, and cheap to send to workers."""
        self._count()
        out = BoilerplateIndex(self.min_articles, self.spill_at)
        out.counts = Counter(self.counts)
        return out

    def close(self) -> None:
        """Remove the temporary files of the spilled runs."""
        for run in self._runs:
            run.close()
        self._runs = []

    def spans(self, article: Article) -> list[tuple[int, int]]:
        """Character spans of the article's background paragraphs (see ``background``)."""
        self._count()
        outlet = article.outlet

        def recurs(fp: str) -> bool:
            return self.counts[outlet_scoped(fp, outlet)] >= self.min_articles

        return background(article.text, recurs, article.body_start)
