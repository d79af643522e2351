"""What an issue's title says of it: its head nouns, and the act it names with its doer and holders.

Titles are short noun phrases ("US tariffs on trading partners", "The Myanmar military's
crackdown"), read by English word order, not parsed: the head comes after determiners, possessors
and modifiers and before prepositional phrases; the doer of an act named by a noun stands before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..resolve import Gazetteer
from .lexicon import StanceLexicon, family
from .words import Word, plain_words

__all__ = ["act_phrase", "doer_words", "title_heads", "title_holders"]


def title_heads(title: str, lex: StanceLexicon) -> frozenset[str]:
    """The families of the heads of an issue's title: the last word of each conjunct before the
    first preposition, and a word before a participle.

    An English noun phrase puts its head after its determiners, possessors and modifiers and
    before its prepositional phrases and reduced clauses: "US *tariffs* on trading partners",
    "Iran's nuclear *program*", "a *deal* ceding X", "Further *sanctions* and *costs* on X".
    A one-word conjunct is taken for a modifier ("Military and security *support*"). Titles are
    short phrases, not parsed. A parenthesis restates the act by its own head noun, the last word
    of each of its parts that is no name or number: "X's action on Y (May 2031 *meeting*)".
    """
    stops = lex.words.preposition | lex.words.lead_in | lex.words.title_preposition
    heads: list[Word] = []
    for inside in re.findall(r"\(([^()]*)\)", title):
        for part in inside.split(","):
            common = [w for w in plain_words(part) if w.is_word and w.low.isalpha() and not w.capitalized]
            heads.extend(common[-1:])
    conjunct: list[Word] = []
    for w in plain_words(title):
        if not w.is_word or w.low.isdigit():
            continue
        if conjunct and w.low in stops:
            break
        if conjunct and w.low.endswith("ing"):
            heads.append(conjunct[-1])  # "a deal ceding X"; "countervailing duties" goes on
        if w.low in lex.words.coordinator:
            if len(conjunct) > 1:
                heads.append(conjunct[-1])
            conjunct = []
            continue
        conjunct.append(w)
    if conjunct:
        heads.append(conjunct[-1])
    return frozenset(family(part) for h in heads for part in h.low.split("-") if part)


def act_phrase(title: str, lex: StanceLexicon) -> list[Word]:
    """The words of a title's first noun phrase up to its head, when the head names an act
    ("The Myanmar military's crackdown", "US tariffs"); empty otherwise."""
    stops = lex.words.preposition | lex.words.lead_in | lex.words.title_preposition
    words: list[Word] = []
    for w in plain_words(title):
        if w.low in stops or w.low in lex.words.coordinator or w.text in {"(", ":", ","}:
            break
        words.append(w)
    while words and not words[-1].is_word:
        words.pop()
    if len(words) < 2 or words[-1].low.replace("-", "") not in lex.act_heads:
        return []
    return words


def doer_words(phrase: Sequence[Word]) -> frozenset[str]:
    """The word families that name the doer before a title's act (its :func:`act_phrase`):
    "military" in "The Myanmar military's crackdown", "police" in "Israeli police actions"."""
    return frozenset(family(w.low) for w in phrase[:-1] if w.is_word and not w.capitalized)


def title_holders(words: Sequence[Word], lex: StanceLexicon, gaz: Gazetteer | None) -> frozenset[str]:
    """The actors that hold an issue: the possessor or the prenominal name of its title's head
    (``words``: the title's :func:`act_phrase`).

    English puts the doer of an act named by a noun in front of it, as a possessive or a
    modifier: "*Turkey's* purchase of X", "*US* tariffs on Y", "*Canadian* tariffs and
    counter-measures", "the *US*-brokered deal", "a *UK-Mauritius* agreement". Only the first
    conjunct before a preposition is read, and only a head that names an act
    (``lex.act_heads``), not a thing or people ("Afghan *soil*", "Afghan *women*"). A
    name counts only when the gazetteer resolves all of it: "South China Sea" is no China.
    """
    if gaz is None or not words:
        return frozenset()
    groups: list[list[str]] = [[]]
    for w in words[:-1]:
        parts = w.text.split("-")
        for k, part in enumerate(parts):
            if part[:1].isupper() and w.low not in lex.words.determiner:
                groups[-1].append(part)
            elif groups[-1]:
                groups.append([])
            if k < len(parts) - 1 and groups[-1]:
                groups.append([])  # "UK-Mauritius": two names
        if w.low in ("'s", "’s") and groups[-1]:
            groups.append([])
    codes = set()
    for group in groups:
        name = " ".join(group)
        found = gaz.find(name) if name else []
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
            codes.add(found[0].actor.code)
    return frozenset(codes)
