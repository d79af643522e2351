"""Schema revisions: frozen, and a database made at any earlier one upgrades to the fresh schema.

Each case makes a database at an earlier revision (or as the release before Alembic
left it), puts rows in it, opens it with ``Store`` and checks that it reached the
head, that its schema equals a fresh database's on the same engine, and that the
rows read back: searched (the stemmed index), consolidated (positions) and copied.
"""

from __future__ import annotations

import ast
import re
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, inspect, text

from stancemap.errors import StoreError
from stancemap.store import Store
from stancemap.store.migrations import LEGACY, LEGACY_TABLE, REVISIONS, applied, migrate, revisions

from ..conftest import fresh_pg_schema, pg_url

LEGACY_DUMP = Path(__file__).with_name("data") / "legacy_release.sql"
TEXT = "Borduria rejects the Ruritanian vote as a sham, its foreign ministry said."
EVIDENCE = TEXT[:46]


@pytest.fixture()
def second_url(db_url: str, tmp_path: Path) -> Any:
    """Another clean database on the same engine as ``db_url``: the fresh one to compare with."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    else:  # db_url is PostgreSQL only when a server is configured
        with fresh_pg_schema(str(pg_url())) as url:
            yield url


def _at(url: str, revision: str) -> None:
    """Make the database at ``url`` hold the schema of ``revision`` exactly."""
    engine = create_engine(url)
    with engine.begin() as conn:
        migrate(conn, revision)
    engine.dispose()


def _fill(conn: Connection, revision: str) -> None:
    """Rows of every table ``revision`` has: an article, its statement and claim, a copy, a source."""
    done = revisions()[: revisions().index(revision) + 1]
    now = datetime(2021, 5, 2, 9, 30, tzinfo=UTC)
    conn.execute(
        text(
            "INSERT INTO articles (id, name, source, outlet, published, body_start, text, ingested_at) "
            "VALUES ('a1', 'borduria.txt', '/corpus/borduria.txt', 'Ruritania Times', :d, 0, :t, :now)"
        ),
        {"d": date(2021, 5, 1), "t": TEXT, "now": now},
    )
    conn.execute(text("INSERT INTO actors (code, name, kind) VALUES ('BRD', 'Borduria', 'state')"))
    conn.execute(
        text("INSERT INTO issues (id, title, description, added_at) VALUES ('vote', 'The vote', '', :now)"),
        {"now": now},
    )
    conn.execute(
        text(
            "INSERT INTO statements (article_id, seq, actor_code, actor_name, kind, evidence_start, "
            "evidence_end, evidence_text) VALUES ('a1', 0, 'BRD', 'Borduria', 'indirect', 0, :n, :e)"
        ),
        {"n": len(EVIDENCE), "e": EVIDENCE},
    )
    conn.execute(
        text(
            "INSERT INTO claims (statement_id, issue_id, target, polarity, reason) "
            "SELECT id, 'vote', 'the vote', 'oppose', 'verb' FROM statements"
        )
    )
    if "0007_article_copies" in done:
        conn.execute(
            text(
                "INSERT INTO article_copies (article_id, name, outlet, first_seen) "
                "VALUES ('a1', 'borduria-elsewhere.txt', 'Syldavia Daily', :now)"
            ),
            {"now": now},
        )
    if "0008_feeds" in done:
        conn.execute(
            text(
                "INSERT INTO feed_sources (url, kind, every_s) VALUES ('https://news.example/rss', 'rss', 60)"
            )
        )


def _snapshot(url: str) -> dict[str, Any]:
    """The schema of the database at ``url``, in terms that do not depend on how it was reached.

    Tables with their columns (by name: an added column comes last), keys, indexes
    and comments; on SQLite the triggers and the full-text table as written; on
    PostgreSQL the triggers, functions and text-search configurations of the schema.
    """
    engine = create_engine(url)
    out: dict[str, Any] = {}
    with engine.connect() as conn:
        insp = inspect(conn)
        for t in sorted(insp.get_table_names()):
            if t.startswith("statements_fts"):
                continue  # FTS5's own tables: compared below by their definition
            out[t] = {
                "columns": {
                    c["name"]: (str(c["type"]), c["nullable"], c.get("comment"), str(c.get("computed")))
                    for c in insp.get_columns(t)
                },
                "pk": insp.get_pk_constraint(t)["constrained_columns"],
                "fks": sorted(
                    (tuple(f["constrained_columns"]), f["referred_table"], str(sorted(f["options"].items())))
                    for f in insp.get_foreign_keys(t)
                ),
                "indexes": sorted(
                    (i["name"], tuple(i["column_names"]), i["unique"]) for i in insp.get_indexes(t)
                ),
                "unique": sorted(
                    (u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(t)
                ),
            }
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master WHERE type = 'trigger' OR name = 'statements_fts'"
            )
            out["sqlite"] = sorted((r[0], r[1], " ".join(r[2].split())) for r in rows)
        elif conn.dialect.name == "postgresql":
            here = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
            found = conn.exec_driver_sql(
                "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace "
                "UNION ALL SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p "
                "WHERE p.pronamespace = current_schema()::regnamespace "
                "UNION ALL SELECT cfgname, '' FROM pg_ts_config WHERE cfgnamespace = current_schema()::regnamespace"
            )
            out["postgresql"] = sorted((r[0], r[1].replace(f"{here}.", "")) for r in found)
    engine.dispose()
    return out


def _fresh(url: str) -> dict[str, Any]:
    Store.open(url).close()
    return _snapshot(url)


def _check_rows(store: Store, *, copies: int) -> None:
    """The rows written before the upgrade read back through every index the revisions made."""
    [st] = store.statements()
    assert st.to_spec()["evidence"]["text"] == EVIDENCE
    assert store.count_statements(q="rejected shams") == 1  # the stemmed index holds the old row
    assert [(e.issue_id, e.actor_code) for e in store.position_entries()] == [("vote", "BRD")]
    assert store.articles()[0]["copies"] == copies
    assert store.background(store.articles()[0]["id"]) == []


def test_a_fresh_database_is_at_the_head_and_reopening_runs_nothing(db_url: str) -> None:
    with Store.open(db_url) as s:
        assert s.migrations() == revisions()
        with s.engine.begin() as conn:
            assert migrate(conn) == []
    with Store.open(db_url) as s:
        assert s.migrations() == revisions()


def test_revisions_are_numbered_without_gaps() -> None:
    numbers = [int(r.split("_")[0]) for r in revisions()]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("start", revisions()[:-1])
def test_a_database_made_at_an_earlier_revision_upgrades_to_the_fresh_schema(
    db_url: str, second_url: str, start: str
) -> None:
    _at(db_url, start)
    engine = create_engine(db_url)
    with engine.begin() as conn:
        assert applied(conn)[-1] == start
        _fill(conn, start)
    engine.dispose()
    with Store.open(db_url) as store:
        assert store.migrations() == revisions()
        _check_rows(
            store, copies=1 if "0007_article_copies" in revisions()[: revisions().index(start) + 1] else 0
        )
    assert _snapshot(db_url) == _fresh(second_url)


@pytest.mark.parametrize("last", list(LEGACY))
def test_a_database_of_the_release_before_alembic_is_stamped_and_upgraded(
    db_url: str, second_url: str, last: str
) -> None:
    """Rebuilt at each migration the release recorded: the schema of the revision it became,
    with its names in ``schema_migrations`` instead of Alembic's stamp."""
    names = list(LEGACY)[: list(LEGACY).index(last) + 1]
    _at(db_url, LEGACY[last])
    engine = create_engine(db_url)
    with engine.begin() as conn:
        _fill(conn, LEGACY[last])
        conn.exec_driver_sql("DROP TABLE alembic_version")
        conn.exec_driver_sql(
            f"CREATE TABLE {LEGACY_TABLE} (name VARCHAR(100) PRIMARY KEY, applied_at TIMESTAMP)"
        )
        for name in names:
            conn.execute(text(f"INSERT INTO {LEGACY_TABLE} (name) VALUES (:n)"), {"n": name})
    engine.dispose()
    with Store.open(db_url) as store:
        assert store.migrations() == revisions()
        _check_rows(store, copies=1 if "0008_article_copies" in names else 0)
        assert not inspect(store.engine).has_table(LEGACY_TABLE)
    assert _snapshot(db_url) == _fresh(second_url)


