#!/usr/bin/env python3
"""Speed and memory of `stancemap extract` next to bare `nlp.pipe`, on the VOA demo corpus.

The extract run includes everything `stancemap extract --issues` does: reading, the
boilerplate pass, parsing, attribution, statements and claims toward the demo issues.

usage: python benchmarks/extract_speed.py [--repeat N] [--n-process N] [--batch-size N]

Each measurement runs in its own process, so that peak RSS is that run's alone. Prints
articles/s, words/s and peak RSS for both, and the ratio of their costs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "stancemap" / "demo" / "voa_stories.jsonl"
ISSUES = ROOT / "src" / "stancemap" / "demo" / "issues.toml"

BARE = """
import importlib, json, resource, sys, time
from stancemap.config import Settings
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")] * int(sys.argv[2])
nlp = importlib.import_module(Settings().model).load()
t = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=int(sys.argv[4])):
    pass
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

OURS = """
import json, resource, sys, time
from stancemap.jobs.corpus import extract_paths
from stancemap.config import Settings
from stancemap.extract.pipeline import load_pipeline
from stancemap.stance import load_issues
settings = Settings(batch_size=int(sys.argv[3]), n_process=int(sys.argv[4]))
issues = load_issues(sys.argv[5])
load_pipeline(settings.model)
t = time.perf_counter()
n = 0
for _ in range(int(sys.argv[2])):
    for article, statements in extract_paths([sys.argv[1]], settings, issues):
        n += len(statements)
seconds = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "statements": n, "rss": rss}))
"""


def run(code: str, *args: str) -> tuple[dict[str, float], float]:
    """Run one measurement in a fresh process; its own peak RSS (MB) comes back with its figures.

    With n_process > 1 the figure is the main process's; spaCy's workers are its children.
    """
    res = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    figures = json.loads(res.stdout.strip().splitlines()[-1])
    return figures, figures["rss"] / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="read the corpus this many times")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    n_articles = len(records) * args.repeat
    n_words = sum(len(r["text"].split()) for r in records) * args.repeat
    common = (str(args.repeat), str(args.batch_size), str(args.n_process))
    bare, bare_rss = run(BARE, str(CORPUS), *common)
    ours, ours_rss = run(OURS, str(CORPUS), *common, str(ISSUES))
    print(
        f"corpus: {CORPUS.name} x{args.repeat}: {n_articles} articles, {n_words} words; "
        f"batch_size {args.batch_size}, n_process {args.n_process}"
    )
    print(f"{'run':<20}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak RSS MB':>13}")
    for name, r, rss in (("bare nlp.pipe", bare, bare_rss), ("stancemap extract", ours, ours_rss)):
        s = r["seconds"]
        print(f"{name:<20}{s:>9.1f}{n_articles / s:>12.1f}{n_words / s:>10.0f}{rss:>13.0f}")
    print(
        f"cost ratio (extract / bare): {ours['seconds'] / bare['seconds']:.2f}; "
        f"statements: {int(ours.get('statements', 0))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
