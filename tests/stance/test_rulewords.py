"""The words the stance rules name, read from ``data/rule_words.tsv`` and used where the rules are."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import stancemap.stance
from stancemap.datafiles import read_table
from stancemap.stance.lexicon import load_stance_lexicon
from stancemap.stance.rulewords import RuleWords, load_rule_words
from stancemap.stance.suggest import _title

DATA = Path(stancemap.stance.__file__).parent / "data"


def test_every_class_is_read_and_every_line_names_its_source() -> None:
    rows = read_table("stancemap.stance", "rule_words.tsv")
    assert {r["class"] for r in rows} == set(RuleWords.__dataclass_fields__)
    assert all(r["source"].startswith(("spaCy stop words", "PolNeAR text (", "countries.tsv")) for r in rows)
    header = [
        ln for ln in (DATA / "rule_words.tsv").read_text(encoding="utf-8").splitlines() if ln[:1] == "#"
    ]
    assert all(any(ln.startswith(f"# {name}:") for ln in header) for name in RuleWords.__dataclass_fields__)


def test_affixes_lose_their_star_and_phrases_keep_their_space() -> None:
    words = load_rule_words()
    assert "recogn" in words.recognition_cue and "ian" in words.adjectival_ending
    assert "in a" in words.title_break
    assert not any("*" in w for w in (*words.recognition_cue, *words.backing_cue, *words.object_null_cue))


@pytest.mark.parametrize(
    "target",
    [
        "the vote in the province, saying it was rigged",
        "their vote in the province even now",
        "this vote in the province",
    ],
)
def test_a_suggested_title_is_cut_at_a_break_word_and_loses_its_determiner(target: str) -> None:
    assert _title(Counter({target: 2}), load_stance_lexicon(), frozenset()) == "Vote in the province"
