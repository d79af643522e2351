"""Query parameters shared by the JSON routes and the pages: pagination and statement filters.

FastAPI validates them, so a bad value (``polarity=maybe``, ``date_from=notadate``,
``limit=-1``) is a 422 before any query runs. An empty value, as an HTML form sends
for a field left blank, means no filter.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Path, Query, Request
from fastapi.exceptions import RequestValidationError

from ..errors import UsageError
from .views import StatementQuery

__all__ = [
    "MAX_ID",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "ActorKind",
    "Limit",
    "Offset",
    "StatementId",
    "clean_text",
    "clean_request",
    "statement_query",
]

MAX_LIMIT = 1000
#: No list is this long; a larger offset (2^63 overflows SQLite) is a 422, not a database error.
MAX_OFFSET = 1_000_000_000
#: Statement ids are 32-bit on PostgreSQL (``integer``): a larger one cannot be stored, so is a 422.
MAX_ID = 2**31 - 1

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="how many items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="how many items to skip")]
StatementId = Annotated[int, Path(ge=0, le=MAX_ID, description="a statement's id")]


def clean_text(value: str) -> str | None:
    """Why ``value`` cannot reach the database (a NUL, or a lone surrogate), or None when it can."""
    if "\x00" in value:
        return "must not contain the NUL character (U+0000)"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "must not contain a lone surrogate (U+D800 to U+DFFF): it is not Unicode text"
    return None


def clean_request(request: Request) -> None:
    """422 for a query or path parameter the database could not take (see ``clean_text``).

    Run for every route, before its own parameters: PostgreSQL refuses a NUL in
    any string, and no engine can encode a lone surrogate.
    """
    errors = []
    for where, items in (
        ("path", request.path_params.items()),
        ("query", request.query_params.multi_items()),
    ):
        for name, value in items:
            if isinstance(value, str) and (why := clean_text(value)) is not None:
                errors.append({"loc": (where, name), "msg": f"Value error, {why}", "type": "value_error"})
    if errors:
        raise RequestValidationError(errors)


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
