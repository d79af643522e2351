"""Commands that consolidate: ``positions``, ``timeline``, ``export`` and ``issues suggest``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import click

from ..errors import UsageError
from .common import FORMATS, State, emit, open_store

__all__ = ["export", "positions", "suggest", "timeline"]

_PAGE = 1000


def _short(text: str | None, width: int | None) -> str:
    text = (text or "").replace("\n", " ")
    if width is not None and len(text) > width:
        return text[: width - 1].rstrip() + "…"
    return text


def _stance_label(p: dict[str, Any]) -> str:
    label = str(p["stance"])
    if p["changed"]:
        label += f" (was {p['previous_stance']})"
    if p["summary_only"]:
        label += " *"
    return label


@click.command()
@click.option("--issue", required=True, help="Issue id (see `stancemap issues list`).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option(
    "--all-actors", is_flag=True, help="Include people and organizations that speak for no state or IGO."
)
@click.pass_obj
def positions(state: State, issue: str, fmt: str, all_actors: bool) -> None:
    """The international-reactions table of ISSUE: one row per actor.

    Stance is support, oppose, mixed (statements disagree) or neutral; "(was …)"
    marks a change over time and "*" a position resting only on outlet summaries.
    Sources counts the articles that reported the actor's statements.
    """
    # deferred: SQLAlchemy loads only for the commands that open a database
    from ..jobs.consolidate import positions as build

    with open_store(state) as store:
        found = [p.to_dict() for p in build(store, issue)]
    if not all_actors:
        found = [p for p in found if p["actor_kind"] in ("state", "igo")]
    if fmt == "json":
        emit(found, fmt, [], "")
        return
    width = 90 if fmt == "table" else None
    rows = [
        {
            "actor": p["actor"],
            "actor_name": p["actor_name"],
            "stance": _stance_label(p) if fmt == "table" else p["stance"],
            "changed": p["changed"],
            "summary_only": p["summary_only"],
            "first_date": p["first_date"],
            "latest_date": p["latest_date"],
            "date": p["best"]["date"],
            "speaker": " ".join(x for x in (p["best"]["speaker_title"], p["best"]["speaker"]) if x),
            "channel": p["best"]["channel"],
            "evidence": _short(p["best"]["evidence"], width),
            "statements": p["statements"],
            "sources": p["articles"],
            "article": p["best"]["article"],
        }
        for p in found
    ]
    columns = (
        ["actor", "stance", "date", "speaker", "channel", "evidence", "statements", "sources"]
        if fmt == "table"
        else list(rows[0])
        if rows
        else ["actor"]
    )
    emit(rows, fmt, columns, f"{issue}: {len(rows)} positions")


@click.command()
@click.option("--issue", required=True, help="Issue id (see `stancemap issues list`).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def timeline(state: State, issue: str, fmt: str) -> None:
    """Every statement on ISSUE in date order, the same words reported twice shown once."""
    # deferred: SQLAlchemy loads only for the commands that open a database
    from ..jobs.consolidate import timeline as build

    with open_store(state) as store:
        entries = [e.to_dict() for e in build(store, issue)]
    if fmt == "json":
        emit(entries, fmt, [], "")
        return
    width = 100 if fmt == "table" else None
    rows = [{**e, "evidence": _short(e["evidence"], width)} for e in entries]
    columns = ["date", "actor", "polarity", "kind", "speaker", "channel", "evidence", "sources"]
    emit(rows, fmt, columns if fmt == "table" else columns + ["article", "statement_id"], issue)


_FLAT = [
    "id",
    "article",
    "actor",
    "actor_name",
    "speaker",
    "speaker_title",
    "kind",
    "date",
    "date_basis",
    "channel",
    "issues",
    "polarities",
    "targets",
    "evidence",
    "evidence_start",
    "evidence_end",
    "source",
    "cue",
]


def _flat_row(spec: dict[str, Any]) -> dict[str, Any]:
    claims = spec["claims"]
    return {
        **{k: spec[k] for k in ("id", "article", "actor", "actor_name", "speaker", "speaker_title")},
        **{k: spec[k] for k in ("kind", "date", "date_basis", "channel")},
        "issues": "; ".join(c["issue"] or "" for c in claims),
        "polarities": "; ".join(c["polarity"] for c in claims),
        "targets": "; ".join(c["target"] for c in claims),
        "evidence": spec["evidence"]["text"],
        "evidence_start": spec["evidence"]["start"],
        "evidence_end": spec["evidence"]["end"],
        "source": spec["source"]["text"] if spec["source"] else None,
        "cue": spec["cue"]["text"] if spec["cue"] else None,
    }


def _specs(store: Any, issue: str | None) -> Iterator[dict[str, Any]]:
    """Every stored statement (of ``issue``), a page at a time so memory stays flat."""
    offset = 0
    while True:
        page = store.statements(issue=issue, limit=_PAGE, offset=offset)
        yield from (s.to_spec() for s in page)
        if len(page) < _PAGE:
            return
        offset += _PAGE


def _write_parquet(rows: Iterator[dict[str, Any]], out: str) -> int:
    try:
        import pyarrow as pa  # type: ignore[import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found,unused-ignore]
    except ImportError as e:
        raise UsageError("Parquet needs pyarrow: pip install 'stancemap[parquet]'") from e
    fields = [
        (k, pa.int64() if k in ("id", "evidence_start", "evidence_end") else pa.string()) for k in _FLAT
    ]
    schema = pa.schema(fields)
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for r in rows:
            batch.append(r)
            if len(batch) == _PAGE:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="jsonl: the spec's JSON Lines; json: one array; csv/parquet: one row per statement.",
)
@click.option("--issue", help="Only statements with a claim on this issue.")
@click.option("--out", default="-", show_default=True, help="Output file ('-' for stdout; not for parquet).")
@click.pass_obj
def export(state: State, fmt: str, issue: str | None, out: str) -> None:
    """Export stored statements with their claims, streaming page by page."""
    import csv

    if fmt == "parquet" and out == "-":
        raise UsageError("--format parquet needs --out FILE")
    with open_store(state) as store:
        if issue is not None and store.issue(issue) is None:
            raise UsageError(f"no issue {issue!r} is stored; `stancemap issues list` shows the known ones")
        specs = _specs(store, issue)
        if fmt == "parquet":
            n = _write_parquet((_flat_row(s) for s in specs), out)
        else:
            sink: TextIO = sys.stdout if out == "-" else open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
            n = 0
            try:
                if fmt == "csv":
                    writer = csv.DictWriter(sink, fieldnames=_FLAT)
                    writer.writeheader()
                if fmt == "json":
                    sink.write("[")
                for s in specs:
                    if fmt == "csv":
                        writer.writerow(_flat_row(s))
                    elif fmt == "json":
                        sink.write(("," if n else "") + "\n" + json.dumps(s, ensure_ascii=False))
                    else:
                        sink.write(json.dumps(s, ensure_ascii=False) + "\n")
                    n += 1
                if fmt == "json":
                    sink.write("\n]\n")
            finally:
                if sink is not sys.stdout:
                    sink.close()
    if out != "-":
        click.echo(f"exported {n} statements -> {out}", err=True)


@click.command()
@click.option("--min-statements", default=2, show_default=True, type=click.IntRange(1))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "toml"]),
    default="table",
    show_default=True,
    help="toml: a draft issues file to edit and `issues add`.",
)
@click.pass_obj
def suggest(state: State, min_statements: int, limit: int, fmt: str) -> None:
    """Propose issues from what stored statements take positions on that no issue covers."""
    # deferred: the gazetteer's module (its patterns compiled on import) loads only for this command
    from ..stance.suggest import suggest_issues, to_toml

    with open_store(state) as store:
        found = suggest_issues(store.claim_rows(unmatched=True), min_statements)[:limit]
    if fmt == "toml":
        click.echo(to_toml(found), nl=False)
        return
    if fmt == "json":
        emit([s.to_dict() for s in found], "json", [], "")
        return
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "statements": s.statements,
            "actors": ", ".join(s.actors[:6]) + ("…" if len(s.actors) > 6 else ""),
            "for/against": f"{s.support}/{s.oppose}",
            "example": _short(f"{s.examples[0]['actor']}: {s.examples[0]['evidence']}", 80),
        }
        for s in found
    ]
    columns = ["id", "title", "statements", "actors", "for/against", "example"]
    emit(rows, "table", columns, f"{len(rows)} suggested issues")
