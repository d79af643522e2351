"""Read queries of the store: statements with their filters, articles, actors, issues.

These are mixed into ``Store``; they only read, so the web page and the CLI can
share them without any risk to the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, Select, and_, func, or_, select

from ..models import Issue
from . import schema
from .search import evidence_condition

__all__ = ["Reads", "StatementFilter", "StoredStatement"]


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


@dataclass(frozen=True)
class StatementFilter:
    """What a statement list is narrowed to; every field left ``None`` is no filter.

    ``article`` matches an article's name or its id (hash); ``q`` needs every word
    in the evidence; ``polarity`` and ``issue`` need a claim with that value (both
    given: the same claim); dates bound the statement's own date, inclusive.
    """

    actor: str | None = None
    issue: str | None = None
    article: str | None = None
    polarity: str | None = None
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    outlet: str | None = None
    q: str | None = None

    def filters(self) -> dict[str, Any]:
        """The filters that were given, as keyword arguments for ``Store.statements``."""
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


#: What a statement row carries of its article, so a page can cite it by title, outlet and date.
_ARTICLE_CITE = (
    schema.articles.c.name.label("article_name"),
    schema.articles.c.title.label("article_title"),
    schema.articles.c.outlet,
    schema.articles.c.published,
)


class Reads:
    """Read-only queries; ``Store`` supplies ``engine``."""

    engine: Engine

    # -- statements -------------------------------------------------------------

    def _statement_query(self, f: StatementFilter, columns: Select[Any]) -> Select[Any]:
        s, a, c = schema.statements, schema.articles, schema.claims
        q = columns.join(a, a.c.id == s.c.article_id)
        if f.actor:
            q = q.where(s.c.actor_code == f.actor)
        if f.article:
            q = q.where(or_(a.c.name == f.article, a.c.id == f.article))
        if f.kind:
            q = q.where(s.c.kind == f.kind)
        if f.outlet:
            q = q.where(a.c.outlet == f.outlet)
        if f.date_from:
            q = q.where(s.c.date >= f.date_from)
        if f.date_to:
            q = q.where(s.c.date <= f.date_to)
        if f.issue or f.polarity:
            conds = []
            if f.issue:
                conds.append(c.c.issue_id == f.issue)
            if f.polarity:
                conds.append(c.c.polarity == f.polarity)
            q = q.where(s.c.id.in_(select(c.c.statement_id).where(and_(*conds))))
        if f.q is not None:
            q = q.where(evidence_condition(self.engine.dialect.name, f.q))
        return q

    def statements(self, *, limit: int = 1000, offset: int = 0, **filters: Any) -> list[StoredStatement]:
        """Stored statements matching every filter (``StatementFilter``'s fields), in
        publication, article and text order."""
        s, a, c = schema.statements, schema.articles, schema.claims
        f = StatementFilter(**filters)
        q = self._statement_query(f, select(s, *_ARTICLE_CITE).select_from(s))
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

    def count_statements(self, **filters: Any) -> int:
        """How many statements ``statements(**filters)`` would list without a limit."""
        s = schema.statements
        q = self._statement_query(StatementFilter(**filters), select(func.count()).select_from(s))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    def statement(self, statement_id: int) -> StoredStatement | None:
        """One statement by its id, or None."""
        s, a, c = schema.statements, schema.articles, schema.claims
        q = select(s, *_ARTICLE_CITE).join(a, a.c.id == s.c.article_id)
        with self.engine.connect() as conn:
            r = conn.execute(q.where(s.c.id == statement_id)).first()
            if r is None:
                return None
            row = dict(r._mapping)
            claims = tuple(
                dict(cr._mapping)
                for cr in conn.execute(select(c).where(c.c.statement_id == statement_id).order_by(c.c.id))
            )
        return StoredStatement(row["id"], row["article_name"], row["article_id"], row["seq"], row, claims)

    def claim_rows(
        self,
        *,
        issue: str | None = None,
        actor: str | None = None,
        actors: Sequence[str] | None = None,
        unmatched: bool = False,
    ) -> list[dict[str, Any]]:
        """Claims joined with their statement and article: the rows positions are built from.

        Only claims matched to an issue, or with ``unmatched`` only those matched to none;
        ``actors`` keeps those of any of these actor codes.

        Each row: claim (issue_id, target, polarity, reason), statement (statement_id,
        actor_code, actor_name, speaker, speaker_title, kind, date, channel,
        evidence_text, evidence_start, evidence_end) and article (article_id, article,
        outlet, published, and ``copies``: how many other runs of its text are recorded).
        """
        s, a, c, k = schema.statements, schema.articles, schema.claims, schema.article_copies
        copies = select(func.count()).where(k.c.article_id == a.c.id).scalar_subquery()
        q = (
            select(
                c.c.issue_id,
                c.c.target,
                c.c.polarity,
                c.c.reason,
                s.c.id.label("statement_id"),
                s.c.actor_code,
                s.c.actor_name,
                s.c.speaker,
                s.c.speaker_title,
                s.c.kind,
                s.c.date,
                s.c.channel,
                s.c.evidence_text,
                s.c.evidence_start,
                s.c.evidence_end,
                a.c.id.label("article_id"),
                a.c.name.label("article"),
                a.c.outlet,
                a.c.published,
                copies.label("copies"),
            )
            .join(s, s.c.id == c.c.statement_id)
            .join(a, a.c.id == s.c.article_id)
            .where(c.c.issue_id.is_(None) if unmatched else c.c.issue_id.is_not(None))
        )
        if issue:
            q = q.where(c.c.issue_id == issue)
        if actor:
            q = q.where(s.c.actor_code == actor)
        if actors is not None:
            q = q.where(s.c.actor_code.in_(list(actors)))
        q = q.order_by(s.c.date, a.c.published, a.c.name, s.c.seq, c.c.id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    # -- articles ---------------------------------------------------------------

    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles, newest first, with how many statements and copies (``copies.py``) each has."""
        a, s, k = schema.articles, schema.statements, schema.article_copies
        n = select(func.count()).where(s.c.article_id == a.c.id).scalar_subquery()
        m = select(func.count()).where(k.c.article_id == a.c.id).scalar_subquery()
        q = (
            select(
                a.c.id,
                a.c.name,
                a.c.title,
                a.c.outlet,
                a.c.published,
                a.c.source,
                n.label("statements"),
                m.label("copies"),
            )
            .order_by(a.c.published.desc(), a.c.name)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.articles)).scalar_one())

    def article(self, key: str) -> dict[str, Any] | None:
        """One article, text included, by its id (hash) or its name; None if unknown."""
        a = schema.articles
        with self.engine.connect() as conn:
            r = conn.execute(select(a).where(or_(a.c.id == key, a.c.name == key)).limit(1)).first()
        return dict(r._mapping) if r is not None else None

    def article_cites(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Title, outlet and publication date of each article in ``ids``, by id (one query)."""
        a = schema.articles
        if not ids:
            return {}
        q = select(a.c.id, a.c.title, a.c.outlet, a.c.published).where(a.c.id.in_(sorted(set(ids))))
        with self.engine.connect() as conn:
            return {r.id: dict(r._mapping) for r in conn.execute(q)}

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

    # -- actors and issues ------------------------------------------------------

    def actors(self, limit: int = 100, offset: int = 0, kind: str | None = None) -> list[dict[str, Any]]:
        """Actors with how many statements each has, most quoted first."""
        t, s = schema.actors, schema.statements
        n = select(func.count()).where(s.c.actor_code == t.c.code).scalar_subquery()
        q = select(t.c.code, t.c.name, t.c.kind, n.label("statements"))
        if kind:
            q = q.where(t.c.kind == kind)
        q = q.order_by(n.desc(), t.c.code).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def count_actors(self, kind: str | None = None) -> int:
        t = schema.actors
        q = select(func.count()).select_from(t)
        if kind:
            q = q.where(t.c.kind == kind)
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    def actor(self, code: str) -> dict[str, Any] | None:
        """One actor (code, name, kind), or None."""
        t = schema.actors
        with self.engine.connect() as conn:
            r = conn.execute(select(t.c.code, t.c.name, t.c.kind).where(t.c.code == code)).first()
        return dict(r._mapping) if r is not None else None

    def find_actor(self, text: str) -> str | None:
        """The code of the actor that ``text`` names: its code or its name, in any case; None if none.

        An exact code wins; then a code or a name equal to ``text`` ignoring case (the
        most quoted actor first when two share a name).
        """
        t, s = schema.actors, schema.statements
        wanted = text.strip()
        if not wanted:
            return None
        with self.engine.connect() as conn:
            exact = conn.execute(select(t.c.code).where(t.c.code == wanted)).first()
            if exact is not None:
                return str(exact.code)
            n = select(func.count()).where(s.c.actor_code == t.c.code).scalar_subquery()
            low = wanted.lower()
            q = (
                select(t.c.code)
                .where(or_(func.lower(t.c.code) == low, func.lower(t.c.name) == low))
                .order_by(n.desc(), t.c.code)
                .limit(1)
            )
            r = conn.execute(q).first()
        return str(r.code) if r is not None else None

    def issues(self) -> list[Issue]:
        t = schema.issues
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.c.id, t.c.title, t.c.description).order_by(t.c.id))
            return [Issue(id=r.id, title=r.title, description=r.description) for r in rows]

    def issue(self, issue_id: str) -> Issue | None:
        """One stored issue, or None."""
        t = schema.issues
        with self.engine.connect() as conn:
            r = conn.execute(select(t.c.id, t.c.title, t.c.description).where(t.c.id == issue_id)).first()
        return Issue(id=r.id, title=r.title, description=r.description) if r is not None else None
