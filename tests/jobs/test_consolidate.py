"""Positions consolidated from claim rows: merging reports, stance rules, best evidence."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

import pytest

from stancemap.errors import NotFoundError
from stancemap.jobs.consolidate import actor_positions, consolidate, positions, timeline
from stancemap.models import Article, Claim, Issue, Span, Statement
from stancemap.store import Store

_ids = count(1)

QUOTE = "the alliance rejects the outcome of these elections as altering the legal status"


def row(
    actor: str = "NATO",
    polarity: str = "oppose",
    *,
    article: str = "a1",
    kind: str = "direct",
    when: date | None = date(2020, 3, 31),
    text: str = QUOTE,
    speaker: str | None = None,
    outlet: str | None = None,
) -> dict[str, Any]:
    return {
        "issue_id": "vote",
        "target": "the results",
        "polarity": polarity,
        "reason": "",
        "statement_id": next(_ids),
        "actor_code": actor,
        "actor_name": actor,
        "speaker": speaker,
        "speaker_title": None,
        "kind": kind,
        "date": when,
        "channel": None,
        "evidence_text": text,
        "evidence_start": 0,
        "evidence_end": len(text),
        "article_id": article,
        "article": f"{article}.txt",
        "outlet": outlet or f"{article}.example",
        "published": when,
    }


def test_the_same_words_in_two_articles_are_one_statement_with_two_sources() -> None:
    longer = "With regard to the vote held today, " + QUOTE + ", the alliance said."
    (p,) = consolidate([row(article="a1", text=longer), row(article="a2", when=date(2020, 4, 1))])
    assert (p.statements, p.reports, p.articles, p.outlets) == (1, 2, 2, 2)
    assert p.best["sources"] == 2


def test_reports_far_apart_in_time_stay_separate_statements() -> None:
    (p,) = consolidate([row(article="a1"), row(article="a2", when=date(2021, 3, 31))])
    assert p.statements == 2


def test_two_statements_in_one_article_are_never_merged() -> None:
    (p,) = consolidate([row(article="a1"), row(article="a1")])
    assert p.statements == 2 and p.articles == 1


def test_different_words_are_different_statements() -> None:
    other = "the vote was a blatant violation of international law and cannot be accepted"
    (p,) = consolidate([row(article="a1"), row(article="a2", text=other)])
    assert p.statements == 2


def test_disagreeing_statements_make_a_mixed_stance() -> None:
    (p,) = consolidate(
        [
            row(when=date(2020, 1, 1)),
            row("NATO", "support", article="a2", when=date(2020, 1, 2), text="we welcome it"),
        ]
        + [row(article="a3", when=date(2020, 1, 3), text="we reject it, really and truly, today")]
    )
    assert p.stance == "mixed" and not p.changed


def test_a_mixed_positions_best_evidence_shows_the_side_it_takes_more_often() -> None:
    rows = [
        row(when=date(2020, 1, 1), text="we reject the vote as illegal and void"),
        row(article="a2", when=date(2020, 1, 2), text="the vote has no legal effect for us at all"),
        # one odd statement, though a named speaker's own words and the longest
        row("NATO", "support", article="a3", when=date(2020, 1, 3), speaker="Anna Berg",
            text="we welcome the vote and everything that it stands for, said the spokeswoman today"),
        row(article="a4", when=date(2020, 1, 4), text="we reject it, really and truly, today"),
    ]  # fmt: skip
    (p,) = consolidate(rows)
    assert p.stance == "mixed" and p.best["polarity"] == "oppose"


def test_a_single_change_over_time_is_the_latest_stance_and_marked() -> None:
    rows = [
        row(when=date(2020, 1, 1), text="we reject the vote as illegal and void"),
        row(article="a2", when=date(2020, 2, 1), text="we reject it again, it is illegal"),
        row(polarity="support", article="a3", when=date(2020, 6, 1), text="we now accept the outcome"),
    ]
    (p,) = consolidate(rows)
    assert (p.stance, p.changed, p.previous_stance) == ("support", True, "oppose")
    assert [h["polarity"] for h in p.history] == ["oppose", "oppose", "support"]
    assert p.best["polarity"] == "support"


def test_own_words_outweigh_an_outlet_summary() -> None:
    rows = [
        row(kind="summary", polarity="support", text="countries including X welcomed the vote"),
        row(article="a2", text="we do not recognize the vote", speaker="A. Spokes"),
    ]
    (p,) = consolidate(rows)
    assert p.stance == "oppose" and not p.summary_only
    assert p.best["kind"] == "direct" and p.best["speaker"] == "A. Spokes"


def test_a_position_resting_on_summaries_says_so() -> None:
    (p,) = consolidate([row(kind="summary", text="several states condemned the vote")])
    assert p.summary_only and p.stance == "oppose"


def test_neutral_only_is_neutral_and_neutral_does_not_make_mixed() -> None:
    (p,) = consolidate([row(polarity="neutral", text="we are following the vote closely")])
    assert p.stance == "neutral"
    (q,) = consolidate([row(polarity="neutral", text="we follow it"), row(article="a2", text="we reject it")])
    assert q.stance == "oppose"


def test_order_states_then_organizations_then_others() -> None:
    got = consolidate([row("PERSON:Jo"), row("NATO"), row("ORG:Party"), row("FRA"), row("DEU")])
    assert [p.actor for p in got] == ["DEU", "FRA", "NATO", "ORG:Party", "PERSON:Jo"]


def test_best_evidence_prefers_a_named_speaker() -> None:
    rows = [
        row(kind="indirect", text="the ministry rejected the vote"),
        row(kind="indirect", article="a2", text="we reject it fully", speaker="M. Z."),
    ]
    (p,) = consolidate(rows)
    assert p.best["speaker"] == "M. Z."


@pytest.fixture()
def store() -> Store:
    s = Store.open("sqlite://")
    s.add_issues([Issue("vote", "The vote")])
    for name, published, actor, pol in (
        ("one", date(2020, 4, 1), "FRA", "oppose"),
        ("two", date(2020, 4, 2), "DEU", "support"),
    ):
        text = f"{actor} said it would {pol} the vote."
        art = Article(name=name, text=text, source=name, published=published)
        s.add_article(
            art,
            [
                Statement(
                    article=name,
                    actor=actor,
                    actor_name=actor,
                    kind="indirect",
                    evidence=Span(0, len(text), text),
                    date=published,
                    claims=(Claim("the vote", pol, "vote"),),  # type: ignore[arg-type]
                )
            ],
        )
    return s


def test_positions_and_timeline_read_the_store(store: Store) -> None:
    assert [(p.actor, p.stance) for p in positions(store, "vote")] == [("DEU", "support"), ("FRA", "oppose")]
    assert [e.actor for e in timeline(store, "vote")] == ["FRA", "DEU"]
    assert [p.issue for p in actor_positions(store, "FRA")] == ["vote"]
    assert positions(store, "vote")[0].to_dict()["first_date"] == "2020-04-02"


def test_unknown_issue_or_actor_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        positions(store, "nope")
    with pytest.raises(NotFoundError):
        timeline(store, "nope")
    with pytest.raises(NotFoundError):
        actor_positions(store, "XXX")
