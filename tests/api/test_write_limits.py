"""A write that runs too long, or whose client hangs up, is stopped; the server stops promptly."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.config import Settings
from stancemap.store import Store

from .conftest import TOKEN

PARAGRAPHS = [
    'The foreign minister of Ruritania said on Monday that "the Bordurian plan cannot stand."',
    "Borduria's president told reporters the talks would resume in Klopstokia next week.",
    "Officials in Syldavia said they supported a ceasefire, adding that both sides must withdraw.",
    'A spokesman for the Ruritanian army said, "We will defend every village on the border."',
]


def long_text(chars: int) -> str:
    out, k = [], 0
    while sum(len(p) + 2 for p in out) < chars:
        out.append(f"{PARAGRAPHS[k % len(PARAGRAPHS)]} (report {k})")
        k += 1
    return "\n\n".join(out)


def _writers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "stancemap-write"]


def _wait_writers_gone(seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _writers() and time.monotonic() < deadline:
        time.sleep(0.1)
    return not _writers()


@pytest.mark.e2e
def test_a_write_past_write_timeout_is_stopped_and_answered_503(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'slow.sqlite'}"
    app = create_app(Settings(db=db, api_token=TOKEN, write_timeout=1))
    text = long_text(95_000)
    with TestClient(app) as c:
        t0 = time.monotonic()
        r = c.post("/articles", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
        took = time.monotonic() - t0
    assert r.status_code == 503 and r.json()["code"] == "S008", r.text[:300]
    assert "write_timeout" in r.json()["error"] and took < 3
    assert _wait_writers_gone(15), "the extraction went on after the timeout"
    with Store.open(db) as store:
        assert store.count_articles() == 0


@pytest.mark.e2e
def test_a_write_whose_client_hangs_up_is_stopped(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'gone.sqlite'}"
    app = create_app(Settings(db=db, api_token=TOKEN))
    body = json.dumps({"text": long_text(95_000)}).encode()
    sent: list[dict[str, Any]] = []
    delivered = False

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        # the client gives up a second after sending; until then there is nothing to receive
        while time.monotonic() - t0 < 1.0:
            await asyncio.sleep(0.05)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/articles",
        "raw_path": b"/articles",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"authorization", f"Bearer {TOKEN}".encode()),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "state": {},
    }
    t0 = time.monotonic()
    asyncio.run(asyncio.wait_for(app(scope, receive, send), 30))
    assert time.monotonic() - t0 < 5
    assert _wait_writers_gone(15), "the extraction went on after the client left"
    with Store.open(db) as store:
        assert store.count_articles() == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.mark.e2e
def test_sigterm_stops_a_server_busy_with_a_write_within_seconds(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "STANCEMAP_API_TOKEN": TOKEN,
        "STANCEMAP_DB": f"sqlite:///{tmp_path / 'term.sqlite'}",
    }
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "stancemap"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("the server did not start")
                time.sleep(0.2)
        body = json.dumps({"text": long_text(95_000)}).encode()
        conn = socket.create_connection(("127.0.0.1", port))
        conn.sendall(
            b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {TOKEN}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        time.sleep(3)  # the extraction is under way
        assert proc.poll() is None
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)
        took = time.monotonic() - t0
        conn.close()
        assert took < 8, f"the server took {took:.1f} s to stop"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
