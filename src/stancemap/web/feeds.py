"""The ``/feeds`` page: what ``stancemap watch`` follows and how each source is doing."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..query.feeds import feeds_view
from ..query.params import StoreDep
from .templating import templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/feeds", response_class=HTMLResponse)
def feeds(request: Request, store: StoreDep) -> HTMLResponse:
    data = feeds_view(store)
    response: HTMLResponse = templates().TemplateResponse(
        request, "feeds.html", {"json_url": "/feeds.json", "data": data}
    )
    return response
