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

Both indexes stem English words since migration ``0007_search_stemming`` (FTS5
``porter`` over ``unicode61``, PostgreSQL's ``english`` stemmer): "ceasefires"
finds "ceasefire", "supported" finds "supports". ``q`` matches statements whose
evidence contains every word of it, and words in double quotes must appear together
as a phrase (``"sham referendum" Crimea``). A compound may be written three ways, so
two words side by side, or joined by a hyphen, also match the closed compound:
"cease-fire" and "cease fire" find "ceasefire" (``alternatives``). Case is ignored;
accents are not. Neither engine drops stop words (PostgreSQL's configuration is
``english`` without its stop-word list). The stemmers differ a little (FTS5's
Porter, PostgreSQL's Snowball English) on rare words.
``create_search_index`` is called by migration ``0004_evidence_search`` and
``stem_search_index`` by ``0007_search_stemming``.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, false, func, literal_column, or_, select, text

from . import schema

__all__ = [
    "alternatives",
    "create_search_index",
    "evidence_condition",
    "highlight_pattern",
    "search_phrases",
    "search_terms",
    "stem_search_index",
]

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r'"([^"]*)"')
#: A hyphenated compound among unquoted words ("cease-fire", "Russia-Ukraine").
_UNIT = re.compile(r"\w+(?:-\w+)+|\w+", re.UNICODE)
#: The text-search configuration of the PostgreSQL index since 0007: PostgreSQL's
#: ``english`` with its Snowball stemmer but no stop-word list, made by ``stem_search_index``,
#: so that, like FTS5, it keeps every word ("region's" needs the "s").
PG_CONFIG = "stancemap_english"
#: The FTS5 tokenizer of the SQLite index (Porter stemming over unicode61, since 0007).
FTS_TOKENIZE = "porter unicode61 remove_diacritics 0"
#: Beyond this many words a query is not expanded into its compounds (2^n alternatives at worst).
MAX_JOINED_WORDS = 8
#: Loose words are closed up only when both have this many letters ("region's" is not "regions").
MIN_JOINED = 3
#: At most this many alternatives go into one query (the query as written always first).
MAX_ALTERNATIVES = 64
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


Phrase = list[str]
#: Phrases that must all match; a query matches when any of its alternatives does.
Conjunction = list[Phrase]


def _units(q: str) -> list[tuple[Phrase, bool]]:
    """The query's units, each with whether it was a loose word: each quoted phrase,
    each hyphenated compound, each other word."""
    units: list[tuple[Phrase, bool]] = []
    pos = 0

    def loose(part: str) -> None:
        for m in _UNIT.finditer(part.replace('"', " ")):
            words = search_terms(m.group(0))
            units.append((words, len(words) == 1))

    for m in _QUOTED.finditer(q):
        loose(q[pos : m.start()])
        words = search_terms(m.group(1))
        if words:
            units.append((words, False))
        pos = m.end()
    loose(q[pos:])
    return [u for u in units if u[0]]


def alternatives(q: str) -> list[Conjunction]:
    """Every way ``q`` may be written: a hyphenated compound or a short quoted phrase as
    its words together or closed up ("cease-fire": ``cease fire`` or ``ceasefire``), and
    two loose words side by side also closed up ("cease fire": ``cease`` and ``fire``,
    or ``ceasefire``). The first alternative is the query as written.
    """
    units = _units(q)
    if len(units) > MAX_JOINED_WORDS:
        return [[u for u, _ in units]]
    unique: dict[str, Conjunction] = {}
    for merged in _joined(units):
        written: list[Conjunction] = [[]]
        for unit in merged:
            options = [unit, ["".join(unit)]] if 2 <= len(unit) <= 3 else [unit]
            written = [c + [o] for c in written for o in options]
        for conj in written:
            unique.setdefault(repr(conj), conj)
    return list(unique.values())[:MAX_ALTERNATIVES]


def _joined(units: list[tuple[Phrase, bool]]) -> list[Conjunction]:
    """The units' phrases, and every version of them with neighbouring loose words closed up."""
    if not units:
        return [[]]
    (first, first_loose), rest = units[0], units[1:]
    out = [[first, *r] for r in _joined(rest)]
    if first_loose and rest and rest[0][1] and min(len(first[0]), len(rest[0][0][0])) >= MIN_JOINED:
        out.extend([[first[0] + rest[0][0][0]], *r] for r in _joined(rest[1:]))
    return out


def fts5_query(phrases: list[list[str]]) -> str:
    """An FTS5 MATCH expression requiring every phrase (words are ``\\w+``, so quoting is safe)."""
    return " AND ".join('"' + " ".join(p) + '"' for p in phrases)


def tsquery(phrases: list[list[str]]) -> str:
    """A ``to_tsquery`` expression requiring every phrase (``<->`` joins a phrase's words)."""
    return " & ".join("(" + " <-> ".join(f"'{w}'" for w in p) + ")" for p in phrases)


def highlight_pattern(q: str) -> re.Pattern[str] | None:
    """A pattern for the words of the text that ``q`` matched, for marking them on a page.

    Each query word matches a word of the text that starts with its stem (a crude
    English stem: "supported" marks "supports"), so what the stemming index found is
    what the page marks; the closed-up compounds of ``alternatives`` are marked too.
    """
    words = {w for conj in alternatives(q) for p in conj for w in p}
    stems = sorted({_crude_stem(w) for w in words if w}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def _crude_stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def evidence_condition(dialect: str, q: str) -> ColumnElement[bool]:
    """A condition true for statements whose evidence holds every word (and phrase) of ``q``,
    or of one of its ``alternatives``."""
    s = schema.statements
    options = [c for c in alternatives(q) if c]
    if not options:
        return false()  # a query of no words matches nothing
    if dialect == "sqlite":
        match = " OR ".join(f"({fts5_query(c)})" for c in options)
        hits: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(text(FTS_TABLE))
            .where(text(f"{FTS_TABLE} MATCH :evidence_fts").bindparams(evidence_fts=match))
        )
        return s.c.id.in_(hits)
    if dialect == "postgresql":
        config: ColumnElement[Any] = literal_column(f"'{PG_CONFIG}'")
        vector: ColumnElement[Any] = literal_column(f"{s.name}.{PG_COLUMN}")
        expr = " | ".join(f"({tsquery(c)})" for c in options)
        return vector.op("@@")(func.to_tsquery(config, expr))  # type: ignore[no-any-return]
    evidence = func.lower(s.c.evidence_text)
    return or_(*(and_(*(evidence.contains(" ".join(p), autoescape=True) for p in c)) for c in options))


def create_search_index(
    conn: Connection, tokenize: str = "unicode61 remove_diacritics 0", pg_config: str = "simple"
) -> None:
    """Create the engine's full-text index over ``statements.evidence_text`` and fill it.

    The defaults are those of migration ``0004`` (no stemming), which must not change.
    """
    dialect = conn.dialect.name
    if dialect == "sqlite":
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "evidence_text, content='statements', content_rowid='id', "
            f"tokenize='{tokenize}')"
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
            f"GENERATED ALWAYS AS (to_tsvector('{pg_config}', evidence_text)) STORED"
        )
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_statements_evidence_fts ON statements USING GIN ({PG_COLUMN})"
        )


