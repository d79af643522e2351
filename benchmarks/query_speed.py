#!/usr/bin/env python3
"""Query latency over a large store: the positions table and filtered statement searches.

usage: python benchmarks/query_speed.py --db URL [--statements 1000000] [--issues 200] [--repeat 60]

Fills an empty database (through ``Store.open``, so with every migration and
index) with synthetic rows: ``--statements`` statements in articles of ten, each
with one claim, half of them on one of ``--issues`` issues; evidence is a real
VOA sentence, actors follow a Zipf-like distribution over 250 codes, dates spread
over five years. Then times, over ``--repeat`` random choices each:

- consolidation: ``refresh_positions`` builds the stored positions table once, as
  ``stancemap ingest`` does after storing (timed once);
- positions: ``stancemap.jobs.consolidate.positions(store, issue)`` for a random issue,
  read from the stored table; then the same after a new article with three claims
  on that issue was stored (its pairs are rebuilt on the read); and, for the worst
  case, after every pair of the issue was marked stale (the whole issue rebuilt);
- search: ``store.statements(...)`` with a random mix of filters — a word of the
  evidence (full-text), an actor, a date range, an issue and polarity, an outlet —
  first page of 50; then ``count_statements`` with the same filters, and the two
  together (what a results page with a total needs);

and prints p50/p95/max in milliseconds. Rows are loaded in bulk (COPY on
PostgreSQL), then the engine's statistics are refreshed (ANALYZE).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "src" / "stancemap" / "demo" / "voa_stories.jsonl"
ARTICLE_STATEMENTS = 10
OUTLETS = [f"outlet{i}.example" for i in range(40)]
ACTORS = [f"A{i:02d}" if i < 100 else f"ORG{i}" for i in range(250)]
KINDS = ["direct", "indirect", "summary"]
POLARITIES = ["support", "oppose", "neutral"]
START = date(2021, 1, 1)


@functools.cache
def _sentences() -> list[str]:
    out = []
    for line in STORIES.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        out.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s) <= 400)
    return out


def _rows(n: int, n_issues: int, rng: random.Random) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(article row, its statement rows with a claim each), ten statements an article."""
    sentences = _sentences()
    weights = [1 / (i + 1) for i in range(len(ACTORS))]
    now = datetime.now(UTC)
    for a in range(n // ARTICLE_STATEMENTS):
        published = START + timedelta(days=rng.randrange(5 * 365))
        article = {
            "id": f"{a:064x}",
            "name": f"synthetic-{a}",
            "source": "synthetic",
            "outlet": rng.choice(OUTLETS),
            "published": published,
            "body_start": 0,
            "text": "synthetic article",
            "ingested_at": now,
        }
        statements = []
        for seq, actor in enumerate(rng.choices(ACTORS, weights, k=ARTICLE_STATEMENTS)):
            ev = rng.choice(sentences)
            issue = f"issue-{rng.randrange(n_issues)}" if rng.random() < 0.5 else None
            statements.append(
                {
                    "article_id": article["id"],
                    "seq": seq,
                    "actor_code": actor,
                    "actor_name": actor,
                    "kind": rng.choice(KINDS),
                    "date": published - timedelta(days=rng.randrange(3)),
                    "evidence_start": 0,
                    "evidence_end": len(ev),
                    "evidence_text": ev,
                    "claim": {"issue_id": issue, "target": ev[:40], "polarity": rng.choice(POLARITIES)},
                }
            )
        yield article, statements


def fill(store: Any, n: int, n_issues: int, seed: int) -> None:
    """Load the synthetic rows in chunks: articles, statements (ids assigned here), claims."""
    from sqlalchemy import insert, text

    from stancemap.store import schema

    rng = random.Random(seed)
    pg = store.engine.dialect.name == "postgresql"
    with store.engine.begin() as conn:
        conn.execute(
            insert(schema.actors),
            [{"code": c, "name": c, "kind": "state" if c.startswith("A") else "igo"} for c in ACTORS],
        )
        conn.execute(
            insert(schema.issues),
            [
                {"id": f"issue-{i}", "title": f"Issue {i}", "description": "", "added_at": datetime.now(UTC)}
                for i in range(n_issues)
            ],
        )
    sid = 0
    chunk_articles: list[dict[str, Any]] = []
    chunk_statements: list[dict[str, Any]] = []
    chunk_claims: list[dict[str, Any]] = []

    def flush() -> None:
        with store.engine.begin() as conn:
            if pg:
                _copy(conn, "articles", chunk_articles)
                _copy(conn, "statements", chunk_statements)
                _copy(conn, "claims", chunk_claims)
            else:
                conn.execute(insert(schema.articles), chunk_articles)
                conn.execute(insert(schema.statements), chunk_statements)
                conn.execute(insert(schema.claims), chunk_claims)
        chunk_articles.clear()
        chunk_statements.clear()
        chunk_claims.clear()

    t = time.perf_counter()
    for article, statements in _rows(n, n_issues, rng):
        chunk_articles.append(article)
        for st in statements:
            sid += 1
            claim = st.pop("claim")
            chunk_statements.append({"id": sid, **st})
            chunk_claims.append({"id": sid, "statement_id": sid, "reason": "", **claim})
        if len(chunk_statements) >= 50_000:
            flush()
            print(f"  {sid:,} statements loaded ({time.perf_counter() - t:.0f} s)", file=sys.stderr)
    if chunk_statements:
        flush()
    with store.engine.begin() as conn:
        if pg:
            conn.execute(text("SELECT setval('statements_id_seq', :n)"), {"n": sid})
            conn.execute(text("SELECT setval('claims_id_seq', :n)"), {"n": sid})
        conn.execute(text("ANALYZE"))


def _new_article(k: int, issue: str, rng: random.Random) -> tuple[Any, list[Any]]:
    """A new article with three statements claiming ``issue``, stored through ``add_articles``."""
    from stancemap.models import Article, Claim, Span, Statement

    sentences = [rng.choice(_sentences()) for _ in range(3)]
    text_ = " ".join(sentences)
    day = START + timedelta(days=rng.randrange(5 * 365))
    outlet = rng.choice(OUTLETS)
    article = Article(name=f"new-{k}", text=text_, source="benchmark", published=day, outlet=outlet)
    statements, pos = [], 0
    for sentence in sentences:
        start = text_.index(sentence, pos)
        pos = start + len(sentence)
        statements.append(
            Statement(
                article=article.name,
                actor=rng.choice(ACTORS[:60]),
                actor_name="",
                kind=rng.choice(KINDS),  # type: ignore[arg-type]
                evidence=Span(start, pos, sentence),
                date=day,
                claims=(Claim("the issue", rng.choice(POLARITIES), issue),),  # type: ignore[arg-type]
            )
        )
    return article, statements


def _copy(conn: Any, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    cur = conn.connection.driver_connection.cursor()
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for r in rows:
            copy.write_row([r[c] for c in columns])


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def report(name: str, ms: list[float], extra: str = "") -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    p50 = statistics.median(ms)
    print(f"{name:<26} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   max {ms[-1]:8.1f} ms  {extra}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="an empty database (SQLAlchemy URL)")
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--issues", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from sqlalchemy import text

    from stancemap.jobs.consolidate import positions, refresh_positions
    from stancemap.store import Store

    store = Store.open(args.db)
    if store.counts()["statements"] == 0:
        t = time.perf_counter()
        fill(store, args.statements, args.issues, args.seed)
        print(f"loaded in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    counts = store.counts()
    print(
        f"{store.engine.dialect.name}: {counts['statements']:,} statements, {counts['claims']:,} claims, "
        f"{counts['articles']:,} articles, {counts['issues']} issues"
    )
    t = time.perf_counter()
    rebuilt = refresh_positions(store)
    print(f"consolidation: {rebuilt:,} (issue, actor) positions built in {time.perf_counter() - t:.1f} s")
    rng = random.Random(args.seed + 1)
    words = [
        "referendum",
        "sanctions",
        "ceasefire",
        "election",
        "minister",
        "president",
        "condemned",
        "talks",
        "nuclear",
        "troops",
        "humanitarian",
        "tariffs",
    ]

    def a_position() -> None:
        positions(store, f"issue-{rng.randrange(args.issues)}")

    new_articles = iter(range(10**9))

    def after_new_article() -> float:
        issue = f"issue-{rng.randrange(args.issues)}"
        store.add_articles([_new_article(next(new_articles), issue, rng)])
        t = time.perf_counter()
        positions(store, issue)
        return (time.perf_counter() - t) * 1000

    def whole_issue_stale() -> float:
        issue = f"issue-{rng.randrange(args.issues)}"
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE positions SET version = version + 1 WHERE issue_id = :i"), {"i": issue})
        t = time.perf_counter()
        positions(store, issue)
        return (time.perf_counter() - t) * 1000

    def a_filter() -> dict[str, Any]:
        filters: dict[str, Any] = {}
        choice = rng.randrange(5)
        if choice in (0, 1):
            filters["q"] = rng.choice(words)
        if choice in (1, 2):
            filters["actor"] = rng.choice(ACTORS[:60])
        if choice in (0, 2, 3):
            lo = START + timedelta(days=rng.randrange(4 * 365))
            filters.update(date_from=lo, date_to=lo + timedelta(days=90))
        if choice == 3:
            filters.update(issue=f"issue-{rng.randrange(args.issues)}", polarity=rng.choice(POLARITIES))
        if choice == 4:
            filters.update(outlet=rng.choice(OUTLETS), q=rng.choice(words))
        return filters

    searches = [a_filter() for _ in range(args.repeat * 2)]
    pages: list[float] = []
    totals: list[float] = []
    for filters in searches:
        t0 = time.perf_counter()
        store.statements(limit=50, **filters)
        t1 = time.perf_counter()
        store.count_statements(**filters)
        t2 = time.perf_counter()
        pages.append((t1 - t0) * 1000)
        totals.append((t2 - t1) * 1000)

    per_issue = counts["claims"] // 2 // args.issues
    report("positions (one issue)", timed(a_position, args.repeat), f"~{per_issue:,} claims an issue")
    report("positions, new article", [after_new_article() for _ in range(args.repeat)], "3 pairs rebuilt")
    stale = [whole_issue_stale() for _ in range(args.repeat // 4)]
    report("positions, all stale", stale, "whole issue rebuilt")
    report("search: first page of 50", pages)
    report("search: count", totals)
    report("search: page + count", [a + b for a, b in zip(pages, totals, strict=True)])
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
