"""The stored positions table: each (issue, actor) position kept consolidated.

Consolidating an issue's claims (``stancemap.jobs.consolidate``) means reading every
claim with its evidence and comparing reports; over a million statements that is
a few hundred milliseconds an issue, far too slow to do on every page view. So
the result is kept per (issue, actor) in the ``positions`` table, as JSON, and
only the positions whose claims changed are computed again.

Staleness is kept by the database itself, not by the code that writes: triggers
on ``claims``, ``statements``, ``articles`` and ``article_copies`` raise the ``version`` of every
(issue, actor) row whose claims were added, changed or removed (and create the
row for a new pair). A row is current when its ``built`` version equals its
``version``. A refresh saves its result only if the version it read is still the
version stored (compare and set), so a position computed while an ingest added
claims to it stays stale instead of hiding them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, or_, select, update

from . import schema

__all__ = ["PositionEntry", "PositionsTable", "create_copies_triggers", "create_positions_table"]

_SQLITE_TRIGGERS = [
    # a new claim on an issue: its (issue, actor) row is created or made stale
    """CREATE TRIGGER IF NOT EXISTS positions_claim_insert AFTER INSERT ON claims
    WHEN new.issue_id IS NOT NULL BEGIN
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT new.issue_id, actor_code, 1 FROM statements WHERE id = new.statement_id
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END""",
    """CREATE TRIGGER IF NOT EXISTS positions_claim_delete AFTER DELETE ON claims
    WHEN old.issue_id IS NOT NULL BEGIN
      UPDATE positions SET version = version + 1 WHERE issue_id = old.issue_id
        AND actor_code IN (SELECT actor_code FROM statements WHERE id = old.statement_id);
    END""",
    """CREATE TRIGGER IF NOT EXISTS positions_claim_update AFTER UPDATE ON claims BEGIN
      UPDATE positions SET version = version + 1 WHERE issue_id = old.issue_id
        AND actor_code IN (SELECT actor_code FROM statements WHERE id = old.statement_id);
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT new.issue_id, actor_code, 1 FROM statements
        WHERE id = new.statement_id AND new.issue_id IS NOT NULL
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END""",
    # a statement deleted (with its claims, by cascade) or edited: every position of its actor
    """CREATE TRIGGER IF NOT EXISTS positions_statement_delete AFTER DELETE ON statements BEGIN
      UPDATE positions SET version = version + 1 WHERE actor_code = old.actor_code;
    END""",
    """CREATE TRIGGER IF NOT EXISTS positions_statement_update AFTER UPDATE ON statements BEGIN
      UPDATE positions SET version = version + 1 WHERE actor_code = old.actor_code;
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT issue_id, new.actor_code, 1 FROM claims
        WHERE statement_id = new.id AND issue_id IS NOT NULL
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END""",
    # an article's name, outlet or date appear in its positions' evidence
    """CREATE TRIGGER IF NOT EXISTS positions_article_update AFTER UPDATE ON articles BEGIN
      UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
        (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
         WHERE s.article_id = old.id);
    END""",
]

_PG_FUNCTIONS = """
CREATE OR REPLACE FUNCTION positions_claims_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO positions (issue_id, actor_code, version)
    SELECT DISTINCT n.issue_id, s.actor_code, 1 FROM new_claims n JOIN statements s ON s.id = n.statement_id
    WHERE n.issue_id IS NOT NULL ORDER BY 1, 2
    ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = positions.version + 1;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION positions_claim_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions p SET version = p.version + 1 FROM statements s
    WHERE s.id = OLD.statement_id AND p.issue_id = OLD.issue_id AND p.actor_code = s.actor_code;
  IF TG_OP = 'UPDATE' AND NEW.issue_id IS NOT NULL THEN
    INSERT INTO positions (issue_id, actor_code, version)
      SELECT NEW.issue_id, s.actor_code, 1 FROM statements s WHERE s.id = NEW.statement_id
      ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = positions.version + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION positions_statement_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions SET version = version + 1 WHERE actor_code = OLD.actor_code;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO positions (issue_id, actor_code, version)
      SELECT DISTINCT c.issue_id, NEW.actor_code, 1 FROM claims c
      WHERE c.statement_id = NEW.id AND c.issue_id IS NOT NULL
      ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = positions.version + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION positions_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
    (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
     WHERE s.article_id = OLD.id);
  RETURN NULL;
