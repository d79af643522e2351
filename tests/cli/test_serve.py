"""The serve command: says where, then hands the settings to the web server."""

from __future__ import annotations

from typing import Any

import pytest

from stancemap.cli import main
from stancemap.config import Settings


def test_serve_announces_and_serves(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[dict[str, Any]] = []

    def fake_serve(s: Settings, host: str, port: int) -> None:
        calls.append({"settings": s, "host": host, "port": port})

    monkeypatch.setattr("stancemap.app.serve", fake_serve)
    assert main(["--db", settings.db, "serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert calls == [{"settings": calls[0]["settings"], "host": "0.0.0.0", "port": 8123}]
    assert calls[0]["settings"].db == settings.db
    out = capsys.readouterr().out
    assert "http://0.0.0.0:8123/" in out and "read-only" in out


def test_serve_rejects_a_bad_port(settings: Settings) -> None:
    assert main(["--db", settings.db, "serve", "--port", "99999"]) == 2


def test_serve_app_refuses_a_bad_database_url() -> None:
    from stancemap.app import create_app
    from stancemap.errors import StoreError

    with pytest.raises(StoreError):
        create_app(Settings(db="nosuchdriver://x"))
