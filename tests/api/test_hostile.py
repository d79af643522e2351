"""Hostile input is refused at the edge (422), errors never leak SQL, and every error is secured."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.config import Settings

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
BIG = 2**63


@pytest.mark.parametrize(
    "path",
    [
        f"/statements.json?offset={BIG}",
        f"/articles.json?offset={BIG}",
        f"/actors.json?offset={BIG}",
        f"/actors/USA.json?offset={BIG}",
        f"/statements?offset={BIG}",
        f"/statements/{BIG}.json",
        f"/statements/{2**31}.json",
        f"/statements/{2**31}",
        "/statements.json?actor=US%00A",
        "/statements.json?outlet=voa%00news.com",
        "/statements.json?article=a%00b",
        "/articles/abc%00def.json",
        "/issues/x%00y.json",
        "/actors/US%00A",
    ],
)
def test_out_of_range_numbers_and_nul_bytes_are_422(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 422, (path, r.status_code, r.text[:300])
    if path.endswith(".json") or ".json?" in path:
        assert r.json()["code"] == "validation" and r.json()["detail"]


def test_the_largest_id_is_still_a_404(client: TestClient) -> None:
    assert client.get(f"/statements/{2**31 - 1}.json").status_code == 404


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/issues", {"id": "x1", "title": "T", "description": "bad \ud800 text"}),
        ("/issues", {"id": "x2", "title": "T\u0000"}),
        ("/articles", {"text": "Ruritania said no.", "url": "https://example.org/\udfff"}),
        ("/articles", {"text": "Ruritania said \u0000 no."}),
    ],
)
def test_nul_and_lone_surrogates_in_bodies_are_422(writable: TestClient, path: str, body: object) -> None:
    # as JSON escapes (\\ud800), the way a client would send them
    r = writable.post(path, content=json.dumps(body), headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422, r.text[:300]
    assert r.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "JaVaScRiPt:x",
        "//evil.example",
        "ftp://x.example/a",
    ],
)
def test_only_http_and_https_article_urls_are_accepted(writable: TestClient, url: str) -> None:
    r = writable.post("/articles", json={"text": "Ruritania said no.", "url": url}, headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"][0]["field"].endswith("url")


def test_a_jsonl_record_with_a_script_url_is_stored_without_it(tmp_path: Path) -> None:
    from stancemap.ingest.jsonl import record_article

    a = record_article({"id": "r", "text": "Ruritania said no.", "url": "javascript:alert(1)"}, "f.jsonl:1")
    assert a.url is None and a.source == "f.jsonl:1"
    b = record_article({"id": "r", "text": "Ruritania said no.", "url": " https://ruritania.example/x "}, "")
    assert b.url == "https://ruritania.example/x" and b.outlet == "ruritania.example"


def test_an_unexpected_error_is_a_500_with_the_security_headers(tmp_path: Path) -> None:
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'boom.sqlite'}"))

    def boom() -> None:
        raise RuntimeError("something nobody expected")

    app.add_api_route("/boom.json", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/boom.json")
    assert r.status_code == 500 and r.json()["code"] == "internal"
    assert "something nobody expected" not in r.text
    for header in ("content-security-policy", "x-content-type-options", "referrer-policy"):
        assert header in r.headers, header


def test_a_locked_database_is_a_503_without_sql_or_article_text(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite"
    app = create_app(Settings(db=f"sqlite:///{path}", api_token=TOKEN))
    text = "The foreign minister of Ruritania said on Monday that the Klopstokian border must stay closed."
    with TestClient(app) as c:
        holder = sqlite3.connect(path, timeout=0)
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
        try:
            r = c.post("/articles", json={"text": text}, headers=AUTH)
        finally:
            holder.rollback()
            holder.close()
    assert r.status_code == 503, r.text[:300]
    body = r.json()
    assert body["code"] == "S006" and "locked" in body["error"]
    for leak in ("INSERT", "SELECT", "Klopstokian", "[SQL", "parameters"):
        assert leak not in r.text, leak


@pytest.mark.parametrize("value", ["0", "1700000000", "2025-3-4", "20250304"])
def test_a_date_must_be_written_yyyy_mm_dd(client: TestClient, value: str) -> None:
    r = client.get(f"/statements.json?date_to={value}")
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "date_to"


def test_a_reversed_date_range_is_a_422_with_the_detail_array(client: TestClient) -> None:
    r = client.get("/statements.json?date_from=2025-03-10&date_to=2025-01-01")
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "validation" and body["detail"][0]["field"] == "date_from"
    assert "after date_to" in body["detail"][0]["msg"]


def test_the_schema_documents_the_write_errors(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    post = paths["/articles"]["post"]["responses"]
    assert {"400", "401", "403", "413", "422", "503"} <= post.keys()
    assert "404" in paths["/issues/{issue_id}"]["put"]["responses"]
    assert "404" in paths["/statements/{statement_id}.json"]["get"]["responses"]
