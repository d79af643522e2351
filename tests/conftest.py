"""Fixtures shared by the whole suite."""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
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


def copy_rows(src: str, dst: str) -> None:
    """Copy every stored row of the database at ``src`` into the (migrated, empty) one at ``dst``."""
    from sqlalchemy import create_engine, select, text

    from stancemap.store import Store, schema

    Store.open(dst).close()  # the schema, by the migrations of the destination's engine
    source, target = create_engine(src), create_engine(dst)
    with source.connect() as read, target.begin() as write:
        for table in (schema.articles, schema.actors, schema.issues, schema.statements, schema.claims):
            rows = [dict(r._mapping) for r in read.execute(select(table))]
            if rows:
                write.execute(table.insert(), rows)
        if target.dialect.name == "postgresql":
            for name in ("statements", "claims"):
                write.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {name}), 0) + 1, false)"
                    )
                )
    source.dispose()
    target.dispose()


@pytest.fixture(scope="session")
def clone_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str, Path], str]]:
    """``clone(engine, sqlite_file)``: the URL of a fresh database on ``engine`` ("sqlite" or
    "postgresql") holding a copy of the file's rows; the PostgreSQL case is skipped when no
    server is configured. Clones are removed at the end of the session."""
    stack = ExitStack()
    folder = tmp_path_factory.mktemp("clones")
    n = itertools.count()

    def clone(engine: str, src: Path) -> str:
        if engine == "sqlite":
            dst = folder / f"clone-{next(n)}.sqlite"
            shutil.copy(src, dst)
            return f"sqlite:///{dst}"
        base = pg_url()
        if base is None:
            pytest.skip(PG_SKIP)
        url = stack.enter_context(fresh_pg_schema(base))
        copy_rows(f"sqlite:///{src}", url)
        return url

    yield clone
    stack.close()


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


#: Demo stories the web tests store: the ceasefire issue's articles, one with an IGO, one dense in quotes.
DEMO_SUBSET = ("8005869", "8008079", "8009771", "8010842", "8009004", "6180015")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding a few demo stories run through the real pipeline, with the demo issues.

    Built once per run (parsing costs time); tests that write must copy it first.
    """
    import json

    from stancemap.cli import demo_paths
    from stancemap.jobs.corpus import ingest_paths
    from stancemap.stance import load_issues
    from stancemap.store import Store

    folder = tmp_path_factory.mktemp("demo")
    corpus, issues_file = demo_paths()
    subset = folder / "subset.jsonl"
    with corpus.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as out:
        for line in src:
            if json.loads(line)["id"] in DEMO_SUBSET:
                out.write(line)
    path = folder / "demo.sqlite"
    with Store.open(f"sqlite:///{path}") as store:
        ingest_paths([subset], Settings(), store, load_issues(issues_file))
    return path
