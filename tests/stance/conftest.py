"""Words of invented sentences as the extraction pipeline hands them to the stance stage."""

from __future__ import annotations

from functools import lru_cache

from stancemap.config import Settings
from stancemap.stance.words import Word, words_of


@lru_cache(maxsize=256)
def parsed(text: str) -> list[Word]:
    """The words of ``text`` parsed by the real pipeline (its ``stancemap_stance_words`` rows)."""
    from stancemap.extract.pipeline import load_pipeline

    doc = load_pipeline(Settings().model)(text)
    return words_of(doc._.sm_words, text)
