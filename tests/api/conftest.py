"""The app in-process over the demo subset: a read-only client and a writable one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.config import Settings

TOKEN = "test-token-123"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine the API runs on (PostgreSQL when STANCEMAP_TEST_PG_URL is set)."""
    return str(request.param)


@pytest.fixture(scope="module")
def client(demo_db: Path, engine: str, clone_db: Callable[[str, Path], str]) -> Iterator[TestClient]:
    """Reads over the demo database on each engine (no test may write through it)."""
    url = f"sqlite:///{demo_db}" if engine == "sqlite" else clone_db(engine, demo_db)
    app = create_app(Settings(db=url, api_token=TOKEN))
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def writable(demo_db: Path, engine: str, clone_db: Callable[[str, Path], str]) -> Iterator[TestClient]:
    """A client over a fresh copy of the demo database, with writes enabled."""
    app = create_app(Settings(db=clone_db(engine, demo_db), api_token=TOKEN))
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def readonly_server(demo_db: Path, engine: str, clone_db: Callable[[str, Path], str]) -> Iterator[TestClient]:
    """A client over a copy of the demo database on a server with no api_token: writes are disabled."""
    with TestClient(create_app(Settings(db=clone_db(engine, demo_db)))) as c:
        yield c
