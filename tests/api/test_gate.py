"""Writes are refused before their body is read: no token, the wrong token, or too large."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from stancemap.app import create_app
from stancemap.config import Settings

from .conftest import TOKEN

CHUNK = b"x" * 65_536


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[FastAPI]:
    yield create_app(
        Settings(db=f"sqlite:///{tmp_path / 'gate.sqlite'}", api_token=TOKEN, max_body_bytes=1_000_000)
    )


def call(
    app: FastAPI, headers: dict[str, str], chunks: int, method: str = "POST", path: str = "/articles"
) -> tuple[int, dict[str, str], dict[str, Any], int]:
    """Send a request whose body is ``chunks`` chunks of 64 KiB straight to the ASGI app.

    Returns the status, the headers, the JSON body and how many chunks the app pulled.
    """
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        if pulled >= chunks:
            await asyncio.sleep(3600)  # the client would wait for an answer
        pulled += 1
        return {"type": "http.request", "body": CHUNK, "more_body": pulled < chunks}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "state": {},
    }
    asyncio.run(asyncio.wait_for(app(scope, receive, send), 20))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    got = {k.decode(): v.decode() for k, v in start["headers"]}
    return start["status"], got, json.loads(body), pulled


@pytest.mark.parametrize(("auth", "status"), [(None, 401), ("Bearer wrong", 401), ("Basic " + TOKEN, 401)])
def test_a_write_without_the_token_is_refused_before_its_body_is_read(
    app: FastAPI, auth: str | None, status: int
) -> None:
    headers = {"content-type": "application/json", "content-length": str(1600 * len(CHUNK))}
    if auth:
        headers["authorization"] = auth
    got, head, body, pulled = call(app, headers, chunks=1600)  # 100 MB
    assert (got, pulled) == (status, 0)
    assert body["status"] == status and head["www-authenticate"] == "Bearer"
    assert "Content-Security-Policy".lower() in head


def test_writes_are_refused_unread_when_no_token_is_set(tmp_path: Path) -> None:
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'ro.sqlite'}"))
    got, _, body, pulled = call(app, {"content-length": str(100 * len(CHUNK))}, chunks=100, path="/issues")
    assert (got, pulled, body["code"]) == (403, 0, "http_403")


def test_a_declared_length_over_the_limit_is_413_unread(app: FastAPI) -> None:
    headers = {"authorization": f"Bearer {TOKEN}", "content-length": str(40 * len(CHUNK))}
    got, head, body, pulled = call(app, headers, chunks=40)
    assert (got, pulled) == (413, 0)
    assert "max_body_bytes" in body["error"] and "x-content-type-options" in head


def test_a_streamed_body_is_cut_off_at_the_limit(app: FastAPI) -> None:
    headers = {
        "authorization": f"Bearer {TOKEN}",
        "content-type": "application/json",
        "transfer-encoding": "chunked",
    }
    got, _, body, pulled = call(app, headers, chunks=1600)
    assert got == 413 and body["status"] == 413
    assert pulled == 1_000_000 // len(CHUNK) + 1  # read up to the limit, not a chunk more


def test_a_bad_content_length_is_400(app: FastAPI) -> None:
    headers = {"authorization": f"Bearer {TOKEN}", "content-length": "lots"}
    got, _, _, pulled = call(app, headers, chunks=1)
    assert (got, pulled) == (400, 0)


def test_reads_pass_the_gate(app: FastAPI) -> None:
    got, head, _, _ = call(app, {}, chunks=0, method="GET", path="/index.json")
    assert got == 200 and head["referrer-policy"] == "same-origin"


def test_an_article_over_max_article_chars_is_refused(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    app = create_app(
        Settings(db=f"sqlite:///{tmp_path / 'cap.sqlite'}", api_token=TOKEN, max_article_chars=1000)
    )
    with TestClient(app) as c:
        text = "Ruritania said it rejects the plan. " * 40
        r = c.post("/articles", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422 and "max_article_chars" in r.json()["error"]
    assert r.json()["code"] == "S004"
