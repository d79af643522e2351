"""The watch and reextract commands, and the /feeds page with its JSON twin, after a round."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.cli import main
from stancemap.config import Settings
from stancemap.store import Store
from tests.pages import article_html

from .server import LocalServer, Route, feeds_file, rss

ENV = {
    "STANCEMAP_WATCH_HOST_INTERVAL_MS": "0",
    "STANCEMAP_WATCH_TIMEOUT_S": "2",
    "STANCEMAP_WATCH_RETRIES": "0",
}


@pytest.fixture()
def watched(server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, LocalServer]:
    """A database after one `watch --once` round over a feed with two good pages and a dead link."""
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    for k in (1, 2):
        server.routes[f"/news/{k}"] = Route(article_html(k).encode())
    server.routes["/rss.xml"] = Route(rss(server.base, ["/news/1", "/news/2", "/gone"]), etag='"x"')
    feeds = feeds_file(tmp_path, {"url": server.url("/rss.xml"), "every": "15m"})
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"
    assert main(["--db", db, "watch", str(feeds), "--once"]) == 0
    return db, server


def test_watch_once_prints_a_summary(
    server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    server.routes["/news/1"] = Route(article_html(1).encode())
    server.routes["/news/2"] = Route(article_html(2).encode())
    server.routes["/rss.xml"] = Route(rss(server.base, ["/news/1", "/news/2", "/gone"]))
    feeds = feeds_file(tmp_path, {"url": server.url("/rss.xml")})
    assert main(["--db", f"sqlite:///{tmp_path / 'w.sqlite'}", "watch", str(feeds), "--once"]) == 0
    out, err = capsys.readouterr()
    assert "round 1" in out and "3/3" in err  # a summary on stdout, progress on stderr
    assert "articles: 2 stored, 0 already stored, 1 failed (1 http_404)" in out
    assert "requests: 5" in out


def test_the_feeds_page_and_its_json_twin(watched: tuple[str, LocalServer]) -> None:
    db, server = watched
    with TestClient(create_app(Settings(db=db))) as client:
        data = client.get("/feeds.json").json()
        page = client.get("/feeds")
    (source,) = data["sources"]
    assert source["url"] == server.url("/rss.xml") and source["last_status"] == "ok"
    assert source["last_fetch_at"] is not None and source["entries"] == {"stored": 2, "failed": 1}
    assert source["newest_article"]["title"].startswith("Referendum rejected")
    assert [e["reason"] for e in source["errors"]] == ["http_404"]
    assert page.status_code == 200
    html = page.text
    assert server.url("/rss.xml") in html and "http_404" in html
    assert source["newest_article"]["title"] in html and 'href="/feeds.json"' in html


def test_reextract_reads_the_kept_pages_without_fetching(
    watched: tuple[str, LocalServer], capsys: pytest.CaptureFixture[str]
) -> None:
    db, server = watched
    capsys.readouterr()
    with Store.open(db) as store:
        before = store.counts()
    hits = len(server.hits)
    assert main(["--db", db, "reextract"]) == 0
    assert "pages: 2 extracted again, 0 with new text" in capsys.readouterr().out
    assert len(server.hits) == hits
    with Store.open(db) as store:
        assert store.counts() == before
        assert len(store.stored_entries()) == 2


def test_reextract_keeps_the_copies_of_an_article(watched: tuple[str, LocalServer]) -> None:
    from stancemap.store import Copy

    db, _ = watched
    with Store.open(db) as store:
        article_id = store.articles()[0]["id"]
        assert (
            store.add_copies([Copy(article_id, "elsewhere-1", "Borduria Post", "https://post.example/1")])
            == 1
        )
    assert main(["--db", db, "reextract"]) == 0
    with Store.open(db) as store:
        assert [c["name"] for c in store.copies(article_id)] == ["elsewhere-1"]


def test_a_bad_feeds_file_is_a_settings_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "FEEDS.toml"
    path.write_text('[[source]]\nurl = "ftp://x"\n', encoding="utf-8")
    assert main(["--db", f"sqlite:///{tmp_path / 'x.sqlite'}", "watch", str(path), "--once"]) == 2
    assert "url must be an http(s) URL" in capsys.readouterr().err


def test_reextract_replaces_an_article_whose_text_changed(
    watched: tuple[str, LocalServer], capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip

    from sqlalchemy import update

    from stancemap.store.feeds import feed_entries

    db, server = watched
    url = server.url("/news/1")
    with Store.open(db) as store:
        (old_id,) = [a for u, a in store.stored_entries() if u == url]
        with store.engine.begin() as conn:  # as if a better extractor now read the page differently
            conn.execute(
                update(feed_entries)
                .where(feed_entries.c.url == url)
                .values(raw=gzip.compress(article_html(9).encode()))
            )
    capsys.readouterr()
    assert main(["--db", db, "reextract"]) == 0
    assert "pages: 2 extracted again, 1 with new text" in capsys.readouterr().out
    with Store.open(db) as store:
        assert store.article(old_id) is None
        (new_id,) = [a for u, a in store.stored_entries() if u == url]
        article = store.article(new_id)
        assert article is not None and "Referendum rejected 9" in (article["title"] or "")
        assert store.counts()["articles"] == 2
