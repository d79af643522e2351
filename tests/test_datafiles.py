"""The one reader of packaged data files, on the real files and on files of our own."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from stancemap.datafiles import (
    read_columns,
    read_json,
    read_lines,
    read_table,
    read_word_classes,
    read_words,
)


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A package ``ruritania_words`` with a ``data/`` folder of our own files."""
    root = tmp_path / "ruritania_words"
    (root / "data").mkdir(parents=True)
    (root / "__init__.py").write_text("", encoding="utf-8")
    data = root / "data"
    data.joinpath("titles.txt").write_text(
        "# Titles of Ruritanian officials. Written for this test.\n\nChancellor\n  Margrave \n",
        encoding="utf-8",
    )
    data.joinpath("posts.tsv").write_text(
        '# Posts, with a source line first.\nword\tclass\n"Regent\ttitle\nof\tglue\nStrelsau\tseat\n',
        encoding="utf-8",
    )
    data.joinpath("words.tsv").write_text(
        "word\tclass\nOf\tglue\nthe\tglue\nRegent\ttitle\n", encoding="utf-8"
    )
    data.joinpath("patterns.json").write_text('{"names": ["Rudolf"]}', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "ruritania_words", raising=False)
    return "ruritania_words"


def test_word_lists_skip_comments_and_blank_lines(package: str) -> None:
    assert read_lines(package, "titles.txt") == ["Chancellor", "  Margrave "]
    assert read_words(package, "titles.txt") == frozenset({"chancellor", "margrave"})


def test_tables_are_read_by_header_without_quoting(package: str) -> None:
    rows = read_table(package, "posts.tsv")
    assert rows[0] == {"word": '"Regent', "class": "title"}  # a quote is an ordinary character
    assert [r["class"] for r in rows] == ["title", "glue", "seat"]


def test_a_table_without_header_gives_columns(package: str) -> None:
    assert read_columns(package, "words.tsv")[1] == ["Of", "glue"]


def test_word_classes_keep_file_order(package: str) -> None:
    assert read_word_classes(package, "words.tsv") == {"glue": ("of", "the"), "title": ("regent",)}


def test_json(package: str) -> None:
    assert read_json(package, "patterns.json") == {"names": ["Rudolf"]}


def test_a_missing_file_is_an_error(package: str) -> None:
    with pytest.raises(FileNotFoundError):
        read_words(package, "nothing.txt")


@pytest.mark.parametrize("package", ["stancemap.extract", "stancemap.resolve", "stancemap.web"])
def test_every_packaged_data_file_is_named_in_its_sources(package: str) -> None:
    """Every word list and table says where it comes from (``data/SOURCES.md``)."""
    from importlib import resources

    folder = resources.files(package).joinpath("data")
    sources = folder.joinpath("SOURCES.md").read_text(encoding="utf-8")
    names = [p.name for p in folder.iterdir() if p.name.endswith((".txt", ".tsv", ".json"))]
    assert names and [n for n in names if f"`{n}`" not in sources] == []


def test_module_is_light() -> None:
    assert isinstance(sys.modules["stancemap.datafiles"], types.ModuleType)
