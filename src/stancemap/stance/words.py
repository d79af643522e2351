"""The words of an article as the stance stage reads them: spaCy's tokens, lemmas and parse.

The stance stage runs after the statements are built, on the article's text, but the parse it
needs was made earlier, inside the spaCy pipeline. So a component, ``stancemap_stance_words``
(added after the parser by ``extract.pipeline.load_pipeline``), records each token's offsets,
lemma, part of speech, dependency label and head as plain data in ``doc._.sm_words``: with
``n_process > 1`` Docs cross process boundaries, and a long article is parsed in pieces, so the
rows are shifted into the article's offsets (:func:`shifted_rows`) before :func:`words_of` turns
them into :class:`Word` objects.

A hyphenated word ("so-called", "pro-Borduria") is one :class:`Word`, as the stance word lists
write it; its head and label are those of the part that attaches outside it.

Text that was never parsed (an issue's title and description, a target's words to match) is cut
by the tokenizer of a blank English pipeline (:func:`plain_words`): the same rules as the
model's, with no parse.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .normal import norm

__all__ = [
    "ROWS_EXTENSION",
    "ParsedText",
    "Row",
    "Word",
    "plain_words",
    "shifted_rows",
    "word_rows",
    "words_of",
]

#: The Doc extension that holds the rows of :func:`word_rows`.
ROWS_EXTENSION = "sm_words"

#: One word as plain data: start, end (characters), lemma, pos, tag, dep, head (word index).
Row = tuple[int, int, str, str, str, str, int]


@dataclass(frozen=True, slots=True)
class Word:
    """A word or punctuation mark of an article: ``text == article.text[start:end]``.

    ``low`` is its normal form (lower-cased, accents folded), ``lemma`` spaCy's lemma (lower-cased),
    ``pos``/``tag``/``dep`` spaCy's labels, and ``head`` the index of its syntactic head in the same
    word list (its own index for a root, and for text that was not parsed).
    """

    i: int
    start: int
    end: int
    text: str
    low: str
    lemma: str
    pos: str = ""
    tag: str = ""
    dep: str = ""
    head: int = -1

    @property
    def is_word(self) -> bool:
        return self.low[:1].isalnum()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def _groups(text: str, starts: Sequence[int], ends: Sequence[int]) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the words: single tokens, and ``word-word`` joined at hyphens
    (a hyphen token touching an alphanumeric character on both sides)."""
    out: list[tuple[int, int]] = []
    n = len(starts)
    i = 0
    while i < n:
        j = i + 1
        while (
            j + 1 < n
            and ends[j] - starts[j] == 1
            and text[starts[j]] == "-"
            and ends[j - 1] == starts[j]
            and ends[j] == starts[j + 1]
            and text[starts[j] - 1].isalnum()
            and text[ends[j]].isalnum()
        ):
            j += 2
        out.append((i, j))
        i = j
    return out


def word_rows(doc: Doc) -> list[Row]:
    """The words of a parsed Doc as plain rows (offsets within the Doc's text).

    Read through ``Doc.to_array`` rather than token by token: this runs on every text parsed.
    """
    cols = doc.to_array(["IDX", "LENGTH", "HEAD", "IS_SPACE", "LEMMA", "POS", "TAG", "DEP"]).tolist()
    text = doc.text
    strings = doc.vocab.strings
    names: dict[int, str] = {}

    def name(key: int) -> str:
        found = names.get(key)
        if found is None:
            found = names[key] = strings[key]
        return found

    starts = [c[0] for c in cols]
    ends = [c[0] + c[1] for c in cols]
    # HEAD is the offset to the head, signed, but the array is unsigned: it wraps around
    heads = [k + (c[2] - (1 << 64) if c[2] >= 1 << 63 else c[2]) for k, c in enumerate(cols)]
    groups = [g for g in _groups(text, starts, ends) if not cols[g[0]][3]]
    word_of = [-1] * len(cols)
    for k, (a, b) in enumerate(groups):
        for t in range(a, b):
            word_of[t] = k
    rows: list[Row] = []
    for k, (a, b) in enumerate(groups):
        root = a
        if b - a > 1:
            root = next((t for t in range(a, b) if not a <= heads[t] < b), a)
        start, end = starts[a], ends[b - 1]
        c = cols[root]
        lemma = name(c[4]).lower() if b - a == 1 else text[start:end].lower()
        head = word_of[heads[root]]
        rows.append((start, end, lemma, name(c[5]), name(c[6]), name(c[7]), k if head < 0 else head))
    return rows


