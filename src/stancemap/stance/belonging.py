"""Belonging: "X is (an integral) part of Y", "X belongs to Y", "X is Y" said of two places.

To say that a region is part of a state is to take a side on that state's territorial integrity
and sovereignty over the region, with no stance word at all. WordNet 3.0 glosses the words that
tie the two together: *territory* "the geographical area under the jurisdiction of a sovereign
state", *territorial* "belonging to the territory of any state or ruler", *part* "one of the
portions into which something is regarded as divided and which together constitute a whole",
*integrity* "an undivided or unbroken completeness or totality with nothing wanting". A finding
of this kind is matched to issues with those words (word class ``territory_topic``) beside its
own: the clause names the places, the relation names the topic.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Entry, StanceLexicon
from .negation import Finding
from .patterns import load_constructions
from .tree import children, subject, subtree
from .words import Word

__all__ = ["BELONG", "belonging"]

#: The kind of a belonging finding (see ``stance_words.tsv`` for the other kinds).
BELONG = "belong"

#: The constructions of ``data/stance_patterns.json`` that say a part belongs to a whole.
_CONSTRUCTIONS = ("part_of", "belongs_to", "name_is_name")


def _negator(tokens: Sequence[Word], *heads: int) -> str | None:
    for h in heads:
        for c in children(tokens, h):
            if tokens[c].dep == "neg":
                return tokens[c].low
    return None


def _all_names(tokens: Sequence[Word], span: tuple[int, int]) -> bool:
    words = [t for t in tokens[span[0] : span[1]] if t.is_word]
    return bool(words) and all(t.pos == "PROPN" for t in words)


def belonging(tokens: Sequence[Word], lex: StanceLexicon) -> list[Finding]:
    """The belonging findings in the words: the whole clause is the target, polarity +1 (-1 when
    the verb is negated: "is not part of Y", "has never belonged to Y")."""
    constructions = load_constructions(lex.words)
    out: list[Finding] = []
    for name in _CONSTRUCTIONS:
        for m in constructions[name].matches(tokens):
            verb, whole = m["verb"], m["whole"]
            cue = m.get("part", whole if name == "name_is_name" else verb)
            subj = subject(tokens, verb)
            if subj is None or subj >= cue:
                continue
            start = subtree(tokens, subj)[0]
            if name == "name_is_name":
                if any(tokens[c].dep == "det" for c in children(tokens, whole)):
                    continue
                if not (_all_names(tokens, (start, subj + 1)) and _all_names(tokens, subtree(tokens, whole))):
                    continue  # "X is Y" only of two names: not "the winner is Berg's party"
            end = max(subtree(tokens, whole)[1], cue + 1)
            negator = _negator(tokens, verb, cue)
            entry = Entry((tokens[cue].low,), 1, BELONG)
            out.append(Finding(entry, (cue, cue + 1), -1 if negator else 1, negator, (start, end), "object"))
    return sorted(out, key=lambda f: f.cue)
