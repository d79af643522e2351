"""Background paragraphs estimated from the stored articles of an outlet."""

from __future__ import annotations

from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.config import Settings
from stancemap.models import Article
from stancemap.store import Store
from stancemap.web.boilerplate import BoilerplateCache

BACKGROUND = (
    "The outlet has reported on this conflict for years; the region has been disputed since the war "
    "and talks have stalled many times."
)


def article(name: str, news: str, outlet: str = "example.org") -> Article:
    # the story's own lead comes first, long enough to count: background is what recurs after it
    lead = f"{news} The ministry of Ruritania said on the record that story {name} is its own news."
    text = f"{lead}\n{BACKGROUND}\nMore news follows here about {name}."
    return Article(name=name, text=text, source=name, outlet=outlet)


def test_recurring_paragraphs_of_an_outlet_are_background(settings: Settings) -> None:
    with Store.open(settings.db) as store:
        a = article("a", "First story.")
        store.add_article(a, [])
        cache = BoilerplateCache(2)
        assert cache.spans(store, a.text, "example.org") == [], "one article: nothing recurs yet"
        store.add_article(article("b", "Second story."), [])
        store.add_article(article("c", "Third story.", outlet="other.org"), [])
        spans = cache.spans(store, a.text, "example.org")
        assert [a.text[s:e] for s, e in spans] == [BACKGROUND]
        assert cache.spans(store, article("c", "Third story.").text, "other.org") == []


def test_article_page_fades_background(settings: Settings) -> None:
    with Store.open(settings.db) as store:
        for name in ("a", "b"):
            store.add_article(article(name, f"Story {name}."), [])
    with TestClient(create_app(settings)) as client:
        html = client.get("/articles/a").text
    assert f'<span class="faded">{BACKGROUND}</span>' in html
