"""Fixtures for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus").resolve()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The project's shared corpora (``shared/corpus`` beside the project root)."""
    if not (CORPUS / "seeds").is_dir() or not (CORPUS / "voa" / "voa_stories.jsonl").is_file():
        pytest.skip(f"the shared corpora are not beside the project root ({CORPUS}); CI provides them")
    return CORPUS
