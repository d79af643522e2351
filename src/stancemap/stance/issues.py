"""Issues files: the TOML in which a user names the questions to track (spec §3)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ..errors import IssuesFileError
from ..models import Issue

__all__ = ["load_issues", "parse_issues"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$")


def parse_issues(text: str, where: str = "<issues>") -> list[Issue]:
    """Issues from the text of an issues file, checked against the spec's rules."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise IssuesFileError(f"{where} is not valid TOML: {e}") from e
    items = data.get("issue")
    if not isinstance(items, list) or not items:
        raise IssuesFileError(f"{where} has no [[issue]] tables")
    out: list[Issue] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise IssuesFileError(f"{where}: issue {n} is not a table")
        iid = item.get("id")
        if not isinstance(iid, str) or not _ID.match(iid):
            raise IssuesFileError(
                f"{where}: issue {n} needs an id of letters, digits, '-', '_' or '.', not {iid!r}"
            )
        if iid in seen:
            raise IssuesFileError(f"{where}: issue id {iid!r} appears twice")
        seen.add(iid)
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            raise IssuesFileError(f"{where}: issue {iid!r} needs a title")
        description = item.get("description", "")
        if not isinstance(description, str):
            raise IssuesFileError(f"{where}: the description of issue {iid!r} must be text")
        out.append(Issue(id=iid, title=title.strip(), description=description.strip()))
    return out


def load_issues(path: str | Path) -> list[Issue]:
    """Issues from an issues TOML file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise IssuesFileError(f"issues file {p} does not exist") from e
    except (OSError, UnicodeDecodeError) as e:
        raise IssuesFileError(f"issues file {p} cannot be read: {e}") from e
    return parse_issues(text, str(p))
