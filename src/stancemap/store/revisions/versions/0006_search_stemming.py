"""English stemming in the full-text index: "ceasefires" finds "ceasefire".

SQLite: the FTS5 table is made again with the ``porter`` tokenizer (its triggers name
it and stay). PostgreSQL: the generated column, and with it its GIN index, is made
again with ``stancemap_english``: PostgreSQL's ``english`` Snowball stemmer without
its stop-word list, so that, like FTS5, it keeps every word. Both refill from the
stored evidence.

A frozen revision: its DDL is written out here and never changes once it has shipped.
The release before Alembic recorded it as ``0007_search_stemming``.
"""

from __future__ import annotations

from alembic import op

revision = "0006_search_stemming"
down_revision = "0005_positions"
branch_labels = None
depends_on = None

_SQLITE = [
    "DROP TABLE statements_fts",
    "CREATE VIRTUAL TABLE statements_fts USING fts5("
    "evidence_text, content='statements', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 0')",
    "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
]

_PG_CONFIG = [
    "CREATE TEXT SEARCH DICTIONARY stancemap_english_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION stancemap_english (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION stancemap_english ALTER MAPPING FOR "
    "asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH stancemap_english_stem",
]

_PG_INDEX = [
    "ALTER TABLE statements ADD COLUMN evidence_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('stancemap_english', evidence_text)) STORED",
    "CREATE INDEX ix_statements_evidence_fts ON statements USING GIN (evidence_tsv)",
]


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for ddl in _SQLITE:
            conn.exec_driver_sql(ddl)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE statements DROP COLUMN evidence_tsv")
        # the configuration lives in the current schema; another schema's does not count
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM pg_ts_config "
            "WHERE cfgname = 'stancemap_english' AND cfgnamespace = current_schema()::regnamespace"
        ).first()
        for ddl in ([] if exists is not None else _PG_CONFIG) + _PG_INDEX:
            conn.exec_driver_sql(ddl)


def downgrade() -> None:
    raise NotImplementedError("stancemap's schema revisions go forward only")
