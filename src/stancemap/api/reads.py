"""The one read the store does not offer yet: an actor by its code.

Read-only, through ``store.engine`` and the shared schema; everything else the
web layer shows comes from ``Store`` methods and ``stancemap.positions``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..store import Store, schema

__all__ = ["actor_row"]


def actor_row(store: Store, code: str) -> dict[str, Any] | None:
    """The actor ``code`` (code, name, kind) with how many statements it has, or None."""
    a, s = schema.actors, schema.statements
    n = select(func.count()).where(s.c.actor_code == a.c.code).scalar_subquery()
    q = select(a.c.code, a.c.name, a.c.kind, n.label("statements")).where(a.c.code == code)
    with store.engine.connect() as conn:
        row = conn.execute(q).first()
    return dict(row._mapping) if row is not None else None
