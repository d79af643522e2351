"""Indexes for the statement filters at scale (``benchmarks/query_speed.py``, 1,000,000 statements).

An actor within a date range walks one index range instead of every statement of
the actor; an outlet finds its articles without scanning them all.

A frozen revision: its DDL is written out here and never changes once it has shipped.
The release before Alembic recorded it as ``0005_filter_indexes``.
"""

from __future__ import annotations

from alembic import op

revision = "0004_filter_indexes"
down_revision = "0003_evidence_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_statements_actor_date", "statements", ["actor_code", "date"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
