"""The app in-process over the demo subset: a read-only client and a writable one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stancemap.api import create_app
from stancemap.config import Settings

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    """Reads over the shared demo database (no test may write through it)."""
    app = create_app(Settings(db=f"sqlite:///{demo_db}", api_token=TOKEN))
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def writable(demo_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client over a fresh copy of the demo database, with writes enabled."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(demo_db, copy)
    app = create_app(Settings(db=f"sqlite:///{copy}", api_token=TOKEN))
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def readonly_server(demo_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client over a copy of the demo database on a server with no api_token: writes are disabled."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(demo_db, copy)
    with TestClient(create_app(Settings(db=f"sqlite:///{copy}"))) as c:
        yield c
