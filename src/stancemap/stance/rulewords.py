"""The few English words the stance rules name one by one, read from ``data/rule_words.tsv``.

Most of the stance stage's language knowledge is in its generated word lists (stance words,
negators, word classes: see ``data/SOURCES.md``). What is left are the words a rule in code
tests by name: the correlative ``neither``/``nor``, ``so-called`` before an attributive
adjective, the stems of recognition and backing cues, the endings of adjectival place names,
the words that end a suggested issue title and those dropped from its start. They are data
too, written by hand, each with the resource that attests it, and read once, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

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
    joint_prep: frozenset[str]


@lru_cache(maxsize=1)
def load_rule_words() -> RuleWords:
    """The rule words, read once from the package data: each field is the class of its name,
    a set of words, or a tuple of prefixes, endings or phrases (a ``*`` marking an affix dropped)."""
    classes = read_word_classes("stancemap.stance", "rule_words.tsv")
    found: dict[str, Any] = {}
    for f in fields(RuleWords):
        words = classes[f.name]
        is_set = str(f.type).startswith("frozenset")
        found[f.name] = frozenset(words) if is_set else tuple(w.strip("*") for w in words)
    return RuleWords(**found)
