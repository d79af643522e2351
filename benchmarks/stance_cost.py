#!/usr/bin/env python3
"""The stance stage's share of `extract` time: claims toward the demo issues, in one process.

usage: python benchmarks/stance_cost.py [--repeat N]

Runs the whole extraction (reading, parsing, attribution, statements, claims) over the bundled
demo corpus with its issues file, once to warm up (model load, caches), then ``--repeat`` more
times, timing ``attach_claims`` (the stance stage, ``stancemap.extract.stages``) inside each run.
Prints the statements found, the extract time, the stance stage's time and its share. Issue 14
allows the stance stage at most 10% of extract time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "stancemap" / "demo" / "voa_stories.jsonl"
ISSUES = ROOT / "src" / "stancemap" / "demo" / "issues.toml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed runs after the warm-up (default 1)")
    args = parser.parse_args()

    import stancemap.extract.stages as stages
    from stancemap.config import Settings
    from stancemap.jobs.corpus import extract_paths
    from stancemap.stance.issues import load_issues

    spent = [0.0]
    original = stages.attach_claims

    def timed(*a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            spent[0] += time.perf_counter() - t

    stages.attach_claims = timed  # type: ignore[assignment]
    issues = load_issues(ISSUES)
    settings = Settings()
    list(extract_paths([CORPUS], settings, issues))  # warm-up
    for run in range(1, args.repeat + 1):
        spent[0] = 0.0
        t = time.perf_counter()
        n = sum(len(found) for _, found in extract_paths([CORPUS], settings, issues))
        total = time.perf_counter() - t
        print(
            f"run {run}: {n} statements; extract {total:.1f} s; stance stage {spent[0]:.2f} s "
            f"= {100 * spent[0] / total:.1f}% of extract"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
