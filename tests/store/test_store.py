from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from stancemap.errors import StoreError
from stancemap.models import Article, Claim, Issue, Span, Statement
from stancemap.store import Store, actor_kind
from stancemap.store.migrations import revisions

from .conftest import store_at


def _article(text: str = "Ruritania rejects the vote, its minister said.", name: str = "a.txt") -> Article:
    return Article(
        name=name, text=text, source=f"/tmp/{name}", published=date(2020, 4, 1), outlet="example.org"
    )


def _statement(article: Article, actor: str = "RUS") -> Statement:
    return Statement(
        article=article.name,
        actor=actor,
        actor_name="Russia",
        kind="indirect",
        evidence=Span(0, 25, article.text[:25]),
        speaker="Ivan Petrov",
        date=date(2020, 3, 31),
        channel="briefing",
        source=Span(28, 40, article.text[28:40]),
        cue=Span(41, 45, article.text[41:45]),
        claims=(Claim(target="the vote", polarity="oppose", issue="vote-2020", reason="reject"),),
    )


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    """A store on each engine (PostgreSQL when STANCEMAP_TEST_PG_URL is set)."""
    with Store.open(db_url) as s:
        yield s


def test_migrations_are_recorded_once(db_url: str) -> None:
    url = db_url
    with Store.open(url) as s:
        assert s.migrations() == revisions()
    with Store.open(url) as s:  # reopening applies nothing twice
        assert s.migrations() == revisions()


def test_article_round_trip_with_statements_and_claims(store: Store) -> None:
    art = _article()
    assert store.add_article(art, [_statement(art)]) is True
    got = store.statements()
    assert len(got) == 1
    spec = got[0].to_spec()
    assert spec["article"] == "a.txt"
    assert spec["actor"] == "RUS"
    assert spec["date"] == "2020-03-31"
    assert spec["evidence"]["text"] == art.text[:25]
    assert spec["source"]["text"] == art.text[28:40]
    assert spec["claims"] == [{"issue": "vote-2020", "target": "the vote", "polarity": "oppose"}]
    assert store.counts() == {"articles": 1, "statements": 1, "claims": 1, "actors": 1, "issues": 0}


def test_same_text_is_stored_once(store: Store) -> None:
    art = _article()
    assert store.add_article(art, [_statement(art)])
    copy = _article(name="copy.txt", text=art.text + "\n")
    assert store.add_article(copy, [_statement(copy)]) is False
    assert store.counts()["articles"] == 1
    assert store.counts()["statements"] == 1


def test_filters(store: Store) -> None:
    a1, a2 = _article(name="one.txt"), _article("Another text about Freedonia entirely, he said.", "two.txt")
    store.add_article(a1, [_statement(a1, "RUS")])
    store.add_article(a2, [_statement(a2, "EU")])
    assert [s.row["actor_code"] for s in store.statements(actor="EU")] == ["EU"]
    assert [s.article for s in store.statements(article="one.txt")] == ["one.txt"]
    assert [s.article for s in store.statements(article=a2.id)] == ["two.txt"]
    assert len(store.statements(issue="vote-2020")) == 2
    assert store.statements(issue="other") == []
    assert len(store.statements(limit=1)) == 1
    assert len(store.statements(limit=1, offset=1)) == 1


def test_failed_write_leaves_nothing(store: Store) -> None:
    art = _article()
    bad = Statement(
        article=art.name,
        actor="RUS",
        actor_name="Russia",
        kind="indirect",
        evidence=Span(0, 1, "R"),
        claims=(Claim(target="x", polarity=None),),
    )  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.add_article(art, [_statement(art), bad])
    assert store.counts()["articles"] == 0
    assert store.counts()["statements"] == 0


def test_issues_add_and_update(store: Store) -> None:
    assert store.add_issues([Issue("a", "A"), Issue("b", "B")]) == (2, 0)
    assert store.add_issues([Issue("a", "A again", "desc")]) == (0, 1)
    assert [(i.id, i.title) for i in store.issues()] == [("a", "A again"), ("b", "B")]


def test_articles_listing_counts_statements(store: Store) -> None:
    art = _article()
    store.add_article(art, [_statement(art), _statement(art, "EU")])
    rows = store.articles()
    assert rows[0]["name"] == "a.txt" and rows[0]["statements"] == 2


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a url", "not an SQLAlchemy URL"),
        ("nosuchdb://x", "no database driver"),
        ("sqlite:////nonexistent-dir/sub/db.sqlite", "cannot open the database"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/nodb", "cannot open the database"),
    ],
)
def test_bad_urls_are_one_clear_error(url: str, fragment: str) -> None:
    with pytest.raises(StoreError, match=fragment):
        Store.open(url)


@pytest.mark.parametrize(
    ("code", "kind"),
    [("RUS", "state"), ("EU", "igo"), ("ARAB_LEAGUE", "igo"), ("PERSON:X", "person"), ("ORG:Y", "org")],
)
def test_actor_kind(code: str, kind: str) -> None:
    assert actor_kind(code) == kind


def test_upgrade_adds_later_columns_to_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store_at(f"sqlite:///{path}", "0001_initial").close()  # a database from before 0002
    with Store.open(f"sqlite:///{path}") as s:
        assert "0002_statement_date_basis" in s.migrations()
        art = _article()
        assert s.add_article(art, [_statement(art)])
        assert s.statements()[0].to_spec()["date_basis"] is None
