"""Words of invented sentences as the extraction pipeline hands them to the stance stage."""

from __future__ import annotations

from functools import lru_cache

from stancemap.config import Settings
from stancemap.stance.words import ParsedText, Word


@lru_cache(maxsize=256)
def parsed_text(text: str) -> ParsedText:
    """``text`` parsed by the real pipeline, as its ``stancemap_stance_words`` rows."""
    from stancemap.extract.pipeline import load_pipeline

    doc = load_pipeline(Settings().model)(text)
    return ParsedText(doc._.sm_words, text)


def parsed(text: str) -> list[Word]:
    """The words of ``text`` parsed by the real pipeline."""
    return parsed_text(text).within(0, len(text))
