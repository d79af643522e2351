"""Copies of an article on its page and in its JSON twin, and through POST /articles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from stancemap.app import create_app
from stancemap.config import Settings
from stancemap.models import Article, Span, Statement
from stancemap.store import Store, schema

from .conftest import TOKEN

TEXT = "Borduria rejects the vote in the province, its foreign minister said on Monday."


def _article(name: str, outlet: str, url: str, day: int) -> Article:
    return Article(name=name, text=TEXT, source=url, outlet=outlet, url=url, published=date(2024, 5, day))


@pytest.fixture()
def stored(db_url: str) -> Iterator[tuple[TestClient, str]]:
    """A client over a database holding one article and two copies of it (one with a script URL)."""
    first = _article("times-1", "Ruritania Times", "https://times.example/1", 6)
    with Store.open(db_url) as store:
        st = Statement(
            article=first.name,
            actor="BOR",
            actor_name="Borduria",
            kind="indirect",
            evidence=Span(0, 30, TEXT[:30]),
        )
        store.add_article(first, [st])
        store.add_article(_article("post-9", "Borduria Post", "https://post.example/9", 7), [])
        with store.engine.begin() as conn:  # stored before URLs were checked
            conn.execute(
                insert(schema.article_copies).values(
                    article_id=first.id,
                    name="old-feed",
                    outlet="Old Feed",
                    url="javascript:alert(1)",
                    first_seen=datetime.now(UTC),
                )
            )
    with TestClient(create_app(Settings(db=db_url))) as client:
        yield client, first.id


def test_the_json_twin_lists_where_else_the_article_ran(stored: tuple[TestClient, str]) -> None:
    client, article_id = stored
    data = client.get(f"/articles/{article_id}.json").json()
    assert data["copies"] == 2
    by_name = {c["name"]: c for c in data["also_published_by"]}
    assert by_name["post-9"] == {
        "name": "post-9",
        "outlet": "Borduria Post",
        "published": "2024-05-07",
        "link": "https://post.example/9",
    }
    assert by_name["old-feed"]["link"] is None
    listed = client.get("/articles.json").json()["items"]
    assert [(a["name"], a["copies"]) for a in listed] == [("times-1", 2)]


def test_the_page_shows_outlet_date_and_a_web_link_for_each_copy(stored: tuple[TestClient, str]) -> None:
    client, article_id = stored
    html = client.get(f"/articles/{article_id}").text
    assert "Also published by" in html
    assert 'href="https://post.example/9"' in html and "Borduria Post</a>, 7 May 2024" in html
    assert "Old Feed" in html and "javascript:" not in html


def test_post_articles_records_a_repeated_text_as_a_copy(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    one = {"name": "times-1", "text": TEXT, "outlet": "Ruritania Times"}
    two = {"name": "post-9", "text": TEXT, "outlet": "Borduria Post", "url": "https://post.example/9"}
    r = writable.post("/articles", json=[one, two], headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["new"] == 1 and r.json()["already"] == 1
    article_id = r.json()["articles"][0]["id"]
    copies = writable.get(f"/articles/{article_id}.json").json()["also_published_by"]
    assert [(c["name"], c["link"]) for c in copies] == [("post-9", "https://post.example/9")]
    again = writable.post("/articles", json=[two, one], headers=auth)
    assert again.status_code == 200 and again.json()["new"] == 0
    assert len(writable.get(f"/articles/{article_id}.json").json()["also_published_by"]) == 1


def test_a_story_run_by_thousands_lists_the_first_hundred_and_counts_them_all(tmp_path: Path) -> None:
    from stancemap.query.views import ARTICLE_COPIES
    from stancemap.store import Copy

    url = f"sqlite:///{tmp_path / 'wire.sqlite'}"
    first = _article("wire-0", "Wire", "https://wire.example/0", 6)
    with Store.open(url) as store:
        store.add_article(first, [])
        made = [
            Copy(first.id, f"wire-{i}", f"Outlet {i}", f"https://o{i}.example/", date(2024, 5, 7))
            for i in range(1, 3000)
        ]
        assert store.add_copies(made) == 2999
    with TestClient(create_app(Settings(db=url))) as client:
        data = client.get(f"/articles/{first.id}.json").json()
        assert data["copies"] == 2999 and len(data["also_published_by"]) == ARTICLE_COPIES
        html = client.get(f"/articles/{first.id}").text
        assert html.count('rel="noopener noreferrer nofollow">Outlet ') == ARTICLE_COPIES
        assert f"and {2999 - ARTICLE_COPIES} more" in html
