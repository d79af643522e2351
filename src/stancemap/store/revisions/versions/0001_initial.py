"""The first tables: articles, actors, issues, statements and their claims.

A frozen revision: its DDL is written out here and never changes once it has shipped
(no import of stancemap's live schema or helpers). It runs on SQLite and PostgreSQL.
The release before Alembic recorded it as ``0001_initial`` in ``schema_migrations``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True, comment="SHA-256 of the normalized text"),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("outlet", sa.String(200)),
        sa.Column("published", sa.Date),
        sa.Column("body_start", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_name", "articles", ["name"])
    op.create_table(
        "actors",
        sa.Column("code", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False, comment="state, igo, person or org"),
    )
    op.create_table(
        "issues",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("seq", sa.Integer, nullable=False, comment="order of the statement in its article"),
        sa.Column("actor_code", sa.String(200), sa.ForeignKey("actors.code"), nullable=False),
        sa.Column("actor_name", sa.Text, nullable=False),
        sa.Column("body", sa.Text),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_title", sa.Text),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("channel", sa.String(30)),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("source_start", sa.Integer),
        sa.Column("source_end", sa.Integer),
        sa.Column("source_text", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("cue_text", sa.Text),
        sa.UniqueConstraint("article_id", "seq", name="uq_statements_article_seq"),
    )
    op.create_index("ix_statements_actor", "statements", ["actor_code"])
    op.create_index("ix_statements_date", "statements", ["date"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "statement_id", sa.Integer, sa.ForeignKey("statements.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("issue_id", sa.String(200), comment="an issue id from the run's issues file, or NULL"),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("polarity", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_issue", "claims", ["issue_id"])
    op.create_index("ix_claims_statement", "claims", ["statement_id"])


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
