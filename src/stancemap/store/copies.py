"""Copies: other outlets' runs of a stored article, recorded instead of dropped.

An article is stored once, keyed by the hash of its normalized text. A story that
a second outlet runs word for word hashes the same: it is syndication, a second
source for every statement in it, not a new article. Its name, outlet, URL and
date go to ``article_copies``, unique per (stored article, name), so re-running
an ingest records nothing twice, and the stored article's own name is never its
own copy. Mixed into ``Store``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, tuple_
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import StoreError
from ..models import Article
from . import schema
from .rows import db_reason

__all__ = ["Copies", "Copy", "record_copies"]

log = logging.getLogger(__name__)

#: Keys per ``IN (...)`` list: well below SQLite's and PostgreSQL's parameter limits.
_CHUNK = 400


@dataclass(frozen=True)
class Copy:
    """What is kept of an article whose text is already stored: where else it ran.

    Small on purpose (no text): an ingest holds the copies it meets in one run
    until the article they repeat is stored.
    """

    article_id: str
    name: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None

    @classmethod
    def of(cls, article: Article) -> Copy:
        return cls(article.id, article.name, article.outlet, article.url, article.published)


def record_copies(conn: Connection, copies: Iterable[Copy]) -> int:
    """Record each of ``copies`` as a copy of the stored article with its hash; return how many now.

    Skipped: a copy whose article is not stored (nothing to hang it on), one named
    as the stored article itself (the same input read again), and one already
    recorded under that name.
    """
    a, k = schema.articles, schema.article_copies
    wanted: dict[tuple[str, str], Copy] = {}
    for cp in copies:
        wanted.setdefault((cp.article_id, cp.name), cp)
    if not wanted:
        return 0
    keys = list(wanted)
    stored: dict[str, str] = {}
    known: set[tuple[str, str]] = set()
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        ids = sorted({aid for aid, _ in chunk})
        stored.update((r[0], r[1]) for r in conn.execute(select(a.c.id, a.c.name).where(a.c.id.in_(ids))))
        q = select(k.c.article_id, k.c.name).where(tuple_(k.c.article_id, k.c.name).in_(chunk))
        known.update((r[0], r[1]) for r in conn.execute(q))
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = [
        {
            "article_id": aid,
            "name": name,
            "outlet": cp.outlet,
            "url": cp.url,
            "published": cp.published,
            "first_seen": now,
        }
        for (aid, name), cp in wanted.items()
        if aid in stored and stored[aid] != name and (aid, name) not in known
    ]
    if rows:
        conn.execute(insert(k), rows)
    return len(rows)


class Copies:
    """Writes and reads of copies; ``Store`` supplies ``engine``."""

    engine: Engine

    def add_copies(self, copies: Sequence[Copy]) -> int:
        """Record ``copies`` (of articles already stored) in one transaction; see ``record_copies``.

        Returns how many were recorded now: 0 when a re-run meets them again.
        """
        if not copies:
            return 0
        try:
            with self.engine.begin() as conn:
                return record_copies(conn, copies)
        except IntegrityError:
            # another writer recorded some of them meanwhile: one at a time, the rest still go in
            done = 0
            for cp in copies:
                try:
                    with self.engine.begin() as conn:
                        done += record_copies(conn, [cp])
                except IntegrityError:
                    log.debug("copy %s of %s recorded by another writer", cp.name, cp.article_id)
            return done
        except SQLAlchemyError as e:
            raise StoreError(f"cannot record {len(copies)} copies of stored articles: {db_reason(e)}") from e

    def copies(self, article_id: str, limit: int | None = None) -> list[dict[str, Any]]:
        """The copies of one stored article (name, outlet, url, published, first_seen), by date and name.

        ``limit``: at most that many (the first in that order).
        """
        k = schema.article_copies
        q = (
            select(k.c.name, k.c.outlet, k.c.url, k.c.published, k.c.first_seen)
            .where(k.c.article_id == article_id)
            .order_by(k.c.published, k.c.outlet, k.c.name)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def copy_counts(self, ids: Sequence[str]) -> dict[str, int]:
        """How many copies each article of ``ids`` has (only those with any)."""
        k = schema.article_copies
        wanted = sorted(set(ids))
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                q = (
                    select(k.c.article_id, func.count())
                    .where(k.c.article_id.in_(wanted[i : i + _CHUNK]))
                    .group_by(k.c.article_id)
                )
                out.update((r[0], int(r[1])) for r in conn.execute(q))
        return out
