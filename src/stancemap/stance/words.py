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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import norm

__all__ = ["ROWS_EXTENSION", "Row", "Word", "plain_words", "shifted_rows", "word_rows", "words_of"]

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


def _groups(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the words: single tokens, and ``word-word`` joined at hyphens."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    i = 0
    while i < n:
        j = i + 1
        while (
            j + 1 < n
            and doc[j].text == "-"
            and not doc[j - 1].whitespace_
            and not doc[j].whitespace_
            and doc[j - 1].text[-1:].isalnum()
            and doc[j + 1].text[:1].isalnum()
        ):
            j += 2
        out.append((i, j))
        i = j
    return out


def word_rows(doc: Doc) -> list[Row]:
    """The words of a parsed Doc as plain rows (offsets within the Doc's text)."""
    groups = [g for g in _groups(doc) if not doc[g[0]].is_space]
    word_of = [-1] * len(doc)
    for k, (a, b) in enumerate(groups):
        for t in range(a, b):
            word_of[t] = k
    rows: list[Row] = []
    for k, (a, b) in enumerate(groups):
        root = doc[a]
        if b - a > 1:
            root = next((doc[t] for t in range(a, b) if not a <= doc[t].head.i < b), doc[a])
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        lemma = root.lemma_.lower() if b - a == 1 else doc.text[start:end].lower()
        head = word_of[root.head.i]
        rows.append((start, end, lemma, root.pos_, root.tag_, root.dep_, k if head < 0 else head))
    return rows


def shifted_rows(rows: Iterable[Sequence[Any]], chars: int, words: int) -> list[Row]:
    """Rows of a piece of an article, in the article's offsets: the piece starts at character
    ``chars`` and after ``words`` words of the pieces before it."""
    return [
        (int(s) + chars, int(e) + chars, str(lem), str(pos), str(tag), str(dep), int(h) + words)
        for s, e, lem, pos, tag, dep, h in rows
    ]


def words_of(rows: Iterable[Sequence[Any]], text: str) -> list[Word]:
    """The :class:`Word` objects of rows whose offsets are into ``text``."""
    out: list[Word] = []
    for k, (s, e, lem, pos, tag, dep, h) in enumerate(rows):
        word = text[s:e]
        out.append(Word(k, s, e, word, norm(word), str(lem), str(pos), str(tag), str(dep), int(h)))
    return out


@lru_cache(maxsize=1)
def _blank() -> Language:
    import spacy

    return spacy.blank("en")


def plain_words(text: str, offset: int = 0) -> list[Word]:
    """The words of a text that was not parsed (no lemma beyond the normal form, no parse)."""
    doc = _blank().make_doc(text)
    out: list[Word] = []
    for a, b in _groups(doc):
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
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
