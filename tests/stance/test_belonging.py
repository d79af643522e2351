"""Belonging clauses (``stance/belonging.py``): a place said to be part of a state."""

from __future__ import annotations

import pytest

from stancemap.stance.belonging import belonging
from stancemap.stance.lexicon import load_stance_lexicon

from .conftest import parsed
from .test_claims import claims_of


def found(text: str) -> list[tuple[int, str]]:
    tokens = parsed(text)
    return [
        (f.polarity, " ".join(t.text for t in tokens[slice(*f.target)]))
        for f in belonging(tokens, load_stance_lexicon())
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our view is plain: Ruritania is an integral part of Borduria.",
            [(1, "Ruritania is an integral part of Borduria")],
        ),
        ("Ruritania belongs to Borduria and always will.", [(1, "Ruritania belongs to Borduria")]),
        ("Ruritania has never been part of Borduria.", [(-1, "Ruritania has never been part of Borduria")]),
        ("North Ruritania is Borduria.", [(1, "North Ruritania is Borduria")]),
        # not of two places, or no whole named
        ("The winner of the vote is Borduria.", []),
        ("The ministry played its part in the talks.", []),
    ],
)
def test_belonging_clauses(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text) == expected


def test_belonging_speaks_to_the_wholes_territorial_integrity() -> None:
    assert claims_of("Ruritania is an inseparable part of Borduria.") == {"bor-integrity": "support"}
    assert claims_of("Ruritania was never part of Borduria.") == {"bor-integrity": "oppose"}
