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


def test_another_speakers_medium_after_a_quotation_is_not_taken(extractor: Extractor) -> None:
    # the other report's source and medium follow its quotation: the lead-in stops after them
    text = (
        '"The quota hurts our farmers," Chilean senators wrote in a letter to Luis Paz. '
        "Peruvian Foreign Minister Luis Paz said on Monday that the quota should stay."
    )
    got = {s.speaker: s.channel for s in run(extractor, text)}
    assert got["Luis Paz"] is None


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        (
            "Peru's mission criticized the quota as unfair in a post to the social networking service X.",
            "twitter",
        ),
        ("Asked by reporters on Monday about the quota, Luis Paz said it should stay.", "interview"),
    ],
)
def test_a_medium_named_around_the_report(extractor: Extractor, sentence: str, channel: str) -> None:
    assert {s.channel for s in run(extractor, sentence)} == {channel}


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


def test_a_speaker_quoted_again_later_keeps_the_day_and_medium_of_their_event(extractor: Extractor) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas told a news conference on Monday that the quota would stay.\n\n"
        "Peruvian Foreign Minister Luis Paz said the quota should go.\n\n"
        '"We will not give in," Rojas said.'
    )
    rojas = [s for s in run(extractor, text) if s.speaker == "Ana Rojas"]
    assert len(rojas) == 2
    assert {(s.date, s.channel) for s in rojas} == {(date(2024, 3, 4), "press_conference")}


def test_statements_of_one_day_share_the_medium_they_all_name(extractor: Extractor) -> None:
    text = (
        "Chile's envoy Ana Rojas told a Security Council meeting on Friday that the quota was unfair. "
        "Peru's envoy Luis Paz told the same meeting on Friday that it was needed. "
        "Ecuador's envoy Marta Cruz said on Friday that her country would abstain."
    )
    got = {s.speaker: s.channel for s in run(extractor, text)}
    assert got.get("Marta Cruz") == "speech"


def test_speaking_to_a_nations_lawmakers_is_a_speech(extractor: Extractor) -> None:
    got = run(
        extractor, "Speaking to Chilean lawmakers, Foreign Minister Ana Rojas said the quota would stay."
    )
    assert [s.channel for s in got] == ["speech"]


def test_an_event_named_at_the_end_of_a_reported_clause_is_the_reporting_event(extractor: Extractor) -> None:
    # the parser hangs "at Friday's meeting" on the inner verb; news puts the event there
    got = run(extractor, "Peru's ambassador Luis Paz denied that Lima was arming Chile at Friday's meeting.")
    assert [(s.channel, s.date) for s in got] == [("speech", date(2024, 3, 1))]


def test_an_adjunct_inside_a_clause_reported_before_its_cue_is_the_clauses_own(extractor: Extractor) -> None:
    got = run(extractor, "The terms were sent to Chile in a letter, Peruvian Foreign Minister Luis Paz said.")
    assert [s.channel for s in got] == [None]


def test_a_definite_utterance_noun_taken_up_again_names_the_event(extractor: Extractor) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas called for an end to the blockade. "
        "She made the remarks at a news conference on Monday."
    )
    got = run(extractor, text)
    assert [(s.channel, s.date) for s in got] == [("press_conference", date(2024, 3, 4))]


def test_issuing_an_appeal_is_a_written_statement(extractor: Extractor) -> None:
    text = "Chilean Foreign Minister Ana Rojas urged both sides to talk. Rojas issued her appeal on Monday."
    got = run(extractor, text)
    assert [(s.channel, s.date) for s in got] == [("statement", date(2024, 3, 4))]


def test_an_interview_on_the_same_day_is_not_another_speakers_event(extractor: Extractor) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas told Radio Uno on Monday that the quota would stay.\n\n"
        "Peruvian Foreign Minister Luis Paz told a newspaper on Monday that the quota should go.\n\n"
        "Bolivian Foreign Minister Eva Mena said on Monday that the quota was unfair."
    )
    got = {s.speaker: s.channel for s in run(extractor, text)}
    assert got["Eva Mena"] is None


def test_a_report_given_to_a_broadcaster_is_an_interview(extractor: Extractor) -> None:
    text = "Chilean Foreign Minister Ana Rojas said in remarks to state broadcaster TVN that the quota would stay."
    got = run(extractor, text)
    assert [s.channel for s in got] == ["interview"]


def test_a_report_in_a_clause_of_time_is_not_given_the_main_clauses_medium(extractor: Extractor) -> None:
    text = "The envoy issued the statement two days after Peru announced that it had closed the border."
    got = run(extractor, text)
    assert [s.channel for s in got] == [None]


def test_a_medium_given_at_the_end_of_a_reported_phrase_is_the_reports(extractor: Extractor) -> None:
    text = "Chilean Foreign Minister Ana Rojas disclosed the decision to state broadcaster TVN on Monday."
    got = run(extractor, text)
    assert [(s.channel, s.date) for s in got] == [("interview", date(2024, 3, 4))]
