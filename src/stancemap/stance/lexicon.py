"""Words and word lists for the stance logic: tokens, normal forms, and the packaged lists.

Nothing is read on import; :func:`load_stance_lexicon` reads ``data/*`` once and caches it.
The lists are language knowledge (general English), kept apart from the algorithms that use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..resolve.gazetteer import fold

__all__ = [
    "Entry",
    "StanceLexicon",
    "Token",
    "load_stance_lexicon",
    "norm",
    "stem",
    "tokenize",
]

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_SUFFIXES = (
    "ications", "ication", "ations", "ation", "itions", "ition", "ments", "ment", "ities", "ity",
    "ness", "hood", "ings", "ing", "ised", "ized", "ises", "izes", "ise", "ize", "ence", "ent",
    "ful", "ial", "ions", "ion", "ies", "ed", "es", "s", "e",
)  # fmt: skip


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark of a text: ``text == original[start:end]``; ``low`` is its normal form."""

    start: int
    end: int
    text: str
    low: str

    @property
    def is_word(self) -> bool:
        return self.low[:1].isalnum()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def norm(word: str) -> str:
    """Lower-cased, accent-folded, with typographic apostrophes made plain."""
    return fold(word).lower().replace("’", "'")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words (keeping hyphens, apostrophes and inner dots) and punctuation marks, with offsets."""
    return [
        Token(m.start() + offset, m.end() + offset, m.group(0), norm(m.group(0)))
        for m in _TOKEN.finditer(text)
    ]


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A crude stem (lemma-ish suffix stripping): recognize, recognise, recognition -> recogn."""
    w = norm(word)
    w = re.sub(r"'s?$", "", w)
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _word_matches(pattern: str, low: str) -> bool:
    if pattern.endswith("*") and len(pattern) > 1:
        return low.startswith(pattern[:-1])
    if pattern.startswith("*") and len(pattern) > 1:
        return low.endswith(pattern[1:])
    return low == pattern


@dataclass(frozen=True)
class Entry:
    """A stance word or phrase: its word patterns, polarity (+1, -1, 0) and kind (see stance_words.tsv)."""

    words: tuple[str, ...]
    polarity: int
    kind: str

    @property
    def label(self) -> str:
        return " ".join(self.words)

    def match(self, tokens: Sequence[Token], i: int) -> int:
        """How many tokens from ``i`` the entry covers (0 when it does not match there)."""
        n = len(self.words)
        if i + n > len(tokens):
            return 0
        for k, pattern in enumerate(self.words):
            if not _word_matches(pattern, tokens[i + k].low):
                return 0
        return n


def _lines(name: str) -> list[str]:
    path = resources.files(__package__).joinpath("data").joinpath(name)
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n"))
    return out


#: Words whose negator lookups are cached, at most (a run over news meets ever more words).
CACHE_WORDS = 50_000


@dataclass(frozen=True)
class _FirstWords:
    """Which entries a word can start, found by lookups rather than by trying every pattern.

    A pattern is a word, a prefix (``recogni*``) or a suffix (``*lateral``); each
    kind is a dict from the fixed part to entry numbers, so a word is looked up
    once whole and once per distinct prefix or suffix length.
    """

    exact: dict[str, list[int]]
    prefix: dict[str, list[int]]
    suffix: dict[str, list[int]]
    prefix_lengths: tuple[int, ...]
    suffix_lengths: tuple[int, ...]

    @classmethod
    def of(cls, patterns: Iterable[str]) -> _FirstWords:
        exact: dict[str, list[int]] = {}
        prefix: dict[str, list[int]] = {}
        suffix: dict[str, list[int]] = {}
        for k, p in enumerate(patterns):
            if p.endswith("*") and len(p) > 1:
                prefix.setdefault(p[:-1], []).append(k)
            elif p.startswith("*") and len(p) > 1:
                suffix.setdefault(p[1:], []).append(k)
            else:
                exact.setdefault(p, []).append(k)
        return cls(
            exact,
            prefix,
            suffix,
            tuple(sorted({len(p) for p in prefix})),
            tuple(sorted({len(p) for p in suffix})),
        )

    def matching(self, low: str) -> list[int]:
        """Entry numbers whose first pattern matches ``low`` (``_word_matches``), in order."""
        found = list(self.exact.get(low, ()))
        n = len(low)
        for length in self.prefix_lengths:
            if length > n:
                break
            found.extend(self.prefix.get(low[:length], ()))
        for length in self.suffix_lengths:
            if length > n:
                break
            found.extend(self.suffix.get(low[n - length :], ()))
        return sorted(set(found)) if len(found) > 1 else found


@dataclass(frozen=True)
class StanceLexicon:
    """The packaged word lists (see ``data/SOURCES.md``)."""

    entries: tuple[Entry, ...]
    negators: tuple[tuple[str, str], ...]
    synonyms: dict[tuple[str, ...], str]
    anaphors: frozenset[tuple[str, ...]]
    stopwords: frozenset[str]
    _first: _FirstWords = field(init=False, compare=False, repr=False)
    _neg_cache: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_first", _FirstWords.of(e.words[0] for e in self.entries))

    def candidates(self, low: str) -> tuple[Entry, ...]:
        """The entries whose first word pattern matches the word ``low``, in lexicon order."""
        return tuple(self.entries[k] for k in self._first.matching(low))

    def entry_at(self, tokens: Sequence[Token], i: int) -> tuple[Entry, int] | None:
        """The longest stance entry starting at token ``i``."""
        best: tuple[Entry, int] | None = None
        for entry in self.candidates(tokens[i].low):
            n = entry.match(tokens, i)
            if n and (best is None or n > best[1]):
                best = (entry, n)
        return best

    def negator_at(self, token: Token) -> str | None:
        """``particle`` or ``verb`` when the token negates, else None."""
        cache = self._neg_cache
        if token.low not in cache:
            if len(cache) >= CACHE_WORDS:
                cache.clear()
            cache[token.low] = next((k for p, k in self.negators if _word_matches(p, token.low)), None)
        return cache[token.low]

    def is_anaphor(self, words: Sequence[str]) -> bool:
        """Whether a target (its words) points back rather than naming something."""
        words = [w for w in words if w not in {"all", "both", "of"}]
        if not words:
            return True
        if tuple(words) in self.anaphors or (words[0],) in self.anaphors and len(words) <= 3:
            return True
        return tuple(words[:2]) in self.anaphors and len(words) <= 3


@lru_cache(maxsize=1)
def load_stance_lexicon() -> StanceLexicon:
    """The stance word lists, read once from the package data."""
    entries = []
    for line in _lines("stance_words.tsv"):
        cols = line.split("\t")
        pol = {"+": 1, "-": -1, "0": 0}[cols[1]]
        entries.append(Entry(tuple(norm(cols[0]).split()), pol, cols[2]))
    negators = tuple((c[0], c[1]) for c in (ln.split("\t") for ln in _lines("negators.tsv")))
    synonyms = {}
    for line in _lines("term_synonyms.tsv"):
        word, canonical = line.split("\t")[:2]
        synonyms[tuple(norm(word).split())] = canonical
    anaphors = frozenset(tuple(norm(ln).split()) for ln in _lines("anaphors.txt"))
    stopwords = frozenset(w for ln in _lines("issue_stopwords.txt") for w in norm(ln).split())
    return StanceLexicon(tuple(entries), negators, synonyms, anaphors, stopwords)
