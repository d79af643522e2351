"""What the commands share: settings state, console, progress bars and table output."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from ..config import Settings, load_settings
from ..stance import load_issues

__all__ = [
    "FORMATS",
    "State",
    "console",
    "emit",
    "flat",
    "load_issues_file",
    "open_store",
    "print_summary",
    "progress",
    "report_skips",
    "server_options",
]

FORMATS = click.Choice(["table", "json", "csv"])


class State:
    """The global options, turned into ``Settings`` on first use."""

    def __init__(self, settings_file: str | None, db: str | None, model: str | None) -> None:
        self.settings_file = settings_file
        self.db = db
        self.model = model
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.settings_file, db=self.db, model=self.model)
        return self._settings


def console(stderr: bool = True) -> Any:
    from rich.console import Console

    out = Console(stderr=stderr, highlight=False)
    if not out.is_terminal:
        out.width = 160  # pipes and CI logs: wide rows rather than 80-column folding
    return out


@contextmanager
def progress(label: str) -> Iterator[Any]:
    """A rich progress bar on stderr; yields a ``progress(done, total)`` callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console(),
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=None, rate="")

        def update(done: int, total: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{done / elapsed:.1f} articles/s" if elapsed > 0 else ""
            bar.update(task, completed=done, total=total, rate=rate)

        yield update


def open_store(state: State) -> Any:
    # deferred: SQLAlchemy loads only for the commands that open a database
    from ..store import Store

    return Store.open(state.settings.db)


def load_issues_file(path: str | None) -> list[Any]:
    if path is None:
        return []
    return load_issues(path)


def report_skips(report: Any) -> None:
    err = console()
    for s in report.skipped:
        err.print(f"[yellow]skipped[/] {s.source}: {s.reason}: {s.message}", markup=True, soft_wrap=True)


def print_summary(report: Any) -> None:
    out = console(stderr=False)
    reasons = ", ".join(f"{n} {r}" for r, n in sorted(report.skipped_by_reason.items()))
    passed = ", ".join(f"{n} {r}" for r, n in sorted(report.passed.items()))
    copies = getattr(report, "copies", 0)  # a watch report has none
    out.print(
        f"articles: {report.new} new, {report.already} already stored, "
        f"{len(report.skipped)} skipped{f' ({reasons})' if reasons else ''}; "
        + (f"records passed over: {passed}; " if passed else "")
        + f"statements found: {report.statements}"
        + (f"; copies of stored articles recorded: {copies}" if copies else "")
    )


def emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], title: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in columns})
        click.echo(buf.getvalue(), nl=False)
        return
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    console(stderr=False).print(table)


def flat(spec: dict[str, Any], width: int | None = None) -> dict[str, Any]:
    """A statement as one table or CSV row; ``width`` shortens the evidence for tables."""
    claims = "; ".join(f"{c['issue'] or '-'}:{c['polarity']}" for c in spec["claims"])
    evidence = spec["evidence"]["text"]
    if width is not None and len(evidence) > width:
        evidence = evidence[: width - 1].rstrip() + "…"
    return {**spec, "evidence": evidence, "claims": claims}


F = TypeVar("F", bound=Callable[..., Any])


def server_options(f: F) -> F:
    """``--host`` and ``--port`` of the web server, shared by ``serve`` and ``demo``."""
    f = click.option(
        "--port",
        default=8000,
        show_default=True,
        type=click.IntRange(1, 65535),
        envvar="STANCEMAP_PORT",
        help="Port to serve on.",
    )(f)
    return click.option(
        "--host", default="127.0.0.1", show_default=True, envvar="STANCEMAP_HOST", help="Address to serve on."
    )(f)
