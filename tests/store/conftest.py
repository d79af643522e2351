"""Helpers of the store tests."""

from __future__ import annotations

from sqlalchemy import create_engine

from stancemap.store import Store
from stancemap.store.migrations import migrate


def store_at(url: str, revision: str) -> Store:
    """A store over the database at ``url`` made exactly at schema ``revision`` (no later one).

    Its writes are those of today's ``Store`` on that older schema, as far as they
    reach; the caller closes it, then ``Store.open`` upgrades the database.
    """
    engine = create_engine(url)
    with engine.begin() as conn:
        migrate(conn, revision)
    return Store(engine)
