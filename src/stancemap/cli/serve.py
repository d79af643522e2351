"""The ``serve`` command: the web pages and the JSON API over the database."""

from __future__ import annotations

import click

from .common import State, server_options

__all__ = ["run_server", "serve"]


@click.command()
@server_options
@click.pass_obj
def serve(state: State, host: str, port: int) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /docs) over the database.

    Reads are open; writes (POST /articles, POST /issues, PUT /issues/ID) need the
    bearer token set as STANCEMAP_API_TOKEN, and are refused when it is not set.
    """
    run_server(state, host, port)


def run_server(state: State, host: str, port: int) -> None:
    """Say where the pages are, then serve them until Ctrl-C (``serve`` and ``demo``)."""
    # deferred: FastAPI and uvicorn load only to serve
    from ..app import serve as serve_web

    url = f"http://{host}:{port}/"
    writes = "writes need the bearer token" if state.settings.api_token else "read-only: no api_token set"
    click.echo(f"serving {state.settings.db} at {url} (API docs at {url}docs; {writes}); Ctrl-C stops")
    serve_web(state.settings, host=host, port=port)
