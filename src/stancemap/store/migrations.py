"""Named, recorded schema migrations.

Each migration is a function of a connection, applied once, in order, inside the
same transaction that records its name in ``schema_migrations``. A database
therefore always says which version of the schema it holds, and opening an older
database brings it up to date. Add new migrations at the end; never edit one
that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select, text

from . import schema
from .copies import create_copies_table
from .feeds import create_feed_tables
from .positions import create_copies_triggers, create_positions_table
from .search import create_search_index, stem_search_index

__all__ = ["MIGRATIONS", "applied", "migrate"]

Migration = Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    # A fresh database gets the current tables at once; the later migrations check
    # before they alter, so a fresh database and an upgraded one end up the same.
    for table in (schema.articles, schema.actors, schema.issues, schema.statements, schema.claims):
        table.create(conn, checkfirst=True)


def _add_column(conn: Connection, table: str, column: str, ddl_type: str) -> None:
    if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl_type}"))


def _date_basis(conn: Connection) -> None:
    _add_column(conn, "statements", "date_basis", "VARCHAR(10)")


def _evidence_search(conn: Connection) -> None:
    # Each engine's own full-text index over the evidence (``search.py`` queries it).
    create_search_index(conn)
    if conn.dialect.name == "postgresql":
        # SQLite ignores VARCHAR lengths, PostgreSQL enforces them: an article named by a
        # long URL, or a long outlet name, must not fail on one engine and pass on the other.
        conn.execute(text("ALTER TABLE articles ALTER COLUMN name TYPE TEXT, ALTER COLUMN outlet TYPE TEXT"))


def _filter_indexes(conn: Connection) -> None:
    # The statement filters at scale (benchmarks/query_speed.py, 1,000,000 statements):
    # an actor within a date range walks one index range instead of every statement of
    # the actor; an outlet finds its articles without scanning them all.
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_statements_actor_date ON statements (actor_code, date)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_outlet ON articles (outlet)"))


def _positions(conn: Connection) -> None:
    # Consolidated positions kept per (issue, actor), made stale by triggers (``positions.py``).
    create_positions_table(conn)


def _search_stemming(conn: Connection) -> None:
    # "cease-fire", "cease fire" and "ceasefires" find "ceasefire": the index stems (``search.py``).
    stem_search_index(conn)


def _article_copies(conn: Connection) -> None:
    # Syndication: another outlet's word-for-word run of a stored article is kept as a
    # copy of it (``copies.py``), a second source, instead of being dropped; a position
    # counts its articles' copies among its sources, so a new copy makes it stale.
    create_copies_table(conn)
    create_copies_triggers(conn)


def _feeds(conn: Connection) -> None:
    # What `stancemap watch` remembers between runs: sources, entries with raw pages, errors.
    create_feed_tables(conn)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_initial", _initial),
    ("0002_statement_date_basis", _date_basis),
    ("0004_evidence_search", _evidence_search),
    ("0005_filter_indexes", _filter_indexes),
    ("0006_positions", _positions),
    ("0007_search_stemming", _search_stemming),
    ("0008_article_copies", _article_copies),
    ("0009_feeds", _feeds),
]


def applied(conn: Connection) -> list[str]:
    """Names of the migrations this database has recorded, in order applied."""
    schema.migrations_table.create(conn, checkfirst=True)
    rows = conn.execute(select(schema.migrations_table.c.name).order_by(schema.migrations_table.c.name))
    return [r[0] for r in rows]


def migrate(conn: Connection) -> list[str]:
    """Apply every migration this database lacks; return the names applied now."""
    done = set(applied(conn))
    now: list[str] = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        step(conn)
        conn.execute(schema.migrations_table.insert().values(name=name, applied_at=datetime.now(UTC)))
        now.append(name)
    return now
