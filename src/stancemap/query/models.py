"""What the site shows, as pydantic models, so ``/openapi.json`` is a real schema.

Every list is a :class:`Page` (``total``, ``limit``, ``offset``, ``next``, ``items``).
Each HTML page's JSON twin returns the model its template is rendered from, so the
page and its ``.json`` always show the same data. What the writes take is in
``api/bodies.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ActorDetail",
    "ActorOut",
    "ArticleDetail",
    "ArticleOut",
    "BestOut",
    "ClaimOut",
    "ErrorOut",
    "HistoryOut",
    "HomeOut",
    "IssueDetail",
    "IssueOut",
    "Page",
    "PositionOut",
    "SpanOut",
    "StatementOut",
    "TimelineOut",
]

T = TypeVar("T")

Polarity = Literal["support", "oppose", "neutral"]
Stance = Literal["support", "oppose", "mixed", "neutral"]
Kind = Literal["direct", "indirect", "summary"]


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset``; ``next`` and ``prev`` link the pages around it."""

    total: int
    limit: int
    offset: int
    next: str | None = None
    prev: str | None = None
    items: list[T]


class ErrorOut(BaseModel):
    """An error: the HTTP status, the error's searchable code and what was wrong."""

    status: int
    code: str
    error: str
    detail: list[dict[str, object]] | None = None


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class ClaimOut(BaseModel):
    issue: str | None
    target: str
    polarity: Polarity


class StatementOut(BaseModel):
    """A stored statement in the spec's fields, with links to itself and its article."""

    id: int
    url: str
    article: str
    article_id: str
    article_url: str
    actor: str
    actor_name: str
    body: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    kind: Kind
    date: dt.date | None = None
    date_basis: str | None = None
    channel: str | None = None
    claims: list[ClaimOut]
    evidence: SpanOut
    source: SpanOut | None = None
    cue: SpanOut | None = None
    outlet: str | None = None
    published: dt.date | None = None
    flag: str | None = None
    article_title: str | None = Field(default=None, description="the article's title, to cite it by")


class ArticleOut(BaseModel):
    id: str
    name: str
    url: str = Field(description="this article's page on this server")
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    source: str | None = Field(default=None, description="where the article came from (URL or path)")
    statements: int = 0
    copies: int = Field(default=0, description="how many other outlets' runs of the same text are recorded")


class CopyOut(BaseModel):
    """Another run of an article's exact text (syndication): a source for every statement in it."""

    name: str = Field(description="what the copy was called when read: its file name or record id")
    outlet: str | None = None
    published: dt.date | None = None
    link: str | None = Field(default=None, description="the copy's URL on the web (http or https only)")


class ArticleDetail(ArticleOut):
    """An article with its full text and a page of the statements found in it (``statements`` in all)."""

    author: str | None = None
    link: str | None = Field(default=None, description="the article's URL on the web, if known")
    body_start: int = 0
    text: str
    also_published_by: list[CopyOut] = Field(
        default_factory=list,
        description="the copies (the same text run by other outlets or under other names): "
        "the first 100 by date, of `copies`",
    )
    statement_list: list[StatementOut] = Field(
        description="one page of the article's statements: `limit` from `offset` of `statements`"
    )
    limit: int = 200
    offset: int = 0
    next: str | None = Field(default=None, description="the next page of statements, if any")
    prev: str | None = Field(default=None, description="the previous page of statements, if any")


class IssueOut(BaseModel):
    id: str
    title: str
    description: str = ""
    url: str
    statements: int = 0


class HistoryOut(BaseModel):
    date: str | None
    polarity: Polarity
    statement_id: int


class BestOut(BaseModel):
    """The statement that best shows a position: the one quoted in the table."""

    statement_id: int
    article: str
    article_id: str
    kind: str
    speaker: str | None = None
    speaker_title: str | None = None
    channel: str | None = None
    date: str | None = None
    evidence: str
    outlet: str | None = None
    article_title: str | None = Field(default=None, description="the article's title, to cite it by")
    published: dt.date | None = Field(default=None, description="the article's publication date")


class PositionOut(BaseModel):
    """An actor's consolidated position on an issue, with what it rests on."""

    model_config = ConfigDict(extra="allow")
    issue: str
    actor: str
    actor_name: str
    actor_kind: Literal["state", "igo", "person", "org"]
    stance: Stance
    first_date: str | None = None
    latest_date: str | None = None
    statements: int
    reports: int
    articles: int
    outlets: int
    summary_only: bool
    changed: bool
    previous_stance: Stance | None = None
    best: BestOut
    statement_ids: list[int]
    history: list[HistoryOut]
    flag: str | None = Field(default=None, description="static URL of the actor's flag")
    map_key: str | None = Field(default=None, description="id of the actor's shape in the world map")
    marker: tuple[float, float] | None = Field(
        default=None, description="longitude and latitude of the dot that stands for a small state on the map"
    )
    counted: bool = Field(
        default=True,
        description="whether the actor counts in the issue's tallies, table, map and timeline "
        "(states and international organizations); people and other bodies are listed apart",
    )
    stale: bool = Field(
        default=False,
        description="served as last consolidated: newer claims are being taken in by a background refresh",
    )


class TimelineOut(BaseModel):
    date: str | None
    actor: str
    actor_name: str
    polarity: Polarity
    kind: str
    speaker: str | None = None
    speaker_title: str | None = None
    channel: str | None = None
    evidence: str
    statement_id: int
    article: str
    article_id: str
    actor_kind: str | None = None
    counted: bool = True


class IssueDetail(BaseModel):
    """An issue's page: every actor's position, the timeline, and the counts of stances."""

    issue: IssueOut
    stances: dict[str, int] = Field(description="how many counted actors take each stance")
    actors: int = Field(default=0, description="how many actors count (states and IGOs)")
    others: int = Field(default=0, description="how many people and other bodies took one (apart)")
    positions: list[PositionOut]
    timeline: list[TimelineOut]


class ActorOut(BaseModel):
    code: str
    name: str
    kind: str
    url: str
    statements: int = 0
    flag: str | None = None


class ActorDetail(BaseModel):
    """An actor's page: its positions across issues and the statements behind them."""

    actor: ActorOut
    positions: list[PositionOut]
    statements: Page[StatementOut]


class HomeOut(BaseModel):
    """The front page: how much is stored, the issues, and the latest articles."""

    counts: dict[str, int]
    issues: Page[IssueOut]
    articles: Page[ArticleOut]
