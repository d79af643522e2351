"""Alembic's environment for stancemap's schema revisions.

``Store.open`` runs the revisions programmatically (``store.migrations``): it hands
its own connection over in ``config.attributes["connection"]``, so the whole upgrade
is one transaction of the caller's, and no ``alembic.ini`` is needed. The
``alembic`` command line (``[tool.alembic]`` in the project's ``pyproject.toml``)
reaches the same environment for developers: ``alembic revision`` writes a new
revision, and ``alembic -x db=URL upgrade head`` upgrades a database by URL
(``STANCEMAP_DB`` when no ``-x db`` is given), adopting one made before Alembic
first, as ``Store.open`` does.

``target_metadata`` is the live schema, for ``alembic revision --autogenerate``
to compare against; what it proposes is a draft to read and write out by hand
(the full-text index and triggers are engine-specific and invisible to it; on
PostgreSQL it proposes VARCHAR for article names and outlets, TEXT there since 0003).
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, create_engine

from stancemap.store import schema
from stancemap.store.migrations import adopt_legacy

#: What the live metadata does not describe, by kind: each engine's full-text index
#: (SQLite's FTS5 table and its shadow tables; PostgreSQL's column and its GIN index).
_UNMODELLED = {
    "table": ("statements_fts",),
    "column": ("evidence_tsv",),
    "index": ("ix_statements_evidence_fts",),
}


def _include(obj: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    return not (name is not None and name.startswith(_UNMODELLED.get(kind, ())))


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=schema.metadata, include_object=_include)
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("db") or os.environ.get("STANCEMAP_DB")
    if not url:
        raise SystemExit("give the database: alembic -x db=sqlite:///stancemap.sqlite ... (or STANCEMAP_DB)")
    return url


if context.is_offline_mode():
    raise SystemExit("stancemap's revisions run against a database (some check what is there): no --sql")
given = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    engine = create_engine(_url())
    try:
        with engine.begin() as conn:
            adopt_legacy(conn)  # a database from before Alembic is stamped first, as Store.open does
            _run(conn)
    finally:
        engine.dispose()
