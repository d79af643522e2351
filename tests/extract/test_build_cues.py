"""The cue data built from PolNeAR: how a cue is read, and what the lexicon takes from the file."""

from __future__ import annotations

import csv
from importlib import resources
from typing import Any

from stancemap.extract.data.build_cues import cue_frames
from stancemap.extract.lexicon import NP_OBJECT_MIN, load_lexicon


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_a_verb_cue_with_a_content_clause(nlp: Any) -> None:
    text = "The Ruritanian minister said the talks had failed."
    doc = nlp(text)
    assert cue_frames(doc, _span(text, "said"), _span(text, "the talks had failed")) == (
        "say",
        "VERB",
        "ccomp",
    )


def test_a_light_verb_gives_its_noun_as_the_cue(nlp: Any) -> None:
    text = "Ruritania issued a warning to Borduria over the troops."
    doc = nlp(text)
    found = cue_frames(doc, _span(text, "issued a warning"), _span(text, "to Borduria over the troops"))
    assert found is not None and found[:2] == ("warning", "light:issue")


def test_a_report_inside_its_content_is_framed_paren(nlp: Any) -> None:
    text = "The treaty, the minister said, would bring peace to Ruritania."
    doc = nlp(text)
    found = cue_frames(doc, _span(text, "said"), (0, len(text) - 1))
    assert found == ("say", "VERB", "paren")


def _rows() -> list[dict[str, str]]:
    data = resources.files("stancemap.extract").joinpath("data").joinpath("cues.tsv")
    lines = [line for line in data.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_the_file_holds_lemmas_and_counts_only() -> None:
    rows = _rows()
    assert rows and set(rows[0]) == {"lemma", "pos", "class", "polnear_count", "frames"}
    for row in rows:
        # attested at least 3 times, or a hand-written position verb (count 0)
        assert int(row["polnear_count"]) >= 3 or (row["class"] == "position" and row["polnear_count"] == "0")
        assert " " not in row["lemma"]


def test_the_lexicon_reads_its_classes_and_frames_from_the_file() -> None:
    lex = load_lexicon()
    assert lex.cue_class("say") == "speech" and lex.cue_class("condemn") == "position"
    assert lex.cue_class("think") is None  # a belief verb PolNeAR annotates, not a statement
    assert "announce" in lex.np_objects and "say" not in lex.np_objects
    assert "issue" in lex.light and "draw" not in lex.light  # "drew criticism": someone else's words
    assert {"statement", "warning", "message"} <= lex.nouns
    assert NP_OBJECT_MIN >= 1
