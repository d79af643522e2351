"""A GET never writes: stale positions are served marked stale and refreshed in the background."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.config import Settings

ISSUE = "ukraine-ceasefire-2025"


def _stale_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo database whose positions are all built, then all made stale."""
    from stancemap.jobs.consolidate import refresh_positions
    from stancemap.store import Store

    path = tmp_path / "stale.sqlite"
    shutil.copy(demo_db, path)
    with Store.open(f"sqlite:///{path}") as store:
        refresh_positions(store)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE positions SET version = version + 1")
    return path


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM positions ORDER BY issue_id, actor_code").fetchall()


def test_reading_an_issue_writes_nothing(demo_db: Path, tmp_path: Path) -> None:
    path = _stale_copy(demo_db, tmp_path)
    before = _rows(path)
    with TestClient(create_app(Settings(db=f"sqlite:///{path}"))) as c:
        data = c.get(f"/issues/{ISSUE}.json").json()
        c.get(f"/issues/{ISSUE}")
        c.get("/actors/USA.json")
    assert _rows(path) == before
    assert data["positions"] and all(p["stale"] for p in data["positions"])


def test_a_held_write_lock_does_not_fail_reads_and_the_refresher_catches_up(
    demo_db: Path, tmp_path: Path
) -> None:
    path = _stale_copy(demo_db, tmp_path)
    app = create_app(Settings(db=f"sqlite:///{path}"))
    with TestClient(app) as c:
        holder = sqlite3.connect(path, timeout=0)
        holder.execute("BEGIN IMMEDIATE")  # a writer holds the lock
        try:
            t0 = time.monotonic()
            r = c.get(f"/issues/{ISSUE}.json")
            took = time.monotonic() - t0
            assert r.status_code == 200 and took < 3, (r.status_code, took)
            assert all(p["stale"] for p in r.json()["positions"])
            assert c.get(f"/issues/{ISSUE}").status_code == 200
        finally:
            holder.rollback()
            holder.close()
        app.state.refresher.poke()
        deadline = time.monotonic() + 20
        while any(p["stale"] for p in c.get(f"/issues/{ISSUE}.json").json()["positions"]):
            assert time.monotonic() < deadline, "the background refresh never caught up"
            time.sleep(0.2)
    assert app.state.refresher.runs >= 1


def test_stored_payloads_carry_no_stale_flag(demo_db: Path, tmp_path: Path) -> None:
    """Positions are stored as before this flag existed, so an older version still reads them."""
    path = _stale_copy(demo_db, tmp_path)
    with sqlite3.connect(path) as conn:
        payloads = [r[0] for r in conn.execute("SELECT payload FROM positions WHERE payload IS NOT NULL")]
    assert payloads and not any('"stale"' in p for p in payloads)
