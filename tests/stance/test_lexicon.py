"""The stance lexicon finds an entry's first word by lookup, exactly as matching every pattern would."""

from __future__ import annotations

from stancemap.stance.lexicon import _word_matches, load_stance_lexicon, tokenize

TEXT = (
    "The ministry said it does not recognise the unilateral declaration and rejected "
    "the so-called referendum, calling for a ceasefire; Ruritania welcomed, condemned and "
    "strongly supports recognition, while others denounced the illegitimate annexation."
)


def test_candidates_are_the_entries_whose_first_pattern_matches_in_lexicon_order() -> None:
    lex = load_stance_lexicon()
    words = {t.low for t in tokenize(TEXT)} | {e.words[0].strip("*") for e in lex.entries}
    assert any(e.words[0].endswith("*") for e in lex.entries)  # prefixes are exercised
    for low in sorted(words):
        expected = tuple(e for e in lex.entries if _word_matches(e.words[0], low))
        assert lex.candidates(low) == expected, low
