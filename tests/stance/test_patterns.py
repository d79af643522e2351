"""The stance constructions (``stance/data/stance_patterns.json``) run over parsed words find what
spaCy's own ``DependencyMatcher`` finds with the same patterns on the same parse."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest
from spacy.matcher import DependencyMatcher

from stancemap.config import Settings
from stancemap.datafiles import read_json
from stancemap.stance.lexicon import load_stance_lexicon
from stancemap.stance.patterns import Construction, load_constructions

from .conftest import parsed

SENTENCES = [
    "Our view is plain: Ruritania is an integral part of Borduria.",
    "Ruritania belongs to Borduria and always will, the envoy said.",
    "North Ruritania is Borduria, and it has never been part of Freedonia.",
    "The ministry played its part in the talks, which belong to the past.",
    "Borduria is threatening retaliation against Lima if hit by new duties.",
    "Borduria threatens Peru with retaliation if the duties are imposed.",
    "If they close the border, we will retaliate at once.",
]


def _spacy_pattern(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pattern with its ``$name`` word classes written out, as spaCy reads it."""
    classes = load_stance_lexicon().words
    names = {f.name for f in fields(classes)}
    out = []
    for node in pattern:
        attrs = {}
        for key, value in (node.get("RIGHT_ATTRS") or {}).items():
            if isinstance(value, dict) and isinstance(value["IN"], str) and value["IN"][1:] in names:
                value = {"IN": sorted(getattr(classes, value["IN"][1:]))}
            attrs[key] = value
        out.append({**node, "RIGHT_ATTRS": attrs})
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_the_words_matcher_agrees_with_spacy(text: str) -> None:
    from stancemap.extract.pipeline import load_pipeline

    doc = load_pipeline(Settings().model)(text)
    words = parsed(text)
    constructions = load_constructions(load_stance_lexicon().words)
    for c in read_json("stancemap.stance", "stance_patterns.json")["constructions"]:
        matcher = DependencyMatcher(doc.vocab)
        matcher.add(c["name"], [_spacy_pattern(c["pattern"])])
        ids = [n["RIGHT_ID"] for n in c["pattern"]]
        theirs = {tuple(doc[i].idx for i in token_ids) for _, token_ids in matcher(doc)}
        ours = {tuple(words[m[name]].start for name in ids) for m in constructions[c["name"]].matches(words)}
        assert ours == theirs, c["name"]


def test_a_bad_pattern_is_refused() -> None:
    classes = load_stance_lexicon().words
    with pytest.raises(ValueError, match="root must name its lemmas"):
        Construction("x", [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"POS": "NOUN"}}], classes)
    with pytest.raises(ValueError, match="unknown word class"):
        Construction("x", [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": {"IN": "$nothing"}}}], classes)