def shifted_rows(rows: Iterable[Sequence[Any]], chars: int, words: int) -> list[Row]:
    """Rows of a piece of an article, in the article's offsets: the piece starts at character
    ``chars`` and after ``words`` words of the pieces before it."""
    if not chars and not words and isinstance(rows, list):
        return rows  # the first piece (most articles are one): already in place
    return [
        (int(s) + chars, int(e) + chars, str(lem), str(pos), str(tag), str(dep), int(h) + words)
        for s, e, lem, pos, tag, dep, h in rows
    ]


def words_of(rows: Sequence[Row], text: str) -> list[Word]:
    """The :class:`Word` objects of rows whose offsets are into ``text``."""
    return ParsedText(rows, text).within(0, len(text))


class ParsedText:
    """An article's words, made into :class:`Word` objects only where the stance stage reads
    (the windows around statements are a small part of an article)."""

    def __init__(self, rows: Sequence[Row], text: str) -> None:
        self.rows = rows
        self.text = text
        self.starts = [r[0] for r in rows]
        self._made: dict[int, Word] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def word(self, k: int) -> Word:
        """The ``k``-th word of the text."""
        found = self._made.get(k)
        if found is None:
            s, e, lem, pos, tag, dep, h = self.rows[k]
            text = self.text[s:e]
            found = self._made[k] = Word(k, s, e, text, norm(text), lem, pos, tag, dep, h)
        return found

    def _root(self, k: int) -> int:
        rows = self.rows
        for _ in range(len(rows)):
            head = rows[k][6]
            if head == k:
                break
            k = head
        return k

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The characters of the parsed sentences that ``text[start:end]`` lies in.

        A sentence is the words under one root of the dependency parse: abbreviations
        ("U.S.", "Gen.") and quotation marks do not cut it, as a pattern on full stops would.
        """
        rows = self.rows
        if not rows:
            return start, end
        lo = max(0, min(bisect_left(self.starts, start), len(rows) - 1))
        hi = max(lo, min(bisect_left(self.starts, end) - 1, len(rows) - 1))
        first, last = self._root(lo), self._root(hi)
        while lo > 0 and self._root(lo - 1) == first:
            lo -= 1
        while hi + 1 < len(rows) and self._root(hi + 1) == last:
            hi += 1
        return min(rows[lo][0], start), max(rows[hi][1], end)

    def within(self, start: int, end: int) -> list[Word]:
        """The words that lie wholly within ``text[start:end]``, in order."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end, lo)
        while hi > lo and self.rows[hi - 1][1] > end:
            hi -= 1
        return [self.word(k) for k in range(lo, hi)]


@lru_cache(maxsize=1)
def _blank() -> Language:
    import spacy

    return spacy.blank("en")


def plain_words(text: str, offset: int = 0) -> list[Word]:
    """The words of a text that was not parsed (no lemma beyond the normal form, no parse)."""
    doc = _blank().make_doc(text)
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t) for t in doc]
    out: list[Word] = []
    for a, b in _groups(text, starts, ends):
        s, e = starts[a], ends[b - 1]
        word = text[s:e]
        if word.isspace():
            continue
        low = norm(word)
        out.append(Word(len(out), s + offset, e + offset, word, low, low, head=len(out)))
    return out


class StanceWordsComponent:
    """Stores :func:`word_rows` in ``doc._.sm_words``."""

    def __init__(self) -> None:
        if not Doc.has_extension(ROWS_EXTENSION):
            Doc.set_extension(ROWS_EXTENSION, default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.sm_words = word_rows(doc)
        return doc


@Language.factory(
    "stancemap_stance_words",
    assigns=[f"doc._.{ROWS_EXTENSION}"],
    requires=["token.dep", "token.head", "token.lemma", "token.pos"],
)
def make_stance_words(nlp: Language, name: str) -> StanceWordsComponent:
    return StanceWordsComponent()
