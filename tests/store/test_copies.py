"""Copies: the same text under another name is recorded as a copy of the stored article, once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from stancemap.models import Article, Span, Statement
from stancemap.store import Copy, Store, schema

from .conftest import store_at

TEXT = "Borduria rejects the vote in the province, its foreign minister said on Monday."


def _article(name: str, outlet: str, url: str | None = None, body: str = TEXT) -> Article:
    return Article(
        name=name, text=body, source=url or name, outlet=outlet, url=url, published=date(2024, 5, 6)
    )


def _statement(article: Article) -> Statement:
    return Statement(
        article=article.name,
        actor="BOR",
        actor_name="Borduria",
        kind="indirect",
        evidence=Span(0, 40, article.text[:40]),
    )


def _copy_rows(store: Store) -> list[tuple[str, str, str | None]]:
    k = schema.article_copies
    with store.engine.connect() as conn:
        q = select(k.c.article_id, k.c.name, k.c.outlet).order_by(k.c.name)
        return [(r[0], r[1], r[2]) for r in conn.execute(q)]


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


def test_the_same_text_from_another_outlet_is_one_article_and_one_copy(store: Store) -> None:
    first = _article("ruritania-times-1", "Ruritania Times", "https://times.example/1")
    second = _article("borduria-post-7", "Borduria Post", "https://post.example/7")
    assert store.add_article(first, [_statement(first)]) is True
    assert store.add_article(second, [_statement(second)]) is False
    assert store.count_articles() == 1
    assert _copy_rows(store) == [(first.id, "borduria-post-7", "Borduria Post")]
    [row] = store.copies(first.id)
    assert row["url"] == "https://post.example/7" and row["published"] == date(2024, 5, 6)
    assert store.articles()[0]["copies"] == 1
    assert store.copy_counts([first.id]) == {first.id: 1}


def test_storing_the_same_inputs_again_records_nothing(store: Store) -> None:
    first = _article("a", "Ruritania Times")
    second = _article("b", "Borduria Post")
    for _ in range(2):
        store.add_article(first, [])
        store.add_article(second, [])
    assert [r[1] for r in _copy_rows(store)] == ["b"]
    assert store.add_copies([Copy.of(second)]) == 0
    # the stored article read again under its own name is no copy of itself
    assert store.add_copies([Copy.of(first)]) == 0
    assert len(_copy_rows(store)) == 1


def test_a_batch_records_copies_within_it_and_of_stored_articles(store: Store) -> None:
    stored = _article("old", "Ruritania Times", body="Ruritania welcomes the talks, a spokesman said.")
    store.add_article(stored, [])
    items: list[tuple[Article, list[Statement]]] = [
        (_article("x1", "Outlet X"), []),
        (_article("x2", "Outlet Y"), []),  # the same text as x1, later in the batch
        (_article("old-again", "Outlet Z", body=stored.text), []),
    ]
    assert store.add_articles(items) == [True, False, False]
    assert [r[1] for r in _copy_rows(store)] == ["old-again", "x2"]
    assert store.add_articles(items) == [False, False, False]
    assert len(_copy_rows(store)) == 2


def test_a_copy_of_nothing_stored_is_not_recorded(store: Store) -> None:
    assert store.add_copies([Copy.of(_article("lonely", "Outlet"))]) == 0
    assert _copy_rows(store) == []


def test_forgetting_an_article_forgets_its_copies(store: Store) -> None:
    first = _article("a", "Ruritania Times")
    store.add_article(first, [])
    store.add_article(_article("b", "Borduria Post"), [])
    store.forget_article(first.id)
    assert _copy_rows(store) == []


def test_revision_0007_adds_the_table_to_a_database_made_before_it(db_url: str) -> None:
    first = _article("a", "Ruritania Times")
    with store_at(db_url, "0006_search_stemming") as store:  # the schema before 0007
        store.add_article(first, [_statement(first)])
    with Store.open(db_url) as store:
        assert "0007_article_copies" in store.migrations()
        assert store.articles()[0]["copies"] == 0
        assert store.add_article(_article("b", "Borduria Post"), []) is False
        assert [r[1] for r in _copy_rows(store)] == ["b"]
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(schema.statements)).scalar_one() == 1
