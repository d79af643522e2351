"""One error handler that answers in the language of the route: JSON or a page.

A request wants JSON when its path ends in ``.json``, when it is a write (any
method but GET and HEAD), when it is for ``/openapi.json`` or ``/api/``, or when it
accepts ``application/json`` and not ``text/html``. Everything else gets an HTML
page with the same status: 404 for what is not stored, 422 for a bad filter, 401
for a write without the right token.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import StancemapError, StoreError
from ..store import db_reason
from .gate import secure

__all__ = ["install_error_handlers", "wants_json"]

log = logging.getLogger(__name__)

_TITLES = {
    401: "Not signed in",
    403: "Writes are disabled",
    404: "Not found",
    405: "Method not allowed",
    422: "Bad request",
    500: "Something went wrong",
    503: "The database is not available",
}


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
    request: Request,
    status: int,
    code: str,
    message: str,
    detail: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if wants_json(request):
        body: dict[str, Any] = {"status": status, "code": code, "error": message}
        if detail:
            body["detail"] = detail
        return JSONResponse(body, status_code=status, headers=headers)
    from ..web.templating import templates

    context = {
        "status": status,
        "title": _TITLES.get(status, "Error"),
        "code": code,
        "message": message,
        "detail": detail or [],
    }
    return templates().TemplateResponse(request, "error.html", context, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise through :func:`_render`."""

    @app.exception_handler(StancemapError)
    async def _stancemap(request: Request, exc: StancemapError) -> Response:
        if exc.http_status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return _render(request, exc.http_status, exc.code, exc.message)

    @app.exception_handler(SQLAlchemyError)
    async def _database(request: Request, exc: SQLAlchemyError) -> Response:
        # a read that met a locked or unreachable database: the log has the statement, the client a sentence
        log.error("%s %s: database error: %s", request.method, request.url.path, db_reason(exc))
        return _render(
            request, 503, StoreError.code, "the database is busy or unavailable; try again in a moment"
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        detail = _validation_detail(exc)
        message = "; ".join(f"{d['field']}: {d['msg']}" for d in detail) or "the request is not valid"
        return _render(request, 422, "validation", message, detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers) if exc.headers else None
        return _render(request, exc.status_code, f"http_{exc.status_code}", str(exc.detail), headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        # Starlette answers this one outside every middleware: the headers are set here
        return secure(
            _render(request, 500, "internal", "an unexpected error occurred; the server log has the details")
        )
