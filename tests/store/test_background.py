"""Background paragraphs stored with their article (revision 0009_article_background)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from stancemap.models import Article
from stancemap.store import Store

TEXT = "Lead of the story.\nA background paragraph.\nAnother one.\nThe end."


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


def _article(name: str, text: str = TEXT) -> Article:
    return Article(name=name, text=text, source=name, outlet="Ruritania Times")


def test_spans_are_stored_with_the_article_and_read_in_order(store: Store) -> None:
    a = _article("a")
    assert store.add_article(a, [], [(43, 55), (19, 42)])
    assert store.background(a.id) == [(19, 42), (43, 55)]
    assert store.background("no such article") == []


def test_an_article_stored_again_keeps_its_first_marks(store: Store) -> None:
    a = _article("a")
    store.add_article(a, [], [(19, 42)])
    assert store.add_article(_article("a-elsewhere"), [], [(43, 55)]) is False  # a copy: nothing written
    assert store.background(a.id) == [(19, 42)]


def test_a_batch_stores_each_articles_spans(store: Store) -> None:
    a, b = _article("a"), _article("b", TEXT + "\nMore.")
    assert store.add_articles([(a, []), (b, [])], {b.id: [(19, 42)]}) == [True, True]
    assert store.background(a.id) == []
    assert store.background(b.id) == [(19, 42)]


def test_forgetting_an_article_forgets_its_marks(store: Store) -> None:
    a = _article("a")
    store.add_article(a, [], [(19, 42)])
    store.forget_article(a.id)
    assert store.background(a.id) == []
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM article_background").scalar_one() == 0
