"""Every command and every setting is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click

from stancemap.cli import cli
from stancemap.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "stancemap") -> list[str]:
    out = []
    for name, command in group.commands.items():
        out.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            out.extend(_commands(command, f"{prefix} {name}"))
    return out


def test_every_command_is_in_the_readme() -> None:
    missing = [c for c in _commands(cli) if c not in README]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"


def test_every_setting_is_in_the_readme() -> None:
    missing = [name for name in Settings.model_fields if f"`{name}`" not in README]
    assert not missing, f"settings not documented in README.md: {missing}"
