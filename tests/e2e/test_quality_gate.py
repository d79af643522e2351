"""The quality gate: the real pipeline on the visible gold sets must not fall below pinned floors.

The floors live in ``floors.json`` beside this file and only go up. The figures come from
the project's own scorer (``../shared/tools/score.py``), run on ``stancemap extract`` output.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from stancemap.cli import main

pytestmark = pytest.mark.e2e

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("stancemap_score", shared / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: The corpus folder of each gold set (VOA gold's articles sit apart from the VOA demo stories).
CORPUS = {"seeds": "seeds", "dev": "dev", "voa": "voa-gold"}


def _figures(shared: Path, name: str, out: Path) -> dict[str, Any]:
    code = main(
        [
            "extract",
            str(shared / "corpus" / CORPUS[name]),
            "--issues",
            str(shared / "gold" / f"{name}.issues.toml"),
            "--out",
            str(out),
        ]
    )
    assert code == 0
    score = _scorer(shared)
    result: dict[str, Any] = score.score(
        score.load(str(shared / "gold" / f"{name}.jsonl")), score.load(str(out))
    )
    return result


@pytest.mark.parametrize("name", ["seeds", "dev", "voa"])
def test_figures_stay_above_their_floors(shared: Path, tmp_path: Path, name: str) -> None:
    result = _figures(shared, name, tmp_path / f"{name}.jsonl")
    got = {
        "actors_f1": result["actors"]["f1"],
        "claims_f1": result["claims"]["f1"],
        "claims_quoted_f1": result["claims_quoted"]["f1"],
        "statements_found": result["statements_found"],
        "speaker_accuracy": result["speaker_accuracy"],
        "date_accuracy": result["date_accuracy"],
        "channel_accuracy": result["channel_accuracy"],
        "kind_accuracy": result["kind_accuracy"],
    }
    below = {k: (got[k], floor) for k, floor in FLOORS[name].items() if got[k] is None or got[k] < floor}
    assert not below, f"{name}: figures below their floors (got, floor): {below}"
