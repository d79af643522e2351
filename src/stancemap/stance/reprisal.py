"""Reprisal under a condition: "we will retaliate if they impose sanctions" is against sanctions.

A threat to answer in kind ("retaliate", "retaliation"; WordNet 3.0: "action taken in return for
an injury or offense") that hangs on an "if" clause names what the speaker stands against: the
condition. No stance word need occur in the condition itself ("if hit by sanctions", "if the
tariffs are imposed"). A negated condition ("if the ban is not lifted") turns the stand around
and is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Entry, StanceLexicon
from .negation import Finding
from .patterns import load_constructions
from .tree import children, subtree
from .words import Word

__all__ = ["REPRISAL", "reprisals"]

#: The kind of a reprisal finding: its target is a clause, which points back at nothing.
REPRISAL = "reprisal"

#: The constructions of ``data/stance_patterns.json`` of a reprisal under a condition.
_CONSTRUCTIONS = ("reprisal_if_verb", "reprisal_if_object", "reprisal_if_with")


def reprisals(tokens: Sequence[Word], lex: StanceLexicon) -> list[Finding]:
    """The reprisal findings in the words: the condition is the target, polarity -1."""
    constructions = load_constructions(lex.words)
    out: list[Finding] = []
    seen: set[int] = set()
    for name in _CONSTRUCTIONS:
        for m in constructions[name].matches(tokens):
            cond, mark, cue = m["cond"], m["mark"], m["reprisal"]
            if cond in seen or any(tokens[c].dep == "neg" for c in children(tokens, cond)):
                continue
            seen.add(cond)
            start, end = subtree(tokens, cond)
            start = max(start, mark + 1)
            entry = Entry((tokens[cue].low,), -1, REPRISAL)
            out.append(Finding(entry, (cue, cue + 1), -1, None, (start, end), "object"))
    return sorted(out, key=lambda f: f.cue)
