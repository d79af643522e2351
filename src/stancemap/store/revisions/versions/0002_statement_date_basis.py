"""Where a statement's date comes from: the text, an earlier statement, or the article.

A frozen revision: its DDL is written out here and never changes once it has shipped.
The release before Alembic recorded it as ``0002_statement_date_basis``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_statement_date_basis"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "statements",
        sa.Column("date_basis", sa.String(10), comment="text, earlier or article: where the date comes from"),
    )


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
