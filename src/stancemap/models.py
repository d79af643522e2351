"""The records stancemap works with, free of I/O.

The field names follow the data contract (``shared/spec/statements.md``):
``Statement.to_spec()`` is the JSON Lines object used for evaluation.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

__all__ = [
    "Article",
    "Claim",
    "Issue",
    "Kind",
    "Polarity",
    "Span",
    "Statement",
    "text_hash",
]

Kind = Literal["direct", "indirect", "summary"]
Polarity = Literal["support", "oppose", "neutral"]

_SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """Identity of an article: SHA-256 of its NFC-normalized, whitespace-folded text.

    Two copies of a story that differ only in line endings, spacing or Unicode
    composition are the same article.
    """
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article: its exact text and where it came from.

    ``name`` is what evaluation calls the article: the file name for files,
    the record ``id`` for JSON Lines corpora.
    """

    name: str
    text: str
    source: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    #: Character offset where the body starts (after a header line), for extraction.
    body_start: int = 0

    @cached_property
    def id(self) -> str:
        """The hash of the text (``text_hash``), computed once: ingest consults it for every statement."""
        return text_hash(self.text)


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of an article's text."""

    start: int
    end: int
    text: str

    def to_spec(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Claim:
    """What a statement says about one issue."""

    target: str
    polarity: Polarity
    issue: str | None = None
    #: Why the stance logic chose this polarity (cue, negation, target).
    reason: str = ""

    def to_spec(self) -> dict[str, Any]:
        return {"issue": self.issue, "target": self.target, "polarity": self.polarity}


@dataclass(frozen=True)
class Statement:
    """A position, claim, demand or announcement an article attributes to an actor."""

    article: str
    actor: str
    actor_name: str
    kind: Kind
    evidence: Span
    speaker: str | None = None
    speaker_title: str | None = None
    body: str | None = None
    date: date | None = None
    #: Where the date comes from: ``text`` (named with the statement), ``earlier`` (the same
    #: speaker's previous statement), ``article`` (the article's date; the text names none).
    date_basis: str | None = None
    channel: str | None = None
    source: Span | None = None
    cue: Span | None = None
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    def to_spec(self) -> dict[str, Any]:
        """The JSON Lines object of the data contract (extra fields allowed)."""
        return {
            "article": self.article,
            "actor": self.actor,
            "actor_name": self.actor_name,
            "body": self.body,
            "speaker": self.speaker,
            "speaker_title": self.speaker_title,
            "kind": self.kind,
            "date": self.date.isoformat() if self.date else None,
            "date_basis": self.date_basis,
            "channel": self.channel,
            "claims": [c.to_spec() for c in self.claims],
            "evidence": self.evidence.to_spec(),
            "source": self.source.to_spec() if self.source else None,
            "cue": self.cue.to_spec() if self.cue else None,
        }


@dataclass(frozen=True)
class Issue:
    """A contested question a user tracks, as named in an issues TOML file."""

    id: str
    title: str
    description: str = ""
