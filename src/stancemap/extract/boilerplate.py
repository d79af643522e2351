"""Background is not news: paragraphs that recur across the articles of a run.

Outlets repeat their background paragraphs word for word from story to story.
A paragraph whose fingerprint occurs in several articles of a run is marked as
boilerplate, and no statement is taken from it. Counting fingerprints is a cheap
first pass that streams, so it works on corpora of any size.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator

from ..models import Article

__all__ = ["BoilerplateIndex", "paragraphs"]

#: Paragraphs shorter than this are headings or datelines, which recur for other reasons.
MIN_PARAGRAPH_CHARS = 80
_PARA = re.compile(r"[^\n]+")
_FOLD = re.compile(r"\W+")


def paragraphs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, fingerprint) of each paragraph long enough to count."""
    for m in _PARA.finditer(text):
        body = m.group()
        if len(body.strip()) < MIN_PARAGRAPH_CHARS:
            continue
        folded = _FOLD.sub(" ", body.lower()).strip()
        yield m.start(), m.end(), hashlib.blake2b(folded.encode("utf-8"), digest_size=12).hexdigest()


class BoilerplateIndex:
    """Counts in how many articles each paragraph occurs."""

    def __init__(self, min_articles: int = 2) -> None:
        self.min_articles = min_articles
        self.counts: Counter[str] = Counter()
        self.seen: set[str] = set()

    def add(self, article: Article) -> None:
        """Count the article's paragraphs once (the same article read twice counts once)."""
        if article.id in self.seen:
            return
        self.seen.add(article.id)
        self.counts.update({fp for _, _, fp in paragraphs(article.text)})

    def recurring(self) -> BoilerplateIndex:
        """A copy that keeps only the fingerprints that mark boilerplate.

        ``spans`` gives the same answers from it, and it is small enough to send
        to every worker of a cluster: most paragraphs occur once.
        """
        out = BoilerplateIndex(self.min_articles)
        out.counts = Counter({fp: n for fp, n in self.counts.items() if n >= self.min_articles})
        return out

    def spans(self, article: Article) -> list[tuple[int, int]]:
        """Character spans of the article's boilerplate paragraphs."""
        return [(s, e) for s, e, fp in paragraphs(article.text) if self.counts[fp] >= self.min_articles]
