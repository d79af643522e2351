from __future__ import annotations

from datetime import date

import pytest

from stancemap.extract.dates import find_date

PUB = date(2021, 4, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spoke at a briefing on 9 April", date(2021, 4, 9)),
        ("said on April 9", date(2021, 4, 9)),
        ("said on March 31st", date(2021, 3, 31)),
        ("wrote on 2 March 2019", date(2019, 3, 2)),
        ("wrote on March 2, 2019", date(2019, 3, 2)),
        ("said on Monday", date(2021, 4, 12)),
        ("said on Wednesday", date(2021, 4, 14)),
        ("said yesterday", date(2021, 4, 13)),
        ("said today", PUB),
        ("said on 30 December", date(2020, 12, 30)),  # year rollover
        ("posted 2021-04-01", date(2021, 4, 1)),
        ("said the minister", None),
    ],
)
def test_resolves_against_article_date(text: str, expected: date | None) -> None:
    assert find_date(text, PUB) == expected


def test_without_article_date_only_absolute_dates() -> None:
    assert find_date("said on Monday", None) is None
    assert find_date("on 2 March 2019", None) == date(2019, 3, 2)
