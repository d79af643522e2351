"""One error handler that answers in the language of the route: JSON or a page.

A request wants JSON when its path ends in ``.json``, when it is a write (any
method but GET and HEAD), when it is for ``/openapi.json`` or ``/api/``, or when it
accepts ``application/json`` and not ``text/html``. Everything else gets an HTML
page with the same status: 404 for what is not stored, 422 for a bad filter, 401
for a write without the right token. The page is drawn by the ``ErrorPage`` the
app hands to ``install_error_handlers`` (the web package's); without one, every
error is JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import StancemapError, StoreError
from ..store import db_reason
from .gate import secure

__all__ = ["ErrorPage", "install_error_handlers", "wants_json"]

log = logging.getLogger(__name__)

#: Draws an error as an HTML page: ``(request, status, code, message, detail, headers)``.
ErrorPage = Callable[[Request, int, str, str, list[dict[str, Any]], dict[str, str] | None], Response]


def wants_json(request: Request) -> bool:
    """Whether an error for ``request`` should be JSON rather than an HTML page."""
    path = request.url.path
    if path.endswith(".json") or path.startswith("/api/") or request.method not in ("GET", "HEAD"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    """One entry per bad field: where it was, its name, and the first complaint about it.

    A field typed as a union (a value or blank) fails once per member; the first is the useful one.
    """
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ())]
        where = loc[0] if loc else ""
        if where in ("query", "path", "header", "cookie"):
            name = loc[1] if len(loc) > 1 else where
        else:
            name = ".".join(loc[1:]) or where
        out.setdefault((where, name), {"field": name, "where": where, "msg": e["msg"]})
    return list(out.values())


def _render(
    page: ErrorPage | None,
    request: Request,
    status: int,
    code: str,
    message: str,
    detail: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if page is None or wants_json(request):
        body: dict[str, Any] = {"status": status, "code": code, "error": message}
        if detail:
            body["detail"] = detail
        return JSONResponse(body, status_code=status, headers=headers)
    return page(request, status, code, message, detail or [], headers)


def install_error_handlers(app: FastAPI, page: ErrorPage | None = None) -> None:
    """Route every error the app can raise through :func:`_render`, pages drawn by ``page``."""

    @app.exception_handler(StancemapError)
    async def _stancemap(request: Request, exc: StancemapError) -> Response:
        if exc.http_status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return _render(page, request, exc.http_status, exc.code, exc.message)

    @app.exception_handler(SQLAlchemyError)
    async def _database(request: Request, exc: SQLAlchemyError) -> Response:
        # a read that met a locked or unreachable database: the log has the statement, the client a sentence
        log.error("%s %s: database error: %s", request.method, request.url.path, db_reason(exc))
        return _render(
            page, request, 503, StoreError.code, "the database is busy or unavailable; try again in a moment"
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        detail = _validation_detail(exc)
        message = "; ".join(f"{d['field']}: {d['msg']}" for d in detail) or "the request is not valid"
        return _render(page, request, 422, "validation", message, detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers) if exc.headers else None
        code = f"http_{exc.status_code}"
        return _render(page, request, exc.status_code, code, str(exc.detail), headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        # Starlette answers this one outside every middleware: the headers are set here
        return secure(
            _render(
                page, request, 500, "internal", "an unexpected error occurred; the server log has the details"
            )
        )
