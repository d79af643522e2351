"""Query parameters shared by the JSON routes and the pages: pagination and statement filters.

FastAPI validates them, so a bad value (``polarity=maybe``, ``date_from=notadate``,
``limit=-1``) is a 422 before any query runs. An empty value, as an HTML form sends
for a field left blank, means no filter.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query

from ..errors import UsageError
from .views import StatementQuery

__all__ = ["MAX_LIMIT", "ActorKind", "Limit", "Offset", "statement_query"]

MAX_LIMIT = 1000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="how many items per page")]
Offset = Annotated[int, Query(ge=0, description="how many items to skip")]

_Blank = Literal[""]

ActorKind = Annotated[
    Literal["state", "igo", "person", "org"] | _Blank | None,
    Query(description="only actors of this kind"),
]


def statement_query(
    actor: Annotated[str | None, Query(max_length=200, description="actor code, e.g. RUS, EU")] = None,
    issue: Annotated[str | None, Query(max_length=200, description="issue id")] = None,
    article: Annotated[str | None, Query(max_length=500, description="article name or id")] = None,
    polarity: Annotated[
        Literal["support", "oppose", "neutral"] | _Blank | None,
        Query(description="a claim with this polarity (on `issue` if given)"),
    ] = None,
    kind: Annotated[Literal["direct", "indirect", "summary"] | _Blank | None, Query()] = None,
    date_from: Annotated[
        date | _Blank | None, Query(description="statements made on or after (YYYY-MM-DD)")
    ] = None,
    date_to: Annotated[
        date | _Blank | None, Query(description="statements made on or before (YYYY-MM-DD)")
    ] = None,
    outlet: Annotated[
        str | None, Query(max_length=200, description="the article's outlet, e.g. voanews.com")
    ] = None,
    q: Annotated[
        str | None, Query(max_length=500, description="words that must all be in the evidence")
    ] = None,
) -> StatementQuery:
    """The statement filters of a request, blanks dropped; 422 when the dates are reversed."""
    start = date_from or None
    end = date_to or None
    if start is not None and end is not None and start > end:
        raise UsageError(f"date_from ({start}) is after date_to ({end})")
    return StatementQuery(
        actor=actor or None,
        issue=issue or None,
        article=article or None,
        polarity=polarity or None,
        kind=kind or None,
        date_from=start,
        date_to=end,
        outlet=outlet or None,
        q=(q or "").strip() or None,
    )
