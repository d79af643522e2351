"""The HTML pages. Each renders the same model its ``.json`` twin returns (``query.views``).

Pages are for reading: the issue page leads with the international-reactions
table, the map and the timeline; the article page shows the text with every
statement's source, cue and evidence highlighted and linked to its record.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..query import views
from ..query.params import ActorKind, Filters, Limit, Offset, StatementId, StoreDep
from .highlight import Mark, Segment, segments
from .templating import STANCE_LABELS, templates
from .worldmap import MapState
from .worldmap import render as render_map

__all__ = ["error_page", "router"]

router = APIRouter(include_in_schema=False)
#: How many statements the actor page lists under each position (the rest are a link away).
BEHIND = 12

_TITLES = {
    401: "Not signed in",
    403: "Writes are disabled",
    404: "Not found",
    405: "Method not allowed",
    422: "Bad request",
    500: "Something went wrong",
    503: "The database is not available",
}


def error_page(
    request: Request,
    status: int,
    code: str,
    message: str,
    detail: list[dict[str, Any]],
    headers: dict[str, str] | None,
) -> Response:
    """An error as a page (``api.errors`` decides when an error is a page rather than JSON)."""
    context = {
        "status": status,
        "title": _TITLES.get(status, "Error"),
        "code": code,
        "message": message,
        "detail": detail,
    }
    response: Response = templates().TemplateResponse(
        request, "error.html", context, status_code=status, headers=headers
    )
    return response


def _render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    """The template ``name`` with ``context`` and the URL of the page's JSON twin."""
    path = request.url.path.rstrip("/") or "/index"
    query = request.url.query
    json_url = f"{path}.json" + (f"?{query}" if query else "")
    response: HTMLResponse = templates().TemplateResponse(request, name, {"json_url": json_url, **context})
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    data = views.home(store, request.url)
    return _render(
        request, "home.html", {"issues": data.issues, "articles": data.articles, "counts": data.counts}
    )


@router.get("/issues", response_class=HTMLResponse)
def issues(request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    return _render(request, "issues.html", {"page": views.issues_page(store, request.url, limit, offset)})


@router.get("/issues/{issue_id}", response_class=HTMLResponse)
def issue(request: Request, issue_id: str, store: StoreDep) -> HTMLResponse:
    data = views.issue_detail(store, issue_id)
    payload = data.model_dump(mode="json")
    # views.COUNTED_KINDS decides who counts; the page only sorts the counted into states and IGOs
    states = [p for p in data.positions if p.counted and p.actor_kind == "state"]
    igos = [p for p in data.positions if p.counted and p.actor_kind != "state"]
    others = [p for p in data.positions if not p.counted]
    drawn = [MapState(p.actor, p.actor_name, p.stance, p.map_key, p.marker) for p in states]
    context = {
        "data": data,
        "payload": payload,
        "states": states,
        "igos": igos,
        "others": others,
        "worldmap": render_map(drawn, STANCE_LABELS),
    }
    return _render(request, "issue.html", context)


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request, store: StoreDep, kind: ActorKind = None, limit: Limit = 100, offset: Offset = 0
) -> HTMLResponse:
    found = views.actors_page(store, request.url, limit, offset, kind or None)
    return _render(request, "actors.html", {"page": found, "kind": kind or ""})


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor(
    request: Request, code: str, store: StoreDep, limit: Limit = 50, offset: Offset = 0
) -> HTMLResponse:
    data = views.actor_detail(store, request.url, code, limit, offset)
    titles = {i.id: i.title for i in store.issues()}
    behind = {
        p.issue: [views.statement_out(s) for s in store.statements(actor=code, issue=p.issue, limit=BEHIND)]
        for p in data.positions
    }
    return _render(request, "actor.html", {"data": data, "titles": titles, "behind": behind})


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    return _render(request, "articles.html", {"page": views.articles_page(store, request.url, limit, offset)})


@router.get("/articles/{article}", response_class=HTMLResponse)
def article(
    request: Request,
    article: str,
    store: StoreDep,
    limit: Limit = views.ARTICLE_STATEMENTS,
    offset: Offset = 0,
) -> HTMLResponse:
    # only the page of statements listed is highlighted: the render is bounded by the
    # text and one page, however many statements the article carries
    data = views.article_detail(store, article, request.url, limit, offset)
    marks = []
    for st in data.statement_list:
        for role, span in (("evidence", st.evidence), ("source", st.source), ("cue", st.cue)):
            if span is not None:
                marks.append(Mark(span.start, span.end, role, st.id))
    background = store.background(data.id)  # the paragraphs ingest took as the outlet's background
    pieces = segments(data.text, marks, data.body_start, background)
    titles = {i.id: i.title for i in store.issues()}
    context = {
        "data": data,
        "pieces": pieces,
        "anchors": _anchors(pieces),
        "titles": titles,
        "background": len(background),
    }
    return _render(request, "article.html", context)


def _anchors(pieces: list[Segment]) -> list[list[int]]:
    """For each piece of the article, the statements whose first highlighted words it holds.

    The page puts ``id="ev-N"`` there, so ``/articles/x#ev-N`` lands on statement N's
    words in the text (on a phone too, where the list of statements comes after the text).
    """
    seen: set[int] = set()
    out: list[list[int]] = []
    for piece in pieces:
        first = [i for i in piece.statement_ids if i not in seen] if piece.role else []
        seen.update(first)
        out.append(first)
    return out


@router.get("/statements", response_class=HTMLResponse)
def statements(
    request: Request, store: StoreDep, query: Filters, limit: Limit = 50, offset: Offset = 0
) -> HTMLResponse:
    found = views.statements_page(store, request.url, query, limit, offset)
    context = {
        "page": found,
        "query": query,  # as typed: the form shows what the reader wrote ("russia", not RUS)
        "issues": store.issues(),
        "titles": {i.id: i.title for i in store.issues()},
        "searched": bool(query.filters()),
    }
    return _render(request, "statements.html", context)


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement(request: Request, statement_id: StatementId, store: StoreDep) -> HTMLResponse:
    data = views.statement_detail(store, statement_id)
    titles = {i.id: i.title for i in store.issues()}
    return _render(request, "statement.html", {"st": data, "titles": titles})


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)
