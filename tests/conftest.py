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


#: Demo stories the web tests store: the ceasefire issue's articles, one with an IGO, one dense in quotes.
DEMO_SUBSET = ("8005869", "8008079", "8009771", "8010842", "8009004", "6180015")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding a few demo stories run through the real pipeline, with the demo issues.

    Built once per run (parsing costs time); tests that write must copy it first.
    """
    import json

    from stancemap.batch import ingest_paths
    from stancemap.cli import demo_paths
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
