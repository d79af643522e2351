"""The whole pipeline as spaCy components: the article-level stages, and swapping a stage."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from stancemap.config import Settings
from stancemap.extract.pipeline import (
    ARTICLE_STAGES,
    WARM_BATCHES,
    Extractor,
    article_stages,
    load_pipeline,
    pieces,
)
from stancemap.models import Article, Statement
from stancemap.stance.issues import parse_issues

PARAGRAPH = (
    "{country} will not ever accept the so-called referendum staged in the occupied province, "
    'its foreign minister Anna Berg{i} said on Tuesday. "It is a sham," Berg{i} told reporters.'
)
COUNTRIES = ["Ruritania", "Borduria", "Syldavia", "Freedonia"]

ISSUES = parse_issues('''
[[issue]]
id = "province-referendum"
title = "The referendum in the occupied province"
description = """The referendum staged in the occupied province.
support: recognizes it. oppose: does not recognize it or calls it a sham."""
''')

OTHER_ISSUES = parse_issues('''
[[issue]]
id = "canal-treaty"
title = "The canal treaty"
description = """The treaty on the shared canal.
support: signs or ratifies it. oppose: rejects it."""
''')


def _article(paragraphs: int) -> Article:
    body = "\n\n".join(
        PARAGRAPH.format(country=COUNTRIES[i % len(COUNTRIES)], i=i) for i in range(paragraphs)
    )
    return Article(name=f"p{paragraphs}.txt", text=body, source=f"p{paragraphs}.txt")


class NoClaims:
    """A claims stage that finds none: the statements go through as they are."""

    def __call__(self, doc: Doc) -> Doc:
        return doc


class DirectOnly:
    """An extra stage after the claims: keeps only direct quotations."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sm_statements = [s for s in doc._.sm_statements or () if s.kind == "direct"]
        return doc


@Language.factory("test_no_claims", assigns=["doc._.sm_statements"], requires=["doc._.sm_statements"])
def make_no_claims(nlp: Language, name: str) -> NoClaims:
    return NoClaims()


@Language.factory("test_direct_only", assigns=["doc._.sm_statements"], requires=["doc._.sm_statements"])
def make_direct_only(nlp: Language, name: str) -> DirectOnly:
    return DirectOnly()


@contextmanager
def replaced(nlp: Language, name: str, factory: str) -> Iterator[None]:
    """``nlp`` with its stage ``name`` replaced by one from ``factory``, restored afterwards."""
    config = dict(nlp.get_pipe_config(name))
    config.pop("factory", None)
    nlp.replace_pipe(name, factory)
    try:
        yield
    finally:
        nlp.replace_pipe(name, name, config=config)


@contextmanager
def added(nlp: Language, factory: str) -> Iterator[None]:
    """``nlp`` with a stage from ``factory`` added last, removed afterwards."""
    nlp.add_pipe(factory, last=True)
    try:
        yield
    finally:
        nlp.remove_pipe(factory)


def _run(settings: Settings, articles: list[Article], issues: Any = ISSUES) -> list[list[Statement]]:
    return [statements for _, statements in Extractor(settings, issues).run(articles)]


def test_pipe_names_tell_the_whole_story(nlp: Language) -> None:
    names = nlp.pipe_names
    ours = [n for n in names if n.startswith("stancemap_")]
    assert ours == [
        "stancemap_paragraphs",
        "stancemap_participants",
        "stancemap_attribution",
        "stancemap_stance_words",
        "stancemap_statements",
        "stancemap_claims",
    ]
    assert names.index("stancemap_paragraphs") < names.index("parser") < names.index("stancemap_attribution")
    assert names[-2:] == list(ARTICLE_STAGES) == article_stages(nlp)
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"]["stancemap_statements"] == []
    assert analysis["problems"]["stancemap_claims"] == []
    assert "doc._.sm_statements" in analysis["summary"]["stancemap_claims"]["assigns"]


