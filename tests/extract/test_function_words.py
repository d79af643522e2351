"""The patterns built from the extractor's function words, on invented text."""

from __future__ import annotations

import pytest

from stancemap.extract.lexicon import load_function_words


@pytest.mark.parametrize(
    ("between", "joins"),
    [
        (", ", True),
        (" and ", True),
        (", as well as ", True),
        (" & ", True),
        (" or the ", True),
        (" said ", False),
    ],
)
def test_list_joiners(between: str, joins: bool) -> None:
    assert (load_function_words().list_join.match(between) is not None) is joins


def test_a_group_list_is_joined_without_or() -> None:
    words = load_function_words()
    assert words.group_join.match(" and the ") and not words.group_join.match(" or ")


def test_two_people_in_one_subject() -> None:
    assert load_function_words().joined.search("Ruritania's envoy Anna Berg and Borduria's ")
    assert not load_function_words().joined.search("Ruritania's envoy. Then ")


def test_quantities_and_counts() -> None:
    words = load_function_words()
    assert words.some.search("seven EU states") and words.some.search("a number of NATO allies")
    assert not words.some.search("the EU states")
    m = words.counted.search("the three nations")
    assert m is not None and words.counts[m.group(1).lower()] == 3
    assert words.counts["both"] == 2 and "one" not in words.counts


def test_names_in_descriptors_and_honorifics() -> None:
    words = load_function_words()
    runs = [m.group(0) for m in words.name_run.finditer("head of the Bank of Ruritania and the Army")]
    assert "Bank of Ruritania and the Army" in runs
    assert words.honorific.sub("", "Mrs. Anna Berg") == "Anna Berg"
    assert (
        words.honorific.sub("", "Lord Berg") == "Lord Berg"
    )  # a style the gazetteer drops, not the speaker model


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("the London-based Ruritanian Study Centre", "Ruritanian Study Centre"),
        ("Paris-headquartered Alpha Group", "Alpha Group"),
        ("the Based Institute", "the Based Institute"),
    ],
)
def test_a_seat_before_a_name_is_no_part_of_it(name: str, rest: str) -> None:
    assert load_function_words().seat.sub("", name) == rest


@pytest.mark.parametrize(
    ("before", "tied"),
    [("a spokesman for ", True), ("an economist at the ", True), ("a spokesman said ", False)],
)
def test_a_descriptor_ties_its_person_to_the_organization_after_it(before: str, tied: bool) -> None:
    assert (load_function_words().affiliated_before.search(before) is not None) is tied


def test_articles_and_companion_adverbs() -> None:
    words = load_function_words()
    assert words.articles == {"the", "a", "an"}
    assert words.companion_adverbs == {"together", "along"}
    assert {"it", "we", "you"} <= words.impersonal_pronouns and "she" not in words.impersonal_pronouns
