"""Each engine's own full-text index over statement evidence (queried by ``store/search.py``).

SQLite: an FTS5 table with external content, kept in step by triggers, filled from
the rows already stored. PostgreSQL: a stored generated ``tsvector`` column with a
GIN index; and article names and outlets become TEXT, since PostgreSQL enforces the
VARCHAR lengths that SQLite ignores (a long URL as a name must pass on both).

A frozen revision: its DDL is written out here and never changes once it has shipped.
The release before Alembic recorded it as ``0004_evidence_search`` (there was no 0003).
"""

from __future__ import annotations

from alembic import op

revision = "0003_evidence_search"
down_revision = "0002_statement_date_basis"
branch_labels = None
depends_on = None

_SQLITE = [
    "CREATE VIRTUAL TABLE statements_fts USING fts5("
    "evidence_text, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO statements_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text); END",
    "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, evidence_text) "
    "VALUES ('delete', old.id, old.evidence_text); END",
    "CREATE TRIGGER statements_fts_update AFTER UPDATE OF evidence_text ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, evidence_text) "
    "VALUES ('delete', old.id, old.evidence_text); "
    "INSERT INTO statements_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text); END",
    # the rows stored before this revision enter the index
    "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
]

_POSTGRESQL = [
    # adding a stored generated column fills it for the rows already there
    "ALTER TABLE statements ADD COLUMN evidence_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', evidence_text)) STORED",
    "CREATE INDEX ix_statements_evidence_fts ON statements USING GIN (evidence_tsv)",
    "ALTER TABLE articles ALTER COLUMN name TYPE TEXT, ALTER COLUMN outlet TYPE TEXT",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for ddl in {"sqlite": _SQLITE, "postgresql": _POSTGRESQL}.get(dialect, []):
        op.get_bind().exec_driver_sql(ddl)


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