def test_the_pipeline_gives_statements_and_claims_on_a_plain_text(nlp: Language) -> None:
    text = PARAGRAPH.format(country="Ruritania", i="")
    doc = nlp(text)
    statements = doc._.sm_statements
    assert [s.kind for s in statements] == ["indirect", "direct"]
    assert all(text[s.evidence.start : s.evidence.end] == s.evidence.text for s in statements)
    claim = statements[0].claims[0]
    assert (claim.polarity, claim.issue) == ("oppose", None)  # no issues on the Doc: unmatched


@pytest.mark.parametrize("limit", [20_000, 1000], ids=["one piece", "in pieces"])
def test_replacing_the_claims_stage_changes_what_the_extractor_gives(nlp: Language, limit: int) -> None:
    settings = Settings(max_doc_chars=limit)
    articles = [_article(1), _article(12)]
    assert len(pieces(articles[1].text, 1000)) > 1
    before = _run(settings, articles)
    assert all(s.claims for statements in before for s in statements)
    assert {c.issue for c in before[1][0].claims} == {"province-referendum"}
    with replaced(nlp, "stancemap_claims", "test_no_claims"):
        swapped = _run(settings, articles)
    assert [[dataclasses.replace(s, claims=()) for s in st] for st in before] == swapped
    assert _run(settings, articles) == before  # the stage put back, claims again


@pytest.mark.parametrize("limit", [20_000, 1000], ids=["one piece", "in pieces"])
def test_an_added_stage_runs_on_the_whole_article(nlp: Language, limit: int) -> None:
    settings = Settings(max_doc_chars=limit)
    articles = [_article(12)]
    before = _run(settings, articles)[0]
    with added(nlp, "test_direct_only"):
        assert "test_direct_only" in article_stages(nlp)
        after = _run(settings, articles)[0]
    assert after == [s for s in before if s.kind == "direct"]
    assert len(after) == 12 < len(before)  # one quotation per paragraph, from every piece


def test_the_runs_issues_stay_on_their_own_docs() -> None:
    articles = [_article(2), _article(3)]
    mine = Extractor(Settings(batch_size=1), ISSUES).run(articles)
    other = Extractor(Settings(batch_size=1), OTHER_ISSUES).run(articles)
    interleaved = [next(mine), next(other), next(mine), next(other)]
    for k, (_, statements) in enumerate(interleaved):
        issues = {c.issue for s in statements for c in s.claims}
        assert issues == ({"province-referendum"} if k % 2 == 0 else {None})


def test_several_processes_give_the_same_statements() -> None:
    articles = [_article(1), _article(12), _article(2)]
    one = _run(Settings(max_doc_chars=1000, n_process=1, batch_size=2), articles)
    two = _run(Settings(max_doc_chars=1000, n_process=2, batch_size=2), articles)
    assert two == one
    assert [len(st) for st in one] == [2, 24, 4]


def test_a_saved_pipeline_keeps_its_replaced_stage(nlp: Language, tmp_path: Path) -> None:
    with replaced(nlp, "stancemap_claims", "test_no_claims"):
        nlp.to_disk(tmp_path / "model")
    loaded = load_pipeline.__wrapped__(str(tmp_path / "model"))
    assert loaded.pipe_names == nlp.pipe_names  # nothing added twice
    assert isinstance(loaded.get_pipe("stancemap_claims"), NoClaims)
    assert not any(s.claims for s in loaded(PARAGRAPH.format(country="Ruritania", i=""))._.sm_statements)


def test_the_whole_article_doc_is_made_and_done_inside_its_memory_zone(nlp: Language) -> None:
    name = "Qorvantixa"  # a word no vocabulary holds, in the last paragraph only
    text = _article(24).text + f'\n\n"We reject it," Borduria\'s envoy Anna {name} said.'
    article = Article(name="zoned.txt", text=text, source="zoned.txt")
    assert len(pieces(text, 1000)) > WARM_BATCHES + 1
    split = _run(Settings(batch_size=1, max_doc_chars=1000), [article])[0]
    assert name not in nlp.vocab.strings  # the last piece and the article's Doc were in a zone
    assert any(s.speaker and name in s.speaker for s in split)
    assert split == _run(Settings(), [article])[0]
