"""Headline attributions: ``Armenian premier on the vote: elections were fair``.

Headlines and section leads often attribute with a colon instead of a verb: a
short noun phrase naming the speaker, a colon, and what was said. The phrase
before the colon must hold no verb (``X said:`` is a quotation lead, handled with
quotations) and the text after it must be a clause of a few words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from .records import Attribution

__all__ = ["headline_attributions"]

MAX_SOURCE_TOKENS = 7
MIN_CONTENT_TOKENS = 4


def headline_attributions(doc: Doc, in_quote: Callable[[int], Any]) -> list[Attribution]:
    """An attribution for each sentence of the form ``SPEAKER: content``."""
    found = []
    for sent in doc.sents:
        colon = next((t for t in sent if t.text == ":"), None)
        if colon is None or in_quote(colon.idx) is not None:
            continue
        before = [t for t in sent if t.i < colon.i and not t.is_space]
        after = [t for t in sent if t.i > colon.i and not t.is_space and not t.is_punct]
        if not before or len(before) > MAX_SOURCE_TOKENS or len(after) < MIN_CONTENT_TOKENS:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in before) or not any(t.pos_ == "PROPN" for t in before):
            continue
        if any(in_quote(t.idx) is not None for t in before):
            continue
        last = [t for t in sent if t.i > colon.i and not t.is_space][-1]
        source = (before[0].idx, before[-1].idx + len(before[-1].text))
        persons = tuple(
            (e.start_char, e.end_char)
            for e in doc.ents
            if e.label_ == "PERSON" and source[0] <= e.start_char and e.end_char <= source[1]
        )
        found.append(
            Attribution(
                kind="indirect",
                content=(after[0].idx, last.idx + len(last.text)),
                cue=(colon.idx, colon.idx + 1),
                source=source,
                persons=persons,
                context=(sent.start_char, sent.end_char),
                head=(before[0].idx, before[0].idx + len(before[0].text)),
                extra={"headline": "1"},
            )
        )
    return found
