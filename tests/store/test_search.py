"""Full-text search over evidence, on each engine's own index (FTS5, tsvector/GIN)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from stancemap.models import Article, Span, Statement
from stancemap.store import Store
from stancemap.store.search import fts5_query, search_phrases, tsquery

TEXTS = {
    "one.txt": "Ruritania rejects the sham referendum held in the occupied region.",
    "two.txt": "Freedonia welcomes the referendum result and calls it a fair vote.",
    "three.txt": "The Élysée said the region's referendum was a sham, a spokesman said.",
}


def _add(store: Store, name: str, text_: str) -> None:
    art = Article(name=name, text=text_, source=name, published=date(2021, 5, 1))
    st = Statement(
        article=name,
        actor="RUR",
        actor_name="Ruritania",
        kind="indirect",
        evidence=Span(0, len(text_), text_),
    )
    assert store.add_article(art, [st])


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        for name, t in TEXTS.items():
            _add(s, name, t)
        yield s


def _found(store: Store, q: str) -> set[str]:
    assert store.count_statements(q=q) == len(store.statements(q=q))
    return {s.article for s in store.statements(q=q)}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("referendum", {"one.txt", "two.txt", "three.txt"}),
        ("SHAM referendum", {"one.txt", "three.txt"}),
        ('"sham referendum"', {"one.txt"}),  # a phrase: the words together, in order
        ('"referendum sham"', set()),
        ('"the referendum" fair', {"two.txt"}),
        ("élysée", {"three.txt"}),  # case is ignored
        ("ÉLYSÉE", {"three.txt"}),
        ("referend", set()),  # whole words, not substrings
        ("ceasefire", set()),
        ("!!!", set()),  # no words: nothing
        ("region's", {"three.txt"}),  # two words: region, s
    ],
)
def test_words_and_phrases(store: Store, q: str, expected: set[str]) -> None:
    assert _found(store, q) == expected


def test_search_follows_writes_and_deletes(store: Store) -> None:
    _add(store, "four.txt", "A ceasefire was agreed, the mediator said on Monday.")
    assert _found(store, "ceasefire") == {"four.txt"}
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM statements WHERE evidence_text LIKE 'A ceasefire%'"))
    assert _found(store, "ceasefire") == set()
    assert _found(store, "referendum") == {"one.txt", "two.txt", "three.txt"}


def test_query_builders_quote_safely() -> None:
    phrases = search_phrases('x "a b" c" d')
    assert phrases == [["x"], ["a", "b"], ["c"], ["d"]]
    assert fts5_query(phrases) == '"x" AND "a b" AND "c" AND "d"'
    assert tsquery(phrases) == "('x') & ('a' <-> 'b') & ('c') & ('d')"


def test_postgresql_search_uses_the_gin_index(db_url: str, store: Store) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    from stancemap.store import schema
    from stancemap.store.search import evidence_condition

    q = schema.statements.select().where(evidence_condition("postgresql", "sham referendum"))
    with store.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(
            r[0]
            for r in conn.execute(
                text("EXPLAIN " + str(q.compile(conn, compile_kwargs={"literal_binds": True})))
            )
        )
    assert "ix_statements_evidence_fts" in plan


def test_sqlite_migration_backfills_rows_stored_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    url = f"sqlite:///{path}"
    Store.open(url).close()
    con = sqlite3.connect(path)  # make it a database from before 0004, with a statement in it
    con.executescript(
        "DROP TRIGGER statements_fts_insert; DROP TRIGGER statements_fts_delete;"
        "DROP TRIGGER statements_fts_update; DROP TABLE statements_fts;"
        "DELETE FROM schema_migrations WHERE name = '0004_evidence_search';"
    )
    con.commit()
    con.close()
    # a statement written while the database had no index
    raw = Store(create_engine(url))  # no migrations: the old schema as it is
    _add(raw, "old.txt", "An old statement about the referendum.")
    raw.engine.dispose()
    with Store.open(url) as s:
        assert "0004_evidence_search" in s.migrations()
        assert _found(s, "old statement") == {"old.txt"}