def _load_legacy_dump(path: Path) -> str:
    con = sqlite3.connect(path)
    con.executescript(LEGACY_DUMP.read_text(encoding="utf-8"))
    con.commit()
    con.close()
    return f"sqlite:///{path}"


def test_the_database_made_by_the_release_itself_upgrades_to_the_fresh_schema(tmp_path: Path) -> None:
    """``data/legacy_release.sql``: a database that the release's own migration code made
    (before Alembic), rows included; its column order and DDL are that code's, not the revisions'."""
    url = _load_legacy_dump(tmp_path / "release.sqlite")
    with Store.open(url) as store:
        assert store.migrations() == revisions()
        assert not inspect(store.engine).has_table(LEGACY_TABLE)
        assert store.count_statements() == 2
        assert {s.article for s in store.statements(q="rejected")} == {"ruritania-1.txt"}
        assert {s.article for s in store.statements(q="supported")} == {"ruritania-2.txt"}
        assert len(store.position_entries(stale=True)) == 2
        assert sorted(a["copies"] for a in store.articles()) == [0, 1]
        assert [s.url for s in store.feed_sources()] == ["https://news.example/feed.xml"]
    assert _snapshot(url) == _fresh(f"sqlite:///{tmp_path / 'fresh.sqlite'}")


def test_a_migration_history_no_release_wrote_is_refused(tmp_path: Path) -> None:
    url = _load_legacy_dump(tmp_path / "release.sqlite")
    con = sqlite3.connect(tmp_path / "release.sqlite")
    con.execute(f"DELETE FROM {LEGACY_TABLE} WHERE name = '0005_filter_indexes'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="cannot be upgraded"):
        Store.open(url)


def test_revisions_import_nothing_of_stancemap() -> None:
    """Frozen: a revision's DDL is written out in it, so a change to the live schema or its
    helpers never changes a revision that has shipped."""
    files = sorted((REVISIONS / "versions").glob("[0-9]*.py"))
    assert [re.sub(r"\.py$", "", f.name) for f in files] == revisions()
    for f in files:
        tree = ast.parse(f.read_text(encoding="utf-8"))
        imported = {
            (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert imported <= {"__future__", "alembic", "sqlalchemy"}, f.name


def test_the_alembic_command_of_developers_upgrades_a_database_of_the_release(tmp_path: Path) -> None:
    """DEVELOPERS.md's ``alembic -x db=URL upgrade head``, run from the project root
    (``[tool.alembic]`` in pyproject.toml), adopts a database of the release before as ``Store.open`` does."""
    url = _load_legacy_dump(tmp_path / "release.sqlite")
    root = Path(__file__).resolve().parents[2]
    for args in (["upgrade", "head"], ["current"]):
        done = subprocess.run(
            [sys.executable, "-m", "alembic", "-x", f"db={url}", *args],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert f"{revisions()[-1]} (head)" in done.stdout
    assert _snapshot(url) == _fresh(f"sqlite:///{tmp_path / 'fresh.sqlite'}")


def test_a_failed_upgrade_leaves_the_database_as_it_was(db_url: str, second_url: str) -> None:
    """All revisions run in one transaction, DDL included (SQLite too): a revision that
    fails leaves no earlier one half done, and the upgrade runs again once the cause is gone."""
    _at(db_url, "0002_statement_date_basis")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE feed_sources (url TEXT)")  # in the way of 0008
    with pytest.raises(StoreError, match="feed_sources"):
        Store.open(db_url)
    with engine.begin() as conn:
        assert applied(conn)[-1] == "0002_statement_date_basis"
        assert not {"statements_fts", "positions", "article_copies"} & set(inspect(conn).get_table_names())
        conn.exec_driver_sql("DROP TABLE feed_sources")
    engine.dispose()
    Store.open(db_url).close()
    assert _snapshot(db_url) == _fresh(second_url)
