"""What a text says for matching (``stance/terms.py``), on invented sentences."""

from __future__ import annotations

import pytest

from stancemap.resolve import load_gazetteer
from stancemap.stance.lexicon import load_stance_lexicon
from stancemap.stance.terms import Terms, same_name

from .conftest import parsed


def terms(text: str) -> Terms:
    return Terms.of(parsed(text), load_stance_lexicon(), load_gazetteer(), text)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("crimea", "crimean", True), ("lukashenko", "lukashenka", True), ("chile", "china", False)],
)
def test_names_alike_up_to_an_ending(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


def test_a_modifier_of_a_names_head_is_a_name_and_the_head_a_word() -> None:
    got = terms("He met Secretary of State Ana Rios near the Chagos Islands.")
    assert "state" in got.named  # part of a title, not the state of an issue
    assert "island" in got.families and "island" not in got.named  # the head says what it is
    assert {"chile", "peru"} <= terms("Chile and Peru signed it in 2031.").names
    assert terms("Chile and Peru signed it in 2031.").years == frozenset({2031})


def test_who_judges_inside_a_text_is_not_what_it_is_about() -> None:
    got = terms("the levies on copper that Lima considers unlawful duties")
    assert "lima" not in got.names and "@PER" not in got.codes
    got = terms("the levies that Peru put on copper")
    assert "peru" in got.names and "@PER" in got.codes
