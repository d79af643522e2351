"""Batch writes: a partition of articles in one transaction, each hash stored once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from stancemap.models import Article, Claim, Span, Statement
from stancemap.store import Store


def _art(name: str, text: str) -> Article:
    return Article(name=name, text=text, source=name)


def _st(art: Article, actor: str, issue: str) -> Statement:
    return Statement(
        article=art.name,
        actor=actor,
        actor_name=actor,
        kind="indirect",
        evidence=Span(0, 10, art.text[:10]),
        claims=(Claim(target="it", polarity="oppose", issue=issue),),
    )


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


def test_batch_stores_new_articles_once_with_their_claims(store: Store) -> None:
    one, two, three = _art("1", "One text here."), _art("2", "Two text here."), _art("3", "Three text.")
    assert store.add_articles([(one, [_st(one, "RUS", "a")])]) == [True]
    copy = _art("2-copy", "Two text here.\n")  # same text as two: same hash
    batch = [
        (one, [_st(one, "RUS", "a")]),
        (two, [_st(two, "EU", "b"), _st(two, "FRA", "c")]),
        (copy, [_st(copy, "EU", "b")]),
        (three, []),
    ]
    assert store.add_articles(batch) == [False, True, False, True]
    assert store.counts() == {"articles": 3, "statements": 3, "claims": 3, "actors": 3, "issues": 0}
    got = {(s.article, s.seq): [c["issue_id"] for c in s.claims] for s in store.statements()}
    assert got == {("1", 0): ["a"], ("2", 0): ["b"], ("2", 1): ["c"]}
    assert store.stored_ids([one.id, two.id, "nope"]) == {one.id, two.id}
    assert store.add_articles(batch) == [False, False, False, False]
    assert store.add_articles([]) == []


def test_long_names_and_outlets_are_stored_on_every_engine(store: Store) -> None:
    art = Article(name="n" * 800, text="A text with a long name.", source="s", outlet="o" * 300)
    assert store.add_articles([(art, [_st(art, "RUS", "a")])]) == [True]
    assert store.add_article(Article(name="m" * 800, text="Another.", source="s", outlet="o" * 300), [])
    assert store.counts()["articles"] == 2
