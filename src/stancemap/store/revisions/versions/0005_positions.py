"""Consolidated positions kept per (issue, actor), made stale by triggers (``store/positions.py``).

Triggers on ``claims``, ``statements`` and ``articles`` raise the ``version`` of every
(issue, actor) row whose claims were added, changed or removed, and create the row of
a new pair; every pair already stored gets a stale row here.

A frozen revision: its DDL is written out here and never changes once it has shipped.
The release before Alembic recorded it as ``0006_positions``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_positions"
down_revision = "0004_filter_indexes"
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = [
    """CREATE TRIGGER positions_claim_insert AFTER INSERT ON claims
    WHEN new.issue_id IS NOT NULL BEGIN
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT new.issue_id, actor_code, 1 FROM statements WHERE id = new.statement_id
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END""",
    """CREATE TRIGGER positions_claim_delete AFTER DELETE ON claims
    WHEN old.issue_id IS NOT NULL BEGIN
      UPDATE positions SET version = version + 1 WHERE issue_id = old.issue_id
        AND actor_code IN (SELECT actor_code FROM statements WHERE id = old.statement_id);
    END""",
    """CREATE TRIGGER positions_claim_update AFTER UPDATE ON claims BEGIN
      UPDATE positions SET version = version + 1 WHERE issue_id = old.issue_id
        AND actor_code IN (SELECT actor_code FROM statements WHERE id = old.statement_id);
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT new.issue_id, actor_code, 1 FROM statements
        WHERE id = new.statement_id AND new.issue_id IS NOT NULL
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END""",
    """CREATE TRIGGER positions_statement_delete AFTER DELETE ON statements BEGIN
      UPDATE positions SET version = version + 1 WHERE actor_code = old.actor_code;
    END""",
    """CREATE TRIGGER positions_statement_update AFTER UPDATE ON statements BEGIN
      UPDATE positions SET version = version + 1 WHERE actor_code = old.actor_code;
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT issue_id, new.actor_code, 1 FROM claims
        WHERE statement_id = new.id AND issue_id IS NOT NULL
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END""",
    """CREATE TRIGGER positions_article_update AFTER UPDATE ON articles BEGIN
      UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
        (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
         WHERE s.article_id = old.id);
    END""",
]

_PG_FUNCTIONS = """
CREATE OR REPLACE FUNCTION positions_claims_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO positions (issue_id, actor_code, version)
    SELECT DISTINCT n.issue_id, s.actor_code, 1 FROM new_claims n JOIN statements s ON s.id = n.statement_id
    WHERE n.issue_id IS NOT NULL ORDER BY 1, 2
    ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = positions.version + 1;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION positions_claim_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions p SET version = p.version + 1 FROM statements s
    WHERE s.id = OLD.statement_id AND p.issue_id = OLD.issue_id AND p.actor_code = s.actor_code;
  IF TG_OP = 'UPDATE' AND NEW.issue_id IS NOT NULL THEN
    INSERT INTO positions (issue_id, actor_code, version)
      SELECT NEW.issue_id, s.actor_code, 1 FROM statements s WHERE s.id = NEW.statement_id
      ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = positions.version + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION positions_statement_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions SET version = version + 1 WHERE actor_code = OLD.actor_code;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO positions (issue_id, actor_code, version)
      SELECT DISTINCT c.issue_id, NEW.actor_code, 1 FROM claims c
      WHERE c.statement_id = NEW.id AND c.issue_id IS NOT NULL
      ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = positions.version + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION positions_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
    (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
     WHERE s.article_id = OLD.id);
  RETURN NULL;
END $$;
"""

#: (name, table, when and how): the insert trigger is per statement, with a transition
#: table, so a batch of claims costs one upsert rather than one per claim
_PG_TRIGGERS = [
    (
        "positions_claims_inserted",
        "claims",
        "AFTER INSERT ON claims REFERENCING NEW TABLE AS new_claims "
        "FOR EACH STATEMENT EXECUTE FUNCTION positions_claims_inserted()",
    ),
    (
        "positions_claim_changed",
        "claims",
        "AFTER UPDATE OR DELETE ON claims FOR EACH ROW EXECUTE FUNCTION positions_claim_changed()",
    ),
    (
        "positions_statement_changed",
        "statements",
        "AFTER UPDATE OR DELETE ON statements FOR EACH ROW EXECUTE FUNCTION positions_statement_changed()",
    ),
    (
        "positions_article_changed",
        "articles",
        "AFTER UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION positions_article_changed()",
    ),
]


def upgrade() -> None:
    op.create_table(
        "positions",
        sa.Column("issue_id", sa.String(200), primary_key=True),
        sa.Column("actor_code", sa.String(200), primary_key=True),
        sa.Column(
            "version",
            sa.Integer,
            nullable=False,
            comment="raised by triggers whenever the pair's claims change",
        ),
        sa.Column("built", sa.Integer, comment="the version ``payload`` was computed from; NULL: never"),
        sa.Column("payload", sa.Text, comment="the consolidated position as JSON (Position.to_dict)"),
    )
    op.create_index("ix_positions_actor", "positions", ["actor_code"])
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.get_bind().exec_driver_sql(_PG_FUNCTIONS)
        for name, _table, how in _PG_TRIGGERS:
            op.get_bind().exec_driver_sql(f"CREATE TRIGGER {name} {how}")
    elif dialect == "sqlite":
        for ddl in _SQLITE_TRIGGERS:
            op.get_bind().exec_driver_sql(ddl)
    # on any other engine no trigger marks rows stale (``Store.keeps_positions`` is False)
    op.get_bind().exec_driver_sql(
        "INSERT INTO positions (issue_id, actor_code, version) "
        "SELECT DISTINCT c.issue_id, s.actor_code, 1 FROM claims c "
        "JOIN statements s ON s.id = c.statement_id WHERE c.issue_id IS NOT NULL"
    )


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
