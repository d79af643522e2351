"""The database: every SQL statement stancemap runs lives in this package.

``Store.open(url)`` takes any SQLAlchemy URL (SQLite by default), brings the
schema up to date through recorded migrations, and offers typed reads and
writes. Each article is written in one transaction with its statements and
claims, so an interrupted ingest leaves every article fully stored or absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from ..errors import StoreError
from ..models import Article, Issue, Statement
from . import schema
from .migrations import applied, migrate

__all__ = ["Store", "StoredStatement", "actor_kind"]

_STATE = re.compile(r"^[A-Z]{3}$")


def actor_kind(code: str) -> str:
    """``state``, ``igo``, ``person`` or ``org`` for an actor code of the spec."""
    if code.startswith("PERSON:"):
        return "person"
    if code.startswith("ORG:"):
        return "org"
    return "state" if _STATE.match(code) else "igo"


@dataclass(frozen=True)
class StoredStatement:
    """A statement as read back from the store, with its article's name and claims."""

    id: int
    article: str
    article_id: str
    seq: int
    row: dict[str, Any]
    claims: tuple[dict[str, Any], ...]

    def to_spec(self) -> dict[str, Any]:
        """The spec's JSON object, so stored and freshly extracted statements look alike."""
        r = self.row

        def span(prefix: str) -> dict[str, Any] | None:
            if r.get(f"{prefix}_start") is None:
                return None
            return {"start": r[f"{prefix}_start"], "end": r[f"{prefix}_end"], "text": r[f"{prefix}_text"]}

        return {
            "id": self.id,
            "article": self.article,
            "actor": r["actor_code"],
            "actor_name": r["actor_name"],
            "body": r["body"],
            "speaker": r["speaker"],
            "speaker_title": r["speaker_title"],
            "kind": r["kind"],
            "date": r["date"].isoformat() if r["date"] else None,
            "date_basis": r.get("date_basis"),
            "channel": r["channel"],
            "claims": [
                {"issue": c["issue_id"], "target": c["target"], "polarity": c["polarity"]}
                for c in self.claims
            ],
            "evidence": span("evidence"),
            "source": span("source"),
            "cue": span("cue"),
        }


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    """A stancemap database reached through SQLAlchemy."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to ``url`` and apply any migrations it lacks.

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
                migrate(conn)
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
        """Names of the schema migrations this database has applied."""
        with self.engine.begin() as conn:
            return applied(conn)

    # -- articles ---------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            q = select(schema.articles.c.id).where(schema.articles.c.id == article_id)
            return conn.execute(q).first() is not None

    def add_article(self, article: Article, statements: Sequence[Statement]) -> bool:
        """Store an article with its statements in one transaction.

        Returns False, writing nothing, when an article with the same text is
        already stored: re-running an ingest is idempotent.
        """
        a = schema.articles
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(a.c.id).where(a.c.id == article.id)).first() is not None:
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
                self._ensure_actors(conn, statements)
                for seq, st in enumerate(statements):
                    sid = conn.execute(
                        insert(schema.statements).values(**_statement_row(article.id, seq, st))
                    )
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
                return False  # another writer stored the same article between our check and insert
            raise StoreError(f"cannot store article {article.name}: {e.orig}") from e
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store article {article.name}: {e}") from e
        return True

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

    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles, newest first, with how many statements each has."""
        a, s = schema.articles, schema.statements
        n = select(func.count()).where(s.c.article_id == a.c.id).scalar_subquery()
        q = (
            select(a.c.id, a.c.name, a.c.title, a.c.outlet, a.c.published, a.c.source, n.label("statements"))
            .order_by(a.c.published.desc(), a.c.name)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def counts(self) -> dict[str, int]:
        """How many articles, statements, claims, actors and issues are stored."""
        out = {}
        with self.engine.connect() as conn:
            for name, table in (
                ("articles", schema.articles),
                ("statements", schema.statements),
                ("claims", schema.claims),
                ("actors", schema.actors),
                ("issues", schema.issues),
            ):
                out[name] = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        return out

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

    def issues(self) -> list[Issue]:
        t = schema.issues
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.c.id, t.c.title, t.c.description).order_by(t.c.id))
            return [Issue(id=r.id, title=r.title, description=r.description) for r in rows]

    # -- statements -------------------------------------------------------------

    def statements(
        self,
        *,
        actor: str | None = None,
        issue: str | None = None,
        article: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[StoredStatement]:
        """Stored statements matching every filter given, in article and text order.

        ``article`` matches an article's name or its id (hash).
        """
        s, a, c = schema.statements, schema.articles, schema.claims
        q = select(s, a.c.name.label("article_name")).join(a, a.c.id == s.c.article_id)
        if actor:
            q = q.where(s.c.actor_code == actor)
        if article:
            q = q.where((a.c.name == article) | (a.c.id == article))
        if issue:
            q = q.where(s.c.id.in_(select(c.c.statement_id).where(c.c.issue_id == issue)))
        q = q.order_by(a.c.published, a.c.name, s.c.seq).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            ids = [r["id"] for r in rows]
            by_statement: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
            if ids:
                for cr in conn.execute(select(c).where(c.c.statement_id.in_(ids)).order_by(c.c.id)):
                    by_statement[cr.statement_id].append(dict(cr._mapping))
        return [
            StoredStatement(
                id=r["id"],
                article=r["article_name"],
                article_id=r["article_id"],
                seq=r["seq"],
                row=r,
                claims=tuple(by_statement[r["id"]]),
            )
            for r in rows
        ]


def _statement_row(article_id: str, seq: int, st: Statement) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "seq": seq,
        "actor_code": st.actor,
        "actor_name": st.actor_name,
        "body": st.body,
        "speaker": st.speaker,
        "speaker_title": st.speaker_title,
        "kind": st.kind,
        "date": st.date,
        "date_basis": st.date_basis,
        "channel": st.channel,
        "evidence_start": st.evidence.start,
        "evidence_end": st.evidence.end,
        "evidence_text": st.evidence.text,
        "source_start": st.source.start if st.source else None,
        "source_end": st.source.end if st.source else None,
        "source_text": st.source.text if st.source else None,
        "cue_start": st.cue.start if st.cue else None,
        "cue_end": st.cue.end if st.cue else None,
        "cue_text": st.cue.text if st.cue else None,
    }
