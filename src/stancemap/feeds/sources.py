"""The feeds file: ``[[source]]`` tables, each a ``url`` with an optional ``kind`` and ``every``.

```toml
[[source]]
url = "https://news.example/rss.xml"
every = "15m"                        # s, m, h or d; default 30m

[[source]]
url = "https://news.example/news-sitemap.xml"
kind = "sitemap"                     # rss, atom or sitemap; detected when absent
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..config import read_toml
from ..errors import SettingsError

__all__ = ["DEFAULT_EVERY", "KINDS", "Source", "load_sources", "parse_every"]

KINDS = frozenset({"rss", "atom", "sitemap"})
#: How often a source without ``every`` is fetched, in seconds.
DEFAULT_EVERY = 1800
#: No source is fetched more often than this, whatever it asks.
MIN_EVERY = 60
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Source:
    """A feed or sitemap to watch: where, what kind (None: detect), how often (seconds)."""

    url: str
    kind: str | None = None
    every: int = DEFAULT_EVERY


def parse_every(value: str) -> int:
    """Seconds in an interval such as ``"15m"``, ``"2h"``, ``"1d"`` or ``"90s"``."""
    match = _EVERY.match(value)
    if not match:
        raise SettingsError(f'every = {value!r} is not an interval such as "15m", "2h" or "1d"')
    seconds = int(match[1]) * _UNIT[match[2]]
    if seconds < MIN_EVERY:
        raise SettingsError(f"every = {value!r} is too often: at least {MIN_EVERY} seconds")
    return seconds


def load_sources(path: str | Path) -> list[Source]:
    """The sources of a feeds file; :class:`SettingsError` names what is wrong and where."""
    path = Path(path)
    data = read_toml(path, "feeds file")
    tables = data.get("source")
    if not isinstance(tables, list) or not tables:
        raise SettingsError(f"feeds file {path} has no [[source]] tables")
    out: list[Source] = []
    seen: set[str] = set()
    for n, table in enumerate(tables, 1):
        where = f"feeds file {path}, source {n}"
        if not isinstance(table, dict):
            raise SettingsError(f"{where}: not a table")
        unknown = set(table) - {"url", "kind", "every"}
        if unknown:
            raise SettingsError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        url = table.get("url")
        if not isinstance(url, str) or urlsplit(url.strip()).scheme not in ("http", "https"):
            raise SettingsError(f"{where}: url must be an http(s) URL, not {url!r}")
        url = url.strip()
        kind = table.get("kind")
        if kind is not None and kind not in KINDS:
            raise SettingsError(f"{where}: kind must be one of {', '.join(sorted(KINDS))}, not {kind!r}")
        every = table.get("every", None)
        if every is not None and not isinstance(every, str):
            raise SettingsError(f'{where}: every must be text such as "15m", not {every!r}')
        try:
            seconds = DEFAULT_EVERY if every is None else parse_every(every)
        except SettingsError as e:
            raise SettingsError(f"{where}: {e.message}") from e
        if url in seen:
            raise SettingsError(f"{where}: {url} is listed twice")
        seen.add(url)
        out.append(Source(url, kind, seconds))
    return out
