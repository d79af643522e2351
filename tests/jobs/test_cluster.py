"""Ingest on a local Dask cluster survives SIGKILL of a worker and of the client.

Each test runs the real CLI in a subprocess on a few dozen VOA demo stories with
two workers and tiny partitions, kills a process mid-run, and checks that every
article ends up stored exactly once, with all its statements (seq 0..n-1).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from stancemap.cli import demo_paths
from stancemap.config import Settings
from stancemap.ingest import read_paths
from stancemap.models import Article

pytest.importorskip("distributed")

ARTICLES = 24
TIMEOUT = 300  # seconds for one run on a busy 2-core machine


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    lines = demo_paths()[0].read_text(encoding="utf-8").splitlines()[:ARTICLES]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _start(db_url: str, corpus: Path) -> subprocess.Popen[str]:
    argv = [sys.executable, "-m", "stancemap.cli", "--db", db_url, "ingest", str(corpus)]
    argv += ["--workers", "2", "--partition-size", "2"]
    return subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )


def _stored(db_url: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())
    except Exception:  # noqa: BLE001 - the schema may not exist yet
        return 0
    finally:
        engine.dispose()


def _wait_for(db_url: str, proc: subprocess.Popen[str], at_least: int) -> int:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        n = _stored(db_url)
        if n >= at_least or proc.poll() is not None:
            return n
        time.sleep(0.1)
    raise AssertionError(f"fewer than {at_least} articles stored after {TIMEOUT}s")


def _workers(proc: subprocess.Popen[str]) -> list[int]:
    import psutil

    children = psutil.Process(proc.pid).children(recursive=True)
    return [c.pid for c in children if "spawn_main" in " ".join(c.cmdline())]


def _kill_group(proc: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)


def _assert_each_article_once(db_url: str, corpus: Path) -> None:
    expected = {a.id for a in read_paths([corpus], Settings()) if isinstance(a, Article)}
    engine = create_engine(db_url)
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM articles"))]
        seqs: dict[str, list[int]] = {}
        for article_id, seq in conn.execute(text("SELECT article_id, seq FROM statements")):
            seqs.setdefault(article_id, []).append(seq)
    engine.dispose()
    assert Counter(ids) == Counter(expected)  # every article, each exactly once
    for article_id, found in seqs.items():
        assert sorted(found) == list(range(len(found))), f"statements of {article_id} incomplete"
    assert sum(len(v) for v in seqs.values()) > ARTICLES  # the stories do have statements


def test_ingest_survives_a_killed_worker(db_url: str, corpus: Path) -> None:
    proc = _start(db_url, corpus)
    try:
        _wait_for(db_url, proc, 2)
        workers = _workers(proc)
        assert workers, "no Dask worker process found"
        os.kill(workers[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        _kill_group(proc)
    assert proc.returncode == 0, err
    assert f"articles: {ARTICLES} new, 0 already stored" in out
    _assert_each_article_once(db_url, corpus)


def test_rerun_after_a_killed_client_stores_the_rest_once(db_url: str, corpus: Path) -> None:
    proc = _start(db_url, corpus)
    try:
        _wait_for(db_url, proc, 4)
        os.kill(proc.pid, signal.SIGKILL)  # the client: its scheduler and nannies die with it
        proc.wait(timeout=60)
    finally:
        _kill_group(proc)  # and the worker processes it leaves behind
    before = _stored(db_url)
    assert 0 < before < ARTICLES, "the run was not interrupted mid-way"
    again = _start(db_url, corpus)
    try:
        out, err = again.communicate(timeout=TIMEOUT)
    finally:
        _kill_group(again)
    assert again.returncode == 0, err
    assert f"articles: {ARTICLES - before} new, {before} already stored" in out
    _assert_each_article_once(db_url, corpus)


def test_options_need_workers_or_a_scheduler() -> None:
    from stancemap.errors import SettingsError
    from stancemap.jobs.cluster import ClusterOptions

    assert ClusterOptions(workers=2).workers == 2
    assert ClusterOptions(scheduler="tcp://127.0.0.1:8786").scheduler
    for bad in (
        {},
        {"workers": 2, "scheduler": "tcp://x:1"},
        {"workers": 0},
        {"workers": 1, "partition_size": 0},
    ):
        with pytest.raises(SettingsError):
            ClusterOptions(**bad)  # type: ignore[arg-type]


def test_cli_refuses_workers_and_scheduler_together(tmp_path: Path, corpus: Path) -> None:
    from stancemap.cli import main

    db = f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert main(["--db", db, "ingest", str(corpus), "--workers", "1", "--scheduler", "tcp://x:1"]) == 2


def test_local_workers_keep_glibcs_own_malloc_thresholds() -> None:
    # Dask's default MALLOC_TRIM_THRESHOLD_ costs spaCy 10-15% more CPU per article
    import dask

    from stancemap.jobs.cluster import DASK_CONFIG, ClusterOptions, _connect

    with dask.config.set(DASK_CONFIG):
        client, cluster = _connect(ClusterOptions(workers=1))
    try:
        env = client.run(
            lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"))
        )
    finally:
        client.close()
        cluster.close()
    assert list(env.values()) == [(None, "1")]  # Dask's other worker settings stay


def test_the_client_holds_only_the_partitions_in_flight(tmp_path: Path, corpus: Path) -> None:
    # Dask's message logs once kept every partition sent, so the client grew with the corpus
    import gc

    from stancemap.jobs.cluster import ClusterOptions, ingest_on_cluster
    from stancemap.store import Store

    alive: list[int] = []

    def progress(done: int, total: int) -> None:
        if done >= total - 2 and not alive:
            gc.collect()
            alive.append(sum(isinstance(o, Article) for o in gc.get_objects()))

    settings = Settings(db=f"sqlite:///{tmp_path / 'c.sqlite'}")
    options = ClusterOptions(workers=1, partition_size=2, in_flight=2)
    with Store.open(settings.db) as store:
        report = ingest_on_cluster([corpus], settings, store, options, progress=progress)
    assert report.new == ARTICLES
    # in flight: two partitions queued for the worker, one being stored, one read ahead
    assert alive and alive[0] <= 4 * options.partition_size, alive


def test_a_copy_on_the_cluster_is_recorded_once(tmp_path: Path) -> None:
    # the same story from two outlets, in one partition and across partitions, then a re-run
    import json

    from stancemap.jobs.cluster import ClusterOptions, ingest_on_cluster
    from stancemap.store import Store

    story = "Ruritania will not recognize the vote in the province, its foreign minister said on Tuesday."
    other = "Borduria called the vote lawful on Wednesday, a government spokesman said."
    records = [
        {"id": "times-1", "text": story, "outlet": "Ruritania Times"},
        {"id": "post-9", "text": story, "outlet": "Borduria Post"},
        {"id": "wire-3", "text": other, "outlet": "Wire"},
        {"id": "daily-4", "text": story, "outlet": "Daily"},
    ]
    corpus = tmp_path / "copies.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    settings = Settings(db=f"sqlite:///{tmp_path / 'c.sqlite'}")
    options = ClusterOptions(workers=1, partition_size=2, in_flight=1)
    with Store.open(settings.db) as store:
        first = ingest_on_cluster([corpus], settings, store, options)
        again = ingest_on_cluster([corpus], settings, store, options)
        rows = {r["name"]: r["copies"] for r in store.articles()}
    assert (first.new, first.already, first.copies) == (2, 2, 2)
    assert (again.new, again.already, again.copies) == (0, 4, 0)
    assert rows == {"times-1": 2, "wire-3": 0}
