"""The stance lexicon: lookups agree with pattern matching, every entry names its source, and the
packaged files are exactly what the build script makes from the published resources."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import pytest

from stancemap.stance.lexicon import Entry, StanceLexicon, family, load_stance_lexicon, word_matches

from .conftest import parsed

TEXT = (
    "The ministry said it does not recognise the unilateral declaration and rejected "
    "the so-called referendum, calling for a ceasefire; Ruritania welcomed, condemned and "
    "strongly supports recognition, while others denounced the unlawful annexation."
)

DATA = Path(str(resources.files("stancemap.stance").joinpath("data")))
#: Generated lists whose every line names its source (derivations.tsv names its sources in its header).
SOURCED = (
    "stance_words.tsv", "negators.tsv", "anaphors.tsv", "word_classes.tsv", "issue_stopwords.tsv", "term_synonyms.tsv",
    "act_heads.tsv",
)  # fmt: skip
GENERATED = (*SOURCED, "derivations.tsv")
WORDNET = Path("/usr/share/wordnet")
POLNEAR = Path(__file__).resolve().parents[2].parent / "shared" / "polnear" / "train"
BUILD_NEEDS = ("vaderSentiment", "afinn", "textblob", "negspacy", "lemminflect", "wordfreq")


def _with_patterns(patterns: list[str]) -> StanceLexicon:
    lex = load_stance_lexicon()
    entries = tuple(Entry((p,), 1, "verb") for p in patterns)
    return StanceLexicon(entries, lex.negators, {}, lex.anaphors, lex.stopwords, lex.words)


@pytest.mark.parametrize(
    "lex", [load_stance_lexicon(), _with_patterns(["recogni*", "*lateral", "back", "back*"])]
)
def test_candidates_are_the_entries_whose_first_pattern_matches_in_lexicon_order(lex: StanceLexicon) -> None:
    words = {t.low for t in parsed(TEXT)} | {e.words[0].strip("*") for e in lex.entries}
    for low in sorted(words):
        expected = tuple(e for e in lex.entries if word_matches(e.words[0], low))
        assert lex.candidates(low) == expected, low


def test_the_packaged_entries_are_found_in_a_text() -> None:
    lex = load_stance_lexicon()
    tokens = parsed(TEXT)
    found = {lex.entry_at(tokens, i)[0].label for i in range(len(tokens)) if lex.entry_at(tokens, i)}
    assert {"recognise", "rejected", "so-called", "calling for", "welcomed", "condemned"} <= found
    assert {"supports", "recognition", "denounced", "unlawful"} <= found
    assert lex.negator_at(tokens[5]) == "particle"  # not


@pytest.mark.parametrize("name", SOURCED)
def test_every_entry_names_its_source(name: str) -> None:
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    assert lines
    for line in lines:
        cols = line.split("\t")
        assert len(cols) >= 2 and cols[-1].strip(), line
        assert any(
            s in cols[-1]
            for s in ("VADER", "AFINN", "pattern", "NegEx", "PolNeAR", "spaCy", "spec", "WordNet", "wordfreq")
        ), line


def test_sources_md_names_every_data_file() -> None:
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    files = [
        p.name for p in DATA.iterdir() if p.suffix in {".tsv", ".txt", ".py"} and p.name != "__init__.py"
    ]
    assert set(GENERATED) <= set(files) and "scope_labels.tsv" in files
    for name in files:
        assert f"`{name}`" in sources, name


def test_synonyms_name_a_topic() -> None:
    synonyms = load_stance_lexicon().synonyms
    assert synonyms[("vote",)] == "election|referendum"
    assert synonyms[("talks",)] == "negotiation"
    assert ("autonomy",) not in synonyms  # narrower than independence: hyponyms are not taken


@pytest.mark.parametrize(
    "words",
    [
        ("recognize", "recognise", "recognized", "Recognised", "recognizing", "recognition", "recognitions"),
        ("independent", "independence"),
        ("deport", "deported", "deportation", "deportations"),
        ("sanction", "sanctions", "sanctioned"),
        ("elect", "elected", "election", "elections", "electoral"),
        ("vote", "votes", "voted", "voting"),
        ("accuse", "accused", "accusation", "accusations"),
        ("organize", "organise", "organisation", "organizations"),  # British -is- spelled by rule
        ("cease-fire", "ceasefire", "ceasefires"),
        ("base", "bases"),  # also the plural of basis: lemminflect's lemmatizer reads it as base
        ("tariff", "tariffs"),
        ("ban", "bans", "banned"),  # banned is a WordNet adjective of its own
        ("truce", "truces"),  # a rare plural, written as its singular is common
    ],
)
def test_a_family_holds_derivations_inflections_and_spellings(words: tuple[str, ...]) -> None:
    assert len({family(w) for w in words}) == 1, {w: family(w) for w in words}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # the crude suffix stemmer that family() replaced made each of these pairs one word
        ("part", "parties"),
        ("police", "policies"),
        ("bill", "billion"),
        ("will", "willing"),
        ("plan", "plane"),
        ("mission", "missing"),
        ("apple", "application"),
        ("integrity", "integration"),
        ("violence", "violation"),
        ("sentence", "sent"),
        # WordNet links these, through a sense that is not the word's usual one
        ("state", "statement"),
        ("stand", "standard"),
        ("part", "party"),
        ("find", "found"),
        ("bite", "bit"),  # an irregular form that is another word
        ("vote", "voter"),  # a person who does the act is another topic (noun.person)
        ("law", "lawyer"),
    ],
)
def test_words_that_only_look_alike_are_apart(one: str, other: str) -> None:
    assert family(one) != family(other)


def test_a_word_not_in_the_families_is_itself() -> None:
    assert family("Ruritania's") == "ruritania"  # lower-cased, with no possessive ending
    assert family("Bordurians") == "bordurians"  # no rule strips an ending
    assert family("Statement") == family("statements") == "statement"


def test_word_classes_are_read() -> None:
    w = load_stance_lexicon().words
    assert "but" in w.clause and "were" in w.copula and "the" in w.determiner
    assert "describ" in w.consider and ("with", "regard", "to") in w.topic_intro


@pytest.mark.skipif(
    not POLNEAR.is_dir()
    or not (WORDNET / "data.noun").is_file()
    or any(importlib.util.find_spec(m) is None for m in BUILD_NEEDS),
    reason="needs the dev extras, ../shared/polnear/train and WordNet 3.0 (Debian wordnet-base)",
)
def test_packaged_files_are_what_the_build_makes(tmp_path: Path) -> None:
    from stancemap.stance.data import build_stance_words as build

    build.main(["--polnear", str(POLNEAR), "--wordnet", str(WORDNET), "--out", str(tmp_path)])
    for name in GENERATED:
        made = (tmp_path / name).read_text(encoding="utf-8")
        assert (DATA / name).read_text(encoding="utf-8") == made, name
