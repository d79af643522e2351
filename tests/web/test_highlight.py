"""Cutting an article's text at its statements' spans."""

from __future__ import annotations

import pytest

from stancemap.web.highlight import ROLES, Mark, segments

TEXT = 'Russia rejects it, "We will never agree," Lavrov said on Monday.'


def test_pieces_join_back_to_the_text_and_carry_roles() -> None:
    marks = [
        Mark(19, 41, "evidence", 1),
        Mark(42, 48, "source", 1),
        Mark(49, 53, "cue", 1),
        Mark(0, 17, "evidence", 2),
        Mark(0, 6, "source", 2),
    ]
    pieces = segments(TEXT, marks)
    assert "".join(p.text for p in pieces) == TEXT
    roles = {p.text: p.role for p in pieces}
    assert roles["Russia"] == "source" and roles[" rejects it"] == "evidence"
    assert (
        roles['"We will never agree,"'] == "evidence"
        and roles["Lavrov"] == "source"
        and roles["said"] == "cue"
    )
    assert roles[" on Monday."] is None
    assert next(p for p in pieces if p.text == "Lavrov").statement_id == 1


def test_overlapping_statements_link_the_narrowest_and_list_all() -> None:
    pieces = segments(TEXT, [Mark(0, 41, "evidence", 7), Mark(19, 41, "evidence", 8)])
    inner = next(p for p in pieces if p.start == 19)
    assert inner.statement_id == 8 and inner.statement_ids == (7, 8)


def test_cue_inside_evidence_is_shown_as_cue() -> None:
    pieces = segments(TEXT, [Mark(0, 60, "evidence", 1), Mark(49, 53, "cue", 1)])
    assert next(p for p in pieces if p.text == "said").role == "cue"


def test_header_before_the_body_is_faded() -> None:
    text = "VOA NEWS header\nRussia said no."
    pieces = segments(text, [Mark(16, 22, "source", 1)], body_start=16)
    assert pieces[0].faded and pieces[0].text == "VOA NEWS header\n"
    assert not any(p.faded for p in pieces[1:])


@pytest.mark.parametrize(
    "mark",
    [
        Mark(-5, 3, "source", 1),
        Mark(60, 999, "evidence", 1),
        Mark(5, 5, "cue", 1),
        Mark(3, 1, "cue", 1),
        Mark(0, 4, "speaker", 1),
    ],
)
def test_bad_marks_are_clipped_or_dropped(mark: Mark) -> None:
    pieces = segments(TEXT, [mark])
    assert "".join(p.text for p in pieces) == TEXT
    for p in pieces:
        assert p.role in (None, "source", "evidence", "cue")


def test_empty_text() -> None:
    assert segments("", [Mark(0, 3, "cue", 1)]) == []


def test_faded_spans_besides_the_header() -> None:
    text = "Header\nBackground paragraph.\nNews."
    pieces = segments(text, [Mark(29, 33, "evidence", 1)], body_start=7, faded=[(7, 28), (500, 600)])
    assert "".join(p.text for p in pieces) == text
    faded = "".join(p.text for p in pieces if p.faded)
    assert faded == "Header\nBackground paragraph."
    assert not next(p for p in pieces if p.role == "evidence").faded


def _naive(
    text: str, marks: list[Mark], body_start: int, faded: list[tuple[int, int]]
) -> list[tuple[object, ...]]:
    """What each character should show, computed one character at a time (the definition)."""
    out = []
    for i in range(len(text)):
        cover = [m for m in marks if max(0, m.start) <= i < min(len(text), m.end) and m.role in ROLES]
        dim = i < body_start or any(s <= i < e for s, e in faded)
        if not cover:
            out.append((None, None, (), dim))
            continue
        role = min((m.role for m in cover), key=ROLES.index)
        ids = tuple(sorted({m.statement_id for m in cover}))
        out.append((role, ids, dim))
    return out


def test_the_sweep_agrees_with_the_definition_on_random_overlaps() -> None:
    import random

    rng = random.Random(15)
    for _ in range(200):
        text = "x" * rng.randint(0, 60)
        marks = [
            Mark(rng.randint(-5, 65), rng.randint(-5, 65), rng.choice([*ROLES, "other"]), rng.randint(1, 6))
            for _ in range(rng.randint(0, 12))
        ]
        faded = [(rng.randint(-5, 65), rng.randint(-5, 65)) for _ in range(rng.randint(0, 3))]
        body_start = rng.randint(0, 10)
        pieces = segments(text, marks, body_start, faded)
        assert "".join(p.text for p in pieces) == text
        got = []
        for p in pieces:
            for _ in p.text:
                got.append(
                    (None, None, (), p.faded) if p.role is None else (p.role, p.statement_ids, p.faded)
                )
        assert got == _naive(text, marks, body_start, faded)


def test_highlighting_a_long_article_costs_time_in_proportion_to_its_size() -> None:
    """6,000 statements over 1 MB: a sweep takes well under a second; comparing every
    piece with every mark (the old way) took minutes."""
    import time

    sentence = 'Ruritania said: "We reject the Bordurian plan entirely." '
    text = sentence * 18_000
    marks = []
    for k in range(6_000):
        at = k * 3 * len(sentence)
        marks += [
            Mark(at + 16, at + 56, "evidence", k),
            Mark(at, at + 9, "source", k),
            Mark(at + 10, at + 14, "cue", k),
        ]
    t0 = time.perf_counter()
    pieces = segments(text, marks, 0, [(k * 1000, k * 1000 + 500) for k in range(200)])
    assert time.perf_counter() - t0 < 6.0  # ~0.5 s on a quiet machine
    assert sum(len(p.text) for p in pieces if p.role == "cue") == 6_000 * len("said")
