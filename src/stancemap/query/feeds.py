"""The watched sources: the model both ``/feeds`` and ``/feeds.json`` show.

Kept apart from ``views.py`` and ``models.py``: everything ``stancemap watch`` adds
to what the site shows is here; its JSON route is in ``api/feeds.py``, its page in
``web/feeds.py``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from ..store import Store

__all__ = ["FeedErrorOut", "FeedSourceOut", "FeedsOut", "NewestArticleOut", "feeds_view"]


class FeedErrorOut(BaseModel):
    """One thing that went wrong with a source or one of its entries."""

    url: str = Field(description="the source's or the entry's URL")
    at: dt.datetime
    reason: str = Field(description="a reason code: timeout, http_404, malformed_feed, not_html, robots, ...")
    message: str


class NewestArticleOut(BaseModel):
    """The article most recently stored from a source."""

    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    ingested_at: dt.datetime


class FeedSourceOut(BaseModel):
    """A watched feed or sitemap: its last fetch, entries by state, newest article and latest errors."""

    url: str
    kind: str | None = Field(description="rss, atom or sitemap; null: detected at each fetch")
    every_s: int = Field(description="seconds between fetches")
    parent: str | None = Field(description="the sitemap index that lists this sitemap")
    last_fetch_at: dt.datetime | None
    last_status: str | None = Field(description="ok, not_modified or failed")
    last_error: str | None
    next_due: dt.datetime | None
    entries: dict[str, int] = Field(description="entries by state: pending, fetched, stored, failed")
    newest_article: NewestArticleOut | None
    errors: list[FeedErrorOut] = Field(description="the latest errors, newest first")


class FeedsOut(BaseModel):
    """Every watched source."""

    sources: list[FeedSourceOut]


def feeds_view(store: Store) -> FeedsOut:
    """The model both ``/feeds`` and ``/feeds.json`` show."""
    return FeedsOut(sources=[FeedSourceOut.model_validate(s) for s in store.feed_overview()])
