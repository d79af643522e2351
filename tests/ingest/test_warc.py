"""warc: web archives written here with warcio; HTML responses become articles, the rest is skipped."""

from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from stancemap.cli import main
from stancemap.config import Settings
from stancemap.ingest import Skipped, read_paths
from stancemap.jobs.corpus import BatchReport, scan
from stancemap.models import Article
from tests.pages import article_html, article_paragraphs

WARC_DATE = "2025-06-07T08:09:10Z"


def _response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    extra: dict[str, str] | None = None,
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": WARC_DATE, **(extra or {})}
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=headers
    )
    writer.write_record(record)


def _request(writer: WARCWriter, uri: str) -> None:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record(uri, "request", http_headers=http))


def write_archive(path: Path, gz: bool) -> None:
    """Every kind of record the reader must handle, in one archive."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _request(writer, "https://news.example/a1")
        # 1: a whole page with its own date and canonical URL
        _response(
            writer, "https://news.example/a1", article_html(1, url="https://news.example/story-1").encode()
        )
        # 2: a page naming no date and no URL: the record's date and target URI stand in
        _response(writer, "https://news.example/a2", article_html(2, date=None).encode())
        # the same page again, crawled twice: one article
        _response(writer, "https://news.example/a2?again", article_html(2, date=None).encode())
        meta = writer.create_warc_record(
            "https://news.example/a1",
            "metadata",
            payload=io.BytesIO(b"via: x"),
            warc_content_type="text/plain",
        )
        writer.write_record(meta)
        _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        _response(writer, "https://news.example/gone", b"<html>gone</html>", status="404 Not Found")
        # cut by the crawler at its size limit
        _response(
            writer,
            "https://news.example/big",
            article_html(3).encode(),
            extra={"WARC-Truncated": "length"},
        )
        # says UTF-8, holds cp1252 curly quotes
        _response(writer, "https://news.example/cp", article_html(4).encode("cp1252"))
        # no charset declared, legacy bytes: decoded as an HTML file would be
        _response(writer, "https://news.example/legacy", article_html(5).encode("cp1252"), "text/html")


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    write_archive(path, request.param)
    return path


def _read(path: Path, settings: Settings) -> tuple[list[Article], list[Skipped]]:
    items = list(read_paths([path], settings))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skipped)]


def test_each_html_response_becomes_an_article(archive: Path, settings: Settings) -> None:
    articles, _ = _read(archive, settings)
    assert [a.url for a in articles] == [
        "https://news.example/story-1",
        "https://news.example/a2",
        "https://news.example/a2?again",
        "https://news.example/legacy",
    ]
    first, second = articles[0], articles[1]
    assert first.title == "Referendum rejected 1"
    assert first.published == date(2025, 5, 4)  # the page's own date first
    assert first.author == "Jane Roe"
    assert all(p in first.text for p in article_paragraphs(1))
    assert "Home" not in first.text and "Copyright" not in first.text
    assert second.published == date(2025, 6, 7)  # the record's date stands in
    assert second.name == "https://news.example/a2" and second.outlet in {"news.example", "Example News"}
    assert first.source.startswith(f"{archive}:")
    assert "\u201cThe vote" in articles[3].text  # cp1252 curly quotes decoded


def test_other_records_are_skipped_with_a_reason(archive: Path, settings: Settings) -> None:
    _, skipped = _read(archive, settings)
    reasons = [s.reason for s in skipped]
    assert reasons == [
        "not_response",  # warcinfo
        "not_response",  # request
        "not_response",  # metadata
        "not_html",  # image
        "not_html",  # 404
        "truncated",  # WARC-Truncated
        "undecodable",  # declared UTF-8, is cp1252
    ]
    assert "utf-8" in skipped[-1].message
    offsets = [int(s.source.rsplit(":", 1)[1]) for s in skipped]
    assert offsets == sorted(set(offsets))  # each names its own record


def test_passed_over_records_are_counted_not_listed(archive: Path, settings: Settings) -> None:
    report = BatchReport()
    _, total = scan([archive], settings, report)
    assert total == 4
    assert report.passed == {"not_response": 3, "not_html": 2}
    assert sorted(report.skipped_by_reason) == ["truncated", "undecodable"]


def test_a_file_cut_inside_a_record_ends_with_truncated(tmp_path: Path, settings: Settings) -> None:
    whole = tmp_path / "whole.warc"
    with whole.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        _response(writer, "https://news.example/1", article_html(1).encode())
        _response(writer, "https://news.example/2", article_html(2).encode())
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 300])
    articles, skipped = _read(cut, settings)
    assert [a.url for a in articles] == ["https://news.example/1"]
    assert [s.reason for s in skipped] == ["truncated"]


def test_a_gzip_archive_cut_short_ends_with_truncated(tmp_path: Path, settings: Settings) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_archive(whole, gz=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    articles, skipped = _read(cut, settings)
    assert articles  # what came before the cut is kept
    assert skipped[-1].reason == "truncated"


def test_a_payload_over_the_size_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        _response(writer, "https://news.example/1", article_html(1).encode())
        _response(writer, "https://news.example/2", article_html(2).encode() + b" " * 5000)
    articles, skipped = _read(path, Settings(max_file_bytes=3000))
    assert [a.url for a in articles] == ["https://news.example/1"]
    assert [s.reason for s in skipped] == ["too_large"]


def test_a_folder_reads_archives_beside_other_files(tmp_path: Path, settings: Settings) -> None:
    write_archive(tmp_path / "b.warc.gz", gz=True)
    (tmp_path / "notes.gz").write_bytes(gzip.compress(b"not an archive"))
    articles, _ = _read(tmp_path, settings)
    assert len(articles) == 4


def test_ingest_stores_each_page_once_and_reports_reasons(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"
    assert main(["--db", db, "ingest", str(archive)]) == 4  # a truncated and a mis-encoded record
    out, err = capsys.readouterr()
    assert "3 new, 1 already stored, 2 skipped (1 truncated, 1 undecodable)" in out
    assert "records passed over: 2 not_html, 3 not_response" in out
    assert "truncated" in err and "not_response" not in err  # passed-over records are not listed
    assert main(["--db", db, "ingest", str(archive)]) == 4
    assert "0 new, 4 already stored" in capsys.readouterr().out
    engine = create_engine(db)
    with engine.connect() as conn:
        urls = sorted(r[0] for r in conn.execute(text("SELECT url FROM articles")))
        statements = conn.execute(text("SELECT count(*) FROM statements")).scalar_one()
    engine.dispose()
    assert urls == ["https://news.example/a2", "https://news.example/legacy", "https://news.example/story-1"]
    assert statements >= 3


def test_the_dask_client_streams_records_into_partitions(archive: Path, settings: Settings) -> None:
    from stancemap.jobs.cluster import _partitions

    parts = list(_partitions([archive], settings, 3))
    assert [len(p) for p in parts] == [3, 1]
    assert parts[0][0].url == "https://news.example/story-1"


def test_records_are_read_one_at_a_time(tmp_path: Path, settings: Settings) -> None:
    import tracemalloc

    path = tmp_path / "many.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for k in range(500):
            _response(writer, f"https://news.example/img{k}.png", bytes([k % 251 + 1]) * 40_000, "image/png")
            if k % 25 == 0:
                _response(writer, f"https://news.example/page{k}", b"<html><body>hello</body></html>")
    assert path.stat().st_size < 1_000_000  # compressed; 20 MB of payloads inflated
    report = BatchReport()
    list(read_paths([path], settings))  # trafilatura's imports and caches, before measuring
    tracemalloc.start()
    try:
        for item in read_paths([path], settings):
            if isinstance(item, Skipped):
                report.skip(item)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.passed == {"not_html": 500} and len(report.skipped) == 20  # the pages have no text
    assert peak < 2_000_000, f"peak {peak:,} bytes: records are held, not streamed"


def test_gzip_and_chunked_payloads_are_decoded(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "encoded.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for uri, body, headers in (
            (
                "https://news.example/gz",
                gzip.compress(article_html(1).encode()),
                [("Content-Encoding", "gzip")],
            ),
            (
                "https://news.example/chunked",
                b"%x\r\n" % len(article_html(2).encode()) + article_html(2).encode() + b"\r\n0\r\n\r\n",
                [("Transfer-Encoding", "chunked")],
            ),
        ):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
            )
    articles, skipped = _read(path, settings)
    assert [a.title for a in articles] == ["Referendum rejected 1", "Referendum rejected 2"] and not skipped
