"""The streaming pipeline: batches are parsed in memory zones, so a long run does not accumulate."""

from __future__ import annotations

from typing import Any

from stancemap.config import Settings
from stancemap.extract.pipeline import WARM_BATCHES, Extractor
from stancemap.models import Article


def _article(k: int) -> Article:
    # a made-up surname per article: a word no vocabulary holds
    name = f"Vrexil{k}ova"
    text = (
        f"Ruritania rejects the vote, its foreign minister Anna {name} said on Tuesday. "
        f'"We will never accept it," {name} told reporters.'
    )
    return Article(name=f"a{k}.txt", text=text, source=f"a{k}.txt")


def test_words_of_parsed_batches_do_not_stay_in_the_vocabulary(nlp: Any) -> None:
    extractor = Extractor(Settings().replace(batch_size=1, n_process=1))
    n = WARM_BATCHES + 3
    results = list(extractor.run(_article(k) for k in range(n)))
    # the statements are complete: they were taken from each Doc before its zone closed
    assert [a.name for a, _ in results] == [f"a{k}.txt" for k in range(n)]
    for k, (_, statements) in enumerate(results):
        assert any(s.speaker and f"Vrexil{k}ova" in s.speaker for s in statements), statements
    # the last batches were parsed in memory zones: their new words were dropped afterwards
    assert f"Vrexil{n - 1}ova" not in nlp.vocab.strings
    assert f"Vrexil{n - 2}ova" not in nlp.vocab.strings
