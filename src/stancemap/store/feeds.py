"""What ``stancemap watch`` remembers: sources, their entries with raw pages, and fetch errors.

Three tables (revision ``0008_feeds``):

* ``feed_sources`` -- one row per feed or sitemap: its validators (ETag,
  Last-Modified), when it was last fetched and with what outcome, and when it is
  next due. A sitemap index's child sitemaps are sources too, with ``parent`` set.
* ``feed_entries`` -- one row per article URL ever listed by a source, with its
  state: ``pending`` (listed, not fetched), ``fetched`` (raw page stored, not yet
  extracted), ``stored`` (its article is stored: ``article_id``) or ``failed``
  (``reason``). The raw page stays beside its article (gzip-compressed) so that
  ``stancemap reextract`` can read it again after the extractor improves.
* ``feed_errors`` -- what went wrong, per source, most recent kept.

Every change of state is its own transaction, written right after the fact it
records: a run killed at any moment, run again, fetches nothing already fetched
(a fetched page is in ``feed_entries``) and stores no article twice (articles
are keyed by text hash). Mixed into ``Store``.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    null,
    select,
    update,
)

from . import schema

__all__ = ["FeedEntryRow", "FeedSourceRow", "Feeds"]

#: Longest URL kept as a key (PostgreSQL's btree entries must stay under ~2.7 kB).
URL_CHARS = 2000

feed_sources = Table(
    "feed_sources",
    schema.metadata,
    Column("url", String(URL_CHARS), primary_key=True),
    Column("kind", String(10), comment="rss, atom or sitemap; NULL: detect"),
    Column("every_s", Integer, nullable=False),
    Column("parent", String(URL_CHARS), comment="the sitemap index that lists this sitemap"),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch_at", DateTime(timezone=True)),
    Column("last_status", String(20), comment="ok, not_modified or failed"),
    Column("last_error", Text),
    Column("next_due", DateTime(timezone=True)),
)

feed_entries = Table(
    "feed_entries",
    schema.metadata,
    Column("url", String(URL_CHARS), primary_key=True),
    Column("source_url", String(URL_CHARS), nullable=False),
    Column("title", Text),
    Column("found_at", DateTime(timezone=True), nullable=False),
    Column("state", String(10), nullable=False, comment="pending, fetched, stored or failed"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("reason", String(40)),
    Column("message", Text),
    Column("fetched_at", DateTime(timezone=True)),
    Column("final_url", Text),
    Column("content_type", Text),
    Column("raw", LargeBinary, comment="the page as fetched, gzip-compressed"),
    Column("article_id", String(64)),
    Index("ix_feed_entries_state", "state"),
    Index("ix_feed_entries_source", "source_url"),
    Index("ix_feed_entries_article", "article_id"),
)

feed_errors = Table(
    "feed_errors",
    schema.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_url", String(URL_CHARS), nullable=False),
    Column("url", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("reason", String(40), nullable=False),
    Column("message", Text, nullable=False),
    Index("ix_feed_errors_source", "source_url", "id"),
)


@dataclass(frozen=True)
class FeedSourceRow:
    """A watched source as stored."""

    url: str
    kind: str | None
    every_s: int
    parent: str | None
    etag: str | None
    last_modified: str | None
    last_fetch_at: datetime | None
    last_status: str | None
    last_error: str | None
    next_due: datetime | None


@dataclass(frozen=True)
class FeedEntryRow:
    """An entry waiting to be fetched or extracted."""

    url: str
    source_url: str
    state: str
    attempts: int
    raw: bytes | None
    content_type: str | None
    final_url: str | None
    fetched_at: datetime | None


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes: they were written in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class Feeds:
    """Reads and writes of the watch tables; ``Store`` supplies ``engine``."""

    engine: Engine

    # -- sources ----------------------------------------------------------------

    def sync_sources(self, sources: Iterable[tuple[str, str | None, int]]) -> None:
        """Insert the (url, kind, every seconds) of a feeds file; update kind and interval of known ones."""
        s = feed_sources
        with self.engine.begin() as conn:
            for url, kind, every in sources:
                found = conn.execute(select(s.c.kind, s.c.every_s).where(s.c.url == url)).first()
                if found is None:
                    conn.execute(insert(s).values(url=url, kind=kind, every_s=every))
                elif tuple(found) != (kind, every):
                    conn.execute(update(s).where(s.c.url == url).values(kind=kind, every_s=every))

    def add_child_source(self, url: str, parent: str, every: int) -> bool:
        """Register a sitemap listed by the index ``parent``; False if it was known."""
        s = feed_sources
        with self.engine.begin() as conn:
            if conn.execute(select(s.c.url).where(s.c.url == url)).first() is not None:
                return False
            conn.execute(insert(s).values(url=url, kind="sitemap", every_s=every, parent=parent))
        return True

    def feed_sources(self, urls: Sequence[str] | None = None) -> list[FeedSourceRow]:
        """Stored sources (those of ``urls`` and their child sitemaps, or all), in URL order."""
        s = feed_sources
        q = select(*s.c).order_by(s.c.url)
        if urls is not None:
            q = q.where(s.c.url.in_(urls) | s.c.parent.in_(urls))
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [
            FeedSourceRow(
                **{
                    **r._mapping,
                    "last_fetch_at": _aware(r.last_fetch_at),
                    "next_due": _aware(r.next_due),
                }
            )
            for r in rows
        ]

    def source_fetched(
        self,
        url: str,
        *,
        status: str,
        next_due: datetime,
        entries: Sequence[tuple[str, str | None]] = (),
        etag: str | None = None,
        last_modified: str | None = None,
        error: tuple[str, str] | None = None,
    ) -> tuple[int, int]:
        """Record a fetch of source ``url`` and the (url, title) entries it listed, in one transaction.

        New entries become ``pending``; validators are kept only with the entries
        they came with, so a run killed before this commit fetches the feed in
        full again rather than getting a 304 for entries it never recorded.
        Returns (new entries, entries already known).
        """
        now = datetime.now(UTC)
        s, e = feed_sources, feed_entries
        new = 0
        with self.engine.begin() as conn:
            known: set[str] = set()
            urls = list(dict.fromkeys(u for u, _ in entries))
            for i in range(0, len(urls), 500):
                chunk = urls[i : i + 500]
                known.update(r[0] for r in conn.execute(select(e.c.url).where(e.c.url.in_(chunk))))
            rows = []
            for entry_url, title in dict(entries).items():
                if entry_url in known:
                    continue
                known.add(entry_url)
                rows.append(
                    {
                        "url": entry_url,
                        "source_url": url,
                        "title": title,
                        "found_at": now,
                        "state": "pending",
                        "attempts": 0,
                    }
                )
            if rows:
                conn.execute(insert(e), rows)
                new = len(rows)
            values: dict[str, Any] = {
                "last_fetch_at": now,
                "last_status": status,
                "next_due": next_due,
                "last_error": None if error is None else f"{error[0]}: {error[1]}",
            }
            if status == "ok":
                values.update(etag=etag, last_modified=last_modified)
            conn.execute(update(s).where(s.c.url == url).values(**values))
            if error is not None:
                _log_error(conn, url, url, error, now)
        return new, len(urls) - new

    # -- entries ----------------------------------------------------------------

    def open_entries(self, sources: Sequence[str], max_attempts: int) -> list[FeedEntryRow]:
        """Entries of ``sources`` not yet stored nor given up on, oldest found first.

        ``raw`` is None here, to keep the list small: ``raw_page`` reads a kept page.
        """
        e = feed_entries
        q = (
            select(
                e.c.url,
                e.c.source_url,
                e.c.state,
                e.c.attempts,
                null(),
                e.c.content_type,
                e.c.final_url,
                e.c.fetched_at,
            )
            .where((e.c.state == "fetched") | ((e.c.state == "pending") & (e.c.attempts < max_attempts)))
            .where(e.c.source_url.in_(sources))
            .order_by(e.c.found_at, e.c.url)
        )
        with self.engine.connect() as conn:
            return [FeedEntryRow(*r) for r in conn.execute(q)]

    def entry_fetched(self, url: str, raw: bytes, content_type: str | None, final_url: str) -> None:
        """Keep the raw page of entry ``url`` (before extraction: a crash after this refetches nothing)."""
        e = feed_entries
        with self.engine.begin() as conn:
            conn.execute(
                update(e)
                .where(e.c.url == url)
                .values(
                    state="fetched",
                    raw=gzip.compress(raw, 6),
                    content_type=content_type,
                    final_url=final_url,
                    fetched_at=datetime.now(UTC),
                    attempts=e.c.attempts + 1,
                    reason=None,
                    message=None,
                )
            )

    def entry_stored(self, url: str, article_id: str) -> None:
        """Entry ``url`` became (or was already) the stored article ``article_id``."""
        e = feed_entries
        with self.engine.begin() as conn:
            conn.execute(update(e).where(e.c.url == url).values(state="stored", article_id=article_id))

    def entry_failed(self, url: str, source_url: str, reason: str, message: str, *, final: bool) -> None:
        """Entry ``url`` could not be fetched or read; ``final``: give up, else try again next round."""
        e = feed_entries
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            values: dict[str, Any] = {"reason": reason, "message": message}
            if final:
                values["state"] = "failed"
            else:
                values["attempts"] = e.c.attempts + 1
            conn.execute(update(e).where(e.c.url == url).values(**values))
            _log_error(conn, source_url, url, (reason, message), now)

    def stored_entries(self) -> list[tuple[str, str]]:
        """(entry url, article id) of every entry whose article is stored, in URL order."""
        e = feed_entries
        q = select(e.c.url, e.c.article_id).where(e.c.state == "stored", e.c.raw.is_not(None))
        with self.engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(q.order_by(e.c.url))]

    def raw_page(self, url: str) -> FeedEntryRow | None:
        """Entry ``url`` with its raw page (inflated), or None."""
        e = feed_entries
        q = select(e.c.url, e.c.source_url, e.c.state, e.c.attempts, e.c.raw)
        q = q.add_columns(e.c.content_type, e.c.final_url, e.c.fetched_at).where(e.c.url == url)
        with self.engine.connect() as conn:
            r = conn.execute(q).first()
        if r is None or r.raw is None:
            return None
        return FeedEntryRow(
            r.url,
            r.source_url,
            r.state,
            r.attempts,
            gzip.decompress(r.raw),
            r.content_type,
            r.final_url,
            _aware(r.fetched_at),
        )

    def forget_article(self, article_id: str) -> None:
        """Delete a stored article with its statements and claims (before it is stored again, re-extracted).

        Its raw page stays in ``feed_entries``: nothing is lost if the run stops here.
        """
        with self.engine.begin() as conn:
            conn.execute(delete(schema.articles).where(schema.articles.c.id == article_id))

    def entries_of_article(self, article_id: str) -> int:
        """How many entries point at the stored article ``article_id``."""
        e = feed_entries
        with self.engine.connect() as conn:
            q = select(func.count()).select_from(e).where(e.c.article_id == article_id)
            return int(conn.execute(q).scalar_one())

    # -- what the web page shows --------------------------------------------------

    def feed_overview(self, errors_per_source: int = 5) -> list[dict[str, Any]]:
        """Each source with its last fetch, entry counts by state, newest article and latest errors."""
        s, e, a, err = feed_sources, feed_entries, schema.articles, feed_errors
        out: list[dict[str, Any]] = []
        with self.engine.connect() as conn:
            counts: dict[str, dict[str, int]] = {}
            for src, state, n in conn.execute(
                select(e.c.source_url, e.c.state, func.count()).group_by(e.c.source_url, e.c.state)
            ):
                counts.setdefault(src, {})[state] = int(n)
            for r in conn.execute(select(*s.c).order_by(s.c.url)):
                newest = conn.execute(
                    select(a.c.id, a.c.title, a.c.url, a.c.published, a.c.ingested_at)
                    .join(e, e.c.article_id == a.c.id)
                    .where(e.c.source_url == r.url)
                    .order_by(a.c.ingested_at.desc(), a.c.published.desc())
                    .limit(1)
                ).first()
                errors = conn.execute(
                    select(err.c.url, err.c.at, err.c.reason, err.c.message)
                    .where(err.c.source_url == r.url)
                    .order_by(err.c.id.desc())
                    .limit(errors_per_source)
                ).all()
                out.append(
                    {
                        **{k: r._mapping[k] for k in ("url", "kind", "every_s", "parent", "last_status")},
                        "last_error": r.last_error,
                        "last_fetch_at": _aware(r.last_fetch_at),
                        "next_due": _aware(r.next_due),
                        "entries": counts.get(r.url, {}),
                        "newest_article": None
                        if newest is None
                        else {**newest._mapping, "ingested_at": _aware(newest.ingested_at)},
                        "errors": [{**x._mapping, "at": _aware(x.at)} for x in errors],
                    }
                )
        return out


#: Errors kept per source; older ones are dropped as new ones come.
KEEP_ERRORS = 200


def _log_error(conn: Connection, source_url: str, url: str, error: tuple[str, str], at: datetime) -> None:
    err = feed_errors
    conn.execute(insert(err).values(source_url=source_url, url=url, at=at, reason=error[0], message=error[1]))
    cutoff = conn.execute(
        select(err.c.id)
        .where(err.c.source_url == source_url)
        .order_by(err.c.id.desc())
        .offset(KEEP_ERRORS)
        .limit(1)
    ).scalar()
    if cutoff is not None:
        conn.execute(delete(err).where(err.c.source_url == source_url, err.c.id <= cutoff))
