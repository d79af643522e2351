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
too); the CPU seconds per article of all its processes (which, unlike wall
time, does not depend on what else the machine is running), and of the main
process and the workers apart; and the RSS of each a third of the way through
the run and at its end, which shows whether memory levels off or keeps growing. Results are appended
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


class Sampler:
    """Every 0.2 s: the RSS (MB) of the main process and of each Dask worker, and their CPU seconds.

    Keeps the peak RSS per role, the last CPU time seen of every process (so a
    worker's CPU is counted even after it exits), and a timeline of the largest RSS
    per role in each ``every`` seconds, which shows whether memory keeps growing during
    a run or levels off.
    """

    def __init__(self, pid: int, every: float = 5.0) -> None:
        self.pid = pid
        self.every = every
        self.peaks: dict[str, float] = {}
        self.cpu: dict[int, tuple[str, float]] = {}
        #: (seconds, main MB, largest worker MB), the largest of each ``every`` seconds
        self.timeline: list[tuple[float, float, float]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        start = last = time.perf_counter()
        window: dict[str, float] = {}  # the largest RSS per role since the last timeline point
        while not self.stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for p in procs:
                try:
                    rss = p.memory_info().rss / 2**20
                    times = p.cpu_times()
                    role = (
                        "main"
                        if p.pid == self.pid
                        else ("worker" if "spawn_main" in " ".join(p.cmdline()) else "")
                    )
                except psutil.NoSuchProcess:
                    continue
                if role:
                    self.peaks[role] = max(self.peaks.get(role, 0.0), rss)
                    window[role] = max(window.get(role, 0.0), rss)
                    self.cpu[p.pid] = (role, times.user + times.system)
            if time.perf_counter() - last >= self.every:
                last = time.perf_counter()
                self.timeline.append(
                    (round(last - start, 1), window.get("main", 0.0), window.get("worker", 0.0))
                )
                window = {}
            self.stop.wait(0.2)

    def _role(self, p: Any) -> str:
        if p.pid == self.pid:
            return "main"
        return "worker" if "spawn_main" in " ".join(p.cmdline()) else ""

    def cpu_of(self, role: str) -> float:
        return sum(c for r, c in self.cpu.values() if r == role)


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
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.thread.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler.stop.set()
    sampler.thread.join()
    peaks = sampler.peaks
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
        "cpu_main": sampler.cpu_of("main"),
        "cpu_workers": sampler.cpu_of("worker"),
        "timeline": sampler.timeline,
    }


def _at(timeline: list[list[float]], share: float) -> tuple[float, float]:
    """(main MB, worker MB) sampled at ``share`` of the run's duration."""
    if not timeline:
        return (0.0, 0.0)
    end = timeline[-1][0]
    t = min(timeline, key=lambda row: abs(row[0] - share * end))
    return (t[1], t[2])


def table(results: list[dict[str, Any]]) -> None:
    """Throughput, cost against bare parsing, CPU per article (main, workers) and memory over the run."""
    bare = {r["articles"]: r for r in results if r["run"] == "bare"}
    print(
        f"{'run':<10}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'words/s':>9}{'× bare':>8}"
        f"{'CPU s/art':>10}{'main':>7}{'workers':>8}"
        f"{'RSS main MB':>13}{'RSS worker MB':>15}{'main ⅓→end':>13}{'worker ⅓→end':>14}"
    )
    for r in results:
        n = r["articles"]
        b = bare.get(n)
        ratio = f"{r['seconds'] / b['seconds']:.2f}" if b else "-"
        worker = f"{r['rss_worker']:.0f}" if r["rss_worker"] else "-"
        cpu = f"{r['cpu_seconds'] / n:.3f}" if r.get("cpu_seconds") else "-"
        main_cpu = f"{r['cpu_main'] / n:.3f}" if r.get("cpu_main") else "-"
        workers_cpu = f"{r['cpu_workers'] / n:.3f}" if r.get("cpu_workers") else "-"
        growth_main = growth_worker = "-"
        if r.get("timeline"):
            (m1, w1), (m3, w3) = _at(r["timeline"], 1 / 3), _at(r["timeline"], 1.0)
            growth_main = f"{m1:.0f}→{m3:.0f}"
            growth_worker = f"{w1:.0f}→{w3:.0f}" if w3 else "-"
        print(
            f"{r['run']:<10}{n:>9}{r['seconds']:>9.0f}{n / r['seconds']:>12.2f}"
            f"{r['words'] / r['seconds']:>9.0f}{ratio:>8}{cpu:>10}{main_cpu:>7}{workers_cpu:>8}"
            f"{r['rss_main']:>13.0f}{worker:>15}{growth_main:>13}{growth_worker:>14}"
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
