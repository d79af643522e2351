"""Reprisal under a condition (``stance/reprisal.py``), on invented sentences parsed by the real model."""

from __future__ import annotations

import pytest

from stancemap.stance.lexicon import load_stance_lexicon
from stancemap.stance.reprisal import reprisals

from .conftest import parsed


def found(text: str) -> list[tuple[str, int, str]]:
    tokens = parsed(text)
    return [
        (f.entry.label, f.polarity, " ".join(t.text for t in tokens[slice(*f.target)]))
        for f in reprisals(tokens, load_stance_lexicon())
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the condition of a threat to answer in kind is what the speaker stands against
        (
            "Borduria is threatening retaliation against Lima if hit by new duties.",
            [("retaliation", -1, "hit by new duties")],
        ),
        (
            "Borduria threatens Peru with retaliation if the duties are imposed.",
            [("retaliation", -1, "the duties are imposed")],
        ),
        (
            "If they close the border, we will retaliate at once.",
            [("retaliate", -1, "they close the border")],
        ),
        # a negated condition turns the stand around: left alone
        ("We will retaliate if the ban is not lifted.", []),
        # no condition, or no reprisal: nothing
        ("We will retaliate against the duties.", []),
        ("We will talk if they close the border.", []),
    ],
)
def test_a_reprisal_under_a_condition_stands_against_the_condition(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert found(text) == expected
