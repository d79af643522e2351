"""What each page shows, assembled from the store once for both of its faces.

A function here returns the pydantic model that the JSON twin sends and the HTML
page renders, so ``/issues/x`` and ``/issues/x.json`` cannot disagree. These
functions only read; they raise ``NotFoundError`` for what is not stored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any, TypeVar
from urllib.parse import quote

from starlette.datastructures import URL

from ..errors import NotFoundError
from ..ingest.fields import web_url
from ..jobs import consolidate
from ..store import StatementFilter, Store, StoredStatement, actor_kind
from .countries import flag_url, map_key, marker
from .models import (
    ActorDetail,
    ActorOut,
    ArticleDetail,
    ArticleOut,
    CopyOut,
    HomeOut,
    IssueDetail,
    IssueOut,
    Page,
    PositionOut,
    StatementOut,
    TimelineOut,
)

__all__ = [
    "ARTICLE_STATEMENTS",
    "COUNTED_KINDS",
    "StatementQuery",
    "actor_detail",
    "actors_page",
    "article_detail",
    "home",
    "articles_page",
    "issue_detail",
    "issue_positions",
    "issue_timeline",
    "issues_page",
    "page",
    "resolve_actor",
    "statement_detail",
    "statement_out",
    "statements_page",
]

T = TypeVar("T")

#: Statements an article's page lists (and highlights) at a time.
ARTICLE_STATEMENTS = 200

#: Copies an article's page and JSON list at most (``copies`` counts them all): a wire
#: story can run in thousands of outlets, and the page must stay bounded.
ARTICLE_COPIES = 100


StatementQuery = StatementFilter  # the API's name for the store's filters

#: The one definition of which actors an issue page counts: the pills, the table's
#: rows shown by default, the map and the timeline all use it. People and other
#: bodies (a party, "G7 countries") are listed apart and never counted.
COUNTED_KINDS = frozenset({"state", "igo"})


def _link(url: URL, **params: int) -> str:
    """``url`` with ``params`` set, as a path and query (no host: right behind any proxy)."""
    u = url.include_query_params(**params)
    return f"{u.path}?{u.query}"


def page(url: URL, items: list[T], total: int, limit: int, offset: int) -> Page[T]:
    """A page of ``items`` with links to the pages before and after it on ``url``."""
    nxt = _link(url, offset=offset + limit, limit=limit) if offset + limit < total else None
    prev = _link(url, offset=max(0, offset - limit), limit=limit) if offset > 0 else None
    return Page[T](total=total, limit=limit, offset=offset, next=nxt, prev=prev, items=items)


def statement_out(st: StoredStatement) -> StatementOut:
    """A stored statement as the API shows it."""
    spec = st.to_spec()
    spec.pop("article", None)
    return StatementOut(
        **spec,
        url=f"/statements/{st.id}",
        article=st.article,
        article_id=st.article_id,
        article_url=f"/articles/{st.article_id}",
        outlet=st.row.get("outlet"),
        published=st.row.get("published"),
        flag=flag_url(st.row["actor_code"]),
        article_title=st.row.get("article_title"),
    )


def resolve_actor(store: Store, query: StatementQuery) -> StatementQuery:
    """``query`` with its actor named by code: "Russia", "rus" and "RUS" all mean ``RUS``.

    An actor the store does not know stays as given, and matches nothing.
    """
    if not query.actor:
        return query
    code = store.find_actor(query.actor)
    return replace(query, actor=code) if code and code != query.actor else query


def statements_page(
    store: Store, url: URL, query: StatementQuery, limit: int, offset: int
) -> Page[StatementOut]:
    filters = resolve_actor(store, query).filters()
    rows = store.statements(limit=limit, offset=offset, **filters)
    total = store.count_statements(**filters)
    return page(url, [statement_out(s) for s in rows], total, limit, offset)


def statement_detail(store: Store, statement_id: int) -> StatementOut:
    st = store.statement(statement_id)
    if st is None:
        raise NotFoundError(f"no statement {statement_id} is stored")
    return statement_out(st)


def _article_out(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "url": f"/articles/{row['id']}",
        "title": row.get("title"),
        "outlet": row.get("outlet"),
        "published": row.get("published"),
        "source": row.get("source"),
        "statements": row.get("statements") or 0,
        "copies": row.get("copies") or 0,
    }


def articles_page(store: Store, url: URL, limit: int, offset: int) -> Page[ArticleOut]:
    rows = store.articles(limit=limit, offset=offset)
    return page(url, [ArticleOut(**_article_out(r)) for r in rows], store.count_articles(), limit, offset)


def article_detail(
    store: Store, id_or_name: str, url: URL | None = None, limit: int = ARTICLE_STATEMENTS, offset: int = 0
) -> ArticleDetail:
    """An article with one page of its statements (``limit`` from ``offset``).

    A long article can carry thousands of statements; listing and highlighting them
    all made its page cost minutes and megabytes, so they come a page at a time,
    with ``next`` and ``prev`` linking the pages (on ``url``, when given).
    """
    row = store.article(id_or_name)
    if row is None:
        raise NotFoundError(f"no article {id_or_name!r} is stored")
    total = store.count_statements(article=row["id"])
    rows = store.statements(article=row["id"], limit=limit, offset=offset) if offset < total else []
    statements = [statement_out(s) for s in rows]
    links: Page[StatementOut] | None = page(url, [], total, limit, offset) if url is not None else None
    copies = [
        CopyOut(name=c["name"], outlet=c["outlet"], published=c["published"], link=web_url(c["url"]))
        for c in store.copies(row["id"], limit=ARTICLE_COPIES)
    ]
    n_copies = (
        store.copy_counts([row["id"]]).get(row["id"], 0) if len(copies) == ARTICLE_COPIES else len(copies)
    )
    base = _article_out({**row, "statements": total, "copies": n_copies})
    return ArticleDetail(
        **base,
        author=row.get("author"),
        link=web_url(row.get("url")),  # stored before URLs were checked: never a live non-web link
        body_start=row.get("body_start") or 0,
        text=row["text"],
        also_published_by=copies,
        statement_list=statements,
        limit=limit,
        offset=offset,
        next=links.next if links else None,
        prev=links.prev if links else None,
    )


def home(store: Store, url: URL) -> HomeOut:
    """The front page: counts, every issue (up to 1000) and the eight latest articles."""
    return HomeOut(
        counts=store.counts(),
        issues=issues_page(store, url, 1000, 0),
        articles=articles_page(store, url, 8, 0),
    )


def _issue_out(store: Store, issue_id: str, title: str, description: str) -> IssueOut:
    n = store.count_statements(issue=issue_id)
    return IssueOut(
        id=issue_id, title=title, description=description, url=f"/issues/{quote(issue_id)}", statements=n
    )


def issues_page(store: Store, url: URL, limit: int, offset: int) -> Page[IssueOut]:
    every = store.issues()
    items = [_issue_out(store, i.id, i.title, i.description) for i in every[offset : offset + limit]]
    return page(url, items, len(every), limit, offset)


def _position_out(p: Any, cites: dict[str, dict[str, Any]] | None = None) -> PositionOut:
    d = p.to_dict()
    cite = (cites or {}).get(d["best"]["article_id"], {})
    d["best"] = {**d["best"], "article_title": cite.get("title"), "published": cite.get("published")}
    return PositionOut(
        **d,
        flag=flag_url(d["actor"]),
        map_key=map_key(d["actor"]),
        marker=marker(d["actor"]),
        counted=d["actor_kind"] in COUNTED_KINDS,
    )


def _positions_out(store: Store, found: list[Any]) -> list[PositionOut]:
    """Positions as the API shows them, each best statement's article cited by title (one query)."""
    cites = store.article_cites([p.best["article_id"] for p in found])
    return [_position_out(p, cites) for p in found]


