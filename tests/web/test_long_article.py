"""A long article with thousands of statements: its page is paged, bounded and quick."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.config import Settings
from stancemap.models import Article, Span, Statement
from stancemap.store import Store

SENTENCE = 'Ruritania said: "We reject the Bordurian plan entirely." '
N_STATEMENTS = 3_000


def long_article(n: int) -> tuple[Article, list[Statement]]:
    """An article of ``n`` invented statements (three sentences per statement's worth of text)."""
    text = SENTENCE * (3 * n)
    article = Article(name="long-story", text=text, source="test", outlet="ruritania.example")
    statements = []
    for k in range(n):
        at = k * 3 * len(SENTENCE)
        statements.append(
            Statement(
                article=article.name,
                actor="RUR",
                actor_name="Ruritania",
                kind="direct",
                evidence=Span(at + 16, at + 56, text[at + 16 : at + 56]),
                source=Span(at, at + 9, "Ruritania"),
                cue=Span(at + 10, at + 14, "said"),
            )
        )
    return article, statements


@pytest.fixture(scope="module")
def long_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    path: Path = tmp_path_factory.mktemp("long") / "long.sqlite"
    article, statements = long_article(N_STATEMENTS)
    with Store.open(f"sqlite:///{path}") as store:
        store.add_article(article, statements)
    with TestClient(create_app(Settings(db=f"sqlite:///{path}"))) as c:
        yield c, article.id


def test_the_page_of_a_long_article_lists_and_highlights_one_page_of_statements(
    long_client: tuple[TestClient, str],
) -> None:
    client, article_id = long_client
    t0 = time.perf_counter()
    r = client.get(f"/articles/{article_id}")
    took = time.perf_counter() - t0
    assert r.status_code == 200
    html = r.text
    assert html.count('class="st-mini"') == 200
    assert html.count('<a class="hl hl-cue') == 200
    assert f"{N_STATEMENTS} statements" in html and 'rel="next"' in html
    assert took < 5.0, f"the page took {took:.1f} s"
    r2 = client.get(f"/articles/{article_id}?offset=2900&limit=200")
    assert r2.text.count('class="st-mini"') == 100 and 'rel="prev"' in r2.text
    assert 'start="2901"' in r2.text


def test_the_json_twin_of_a_long_article_is_paged(long_client: tuple[TestClient, str]) -> None:
    client, article_id = long_client
    data = client.get(f"/articles/{article_id}.json").json()
    assert data["statements"] == N_STATEMENTS and len(data["statement_list"]) == 200
    assert data["offset"] == 0 and data["limit"] == 200 and "offset=200" in data["next"]
    last = client.get(f"/articles/{article_id}.json?offset=2999").json()
    assert len(last["statement_list"]) == 1 and last["next"] is None
    assert client.get(f"/articles/{article_id}.json?offset=5000").json()["statement_list"] == []
