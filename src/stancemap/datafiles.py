"""The one reader of the packaged data files (word lists, tables, patterns).

Language and world knowledge lives in ``<package>/data/`` beside the code that uses it,
each folder with a ``SOURCES.md`` that names where every file comes from. This module
only finds and reads those files; the modules that use them cache what they build, so a
file is read once per process, on first use, never at import.

Two plain-text shapes are read:

* a **word list** (``.txt``): one entry per line; blank lines and lines starting with
  ``#`` (the file's header comment: what it is and where it comes from) are skipped;
* a **table** (``.tsv``): tab-separated, ``#`` comment lines first, then a header row
  naming the columns (:func:`read_table`), or none (:func:`read_columns`); no quoting (a
  ``"`` is an ordinary character).

Every function takes the package that owns the data folder (``"stancemap.extract"``), so
any part of stancemap, or a later one, can read its files the same way.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

__all__ = [
    "alternation",
    "data_file",
    "read_columns",
    "read_json",
    "read_lines",
    "read_table",
    "read_word_classes",
    "read_words",
]


def data_file(package: str, name: str) -> Traversable:
    """The packaged file ``data/<name>`` of ``package`` (it need not exist)."""
    return resources.files(package).joinpath("data").joinpath(name)


def _content_lines(package: str, name: str) -> Iterator[str]:
    with data_file(package, name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\r\n")


def read_lines(package: str, name: str) -> list[str]:
    """The entries of a word list, as written (comments and blank lines left out)."""
    return list(_content_lines(package, name))


def read_words(package: str, name: str) -> frozenset[str]:
    """The entries of a word list, stripped and lower-cased."""
    return frozenset(line.strip().lower() for line in _content_lines(package, name))


def read_table(package: str, name: str) -> list[dict[str, str]]:
    """The rows of a table, keyed by its header row (comment lines before it are skipped)."""
    return list(csv.DictReader(_content_lines(package, name), delimiter="\t", quoting=csv.QUOTE_NONE))


def read_columns(package: str, name: str) -> list[list[str]]:
    """The tab-separated columns of each entry of a table without a header row."""
    return [line.split("\t") for line in _content_lines(package, name)]


def read_word_classes(package: str, name: str) -> dict[str, tuple[str, ...]]:
    """A ``word``/``class`` table as ``{class: (word, ...)}``, words in file order, lower-cased."""
    out: dict[str, list[str]] = {}
    for row in read_table(package, name):
        out.setdefault(row["class"].strip(), []).append(row["word"].strip().lower())
    return {cls: tuple(words) for cls, words in out.items()}


def read_json(package: str, name: str) -> Any:
    """A JSON data file, parsed."""
    return json.loads(data_file(package, name).read_text(encoding="utf-8"))


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words`` read from a data file, escaped, longest first.

    Longest first, so that at any place the longest listed form matches ("consul general"
    before "consul"), as in a pattern written by hand.
    """
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
