"""A dependency matcher for the part of spaCy's ``DependencyMatcher`` pattern language we use.

The constructions (``data/cue_patterns.json``) are written as ``DependencyMatcher``
patterns, so that they can be read, checked and run with spaCy itself (the tests
compare the two on every construction). spaCy's matcher runs every node of every
pattern over every token of the Doc; ours starts from the tokens whose lemma a
pattern's root names (one pass over the Doc's lemma hashes) and
walks the tree from there, which costs a small fraction of it on news articles.

Supported: operators ``>`` (child), ``<`` (head), ``>>`` (descendant), ``<<``
(ancestor); attributes ``LEMMA``, ``LOWER``, ``ORTH``, ``POS``, ``TAG``, ``DEP``,
each a string or ``{"IN": [...]}``. The root of each pattern must name its lemmas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..stance.patterns import grow, pattern_nodes

__all__ = ["DepPattern", "compile_pattern"]

_ATTRS: dict[str, Callable[[Token], str]] = {
    "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
}

Predicate = Callable[[Token], bool]


def _predicate(attrs: dict[str, Any]) -> Predicate:
    checks: list[tuple[Callable[[Token], str], frozenset[str]]] = []
    for key, value in attrs.items():
        if key not in _ATTRS:
            raise ValueError(f"unsupported attribute in a construction pattern: {key}")
        allowed = value["IN"] if isinstance(value, dict) else [value]
        checks.append((_ATTRS[key], frozenset(allowed)))

    def test(tok: Token) -> bool:
        return all(get(tok) in allowed for get, allowed in checks)

    return test


def _related(tok: Token, op: str) -> Iterator[Token]:
    if op == ">":
        yield from tok.children
    elif op == "<":
        if tok.head.i != tok.i:
            yield tok.head
    elif op == ">>":
        yield from (t for t in tok.subtree if t.i != tok.i)
    elif op == "<<":
        yield from tok.ancestors
    else:
        raise ValueError(f"unsupported operator in a construction pattern: {op}")


class DepPattern:
    """One compiled pattern: its root's lemma hashes and its nodes in order."""

    def __init__(self, pattern: list[dict[str, Any]], vocab: Vocab) -> None:
        root, self.nodes = pattern_nodes(pattern, _predicate)
        lemmas = root["IN"] if isinstance(root, dict) else [root]
        self.roots = frozenset(vocab.strings.add(x) for x in lemmas)

    def __call__(self, doc: Doc, lemmas: list[int]) -> list[dict[str, Token]]:
        """Every match in ``doc`` as anchors by name; ``lemmas`` is ``doc.to_array("LEMMA").tolist()``."""
        out: list[dict[str, Token]] = []
        for i in [i for i, lemma in enumerate(lemmas) if lemma in self.roots]:
            tok = doc[i]
            if self.nodes[0].test(tok):
                grow(self.nodes, {self.nodes[0].name: tok}, _related, _index, out)
        return out


def _index(tok: Token) -> int:
    return tok.i


def compile_pattern(pattern: list[dict[str, Any]], vocab: Vocab) -> DepPattern:
    return DepPattern(pattern, vocab)
