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

from sqlalchemy import Engine, and_, delete, or_, select, update

from . import schema

__all__ = ["PositionEntry", "PositionsTable"]


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
