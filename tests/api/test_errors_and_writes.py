"""Errors in the language of the route, the OpenAPI schema, and writes behind the token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .conftest import TOKEN

HOSTILE = (
    "Washington, March 3. <script>window.__xss=1</script> The foreign minister of France said on Monday "
    'that France "strongly supports the ceasefire <img src=x onerror="window.__xss=2"> proposal," '
    "adding that Russia must accept it."
)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/issues/no-such-issue", 404),
        ("/actors/NOPE", 404),
        ("/articles/no-such-article", 404),
        ("/statements/999999", 404),
        ("/statements?polarity=maybe", 422),
        ("/statements?date_from=notadate", 422),
        ("/statements?limit=-1", 422),
        ("/statements?limit=100000", 422),
        ("/statements?offset=-3", 422),
        ("/statements?kind=rumour", 422),
        ("/statements?date_from=2025-03-10&date_to=2025-01-01", 422),
        ("/statements/abc", 422),
        ("/no/such/page", 404),
    ],
)
def test_errors_are_pages_for_pages_and_json_for_twins(client: TestClient, path: str, status: int) -> None:
    page = client.get(path)
    assert page.status_code == status
    assert page.headers["content-type"].startswith("text/html")
    assert f">{status}<" in page.text
    base, _, query = path.partition("?")
    twin = client.get(base + ".json" + (f"?{query}" if query else ""))
    assert twin.status_code == status
    body = twin.json()
    assert body["status"] == status and body["error"] and body["code"]


def test_validation_errors_name_the_field(client: TestClient) -> None:
    body = client.get("/statements.json?polarity=maybe&date_from=notadate").json()
    fields = {d["field"] for d in body["detail"]}
    assert {"polarity", "date_from"} <= fields


def test_accept_json_gets_json_errors(client: TestClient) -> None:
    r = client.get("/issues/no-such-issue", headers={"Accept": "application/json"})
    assert r.status_code == 404 and r.json()["code"] == "S003"


def test_openapi_schema_documents_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/index.json",
        "/issues.json",
        "/issues/{issue_id}.json",
        "/issues/{issue_id}/positions.json",
        "/issues/{issue_id}/timeline.json",
        "/actors.json",
        "/actors/{code}.json",
        "/articles.json",
        "/articles/{article}.json",
        "/statements.json",
        "/statements/{statement_id}.json",
        "/articles",
        "/issues",
        "/issues/{issue_id}",
    ):
        assert path in paths, path
    assert "/issues/{issue_id}" in paths and "put" in paths["/issues/{issue_id}"]
    assert "get" not in paths["/issues/{issue_id}"], "HTML pages stay out of the API schema"
    params = {p["name"] for p in paths["/statements.json"]["get"]["parameters"]}
    assert {
        "actor",
        "issue",
        "article",
        "polarity",
        "kind",
        "date_from",
        "date_to",
        "outlet",
        "q",
        "limit",
        "offset",
    } <= params
    models = schema["components"]["schemas"]
    assert {"StatementOut", "PositionOut", "IssueDetail", "ArticleDetail", "IngestReport"} <= models.keys()
    assert "stance" in models["PositionOut"]["properties"]


def test_writes_are_refused_without_a_token_setting(readonly_server: TestClient) -> None:
    r = readonly_server.post(
        "/articles", json={"text": HOSTILE}, headers={"Authorization": "Bearer anything"}
    )
    assert r.status_code == 403 and "disabled" in r.json()["error"]
    r = readonly_server.put("/issues/ukraine-ceasefire-2025", json={"title": "x"})
    assert r.status_code == 403


@pytest.mark.parametrize("auth", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer"])
def test_writes_need_the_right_token(writable: TestClient, auth: str | None) -> None:
    headers = {"Authorization": auth} if auth else {}
    r = writable.post("/articles", json={"text": HOSTILE}, headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert r.json()["status"] == 401
    assert writable.post("/issues", json={"id": "x", "title": "x"}, headers=headers).status_code == 401
    assert writable.get("/articles.json").json()["total"] == 6, "nothing was written"


def test_post_articles_runs_the_extractor_and_stores(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"name": "hostile-1", "text": HOSTILE, "title": "<b>Ceasefire</b> talk", "published": "2025-03-04"}
    r = writable.post("/articles", json=body, headers=auth)
    assert r.status_code == 201, r.text
    report = r.json()
    assert report["new"] == 1 and report["already"] == 0
    art = report["articles"][0]
    assert art["name"] == "hostile-1" and art["new"]
    stored = writable.get(f"/articles/{art['id']}.json").json()
    assert stored["text"] == HOSTILE and stored["published"] == "2025-03-04"
    assert len(stored["statement_list"]) == report["statements"] >= 1
    assert any(s["actor"] == "FRA" for s in stored["statement_list"])
    again = writable.post("/articles", json=[body], headers=auth)
    assert again.status_code == 200 and again.json()["already"] == 1 and again.json()["new"] == 0


@pytest.mark.parametrize(
    "body",
    [{"text": ""}, {"title": "no text"}, [], {"text": "x", "unknown": 1}, [{"text": "a"}] * 101],
)
def test_post_articles_rejects_bad_bodies(writable: TestClient, body: object) -> None:
    r = writable.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422, r.text
    assert r.json()["status"] == 422


def test_issue_edits(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.put("/issues/ukraine-ceasefire-2025", json={"title": "Ceasefire (renamed)"}, headers=auth)
    assert r.status_code == 200 and r.json()["title"] == "Ceasefire (renamed)"
    assert (
        writable.get("/issues/ukraine-ceasefire-2025.json").json()["issue"]["title"] == "Ceasefire (renamed)"
    )
    assert writable.put("/issues/nope", json={"title": "x"}, headers=auth).status_code == 404
    r = writable.put("/issues/ukraine-ceasefire-2025", json={"id": "other", "title": "x"}, headers=auth)
    assert r.status_code == 422
    r = writable.post(
        "/issues", json={"id": "new-issue", "title": "A new issue", "description": "d"}, headers=auth
    )
    assert r.status_code == 201 and r.json()["url"] == "/issues/new-issue"
    assert writable.get("/issues/new-issue.json").json()["positions"] == []
    assert writable.post("/issues", json={"id": "bad id!", "title": "x"}, headers=auth).status_code == 422
