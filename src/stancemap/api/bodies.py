"""What the API's writes take and answer: request bodies, checked, and an ingest's report.

Every string of a body must be one the database can store (no NUL, no lone
surrogate), and an article's link must be an ``http`` or ``https`` URL.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..ingest.fields import web_url

__all__ = ["ArticleIn", "IngestReport", "IngestedArticle", "IssueIn", "IssueNew"]

#: A string the database can store: PostgreSQL refuses NUL (``_CleanIn`` also refuses lone surrogates).
NO_NUL = r"^[^\x00]*$"
#: Text with no NUL and at least one character that is neither space nor a control character
#: (Python strips those too, and an article of them alone is empty).
TEXT = r"^[^\x00]*[^\s\x00-\x1f\x7f-\x9f][^\x00]*$"
#: An http or https URL with a host, or blank (see ``ingest.fields.web_url``).
WEB_URL = r"^\s*$|^\s*[hH][tT][tT][pP][sS]?://[^\s/?#@\[\]\x00]+([/?#][^\x00]*)?$"


class _CleanIn(BaseModel):
    """A request body whose every string can reach the database: no NUL, no lone surrogate."""

    @field_validator("*", mode="after")
    @classmethod
    def _clean(cls, value: object) -> object:
        if isinstance(value, str):
            if "\x00" in value:
                raise ValueError("must not contain the NUL character (U+0000)")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as e:
                raise ValueError("must not contain a lone surrogate (U+D800 to U+DFFF)") from e
        return value


class IssueIn(_CleanIn):
    """An issue to add or edit (``PUT /issues/{id}`` takes the id from the path)."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:-]+$")
    title: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)
    description: str = Field(default="", max_length=100_000, pattern=NO_NUL)


class IssueNew(IssueIn):
    """An issue to add: the same fields, with the id required."""

    id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:-]+$")


class ArticleIn(_CleanIn):
    """An article to ingest: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, pattern=TEXT)
    name: str | None = Field(
        default=None, max_length=500, pattern=NO_NUL, description="defaults to a hash of the text"
    )
    title: str | None = Field(default=None, max_length=2000, pattern=NO_NUL)
    published: str | None = Field(
        default=None, max_length=100, pattern=NO_NUL, description="a date such as 2025-03-14"
    )
    outlet: str | None = Field(default=None, max_length=500, pattern=NO_NUL)
    url: str | None = Field(
        default=None,
        max_length=2000,
        pattern=WEB_URL,
        description="the article's http or https URL (blank for none)",
    )
    author: str | None = Field(default=None, max_length=2000, pattern=NO_NUL)

    @field_validator("url", mode="after")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        """Only ``http`` and ``https`` links: a ``javascript:`` or ``data:`` URL would be a live link."""
        if value is None or not value.strip():
            return None
        url = web_url(value)
        if url is None:
            raise ValueError("must be an http:// or https:// URL")
        return url


class IngestedArticle(BaseModel):
    id: str
    name: str
    url: str
    new: bool
    statements: int


class IngestReport(BaseModel):
    """What an ingest did: how many articles were new or already stored, and statements found."""

    new: int
    already: int
    statements: int
    articles: list[IngestedArticle]
