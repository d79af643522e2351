"""The issue matcher's term cache: small, bounded, oldest text out first."""

from __future__ import annotations

import pytest

from stancemap.stance import matching
from stancemap.stance.issues import parse_issues
from stancemap.stance.lexicon import load_stance_lexicon
from stancemap.stance.matching import IssueMatcher

ISSUES = parse_issues('''
[[issue]]
id = "rur-independence"
title = "Independence of Ruritania"
description = """Ruritania as an independent state.
support: recognizes its independence. oppose: does not recognize it as an independent state."""
''')


def test_terms_cache_keeps_the_latest_texts_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # every statement's context is new text: a cache that kept them all grew with the corpus
    monkeypatch.setattr(matching, "TERMS_CACHE", 8)
    m = IssueMatcher(ISSUES, load_stance_lexicon(), None)
    first = m.terms("the independence of Ruritania")
    assert m.terms("the independence of Ruritania") is first  # a repeated text is a hit
    for i in range(50):
        m.terms(f"context number {i} about Ruritania")
    assert len(m._terms) == 8
    assert "context number 49 about Ruritania" in m._terms  # the newest stay
    assert "the independence of Ruritania" not in m._terms  # the oldest went
    again = m.terms("the independence of Ruritania")
    assert again == first and again is not first  # recomputed, the same terms
