"""Dependency patterns over the stance stage's parsed words (``data/stance_patterns.json``).

The constructions are written as spaCy ``DependencyMatcher`` patterns, so that they can be
read, checked and run with spaCy itself (``tests/stance/test_patterns.py`` compares the two),
but they run here over the :class:`~.words.Word` rows the stance stage reads (a window of an
article's words, not a ``Doc``). A match starts from the words whose lemma the pattern's root
names and walks the tree from there.

Supported: operators ``>`` (child), ``<`` (head), ``>>`` (descendant), ``<<`` (ancestor);
attributes ``LEMMA``, ``LOWER``, ``ORTH``, ``POS``, ``TAG``, ``DEP``, each a string or
``{"IN": [...]}``, where ``"IN": "$name"`` is the word class ``name`` of ``word_classes.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from ..datafiles import read_json
from .lexicon import WordClasses
from .tree import children, head_of, subtree
from .words import Word

__all__ = ["Construction", "load_constructions"]

_ATTRS: dict[str, Callable[[Word], str]] = {
    "LEMMA": lambda w: w.lemma,
    "LOWER": lambda w: w.low,
    "ORTH": lambda w: w.text,
    "POS": lambda w: w.pos,
    "TAG": lambda w: w.tag,
    "DEP": lambda w: w.dep,
}

Predicate = Callable[[Word], bool]


def _allowed(value: Any, classes: WordClasses) -> frozenset[str]:
    if isinstance(value, dict):
        value = value["IN"]
    if isinstance(value, str) and value.startswith("$"):
        names = {f.name for f in fields(classes)}
        if value[1:] not in names:
            raise ValueError(f"unknown word class in a stance pattern: {value}")
        return frozenset(getattr(classes, value[1:]))
    return frozenset([value] if isinstance(value, str) else value)


def _predicate(attrs: dict[str, Any], classes: WordClasses) -> Predicate:
    checks: list[tuple[Callable[[Word], str], frozenset[str]]] = []
    for key, value in attrs.items():
        if key not in _ATTRS:
            raise ValueError(f"unsupported attribute in a stance pattern: {key}")
        checks.append((_ATTRS[key], _allowed(value, classes)))
    return lambda w: all(get(w) in allowed for get, allowed in checks)


def _related(tokens: Sequence[Word], k: int, op: str) -> Iterator[int]:
    if op == ">":
        yield from children(tokens, k)
    elif op == "<":
        h = head_of(tokens, k)
        if h is not None:
            yield h
    elif op == ">>":
        lo, hi = subtree(tokens, k)
        yield from (j for j in range(lo, hi) if j != k)
    elif op == "<<":
        h = head_of(tokens, k)
        while h is not None:
            yield h
            h = head_of(tokens, h)
    else:
        raise ValueError(f"unsupported operator in a stance pattern: {op}")


@dataclass(frozen=True)
class _Node:
    name: str
    left: str | None
    op: str | None
    test: Predicate


class Construction:
    """One compiled construction: its name, its root lemmas and its nodes in order."""

    def __init__(self, name: str, pattern: list[dict[str, Any]], classes: WordClasses) -> None:
        root = pattern[0]["RIGHT_ATTRS"].get("LEMMA")
        if root is None:
            raise ValueError(f"a stance pattern's root must name its lemmas: {pattern[0]}")
        self.name = name
        self.roots = _allowed(root, classes)
        self.nodes = [
            _Node(
                n["RIGHT_ID"],
                n.get("LEFT_ID"),
                n.get("REL_OP"),
                _predicate(n.get("RIGHT_ATTRS") or {}, classes),
            )
            for n in pattern
        ]
        for node in self.nodes[1:]:
            if node.op not in (">", "<", ">>", "<<") or node.left is None:
                raise ValueError(f"unsupported operator in a stance pattern: {node.op}")

    def matches(self, tokens: Sequence[Word]) -> list[dict[str, int]]:
        """Every match in the words, as window indices by anchor name."""
        out: list[dict[str, int]] = []
        for k, w in enumerate(tokens):
            if w.lemma in self.roots and self.nodes[0].test(w):
                self._extend(tokens, {self.nodes[0].name: k}, 1, out)
        return out

    def _extend(
        self, tokens: Sequence[Word], anchors: dict[str, int], n: int, out: list[dict[str, int]]
    ) -> None:
        if n == len(self.nodes):
            out.append(dict(anchors))
            return
        node = self.nodes[n]
        taken = set(anchors.values())
        for j in _related(tokens, anchors[node.left or ""], node.op or ""):
            if j not in taken and node.test(tokens[j]):
                anchors[node.name] = j
                self._extend(tokens, anchors, n + 1, out)
                del anchors[node.name]


@lru_cache(maxsize=4)
def load_constructions(classes: WordClasses) -> dict[str, Construction]:
    """The constructions of ``data/stance_patterns.json`` by name, their word classes filled in."""
    data = read_json(__package__, "stance_patterns.json")
    return {c["name"]: Construction(c["name"], c["pattern"], classes) for c in data["constructions"]}
