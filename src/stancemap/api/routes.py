"""The JSON API's read routes: the ``.json`` twin of every page, and the lists behind them.

Registered before the pages, so ``/issues/x.json`` reaches its twin rather than
the page of an issue called ``x.json``. Handlers are plain functions: FastAPI runs
them in its thread pool, where the synchronous store belongs.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from ..query import views
from ..query.models import (
    ActorDetail,
    ActorOut,
    ArticleDetail,
    ArticleOut,
    ErrorOut,
    HomeOut,
    IssueDetail,
    IssueOut,
    Page,
    PositionOut,
    StatementOut,
    TimelineOut,
)
from ..query.params import ActorKind, Filters, Key, Limit, Offset, StatementId, StoreDep

__all__ = ["ERRORS", "router"]

#: What every JSON route may answer besides success, documented in the schema.
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "not stored"},
    422: {"model": ErrorOut, "description": "a bad filter or parameter"},
}

router = APIRouter(responses=ERRORS)


@router.get("/index.json", tags=["issues"], summary="The front page: counts, issues, latest articles")
def index_json(request: Request, store: StoreDep) -> HomeOut:
    return views.home(store, request.url)


@router.get("/issues.json", tags=["issues"], summary="Issues tracked, with how many statements each")
def issues_json(request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Page[IssueOut]:
    return views.issues_page(store, request.url, limit, offset)


@router.get(
    "/issues/{issue_id}.json", tags=["issues"], summary="An issue: positions, timeline, stance counts"
)
def issue_json(issue_id: Key, store: StoreDep) -> IssueDetail:
    return views.issue_detail(store, issue_id)


@router.get("/issues/{issue_id}/positions.json", tags=["issues"], summary="Each actor's position on an issue")
def positions_json(
    request: Request, issue_id: Key, store: StoreDep, limit: Limit = 100, offset: Offset = 0
) -> Page[PositionOut]:
    found = views.issue_positions(store, issue_id)
    return views.page(request.url, found[offset : offset + limit], len(found), limit, offset)


@router.get("/issues/{issue_id}/timeline.json", tags=["issues"], summary="An issue's statements by date")
def timeline_json(
    request: Request, issue_id: Key, store: StoreDep, limit: Limit = 100, offset: Offset = 0
) -> Page[TimelineOut]:
    found = views.issue_timeline(store, issue_id)
    return views.page(request.url, found[offset : offset + limit], len(found), limit, offset)


@router.get("/actors.json", tags=["actors"], summary="Actors with statements, most statements first")
def actors_json(
    request: Request, store: StoreDep, kind: ActorKind = None, limit: Limit = 100, offset: Offset = 0
) -> Page[ActorOut]:
    return views.actors_page(store, request.url, limit, offset, kind or None)


@router.get(
    "/actors/{code}.json", tags=["actors"], summary="An actor's positions across issues and statements"
)
def actor_json(
    request: Request, code: Key, store: StoreDep, limit: Limit = 50, offset: Offset = 0
) -> ActorDetail:
    return views.actor_detail(store, request.url, code, limit, offset)


@router.get("/articles.json", tags=["articles"], summary="Stored articles, newest first")
def articles_json(
    request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0
) -> Page[ArticleOut]:
    return views.articles_page(store, request.url, limit, offset)


@router.get(
    "/articles/{article}.json", tags=["articles"], summary="An article (by id or name) with its statements"
)
def article_json(
    request: Request,
    article: Key,
    store: StoreDep,
    limit: Limit = views.ARTICLE_STATEMENTS,
    offset: Offset = 0,
) -> ArticleDetail:
    return views.article_detail(store, article, request.url, limit, offset)


@router.get(
    "/statements.json",
    tags=["statements"],
    summary="Statements, filtered; `q` searches the evidence",
)
def statements_json(
    request: Request, store: StoreDep, query: Filters, limit: Limit = 50, offset: Offset = 0
) -> Page[StatementOut]:
    return views.statements_page(store, request.url, query, limit, offset)


@router.get("/statements/{statement_id}.json", tags=["statements"], summary="One statement")
def statement_json(statement_id: StatementId, store: StoreDep) -> StatementOut:
    return views.statement_detail(store, statement_id)
