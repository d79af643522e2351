"""watch killed with SIGKILL mid-round, then run again: every article stored once, no page fetched twice."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.pages import article_html

from .server import LocalServer, Route, feeds_file, rss

PAGES = 16
TIMEOUT = 300


def _run(db: str, feeds: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "STANCEMAP_WATCH_HOST_INTERVAL_MS": "0",
        "STANCEMAP_WATCH_TIMEOUT_S": "5",
        "STANCEMAP_BATCH_SIZE": "4",
    }
    argv = [sys.executable, "-m", "stancemap.cli", "--db", db, "watch", str(feeds), "--once"]
    return subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )


def _count(db: str, sql: str) -> int:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    except Exception:  # noqa: BLE001 - the tables may not exist yet
        return 0
    finally:
        engine.dispose()


def test_a_killed_round_run_again_stores_each_article_once_and_fetches_nothing_twice(
    server: LocalServer, tmp_path: Path
) -> None:
    paths = [f"/news/{k}" for k in range(PAGES)]
    for k, p in enumerate(paths):
        server.routes[p] = Route(article_html(k).encode(), delay=0.15)
    server.routes["/rss.xml"] = Route(rss(server.base, paths), etag='"1"')
    feeds = feeds_file(tmp_path, {"url": server.url("/rss.xml"), "every": "1h"})
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"

    proc = _run(db, feeds)
    deadline = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            # killed once some pages are fetched and some articles stored, before the round ends
            if _count(db, "SELECT count(*) FROM articles") >= 4:
                break
            time.sleep(0.05)
        assert proc.poll() is None, f"the round ended before it could be killed: {proc.communicate()}"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    stored_before = _count(db, "SELECT count(*) FROM articles")
    assert 4 <= stored_before < PAGES
    engine = create_engine(db)
    with engine.connect() as conn:
        kept = {r[0] for r in conn.execute(text("SELECT url FROM feed_entries WHERE raw IS NOT NULL"))}
    engine.dispose()
    kept_paths = {p for p in paths if server.url(p) in kept}
    assert len(kept_paths) >= stored_before
    asked_before = server.counts()

    again = _run(db, feeds)
    out, err = again.communicate(timeout=TIMEOUT)
    assert again.returncode == 0, err
    assert "round 1" in out and "requests:" in out
    assert _count(db, "SELECT count(*) FROM articles") == PAGES
    assert _count(db, "SELECT count(DISTINCT url) FROM articles") == PAGES
    assert _count(db, "SELECT count(*) FROM feed_entries WHERE state = 'stored'") == PAGES
    counts = server.counts()
    # a page whose answer was kept is never asked for again; each other page is fetched once now
    # (the one request in flight at the kill had no answer kept, so it is asked again)
    assert all(counts[p] == 1 for p in kept_paths)
    assert all(counts[p] - asked_before[p] == 1 for p in paths if p not in kept_paths)
    assert sum(asked_before[p] for p in paths if p not in kept_paths) <= 1
    assert counts["/rss.xml"] == 1  # not due again: the restart did not fetch the feed either
    # every stored article has all its statements (seq 0..n-1 with no gap)
    assert _count(db, "SELECT count(*) FROM statements") == _count(
        db, "SELECT coalesce(sum(n), 0) FROM (SELECT max(seq) + 1 AS n FROM statements GROUP BY article_id)"
    )
