"""The package's imports run one way: no cycle, and each layer imports only the layers below it.

Every module of ``src/stancemap`` is read with ``ast`` (no import runs), and every
``import`` in it counts: at the top, inside functions, and under ``TYPE_CHECKING``,
since an import moved into a function to dodge a cycle still is the cycle. The
layers are the ones the README's "Architecture" section draws; a change to one
belongs in both places.
"""

from __future__ import annotations

import ast
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import stancemap

ROOT = Path(stancemap.__file__).parent

#: The layers, bottom first: each part of the package (a top-level module or package)
#: may import the parts of every layer below its own, and within its layer only what
#: ``WITHIN`` allows. ``stancemap`` itself (its ``__init__``) sits above the base only.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("base", frozenset({"errors", "config", "models", "datafiles"})),
    ("stages", frozenset({"ingest", "resolve", "stance", "extract"})),
    ("store", frozenset({"store"})),
    ("orchestration", frozenset({"jobs", "feeds"})),
    ("query", frozenset({"query"})),
    ("faces", frozenset({"api", "web"})),
    ("composition", frozenset({"app", "cli"})),
)

#: Imports allowed inside one layer, importer -> imported. api and web never import each other.
WITHIN: frozenset[tuple[str, str]] = frozenset(
    {
        ("config", "errors"),
        ("models", "errors"),
        ("stance", "resolve"),
        ("extract", "resolve"),
        ("extract", "stance"),
        ("feeds", "jobs"),
        ("cli", "app"),
    }
)

#: Directories of package data; the build scripts in them are run by hand, never imported.
DATA_DIRS = frozenset({"data", "static", "templates", "demo"})


@dataclass(frozen=True)
class Import:
    """One import of a stancemap module by another."""

    importer: str
    imported: str
    path: Path
    line: int
    local: bool  # inside a function or class body
    deferred: bool  # "# deferred: <why>" on the import's lines or the line just above


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every module by dotted name, with its file and whether it is a package's ``__init__``."""
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent)
        if DATA_DIRS.intersection(rel.parts[1:-1]):
            continue
        parts = list(rel.with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        out[".".join(parts)] = (path, is_package)
    return out


MODULES = _modules()


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The stancemap modules ``node`` imports (a name from a package is its submodule if it is one)."""
    if isinstance(node, ast.Import):
        yield from (a.name for a in node.names if a.name.split(".")[0] == "stancemap")
        return
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - node.level + 1]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    if prefix.split(".")[0] != "stancemap":
        return
    for alias in node.names:
        sub = f"{prefix}.{alias.name}"
        yield sub if sub in MODULES else prefix


def _walk(tree: ast.AST, local: bool = False) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import under ``tree``, and whether it sits in a function or class body."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, local
        inner = local or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef)
        yield from _walk(child, inner)


def _block(lines: list[str], node: ast.stmt) -> list[str]:
    """The lines of ``node`` and of the comments and imports just above it (one commented group)."""
    first = node.lineno - 1
    while first > 0 and lines[first - 1].strip().startswith(("#", "from ", "import ")):
        first -= 1
    return lines[first : node.end_lineno or node.lineno]


def _imports() -> list[Import]:
    found = []
    for module, (path, is_package) in MODULES.items():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node, local in _walk(ast.parse(source, str(path))):
            deferred = any("# deferred" in line for line in _block(lines, node))
            for target in _targets(module, is_package, node):
                if target != module:
                    found.append(Import(module, target, path, node.lineno, local, deferred))
    return found


IMPORTS = _imports()


def _part(module: str) -> str:
    """The part of the package a module belongs to: ``stancemap.store.reads`` -> ``store``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "stancemap"


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = itertools.count()

    def visit(v: str) -> None:
        index[v] = low[v] = next(counter)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def _where(imports: list[Import], members: list[str], key: Callable[[str], str]) -> list[str]:
    """Where the imports between ``members`` (modules, or parts under ``key``) are."""
    inside = set(members)
    found = [
        f"{i.path.relative_to(ROOT.parent)}:{i.line} imports {i.imported}"
        for i in imports
        if key(i.importer) != key(i.imported) and {key(i.importer), key(i.imported)} <= inside
    ]
    return list(dict.fromkeys(found))


def test_the_walk_sees_the_package() -> None:
    # a walk that found nothing would pass every test below
    assert {"stancemap.store", "stancemap.query.views", "stancemap.app", "stancemap.cli"} <= set(MODULES)
    assert any(i.importer == "stancemap.query.views" and i.imported == "stancemap.store" for i in IMPORTS)
    assert any(i.local for i in IMPORTS)


def test_the_cycle_finder_finds_a_cycle_however_long() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"a"}}
    assert _cycles(edges) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_another_that_imports_it_back() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for i in IMPORTS:
        edges[i.importer].add(i.imported)
    cycles = _cycles(edges)
    assert not cycles, "\n".join(
        "cycle: " + " <-> ".join(c) + "\n  " + "\n  ".join(_where(IMPORTS, c, str)) for c in cycles
    )


