"""The application: JSON routes, pages, static files, docs and error handling in one app.

``create_app(settings)`` opens the store (running any migrations) and returns a
FastAPI app; nothing happens at import. Every response carries a Content Security
Policy that allows only this server as a source and no inline script, so even a
slip in escaping could not run a script from an article, and the pages cannot
reach outside. ``/docs`` is Swagger UI served from the vendored copy.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import metadata, resources

from fastapi import Depends, FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..config import Settings
from ..store import Store
from .errors import install_error_handlers
from .gate import CSP, CacheHeaders, SecurityHeaders, WriteGate
from .params import clean_request
from .refresh import PositionsRefresher

__all__ = ["CSP", "create_app"]

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
    from ..web.assets import cache_control
    from ..web.feeds import router as feeds_page_router
    from ..web.pages import router as pages_router
    from .feeds import router as feeds_router
    from .routes import router as read_router
    from .writes import router as write_router

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
    install_error_handlers(app)

    app.add_middleware(CacheHeaders, cache_control=cache_control)
    # the gate first (innermost), so that its refusals carry the security headers too
    app.add_middleware(WriteGate, token=settings.api_token, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders, csp=CSP)
    # Pages, JSON and the vendored scripts compress 3-4x (web/assets.py says how long each is kept);
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
