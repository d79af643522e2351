"""The Jinja2 environment of the pages: packaged templates, autoescape always on.

Every value from the store (article text, speakers, evidence) reaches the page
through ``{{ }}`` and is escaped; data for scripts goes through ``|tojson``, which
escapes ``<``, ``>``, ``&`` and quotes, so it cannot close its ``<script>`` block.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape
from starlette.templating import Jinja2Templates

from ..query.assets import asset_url
from ..store.search import highlight_pattern

__all__ = ["STANCE_LABELS", "templates"]

STANCE_LABELS = {
    "support": "supports",
    "oppose": "opposes",
    "mixed": "mixed",
    "neutral": "neutral",
}


def _nice_date(value: Any) -> str:
    """``2025-03-14`` as ``14 Mar 2025``; anything else as given, or an em dash for nothing."""
    if value in (None, ""):
        return "—"
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{d.day} {d.strftime('%b %Y')}"


def _shorten(value: Any, width: int = 220) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _label(value: Any) -> str:
    return "" if value is None else str(value).replace("_", " ")


@lru_cache(maxsize=256)
def _pattern(q: str) -> Any:
    return highlight_pattern(q)


def _marked(value: Any, q: str | None) -> Markup:
    """``value`` escaped, with the words that the search ``q`` matched in ``<mark>``."""
    text = "" if value is None else str(value)
    pattern = _pattern(q) if q else None
    if pattern is None:
        return escape(text)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(Markup('<mark class="found">%s</mark>') % m.group(0))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """The page templates (built once, on first use)."""
    env = Environment(loader=PackageLoader("stancemap.web", "templates"), autoescape=True)
    env.filters["nice_date"] = _nice_date
    env.filters["shorten"] = _shorten
    env.filters["label"] = _label
    env.filters["marked"] = _marked
    env.globals["asset"] = asset_url
    env.globals["stance_labels"] = STANCE_LABELS
    return Jinja2Templates(env=env)
