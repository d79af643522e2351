"""Fixtures for the watch tests: a local HTTP server, settings for it, a feeds file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from stancemap.config import Settings

from .server import LocalServer


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    srv = LocalServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture()
def watch_settings(tmp_path: Path) -> Settings:
    """Settings for a local server: no wait between requests, quick timeouts and retries."""
    return Settings(
        db=f"sqlite:///{tmp_path / 'watch.sqlite'}",
        watch_host_interval_ms=0,
        watch_timeout_s=1,
        watch_retries=1,
        watch_backoff_ms=10,
        watch_max_bytes=200_000,
    )
