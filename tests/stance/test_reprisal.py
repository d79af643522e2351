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


_TARIFFS = """
[[issue]]
id = "chl-duties-per"
title = "Chilean tariffs on Peruvian goods (2031)"
description = "The tariffs Chile put on imports from Peru. support: imposes or defends them; oppose: condemns them."
"""


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("Ana Torres retaliated by announcing new tariffs on Chilean wine.", True),
        ("Ana Torres did not retaliate, saying that talks with Chile were under way.", False),
        ("Ana Torres said that farmers retaliated by blocking the roads.", False),
        ("Ana Torres retaliated against the duties on copper.", False),
        # the speaker's state by name, or "it" in what the speaker says it will do
        ("Ana Torres said Peru would retaliate with new duties on Chilean wine.", True),
        ("Ana Torres said it could retaliate by raising duties on Chilean wine.", True),
        ("Ana Torres said Bolivia would retaliate by raising duties on Chilean wine.", False),
    ],
)
def test_a_plain_reprisal_answers_the_act_of_another_done_to_the_speaker(text: str, answers: bool) -> None:
    from stancemap.models import Span, Statement
    from stancemap.resolve import load_gazetteer
    from stancemap.stance.issues import parse_issues
    from stancemap.stance.matching import IssueMatcher
    from stancemap.stance.reprisal import answered

    lex, gaz = load_stance_lexicon(), load_gazetteer()
    (profile,) = IssueMatcher(parse_issues(_TARIFFS), lex, gaz).profiles
    st = Statement(
        article="t.txt", actor="PER", actor_name="Peru", kind="indirect",
        evidence=Span(0, len(text), text), source=Span(0, 10, "Ana Torres"),
    )  # fmt: skip
    assert (answered(parsed(text), st, lex, [(profile, "CHL")], gaz) is profile) is answers
    # only an act whose holder is another and whose object is the speaker
    assert answered(parsed(text), st, lex, [(profile, "PER")], gaz) is None
