"""Words of invented sentences as the extraction pipeline hands them to the stance stage."""

from __future__ import annotations

from functools import lru_cache

from stancemap.config import Settings
from stancemap.stance.issues import parse_issues
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


#: An invented issue on a sea's claims, shared by the claims and the matching tests.
SEA = parse_issues('''
[[issue]]
id = "bor-sea-claims"
title = "Borduria's claims in the Ruritanian Sea"
description = """Borduria's claims to waters and islands of the Ruritanian Sea.
support: backs the claims. oppose: rejects them."""
''')
