"""The ``serve`` command: the web pages and the JSON API over the database."""

from __future__ import annotations

import click

from .common import State

__all__ = ["announce", "serve"]


@click.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, envvar="STANCEMAP_HOST", help="Address to listen on."
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    envvar="STANCEMAP_PORT",
    help="Port to listen on.",
)
@click.pass_obj
def serve(state: State, host: str, port: int) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /docs) over the database.

    Reads are open; writes (POST /articles, POST /issues, PUT /issues/ID) need the
    bearer token set as STANCEMAP_API_TOKEN, and are refused when it is not set.
    """
    from ..web import serve as serve_web

    announce(state, host, port)
    serve_web(state.settings, host=host, port=port)


def announce(state: State, host: str, port: int) -> None:
    """Say where the pages are, before the server takes over the terminal."""
    url = f"http://{host}:{port}/"
    writes = "writes need the bearer token" if state.settings.api_token else "read-only: no api_token set"
    click.echo(f"serving {state.settings.db} at {url} (API docs at {url}docs; {writes}); Ctrl-C stops")
