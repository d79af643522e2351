"""The dependency tree over a window of an article's words (:mod:`.words`): heads, subtrees, scope.

A window is a slice of the article's words, so a head may lie outside it; such a head counts as
none. The labels are spaCy's English ones (ClearNLP style: ``neg``, ``nsubj``, ``xcomp`` ...);
which of them a negation crosses is data: ``data/scope_labels.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_columns, read_words
from .rulewords import load_rule_words
from .words import Word

__all__ = [
    "NOT_PHRASE",
    "Scope",
    "carrier",
    "children",
    "circumstance",
    "clause_subject",
    "conditional",
    "consider_verb",
    "copula_before",
    "cue_root",
    "graded",
    "head_of",
    "in_scope",
    "is_consider_verb",
    "load_scope",
    "says_what",
    "subject",
    "subject_phrase",
    "subtree",
    "target_pieces",
    "topic_of",
    "verb_adjunct",
]


def head_of(tokens: Sequence[Word], k: int) -> int | None:
    """The window index of the head of ``tokens[k]`` (None for a root, or a head outside the window)."""
    h = tokens[k].head - tokens[0].i
    if h == k or not 0 <= h < len(tokens):
        return None
    return h


def children(tokens: Sequence[Word], k: int) -> list[int]:
    """The window indices of the words whose head is ``tokens[k]``."""
    return [j for j in range(len(tokens)) if head_of(tokens, j) == k]


def cue_root(tokens: Sequence[Word], s: int, e: int) -> int:
    """The word of ``tokens[s:e]`` that attaches outside it (the first one if none does)."""
    for k in range(s, e):
        h = head_of(tokens, k)
        if h is None or not s <= h < e:
            return k
    return s


def subtree(tokens: Sequence[Word], k: int, skip: frozenset[str] = frozenset()) -> tuple[int, int]:
    """[start, end) of the words the window holds under ``tokens[k]`` (a contiguous span in
    projective English parses), leaving out the subtrees under it of the labels in ``skip``."""
    lo = hi = k
    for j in range(len(tokens)):
        x: int | None = j
        steps = 0
        while x is not None and x != k and steps < 64:
            if tokens[x].dep in skip:
                x = None
                break
            x = head_of(tokens, x)
            steps += 1
        if x == k:
            lo, hi = min(lo, j), max(hi, j)
    return lo, hi + 1


@dataclass(frozen=True)
class Scope:
    """Which dependency labels a negation reaches across (``data/scope_labels.tsv``)."""

    #: labels it never crosses (another clause, a subject, punctuation)
    closed: frozenset[str]
    #: labels it crosses only to a word that is not a verb (a small clause, a coordinated noun)
    nominal: frozenset[str]
    #: the labels of a negating word whose scope is its head's head ("no country recognizes")
    subject: frozenset[str]


@lru_cache(maxsize=1)
def load_scope() -> Scope:
    """The scope labels, read once from the package data."""
    found: dict[str, set[str]] = {}
    for cols in read_columns(__package__, "scope_labels.tsv"):
        found.setdefault(cols[1], set()).add(cols[0])
    return Scope(
        frozenset(found.get("closed", ())),
        frozenset(found.get("nominal", ())),
        frozenset(found.get("subject", ())),
    )


_VERBS = frozenset({"VERB", "AUX"})


def in_scope(tokens: Sequence[Word], negator: int, target: int, verb: bool, coordinated: bool) -> bool:
    """Whether the negating word ``tokens[negator]`` governs ``tokens[target]``.

    A particle (not, never, no) negates its head and what hangs under it; a negating verb
    (refuse, lack) what hangs under the verb itself (``verb=True``). The path up from the target
    may not cross a closed label, nor a nominal-only label to a verb unless the negation is
    coordinated (neither ... nor). A negating determiner of a subject negates the subject's
    predicate ("no state recognizes ..."), and a particle on an adverb the adverb's verb.
    """
    scope = load_scope()
    top: int | None = negator if verb else head_of(tokens, negator)
    if top is None:
        return False
    if not verb and tokens[top].dep in scope.subject and tokens[negator].dep == "det":
        top = head_of(tokens, top)
        if top is None:
            return False
    elif not verb and tokens[top].pos == "ADV" and tokens[top].dep == "advmod":
        top = head_of(tokens, top)  # "will no longer recognize X": the adverb's verb
        if top is None:
            return False
    x = target
    for _ in range(64):
        if x == top:
            return True
        t = tokens[x]
        if t.dep in scope.closed or (t.dep in scope.nominal and t.pos in _VERBS and not coordinated):
            return False
        h = head_of(tokens, x)
        if h is None:
            return False
        x = h
    return False


#: Dependents of a noun that are not part of it as a target: its relative clause, apposition, commas.
NOT_PHRASE = frozenset({"relcl", "appos", "punct", "advcl", "parataxis"})


def subject_phrase(tokens: Sequence[Word], k: int) -> tuple[int, int] | None:
    """[start, end) of the subject of the predicate ``tokens[k]``, as a noun phrase without its
    relative clause; for a relative pronoun ("..., which were not valid"), the noun it stands for."""
    subj = subject(tokens, k)
    if subj is None:
        return None
    if tokens[subj].tag in {"WDT", "WP"}:
        x = head_of(tokens, subj)
        while x is not None and tokens[x].dep != "relcl":
            x = head_of(tokens, x)
        noun = None if x is None else head_of(tokens, x)
        if noun is None:
            return None
        subj = noun
    return subtree(tokens, subj, NOT_PHRASE)


@lru_cache(maxsize=1)
def load_conditions() -> frozenset[str]:
    """The subordinators of a condition (``data/conditions.tsv``)."""
    return frozenset(cols[0] for cols in read_columns(__package__, "conditions.tsv"))


_COMPLEMENTS = frozenset({"conj", "acomp", "attr", "oprd", "xcomp", "amod", "dobj", "compound"})


def _clause_head(tokens: Sequence[Word], k: int) -> int:
    """The verb (or copula) heading the clause of ``tokens[k]``: up through its complements."""
    x = k
    for _ in range(8):
        h = head_of(tokens, x)
        if h is None or tokens[x].dep not in {
            "conj",
            "acomp",
            "attr",
            "oprd",
            "xcomp",
            "amod",
            "dobj",
            "compound",
        }:
            return x
        x = h
    return x


def conditional(tokens: Sequence[Word], k: int) -> bool:
    """Whether the predicate ``tokens[k]`` is said under a condition ("will recognize it if ...",
    "unless ...") or is itself the condition ("if Borduria recognizes it, ...")."""
    conditions = load_conditions()
    head = _clause_head(tokens, k)

    def marked(clause: int) -> bool:
        return any(tokens[m].dep == "mark" and tokens[m].low in conditions for m in children(tokens, clause))

    if tokens[head].dep == "advcl" and marked(head):
        return True
    if any(tokens[c].dep == "advcl" and marked(c) for c in children(tokens, head)):
        return True
    return _unmet(tokens, head)


def _unmet(tokens: Sequence[Word], clause: int) -> bool:
    """Whether the clause is the infinitive of a noun whose own predicate is negated, so that it
    is a prospect, not a position: "the conditions *to recognize* X have not been met", "the time
    *to recognize* it has not come"."""
    if tokens[clause].dep not in {"acl", "relcl"}:
        return False
    if not any(tokens[c].dep == "aux" and tokens[c].low == "to" for c in children(tokens, clause)):
        return False
    noun = head_of(tokens, clause)
    if noun is None or tokens[noun].dep not in {"nsubj", "nsubjpass"}:
        return False
    verb = head_of(tokens, noun)
    return verb is not None and any(tokens[c].dep == "neg" for c in children(tokens, verb))


