"""The dependency tree over a window of words: heads inside the window, subtrees, negation scope."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from stancemap.stance.tree import cue_root, head_of, in_scope, load_scope, subject, subject_phrase, subtree
from stancemap.stance.words import Word

from .conftest import parsed

TEXT = "The vote in Ruritania was neither lawful nor valid, and Borduria refused to recognize it."


def index(words: Sequence[Word], text: str) -> int:
    return next(k for k, w in enumerate(words) if w.text == text)


def test_heads_outside_the_window_count_as_none() -> None:
    words = parsed(TEXT)
    k = index(words, "lawful")
    window = words[k:]
    assert head_of(window, 0) is None  # its head "was" lies before the window
    assert head_of(words, index(words, "vote")) == index(words, "was")


def test_subtree_and_subject() -> None:
    words = parsed(TEXT)
    s, e = subtree(words, index(words, "vote"))
    assert " ".join(w.text for w in words[s:e]) == "The vote in Ruritania"
    assert subject(words, index(words, "valid")) == index(words, "vote")
    assert cue_root(words, index(words, "to"), index(words, "recognize") + 1) in {
        index(words, "to"),
        index(words, "recognize"),
    }


def test_scope_of_particles_and_negating_verbs() -> None:
    words = parsed(TEXT)
    nor, valid, lawful = index(words, "nor"), index(words, "valid"), index(words, "lawful")
    assert in_scope(words, nor, valid, verb=False, coordinated=True)
    assert in_scope(words, index(words, "neither"), lawful, verb=False, coordinated=True)
    refused, recognize = index(words, "refused"), index(words, "recognize")
    assert in_scope(words, refused, recognize, verb=True, coordinated=False)
    assert not in_scope(words, nor, recognize, verb=False, coordinated=True)


def test_scope_labels_are_data() -> None:
    scope = load_scope()
    assert "advcl" in scope.closed and "conj" in scope.nominal and "nsubj" in scope.subject


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        # the relative clause is not part of the subject
        ("The vote in Ruritania, which Freedonia observed, was illegal.", "illegal", "The vote in Ruritania"),
        # an infinitive that complements the noun is ("premature" is said of recognizing Ruritania)
        (
            "The decision to recognize Ruritania was premature.",
            "premature",
            "The decision to recognize Ruritania",
        ),
        # a passive verb's subject
        ("The vote in Ruritania was not recognized by Borduria.", "recognized", "The vote in Ruritania"),
    ],
)
def test_subject_phrase(text: str, predicate: str, expected: str) -> None:
    words = parsed(text)
    span = subject_phrase(words, index(words, predicate))
    assert span is not None
    assert " ".join(w.text for w in words[span[0] : span[1]]) == expected
