"""How stancemap's records become rows, and how a database error becomes one line.

Shared by ``Store`` and the modules it is made of (``batches``, ``copies``), which
import them from here rather than from the package, so nothing imports back.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.exc import SQLAlchemyError

from ..models import Statement
from . import schema

__all__ = ["actor_kind", "db_reason", "statement_row", "write_background"]

log = logging.getLogger("stancemap.store")  # the logger these had in the package, kept

_STATE = re.compile(r"^[A-Z]{3}$")


def actor_kind(code: str) -> str:
    """``state``, ``igo``, ``person`` or ``org`` for an actor code of the spec."""
    if code.startswith("PERSON:"):
        return "person"
    if code.startswith("ORG:"):
        return "org"
    return "state" if _STATE.match(code) else "igo"


def db_reason(error: SQLAlchemyError) -> str:
    """What the database said, in one line, without the SQL statement or the values it bound.

    SQLAlchemy's own message carries both, and the values are article text: fine in
    a log, not in an error a client or a terminal shows. The statement is logged.
    """
    lines = str(getattr(error, "orig", None) or "").strip().splitlines()
    reason = lines[0] if lines else type(error).__name__
    log.warning("database error: %s [SQL: %s]", reason, getattr(error, "statement", None))
    return reason


def statement_row(article_id: str, seq: int, st: Statement) -> dict[str, Any]:
    """The ``statements`` row of ``st``, the ``seq``-th statement of article ``article_id``."""
    return {
        "article_id": article_id,
        "seq": seq,
        "actor_code": st.actor,
        "actor_name": st.actor_name,
        "body": st.body,
        "speaker": st.speaker,
        "speaker_title": st.speaker_title,
        "kind": st.kind,
        "date": st.date,
        "date_basis": st.date_basis,
        "channel": st.channel,
        "evidence_start": st.evidence.start,
        "evidence_end": st.evidence.end,
        "evidence_text": st.evidence.text,
        "source_start": st.source.start if st.source else None,
        "source_end": st.source.end if st.source else None,
        "source_text": st.source.text if st.source else None,
        "cue_start": st.cue.start if st.cue else None,
        "cue_end": st.cue.end if st.cue else None,
        "cue_text": st.cue.text if st.cue else None,
    }


def write_background(conn: Connection, spans: Mapping[str, Sequence[tuple[int, int]]]) -> None:
    """Insert each article's background spans (articles just stored, so none recorded yet)."""
    rows = [
        {"article_id": aid, "char_start": start, "char_end": end}
        for aid, marks in spans.items()
        for start, end in {s: e for s, e in marks}.items()  # one row per paragraph start
    ]
    if rows:
        conn.execute(insert(schema.article_background), rows)