def subject(tokens: Sequence[Word], k: int) -> int | None:
    """The window index of the subject of the predicate ``tokens[k]``: its own, or that of the
    predicate it is coordinated with, complements or is the auxiliary-complement of."""
    x: int | None = k
    for _ in range(8):
        if x is None:
            return None
        for j in range(len(tokens)):
            if head_of(tokens, j) == x and tokens[j].dep in {"nsubj", "nsubjpass", "csubj", "expl"}:
                return j
        if tokens[x].dep not in {"conj", "acomp", "attr", "oprd", "xcomp", "ccomp", "auxpass", "aux"}:
            return None
        x = head_of(tokens, x)
    return None


def clause_subject(tokens: Sequence[Word], k: int) -> int | None:
    """The subject of the clause ``tokens[k]`` is in; for an infinitive under an object ("urged
    Canada to drop its tariffs") that object."""
    v: int | None = k
    for _ in range(6):
        if v is None or tokens[v].pos in ("VERB", "AUX"):
            break
        v = head_of(tokens, v)
    if v is None:
        return None
    if tokens[v].dep == "xcomp":
        h = head_of(tokens, v)
        objects = [] if h is None else [c for c in children(tokens, h) if tokens[c].dep == "dobj"]
        if objects:
            return objects[0]
    return subject(tokens, v)


