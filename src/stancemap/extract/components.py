"""stancemap's spaCy pipeline components, registered as factories.

``stancemap_paragraphs`` runs before the parser and starts a sentence at every
line break, so that a heading or a paragraph never runs into the next one.
``stancemap_attribution`` runs last and stores the attributions it finds in
``doc._.sm_attributions`` as plain dicts (``Attribution.to_dict``), which survive
the serialization of spaCy's multiprocessing.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .attribution import find_attributions
from .lexicon import load_lexicon

__all__ = ["AttributionComponent", "paragraph_breaks"]


def _ensure_extension() -> None:
    if not Doc.has_extension("sm_attributions"):
        Doc.set_extension("sm_attributions", default=None)


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line break."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@Language.factory("stancemap_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Any:
    return paragraph_breaks


class AttributionComponent:
    """Finds quotations, reported speech and ``according to`` in a parsed Doc."""

    def __init__(self) -> None:
        _ensure_extension()
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.sm_attributions = [a.to_dict() for a in find_attributions(doc, self.lexicon)]
        return doc


@Language.factory(
    "stancemap_attribution",
    assigns=["doc._.sm_attributions"],
    requires=["token.dep", "token.lemma", "doc.ents"],
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent()
