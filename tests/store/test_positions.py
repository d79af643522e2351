"""The stored positions table: triggers mark (issue, actor) pairs stale, reads rebuild only those."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from stancemap.jobs.consolidate import consolidate, positions, refresh_positions
from stancemap.models import Article, Claim, Issue, Span, Statement
from stancemap.store import Store

from .conftest import store_at


def _article(store: Store, name: str, day: int, said: list[tuple[str, str, str | None]]) -> None:
    """Store an article named ``name`` whose statements are (actor, polarity, issue or None)."""
    text_ = " ".join(
        f"{actor} said it would {pol} the vote number {i} of {name}."
        for i, (actor, pol, _) in enumerate(said)
    )
    art = Article(name=name, text=text_, source=name, published=date(2024, 5, day))
    statements = []
    pos = 0
    for i, (actor, pol, issue) in enumerate(said):
        sentence = f"{actor} said it would {pol} the vote number {i} of {name}."
        start = text_.index(sentence, pos)
        pos = start + len(sentence)
        statements.append(
            Statement(
                article=name,
                actor=actor,
                actor_name=actor,
                kind="indirect",
                evidence=Span(start, pos, sentence),
                date=date(2024, 5, day),
                claims=(Claim("the vote", pol, issue),),  # type: ignore[arg-type]
            )
        )
    assert store.add_articles([(art, statements)]) == [True]


def _table(store: Store, issue: str) -> list[tuple[str, str, int]]:
    return [(p.actor, p.stance, p.statements) for p in positions(store, issue)]


def _fresh(store: Store, issue: str) -> list[tuple[str, str, int]]:
    return [(p.actor, p.stance, p.statements) for p in consolidate(store.claim_rows(issue=issue))]


def test_new_claims_make_only_their_pairs_stale(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_issues([Issue("vote", "The vote"), Issue("truce", "The truce")])
        _article(
            store,
            "a",
            1,
            [("FRA", "oppose", "vote"), ("DEU", "support", "vote"), ("FRA", "support", "truce")],
        )
        assert {(e.issue_id, e.actor_code) for e in store.position_entries(stale=True)} == {
            ("vote", "FRA"),
            ("vote", "DEU"),
            ("truce", "FRA"),
        }
        assert refresh_positions(store) == 3
        assert store.position_entries(stale=True) == []
        assert _table(store, "vote") == [("DEU", "support", 1), ("FRA", "oppose", 1)]

        _article(
            store, "b", 4, [("DEU", "oppose", "vote"), ("ITA", "oppose", "vote"), ("ESP", "neutral", None)]
        )
        assert {(e.issue_id, e.actor_code) for e in store.position_entries(stale=True)} == {
            ("vote", "DEU"),
            ("vote", "ITA"),
        }
        # the read rebuilds the two stale pairs and keeps the third as stored
        assert _table(store, "vote") == [("DEU", "oppose", 2), ("FRA", "oppose", 1), ("ITA", "oppose", 1)]
        assert _table(store, "vote") == _fresh(store, "vote")
        assert store.position_entries(stale=True) == []


def test_a_position_built_before_a_change_is_not_saved_over_it(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_issues([Issue("vote", "The vote")])
        _article(store, "a", 1, [("FRA", "oppose", "vote")])
        (seen,) = store.position_entries(issue="vote")
        _article(store, "b", 2, [("FRA", "support", "vote")])  # arrives while `seen` is being built
        assert store.save_positions([(seen, {"stale": True})]) == 0
        (now,) = store.position_entries(issue="vote")
        assert now.version > seen.version and not now.current
        assert _table(store, "vote") == [("FRA", "support", 2)]  # changed once, from oppose


def test_deleted_or_edited_rows_make_their_positions_stale(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_issues([Issue("vote", "The vote")])
        _article(store, "a", 1, [("FRA", "oppose", "vote")])
        _article(store, "b", 2, [("DEU", "support", "vote")])
        assert refresh_positions(store) == 2
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE claims SET polarity = 'support' WHERE polarity = 'oppose'"))
        assert _table(store, "vote") == [("DEU", "support", 1), ("FRA", "support", 1)]
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO actors (code, name, kind) VALUES ('ITA', 'Italy', 'state')"))
            conn.execute(
                text("UPDATE statements SET actor_code = 'ITA', actor_name = 'ITA' WHERE actor_code = 'DEU'")
            )
        assert _table(store, "vote") == [("FRA", "support", 1), ("ITA", "support", 1)]
        with store.engine.begin() as conn:
            conn.execute(
                text("DELETE FROM articles WHERE name = 'a'")
            )  # its statements and claims by cascade
        assert _table(store, "vote") == [("ITA", "support", 1)]
        assert [e.actor_code for e in store.position_entries(issue="vote")] == ["ITA"]
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE articles SET outlet = 'example.org'"))
        assert [p.best["outlet"] for p in positions(store, "vote")] == ["example.org"]


def test_the_revision_fills_positions_for_claims_stored_before_it(db_url: str) -> None:
    with store_at(db_url, "0004_filter_indexes") as store:  # the schema before 0005
        store.add_issues([Issue("vote", "The vote")])
        _article(store, "a", 1, [("FRA", "oppose", "vote"), ("DEU", "support", "vote")])
    with Store.open(db_url) as store:
        assert len(store.position_entries(stale=True)) == 2
        assert _table(store, "vote") == [("DEU", "support", 1), ("FRA", "oppose", 1)]


def test_a_copy_of_an_article_is_one_more_source_and_makes_its_positions_stale(db_url: str) -> None:
    from dataclasses import replace

    from stancemap.store import Copy

    with Store.open(db_url) as store:
        store.add_issues([Issue("vote", "The vote")])
        _article(store, "a", 1, [("FRA", "oppose", "vote")])
        _article(store, "b", 2, [("DEU", "support", "vote")])
        assert refresh_positions(store) == 2
        [fra] = [p for p in positions(store, "vote") if p.actor == "FRA"]
        assert fra.best["sources"] == 1 and fra.history[0]["sources"] == 1
        a = next(r for r in store.articles() if r["name"] == "a")
        copy = Copy(a["id"], "a-elsewhere", "Borduria Post")
        assert store.add_copies([copy, replace(copy, name="a-third")]) == 2
        # only the pair whose article gained copies is stale, and its sources count them
        assert {(e.issue_id, e.actor_code) for e in store.position_entries(stale=True)} == {("vote", "FRA")}
        [fra] = [p for p in positions(store, "vote") if p.actor == "FRA"]
        assert fra.best["sources"] == 3 and fra.history[0]["sources"] == 3 and fra.articles == 3
        [deu] = [p for p in positions(store, "vote") if p.actor == "DEU"]
        assert deu.best["sources"] == 1
        assert store.position_entries(stale=True) == []