@lru_cache(maxsize=1)
def _adjunct_preps() -> frozenset[str]:
    """The temporal and concessive prepositions (the attribution stage's list, ``during``, ``despite``)."""
    return read_words("stancemap.extract", "adjunct_preps.txt")


def verb_adjunct(tokens: Sequence[Word], k: int) -> bool:
    """Whether ``tokens[k]`` opens a phrase of time or concession on a verb: it tells when or
    in spite of what the act is done, never what the act is about."""
    t = tokens[k]
    if t.dep != "prep" or t.low not in _adjunct_preps():
        return False
    h = head_of(tokens, k)
    return h is not None and tokens[h].pos == "VERB"


def circumstance(tokens: Sequence[Word], k: int) -> bool:
    """Whether the noun ``tokens[k]`` is the object of a phrase of time or concession on a verb
    ("backed it amid concerns about X", "despite criticism of Y"): the setting the reporter
    gives the act, not a position of its doer."""
    h = head_of(tokens, k)
    return tokens[k].pos == "NOUN" and tokens[k].dep == "pobj" and h is not None and verb_adjunct(tokens, h)


def says_what(tokens: Sequence[Word], k: int) -> bool:
    """Whether the copula or consider-verb ``tokens[k]`` is said of a free relative ("what he
    called a sham", "what the envoy said was an unfair duty"): "what" only stands in for the thing,
    which the noun after the verb names."""
    return any(tokens[c].tag == "WP" and tokens[c].dep in ("nsubj", "dobj") for c in children(tokens, k))


def target_pieces(
    tokens: Sequence[Word], span: tuple[int, int], coordinators: frozenset[str]
) -> list[tuple[int, int]]:
    """A target split at its conjunctions and commas ("the independence and integrity of X"),
    but not within the parties of a relation ("a truce between A and B")."""
    out: list[tuple[int, int]] = []
    s = span[0]
    for k in range(span[0], span[1]):
        if (tokens[k].low in coordinators or tokens[k].low == ",") and not _joins_parties(tokens, k):
            if k > s:
                out.append((s, k))
            s = k + 1
    if span[1] > s:
        out.append((s, span[1]))
    return out


def _joins_parties(tokens: Sequence[Word], k: int) -> bool:
    """Whether the conjunction or comma ``tokens[k]`` joins the objects of "between" or "among"."""
    first = head_of(tokens, k)
    while first is not None and tokens[first].dep == "conj":
        first = head_of(tokens, first)
    prep = None if first is None or tokens[first].dep != "pobj" else head_of(tokens, first)
    return prep is not None and tokens[prep].low in load_rule_words().joint_prep


