"""Bulk writes: many articles in one transaction, skipping those already stored.

A distributed ingest hands the store whole partitions of extracted articles.
Writing a partition in one transaction, keyed by article hash, is what makes an
interrupted ingest resumable: a partition is stored entirely or not at all, and
a re-run skips every hash already present. Mixed into ``Store``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, tuple_
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import StoreError
from ..models import Article, Statement
from . import schema
from .copies import Copy, record_copies
from .rows import actor_kind, db_reason, statement_row, write_background

__all__ = ["BulkWrites"]

#: Ids per ``IN (...)`` list: well below SQLite's and PostgreSQL's parameter limits.
_ID_CHUNK = 500


class BulkWrites:
    """Bulk writes (``add_articles``); ``Store`` supplies ``engine`` and ``add_article``."""

    engine: Engine

    def add_article(
        self, article: Article, statements: Sequence[Statement], background: Sequence[tuple[int, int]] = ()
    ) -> bool:
        raise NotImplementedError  # pragma: no cover - provided by Store

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of the article ids (hashes) ``ids`` are already stored."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        a = schema.articles
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _ID_CHUNK):
                chunk = wanted[i : i + _ID_CHUNK]
                found.update(r[0] for r in conn.execute(select(a.c.id).where(a.c.id.in_(chunk))))
        return found

    def add_articles(
        self,
        items: Sequence[tuple[Article, Sequence[Statement]]],
        background: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    ) -> list[bool]:
        """Store many articles with their statements in one transaction.

        ``background``: each article's background spans by article id (see
        ``Store.add_article``); an article not in it has none.

        Returns, for each item, whether it was stored now (False: its text was
        already stored, or appeared earlier in ``items``; then it is recorded as a
        copy, in the same transaction, see ``copies``). If another writer stores
        one of the same articles meanwhile, the batch falls back to one
        transaction per article, so that the rest is still stored exactly once.
        """
        try:
            with self.engine.begin() as conn:
                return _write_batch(conn, items, background or {})
        except IntegrityError:
            return [self.add_article(a, sts, (background or {}).get(a.id, ())) for a, sts in items]
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store a batch of {len(items)} articles: {db_reason(e)}") from e


def _write_batch(
    conn: Connection,
    items: Sequence[tuple[Article, Sequence[Statement]]],
    background: Mapping[str, Sequence[tuple[int, int]]],
) -> list[bool]:
    a, s, c = schema.articles, schema.statements, schema.claims
    ids = [art.id for art, _ in items]
    stored: set[str] = set()
    for i in range(0, len(ids), _ID_CHUNK):
        chunk = ids[i : i + _ID_CHUNK]
        stored.update(r[0] for r in conn.execute(select(a.c.id).where(a.c.id.in_(chunk))))
    fresh: list[tuple[Article, Sequence[Statement]]] = []
    outcome: list[bool] = []
    copies: list[Copy] = []
    for art, sts in items:
        if art.id in stored:
            outcome.append(False)
            copies.append(Copy.of(art))
            continue
        stored.add(art.id)
        fresh.append((art, sts))
        outcome.append(True)
    if not fresh:
        record_copies(conn, copies)
        return outcome
    now = datetime.now(UTC)
    conn.execute(
        insert(a),
        [
            {
                "id": art.id,
                "name": art.name,
                "source": art.source,
                "url": art.url,
                "title": art.title,
                "author": art.author,
                "outlet": art.outlet,
                "published": art.published,
                "body_start": art.body_start,
                "text": art.text,
                "ingested_at": now,
            }
            for art, _ in fresh
        ],
    )
    write_background(conn, {art.id: background[art.id] for art, _ in fresh if art.id in background})
    actors: dict[str, str] = {}
    for _, sts in fresh:
        for st in sts:
            actors.setdefault(st.actor, st.actor_name)
    if actors:
        have = {
            r[0] for r in conn.execute(select(schema.actors.c.code).where(schema.actors.c.code.in_(actors)))
        }
        new_actors = [
            {"code": k, "name": n, "kind": actor_kind(k)} for k, n in actors.items() if k not in have
        ]
        if new_actors:
            conn.execute(insert(schema.actors), new_actors)
    record_copies(conn, copies)  # after the articles: a copy of one stored just now has it to point at
    rows = [statement_row(art.id, seq, st) for art, sts in fresh for seq, st in enumerate(sts)]
    if not rows:
        return outcome
    conn.execute(insert(s), rows)
    # the new statements' ids, to hang their claims on
    keys = [(art.id, seq) for art, sts in fresh for seq in range(len(sts))]
    sid: dict[tuple[str, int], int] = {}
    for i in range(0, len(keys), _ID_CHUNK):
        pairs = keys[i : i + _ID_CHUNK]
        q = select(s.c.article_id, s.c.seq, s.c.id).where(tuple_(s.c.article_id, s.c.seq).in_(pairs))
        sid.update({(r[0], r[1]): r[2] for r in conn.execute(q)})
    claims: list[dict[str, Any]] = [
        {
            "statement_id": sid[(art.id, seq)],
            "issue_id": cl.issue,
            "target": cl.target,
            "polarity": cl.polarity,
            "reason": cl.reason,
        }
        for art, sts in fresh
        for seq, st in enumerate(sts)
        for cl in st.claims
    ]
    if claims:
        conn.execute(insert(c), claims)
    return outcome
