"""Fixtures shared by the whole suite."""

from __future__ import annotations

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
