"""Commands that follow news: ``watch`` (feeds and sitemaps on a schedule) and ``reextract``."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import click

from .common import State, console, load_issues_file, open_store, progress

__all__ = ["reextract", "watch"]

#: Longest sleep between two looks at the schedule (a new source in the store is seen this soon).
MAX_NAP = 300.0


@click.command()
@click.argument("feeds_file", type=click.Path(dir_okay=False))
@click.option("--once", is_flag=True, help="Run one round and exit (for cron).")
@click.option(
    "--issues", "issues_file", type=click.Path(dir_okay=False), help="Issues TOML file to store and use."
)
@click.option("--force", is_flag=True, help="Fetch every source in the first round, due or not.")
@click.pass_obj
def watch(state: State, feeds_file: str, once: bool, issues_file: str | None, force: bool) -> None:
    """Follow the feeds and sitemaps of FEEDS_FILE: fetch what is new, extract and store it.

    FEEDS_FILE holds [[source]] tables, each with a url, an optional kind (rss, atom
    or sitemap; detected when absent) and an optional every (such as "15m"). Each
    source is fetched when due, conditionally; new entries' pages are fetched within
    per-host rate limits and robots.txt, stored with their raw page, and the positions
    they touch refreshed. What was seen lives in the database: a restart fetches
    nothing again. Failures are logged with a reason and stop nothing.
    """
    # deferred: SQLAlchemy loads only for the commands that open a database
    from ..feeds import load_sources, run_round

    sources = load_sources(feeds_file)
    issues = load_issues_file(issues_file)
    out = console(stderr=False)
    round_no = 0
    with open_store(state) as store:
        while True:
            round_no += 1
            started = time.perf_counter()
            with progress(f"round {round_no}") as update:

                def show(stage: str, done: int, total: int) -> None:
                    if stage == "entries":
                        update(done, total)

                report = run_round(
                    store, sources, state.settings, issues, force=force and round_no == 1, progress=show
                )
            stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
            out.print(
                f"{stamp} round {round_no} in {time.perf_counter() - started:.1f} s: {report.summary()}",
                soft_wrap=True,
            )
            if once:
                return
            due = [r.next_due for r in store.feed_sources([s.url for s in sources]) if r.next_due]
            wait = (min(due) - datetime.now(UTC)).total_seconds() if due else MAX_NAP
            wait = min(max(wait, 1.0), MAX_NAP)
            console().print(f"next round in {wait:.0f} s (Ctrl-C stops)")
            time.sleep(wait)


@click.command()
@click.option(
    "--issues", "issues_file", type=click.Path(dir_okay=False), help="Issues TOML file to store and use."
)
@click.pass_obj
def reextract(state: State, issues_file: str | None) -> None:
    """Extract the raw pages kept by `watch` again, replacing their articles' statements.

    Run it after the extractor improves: the pages are read from the database, not fetched.
    """
    # deferred: spaCy loads only for the commands that extract
    from ..feeds.reextract import reextract as run

    issues = load_issues_file(issues_file)
    with open_store(state) as store, progress("reextract") as update:
        report = run(store, state.settings, issues, update)
    failed = ", ".join(f"{n} {r}" for r, n in sorted(report.failed.items()))
    console(stderr=False).print(
        f"pages: {report.pages} extracted again, {report.changed} with new text"
        + (f", failed: {failed}" if failed else "")
        + f"; statements: {report.statements}"
    )
