"""The HTTP API: a FastAPI app whose JSON routes are the twins of the web pages.

``create_app(settings)`` builds it; ``stancemap serve`` runs it. Reads are open,
writes need the bearer token of ``settings.api_token``.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
