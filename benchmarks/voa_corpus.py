#!/usr/bin/env python3
"""Build a benchmark corpus of N distinct articles from the 89 VOA demo stories.

usage: python benchmarks/voa_corpus.py N OUT.jsonl

Copies of one story would be stored once (same hash) and, as recurring
paragraphs, all be taken for boilerplate, so a corpus of copies measures
nothing. Variant k (k > 0) of story s therefore keeps the story's sentences in
order, grouped three to a paragraph, but replaces the last sentence of paragraph
j with the sentence at the same place in story (s + k + j) mod 89: nearly every
paragraph of every variant is new text (its fingerprint occurs once), lengths stay
those of the stories, and the prose is real reporting. A third of the articles also carry one
of three recurring background paragraphs, which the boilerplate pass must find.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "src" / "stancemap" / "demo" / "voa_stories.jsonl"
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def articles(n: int) -> Iterator[dict[str, str]]:
    """N distinct article records (the JSON Lines fields stancemap reads)."""
    stories = [json.loads(line) for line in STORIES.open(encoding="utf-8")]
    sents = [_sentences(r["text"]) for r in stories]
    background = [" ".join(sents[i][:3]) for i in range(3)]
    m = len(stories)
    for i in range(n):
        s, k = i % m, i // m
        own = sents[s]
        paras = []
        for j in range(0, len(own), 3):
            group = own[j : j + 3]
            if k and len(group) >= 2:
                other = sents[(s + k + j // 3) % m]
                group[-1] = other[min(j + len(group) - 1, len(other) - 1)]
            paras.append(" ".join(group))
        if i % 3 == 0:
            paras.insert(len(paras) // 2, background[(i // 3) % 3])
        r = stories[s]
        yield {
            "id": f"{r['id']}-{k}",
            "url": r["url"],
            "title": r["title"],
            "published": r["published"],
            "author": r.get("author") or "",
            "text": "\n\n".join(paras),
        }


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    words = 0
    with out.open("w", encoding="utf-8") as f:
        for rec in articles(n):
            words += len(rec["text"].split())
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{n} articles, {words} words -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
