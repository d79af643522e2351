"""The web page: HTML pages over the store, with a JSON twin for each (``stancemap.api``).

``serve(settings)`` runs the app with uvicorn; importing this package does nothing
else (uvicorn, FastAPI and the store are imported by ``serve``).
"""

from __future__ import annotations

import logging

from ..config import Settings

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "SHUTDOWN_SECONDS", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: Seconds a stopping server gives the requests in flight before it cancels them.
SHUTDOWN_SECONDS = 3

log = logging.getLogger(__name__)


def serve(settings: Settings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve the pages and the API on ``host:port`` until interrupted (the caller says where)."""
    import uvicorn

    from ..api import create_app

    app = create_app(settings)
    url = f"http://{host}:{port}/"
    log.info("serving %s on %s", settings.db, url)
    # On SIGTERM or Ctrl-C, requests still running after SHUTDOWN_SECONDS are cancelled,
    # which stops their extraction (``api.work``): the server never hangs on a long write.
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_SECONDS)
