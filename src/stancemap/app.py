"""The application: JSON routes, pages, static files, docs and error handling in one app.

This is the one module that puts the two faces together: the JSON API (``api``)
and the HTML pages (``web``) each sit on the query layer (``query``) and never
import each other; here their routers are mounted side by side, and the error
handler of ``api`` is given the error page of ``web``.

``create_app(settings)`` opens the store (running any migrations) and returns a
FastAPI app; nothing happens at import. ``serve(settings)`` runs it with uvicorn.
Every response carries a Content Security Policy that allows only this server as
a source and no inline script, so even a slip in escaping could not run a script
from an article, and the pages cannot reach outside. ``/docs`` is Swagger UI served from the vendored copy.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import metadata, resources

from fastapi import Depends, FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .api.errors import install_error_handlers
from .api.feeds import router as feeds_router
from .api.gate import CSP, CacheHeaders, SecurityHeaders, WriteGate
from .api.refresh import PositionsRefresher
from .api.routes import router as read_router
from .api.writes import router as write_router
from .config import Settings
from .query.assets import cache_control
from .query.params import clean_request
from .store import Store
from .web.feeds import router as feeds_page_router
from .web.pages import error_page
from .web.pages import router as pages_router

__all__ = ["CSP", "DEFAULT_HOST", "DEFAULT_PORT", "SHUTDOWN_SECONDS", "create_app", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: Seconds a stopping server gives the requests in flight before it cancels them.
SHUTDOWN_SECONDS = 3

log = logging.getLogger(__name__)

DESCRIPTION = """\
Who said what about which issue: statements by states, international organizations
and their officials, with speaker, date, channel and evidence, extracted from news.

Every HTML page has a JSON twin: add `.json` to its path (`/issues/{id}` →
`/issues/{id}.json`). Lists are paged with `limit` and `offset`; each page links the
`next` one. Reads are open. Writes (`POST /articles`, `POST /issues`,
`PUT /issues/{id}`) need `Authorization: Bearer <api_token>`; a server without an
`api_token` setting refuses them. Errors are JSON: `{status, code, error, detail}`.
"""


def _version() -> str:
    try:
        return metadata.version("stancemap")
    except metadata.PackageNotFoundError:
        return "0"


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The web app over ``settings.db`` (or over ``store``, which the caller then owns)."""
    owned = store is None
    opened = Store.open(settings.db) if store is None else store

    refresher = PositionsRefresher(opened)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        refresher.start()
        try:
            yield
        finally:
            refresher.stop()
            if owned:
                opened.close()

    app = FastAPI(
        title="stancemap",
        version=_version(),
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(clean_request)],
    )
    app.state.settings = settings
    app.state.store = opened
    app.state.refresher = refresher
    install_error_handlers(app, error_page)

    app.add_middleware(CacheHeaders, cache_control=cache_control)
    # the gate first (innermost), so that its refusals carry the security headers too
    app.add_middleware(WriteGate, token=settings.api_token, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders, csp=CSP)
    # Pages, JSON and the vendored scripts compress 3-4x (query/assets.py says how long each is kept);
    # level 4: an issue page in 4 ms to 26% of its size, where level 6 takes 13 ms for 24%.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=4)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="stancemap API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},
        )
        # Swagger UI starts from an inline script of FastAPI's own, with no user data in it.
        page.headers["Content-Security-Policy"] = CSP.replace("'unsafe-eval'", "'unsafe-inline'")
        return page

    static = resources.files("stancemap.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(read_router)
    app.include_router(write_router)
    app.include_router(feeds_router)
    app.include_router(pages_router)
    app.include_router(feeds_page_router)
    return app


def serve(settings: Settings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve the pages and the API on ``host:port`` until interrupted (the caller says where)."""
    import uvicorn  # deferred: only a server needs it, not an app made for tests

    app = create_app(settings)
    url = f"http://{host}:{port}/"
    log.info("serving %s on %s", settings.db, url)
    # On SIGTERM or Ctrl-C, requests still running after SHUTDOWN_SECONDS are cancelled,
    # which stops their extraction (``api.work``): the server never hangs on a long write.
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_SECONDS)
