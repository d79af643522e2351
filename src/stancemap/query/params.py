"""Request parameters shared by the JSON routes and the pages: the store, pagination, filters.

FastAPI validates them, so a bad value (``polarity=maybe``, ``date_from=notadate``,
``limit=-1``) is a 422 before any query runs. An empty value, as an HTML form sends
for a field left blank, means no filter.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator

from ..store import Store
from .views import StatementQuery

__all__ = [
    "MAX_ID",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "NO_NUL",
    "Key",
    "ActorKind",
    "Filters",
    "Limit",
    "Offset",
    "StatementId",
    "StoreDep",
    "clean_text",
    "clean_request",
    "get_store",
    "statement_query",
]

MAX_LIMIT = 1000
#: The pattern of a string the database can store (PostgreSQL refuses NUL), so that the schema says it.
NO_NUL = r"^[^\x00]*$"
#: No list is this long; a larger offset (2^63 overflows SQLite) is a 422, not a database error.
MAX_OFFSET = 1_000_000_000
#: Statement ids are 32-bit on PostgreSQL (``integer``): a larger one cannot be stored, so is a 422.
MAX_ID = 2**31 - 1

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="how many items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="how many items to skip")]
#: A path parameter naming a stored thing (an issue id, an actor code, an article id or name).
Key = Annotated[str, Path(max_length=500, pattern=NO_NUL)]
StatementId = Annotated[int, Path(ge=0, le=MAX_ID, description="a statement's id")]


def get_store(request: Request) -> Store:
    """The app's store (opened by ``create_app``)."""
    store: Store = request.app.state.store
    return store


#: A route's store, as a FastAPI dependency.
StoreDep = Annotated[Store, Depends(get_store)]


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
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_only(value: object) -> object:
    """Refuse a date not written YYYY-MM-DD: pydantic would read ``0`` as 1970-01-01 (a timestamp)."""
    if isinstance(value, str) and value and not _ISO_DATE.fullmatch(value):
        raise ValueError("must be a date written YYYY-MM-DD")
    return value


#: A calendar date as YYYY-MM-DD, and nothing else.
IsoDate = Annotated[date, BeforeValidator(_iso_only)]

ActorKind = Annotated[
    Literal["state", "igo", "person", "org"] | _Blank | None,
    Query(description="only actors of this kind"),
]


def statement_query(
    actor: Annotated[
        str | None, Query(max_length=200, pattern=NO_NUL, description="actor code, e.g. RUS, EU")
    ] = None,
    issue: Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="issue id")] = None,
    article: Annotated[
        str | None, Query(max_length=500, pattern=NO_NUL, description="article name or id")
    ] = None,
    polarity: Annotated[
        Literal["support", "oppose", "neutral"] | _Blank | None,
        Query(description="a claim with this polarity (on `issue` if given)"),
    ] = None,
    kind: Annotated[Literal["direct", "indirect", "summary"] | _Blank | None, Query()] = None,
    date_from: Annotated[
        IsoDate | _Blank | None, Query(description="statements made on or after (YYYY-MM-DD)")
    ] = None,
    date_to: Annotated[
        IsoDate | _Blank | None, Query(description="statements made on or before (YYYY-MM-DD)")
    ] = None,
    outlet: Annotated[
        str | None,
        Query(max_length=200, pattern=NO_NUL, description="the article's outlet, e.g. voanews.com"),
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=500, pattern=NO_NUL, description="words that must all be in the evidence"),
    ] = None,
) -> StatementQuery:
    """The statement filters of a request, blanks dropped; 422 when the dates are reversed."""
    start = date_from or None
    end = date_to or None
    if start is not None and end is not None and start > end:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", "date_from"),
                    "msg": f"Value error, date_from ({start}) is after date_to ({end})",
                    "type": "value_error",
                }
            ]
        )
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


#: A request's statement filters, as a FastAPI dependency.
Filters = Annotated[StatementQuery, Depends(statement_query)]