def stem_search_index(conn: Connection) -> None:
    """Rebuild the full-text index with English stemming (migration ``0007``).

    SQLite: the FTS5 table is dropped and made again with the ``porter`` tokenizer
    (its triggers name it and stay); PostgreSQL: the generated column, and with it
    its GIN index, is dropped and added again with the ``english`` configuration.
    Both refill from the stored evidence.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"ALTER TABLE statements DROP COLUMN IF EXISTS {PG_COLUMN}")
        _create_pg_config(conn)
    create_search_index(conn, tokenize=FTS_TOKENIZE, pg_config=PG_CONFIG)


def _create_pg_config(conn: Connection) -> None:
    """``PG_CONFIG`` in the current schema: ``english``, its stemmer without stop words."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM pg_ts_config "
        "WHERE cfgname = %(name)s AND cfgnamespace = current_schema()::regnamespace",
        {"name": PG_CONFIG},
    ).first()
    if exists is not None:
        return
    conn.exec_driver_sql(
        f"CREATE TEXT SEARCH DICTIONARY {PG_CONFIG}_stem (TEMPLATE = snowball, Language = english)"
    )
    conn.exec_driver_sql(f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = english)")
    conn.exec_driver_sql(
        f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG} ALTER MAPPING FOR "
        f"asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH {PG_CONFIG}_stem"
    )
