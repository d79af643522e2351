"""The few English words the stance rules name one by one, read from ``data/rule_words.tsv``.

Most of the stance stage's language knowledge is in its generated word lists (stance words,
negators, word classes: see ``data/SOURCES.md``). What is left are the words a rule in code
tests by name: the correlative ``neither``/``nor``, ``so-called`` before an attributive
adjective, the stems of recognition and backing cues, the endings of adjectival place names,
the words that end a suggested issue title and those dropped from its start. They are data
too, written by hand, each with the resource that attests it, and read once, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_word_classes

__all__ = ["RuleWords", "load_rule_words"]


@dataclass(frozen=True)
class RuleWords:
    """The classes of ``data/rule_words.tsv`` (its header says where each is read)."""

    paired_negator: frozenset[str]
    consider_trim: frozenset[str]
    before_attributive: frozenset[str]
    neutral_object_prep: frozenset[str]
    trailing_joiner: frozenset[str]
    #: Prefixes (``str.startswith`` takes the tuple).
    object_null_cue: tuple[str, ...]
    recognition_cue: tuple[str, ...]
    backing_cue: tuple[str, ...]
    #: Endings (``str.endswith`` takes the tuple).
    adjectival_ending: tuple[str, ...]
    #: Words and phrases, as written.
    title_break: tuple[str, ...]
    title_skip: frozenset[str]


@lru_cache(maxsize=1)
def load_rule_words() -> RuleWords:
    """The rule words, read once from the package data."""
    classes = read_word_classes("stancemap.stance", "rule_words.tsv")

    def words(name: str) -> frozenset[str]:
        return frozenset(classes[name])

    def affixes(name: str) -> tuple[str, ...]:
        return tuple(w.strip("*") for w in classes[name])

    return RuleWords(
        paired_negator=words("paired_negator"),
        consider_trim=words("consider_trim"),
        before_attributive=words("before_attributive"),
        neutral_object_prep=words("neutral_object_prep"),
        trailing_joiner=words("trailing_joiner"),
        object_null_cue=affixes("object_null_cue"),
        recognition_cue=affixes("recognition_cue"),
        backing_cue=affixes("backing_cue"),
        adjectival_ending=affixes("adjectival_ending"),
        title_break=classes["title_break"],
        title_skip=words("title_skip"),
    )
