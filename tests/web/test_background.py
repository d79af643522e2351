"""The article page fades the background paragraphs that ingest stored with the article."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.config import Settings
from stancemap.extract.boilerplate import BoilerplateIndex
from stancemap.ingest import read_paths
from stancemap.jobs.corpus import ingest_paths
from stancemap.models import Article
from stancemap.store import Store

BACKGROUND = (
    "The outlet has reported on this conflict for years; the region has been disputed since the war "
    "and talks have stalled many times."
)


def article(name: str, news: str, outlet: str = "example.org") -> Article:
    # the story's own lead comes first, long enough to count: background is what recurs after it
    lead = f"{news} The ministry of Ruritania said on the record that story {name} is its own news."
    text = f"{lead}\n{BACKGROUND}\nMore news follows here about {name}."
    return Article(name=name, text=text, source=name, outlet=outlet)


def _faded(client: TestClient, name: str) -> bool:
    return f'<span class="faded">{BACKGROUND}</span>' in client.get(f"/articles/{name}").text


def test_the_page_fades_what_was_stored_and_guesses_nothing(settings: Settings) -> None:
    a, b = article("a", "Story a."), article("b", "Story b.")
    start = a.text.index(BACKGROUND)
    with Store.open(settings.db) as store:
        store.add_article(a, [], [(start, start + len(BACKGROUND))])
        store.add_article(b, [])  # the same paragraph, stored without marks: not faded
    with TestClient(create_app(settings)) as client:
        assert _faded(client, "a")
        assert not _faded(client, "b")


def test_ingest_stores_the_background_the_extractor_skipped(settings: Settings, tmp_path: Path) -> None:
    records = [article("a", "Story a."), article("b", "Story b."), article("c", "Story c.", "other.org")]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": r.name, "text": r.text, "outlet": r.outlet}) + "\n" for r in records),
        encoding="utf-8",
    )
    index = BoilerplateIndex(settings.boilerplate_min_articles)
    read = [r for r in read_paths([corpus], settings) if isinstance(r, Article)]
    for r in read:
        index.add(r)
    with Store.open(settings.db) as store:
        ingest_paths([corpus], settings, store)
        for r in read:
            assert store.background(r.id) == index.spans(r)
        assert [r.text[s:e] for r in read[:1] for s, e in store.background(r.id)] == [BACKGROUND]
        assert store.background(read[2].id) == []  # another outlet's run of the paragraph
    with TestClient(create_app(settings)) as client:
        assert _faded(client, "a") and _faded(client, "b") and not _faded(client, "c")
