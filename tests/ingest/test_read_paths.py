"""read_paths / read_file: folders, sniffing, size limits, skips with reasons, order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from stancemap.config import Settings
from stancemap.ingest import REASONS, Skipped, read_file, read_paths
from stancemap.models import Article

BODY = "The Foreign Ministry of Freedonia said on Monday that it rejects the outcome of the vote.\n"
PAGE = (
    "<!DOCTYPE html><html><head><title>Freedonia rejects vote</title></head><body><article>"
    "<p>The Foreign Ministry of Freedonia said on Monday that it rejects the outcome of the vote "
    "held in the region and calls for a new one under international observation.</p>"
    "<p>Its neighbours have not yet said whether they will recognize the result, officials said.</p>"
    "</article></body></html>"
)


ORDER = ["one.TXT", "two.text", "page.htm", "r1", "r2", "c.txt"]


def names(items: list[Article | Skipped]) -> list[str]:
    return [i.name if isinstance(i, Article) else f"{Path(i.source).name}:{i.reason}" for i in items]


def read(*paths: str | Path, settings: Settings | None = None) -> list[Article | Skipped]:
    return list(read_paths(paths, settings or Settings()))


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "b_dir" / "deeper").mkdir(parents=True)
    (root / "a_dir").mkdir()
    (root / ".hidden_dir").mkdir()
    (root / "c.txt").write_text(f" date 2020-01-02\n\n{BODY}", encoding="utf-8")
    (root / "a_dir" / "one.TXT").write_text(BODY, encoding="utf-8")
    (root / "b_dir" / "page.htm").write_text(PAGE, encoding="utf-8")
    (root / "b_dir" / "deeper" / "two.text").write_text(BODY, encoding="utf-8")
    (root / "b_dir" / "records.jsonl").write_text(
        json.dumps({"id": "r1", "text": BODY}) + "\n" + json.dumps({"id": "r2", "text": BODY}) + "\n",
        encoding="utf-8",
    )
    (root / "MANIFEST.tsv").write_text("file\turl\nc.txt\thttps://example.org\n", encoding="utf-8")
    (root / "README.md").write_text("# A corpus\n\nSome notes.\n", encoding="utf-8")
    (root / "notes.json").write_text("{}", encoding="utf-8")
    (root / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (root / ".hidden_dir" / "secret.txt").write_text(BODY, encoding="utf-8")
    return root


def test_folder_recursion_in_sorted_order(tree: Path) -> None:
    items = read(tree)
    # depth first, each folder's entries in name order: b_dir/deeper comes before b_dir/page.htm
    assert names(items) == ORDER
    assert all(isinstance(i, Article) for i in items), (
        "MANIFEST.tsv, README.md, .json and hidden files are ignored"
    )
    by_name = {i.name: i for i in items if isinstance(i, Article)}
    assert by_name["c.txt"].source == str(tree / "c.txt")
    assert by_name["c.txt"].published == date(2020, 1, 2)
    assert by_name["page.htm"].title == "Freedonia rejects vote"
    assert by_name["r1"].source == f"{tree / 'b_dir' / 'records.jsonl'}:1"


def test_order_is_deterministic(tree: Path) -> None:
    first = read(tree)
    for name in ("zzz.txt", "000.txt", "mmm.txt"):  # created after, sorted among the others
        (tree / "a_dir" / name).write_text(BODY, encoding="utf-8")
    again = read(tree)
    assert names(again) == ["000.txt", "mmm.txt", "one.TXT", "zzz.txt"] + names(first)[1:]
    assert read(tree) == again


def test_paths_are_read_lazily(tree: Path) -> None:
    items = read_paths([tree], Settings())
    assert isinstance(next(items), Article)  # a_dir/one.TXT
    (tree / "c.txt").unlink()
    assert names(list(items))[-1] == "c.txt:not_found"


def test_explicit_files_are_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "saved_page.php"
    page.write_text(PAGE, encoding="utf-8")
    plain = tmp_path / "story"
    plain.write_text(BODY, encoding="utf-8")
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text("file\turl\n", encoding="utf-8")
    a, b, c = read(page, plain, str(manifest))
    assert isinstance(a, Article) and a.title == "Freedonia rejects vote" and a.text.startswith("The Foreign")
    assert isinstance(b, Article) and b.text == BODY and b.name == "story"
    assert isinstance(c, Article), "a file named explicitly is always read"


def test_html_in_a_txt_file_is_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    (a,) = read(path)
    assert isinstance(a, Article) and a.text == PAGE


def test_bad_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(f" date 2022-02-02\n\n{BODY}", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (folder / "legacy.txt").write_bytes("The ministry said \u201cno\u201d to the plan.\n".encode("cp1252"))
    (folder / "cut.html").write_text("<html><body><p>Half a sent", encoding="utf-8")
    (folder / "big.txt").write_text(BODY * 20, encoding="utf-8")
    items = read(folder, tmp_path / "missing.txt", settings=Settings().replace(max_file_bytes=1000))
    assert names(items) == [
        "big.txt:too_large",
        "blank.txt:empty",
        "cut.html:no_text",
        "empty.txt:empty",
        "good.txt",
        "image.txt:binary",
        "legacy.txt",
        "missing.txt:not_found",
    ]
    legacy = [i for i in items if isinstance(i, Article) and i.name == "legacy.txt"][0]
    assert legacy.text == "The ministry said \u201cno\u201d to the plan.\n"
    for skip in items:
        if isinstance(skip, Skipped):
            assert skip.reason in REASONS and skip.message and not skip.message.startswith("[")


def test_a_50_mb_file_is_too_large_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: instant, takes no disk space
        fh.truncate(50_000_000)
    (skip,) = list(read_file(path, Settings()))
    assert isinstance(skip, Skipped) and skip.reason == "too_large"
    assert "50,000,000" in skip.message


def test_not_files(tmp_path: Path) -> None:
    (skip,) = list(read_file(tmp_path, Settings()))
    assert isinstance(skip, Skipped) and skip.reason == "unsupported"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        assert [i.reason for i in read(fifo) if isinstance(i, Skipped)] == ["unsupported"]
        assert names(read(tmp_path)) == ["pipe.txt:unsupported"], "a pipe in a folder is reported, not read"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    try:
        assert [i.reason for i in read(path) if isinstance(i, Skipped)] == ["unreadable"]
    finally:
        path.chmod(0o644)


def test_symlink_loop_is_walked_once(tree: Path) -> None:
    (tree / "a_dir" / "loop").symlink_to(tree, target_is_directory=True)
    assert names(read(tree)) == ORDER


def test_importing_ingest_is_light() -> None:
    code = (
        "import sys, stancemap.ingest; "
        "print(sorted(m for m in ('trafilatura', 'charset_normalizer', 'dateutil', 'lxml') if m in sys.modules))"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": src},
    )
    assert out.stdout.strip() == "[]"


def test_seed_corpus(shared_corpus: Path) -> None:
    items = read(shared_corpus / "seeds")
    assert all(isinstance(i, Article) for i in items)
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.name for a in articles] == sorted(p.name for p in (shared_corpus / "seeds").glob("*.txt"))
    assert len(articles) == 5
    dated = {a.name: a.published for a in articles if a.published}
    # 004 has no header line: its first line is a title
    assert set(dated) == {a.name for a in articles} - {"004_8427358f749151db.txt"}
    assert dated["000_e7cdd6b57caa1642.txt"] == date(2020, 4, 11)
    # what the header line says, read here by hand, is what the reader gives
    first = articles[0]
    raw = (shared_corpus / "seeds" / first.name).read_text(encoding="utf-8")
    header = raw.splitlines()[0]
    assert header.startswith(" date 2020-04-11 By ")
    assert first.author == header.split(" By ", 1)[1].strip()
    assert first.text == raw
    assert first.text[first.body_start :] == raw[len(header) :].lstrip()
    last = articles[-1]
    raw = (shared_corpus / "seeds" / last.name).read_text(encoding="utf-8")
    title = raw.splitlines()[0].strip()
    assert last.title == title
    assert last.text[last.body_start :] == raw[raw.index(title) + len(title) :].lstrip()


def test_voa_corpus_through_read_paths(shared_corpus: Path) -> None:
    items = read(shared_corpus / "voa")  # README.md beside it is ignored
    assert len(items) == 89 and all(isinstance(i, Article) for i in items)


def test_a_repaired_file_is_stored_and_said_so_in_the_warning_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes("Ruritania said \u201cno\u201d.\n".encode() + b"The vote \xff was void.\n")
    with caplog.at_level("WARNING", logger="stancemap.ingest"):
        items = read(path)
    assert isinstance(items[0], Article) and "\ufffd" in items[0].text
    assert any("stray.txt" in r.getMessage() and "stray byte" in r.getMessage() for r in caplog.records)
