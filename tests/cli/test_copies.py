"""Syndication through the CLI: the same story from two outlets is one article and one copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.cli import main

STORY = (
    "Ruritania will not recognize the referendum held in the occupied province, Ruritanian "
    "Foreign Minister Anna Kowalski said on Tuesday.\n\n"
    '"We call on Borduria to withdraw its troops," Kowalski told reporters in Strelsau.\n'
)
OTHER = "The Bordurian government said on Wednesday that the referendum was lawful and final.\n"


def _record(path: Path, name: str, outlet: str, url: str, text: str = STORY) -> Path:
    record = {"id": name, "text": text, "outlet": outlet, "url": url, "published": "2024-03-05"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _record(folder / "a.jsonl", "times-1", "Ruritania Times", "https://times.example/1")
    _record(folder / "b.jsonl", "post-9", "Borduria Post", "https://post.example/9")
    _record(folder / "c.jsonl", "wire-3", "Wire", "https://wire.example/3", OTHER)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, _ = capsys.readouterr()
    return code, out


def _articles(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, int]:
    code, out = run(capsys, "--db", db, "articles", "--format", "json")
    assert code == 0
    return {r["name"]: r["copies"] for r in json.loads(out)}


def test_one_run_stores_one_article_and_one_copy_and_a_rerun_adds_nothing(
    capsys: pytest.CaptureFixture[str], corpus: Path, db_url: str
) -> None:
    code, out = run(capsys, "--db", db_url, "ingest", str(corpus))
    assert code == 0
    assert "2 new, 1 already stored" in out and "copies of stored articles recorded: 1" in out
    assert _articles(capsys, db_url) == {"times-1": 1, "wire-3": 0}
    code, out = run(capsys, "--db", db_url, "ingest", str(corpus))
    assert code == 0
    assert "0 new, 3 already stored" in out and "copies" not in out
    assert _articles(capsys, db_url) == {"times-1": 1, "wire-3": 0}


def test_a_copy_met_in_a_later_run_is_recorded_too(
    capsys: pytest.CaptureFixture[str], corpus: Path, db_url: str
) -> None:
    run(capsys, "--db", db_url, "ingest", str(corpus / "a.jsonl"))
    code, out = run(capsys, "--db", db_url, "ingest", str(corpus / "b.jsonl"), str(corpus / "a.jsonl"))
    assert code == 0
    assert "0 new, 2 already stored" in out and "copies of stored articles recorded: 1" in out
    assert _articles(capsys, db_url) == {"times-1": 1}