def test_no_part_of_the_package_imports_another_that_imports_it_back() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for i in IMPORTS:
        if _part(i.importer) != _part(i.imported):
            edges[_part(i.importer)].add(_part(i.imported))
    cycles = _cycles(edges)
    assert not cycles, "\n".join(
        "cycle: " + " <-> ".join(c) + "\n  " + "\n  ".join(_where(IMPORTS, c, _part)) for c in cycles
    )


def test_every_part_of_the_package_has_a_layer() -> None:
    placed = set().union(*(members for _, members in LAYERS))
    parts = {_part(m) for m in MODULES} - {"stancemap"}
    assert not parts - placed, f"place {sorted(parts - placed)} in LAYERS and in the README's diagram"
    assert not placed - parts, f"LAYERS names {sorted(placed - parts)}, which the package no longer has"


def _layer(part: str) -> int | None:
    """The layer's height, bottom 0; None for a part no layer names (the test above says so)."""
    if part == "stancemap":
        return 1  # the package's __init__: the public API, over the base only
    return next((n for n, (_, members) in enumerate(LAYERS) if part in members), None)


def _allowed(importer: str, imported: str) -> bool:
    if importer == imported:
        return True
    a, b = _layer(importer), _layer(imported)
    if a is None or b is None:
        return False
    if importer == "stancemap":
        return b == 0
    return b < a or (a == b and (importer, imported) in WITHIN)


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = [
        f"{i.path.relative_to(ROOT.parent)}:{i.line}: {_part(i.importer)} may not import {_part(i.imported)}"
        for i in IMPORTS
        if not _allowed(_part(i.importer), _part(i.imported))
    ]
    assert not wrong, "\n".join(dict.fromkeys(wrong))


def test_a_deferred_import_says_why() -> None:
    # Importing inside a function is for putting off a heavy import (spaCy, SQLAlchemy,
    # FastAPI) until it is needed, and a "# deferred: <why>" comment says so; never to
    # dodge a cycle (the tests above would find it anyway).
    silent = [
        f"{i.path.relative_to(ROOT.parent)}:{i.line} imports {i.imported}"
        for i in IMPORTS
        if i.local and not i.deferred
    ]
    listed = "\n".join(dict.fromkeys(silent))
    assert not silent, f"imports inside functions without a '# deferred: <why>' comment:\n{listed}"


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("api", "web", False),
        ("web", "api", False),
        ("web", "query", True),
        ("query", "web", False),
        ("app", "web", True),
        ("store", "jobs", False),
        ("jobs", "store", True),
        ("extract", "stance", True),
        ("stance", "extract", False),
        ("stancemap", "store", False),
        ("cli", "app", True),
        ("app", "cli", False),
    ],
)
def test_the_rules_say_what_the_readme_says(importer: str, imported: str, allowed: bool) -> None:
    assert _allowed(importer, imported) is allowed
