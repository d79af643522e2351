"""Claims toward the user's issues, and the issues files that name them."""

from __future__ import annotations

from .issues import load_issues, parse_issues

__all__ = ["load_issues", "parse_issues"]
