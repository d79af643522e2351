"""The background paragraphs of each article, as extraction found them (``extract/boilerplate.py``).

Ingest marks as background the paragraphs an outlet repeats across its stories, and
takes no reported statement from them; the article page fades the same spans. One
row per paragraph: its character span in the article's text. Articles stored before
this revision have no rows (their page fades only the header).

A frozen revision: its DDL is written out here and never changes once it has shipped.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_article_background"
down_revision = "0008_feeds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_background",
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("char_start", sa.Integer, primary_key=True, comment="where the paragraph starts"),
        sa.Column("char_end", sa.Integer, nullable=False, comment="where it ends (exclusive)"),
    )


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
