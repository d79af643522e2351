"""Full-text search over statement evidence, with each engine's own index.

``evidence_condition`` is the one place that decides how ``q`` matches: every
query that filters statements by words goes through it.

- SQLite: an FTS5 table ``statements_fts`` with external content (the evidence
  is stored once, in ``statements``), kept in step by triggers.
- PostgreSQL: a stored generated column ``evidence_tsv`` =
  ``to_tsvector('simple', evidence_text)`` with a GIN index. Stored rather than
  an expression index, because a query that starts from another index (an
  outlet's articles, an actor's statements) then tests each candidate row against
  the stored vector instead of parsing its evidence again (measured at 1,000,000
  statements: 500 ms for an outlet and a common word with the expression index).
- Any other engine: a case-insensitive substring test per word (a scan).

Both indexes use no stemming and no stop words (FTS5 ``unicode61``, PostgreSQL's
``simple`` configuration), so the two engines agree: ``q`` matches statements
whose evidence contains every word of it, and words in double quotes must appear
together as a phrase (``"sham referendum" Crimea``). Case is ignored; accents are
not (PostgreSQL's ``simple`` configuration keeps them, and so does the FTS5 index).
``create_search_index`` is called by migration ``0004_evidence_search``.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, false, func, literal_column, select, text

from . import schema

__all__ = ["create_search_index", "evidence_condition", "search_phrases", "search_terms"]

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r'"([^"]*)"')
#: The text-search configuration of the PostgreSQL index (no stemming, no stop words).
PG_CONFIG = "simple"
FTS_TABLE = "statements_fts"
#: The generated tsvector column of ``statements`` on PostgreSQL (not in ``schema``: never written).
PG_COLUMN = "evidence_tsv"


def search_terms(q: str) -> list[str]:
    """The words of a search query, lower-cased; punctuation and operators are ignored."""
    return [w.lower() for w in _WORD.findall(q)]


def search_phrases(q: str) -> list[list[str]]:
    """The query as phrases: each double-quoted part is one phrase, every other word its own."""
    phrases: list[list[str]] = []
    pos = 0
    for m in _QUOTED.finditer(q):
        phrases.extend([w] for w in search_terms(q[pos : m.start()]))
        words = search_terms(m.group(1))
        if words:
            phrases.append(words)
        pos = m.end()
    phrases.extend([w] for w in search_terms(q[pos:].replace('"', " ")))
    return phrases


def fts5_query(phrases: list[list[str]]) -> str:
    """An FTS5 MATCH expression requiring every phrase (words are ``\\w+``, so quoting is safe)."""
    return " AND ".join('"' + " ".join(p) + '"' for p in phrases)


def tsquery(phrases: list[list[str]]) -> str:
    """A ``to_tsquery`` expression requiring every phrase (``<->`` joins a phrase's words)."""
    return " & ".join("(" + " <-> ".join(f"'{w}'" for w in p) + ")" for p in phrases)


def evidence_condition(dialect: str, q: str) -> ColumnElement[bool]:
    """A condition true for statements whose evidence holds every word (and phrase) of ``q``."""
    s = schema.statements
    phrases = search_phrases(q)
    if not phrases:
        return false()  # a query of no words matches nothing
    if dialect == "sqlite":
        hits: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(text(FTS_TABLE))
            .where(text(f"{FTS_TABLE} MATCH :evidence_fts").bindparams(evidence_fts=fts5_query(phrases)))
        )
        return s.c.id.in_(hits)
    if dialect == "postgresql":
        config: ColumnElement[Any] = literal_column(f"'{PG_CONFIG}'")
        vector: ColumnElement[Any] = literal_column(f"{s.name}.{PG_COLUMN}")
        return vector.op("@@")(func.to_tsquery(config, tsquery(phrases)))  # type: ignore[no-any-return]
    evidence = func.lower(s.c.evidence_text)
    return and_(*(evidence.contains(" ".join(p), autoescape=True) for p in phrases))


def create_search_index(conn: Connection) -> None:
    """Create the engine's full-text index over ``statements.evidence_text`` and fill it."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "evidence_text, content='statements', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN "
            f"INSERT INTO {FTS_TABLE}(rowid, evidence_text) VALUES (new.id, new.evidence_text); END"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS statements_fts_delete AFTER DELETE ON statements BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, evidence_text) "
            "VALUES ('delete', old.id, old.evidence_text); END"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS statements_fts_update AFTER UPDATE OF evidence_text ON statements "
            f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, evidence_text) "
            "VALUES ('delete', old.id, old.evidence_text); "
            f"INSERT INTO {FTS_TABLE}(rowid, evidence_text) VALUES (new.id, new.evidence_text); END"
        )
        # the backfill: rows stored before this migration enter the index
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    elif dialect == "postgresql":
        # adding a stored generated column fills it for the rows already there
        conn.exec_driver_sql(
            f"ALTER TABLE statements ADD COLUMN IF NOT EXISTS {PG_COLUMN} tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('{PG_CONFIG}', evidence_text)) STORED"
        )
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_statements_evidence_fts ON statements USING GIN ({PG_COLUMN})"
        )
