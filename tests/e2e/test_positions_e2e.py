"""Positions over the seeds: the international-reactions table an analyst would write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.cli import main

pytestmark = pytest.mark.e2e

ISSUE = "nk-elections-2020"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    from tests.conftest import SHARED

    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("../shared is not beside the project root")
    db = f"sqlite:///{tmp_path_factory.mktemp('positions') / 'seeds.sqlite'}"
    issues = SHARED / "gold" / "seeds.issues.toml"
    assert main(["--db", db, "ingest", str(SHARED / "corpus" / "seeds"), "--issues", str(issues)]) == 0
    return db, SHARED


def _gold_positions(shared: Path) -> dict[str, set[str]]:
    """Actor -> polarities the gold gives on the issue (states and IGOs only)."""
    out: dict[str, set[str]] = {}
    for line in (shared / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["actor"].startswith(("PERSON:", "ORG:")):
            continue
        for c in row["claims"]:
            if c["issue"] == ISSUE:
                out.setdefault(row["actor"], set()).add(c["polarity"])
    return out


def test_positions_list_every_actor_with_the_right_stance(
    seeds_db: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, shared = seeds_db
    capsys.readouterr()
    assert main(["--db", db, "positions", "--issue", ISSUE, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    got = {r["actor"]: r["stance"] for r in rows}
    gold = _gold_positions(shared)
    assert gold, "the gold file has positions on the issue"
    expected = {a: (p.pop() if len(p) == 1 else "mixed") for a, p in gold.items()}
    assert got == expected
    for r in rows:
        assert r["best"]["evidence"], r["actor"]
        assert r["articles"] >= 1 and r["statements"] >= 1


def test_the_nato_statement_is_one_statement_with_two_sources(
    seeds_db: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = seeds_db
    capsys.readouterr()
    assert main(["--db", db, "timeline", "--issue", ISSUE, "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    nato_quotes = [e for e in entries if e["actor"] == "NATO" and e["kind"] == "direct"]
    assert len(nato_quotes) == 1
    assert nato_quotes[0]["sources"] == 2
    assert "does not accept the results" in nato_quotes[0]["evidence"]
    capsys.readouterr()
    assert main(["--db", db, "positions", "--issue", ISSUE, "--format", "json"]) == 0
    (nato,) = [r for r in json.loads(capsys.readouterr().out) if r["actor"] == "NATO"]
    assert nato["best"]["kind"] == "direct" and nato["best"]["sources"] == 2
    assert nato["statements"] < nato["reports"]  # reports of one statement were merged


def test_positions_table_and_csv(seeds_db: tuple[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = seeds_db
    capsys.readouterr()
    assert main(["--db", db, "positions", "--issue", ISSUE, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("actor,actor_name,stance")
    assert any(line.startswith("RUS,Russia,oppose") for line in lines)
    assert main(["--db", db, "positions", "--issue", ISSUE]) == 0
    assert "positions" in capsys.readouterr().out
