"""Full-text search over evidence, on each engine's own index (FTS5, tsvector/GIN)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from stancemap.models import Article, Span, Statement
from stancemap.store import Store
from stancemap.store.search import alternatives, fts5_query, highlight_pattern, search_phrases, tsquery

from .conftest import store_at

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
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    # a statement written while the database had no index (before 0003)
    with store_at(url, "0002_statement_date_basis") as raw:
        _add(raw, "old.txt", "An old statement about the referendum.")
    with Store.open(url) as s:
        assert "0003_evidence_search" in s.migrations()
        assert _found(s, "old statement") == {"old.txt"}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("ceasefire", {"c1.txt", "c2.txt"}),
        ("cease-fire", {"c1.txt", "c2.txt", "c3.txt"}),  # hyphenated: the words together, or closed up
        ("cease fire", {"c1.txt", "c2.txt", "c3.txt"}),  # loose words: both, or closed up
        ('"cease fire"', {"c1.txt", "c2.txt", "c3.txt"}),
        ("ceasefires", {"c1.txt", "c2.txt"}),  # stemmed: plural and singular
        ("supported", {"c1.txt", "c3.txt"}),
        ("fire cease", {"c3.txt"}),  # both words, in any order; closed up only in the order given
    ],
)
def test_compounds_and_stems(db_url: str, q: str, expected: set[str]) -> None:
    with Store.open(db_url) as s:
        _add(s, "c1.txt", "Borduria supports the ceasefire that the mediators proposed.")
        _add(s, "c2.txt", "Two ceasefires have failed since May, Ruritania said.")
        _add(s, "c3.txt", "Syldavia supported a cease-fire on the northern front.")
        assert _found(s, q) == expected


def test_alternatives_of_a_query() -> None:
    assert alternatives("cease-fire") == [[["cease", "fire"]], [["ceasefire"]]]
    assert alternatives("cease fire") == [[["cease"], ["fire"]], [["ceasefire"]]]
    assert alternatives("region's") == [[["region"], ["s"]]]
    assert alternatives("!!!") == [[]]
    many = " ".join(f"word{i}" for i in range(12))
    assert len(alternatives(many)) == 1  # long queries are not expanded


def test_highlight_pattern_marks_what_was_found() -> None:
    pattern = highlight_pattern("cease-fire supported")
    assert pattern is not None
    text = "It supports a ceasefire and a cease-fire; it fired nothing."
    assert [m.group(0) for m in pattern.finditer(text)] == ["supports", "ceasefire", "cease", "fire", "fired"]
    assert highlight_pattern("!!!") is None


def test_revision_0006_stems_an_index_built_before_it(db_url: str) -> None:
    with store_at(db_url, "0005_positions") as raw:  # the index of 0003, without stemming
        _add(raw, "c1.txt", "Two ceasefires have failed since May, Ruritania said.")
        if raw.engine.dialect.name == "sqlite":  # PostgreSQL's queries name the configuration 0006 makes
            assert _found(raw, "ceasefire") == set()
    with Store.open(db_url) as s:
        assert "0006_search_stemming" in s.migrations()
        assert _found(s, "ceasefire") == {"c1.txt"}
