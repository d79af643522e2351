"""The rules that make derivations.tsv, on a small WordNet database written here in WordNet's own
format: which ``+`` links join a family, and how inflections and British spellings join it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from stancemap.stance.data.build_derivations import _kin, british, derivation_rows

pytestmark = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("lemminflect", "wordfreq")),
    reason="needs the dev extras (lemminflect, wordfreq)",
)

#: Synsets: part of speech, offset, its words, and its ``+`` links (word number, part of speech,
#: offset, word number there).
SYNSETS = [
    ("v", "00000001", ["recognize", "recognise"], [(1, "n", "00000002", 1)]),
    ("n", "00000002", ["recognition"], [(1, "v", "00000001", 1)]),
    # "state" is mostly a noun (the SemCor counts below): the verb's "statement" does not join it
    ("n", "00000003", ["state"], []),
    ("v", "00000004", ["state"], [(1, "n", "00000005", 1)]),
    ("n", "00000005", ["statement"], [(1, "v", "00000004", 1)]),
    # a link between words that do not begin alike (derivatives of synonyms) joins nothing
    ("a", "00000006", ["large"], [(1, "n", "00000007", 1)]),
    ("n", "00000007", ["extent"], [(1, "a", "00000006", 1)]),
    # "accused" is a WordNet noun of its own, linked to nothing: it joins the verb it inflects
    ("v", "00000008", ["accuse"], [(1, "n", "00000009", 1)]),
    ("n", "00000009", ["accusation"], [(1, "v", "00000008", 1)]),
    ("n", "00000010", ["accused"], []),
    # names are the gazetteer's
    ("n", "00000011", ["Ruritania"], [(1, "a", "00000012", 1)]),
    ("a", "00000012", ["Ruritanian"], [(1, "n", "00000011", 1)]),
    ("n", "00000013", ["Ruritanian"], []),
    # a person who does the act is not the act: "voter" (noun.person) does not join "vote"
    ("v", "00000014", ["vote"], [(1, "n", "00000015", 1)]),
    ("n", "00000015", ["voter"], [(1, "v", "00000014", 1)]),
]
#: The synsets in WordNet's lexicographer file noun.person.
PEOPLE = {"00000013", "00000015"}
#: SemCor tag counts: (word, part of speech, count of its first sense).
TAGS = [("state", "n", 50), ("state", "v", 10), ("recognize", "v", 5), ("recognition", "n", 3)]
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
_KEY_DIGIT = {"n": "1", "v": "2", "a": "3", "r": "4"}


def _write_wordnet(folder: Path) -> None:
    data: dict[str, list[str]] = {pos: [] for pos in _FILES}
    index: dict[tuple[str, str], list[str]] = {}
    for pos, offset, words, links in SYNSETS:
        cols = [offset, "18" if offset in PEOPLE else "00", pos, f"{len(words):02x}"] + [
            c for w in words for c in (w, "0")
        ]
        cols.append(f"{len(links):03d}")
        for source, target_pos, target, number in links:
            cols += ["+", target, target_pos, f"{source:02x}{number:02x}"]
        data[pos].append(" ".join(cols) + " | an invented gloss  ")
        for w in words:
            index.setdefault((w.lower(), pos), []).append(offset)
    for pos, name in _FILES.items():
        (folder / f"data.{name}").write_text("  1 a licence line\n" + "\n".join(data[pos]) + "\n")
        rows = [
            f"{w} {p} {len(o)} 0 {len(o)} 0 {' '.join(o)}" for (w, p), o in sorted(index.items()) if p == pos
        ]
        (folder / f"index.{name}").write_text("  1 a licence line\n" + "\n".join(rows) + "\n")
    counts = [f"{w}%{_KEY_DIGIT[p]}:00:00:: 1 {n}" for w, p, n in TAGS]
    (folder / "cntlist.rev").write_text("\n".join(counts) + "\n")


@pytest.fixture(scope="module")
def families(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("wordnet")
    _write_wordnet(folder)
    attested = [
        "recognized",
        "recognizes",
        "recognitions",
        "statements",
        "states",
        "accuses",
        "ruritanians",
        "voters",
    ]
    return {form: key for key, forms in derivation_rows(folder, attested) for form in forms.split()}


def _key(families: dict[str, str], word: str) -> str:
    return families.get(word, word)


def test_a_link_and_the_inflections_make_one_family(families: dict[str, str]) -> None:
    words = ["recognize", "recognise", "recognition", "recognized", "recognizes", "recognitions"]
    assert {_key(families, w) for w in words} == {"recognize"}


def test_british_spellings_of_the_family_are_written(families: dict[str, str]) -> None:
    assert _key(families, "recognised") == _key(families, "recognises") == "recognize"
    assert british("organizations") == "organisations" and british("analyzed") == "analysed"
    assert british("size") is None and british("prize") is None  # no -ize ending: too short


def test_a_link_from_a_minor_part_of_speech_does_not_join(families: dict[str, str]) -> None:
    assert _key(families, "statement") != _key(families, "state")
    assert _key(families, "statements") == _key(families, "statement")
    assert _key(families, "states") == "state"


def test_words_that_do_not_begin_alike_are_not_joined(families: dict[str, str]) -> None:
    assert _key(families, "large") != _key(families, "extent")
    assert _kin("vote", "voting") and not _kin("unitize", "unification") and not _kin("large", "extent")


def test_an_inflection_that_is_a_word_of_its_own_joins_its_lemma(families: dict[str, str]) -> None:
    assert _key(families, "accused") == _key(families, "accusation") == _key(families, "accuses") == "accuse"


def test_a_person_is_not_joined_to_the_act(families: dict[str, str]) -> None:
    assert _key(families, "voter") != _key(families, "vote")
    assert _key(families, "voters") == "voter"


def test_names_are_not_joined_but_inflected(families: dict[str, str]) -> None:
    assert _key(families, "ruritanian") != _key(families, "ruritania")
    assert _key(families, "ruritanians") == "ruritanian"  # lemminflect's rules, attested here
