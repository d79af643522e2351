from __future__ import annotations

import pytest

from stancemap.extract.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will act," she said.', ["We will act,"]),
        ("“We will act,” she said.", ["We will act,"]),
        ("«Nous agirons», a-t-il dit.", ["Nous agirons"]),
        ("„Wir handeln“, sagte er.", ["Wir handeln"]),
        ('"First part," he said. "Second part."', ["First part,", "Second part."]),
        # nested scare quotes in the same glyphs stay inside the outer quotation
        ("“They reject these “votes” outright,” he said.", ["They reject these “votes” outright,"]),
        # mixed straight and curly marks around one quotation
        ('"The council calls for calm,” the statement reads.', ["The council calls for calm,"]),
        ('The minister said: "We are ready to talk."', ["We are ready to talk."]),
    ],
)
def test_quote_styles(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_unclosed_quote_runs_to_paragraph_end_only() -> None:
    text = 'He said "this goes on to the end\n\nA new paragraph.'
    assert quoted(text) == ["this goes on to the end"]
    assert find_quotes(text)[0].closed is False


def test_stray_closing_mark_does_not_fail() -> None:
    assert quoted("A 5” screen and “a quote here” too.") == ["a quote here"]


def test_apostrophes_are_not_quotes() -> None:
    assert quoted("It's the minister's view that they'll come.") == []


def test_a_double_quote_closed_by_a_single_one_ends_there() -> None:
    text = "\"We withdraw our recognition,' the minister told reporters on Monday."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "We withdraw our recognition,"
    assert q.closed


def test_an_apostrophe_does_not_close_a_quotation() -> None:
    text = "\"Chile's position has not changed and the partners' view is known\n\nNext paragraph."
    (q,) = find_quotes(text)
    assert text[q.start : q.end].endswith("is known") and not q.closed


def test_two_single_quotes_typed_for_a_double_one() -> None:
    text = "Ruritanians often say, ''Our border is our history.'' Then ''it is over,'' she said."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["Our border is our history.", "it is over,"]
