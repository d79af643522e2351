"""Reprisals: under a condition, "we will retaliate if they impose sanctions" is against sanctions;
done, "Borduria retaliated by ..." is against the act of another it answers.

A threat to answer in kind ("retaliate", "retaliation"; WordNet 3.0: "action taken in return for
an injury or offense") that hangs on an "if" clause names what the speaker stands against: the
condition. No stance word need occur in the condition itself ("if hit by sanctions", "if the
tariffs are imposed"). A negated condition ("if the ban is not lifted") turns the stand around
and is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Statement
from ..resolve import Gazetteer
from .acts import is_speaker
from .lexicon import Entry, StanceLexicon
from .matching import IssueProfile
from .negation import Finding
from .patterns import load_constructions
from .tree import children, conditional, subtree
from .words import Word

__all__ = ["REPRISAL", "answered", "reprisals"]

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


def answered(
    tokens: Sequence[Word],
    st: Statement,
    lex: StanceLexicon,
    acts: Sequence[tuple[IssueProfile, str]],
    gaz: Gazetteer | None = None,
) -> IssueProfile | None:
    """The issue of the act a speaker's plain reprisal answers: "X retaliated by raising duties"
    opposes the latest act, told before it, that another actor did to X (an issue whose title
    makes that actor its holder and X its object: "Y's tariffs on X"). ``acts`` are the issues
    and actors of the supporting claims read before, in text order.

    Only a reprisal verb with no object of its own ("retaliate against/for" is a stance word),
    not negated, with no condition, and the speaker for its subject (its own mention, a name of
    it, or "it" in what it says it will do: :func:`~stancemap.stance.acts.is_speaker`) counts.
    """
    for k, t in enumerate(tokens):
        if t.pos != "VERB" or t.lemma not in lex.words.reprisal or conditional(tokens, k):
            continue
        if any(lex.negator_at(tokens[c]) for c in children(tokens, k)):
            continue  # "will not retaliate"
        entry = lex.entry_at(tokens, k)
        if entry is not None and len(entry[0].words) > 1:
            continue  # "retaliated against X": a stance word, with its own object
        if not is_speaker(tokens, k, st, lex, gaz):
            continue
        code = "@" + st.actor
        for profile, actor in reversed(acts):
            if actor != st.actor and actor in profile.holders and code in profile.objects:
                return profile
    return None
