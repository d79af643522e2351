"""The article-level stages as spaCy components: statements, then claims.

The per-piece components (``stancemap_paragraphs``, ``stancemap_participants``,
``stancemap_attribution``, ``stancemap_stance_words``) read a parse and store what they find
as plain data on the Doc. The two stages here read only that data, never the parse, because
they run once per *article*, on a Doc of the whole article, after every piece of a long
article has been parsed (see :mod:`.pipeline`):

- ``stancemap_statements`` builds the article's statements (:func:`.statements.build_statements`,
  with its model of who is who, :class:`.speakers.Discourse`) and stores them in
  ``doc._.sm_statements``;
- ``stancemap_claims`` fills each statement's claims toward the run's issues
  (:func:`stance.claims.attach_claims`) from the parsed words in ``doc._.sm_words``.

Everything they read is on the Doc, never on the component, which the cached pipeline shares
between runs: the article (``doc._.sm_article``; a Doc without one stands for an article of
its own text), the spans of boilerplate to skip (``doc._.sm_boilerplate``), the facts the
per-piece components gathered (``doc._.sm_attributions``, ``sm_people``, ``sm_roles``,
``sm_orgs``, ``sm_words``, in the article's offsets) and the run's issues (``doc._.sm_issues``,
a tuple of :class:`Issue`). So ``nlp("…")._.sm_statements`` works on a text, and a stage
replaced with ``nlp.replace_pipe`` is the one the extractor runs.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Article
from ..resolve import load_gazetteer
from ..stance.claims import attach_claims
from ..stance.words import ParsedText
from .attribution import Attribution
from .discourse import PersonMention, RoleMention
from .lexicon import load_lexicon
from .speakers import Discourse
from .statements import build_statements

__all__ = ["ARTICLE_EXTENSIONS", "ClaimsComponent", "StatementsComponent", "article_of", "ensure_extensions"]

#: The Doc extensions the article-level stages read or write, with their defaults.
ARTICLE_EXTENSIONS: dict[str, Any] = {
    "sm_article": None,
    "sm_boilerplate": (),
    "sm_issues": (),
    "sm_statements": None,
}
_FACTS = ("sm_attributions", "sm_people", "sm_roles", "sm_orgs", "sm_words")


def ensure_extensions() -> None:
    """Register the Doc extensions of the article-level stages and the facts they read (once)."""
    for name, default in (*ARTICLE_EXTENSIONS.items(), *((f, None) for f in _FACTS)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def article_of(doc: Doc) -> Article:
    """The article ``doc`` stands for: ``doc._.sm_article``, else one made of the Doc's text."""
    article = doc._.sm_article
    return article if article is not None else Article(name="doc", text=doc.text, source="<doc>")


class StatementsComponent:
    """Builds the statements of the article in ``doc._.sm_statements`` from the gathered facts."""

    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        # the gazetteer and the lexicon are cached per process, not held here: a component with
        # them would carry them wherever the pipeline is copied
        gaz, lex = load_gazetteer(), load_lexicon()
        article = article_of(doc)
        attributions = [Attribution.from_dict(d) for d in doc._.sm_attributions or ()]
        people = [PersonMention.from_dict(d) for d in doc._.sm_people or ()]
        roles = [RoleMention.from_dict(d) for d in doc._.sm_roles or ()]
        orgs = [(int(a), int(b)) for a, b in doc._.sm_orgs or ()]
        discourse = Discourse(article, people, roles, gaz, lex, orgs=orgs)
        skip = list(doc._.sm_boilerplate)
        doc._.sm_statements = build_statements(article, attributions, gaz, lex, skip, discourse)
        return doc


class ClaimsComponent:
    """Fills the claims of the statements in ``doc._.sm_statements`` toward ``doc._.sm_issues``.

    With no issues every claim is unmatched: still worth keeping, since their targets are what
    ``issues suggest`` proposes new issues from.
    """

    def __init__(self, use_gazetteer: bool = True) -> None:
        ensure_extensions()
        self.use_gazetteer = use_gazetteer

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        parsed = ParsedText(doc._.sm_words or [], article.text)
        statements = doc._.sm_statements or []
        doc._.sm_statements = attach_claims(article, statements, doc._.sm_issues, parsed, self.use_gazetteer)
        return doc


@Language.factory(
    "stancemap_statements",
    assigns=["doc._.sm_statements"],
    requires=[
        "doc._.sm_attributions",
        "doc._.sm_people",
        "doc._.sm_roles",
        "doc._.sm_orgs",
    ],
)
def make_statements(nlp: Language, name: str) -> StatementsComponent:
    return StatementsComponent()


@Language.factory(
    "stancemap_claims",
    assigns=["doc._.sm_statements"],
    requires=["doc._.sm_statements", "doc._.sm_words"],
    default_config={"use_gazetteer": True},
)
def make_claims(nlp: Language, name: str, use_gazetteer: bool) -> ClaimsComponent:
    return ClaimsComponent(use_gazetteer)
