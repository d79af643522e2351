"""What ``stancemap watch`` remembers between runs: sources, entries with raw pages, errors.

A frozen revision: its DDL is written out here and never changes once it has shipped.
The release before Alembic recorded it as ``0009_feeds``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_feeds"
down_revision = "0007_article_copies"
branch_labels = None
depends_on = None

#: Longest URL kept as a key (PostgreSQL's btree entries must stay under ~2.7 kB).
_URL = 2000


def upgrade() -> None:
    op.create_table(
        "feed_sources",
        sa.Column("url", sa.String(_URL), primary_key=True),
        sa.Column("kind", sa.String(10), comment="rss, atom or sitemap; NULL: detect"),
        sa.Column("every_s", sa.Integer, nullable=False),
        sa.Column("parent", sa.String(_URL), comment="the sitemap index that lists this sitemap"),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_fetch_at", sa.DateTime(timezone=True)),
        sa.Column("last_status", sa.String(20), comment="ok, not_modified or failed"),
        sa.Column("last_error", sa.Text),
        sa.Column("next_due", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "feed_entries",
        sa.Column("url", sa.String(_URL), primary_key=True),
        sa.Column("source_url", sa.String(_URL), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(10), nullable=False, comment="pending, fetched, stored or failed"),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(40)),
        sa.Column("message", sa.Text),
        sa.Column("fetched_at", sa.DateTime(timezone=True)),
        sa.Column("final_url", sa.Text),
        sa.Column("content_type", sa.Text),
        sa.Column("raw", sa.LargeBinary, comment="the page as fetched, gzip-compressed"),
        sa.Column("article_id", sa.String(64)),
    )
    op.create_index("ix_feed_entries_state", "feed_entries", ["state"])
    op.create_index("ix_feed_entries_source", "feed_entries", ["source_url"])
    op.create_index("ix_feed_entries_article", "feed_entries", ["article_id"])
    op.create_table(
        "feed_errors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_url", sa.String(_URL), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )
    op.create_index("ix_feed_errors_source", "feed_errors", ["source_url", "id"])


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
