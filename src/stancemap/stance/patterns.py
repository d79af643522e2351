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

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Generic, TypeVar

from ..datafiles import read_json
from .lexicon import WordClasses
from .tree import children, head_of, subtree
from .words import Word

__all__ = ["Construction", "PatternNode", "grow", "load_constructions", "pattern_nodes"]

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


Item = TypeVar("Item")  # what a pattern's nodes are matched against: a spaCy token, a Word


@dataclass(frozen=True)
class PatternNode(Generic[Item]):
    """One node of a compiled pattern: its name, the node it hangs from and how, and its test."""

    name: str
    left: str | None
    op: str | None
    test: Callable[[Item], bool]


def pattern_nodes(
    pattern: list[dict[str, Any]], predicate: Callable[[dict[str, Any]], Callable[[Item], bool]]
) -> tuple[Any, list[PatternNode[Item]]]:
    """The root's ``LEMMA`` value and the compiled nodes of a ``DependencyMatcher`` pattern.

    Shared with the attribution constructions (``extract/depmatch.py``), which run the same
    pattern language over spaCy tokens. Raises ValueError for what it cannot run.
    """
    root = pattern[0]["RIGHT_ATTRS"].get("LEMMA")
    if root is None:
        raise ValueError(f"a construction's root must name its lemmas: {pattern[0]}")
    nodes = [
        PatternNode(n["RIGHT_ID"], n.get("LEFT_ID"), n.get("REL_OP"), predicate(n.get("RIGHT_ATTRS") or {}))
        for n in pattern
    ]
    for node in nodes[1:]:
        if node.op not in (">", "<", ">>", "<<") or node.left is None:
            raise ValueError(f"unsupported operator in a construction pattern: {node.op}")
    return root, nodes


def grow(
    nodes: Sequence[PatternNode[Item]],
    anchors: dict[str, Item],
    related: Callable[[Item, str], Iterable[Item]],
    key: Callable[[Item], int],
    out: list[dict[str, Item]],
) -> None:
    """Every completion of a partial match (``anchors``: the first nodes) into ``out``."""
    k = len(anchors)
    if k == len(nodes):
        out.append(dict(anchors))
        return
    node = nodes[k]
    taken = {key(a) for a in anchors.values()}
    for item in related(anchors[node.left or ""], node.op or ""):
        if key(item) not in taken and node.test(item):
            anchors[node.name] = item
            grow(nodes, anchors, related, key, out)
            del anchors[node.name]


class Construction:
    """One compiled construction: its name, its root lemmas and its nodes in order."""

    def __init__(self, name: str, pattern: list[dict[str, Any]], classes: WordClasses) -> None:
        root, self.nodes = pattern_nodes(pattern, lambda attrs: _predicate(attrs, classes))
        self.name = name
        self.roots = _allowed(root, classes)

    def matches(self, tokens: Sequence[Word]) -> list[dict[str, int]]:
        """Every match in the words, as window indices by anchor name."""
        if not tokens:
            return []
        base = tokens[0].i

        def related(w: Word, op: str) -> Iterator[Word]:
            return (tokens[j] for j in _related(tokens, w.i - base, op))

        found: list[dict[str, Word]] = []
        for w in tokens:
            if w.lemma in self.roots and self.nodes[0].test(w):
                grow(self.nodes, {self.nodes[0].name: w}, related, _index, found)
        return [{name: w.i - base for name, w in m.items()} for m in found]


def _index(w: Word) -> int:
    return w.i


@lru_cache(maxsize=4)
def load_constructions(classes: WordClasses) -> dict[str, Construction]:
    """The constructions of ``data/stance_patterns.json`` by name, their word classes filled in."""
    data = read_json(__package__, "stance_patterns.json")
    return {c["name"]: Construction(c["name"], c["pattern"], classes) for c in data["constructions"]}