def issue_positions(store: Store, issue_id: str) -> list[PositionOut]:
    return _positions_out(store, consolidate.positions(store, issue_id, save=False))  # a read never writes


def issue_timeline(store: Store, issue_id: str) -> list[TimelineOut]:
    out = []
    for e in consolidate.timeline(store, issue_id):
        kind = actor_kind(e.actor)
        out.append(TimelineOut(**e.to_dict(), actor_kind=kind, counted=kind in COUNTED_KINDS))
    return out


def issue_detail(store: Store, issue_id: str) -> IssueDetail:
    issue = store.issue(issue_id)
    if issue is None:
        raise NotFoundError(f"no issue {issue_id!r} is stored")
    found = issue_positions(store, issue_id)
    counted = [p for p in found if p.counted]
    stances = Counter(p.stance for p in counted)
    return IssueDetail(
        issue=_issue_out(store, issue.id, issue.title, issue.description),
        stances={s: stances.get(s, 0) for s in ("support", "oppose", "mixed", "neutral")},
        actors=len(counted),
        others=len(found) - len(counted),
        positions=found,
        timeline=issue_timeline(store, issue_id),
    )


def _actor_out(row: dict[str, Any]) -> ActorOut:
    return ActorOut(
        code=row["code"],
        name=row["name"],
        kind=row["kind"],
        url=f"/actors/{quote(row['code'], safe=':')}",
        statements=row.get("statements") or 0,
        flag=flag_url(row["code"]),
    )


def actors_page(store: Store, url: URL, limit: int, offset: int, kind: str | None = None) -> Page[ActorOut]:
    rows = store.actors(limit=limit, offset=offset, kind=kind)
    return page(url, [_actor_out(r) for r in rows], store.count_actors(kind=kind), limit, offset)


def actor_detail(store: Store, url: URL, code: str, limit: int, offset: int) -> ActorDetail:
    row = store.actor(code)
    if row is None:
        raise NotFoundError(f"no actor {code!r} is stored")
    row = {**row, "statements": store.count_statements(actor=code)}
    found = _positions_out(store, consolidate.actor_positions(store, code, save=False))
    return ActorDetail(
        actor=_actor_out(row),
        positions=found,
        statements=statements_page(store, url, StatementQuery(actor=code), limit, offset),
    )
