"""Layout blanked out for the parser, offsets kept (extract.layout), on invented pages."""

from __future__ import annotations

from datetime import date

import pytest

from stancemap.config import Settings
from stancemap.extract.layout import normalized
from stancemap.extract.pipeline import Extractor
from stancemap.models import Article


def test_every_offset_is_kept() -> None:
    text = "RURITANIA CITY — The minister said\nthat the vote was\nvoid.\n\nRead more\n\n0:00 0:12\n"
    assert len(normalized(text)) == len(text)


def test_a_dateline_is_no_speaker_and_a_wrap_no_sentence_break() -> None:
    text = "BORDURIA CITY — Talks resumed.\nThe foreign minister said\nthat the border was closed."
    out = normalized(text)
    assert out.startswith(" " * len("BORDURIA CITY — ")) and "said that the border" in out


@pytest.mark.parametrize(
    "dateline",
    [
        "STRELSAU (Agency) — ",
        "STRELSAU, Borduria (Wire) -- ",
        "STRELSAU, Aug. 24 (Wire) — ",
        "Strelsau (Wire) - ",
    ],
)
def test_a_dateline_with_an_agency_or_a_date_is_blanked(dateline: str) -> None:
    text = dateline + "The envoy of Ruritania said the border was closed."
    out = normalized(text)
    assert out == " " * len(dateline) + text[len(dateline) :]


def test_a_name_and_a_dash_at_the_start_is_no_dateline() -> None:
    text = "Anna Berg - the envoy - said the border was closed."
    assert normalized(text) == text


def test_furniture_lines_are_blanked_and_sentences_kept() -> None:
    text = "The envoy left.\nRelated news\nShare this article\nThe talks end today."
    out = normalized(text)
    assert "Related" not in out and "Share" not in out
    assert "The envoy left." in out and "The talks end today." in out


def test_a_statement_over_a_hard_wrap_is_found_whole() -> None:
    text = (
        "Chile's foreign minister Ana Rojas said on Monday that the quota\n"
        "would be lifted next year, and that talks would go on."
    )
    got = Extractor(Settings()).extract(
        Article(name="t.txt", text=text, source="t.txt", published=date(2024, 3, 5))
    )
    assert [s.actor for s in got] == ["CHL"]
    assert "would be lifted" in got[0].evidence.text
