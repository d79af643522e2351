"""Commands that read articles: ``extract``, ``ingest`` and ``demo``."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from ..errors import InputError
from .common import (
    State,
    console,
    emit,
    flat,
    load_issues_file,
    open_store,
    print_summary,
    progress,
    report_skips,
    server_options,
)
from .serve import run_server

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["demo", "demo_paths", "extract", "ingest"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--issues", "issues_file", type=click.Path(dir_okay=False), help="Issues TOML file to match claims to."
)
@click.option(
    "--out", "out", default="-", show_default=True, help="Where to write JSON Lines ('-' for stdout)."
)
@click.pass_obj
def extract(state: State, paths: Sequence[str], issues_file: str | None, out: str) -> None:
    """Extract statements from PATHS as JSON Lines (the evaluation format), without a database.

    PATHS are files (plain text, HTML, JSON Lines) or folders of them, read recursively.
    """
    # deferred: spaCy loads only for the commands that extract
    from ..jobs.corpus import BatchReport, extract_paths

    issues = load_issues_file(issues_file)
    report = BatchReport()
    sink: TextIO = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        with progress("extract") as update:
            for _article, statements in extract_paths(paths, state.settings, issues, update, report):
                for st in statements:
                    sink.write(json.dumps(st.to_spec(), ensure_ascii=False) + "\n")
    finally:
        if sink is not sys.stdout:
            sink.close()
    report_skips(report)
    console().print(
        f"{report.new} articles, {report.statements} statements"
        + (f", {len(report.skipped)} skipped" if report.skipped else "")
        + (f" -> {out}" if out != "-" else "")
    )
    if report.skipped:
        raise InputError("skipped", f"{len(report.skipped)} input(s) were skipped; see above")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--issues", "issues_file", type=click.Path(dir_okay=False), help="Issues TOML file to store and use."
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    help="Parse on a local Dask cluster of this many worker processes (needs stancemap[dask]).",
)
@click.option(
    "--scheduler",
    metavar="URL",
    help="Parse on the existing Dask cluster whose scheduler is at URL (tcp://HOST:PORT).",
)
@click.option(
    "--partition-size",
    default=32,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="Articles sent to a Dask worker at a time.",
)
@click.pass_obj
def ingest(
    state: State,
    paths: Sequence[str],
    issues_file: str | None,
    workers: int | None,
    scheduler: str | None,
    partition_size: int,
) -> None:
    """Extract statements from PATHS and store articles and statements in the database.

    Re-running on the same files adds nothing: an article is identified by its text.
    With --workers or --scheduler, articles are parsed on a Dask cluster and stored in
    batches; an interrupted run, run again, stores what is missing.
    """
    # deferred: spaCy loads only for the commands that extract
    from ..jobs.corpus import ingest_paths

    issues = load_issues_file(issues_file)
    if workers is not None or scheduler is not None:
        # deferred: spaCy (and Dask)
        from ..jobs.cluster import ClusterOptions, ingest_on_cluster

        options = ClusterOptions(workers=workers, scheduler=scheduler, partition_size=partition_size)
        with open_store(state) as store:
            with progress("ingest") as update:
                report = ingest_on_cluster(paths, state.settings, store, options, issues, update)
            consolidate_positions(store)
    else:
        with open_store(state) as store:
            with progress("ingest") as update:
                report = ingest_paths(paths, state.settings, store, issues, update)
            consolidate_positions(store)
    report_skips(report)
    print_summary(report)
    if report.skipped:
        raise InputError("skipped", f"{len(report.skipped)} input(s) were skipped; see above")


def consolidate_positions(store: Store) -> None:
    """Rebuild the stored positions the ingest made stale, so the first reader need not."""
    # deferred: SQLAlchemy loads only for the commands that open a database
    from ..jobs.consolidate import refresh_positions

    with console().status("consolidating positions"):
        started = time.perf_counter()
        n = refresh_positions(store)
    if n:
        console().print(f"positions: {n:,} consolidated in {time.perf_counter() - started:.1f} s")


def demo_paths() -> tuple[Path, Path]:
    """The bundled demo corpus and its issues file."""
    root = Path(str(resources.files("stancemap").joinpath("demo")))
    return root / "voa_stories.jsonl", root / "issues.toml"


@click.command()
@click.option(
    "--serve/--no-serve",
    default=True,
    show_default=True,
    envvar="STANCEMAP_SERVE",
    help="Serve the web page afterwards.",
)
@click.option(
    "--show", default=30, show_default=True, type=click.IntRange(0), help="How many statements to print."
)
@server_options
@click.pass_obj
def demo(state: State, serve: bool, show: int, host: str, port: int) -> None:
    """Ingest the bundled Voice of America demo corpus, print what was found, and serve it."""
    # deferred: spaCy loads only for the commands that extract
    from ..jobs.corpus import ingest_paths

    corpus, issues_file = demo_paths()
    found = load_issues_file(str(issues_file))
    with open_store(state) as store:
        with progress("demo") as update:
            report = ingest_paths([corpus], state.settings, store, found, update)
        consolidate_positions(store)
        print_summary(report)
        counts = store.counts()
        click.echo(
            f"database {state.settings.db}: {counts['articles']} articles, "
            f"{counts['statements']} statements, "
            f"{counts['actors']} actors, {counts['issues']} issues"
        )
        stored = store.statements(limit=show * 20)
    known = [s.to_spec() for s in stored if not s.row["actor_code"].startswith(("PERSON:", "ORG:"))][:show]
    rows = [flat(r, 90) for r in known]
    columns = ["article", "actor", "speaker", "kind", "date", "channel", "evidence"]
    emit(rows, "table", columns, f"the first {len(rows)} statements by states and organizations")
    if serve:
        run_server(state, host, port)
