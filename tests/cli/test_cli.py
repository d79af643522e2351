"""The CLI through its entry function, on short articles of our own and a real database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from stancemap.cli import main

ARTICLE = """ date 2021-05-12 By A. Writer

Ruritania will never recognize this so-called plebiscite staged in the occupied province, Ruritanian Foreign Minister Anna Kowalski said in a briefing on Tuesday.

"We call on all sides to return to negotiations without delay," Kowalski said.
"""

OTHER = """ date 2021-05-13

The European Union rejected the results of the vote, its spokesperson said in a statement on Wednesday.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "nested").mkdir(parents=True)
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "nested" / "two.txt").write_text(OTHER, encoding="utf-8")
    return folder


@pytest.fixture()
def db(db_url: str) -> str:
    """A clean database on each engine (PostgreSQL when STANCEMAP_TEST_PG_URL is set)."""
    return db_url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("extract", "ingest", "statements", "issues", "articles", "demo"):
        line = next(line for line in out.splitlines() if line.strip().startswith(command + " "))
        assert len(line.split()) > 1, f"{command} has no help text"
    code, out, _ = run(capsys, "issues", "--help")
    assert "add" in out and "list" in out


def test_extract_writes_spec_json_lines(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "extract", str(corpus), "--out", str(out_file))
    assert code == 0, err
    rows = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert rows, "expected statements from the test articles"
    texts = {"one.txt": ARTICLE, "two.txt": OTHER}
    for row in rows:
        assert row["article"] in texts
        ev = row["evidence"]
        assert texts[row["article"]][ev["start"] : ev["end"]] == ev["text"]
        assert row["kind"] in ("direct", "indirect", "summary")
    assert "2 articles" in err


def test_extract_to_stdout(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = run(capsys, "extract", str(corpus / "one.txt"))
    assert code == 0
    assert all(json.loads(line)["article"] == "one.txt" for line in out.splitlines())


def test_ingest_twice_stores_each_article_once(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: str
) -> None:
    code, out, _ = run(capsys, "--db", db, "ingest", str(corpus))
    assert code == 0
    assert "2 new, 0 already stored, 0 skipped" in out
    code, out, _ = run(capsys, "--db", db, "ingest", str(corpus))
    assert code == 0
    assert "0 new, 2 already stored" in out
    code, out, _ = run(capsys, "--db", db, "articles", "--format", "json")
    assert sorted(r["name"] for r in json.loads(out)) == ["one.txt", "two.txt"]


def test_statements_formats(capsys: pytest.CaptureFixture[str], corpus: Path, db: str) -> None:
    run(capsys, "--db", db, "ingest", str(corpus))
    code, out, _ = run(capsys, "--db", db, "statements", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows
    actor = rows[0]["actor"]
    code, out, _ = run(capsys, "--db", db, "statements", "--actor", actor, "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert parsed and {r["actor"] for r in parsed} == {actor}
    # the actor by its name, in another case
    code, out, _ = run(
        capsys, "--db", db, "statements", "--actor", rows[0]["actor_name"].upper(), "--format", "csv"
    )
    assert len(list(csv.DictReader(io.StringIO(out)))) == len(parsed)
    code, out, _ = run(capsys, "--db", db, "statements", "--article", "two.txt", "--format", "json")
    assert {r["article"] for r in json.loads(out)} <= {"two.txt"}


def test_issues_add_and_list(capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str) -> None:
    f = tmp_path / "issues.toml"
    f.write_text('[[issue]]\nid = "vote"\ntitle = "The vote"\n', encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "issues", "add", str(f))
    assert code == 0 and "1 added" in out
    code, out, _ = run(capsys, "--db", db, "issues", "add", str(f))
    assert "0 added, 1 updated" in out
    code, out, _ = run(capsys, "--db", db, "issues", "list", "--format", "json")
    assert json.loads(out) == [{"id": "vote", "title": "The vote", "description": ""}]


def test_bad_issues_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("[[issue]]\ntitle = 'no id'\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "issues", "add", str(f))
    assert code == 2
    assert err.strip().count("\n") == 0 and "[S005]" in err


@pytest.mark.parametrize("url", ["nonsense", "nosuchdriver://x/y", "sqlite:////no/such/dir/x.sqlite"])
def test_bad_db_url_is_one_clear_line(capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, _, err = run(capsys, "--db", url, "articles")
    assert code == 5
    assert err.startswith("stancemap: error: [S006]")
    assert "Traceback" not in err and err.strip().count("\n") == 0


def test_bad_setting_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    monkeypatch.setenv("STANCEMAP_BATCH_SIZE", "lots")
    code, _, err = run(capsys, "--db", db, "articles")
    assert code == 2 and "[S001]" in err and "Traceback" not in err


def test_unknown_model_is_one_clear_line(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, _, err = run(capsys, "--model", "no_such_model_xyz", "extract", str(corpus))
    assert code == 6 and "[S007]" in err and "no_such_model_xyz" in err
