"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from stancemap.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared folder (corpora, gold, scorer), beside the project root."""
    if not (SHARED / "spec" / "statements.md").exists():
        pytest.skip(f"../shared is not beside the project root ({SHARED}); CI provides it")
    return SHARED


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    """Default settings with a throw-away SQLite database."""
    return Settings(db=f"sqlite:///{tmp_path / 'test.sqlite'}")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy pipeline with stancemap's components (loaded once per run)."""
    from stancemap.extract.pipeline import load_pipeline

    return load_pipeline(Settings().model)


#: Where the PostgreSQL tests find their server; `.ci/run` starts one and sets it.
PG_URL_ENV = "STANCEMAP_TEST_PG_URL"
PG_SKIP = (
    f"set {PG_URL_ENV}=postgresql+psycopg://USER@HOST:PORT/DB to run the PostgreSQL tests "
    '(`eval "$(.ci/postgres start)"` starts a throw-away server and sets it)'
)


def pg_url() -> str | None:
    """The PostgreSQL URL of the test server, or None when none is configured."""
    return os.environ.get(PG_URL_ENV) or None


@contextmanager
def fresh_pg_schema(base: str) -> Iterator[str]:
    """A URL whose connections work in a new, empty schema of ``base``'s database; dropped after.

    A schema per test is much cheaper than a database per test and just as clean:
    the store's tables, indexes and migrations all live in the schema on the search path.
    """
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {name}"))
    except Exception as e:  # noqa: BLE001 - any failure here means the server is not usable
        admin.dispose()
        pytest.fail(f"{PG_URL_ENV}={base!r} cannot be used: {e}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={name}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A clean database URL on each engine: a fresh SQLite file, and a fresh PostgreSQL schema.

    The PostgreSQL case is skipped, saying how to run it, when no server is configured.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite'}"
        return
    base = pg_url()
    if base is None:
        pytest.skip(PG_SKIP)
    with fresh_pg_schema(base) as url:
        yield url
