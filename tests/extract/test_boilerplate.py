from __future__ import annotations

from stancemap.extract.boilerplate import BoilerplateIndex
from stancemap.models import Article

BACKGROUND = (
    "The two countries have disputed the region since the war of the late 1980s, "
    "and talks mediated by a group of states have made little progress."
)


def _art(name: str, news: str) -> Article:
    return Article(name=name, text=f"{news}\n\n{BACKGROUND}\n", source=name)


def test_paragraph_in_two_articles_is_boilerplate() -> None:
    a = _art(
        "a", "The foreign minister of Ruritania said on Monday that the vote had no legal effect at all."
    )
    b = _art(
        "b", "Freedonia's embassy said in a statement that it would never recognize the results of the vote."
    )
    index = BoilerplateIndex(min_articles=2)
    index.add(a)
    index.add(b)
    spans = index.spans(a)
    assert [a.text[s:e] for s, e in spans] == [BACKGROUND]
    assert index.spans(b) and a.text.index(BACKGROUND) == spans[0][0]


def test_same_article_twice_counts_once() -> None:
    a = _art(
        "a", "The foreign minister of Ruritania said on Monday that the vote had no legal effect at all."
    )
    index = BoilerplateIndex(min_articles=2)
    index.add(a)
    index.add(a)
    assert index.spans(a) == []


def test_counts_spilled_to_disk_agree_with_counts_in_memory() -> None:
    news = [
        f"Story number {i} reports that the foreign minister of country {i} spoke at length today."
        for i in range(30)
    ]
    arts = [_art(f"a{i}", n) for i, n in enumerate(news)] + [_art("dup", news[0])]
    small, spilled = BoilerplateIndex(2), BoilerplateIndex(2, spill_at=3)
    for a in arts:
        small.add(a)
        spilled.add(a)
    assert len(spilled._runs) > 5  # it did spill
    assert spilled.spans(arts[0]) == small.spans(arts[0]) == [(len(news[0]) + 2, len(arts[0].text) - 1)]
    assert spilled.recurring().counts == small.recurring().counts
    assert len(small.recurring().counts) == 1  # the background; "dup" is the same article as a0
    spilled.close()
