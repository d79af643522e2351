"""The stance stage's words: the parse recorded as plain rows, shifted into article offsets."""

from __future__ import annotations

import pickle

from stancemap.config import Settings
from stancemap.extract.pipeline import load_pipeline
from stancemap.stance.words import plain_words, shifted_rows, words_of

from .conftest import parsed

TEXT = "Borduria does not endorse the self-styled council in Ruritania."


def test_the_component_runs_in_the_pipeline_after_the_parser() -> None:
    names = load_pipeline(Settings().model).pipe_names
    assert "stancemap_stance_words" in names
    assert names.index("stancemap_stance_words") > names.index("parser")


def test_words_carry_offsets_lemmas_and_the_parse() -> None:
    words = parsed(TEXT)
    assert all(TEXT[w.start : w.end] == w.text for w in words)
    by_text = {w.text: w for w in words}
    endorse = by_text["endorse"]
    assert by_text["not"].dep == "neg"
    assert words[by_text["not"].head] is endorse
    assert words[by_text["Borduria"].head] is endorse and by_text["Borduria"].dep == "nsubj"
    assert by_text["does"].lemma == "do"
    # a hyphenated word is one word, attached where its head part attaches
    assert by_text["self-styled"].low == "self-styled"
    assert words[by_text["self-styled"].head].text == "council"


def test_rows_are_plain_data_and_shift_into_the_article() -> None:
    doc = load_pipeline(Settings().model)(TEXT)
    rows = pickle.loads(pickle.dumps(doc._.sm_words))  # they cross process boundaries
    article = "Header.\n" + TEXT
    words = words_of(shifted_rows(rows, 8, 2), article)
    assert [w.text for w in words] == [w.text for w in parsed(TEXT)]
    assert all(article[w.start : w.end] == w.text for w in words)
    assert [w.head - 2 for w in words] == [w.head for w in parsed(TEXT)]


def test_plain_words_cut_text_that_was_not_parsed() -> None:
    words = plain_words("Borduria's self-styled envoy didn't come.", offset=10)
    assert [w.low for w in words] == ["borduria", "'s", "self-styled", "envoy", "did", "n't", "come", "."]
    assert words[0].start == 10 and all(w.head == w.i for w in words)


def test_claims_are_the_same_when_an_article_is_parsed_in_pieces() -> None:
    from stancemap.extract.pipeline import Extractor, pieces
    from stancemap.models import Article

    paragraph = "{0} will never recognize the self-styled council in the occupied province, its envoy said."
    text = "\n\n".join(paragraph.format(c) for c in ["Borduria", "Freedonia", "Syldavia"] * 4)
    article = Article(name="long.txt", text=text, source="long.txt")
    assert len(pieces(text, 1000)) > 1

    def claims(settings: Settings) -> list[tuple[int, str, str]]:
        statements = Extractor(settings).extract(article)
        return [(s.evidence.start, c.target, c.polarity) for s in statements for c in s.claims]

    whole = claims(Settings())
    assert len(whole) >= 12 and all(p == "oppose" for _, _, p in whole)
    assert claims(Settings(max_doc_chars=1000)) == whole


def test_a_sentence_is_one_tree_of_the_parse_not_a_run_up_to_a_full_stop() -> None:
    from .conftest import parsed_text

    text = 'Chile met Peru. Lima said it would accept a U.S. offer for "a short truce." Talks end today.'
    words = parsed_text(text)
    quote = text.index('"a short')
    start, end = words.sentence(quote, quote + 5)
    assert text[start:end].startswith("Lima said it would accept a U.S. offer")
    assert text[start:end].rstrip('".').endswith("a short truce")
