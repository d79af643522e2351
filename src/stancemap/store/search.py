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

Both indexes stem English words since revision ``0006_search_stemming`` (FTS5
``porter`` over ``unicode61``, PostgreSQL's ``english`` stemmer): "ceasefires"
finds "ceasefire", "supported" finds "supports". ``q`` matches statements whose
evidence contains every word of it, and words in double quotes must appear together
as a phrase (``"sham referendum" Crimea``). A compound may be written three ways, so
two words side by side, or joined by a hyphen, also match the closed compound:
"cease-fire" and "cease fire" find "ceasefire" (``alternatives``). Case is ignored;
accents are not. Neither engine drops stop words (PostgreSQL's configuration is
``english`` without its stop-word list). The stemmers differ a little (FTS5's
Porter, PostgreSQL's Snowball English) on rare words.
The revisions ``0003_evidence_search`` and ``0006_search_stemming`` create the indexes.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, literal_column, or_, select, text

from . import schema

__all__ = [
    "alternatives",
    "evidence_condition",
    "highlight_pattern",
    "search_phrases",
    "search_terms",
]

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r'"([^"]*)"')
#: A hyphenated compound among unquoted words ("cease-fire", "Russia-Ukraine").
_UNIT = re.compile(r"\w+(?:-\w+)+|\w+", re.UNICODE)
#: The text-search configuration of the PostgreSQL index since 0006: PostgreSQL's
#: ``english`` with its Snowball stemmer but no stop-word list, made by that revision,
#: so that, like FTS5, it keeps every word ("region's" needs the "s").
PG_CONFIG = "stancemap_english"
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
