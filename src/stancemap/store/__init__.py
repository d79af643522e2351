"""The database: every SQL statement stancemap runs lives in this package.

``Store.open(url)`` takes any SQLAlchemy URL (SQLite by default), brings the
schema up to date through its Alembic revisions (``migrations``), and offers
typed reads and writes. Each article is written in one transaction with its
statements, claims and background paragraphs, so an interrupted ingest leaves
every article fully stored or absent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from ..errors import StoreError
from ..models import Article, Issue, Statement
from . import schema
from .bulk import BulkWrites
from .copies import Copies, Copy, record_copies
from .feeds import Feeds
from .migrations import applied, migrate
from .positions import PositionEntry, PositionsTable
from .reads import Reads, StatementFilter, StoredStatement
from .rows import actor_kind, db_reason, statement_row, write_background

__all__ = ["Copy", "PositionEntry", "StatementFilter", "Store", "StoredStatement", "actor_kind", "db_reason"]

log = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store(Reads, BulkWrites, Copies, PositionsTable, Feeds):
    """A stancemap database reached through SQLAlchemy."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to ``url`` and run any schema revisions it lacks (one transaction).

        Raises ``StoreError`` with one clear sentence for a malformed URL, an
        unknown driver, or a database that cannot be reached.
        """
        try:
            parsed = make_url(url)
        except ArgumentError as e:
            raise StoreError(f"--db {url!r} is not an SQLAlchemy URL (try sqlite:///stancemap.sqlite)") from e
        try:
            engine = create_engine(parsed)
        except (NoSuchModuleError, ImportError) as e:
            raise StoreError(
                f"--db {url!r}: no database driver for {parsed.drivername!r} is installed"
            ) from e
        except (ArgumentError, TypeError, ValueError) as e:
            raise StoreError(f"--db {url!r} cannot be used: {e}") from e
        if parsed.get_backend_name() == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            with engine.begin() as conn:
                if parsed.get_backend_name() == "sqlite":
                    # pysqlite opens a transaction only before a write: the revisions' DDL
                    # would run outside it, so a failed upgrade left half a revision behind
                    conn.exec_driver_sql("BEGIN")
                migrate(conn)
        except StoreError:
            engine.dispose()
            raise
        except SQLAlchemyError as e:
            engine.dispose()
            reason = str(getattr(e, "orig", None) or e).splitlines()[0]
            raise StoreError(
                f"cannot open the database {parsed.render_as_string(hide_password=True)}: {reason}"
            ) from e
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------

    def migrations(self) -> list[str]:
        """The schema revisions this database has applied, oldest first."""
        with self.engine.begin() as conn:
            return applied(conn)

    # -- articles ---------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            q = select(schema.articles.c.id).where(schema.articles.c.id == article_id)
            return conn.execute(q).first() is not None

    def add_article(
        self,
        article: Article,
        statements: Sequence[Statement],
        background: Sequence[tuple[int, int]] = (),
    ) -> bool:
        """Store an article with its statements, and its background paragraphs, in one transaction.

        ``background``: the character spans extraction took as the outlet's background
        (``extract.boilerplate``), which the article's page fades.

        Returns False when an article with the same text is already stored: then
        ``article`` is recorded as a copy of it if it came under another name
        (another outlet's run of the story), and nothing else is written, so
        re-running an ingest is idempotent.
        """
        a = schema.articles
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(a.c.id).where(a.c.id == article.id)).first() is not None:
                    record_copies(conn, [Copy.of(article)])
                    return False
                conn.execute(
                    insert(a).values(
                        id=article.id,
                        name=article.name,
                        source=article.source,
                        url=article.url,
                        title=article.title,
                        author=article.author,
                        outlet=article.outlet,
                        published=article.published,
                        body_start=article.body_start,
                        text=article.text,
                        ingested_at=datetime.now(UTC),
                    )
                )
                write_background(conn, {article.id: background})
                self._ensure_actors(conn, statements)
                for seq, st in enumerate(statements):
                    sid = conn.execute(insert(schema.statements).values(**statement_row(article.id, seq, st)))
                    new_id = sid.inserted_primary_key[0] if sid.inserted_primary_key else None
                    for c in st.claims:
                        conn.execute(
                            insert(schema.claims).values(
                                statement_id=new_id,
                                issue_id=c.issue,
                                target=c.target,
                                polarity=c.polarity,
                                reason=c.reason,
                            )
                        )
        except IntegrityError as e:
            if self.has_article(article.id):
                # another writer stored the same text between our check and insert
                self.add_copies([Copy.of(article)])
                return False
            raise StoreError(f"cannot store article {article.name}: {db_reason(e)}") from e
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store article {article.name}: {db_reason(e)}") from e
        return True

    def background(self, article_id: str) -> list[tuple[int, int]]:
        """The character spans of the article's background paragraphs, as stored at ingest, in order."""
        b = schema.article_background
        q = select(b.c.char_start, b.c.char_end).where(b.c.article_id == article_id).order_by(b.c.char_start)
        with self.engine.connect() as conn:
            return [(int(r[0]), int(r[1])) for r in conn.execute(q)]

    @staticmethod
    def _ensure_actors(conn: Any, statements: Iterable[Statement]) -> None:
        wanted = {st.actor: st.actor_name for st in statements}
        if not wanted:
            return
        have = {
            r[0] for r in conn.execute(select(schema.actors.c.code).where(schema.actors.c.code.in_(wanted)))
        }
        rows = [{"code": c, "name": n, "kind": actor_kind(c)} for c, n in wanted.items() if c not in have]
        if rows:
            conn.execute(insert(schema.actors), rows)

    # -- issues -----------------------------------------------------------------

    def add_issues(self, items: Iterable[Issue]) -> tuple[int, int]:
        """Insert or update issues by id; return (added, updated)."""
        added = updated = 0
        t = schema.issues
        with self.engine.begin() as conn:
            for issue in items:
                exists = conn.execute(select(t.c.id).where(t.c.id == issue.id)).first() is not None
                if exists:
                    conn.execute(
                        t.update()
                        .where(t.c.id == issue.id)
                        .values(title=issue.title, description=issue.description)
                    )
                    updated += 1
                else:
                    conn.execute(
                        insert(t).values(
                            id=issue.id,
                            title=issue.title,
                            description=issue.description,
                            added_at=datetime.now(UTC),
                        )
                    )
                    added += 1
        return added, updated
