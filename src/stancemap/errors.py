"""Every error stancemap raises, with its exit code and HTTP status.

The tree::

    StancemapError                 exit 1, HTTP 500
    ├── SettingsError              exit 2, HTTP 500   bad settings file, env var or flag
    ├── UsageError                 exit 2, HTTP 422   a bad argument or filter from the user
    ├── NotFoundError              exit 3, HTTP 404   an issue, article or actor that is not stored
    ├── InputError                 exit 4, HTTP 422   an article that cannot be read (carries a reason code)
    │   └── FetchError             exit 4, HTTP 502   a feed or page that cannot be fetched (reason code too)
    ├── IssuesFileError            exit 2, HTTP 422   an issues TOML file that does not follow the spec
    ├── StoreError                 exit 5, HTTP 503   the database cannot be opened, migrated or written
    ├── ModelError                 exit 6, HTTP 500   the spaCy model cannot be loaded
    └── TooSlowError               exit 7, HTTP 503   a write ran past its time limit and was stopped

Messages carry a searchable code (``[S001]``) so that a user can find the cause in
the docs and a test can assert on the kind of failure rather than on wording.
"""

from __future__ import annotations

__all__ = [
    "FetchError",
    "InputError",
    "IssuesFileError",
    "ModelError",
    "NotFoundError",
    "SettingsError",
    "StancemapError",
    "StoreError",
    "TooSlowError",
    "UsageError",
]


class StancemapError(Exception):
    """Base of every error stancemap raises on purpose."""

    exit_code: int = 1
    http_status: int = 500
    code: str = "S000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class SettingsError(StancemapError):
    """A settings file, environment variable or flag has a value stancemap cannot use."""

    exit_code = 2
    code = "S001"


class UsageError(StancemapError):
    """A command or query was given arguments that do not make sense together."""

    exit_code = 2
    http_status = 422
    code = "S002"


class NotFoundError(StancemapError):
    """A named issue, article or actor is not in the store."""

    exit_code = 3
    http_status = 404
    code = "S003"


class InputError(StancemapError):
    """An input file or record cannot become an article.

    ``reason`` is a short stable code (``empty``, ``binary``, ``too_large``, ...)
    used in summaries and by tests; the message says what was wrong in words.
    """

    exit_code = 4
    http_status = 422
    code = "S004"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __str__(self) -> str:
        return f"[{self.code}:{self.reason}] {self.message}"


class FetchError(InputError):
    """A feed, sitemap or page that ``watch`` could not fetch (``timeout``, ``http_404``, ...)."""

    http_status = 502
    code = "S009"


class IssuesFileError(StancemapError):
    """An issues TOML file is missing, malformed, or breaks the spec's rules."""

    exit_code = 2
    http_status = 422
    code = "S005"


class StoreError(StancemapError):
    """The database cannot be opened, migrated, read or written."""

    exit_code = 5
    http_status = 503
    code = "S006"


class ModelError(StancemapError):
    """The spaCy model named in the settings cannot be loaded."""

    exit_code = 6
    code = "S007"


class TooSlowError(StancemapError):
    """A write ran longer than its time limit (``write_timeout``) and was stopped."""

    exit_code = 7
    http_status = 503
    code = "S008"