def topic_of(tokens: Sequence[Word], e: int, hi: int) -> tuple[int, int] | None:
    """What a cue is about: the object of a preposition that its last word governs, right after it.

    "declined to comment *on the vote*", "no comment *about the talks*": the parse hangs the
    phrase on the cue's last word; its object's subtree is the topic.
    """
    for k in children(tokens, e - 1):
        if k == e and k < hi and tokens[k].dep == "prep":
            objects = [c for c in children(tokens, k) if tokens[c].dep == "pobj"]
            if objects:
                span = subtree(tokens, objects[0])
                return (span[0], min(span[1], hi))
    return None


def graded(tokens: Sequence[Word], i: int, nouns: frozenset[str]) -> bool:
    """Whether the adjective ``tokens[i]`` qualifies one of ``nouns``, nouns that judge by
    themselves ("a great *mistake*"): the adjective then only grades that judgement."""
    noun = head_of(tokens, i)
    return noun is not None and (tokens[noun].lemma in nouns or tokens[noun].low in nouns)


def carrier(tokens: Sequence[Word], i: int) -> int | None:
    """The word a cue that opens with a preposition hangs on ("a *step* in the right direction"),
    else the cue's own first word."""
    return head_of(tokens, i) if tokens[i].dep == "prep" else i


def is_consider_verb(word: Word, stems: tuple[str, ...]) -> bool:
    """Whether a word is a verb of judging something to be so (consider, call, regard ...),
    by the ``stems`` those verbs begin with."""
    return word.pos == "VERB" and word.low.startswith(stems)


def consider_verb(tokens: Sequence[Word], i: int, lo: int, stems: tuple[str, ...]) -> int | None:
    """Index of the consider/call/view verb whose small clause word ``i`` completes ("does not
    consider the vote legitimate", "called it a sham"), from the parse; ``stems`` begin the verbs."""
    x = carrier(tokens, i)
    for _ in range(8):
        if x is None or tokens[x].dep not in {"conj", "amod", "compound"}:
            break
        x = head_of(tokens, x)
    if x is None or tokens[x].dep not in {"ccomp", "oprd", "xcomp", "acomp", "attr", "dobj", "pobj", "prep"}:
        return None
    h = head_of(tokens, x)
    if tokens[x].dep == "pobj" and h is not None and tokens[h].low == "as":
        h = head_of(tokens, h)  # "regards it as illegal"
        if h is not None and tokens[h].dep == "dobj":
            h = head_of(tokens, h)  # the parse hangs "as" on the object: "regards [the vote as ...]"
    if h is None or h < lo or not is_consider_verb(tokens[h], stems):
        return None
    return h


def copula_before(tokens: Sequence[Word], i: int, lo: int, copulas: frozenset[str]) -> int | None:
    """Index of the copula whose complement word ``i`` is ("were deemed invalid", "has no legal basis").

    From the parse: the complement (or the noun it modifies, or the first conjunct it is
    coordinated with: "were neither lawful nor valid") hangs as acomp/attr/oprd/dobj under a
    copula, or under a passive verb whose auxiliary is one ("were deemed").
    """
    x = carrier(tokens, i)
    for _ in range(8):
        if x is None or tokens[x].dep not in {"conj", "amod", "compound"}:
            break
        up = head_of(tokens, x)
        if tokens[x].dep == "conj" and up is not None and up >= lo and tokens[up].low in copulas:
            return up  # "is dangerous, illegal and ...": the parser hung the conjunct on the copula
        x = up
    if x is None or tokens[x].dep not in {"acomp", "attr", "oprd", "dobj"}:
        return None
    h = head_of(tokens, x)
    if h is None or h < lo:
        return None
    if tokens[h].low in copulas:
        return h
    aux = [k for k in children(tokens, h) if tokens[k].dep == "auxpass" and tokens[k].low in copulas]
    return aux[0] if aux and aux[0] >= lo else None
