"""Static files: URLs that name their content, and how long a browser may keep them.

Every static URL a page writes carries ``?v=`` and the first hex digits of a hash
of the file's bytes (``asset_url``). A changed file therefore has a new URL, so a
response to a URL with ``v`` may be cached for a year as ``immutable`` and never
asked for again; a static URL without it (an old page, a hand-typed address) is
revalidated each time with its ETag (``cache_control``). Hashes are computed once
per file, on first use.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

__all__ = ["IMMUTABLE", "REVALIDATE", "asset_url", "cache_control"]

#: For a static URL that names its content: a year, never revalidated.
IMMUTABLE = "public, max-age=31536000, immutable"
#: For a static URL without a content hash: keep it, but ask whether it changed.
REVALIDATE = "no-cache"
STATIC_PREFIX = "/static/"


@lru_cache(maxsize=512)
def _digest(path: str) -> str:
    data = resources.files("stancemap.web").joinpath("static", *path.split("/")).read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def asset_url(path: str) -> str:
    """The URL of the static file ``path`` (relative to ``static/``), with its content hash."""
    return f"{STATIC_PREFIX}{path}?v={_digest(path)}"


def cache_control(path: str, query: str, status: int) -> str | None:
    """The ``Cache-Control`` of a response to ``path?query``; None when it is not a static file."""
    if not path.startswith(STATIC_PREFIX) or status not in (200, 304):
        return None
    return IMMUTABLE if "v=" in query else REVALIDATE
