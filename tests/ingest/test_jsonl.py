"""jsonl: records streamed line by line; a bad line is skipped and the rest is read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from stancemap.config import Settings
from stancemap.ingest import Skipped
from stancemap.ingest.jsonl import read_jsonl, record_article
from stancemap.models import Article, text_hash

TEXT = "Ruritania condemned the decision, its foreign minister said on Tuesday in a statement."


def record(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"r{n}",
        "url": f"https://www.example.org/news/{n}.html",
        "title": f"Story {n}",
        "published": "2025-03-14 20:30:26Z",
        "author": "Jeff Seldin",
        "text": f"{TEXT} ({n})",
        **extra,
    }


def write(path: Path, lines: list[Any]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return path


def read(path: Path, settings: Settings | None = None) -> list[Article | Skipped]:
    return list(read_jsonl(path, str(path), settings or Settings()))


def test_record_fields() -> None:
    a = record_article(record(7, section="Africa", keywords="x, y"), url_fallback="c.jsonl:1")
    assert a.name == "r7"
    assert a.text == f"{TEXT} (7)"
    assert a.source == a.url == "https://www.example.org/news/7.html"
    assert (a.title, a.author) == ("Story 7", "Jeff Seldin")
    assert a.published == date(2025, 3, 14)
    assert a.outlet == "example.org"
    assert a.body_start == 0


def test_numeric_id_and_missing_id() -> None:
    assert record_article({"id": 8011115, "text": TEXT}, "c:1").name == "8011115"
    a = record_article({"text": TEXT}, "c.jsonl:3")
    assert a.name == text_hash(TEXT)[:16]
    assert a.source == "c.jsonl:3", "without a url the source is path:line"
    assert a.outlet is None and a.published is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-03-14 20:30:26Z", date(2025, 3, 14)),
        ("2024-10-03T23:59:00+05:00", date(2024, 10, 3)),
        ("2020-04-11", date(2020, 4, 11)),
        ("March 14, 2025", date(2025, 3, 14)),
        ("not a date", None),
        (None, None),
        (20250314, None),
    ],
)
def test_published_dates(published: Any, expected: date | None) -> None:
    assert record_article({"text": TEXT, "published": published}, "c:1").published == expected


def test_malformed_line_in_the_middle(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", [record(1), "{not json", record(3), "[1, 2]", "", record(5)])
    items = read(path)
    assert [i.name for i in items if isinstance(i, Article)] == ["r1", "r3", "r5"]
    skips = [i for i in items if isinstance(i, Skipped)]
    assert [(s.source, s.reason) for s in skips] == [
        (f"{path}:2", "malformed_json"),
        (f"{path}:4", "malformed_json"),
    ]
    assert all(s.message for s in skips)


def test_records_without_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.jsonl", [{"id": "a"}, {"id": "b", "text": "  "}, {"id": "c", "text": 3}, record(4)]
    )
    items = read(path)
    assert [(i.source, i.reason) for i in items if isinstance(i, Skipped)] == [
        (f"{path}:1", "missing_field"),
        (f"{path}:2", "empty"),
        (f"{path}:3", "missing_field"),
    ]
    assert isinstance(items[-1], Article)


def test_size_limit_applies_per_line(tmp_path: Path) -> None:
    big = record(2, text="word " * 400)
    path = write(tmp_path / "c.jsonl", [record(1), big, record(3)])
    items = read(path, Settings().replace(max_file_bytes=500))
    assert [i.reason if isinstance(i, Skipped) else i.name for i in items] == ["r1", "too_large", "r3"]
    assert isinstance(items[1], Skipped) and items[1].source == f"{path}:2"


def test_bom_crlf_and_no_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "c.ndjson"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(record(1)).encode() + b"\r\n" + json.dumps(record(2)).encode()
    )
    assert [i.name for i in read(path) if isinstance(i, Article)] == ["r1", "r2"]


def test_bad_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(
        json.dumps(record(1)).encode() + b'\n{"text": "caf\xe9"}\n' + json.dumps(record(3)).encode()
    )
    items = read(path)
    assert [i.reason if isinstance(i, Skipped) else i.name for i in items] == ["r1", "undecodable", "r3"]


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    assert [(i.source, i.reason) for i in read(empty) if isinstance(i, Skipped)] == [(str(empty), "empty")]
    gz = tmp_path / "c.jsonl"
    gz.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)) + b"\n" * 50)
    assert [(i.source, i.reason) for i in read(gz) if isinstance(i, Skipped)] == [(str(gz), "binary")]


def test_voa_corpus(shared_corpus: Path) -> None:
    path = shared_corpus / "voa" / "voa_stories.jsonl"
    items = list(read_jsonl(path, str(path), Settings()))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(items) == len(articles) == 89
    assert all(a.outlet == "voanews.com" and a.published and a.url and a.title for a in articles)
    first = articles[0]
    assert first.name == "8011115" and first.published == date(2025, 3, 14)
    assert first.text.startswith("One of the Islamic State terror group's most senior leaders is dead")
    assert len({a.name for a in articles}) == 89


def test_a_record_over_max_article_chars_is_skipped_too_long(tmp_path: Path) -> None:
    long = record(2, text="Ruritania said it rejects the plan. " * 100)
    path = write(tmp_path / "c.jsonl", [record(1), long, record(3)])
    items = read(path, Settings().replace(max_article_chars=1000))
    assert [i.reason if isinstance(i, Skipped) else i.name for i in items] == ["r1", "too_long", "r3"]
    assert isinstance(items[1], Skipped) and items[1].source == f"{path}:2"
    assert "max_article_chars" in items[1].message


def test_a_record_with_a_stray_byte_is_read_with_a_replacement(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    line = json.dumps(
        record(1, text="Ruritania said \u201cno\u201d to the plan."), ensure_ascii=False
    ).encode()
    path.write_bytes(line.replace(b"to the", b"to \xff the") + b"\n")
    items = read(path)
    assert isinstance(items[0], Article) and items[0].text.count("\ufffd") == 1


def test_nul_and_lone_surrogates_in_a_record_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "r\\u0000", "title": "T\\udc00", "text": "Ruritania said\\u0000 no \\ud800 to the plan."}\n',
        encoding="utf-8",
    )
    (a,) = read(path)
    assert isinstance(a, Article)
    assert (
        a.text == "Ruritania said\ufffd no \ufffd to the plan."
        and a.name == "r\ufffd"
        and a.title == "T\ufffd"
    )
