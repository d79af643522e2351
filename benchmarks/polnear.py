#!/usr/bin/env python3
"""Attribution quality on PolNeAR (and VOA gold): precision, recall, F1 and source accuracy.

usage:
  python benchmarks/polnear.py [--split dev|train] [--limit N] [--keep DIR]
  python benchmarks/polnear.py --voa [--keep DIR]

PolNeAR: exports the split's texts with ``../shared/tools/polnear_score.py export``,
runs ``stancemap extract`` over them and scores the output with ``polnear_score.py
score`` (speech attributions only; a prediction that overlaps a gold content span is
detected, and it is attributed when its source overlaps the gold source).

``--voa``: runs ``stancemap extract`` over ``../shared/corpus/voa-gold`` with its issues
file and scores it with ``../shared/tools/score.py`` ("statements found" is the
attribution figure there).

Everything runs in temporary folders (``--keep`` keeps the extract output); nothing of
the corpora is written into the project.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "polnear"
TOOLS = SHARED / "tools"


def _extract(corpus: Path, out: Path, issues: Path | None) -> float:
    """Run ``stancemap extract`` in a subprocess; returns its wall time in seconds."""
    cmd = [sys.executable, "-m", "stancemap.cli", "extract", str(corpus), "--out", str(out)]
    if issues is not None:
        cmd += ["--issues", str(issues)]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.perf_counter() - t


def polnear(split: str, limit: int | None, keep: Path | None) -> dict[str, object]:
    """Score ``stancemap extract`` on a PolNeAR split (optionally its first ``limit`` articles)."""
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts"
        subprocess.run(
            [sys.executable, str(TOOLS / "polnear_score.py"), "export", str(POLNEAR), split, str(texts)],
            check=True,
            capture_output=True,
        )
        if limit is not None:
            for path in sorted(texts.glob("*.txt"))[limit:]:
                path.unlink()
        out = Path(tmp) / "out.jsonl"
        seconds = _extract(texts, out, None)
        repo = POLNEAR
        if limit is not None:  # score only the articles kept
            repo = Path(tmp) / "repo"
            for sub in ("text", "attributions"):
                (repo / split / sub).mkdir(parents=True)
            for path in texts.glob("*.txt"):
                shutil.copy(POLNEAR / split / "text" / path.name, repo / split / "text" / path.name)
                ann = POLNEAR / split / "attributions" / f"{path.stem}.ann"
                shutil.copy(ann, repo / split / "attributions" / ann.name)
        scored = subprocess.run(
            [sys.executable, str(TOOLS / "polnear_score.py"), "score", str(repo), split, str(out), "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        if keep is not None:
            shutil.copy(out, keep)
    result: dict[str, object] = json.loads(scored.stdout)
    result["seconds"] = round(seconds, 1)
    return result


def voa(keep: Path | None) -> dict[str, object]:
    """Score ``stancemap extract`` on VOA gold with ``../shared/tools/score.py``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "voa.jsonl"
        seconds = _extract(SHARED / "corpus" / "voa-gold", out, SHARED / "gold" / "voa.issues.toml")
        scored = subprocess.run(
            [sys.executable, str(TOOLS / "score.py"), str(SHARED / "gold" / "voa.jsonl"), str(out)],
            check=True,
            capture_output=True,
            text=True,
        )
        if keep is not None:
            shutil.copy(out, keep)
    return {"report": scored.stdout, "seconds": round(seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--voa", action="store_true", help="score VOA gold instead of PolNeAR")
    parser.add_argument("--keep", type=Path, default=None, help="copy the extract output here")
    args = parser.parse_args(argv)
    if args.voa:
        result = voa(args.keep)
        print(result["report"])
        print(f"extract: {result['seconds']} s")
        return 0
    figures = polnear(args.split, args.limit, args.keep)
    for key in ("gold_speech_attributions", "detected", "false_positives", "ignored_non_speech"):
        print(f"{key}: {figures[key]}")
    print(
        f"PolNeAR {args.split}: precision {figures['precision']:.3f}  recall {figures['recall']:.3f}  "
        f"F1 {figures['f1']:.3f}  source accuracy {figures['source_accuracy_of_detected']:.3f}  "
        f"(extract {figures['seconds']} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
