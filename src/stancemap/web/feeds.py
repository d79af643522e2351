"""The ``/feeds`` page: what ``stancemap watch`` follows and how each source is doing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..api.feeds import feeds_view
from ..api.routes import get_store
from ..store import Store
from .templating import templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/feeds", response_class=HTMLResponse)
def feeds(request: Request, store: Annotated[Store, Depends(get_store)]) -> HTMLResponse:
    data = feeds_view(store)
    response: HTMLResponse = templates().TemplateResponse(
        request, "feeds.html", {"json_url": "/feeds.json", "data": data}
    )
    return response