END $$;
"""

_PG_TRIGGERS = [
    # (name, table, when and how): the insert trigger is per statement, with a transition
    # table, so a batch of claims costs one upsert rather than one per claim
    (
        "positions_claims_inserted",
        "claims",
        "AFTER INSERT ON claims REFERENCING NEW TABLE AS new_claims "
        "FOR EACH STATEMENT EXECUTE FUNCTION positions_claims_inserted()",
    ),
    (
        "positions_claim_changed",
        "claims",
        "AFTER UPDATE OR DELETE ON claims FOR EACH ROW EXECUTE FUNCTION positions_claim_changed()",
    ),
    (
        "positions_statement_changed",
        "statements",
        "AFTER UPDATE OR DELETE ON statements FOR EACH ROW EXECUTE FUNCTION positions_statement_changed()",
    ),
    (
        "positions_article_changed",
        "articles",
        "AFTER UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION positions_article_changed()",
    ),
]


#: A copy recorded or removed changes the sources of every position its article carries.
_SQLITE_COPY_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS positions_copy_{op.lower()} AFTER {op} ON article_copies BEGIN
      UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
        (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
         WHERE s.article_id = {row}.article_id);
    END"""
    for op, row in (("INSERT", "new"), ("DELETE", "old"))
]

_PG_COPY_FUNCTION = """
CREATE OR REPLACE FUNCTION positions_copies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
    (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
     WHERE s.article_id IN (SELECT article_id FROM changed_copies));
  RETURN NULL;
END $$;
"""

#: Per statement with a transition table: a batch of copies costs one update, not one per copy.
_PG_COPY_TRIGGERS = [
    (
        f"positions_copies_{op.lower()}",
        f"AFTER {op} ON article_copies REFERENCING {table} TABLE AS changed_copies "
        "FOR EACH STATEMENT EXECUTE FUNCTION positions_copies_changed()",
    )
    for op, table in (("INSERT", "NEW"), ("DELETE", "OLD"))
]


def create_copies_triggers(conn: Connection) -> None:
    """Migration 0008: triggers that make a position stale when its articles gain or lose copies."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_PG_COPY_FUNCTION)
        for name, how in _PG_COPY_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON article_copies")
            conn.exec_driver_sql(f"CREATE TRIGGER {name} {how}")
    elif conn.dialect.name == "sqlite":
        for ddl in _SQLITE_COPY_TRIGGERS:
            conn.exec_driver_sql(ddl)


def create_positions_table(conn: Connection) -> None:
    """Create ``positions`` and its triggers, with a stale row for every (issue, actor) stored."""
    schema.positions.create(conn, checkfirst=True)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_PG_FUNCTIONS)
        for name, table, how in _PG_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(f"CREATE TRIGGER {name} {how}")
    elif conn.dialect.name == "sqlite":
        for ddl in _SQLITE_TRIGGERS:
            conn.exec_driver_sql(ddl)
    # On any other engine no trigger marks rows stale, and ``keeps_positions`` is False.
    conn.exec_driver_sql(
        "INSERT INTO positions (issue_id, actor_code, version) "
        "SELECT DISTINCT c.issue_id, s.actor_code, 1 FROM claims c "
        "JOIN statements s ON s.id = c.statement_id WHERE c.issue_id IS NOT NULL"
    )


@dataclass(frozen=True)
class PositionEntry:
    """One row of ``positions``: the pair, its version, and the JSON built for ``built`` (if any)."""

    issue_id: str
    actor_code: str
    version: int
    built: int | None
    payload: str | None

    @property
    def current(self) -> bool:
        return self.payload is not None and self.built == self.version


class PositionsTable:
    """Reads and compare-and-set writes of ``positions``; mixed into ``Store``."""

    engine: Engine

    @property
    def keeps_positions(self) -> bool:
        """Whether this engine's triggers keep ``positions`` current (SQLite and PostgreSQL)."""
        return self.engine.dialect.name in ("sqlite", "postgresql")

    def position_entries(
        self, *, issue: str | None = None, actor: str | None = None, stale: bool = False
    ) -> list[PositionEntry]:
        """The rows of ``positions`` for an issue and/or an actor (all if neither).

        With ``stale``, only the rows whose claims changed since they were built.
        """
        p = schema.positions
        q = select(p.c.issue_id, p.c.actor_code, p.c.version, p.c.built, p.c.payload)
        if issue is not None:
            q = q.where(p.c.issue_id == issue)
        if actor is not None:
            q = q.where(p.c.actor_code == actor)
        if stale:
            q = q.where(or_(p.c.built.is_(None), p.c.built != p.c.version))
        with self.engine.connect() as conn:
            return [PositionEntry(*r) for r in conn.execute(q)]

    def save_positions(self, built: Iterable[tuple[PositionEntry, dict[str, Any] | None]]) -> int:
        """Store each entry's new position (None: it has no claims left), if its version is unchanged.

        Returns how many were saved; the others changed meanwhile and stay stale.
        """
        p = schema.positions
        saved = 0
        with self.engine.begin() as conn:
            for entry, position in built:
                same = and_(
                    p.c.issue_id == entry.issue_id,
                    p.c.actor_code == entry.actor_code,
                    p.c.version == entry.version,
                )
                if position is None:
                    result = conn.execute(delete(p).where(same))
                else:
                    payload = json.dumps(position, ensure_ascii=False, separators=(",", ":"))
                    result = conn.execute(update(p).where(same).values(built=entry.version, payload=payload))
                saved += result.rowcount
        return saved
