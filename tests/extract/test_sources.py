"""The words of a source (``extract/sources.py``), on invented sources."""

from __future__ import annotations

from stancemap.extract.lexicon import load_lexicon
from stancemap.extract.sources import head_phrase, head_word, same_surname, speaks_for_no_one, title_of


def test_the_title_is_the_source_without_the_name() -> None:
    assert title_of("the deputy foreign minister, Ana Rojas", "Ana Rojas") == "deputy foreign minister"
    assert title_of("Ana Rojas", "Ana Rojas") is None


def test_the_head_and_the_phrase_before_an_apposition() -> None:
    assert head_word("the Ruritanian foreign ministry") == "ministry"
    assert head_phrase("Karl Weber, a senior fellow at a think tank") == "Karl Weber"


def test_surnames_and_titles_that_speak_for_no_state() -> None:
    assert same_surname("Ana Rojas", "Rojas") and not same_surname("Ana Rojas", "Ana Paz")
    assert speaks_for_no_one("a former ambassador", load_lexicon())
    assert not speaks_for_no_one("the foreign minister", load_lexicon())
