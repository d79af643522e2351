from __future__ import annotations

from datetime import date

from stancemap.models import Article, Claim, Span, Statement, text_hash


def test_hash_ignores_spacing_line_endings_and_composition() -> None:
    a = text_hash("Caf\u00e9 said:\r\n  hello  ")
    b = text_hash("Cafe\u0301 said: hello")
    assert a == b
    assert text_hash("one text") != text_hash("another text")
    assert len(a) == 64


def test_article_id_is_text_hash() -> None:
    art = Article(name="x.txt", text="Some text.", source="x.txt")
    assert art.id == text_hash("Some text.")


def test_statement_to_spec_has_every_contract_field() -> None:
    st = Statement(
        article="a.txt",
        actor="RUS",
        actor_name="Russia",
        kind="indirect",
        evidence=Span(0, 5, "Hello"),
        date=date(2020, 4, 9),
        claims=(Claim(target="the vote", polarity="oppose", issue="vote"),),
    )
    spec = st.to_spec()
    for key in (
        "article",
        "actor",
        "actor_name",
        "body",
        "speaker",
        "speaker_title",
        "kind",
        "date",
        "channel",
        "evidence",
        "claims",
    ):
        assert key in spec
    assert spec["date"] == "2020-04-09"
    assert spec["evidence"] == {"start": 0, "end": 5, "text": "Hello"}
    assert spec["claims"] == [{"issue": "vote", "target": "the vote", "polarity": "oppose"}]
