"""Copies: another outlet's word-for-word run of a stored article, kept as a second source.

``article_copies`` holds them, unique per (stored article, name); a position counts
its articles' copies among its sources, so triggers make a position stale when its
articles gain or lose a copy.

A frozen revision: its DDL is written out here and never changes once it has shipped.
The release before Alembic recorded it as ``0008_article_copies``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_article_copies"
down_revision = "0006_search_stemming"
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = [
    """CREATE TRIGGER positions_copy_insert AFTER INSERT ON article_copies BEGIN
      UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
        (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
         WHERE s.article_id = new.article_id);
    END""",
    """CREATE TRIGGER positions_copy_delete AFTER DELETE ON article_copies BEGIN
      UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
        (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
         WHERE s.article_id = old.article_id);
    END""",
]

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION positions_copies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
    (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
     WHERE s.article_id IN (SELECT article_id FROM changed_copies));
  RETURN NULL;
END $$;
"""

#: Per statement with a transition table: a batch of copies costs one update, not one per copy.
_PG_TRIGGERS = [
    (
        "positions_copies_insert",
        "AFTER INSERT ON article_copies REFERENCING NEW TABLE AS changed_copies "
        "FOR EACH STATEMENT EXECUTE FUNCTION positions_copies_changed()",
    ),
    (
        "positions_copies_delete",
        "AFTER DELETE ON article_copies REFERENCING OLD TABLE AS changed_copies "
        "FOR EACH STATEMENT EXECUTE FUNCTION positions_copies_changed()",
    ),
]


def upgrade() -> None:
    op.create_table(
        "article_copies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.String(64),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
            comment="the stored article whose text this copy repeats",
        ),
        sa.Column(
            "name", sa.Text, nullable=False, comment="what the copy is called: its file name or record id"
        ),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("article_id", "name", name="uq_article_copies_article_name"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.get_bind().exec_driver_sql(_PG_FUNCTION)
        for name, how in _PG_TRIGGERS:
            op.get_bind().exec_driver_sql(f"CREATE TRIGGER {name} {how}")
    elif dialect == "sqlite":
        for ddl in _SQLITE_TRIGGERS:
            op.get_bind().exec_driver_sql(ddl)


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
