#!/usr/bin/env python3
"""Throughput and memory of parsing, extract and ingest (SQLite, PostgreSQL, 1 and 2 Dask workers).

usage: python benchmarks/scale.py --articles N [--runs bare,extract,...] [--pg URL] [--results FILE]

Builds a corpus of N distinct articles from the VOA demo stories
(``benchmarks/voa_corpus.py``), then runs each configuration as its own command,
one at a time, and prints a table: wall-clock seconds (start-up and model loading
included, the same for every run), articles/s, words/s, the cost per article
relative to bare ``nlp.pipe``, and the peak RSS of each process of the run — the
main process, and the largest Dask worker — sampled every 0.2 s with psutil (the
exact kernel peak over all processes, ``ru_maxrss`` of the children, is recorded
too), and the CPU seconds per article of all its processes (which, unlike wall
time, does not depend on what else the machine is running). Results are appended
to ``--results`` (JSON Lines), so configurations can be run in separate sessions
and the table printed from all of them (``--runs none``).

Runs: bare (nlp.pipe, 1 process), extract (stancemap extract), ingest
(stancemap ingest into SQLite, no Dask), sqlite-1, sqlite-2, pg-1, pg-2 (stancemap
ingest --workers 1|2 into SQLite or PostgreSQL). The PostgreSQL runs need
``--pg`` (or ``STANCEMAP_TEST_PG_URL``): a database that they drop and recreate as
``<name>_bench``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import voa_corpus  # noqa: E402

ALL_RUNS = ["bare", "extract", "ingest", "sqlite-1", "sqlite-2", "pg-1", "pg-2"]

BARE = """
import importlib, json, sys
from stancemap.config import Settings
nlp = importlib.import_module(Settings().model).load()
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""


def _sample(pid: int, peaks: dict[str, float], stop: threading.Event) -> None:
    """Record the largest RSS (MB) seen for the main process and for any Dask worker."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in procs:
            try:
                rss = p.memory_info().rss / 2**20
                role = "main" if p.pid == pid else ("worker" if "spawn_main" in " ".join(p.cmdline()) else "")
            except psutil.NoSuchProcess:
                continue
            if role:
                peaks[role] = max(peaks.get(role, 0.0), rss)
        stop.wait(0.2)


def _pg_database(base: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"{url.database}_bench"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _command(run: str, corpus: Path, work: Path, pg: str | None) -> list[str]:
    cli = [sys.executable, "-m", "stancemap.cli"]
    if run == "bare":
        return [sys.executable, "-c", BARE, str(corpus)]
    if run == "extract":
        return [*cli, "extract", str(corpus), "--out", os.devnull]
    if run == "ingest":
        return [*cli, "--db", f"sqlite:///{work / 'plain.sqlite'}", "ingest", str(corpus)]
    engine, workers = run.split("-")
    if engine == "pg":
        if pg is None:
            raise SystemExit("the pg runs need --pg URL or STANCEMAP_TEST_PG_URL")
        db = _pg_database(pg)
    else:
        db = f"sqlite:///{work / f'{run}.sqlite'}"
    return [*cli, "--db", db, "ingest", str(corpus), "--workers", workers]


def measure(run: str, corpus: Path, work: Path, pg: str | None) -> dict[str, Any]:
    argv = _command(run, corpus, work, pg)
    peaks: dict[str, float] = {}
    stop = threading.Event()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = threading.Thread(target=_sample, args=(proc.pid, peaks, stop), daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stop.set()
    sampler.join()
    if proc.returncode not in (0, 4):
        raise SystemExit(f"{run} failed ({proc.returncode}):\n{err[-2000:]}")
    return {
        "run": run,
        "seconds": seconds,
        "rss_main": peaks.get("main", 0.0),
        "rss_worker": peaks.get("worker", 0.0),
        "rss_max_children": after.ru_maxrss / 1024,
        # CPU of the run's processes that were waited for (the command, its Dask workers)
        "cpu_seconds": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
    }


def table(results: list[dict[str, Any]]) -> None:
    bare = {r["articles"]: r for r in results if r["run"] == "bare"}
    print(
        f"{'run':<10}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'words/s':>9}"
        f"{'× bare':>8}{'CPU s/article':>15}{'RSS main MB':>13}{'RSS worker MB':>15}"
    )
    for r in results:
        b = bare.get(r["articles"])
        ratio = f"{r['seconds'] / b['seconds']:.2f}" if b else "-"
        worker = f"{r['rss_worker']:.0f}" if r["rss_worker"] else "-"
        cpu = f"{r['cpu_seconds'] / r['articles']:.3f}" if r.get("cpu_seconds") else "-"
        print(
            f"{r['run']:<10}{r['articles']:>9}{r['seconds']:>9.0f}{r['articles'] / r['seconds']:>12.2f}"
            f"{r['words'] / r['seconds']:>9.0f}{ratio:>8}{cpu:>15}{r['rss_main']:>13.0f}{worker:>15}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", default=",".join(ALL_RUNS), help="comma-separated, or 'none'")
    ap.add_argument("--pg", default=os.environ.get("STANCEMAP_TEST_PG_URL"))
    ap.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "scale-results.jsonl")
    args = ap.parse_args()
    runs = [] if args.runs == "none" else args.runs.split(",")
    unknown = set(runs) - set(ALL_RUNS)
    if unknown:
        raise SystemExit(f"unknown runs {sorted(unknown)}; choose from {ALL_RUNS}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        words = 0
        with corpus.open("w", encoding="utf-8") as f:
            for rec in voa_corpus.articles(args.articles):
                words += len(rec["text"].split())
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for run in runs:
            r = measure(run, corpus, work, args.pg)
            r.update(articles=args.articles, words=words, when=time.strftime("%Y-%m-%d %H:%M"))
            with args.results.open("a", encoding="utf-8") as out:
                out.write(json.dumps(r) + "\n")
            print(f"{run}: {r['seconds']:.0f} s", file=sys.stderr, flush=True)
    if args.results.exists():
        table([json.loads(line) for line in args.results.open(encoding="utf-8")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
