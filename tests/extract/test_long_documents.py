"""Long articles are parsed in pieces cut at paragraph breaks; offsets still slice the article."""

from __future__ import annotations

from stancemap.config import Settings
from stancemap.extract.pipeline import Extractor, char_batches, pieces
from stancemap.models import Article

PARAGRAPH = (
    "{country} will never recognize this so-called plebiscite staged in the occupied province, "
    "its foreign minister {name} said in a briefing on Tuesday."
)
COUNTRIES = ["Ruritania", "Freedonia", "Latveria", "Genovia", "Elbonia", "Borduria", "Syldavia", "Wakanda"]


def _long_article(paragraphs: int) -> Article:
    body = "\n\n".join(
        PARAGRAPH.format(country=COUNTRIES[i % len(COUNTRIES)], name=f"Anna Kowalska{i}")
        for i in range(paragraphs)
    )
    return Article(name="long.txt", text=body, source="long.txt")


def test_pieces_cut_at_paragraph_breaks_within_the_limit() -> None:
    text = "aaaa\nbbbb\ncccc\ndddd"
    cuts = pieces(text, 10)
    assert "".join(text[lo:hi] for lo, hi in cuts) == text
    assert all(hi - lo <= 10 for lo, hi in cuts)
    assert [text[lo:hi] for lo, hi in cuts] == ["aaaa\nbbbb\n", "cccc\ndddd"]
    assert pieces("word " * 5, 12) == [(0, 10), (10, 20), (20, 25)]  # no break: at a space
    assert pieces("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]  # no space either: at the limit
    assert pieces("short", 10) == [(0, 5)]


def test_batches_hold_at_most_so_many_pieces_and_characters() -> None:
    items = [("x" * n, i) for i, n in enumerate([5, 5, 5, 20, 3, 3])]
    sizes = [[len(t) for t, _ in b] for b in char_batches(items, 2, 12)]  # type: ignore[arg-type]
    assert sizes == [[5, 5], [5], [20], [3, 3]]


def test_a_long_article_gives_the_statements_of_every_piece() -> None:
    article = _long_article(60)  # about 9,000 characters
    whole = Extractor(Settings()).extract(article)
    split = Extractor(Settings(max_doc_chars=1000)).extract(article)
    assert len(pieces(article.text, 1000)) > 8
    for st in split:
        assert article.text[st.evidence.start : st.evidence.end] == st.evidence.text
        if st.source is not None:
            assert article.text[st.source.start : st.source.end] == st.source.text
    assert len(split) == len(whole) >= 55  # statements from the last pieces too
    assert {s.evidence.start for s in split} == {s.evidence.start for s in whole}
    assert max(s.evidence.start for s in split) > 8000
