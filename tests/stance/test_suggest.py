"""Issue suggestions from unmatched claim targets."""

from __future__ import annotations

from itertools import count
from typing import Any

from stancemap.stance import parse_issues
from stancemap.stance.suggest import suggest_issues, to_toml

_ids = count(1)


def row(actor: str, target: str, polarity: str = "oppose") -> dict[str, Any]:
    return {
        "actor_code": actor,
        "target": target,
        "polarity": polarity,
        "statement_id": next(_ids),
        "evidence_text": f"{actor} on {target}",
        "article": "a.txt",
    }


def test_spellings_of_one_thing_meet_and_neighbours_stay_apart() -> None:
    rows = [
        row("FRA", "the illegal elections in Abkhazia"),
        row("DEU", "the so-called election held in Abkhazia"),
        row("GBR", "Abkhazia's sham elections"),
        row("USA", "the elections in South Ossetia"),
        row("CAN", "elections held in South Ossetia"),
        row("POL", "Georgia's territorial integrity", "support"),
    ]
    found = {s.id: s for s in suggest_issues(rows)}
    assert set(found) == {"xab-election", "xso-election"}
    ab = found["xab-election"]
    assert (ab.statements, ab.oppose, ab.support) == (3, 3, 0)
    assert set(ab.actors) == {"FRA", "DEU", "GBR"}
    assert "illegal" not in ab.title.lower() and "election" in ab.title.lower()


def test_anaphors_and_single_statements_are_not_issues() -> None:
    rows = [row("FRA", "it"), row("DEU", "this decision"), row("GBR", "the dam on the Atrato river")]
    assert suggest_issues(rows) == []
    assert [s.id for s in suggest_issues(rows, min_statements=1)] == ["atrato-dam"]


def test_ranked_by_actors_and_drafted_as_a_valid_issues_file() -> None:
    rows = [row("FRA", "the dam on the Atrato river"), row("FRA", "the Atrato dam")]
    rows += [row(a, "the blockade of Qatar") for a in ("USA", "DEU", "TUR")]
    found = suggest_issues(rows)
    assert [s.id for s in found] == ["qat-blockade", "atrato-dam"]
    issues = parse_issues(to_toml(found))
    assert [i.id for i in issues] == ["qat-blockade", "atrato-dam"]
    assert "support:" in issues[0].description
