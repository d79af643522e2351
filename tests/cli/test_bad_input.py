"""A folder of bad files: each is reported with its reason and skipped; the rest is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.cli import main

GOOD = """ date 2022-02-02

The Foreign Ministry of Freedonia said on Monday that it rejects the outcome of the vote and calls for a new one.
"""


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "legacy.txt").write_bytes(
        "The ministry said \u201cwe will not accept this\u201d, adding that talks must go on.\n".encode(
            "cp1252"
        )
    )
    (folder / "cut.html").write_text(
        "<html><head><title>x</title></head><body><p>Half a sen", encoding="utf-8"
    )
    records = [
        {
            "id": "r1",
            "url": "https://example.org/a",
            "title": "A",
            "published": "2022-02-03",
            "author": "B",
            "text": "Ruritania condemned the decision, its foreign minister said on Tuesday in a statement.",
        },
        "{not json",
        {
            "id": "r3",
            "url": "https://example.org/c",
            "title": "C",
            "published": "2022-02-04",
            "author": "D",
            "text": "Another article entirely, in which the Freedonian embassy said it supports the talks.",
        },
    ]
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    with (folder / "huge.txt").open("wb") as fh:  # 50 MB
        chunk = b"Lorem ipsum dolor sit amet. " * 37450
        for _ in range(50):
            fh.write(chunk)
    return folder


def test_bad_files_are_skipped_with_reasons(
    bad_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'bad.sqlite'}"
    code = main(["--db", db, "ingest", str(bad_folder)])
    out, err = capsys.readouterr()
    assert code == 4, "the exit status must say something was skipped"
    for reason in ("empty", "binary", "too_large", "malformed_json"):
        assert reason in err, f"{reason} not reported"
    assert "huge.txt" in err and "image.txt" in err and "corpus.jsonl:2" in err
    # the good articles, the legacy-encoded one and the JSON records around the bad line are stored
    assert main(["--db", db, "articles", "--format", "json"]) == 0
    names = {r["name"] for r in json.loads(capsys.readouterr().out)}
    assert {"good.txt", "legacy.txt", "r1", "r3"} <= names
    assert not names & {"empty.txt", "blank.txt", "image.txt", "huge.txt"}
    # re-running is idempotent: nothing new, the same files skipped again
    code = main(["--db", db, "ingest", str(bad_folder)])
    out, _ = capsys.readouterr()
    assert code == 4 and " 0 new," in out


def test_an_overlong_article_is_skipped_too_long_and_the_rest_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "long.txt").write_text(GOOD * 20, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'long.sqlite'}"
    monkeypatch.setenv("STANCEMAP_MAX_ARTICLE_CHARS", "1000")
    code = main(["--db", db, "ingest", str(folder)])
    out, err = capsys.readouterr()
    assert code == 4 and "long.txt: too_long" in err and "1 too_long" in out and " 1 new," in out


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc/self/mem")
def test_an_unreadable_file_named_on_the_command_line_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """/proc/self/mem is a regular file that nobody, not even root, can read from its start."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'unreadable.sqlite'}"
    code = main(["--db", db, "ingest", "/proc/self/mem", str(good)])
    out, err = capsys.readouterr()
    assert code == 4 and "/proc/self/mem: unreadable" in err and " 1 new," in out
    assert "Usage" not in err
