"""The store's read queries: statement filters, counts and single-record lookups."""

from __future__ import annotations

from datetime import date

import pytest

from stancemap.models import Article, Claim, Issue, Span, Statement
from stancemap.store import Store


def _article(name: str, text: str, outlet: str, published: date) -> Article:
    return Article(name=name, text=text, source=f"/tmp/{name}", published=published, outlet=outlet)


def _st(art: Article, actor: str, kind: str, when: date, claims: tuple[Claim, ...]) -> Statement:
    return Statement(
        article=art.name,
        actor=actor,
        actor_name=actor,
        kind=kind,  # type: ignore[arg-type]
        evidence=Span(0, len(art.text), art.text),
        date=when,
        claims=claims,
    )


@pytest.fixture()
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    a1 = _article("one.txt", "Ruritania rejects the sham referendum.", "alpha.example", date(2021, 5, 2))
    a2 = _article("two.txt", "Freedonia welcomes the referendum result.", "beta.example", date(2021, 6, 9))
    s.add_article(
        a1, [_st(a1, "RUR", "direct", date(2021, 5, 1), (Claim("the sham referendum", "oppose", "ref"),))]
    )
    s.add_article(
        a2,
        [
            _st(a2, "FRE", "indirect", date(2021, 6, 8), (Claim("the referendum result", "support", "ref"),)),
            _st(a2, "RUR", "summary", date(2021, 6, 8), ()),
        ],
    )
    s.add_issues([Issue("ref", "The referendum", "support: accepts it")])
    return s


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 3),
        ({"actor": "RUR"}, 2),
        ({"issue": "ref"}, 2),
        ({"polarity": "oppose"}, 1),
        ({"issue": "ref", "polarity": "support"}, 1),
        ({"kind": "summary"}, 1),
        ({"outlet": "beta.example"}, 2),
        ({"date_from": date(2021, 6, 1)}, 2),
        ({"date_to": date(2021, 5, 31)}, 1),
        ({"q": "SHAM referendum"}, 1),
        ({"q": "referendum"}, 3),
        ({"q": "100%_"}, 0),
        ({"article": "two.txt"}, 2),
    ],
)
def test_statement_filters_and_counts_agree(store: Store, filters: dict[str, object], expected: int) -> None:
    assert store.count_statements(**filters) == expected
    assert len(store.statements(**filters)) == expected


def test_pagination_walks_the_list_in_order(store: Store) -> None:
    everything = [s.id for s in store.statements()]
    paged = [s.id for off in range(3) for s in store.statements(limit=1, offset=off)]
    assert paged == everything


def test_single_lookups(store: Store) -> None:
    first = store.statements(limit=1)[0]
    assert store.statement(first.id) == first
    assert store.statement(10_000) is None
    art = store.article("one.txt")
    assert art is not None and art["text"].startswith("Ruritania")
    assert store.article(art["id"]) == art
    assert store.article("nope") is None
    assert store.issue("ref") == Issue("ref", "The referendum", "support: accepts it")
    assert store.issue("other") is None
    assert store.actor("FRE") == {"code": "FRE", "name": "FRE", "kind": "state"}
    assert store.actors()[0] == {"code": "RUR", "name": "RUR", "kind": "state", "statements": 2}
    assert store.count_actors() == 2 and store.count_articles() == 2


def test_claim_rows_join_claim_statement_and_article(store: Store) -> None:
    rows = store.claim_rows(issue="ref")
    assert [(r["actor_code"], r["polarity"], r["outlet"]) for r in rows] == [
        ("RUR", "oppose", "alpha.example"),
        ("FRE", "support", "beta.example"),
    ]
    assert store.claim_rows(actor="FRE")[0]["target"] == "the referendum result"
