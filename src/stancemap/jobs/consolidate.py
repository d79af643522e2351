"""Positions: an actor's stance on an issue, consolidated from every claim reported.

An analyst's "international reactions" table has one row per (issue, actor). The
row must not double-count: the same words reported by two outlets are one
statement with two sources, found here by shared word sequences between statements
of the same actor within a few days. The stance comes from the actor's own words
(direct and indirect statements) when there are any, and from outlet summaries
only otherwise, which the row then says. When the actor's statements disagree the
stance is ``mixed``, unless they changed once and stayed changed, in which case the
stance is the latest and ``changed`` tells the reader to look at the history.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from ..errors import NotFoundError
from ..store import PositionEntry, Store, actor_kind

__all__ = [
    "Position",
    "TimelineEntry",
    "actor_positions",
    "consolidate",
    "positions",
    "refresh_positions",
    "timeline",
]

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5  # words per shingle; a five-word sequence shared by two reports is rarely chance
SAME_WORDS = 0.5  # share of the shorter report's shingles the longer must contain
SAME_DAYS = 3  # reports of one statement carry dates this close (or no date)
_KIND_RANK = {"direct": 0, "indirect": 1, "summary": 2}


@dataclass
class _Statement:
    """One statement after merging its reports (rows of different articles)."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def first(self) -> dict[str, Any]:
        return self.rows[0]

    @property
    def polarity(self) -> str:
        return str(self.first["polarity"])

    @property
    def date(self) -> date | None:
        dates = [r["date"] for r in self.rows if r["date"] is not None]
        return min(dates) if dates else None

    @property
    def own_words(self) -> bool:
        return any(r["kind"] != "summary" for r in self.rows)

    def best_row(self) -> dict[str, Any]:
        return min(self.rows, key=_row_rank)

    def articles(self) -> set[str]:
        return {r["article_id"] for r in self.rows}

    def sources(self) -> int:
        return _sources(self.rows)


def _sources(rows: Iterable[dict[str, Any]]) -> int:
    """The articles ``rows`` come from, and their copies (the same text run by other outlets).

    A syndicated story is stored once (``store.copies``); each outlet that ran it is
    still a source of what it reports.
    """
    copies = {r["article_id"]: r.get("copies") or 0 for r in rows}
    return len(copies) + sum(copies.values())


def _row_rank(r: dict[str, Any]) -> tuple[int, int, int, int]:
    # the actor's own words first, then a named speaker, a known channel, and longer evidence
    return (
        _KIND_RANK.get(r["kind"], 3),
        0 if r["speaker"] else 1,
        0 if r["channel"] else 1,
        -len(r["evidence_text"] or ""),
    )


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[k:] for k in range(SHINGLE)), strict=False))


