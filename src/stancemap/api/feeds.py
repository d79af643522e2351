"""The watched sources as JSON (``/feeds.json``): what ``stancemap watch`` adds to the API."""

from __future__ import annotations

from fastapi import APIRouter

from ..query.feeds import FeedsOut, feeds_view
from ..query.params import StoreDep
from .routes import ERRORS

__all__ = ["router"]

router = APIRouter(responses=ERRORS)


@router.get("/feeds.json", tags=["feeds"], summary="Watched feeds: last fetch, newest article, errors")
def feeds_json(store: StoreDep) -> FeedsOut:
    return feeds_view(store)
