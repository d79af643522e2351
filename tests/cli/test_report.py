"""positions, timeline, export and issues suggest through the CLI, on a real database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from stancemap.cli import main

ISSUES = """
[[issue]]
id = "rur-referendum"
title = "The referendum in the occupied region of Ruritania"
description = "support: accepts the referendum. oppose: rejects it."
"""

ARTICLES = {
    "one.txt": """ date 2021-05-12

Chile will never recognize this so-called plebiscite staged in the occupied province of Ruritania, Chilean Foreign Minister Anna Kowalski said in a briefing on Tuesday.
""",
    "two.txt": """ date 2021-05-13

Peru welcomed the referendum in the occupied region of Ruritania, the Peruvian foreign ministry said in a statement on Wednesday.

Chile condemned the construction of the dam on the Atrato river, the Chilean foreign minister said.
""",
    "three.txt": """ date 2021-05-14

Uruguay also condemned the construction of the dam on the Atrato river, the Uruguayan president said on Thursday.
""",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("report")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (root / "issues.toml").write_text(ISSUES, encoding="utf-8")
    url = f"sqlite:///{root / 'r.sqlite'}"
    assert main(["--db", url, "ingest", str(corpus), "--issues", str(root / "issues.toml")]) == 0
    return url


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_ingest_leaves_the_stored_positions_consolidated(db: str) -> None:
    from stancemap.store import Store

    with Store.open(db) as store:
        entries = store.position_entries(issue="rur-referendum")
        assert {e.actor_code for e in entries} == {"CHL", "PER"}
        # built by the ingest, not left to the first reader (this test runs before any read)
        assert all(e.current for e in entries)


def test_positions_give_each_actor_its_stance(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["--db", db, "positions", "--issue", "rur-referendum", "--format", "json"])
    assert isinstance(rows, list)
    assert {r["actor"]: r["stance"] for r in rows} == {"CHL": "oppose", "PER": "support"}
    chile = next(r for r in rows if r["actor"] == "CHL")
    assert chile["best"]["speaker"] == "Anna Kowalski" and chile["best"]["channel"] == "briefing"


def test_timeline_is_in_date_order(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["--db", db, "timeline", "--issue", "rur-referendum", "--format", "json"])
    assert isinstance(rows, list) and len(rows) == 2
    assert [r["polarity"] for r in rows] == ["oppose", "support"]
    assert rows[0]["date"] <= rows[1]["date"]


def test_unknown_issue_exits_3(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "positions", "--issue", "nope"]) == 3
    assert "no issue 'nope'" in capsys.readouterr().err
    assert main(["--db", db, "export", "--issue", "nope"]) == 2


def test_export_formats_agree(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", db, "export"]) == 0
    jsonl = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(jsonl) >= 4 and all("claims" in r and "evidence" in r for r in jsonl)
    as_json = _json(capsys, ["--db", db, "export", "--format", "json"])
    assert as_json == jsonl
    assert main(["--db", db, "export", "--format", "csv", "--out", str(tmp_path / "s.csv")]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8"))))
    assert [int(r["id"]) for r in rows] == [r["id"] for r in jsonl]
    pq = pytest.importorskip("pyarrow.parquet")
    assert main(["--db", db, "export", "--format", "parquet", "--out", str(tmp_path / "s.parquet")]) == 0
    table = pq.read_table(tmp_path / "s.parquet")
    assert table.column("id").to_pylist() == [r["id"] for r in jsonl]
    assert main(["--db", db, "export", "--format", "parquet"]) == 2  # needs --out


def test_issues_suggest_proposes_the_untracked_dam(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    found = _json(capsys, ["--db", db, "issues", "suggest", "--format", "json"])
    assert isinstance(found, list) and found
    top = found[0]
    assert "dam" in top["title"].lower() and top["statements"] == 2 and top["oppose"] == 2
    capsys.readouterr()
    assert main(["--db", db, "issues", "suggest", "--format", "toml"]) == 0
    draft = capsys.readouterr().out
    from stancemap.stance import parse_issues

    (issue,) = parse_issues(draft)
    assert issue.id == top["id"]


def test_statements_filter_by_words_stance_and_kind(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    dam = _json(capsys, ["--db", db, "statements", "-q", "Atrato dam", "--format", "json"])
    assert isinstance(dam, list) and len(dam) == 2
    assert all("Atrato" in r["evidence"]["text"] for r in dam)
    support = _json(capsys, ["--db", db, "statements", "--polarity", "support", "--format", "json"])
    assert isinstance(support, list) and [r["actor"] for r in support] == ["PER"]
    summaries = _json(capsys, ["--db", db, "statements", "--kind", "summary", "--format", "json"])
    assert summaries == []