def _close(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= SAME_DAYS


def _merge_reports(rows: Sequence[dict[str, Any]]) -> list[_Statement]:
    """Group one actor's claim rows on one issue into statements.

    Rows of the same article stay apart (an article does not repeat a statement);
    rows of different articles join when they share enough word sequences, carry
    the same polarity and dates close together.
    """
    if len(rows) < 2 or len({r["article_id"] for r in rows}) < 2:
        return [_Statement([r]) for r in rows]  # reports merge only across articles
    merged: list[_Statement] = []
    shingles: list[set[tuple[str, ...]]] = []
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for row in rows:
        mine = _shingles(row["evidence_text"] or "")
        hits: dict[int, int] = defaultdict(int)
        for sh in mine:
            for j in index.get(sh, ()):
                hits[j] += 1
        target = None
        for j, n in sorted(hits.items(), key=lambda kv: -kv[1]):
            other = merged[j]
            smaller = min(len(mine), len(shingles[j])) or 1
            if (
                n / smaller >= SAME_WORDS
                and other.polarity == row["polarity"]
                and row["article_id"] not in other.articles()
                and _close(other.date, row["date"])
            ):
                target = j
                break
        if target is None:
            merged.append(_Statement([row]))
            shingles.append(mine)
            target, fresh = len(merged) - 1, mine
        else:
            merged[target].rows.append(row)
            fresh = mine - shingles[target]
            shingles[target] |= fresh
        for sh in fresh:
            index[sh].append(target)
    return merged


def _more_often(statements: Sequence[_Statement]) -> str | None:
    """The polarity a mixed position takes more often (None on a tie): its best evidence shows
    that side, not one odd statement that happens to be a named speaker's own words."""
    ranked = Counter(s.polarity for s in statements if s.polarity != "neutral").most_common()
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _stance(statements: Sequence[_Statement]) -> tuple[str, bool, str | None]:
    """(stance, changed, previous stance) from statements in date order."""
    taking = [s for s in statements if s.polarity != "neutral"]
    if not taking:
        return "neutral", False, None
    polarities = {s.polarity for s in taking}
    if len(polarities) == 1:
        return taking[0].polarity, False, None
    dated = [s for s in taking if s.date is not None]
    if len(dated) == len(taking):
        # one clean change: every statement before some date one way, every one after the other
        switches = sum(1 for a, b in zip(dated, dated[1:], strict=False) if a.polarity != b.polarity)
        if switches == 1 and dated[0].date != dated[-1].date:
            return dated[-1].polarity, True, dated[0].polarity
    return "mixed", False, None


@dataclass(frozen=True)
class Position:
    """One actor's position on one issue, with what it rests on."""

    issue: str
    actor: str
    actor_name: str
    actor_kind: str
    stance: str
    first_date: date | None
    latest_date: date | None
    statements: int
    reports: int
    #: the articles reporting it, each copy of a syndicated one counted (``_sources``)
    articles: int
    outlets: int
    summary_only: bool
    changed: bool
    previous_stance: str | None
    best: dict[str, Any]
    statement_ids: tuple[int, ...]
    history: tuple[dict[str, Any], ...]
    #: Served as last stored while newer claims wait to be consolidated (reads never write).
    stale: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (dates as ISO strings)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out.update(
            first_date=_iso(self.first_date),
            latest_date=_iso(self.latest_date),
            statement_ids=list(self.statement_ids),
            history=list(self.history),
        )
        if not self.stale:
            del out["stale"]  # stored payloads stay as before, readable by older versions
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Position:
        """The position ``to_dict`` gave (how the stored positions table keeps it)."""
        return cls(
            **{
                **d,
                "first_date": _day(d["first_date"]),
                "latest_date": _day(d["latest_date"]),
                "statement_ids": tuple(d["statement_ids"]),
                "history": tuple(d["history"]),
            }
        )


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _date_key(s: _Statement) -> tuple[date, int]:
    return (s.date or date.max, s.first["statement_id"])


def _position(issue: str, actor: str, rows: Sequence[dict[str, Any]]) -> Position:
    merged = sorted(_merge_reports(rows), key=_date_key)
    own = [s for s in merged if s.own_words]
    basis = own or merged
    stance, changed, previous = _stance(basis)
    wanted = stance if stance in ("support", "oppose", "neutral") else _more_often(basis)
    candidates = [s for s in basis if wanted is None or s.polarity == wanted] or basis
    best_statement = min(
        candidates, key=lambda s: (_row_rank(s.best_row()), -(s.date or date.min).toordinal())
    )
    best = best_statement.best_row()
    dates = [s.date for s in merged if s.date is not None]
    return Position(
        issue=issue,
        actor=actor,
        actor_name=rows[0]["actor_name"],
        actor_kind=actor_kind(actor),
        stance=stance,
        first_date=min(dates) if dates else None,
        latest_date=max(dates) if dates else None,
        statements=len(merged),
        reports=len({r["statement_id"] for r in rows}),
        articles=_sources(rows),
        outlets=len({r["outlet"] for r in rows if r["outlet"]}),
        summary_only=not own,
        changed=changed,
        previous_stance=previous,
        best={
            "statement_id": best["statement_id"],
            "article": best["article"],
            "article_id": best["article_id"],
            "kind": best["kind"],
            "speaker": best["speaker"],
            "speaker_title": best["speaker_title"],
            "channel": best["channel"],
            "date": _iso(best["date"]),
            "evidence": best["evidence_text"],
            "target": best["target"],
            "polarity": best["polarity"],
            "outlet": best["outlet"],
            "sources": best_statement.sources(),
        },
        statement_ids=tuple(sorted({r["statement_id"] for r in rows})),
        history=tuple(
            {
                "date": _iso(s.date),
                "polarity": s.polarity,
                "kind": s.best_row()["kind"],
                "statement_id": s.best_row()["statement_id"],
                "sources": s.sources(),
            }
            for s in merged
        ),
    )


def _order(p: Position) -> tuple[int, str]:
    kinds = {"state": 0, "igo": 1, "org": 2, "person": 3}
    return (kinds.get(p.actor_kind, 4), p.actor_name.lower())


def consolidate(rows: Iterable[dict[str, Any]]) -> list[Position]:
    """Positions from claim rows (``Store.claim_rows``), one per (issue, actor).

    A statement claiming the same issue twice counts once, with its first claim's
    polarity. Ordered states first, then organizations, then others, by name.
    """
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for r in rows:
        key = (r["issue_id"], r["statement_id"])
        if key in seen:
            continue
        seen.add(key)
        groups[(r["issue_id"], r["actor_code"])].append(r)
    return sorted((_position(i, a, g) for (i, a), g in groups.items()), key=_order)


#: Actors per ``claim_rows`` query when stale positions are rebuilt.
_ACTOR_CHUNK = 500


def _build(store: Store, entries: Sequence[PositionEntry]) -> dict[str, dict[str, Position]]:
    """Consolidate the (issue, actor) pairs of ``entries`` from their claims: {issue: {actor: position}}."""
    by_issue: dict[str, list[str]] = defaultdict(list)
    for e in entries:
        by_issue[e.issue_id].append(e.actor_code)
    out: dict[str, dict[str, Position]] = {}
    for issue, actors in by_issue.items():
        built: dict[str, Position] = {}
        for i in range(0, len(actors), _ACTOR_CHUNK):
            rows = store.claim_rows(issue=issue, actors=actors[i : i + _ACTOR_CHUNK])
            built.update((p.actor, p) for p in consolidate(rows))
        out[issue] = built
    return out


def _rebuild(store: Store, stale: Sequence[PositionEntry]) -> list[Position]:
    """Consolidate the stale (issue, actor) pairs again, one issue at a time, and store the results."""
    out: list[Position] = []
    for issue, built in _build(store, stale).items():
        entries = [e for e in stale if e.issue_id == issue]
        store.save_positions(
            (e, built[e.actor_code].to_dict() if e.actor_code in built else None) for e in entries
        )
        out.extend(built.values())
    return out


def _stored(store: Store, entries: Sequence[PositionEntry], save: bool = True) -> list[Position]:
    """The positions of ``entries``: stored ones as they are, stale ones rebuilt.

    Without ``save`` nothing is written, so that a read never waits for (or fails on)
    a writer: a stale pair is served as last stored and marked ``stale``; a pair never
    built is consolidated for this read only. ``refresh_positions`` stores them later.
    """
    current = [Position.from_dict(json.loads(e.payload)) for e in entries if e.current and e.payload]
    stale = [e for e in entries if not e.current]
    if save:
        return current + _rebuild(store, stale)
    served = [
        dataclasses.replace(Position.from_dict(json.loads(e.payload)), stale=True)
        for e in stale
        if e.payload is not None
    ]
    unbuilt = [e for e in stale if e.payload is None]
    return current + served + [p for built in _build(store, unbuilt).values() for p in built.values()]


def refresh_positions(store: Store) -> int:
    """Rebuild every stale stored position (after an ingest); returns how many pairs were rebuilt.

    Reads serve stale positions as they were (see ``_stored``); this brings them up to
    date, from the writer (ingest) or the server's background refresher. Does nothing
    on an engine that does not keep positions.
    """
    if not store.keeps_positions:
        return 0
    stale = store.position_entries(stale=True)
    _rebuild(store, stale)
    return len(stale)


def positions(store: Store, issue: str, save: bool = True) -> list[Position]:
    """The international-reactions table of one stored issue.

    Read from the stored positions table, where only the pairs whose claims
    changed since they were last built are consolidated again (and, with ``save``,
    stored; without it, nothing is written and stale pairs are served marked stale).
    """
    if store.issue(issue) is None:
        raise NotFoundError(f"no issue {issue!r} is stored; `stancemap issues list` shows the known ones")
    if not store.keeps_positions:
        return consolidate(store.claim_rows(issue=issue))
    return sorted(_stored(store, store.position_entries(issue=issue), save), key=_order)


def actor_positions(store: Store, actor: str, save: bool = True) -> list[Position]:
    """One actor's positions across every issue, by issue id (``save`` as for ``positions``)."""
    if store.actor(actor) is None:
        raise NotFoundError(f"no statements by actor {actor!r} are stored")
    if not store.keeps_positions:
        return sorted(consolidate(store.claim_rows(actor=actor)), key=lambda p: p.issue)
    return sorted(_stored(store, store.position_entries(actor=actor), save), key=lambda p: p.issue)


@dataclass(frozen=True)
class TimelineEntry:
    """One statement on an issue, in date order, with how many articles reported it."""

    date: date | None
    actor: str
    actor_name: str
    polarity: str
    kind: str
    speaker: str | None
    speaker_title: str | None
    channel: str | None
    evidence: str
    statement_id: int
    article: str
    article_id: str
    sources: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (date as an ISO string)."""
        return {
            "date": _iso(self.date),
            "actor": self.actor,
            "actor_name": self.actor_name,
            "polarity": self.polarity,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_title": self.speaker_title,
            "channel": self.channel,
            "evidence": self.evidence,
            "statement_id": self.statement_id,
            "article": self.article,
            "article_id": self.article_id,
            "sources": self.sources,
        }


def timeline(store: Store, issue: str) -> list[TimelineEntry]:
    """Every statement on an issue by date (undated last), each report merged once."""
    if store.issue(issue) is None:
        raise NotFoundError(f"no issue {issue!r} is stored; `stancemap issues list` shows the known ones")
    by_actor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen: set[int] = set()
    for r in store.claim_rows(issue=issue):
        if r["statement_id"] not in seen:
            seen.add(r["statement_id"])
            by_actor[r["actor_code"]].append(r)
    entries = []
    for rows in by_actor.values():
        for s in _merge_reports(rows):
            b = s.best_row()
            entries.append(
                TimelineEntry(
                    date=s.date,
                    actor=b["actor_code"],
                    actor_name=b["actor_name"],
                    polarity=s.polarity,
                    kind=b["kind"],
                    speaker=b["speaker"],
                    speaker_title=b["speaker_title"],
                    channel=b["channel"],
                    evidence=b["evidence_text"],
                    statement_id=b["statement_id"],
                    article=b["article"],
                    article_id=b["article_id"],
                    sources=s.sources(),
                )
            )
    return sorted(entries, key=lambda e: (e.date or date.max, e.actor_name.lower(), e.statement_id))
