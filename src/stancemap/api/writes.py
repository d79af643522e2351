"""The API's writes: ingest articles, add and edit issues. Each needs the bearer token.

Without ``api_token`` in the settings the server refuses every write (403); with
one, a request must carry ``Authorization: Bearer <token>`` (else 401). Articles
go through the real extractor, with the stored issues, and are stored as
``stancemap ingest`` stores them: an article already stored is counted, not redone.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request, Response
from fastapi.exceptions import HTTPException
from pydantic import Field

from ..config import Settings
from ..errors import InputError, NotFoundError, UsageError
from ..extract.boilerplate import BoilerplateIndex
from ..ingest.jsonl import record_article
from ..models import Article, Issue
from ..query.models import ErrorOut, IssueOut
from ..query.params import Key, StoreDep
from ..store import Copy, Store
from .bodies import ArticleIn, IngestedArticle, IngestReport, IssueIn, IssueNew
from .gate import token_refusal
from .work import Abandoned, run_stoppable

__all__ = ["MAX_BATCH", "ingest_articles", "require_token", "router"]

#: Most articles one ``POST /articles`` may carry.
MAX_BATCH = 100

# One extraction at a time: a parse holds a lot of memory and the machine is small.
_EXTRACT_LOCK = threading.Lock()


def require_token(request: Request) -> None:
    """403 when writes are disabled (no token set), 401 unless the request bears the token.

    ``WriteGate`` refuses such requests before their body is read; this dependency
    keeps the rule in the schema and guards a route mounted without the gate.
    """
    refused = token_refusal(request.app.state.settings.api_token, request.headers.get("authorization", ""))
    if refused is not None:
        status, message, headers = refused
        raise HTTPException(status, message, headers or None)


def _article(item: ArticleIn) -> Article:
    record: dict[str, Any] = item.model_dump()
    record["id"] = record.pop("name")
    return record_article(record, url_fallback="api:POST /articles")


def ingest_articles(
    store: Store, settings: Settings, items: list[ArticleIn], stop: threading.Event | None = None
) -> IngestReport:
    """Extract statements from ``items`` and store them; what is already stored is left as it is.

    Once ``stop`` is set the work ends at the next piece of text; the articles stored
    by then stay stored (each in its own transaction).
    """
    # deferred: extract.pipeline loads spaCy, which the app needs only once an article is posted
    from ..extract.pipeline import Extractor

    stop = stop if stop is not None else threading.Event()
    articles = [_article(i) for i in items]
    index = BoilerplateIndex(settings.boilerplate_min_articles)
    for a in articles:
        index.add(a)
    seen: set[str] = set()
    fresh = []
    for a in articles:
        if a.id not in seen and not store.has_article(a.id):
            fresh.append(a)
        seen.add(a.id)
    found: dict[str, int] = {}
    new: set[str] = set()
    if fresh and _acquire(stop):
        try:
            # one piece per batch, so that a stop is heard within one piece's parse
            extractor = Extractor(settings.replace(batch_size=1), store.issues())
            for article, statements in extractor.run(fresh, index, stop.is_set):
                if store.add_article(article, statements, index.spans(article)):
                    new.add(article.id)
                    found[article.id] = len(statements)
        finally:
            _EXTRACT_LOCK.release()
    # the rest repeat a stored text: another outlet's run of it is kept as a copy (names
    # already recorded, and the stored article's own name, add nothing)
    chosen = {id(a) for a in fresh}
    store.add_copies([Copy.of(a) for a in articles if id(a) not in chosen])
    out = [
        IngestedArticle(
            id=a.id, name=a.name, url=f"/articles/{a.id}", new=a.id in new, statements=found.get(a.id, 0)
        )
        for a in articles
    ]
    return IngestReport(
        new=len(new), already=len(articles) - len(new), statements=sum(found.values()), articles=out
    )


def _acquire(stop: threading.Event) -> bool:
    """Take the extraction lock, waiting no longer than until ``stop`` is set."""
    while not _EXTRACT_LOCK.acquire(timeout=0.2):
        if stop.is_set():
            return False
    return True


Writer = Annotated[None, Depends(require_token)]
Batch = Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_BATCH)]

router = APIRouter(
    tags=["writes"],
    responses={
        401: {"model": ErrorOut, "description": "no token, or the wrong one"},
        403: {"model": ErrorOut, "description": "writes are disabled: no api_token is set"},
        404: {"model": ErrorOut, "description": "the issue to edit is not stored"},
        400: {"model": ErrorOut, "description": "a body that is not JSON, or a bad Content-Length"},
        413: {"model": ErrorOut, "description": "a body over max_body_bytes, refused unread"},
        422: {"model": ErrorOut, "description": "a bad body"},
        503: {"model": ErrorOut, "description": "the database is busy or unavailable"},
    },
)


@router.post(
    "/articles",
    status_code=201,
    summary="Ingest one article or a list of them (needs the bearer token)",
    responses={
        200: {"description": "nothing new: every article was already stored"},
        503: {
            "model": ErrorOut,
            "description": "the extraction ran past write_timeout and was stopped, or the database is busy",
        },
    },
)
async def post_articles(
    request: Request,
    response: Response,
    store: StoreDep,
    _auth: Writer,
    body: Annotated[ArticleIn | Batch, Body()],
) -> IngestReport:
    settings: Settings = request.app.state.settings
    items = body if isinstance(body, list) else [body]
    if not items:
        raise UsageError("the list of articles is empty")
    if len(items) > MAX_BATCH:
        raise UsageError(f"at most {MAX_BATCH} articles per request, not {len(items)}")
    for n, item in enumerate(items):
        if len(item.text) > settings.max_article_chars:
            raise InputError(
                "too_long",
                f"article {n} has {len(item.text):,} characters, more than max_article_chars "
                f"({settings.max_article_chars:,})",
            )
    try:
        report = await run_stoppable(
            request, lambda stop: ingest_articles(store, settings, items, stop), settings.write_timeout
        )
    except Abandoned as e:
        raise HTTPException(499, "the client closed the connection; the extraction was stopped") from e
    if report.new == 0:
        response.status_code = 200
    else:
        request.app.state.refresher.poke()  # the new claims made positions stale
    return report


def _store_issue(store: Store, issue: Issue) -> IssueOut:
    store.add_issues([issue])
    return IssueOut(
        id=issue.id,
        title=issue.title,
        description=issue.description,
        url=f"/issues/{issue.id}",
        statements=store.count_statements(issue=issue.id),
    )


@router.post("/issues", status_code=201, summary="Add or replace an issue (needs the bearer token)")
def post_issue(store: StoreDep, _auth: Writer, body: IssueNew) -> IssueOut:
    return _store_issue(store, Issue(id=body.id, title=body.title, description=body.description))


@router.put("/issues/{issue_id}", summary="Edit an issue's title and description (needs the bearer token)")
def put_issue(issue_id: Key, store: StoreDep, _auth: Writer, body: IssueIn) -> IssueOut:
    if body.id is not None and body.id != issue_id:
        raise UsageError(f"the body's id {body.id!r} is not the path's {issue_id!r}")
    if store.issue(issue_id) is None:
        raise NotFoundError(f"no issue {issue_id!r} is stored; POST /issues adds one")
    return _store_issue(store, Issue(id=issue_id, title=body.title, description=body.description))
