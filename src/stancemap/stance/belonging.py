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
from .tree import children, head_of, subject, subtree
from .words import Word

__all__ = ["BELONG", "belonging"]

#: The kind of a belonging finding (see ``stance_words.tsv`` for the other kinds).
BELONG = "belong"

#: Labels of a predicate noun after a copula ("is *part* of Y"), and of the verb's own object.
_PREDICATE = frozenset({"attr", "oprd"})


def _whole(tokens: Sequence[Word], k: int, prep: str) -> int | None:
    """The object of ``prep`` under ``tokens[k]``: Y of "part of Y", "belongs to Y"."""
    for c in children(tokens, k):
        if tokens[c].dep == "prep" and tokens[c].low == prep:
            objects = [o for o in children(tokens, c) if tokens[o].dep == "pobj"]
            if objects:
                return objects[0]
    return None


def _negator(tokens: Sequence[Word], *heads: int) -> str | None:
    for h in heads:
        for c in children(tokens, h):
            if tokens[c].dep == "neg":
                return tokens[c].low
    return None


def _all_names(tokens: Sequence[Word], span: tuple[int, int]) -> bool:
    words = [t for t in tokens[span[0] : span[1]] if t.is_word]
    return bool(words) and all(t.pos == "PROPN" for t in words)


def belonging(
    tokens: Sequence[Word], lex: StanceLexicon, lo: int = 0, hi: int | None = None
) -> list[Finding]:
    """The belonging findings in ``tokens[lo:hi]``: the whole clause is the target, polarity
    +1 (-1 when the verb is negated: "is not part of Y", "has never belonged to Y")."""
    hi = len(tokens) if hi is None else hi
    words = lex.words
    out: list[Finding] = []
    for k in range(lo, hi):
        t = tokens[k]
        verb: int | None
        whole: int | None
        if t.lemma in words.belonging and t.pos == "NOUN" and t.dep in _PREDICATE:
            verb, whole = head_of(tokens, k), _whole(tokens, k, "of")  # "X is part of Y"
        elif t.lemma in words.belonging and t.pos == "VERB":
            verb, whole = k, _whole(tokens, k, "to")  # "X belongs to Y"
        elif (
            t.dep == "attr"
            and t.pos == "PROPN"
            and not any(tokens[c].dep == "det" for c in children(tokens, k))
        ):
            verb, whole = head_of(tokens, k), k  # "X is Y", of two names
            if verb is None or tokens[verb].lemma != "be":
                continue
        else:
            continue
        if verb is None or whole is None:
            continue
        subj = subject(tokens, verb)
        if subj is None or subj >= k:
            continue
        start = subtree(tokens, subj)[0]
        if whole == k and not (
            _all_names(tokens, (start, subj + 1)) and _all_names(tokens, subtree(tokens, k))
        ):
            continue  # "X is Y" only of two names: not "the winner is Berg's party"
        end = max(subtree(tokens, whole)[1], k + 1)
        if not lo <= start < end <= hi:
            continue
        negator = _negator(tokens, verb, k)
        entry = Entry((t.low,), 1, BELONG)
        out.append(Finding(entry, (k, k + 1), -1 if negator else 1, negator, (start, end), "object"))
    return out
