"""Commands that read the database: ``statements``, ``articles`` and ``issues``."""

from __future__ import annotations

import click

from .common import FORMATS, State, emit, flat, load_issues_file, open_store

__all__ = ["articles", "issues", "statements"]


@click.command()
@click.option("--actor", help="Actor code or name, any case (RUS, rus, Russia, EU, ...).")
@click.option("--issue", help="Issue id.")
@click.option("--article", help="Article name or id.")
@click.option("--polarity", type=click.Choice(["support", "oppose", "neutral"]), help="Stance of a claim.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "summary"]), help="Kind of statement.")
@click.option("-q", "--q", "words", help="Words that must all be in the evidence (full-text).")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def statements(
    state: State,
    actor: str | None,
    issue: str | None,
    article: str | None,
    polarity: str | None,
    kind: str | None,
    words: str | None,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """List stored statements, filtered by actor, issue, article, stance, kind or words."""
    filters = {"actor": actor, "issue": issue, "article": article, "polarity": polarity, "kind": kind}
    with open_store(state) as store:
        if actor:
            filters["actor"] = store.find_actor(actor) or actor
        rows = [s.to_spec() for s in store.statements(q=words, limit=limit, offset=offset, **filters)]
    if fmt == "json":
        emit(rows, fmt, [], "")
        return
    columns = ["article", "actor", "speaker", "kind", "date", "channel", "claims", "evidence"]
    width = 100 if fmt == "table" else None
    emit([flat(r, width) for r in rows], fmt, columns, f"{len(rows)} statements")


@click.command()
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def articles(state: State, limit: int, offset: int, fmt: str) -> None:
    """List stored articles with their statement counts and copies (the same text from other outlets)."""
    with open_store(state) as store:
        rows = store.articles(limit=limit, offset=offset)
    columns = ["name", "published", "outlet", "title", "statements", "copies", "id"]
    emit(rows, fmt, columns, f"{len(rows)} articles")


@click.group()
def issues() -> None:
    """Manage the issues to track (TOML issues files, spec section 3)."""


@issues.command("add")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def issues_add(state: State, file: str) -> None:
    """Store the issues of FILE (new ids are added, known ids updated)."""
    found = load_issues_file(file)
    with open_store(state) as store:
        added, updated = store.add_issues(found)
    click.echo(f"issues: {added} added, {updated} updated")


@issues.command("list")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def issues_list(state: State, fmt: str) -> None:
    """List the stored issues."""
    with open_store(state) as store:
        rows = [{"id": i.id, "title": i.title, "description": i.description} for i in store.issues()]
    emit(
        rows,
        fmt,
        ["id", "title"] if fmt == "table" else ["id", "title", "description"],
        f"{len(rows)} issues",
    )
