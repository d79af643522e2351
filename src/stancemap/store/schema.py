"""The tables, as SQLAlchemy Core metadata, for the queries.

The revisions that create them (``revisions/versions/``) write their DDL out and never
import this module: change a table here and in a new revision together.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "actors",
    "article_background",
    "article_copies",
    "articles",
    "claims",
    "issues",
    "metadata",
    "positions",
    "statements",
]

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True, comment="SHA-256 of the normalized text"),
    Column("name", String(500), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("outlet", String(200)),
    Column("published", Date),
    Column("body_start", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_name", "name"),
    Index("ix_articles_outlet", "outlet"),
)

article_copies = Table(
    "article_copies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id",
        String(64),
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        comment="the stored article whose text this copy repeats",
    ),
    Column("name", Text, nullable=False, comment="what the copy is called: its file name or record id"),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", Date),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    UniqueConstraint("article_id", "name", name="uq_article_copies_article_name"),
)

article_background = Table(
    "article_background",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("char_start", Integer, primary_key=True, comment="where the paragraph starts"),
    Column("char_end", Integer, nullable=False, comment="where it ends (exclusive)"),
)

actors = Table(
    "actors",
    metadata,
    Column("code", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False, comment="state, igo, person or org"),
)

issues = Table(
    "issues",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False, comment="order of the statement in its article"),
    Column("actor_code", String(200), ForeignKey("actors.code"), nullable=False),
    Column("actor_name", Text, nullable=False),
    Column("body", Text),
    Column("speaker", Text),
    Column("speaker_title", Text),
    Column("kind", String(10), nullable=False),
    Column("date", Date),
    Column("date_basis", String(10), comment="text, earlier or article: where the date comes from"),
    Column("channel", String(30)),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_text", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("cue_text", Text),
    UniqueConstraint("article_id", "seq", name="uq_statements_article_seq"),
    Index("ix_statements_actor", "actor_code"),
    Index("ix_statements_date", "date"),
    Index("ix_statements_actor_date", "actor_code", "date"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("statement_id", Integer, ForeignKey("statements.id", ondelete="CASCADE"), nullable=False),
    Column("issue_id", String(200), comment="an issue id from the run's issues file, or NULL"),
    Column("target", Text, nullable=False),
    Column("polarity", String(10), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Index("ix_claims_issue", "issue_id"),
    Index("ix_claims_statement", "statement_id"),
)

positions = Table(
    "positions",
    metadata,
    Column("issue_id", String(200), primary_key=True),
    Column("actor_code", String(200), primary_key=True),
    Column(
        "version", Integer, nullable=False, comment="raised by triggers whenever the pair's claims change"
    ),
    Column("built", Integer, comment="the version ``payload`` was computed from; NULL: never"),
    Column("payload", Text, comment="the consolidated position as JSON (Position.to_dict)"),
    Index("ix_positions_actor", "actor_code"),
)
