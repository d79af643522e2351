"""stancemap: who said what about which issue, with evidence, from news.

Importing stancemap pulls in nothing heavy: spaCy, the database layer and the
web framework load only when the functions that need them run.
"""

from __future__ import annotations

from .config import Settings, load_settings
from .errors import (
    InputError,
    IssuesFileError,
    ModelError,
    NotFoundError,
    SettingsError,
    StancemapError,
    StoreError,
    UsageError,
)
from .models import Article, Claim, Issue, Span, Statement, text_hash

__all__ = [
    "Article",
    "Claim",
    "InputError",
    "Issue",
    "IssuesFileError",
    "ModelError",
    "NotFoundError",
    "Settings",
    "SettingsError",
    "Span",
    "StancemapError",
    "Statement",
    "StoreError",
    "UsageError",
    "__version__",
    "load_settings",
    "text_hash",
]

__version__ = "0.1.0"
