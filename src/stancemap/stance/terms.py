"""What a piece of text says, for matching it to issues: its word families, names, places,
actor codes and years (:class:`Terms`), read from its words and, when it was parsed, its parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..resolve import Gazetteer
from .lexicon import StanceLexicon, family
from .rulewords import load_rule_words
from .tree import head_of, is_consider_verb
from .words import Word

__all__ = ["Terms", "same_name"]

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def same_name(a: str, b: str) -> bool:
    """Two place or person names alike up to an ending (Crimea/Crimean, Lukashenko/Lukashenka)."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= 0.75 * min(len(a), len(b))


#: Dependencies of a noun phrase: a word so attached is a noun even when tagged as a verb.
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})
#: Parts of speech that a name never holds capitalized: a sign of a title-case line.
_NOT_IN_NAMES = frozenset({"VERB", "AUX", "PRON", "ADV", "SCONJ", "CCONJ"})


@dataclass(frozen=True)
class Terms:
    """What a piece of text says, for matching: word families (:func:`family` of each word), names
    (lower-cased), places, codes, years."""

    families: frozenset[str]
    names: frozenset[str]
    places: frozenset[str]  # names used as places (not adjectives like "Russian occupation")
    codes: frozenset[str]
    years: frozenset[int]
    #: Families met only as a word of a longer name ("states" in "United States"): no topic word.
    named: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls, tokens: Sequence[Word], lex: StanceLexicon, gaz: Gazetteer | None, text: str, first: bool = True
    ) -> Terms:
        """The terms of ``text``; ``first=False`` does not take a capitalized first word as a name."""
        families: set[str] = set()
        names: set[str] = set()
        places: set[str] = set()
        # who judges inside the text is not what it is about: "what *Beijing* considers illegal X"
        judges = {
            t.low for k, t in enumerate(tokens)
            if t.dep == "nsubj" and (h := head_of(tokens, k)) is not None
            and is_consider_verb(tokens[h], lex.words.consider)
        }  # fmt: skip
        mentions = [
            m for m in (gaz.find(text) if gaz else [])
            if m.via in {"name", "alias", "seat", "demonym"} and m.text.lower() not in judges
        ]  # fmt: skip
        # a first word is a name when the gazetteer knows it ("China's military build-up")
        known = {w.lower() for m in mentions if m.via != "demonym" for w in m.text.split()}
        long_names = {w.lower() for m in mentions if m.via in {"name", "alias"} for w in m.text.split()[1:]}
        in_names: set[str] = set()
        # a noun that opens a content clause says something ("claims that the vote was rigged"):
        # it names no thing an issue is about, as the same noun does before "in" or "to"
        saying = {
            k for k in range(len(tokens) - 1)
            if (tokens[k].pos == "NOUN" or tokens[k].dep in _NOMINAL) and tokens[k + 1].dep == "mark"
            and tokens[k + 1].low in lex.words.complementizer
        }  # fmt: skip
        # so does a verb with a clause for its complement ("claimed to have come from X")
        governing = {t.head for t in tokens if t.dep in ("ccomp", "xcomp") and t.head != t.i}
        saying |= {k for k, t in enumerate(tokens) if t.pos == "VERB" and t.i in governing}
        parts = _name_parts(tokens)
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if i in saying:
                i += 1
                continue
            two = (t.low, tokens[i + 1].low) if i + 1 < len(tokens) else None
            if two in lex.synonyms:
                families.update(family(c) for c in lex.synonyms[two].split("|"))
                i += 2
                continue
            if (t.low,) in lex.synonyms:
                families.update(family(c) for c in lex.synonyms[(t.low,)].split("|"))
            for k, part in enumerate(t.low.split("-")):
                if not part or not part[0].isalnum() or part in lex.stopwords:
                    continue
                cap = t.text.split("-")[k][:1].isupper() if k < len(t.text.split("-")) else False
                (in_names if cap and (t.low in long_names or i in parts) else families).add(family(part))
                named = i > 0 or first or part in known
                if cap and named and len(part) > 2 and part not in lex.words.not_name and t.low not in judges:
                    names.add(part)
                    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                    later = t.text.split("-")[k + 1 :]
                    adjectival = any(x[:1].islower() for x in later) or (
                        nxt is not None
                        and nxt.is_word
                        and not nxt.capitalized
                        and nxt.low not in lex.words.place_noun
                        and part.endswith(load_rule_words().adjectival_ending)
                    )
                    if not adjectival:
                        places.add(part)
            i += 1
        codes = {"@" + m.actor.code for m in mentions}
        years = frozenset(int(y) for y in _YEAR.findall(text))
        only_named = frozenset(in_names - families)
        every = frozenset(families | only_named)
        return cls(every, frozenset(names), frozenset(places), frozenset(codes), years, only_named)


def _name_parts(tokens: Sequence[Word]) -> set[int]:
    """The words of parsed text that only modify a proper name's head ("Secretary of *State*
    Marco Rubio", "the *Security* Council"): names, not the common nouns they are spelled like.

    English names put their head last, and a common-noun head still says what the thing is
    (the Chagos *Islands*, the Security *Council*); the words before it do not. Not in a
    title-case line, where the tagger takes most capitalized words for proper nouns ("EU
    Tariffs Vote Delayed"): there a verb or function word is capitalized inside the line.
    """
    if any(t.capitalized and t.pos in _NOT_IN_NAMES for t in tokens[1:]):
        return set()
    proper = [t.pos == "PROPN" and t.capitalized for t in tokens]
    return {k for k in range(len(tokens) - 1) if proper[k] and proper[k + 1]}
