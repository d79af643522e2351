"""The constructions' patterns: valid for spaCy's DependencyMatcher, and ``depmatch`` agrees with it."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.matcher import DependencyMatcher

from stancemap.extract.constructions import Constructions, construction_names, filled_patterns
from stancemap.extract.depmatch import compile_pattern
from stancemap.extract.lexicon import load_lexicon

#: One invented sentence or more for each construction (see test_attribution.py for what each yields).
SENTENCES = [
    "Ruritania reiterated its support for the Bordurian peace plan.",
    "The president sent a congratulatory message to the Bordurian leader.",
    "The Bordurian decision drew sharp criticism from Ruritania.",
    "The proposed truce also has the backing of Ruritania.",
    "The Bordurian plan met with opposition from Ruritania.",
    "The election was not recognized by Ruritania and Borduria.",
    "Ruritania, Borduria and Syldavia were among those who condemned the attack.",
    "Mr. Lind, who said the vote was rigged, left the capital.",
    "The treaty, the minister said, would bring peace to Ruritania.",
    "The Ruritanian minister added: the talks will resume next week in the capital.",
    "This is what the minister said: the talks will resume next week.",
    'Anna Berg put it this way: "We will never accept a border drawn by force."',
]


def test_every_construction_is_named_documented_and_built() -> None:
    from stancemap.extract.constructions import _BUILDERS, load_patterns

    names = construction_names()
    assert len(names) == len(set(names)) >= 9
    assert set(names) == set(_BUILDERS)
    assert all(c["doc"] for c in load_patterns())


@pytest.mark.parametrize("text", SENTENCES)
def test_depmatch_finds_what_spacy_finds(nlp: Any, text: str) -> None:
    doc = nlp(text)
    lemmas = doc.to_array("LEMMA").tolist()
    for name, pattern in filled_patterns(load_lexicon()):
        spacy_matcher = DependencyMatcher(nlp.vocab)
        spacy_matcher.add(name, [pattern])
        theirs = sorted(tuple(ids) for _, ids in spacy_matcher(doc))
        ours = sorted(
            tuple(t.i for t in m.values()) for m in compile_pattern(pattern, nlp.vocab)(doc, lemmas)
        )
        assert ours == theirs, name


def test_each_sentence_matches_some_construction(nlp: Any) -> None:
    constructions = Constructions(nlp.vocab, load_lexicon())
    for text in SENTENCES:
        assert constructions.matches(nlp(text)), text


def test_a_pattern_whose_root_names_no_lemma_is_refused(nlp: Any) -> None:
    with pytest.raises(ValueError, match="root must name its lemmas"):
        compile_pattern([{"RIGHT_ID": "cue", "RIGHT_ATTRS": {"POS": "VERB"}}], nlp.vocab)


def test_an_unsupported_operator_is_refused(nlp: Any) -> None:
    pattern = [
        {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": "say"}},
        {"LEFT_ID": "cue", "REL_OP": ".", "RIGHT_ID": "next", "RIGHT_ATTRS": {}},
    ]
    with pytest.raises(ValueError, match="unsupported operator"):
        compile_pattern(pattern, nlp.vocab)
