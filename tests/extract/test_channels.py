"""Channels of statements: the medium of a speech event, not of the paragraph (invented articles)."""

from __future__ import annotations

from datetime import date

import pytest

from stancemap.config import Settings
from stancemap.extract.pipeline import Extractor
from stancemap.models import Article, Statement


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Settings())


def run(extractor: Extractor, text: str) -> list[Statement]:
    return extractor.extract(Article(name="t.txt", text=text, source="t.txt", published=date(2024, 3, 5)))


def test_telling_lawmakers_is_a_speech(extractor: Extractor) -> None:
    got = run(extractor, "Chilean Foreign Minister Ana Rojas told lawmakers that the quota would be lifted.")
    assert [s.channel for s in got] == ["speech"]


def test_telling_reporters_is_an_interview(extractor: Extractor) -> None:
    got = run(extractor, "Chilean Foreign Minister Ana Rojas told reporters that the quota would be lifted.")
    assert [s.channel for s in got] == ["interview"]


def test_another_speakers_medium_is_not_taken_in_one_long_paragraph(extractor: Extractor) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas told a news conference that the quota would be lifted. "
        "Talks resumed later in the day. Prices of copper rose on the news. "
        "Peruvian Foreign Minister Luis Paz said the quota should stay."
    )
    got = {s.speaker: s.channel for s in run(extractor, text)}
    assert got["Ana Rojas"] == "press_conference"
    assert got["Luis Paz"] is None


@pytest.mark.xfail(
    reason="'X stated this' with its content in the sentence before is not yet an attribution (issue 13)",
    strict=False,
)
def test_a_report_that_points_back_names_the_event(extractor: Extractor) -> None:
    text = (
        "The quota must stay in place until the end of the year. "
        "Chilean Foreign Minister Ana Rojas stated this at a cabinet session on Monday."
    )
    got = run(extractor, text)
    assert got and all(s.channel == "speech" for s in got)
