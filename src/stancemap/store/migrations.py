"""Schema revisions, run by Alembic from inside the package: frozen, named, recorded.

Each change of the schema is one Alembic revision in ``revisions/versions/``, with
its DDL written out for SQLite and PostgreSQL; a revision that has shipped never
changes, and imports nothing of the live schema (``schema.py``), so a database
made at any revision upgrades the same way today as the day it shipped.
``Store.open`` calls ``migrate``: it runs every revision the database lacks, in
the caller's transaction, with no ``alembic.ini`` (DEVELOPERS.md says how to add
a revision).

Databases made before Alembic recorded their migrations by name in
``schema_migrations``; ``adopt_legacy`` stamps such a database with the revision
its last recorded migration became (``LEGACY``) and drops that table, so it then
upgrades like any other.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from ..errors import StoreError

__all__ = ["LEGACY", "LEGACY_TABLE", "REVISIONS", "adopt_legacy", "applied", "head", "migrate", "revisions"]

#: Alembic's script directory: ``env.py`` and the revisions, shipped inside the package.
REVISIONS = Path(__file__).with_name("revisions")
#: Where the release before Alembic recorded the migrations it had applied.
LEGACY_TABLE = "schema_migrations"
#: Each migration name of that release, in the order it applied them, and the revision it is.
LEGACY = {
    "0001_initial": "0001_initial",
    "0002_statement_date_basis": "0002_statement_date_basis",
    "0004_evidence_search": "0003_evidence_search",
    "0005_filter_indexes": "0004_filter_indexes",
    "0006_positions": "0005_positions",
    "0007_search_stemming": "0006_search_stemming",
    "0008_article_copies": "0007_article_copies",
    "0009_feeds": "0008_feeds",
}


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    return ScriptDirectory(str(REVISIONS))


def alembic_config(connection: Connection) -> Config:
    """An Alembic configuration in memory that runs the package's revisions on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(REVISIONS))
    config.attributes["connection"] = connection
    return config


def revisions() -> list[str]:
    """Every revision of the schema, oldest first."""
    return [s.revision for s in reversed(list(_script().walk_revisions()))]


def head() -> str:
    """The newest revision: the schema this version of stancemap reads and writes."""
    top = _script().get_current_head()
    assert top is not None, "the package ships its revisions"
    return top


def current(conn: Connection) -> str | None:
    """The revision the database is at (None: no revision applied yet)."""
    return MigrationContext.configure(conn).get_current_revision()


def applied(conn: Connection) -> list[str]:
    """The revisions this database has applied, oldest first."""
    return _chain(current(conn))


def _chain(at: str | None) -> list[str]:
    if at is None:
        return []
    return list(reversed([s.revision for s in _script().iterate_revisions(at, "base")]))


def adopt_legacy(conn: Connection) -> str | None:
    """Stamp a database made before Alembic with the revision it holds; return that revision.

    Its ``schema_migrations`` names the migrations it applied, always a first run of
    ``LEGACY`` in order; the database is stamped with the revision of the last one, and
    the table is dropped. Returns None (and changes nothing) for any other database.
    Raises ``StoreError`` for a history this release did not write.
    """
    if current(conn) is not None:
        return None
    return _adopt(conn)


def _adopt(conn: Connection) -> str | None:
    if not inspect(conn).has_table(LEGACY_TABLE):
        return None
    names = {r[0] for r in conn.exec_driver_sql(f"SELECT name FROM {LEGACY_TABLE}")}
    order = list(LEGACY)
    done = order[: len(names)]
    if set(done) != names:
        raise StoreError(
            f"the database records migrations {sorted(names)} in {LEGACY_TABLE}, which no release of "
            "stancemap applied together: it cannot be upgraded"
        )
    revision = LEGACY[done[-1]] if done else None
    if revision is not None:
        MigrationContext.configure(conn).stamp(_script(), revision)
    conn.exec_driver_sql(f"DROP TABLE {LEGACY_TABLE}")
    return revision


def migrate(conn: Connection, target: str = "head") -> list[str]:
    """Run every revision up to ``target`` that the database lacks; return those run now.

    A database from before Alembic is adopted first (``adopt_legacy``). A database
    already at ``target`` costs one query.
    """
    at = current(conn)
    if at is None:
        at = _adopt(conn)
    if at == (head() if target == "head" else target):
        return []
    before = set(_chain(at))
    command.upgrade(alembic_config(conn), target)
    return [r for r in applied(conn) if r not in before]
