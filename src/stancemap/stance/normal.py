"""The normal form the stance stage compares words in."""

from __future__ import annotations

from ..resolve.gazetteer import fold

__all__ = ["norm"]


def norm(word: str) -> str:
    """Lower-cased, accent-folded, with typographic apostrophes made plain."""
    return fold(word).lower().replace("’", "'")
