"""The conversion of PolNeAR's BRAT annotations into the cue tagger's training data (invented text)."""

from __future__ import annotations

import re
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from training.polnear_cues import Cue, convert, cue_scores, cue_tags, read_cues, spans_of

SPEECH = re.compile(r"\b(said|told|according)\b", re.I)
TEXT = "The Ruritanian minister said the border was closed. Borduria believes the talks told nothing.\n"
# T1-T3: a speech attribution; T4-T6: a belief (cue "believes"); T7 a cue in two fragments.
ANN = "\n".join(
    [
        "T1\tSource 0 23\tThe Ruritanian minister",
        "T2\tCue 24 28\tsaid",
        "T3\tContent 29 50\tthe border was closed",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        "T4\tSource 52 60\tBorduria",
        "T5\tCue 61 69\tbelieves",
        "T6\tContent 70 91\tthe talks told nothing",
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
        "T7\tCue 0 3;24 28\tThe said",
        "T8\tSource 4 12\tRuritanian",
    ]
)


def _tags(text: str, ann: str) -> dict[str, str]:
    doc = spacy.blank("en").make_doc(text)
    return {t.text: tag for t, tag in zip(doc, cue_tags(doc, read_cues(ann, SPEECH)), strict=True)}


def test_cues_are_read_with_their_kind() -> None:
    cues = read_cues(ANN, SPEECH)
    assert cues == [Cue(((24, 28),), "said", True), Cue(((61, 69),), "believes", False)]


def test_a_cue_that_no_attribution_ties_is_not_read() -> None:
    assert all(cue.fragments != ((0, 3), (24, 28)) for cue in read_cues(ANN, SPEECH))


def test_discontinuous_cues_tag_each_fragment() -> None:
    ann = "T1\tCue 0 3;24 28\tThe said\nT2\tContent 29 50\tx\nE1\tCue:T1 Content:T2"
    tags = _tags(TEXT, ann)
    assert (tags["The"], tags["Ruritanian"], tags["said"]) == ("SPEECH", "O", "SPEECH")


def test_tokens_get_speech_other_or_o() -> None:
    tags = _tags(TEXT, ANN)
    assert tags["said"] == "SPEECH"
    assert tags["believes"] == "OTHER"
    assert tags["told"] == "O"  # a verb of saying outside any cue is not a cue
    assert tags["minister"] == "O"


def test_convert_writes_tagged_docbins_and_holds_articles_out(tmp_path: Path) -> None:
    for i in range(3):
        for sub, body in (("text", TEXT), ("attributions", ANN)):
            folder = tmp_path / "train" / sub
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"a{i}.{'txt' if sub == 'text' else 'ann'}").write_text(body, encoding="utf-8")
    counts = convert(tmp_path, tmp_path / "out", held_out=1, speech=SPEECH)
    assert counts["articles"] == 3 and counts["held_out"] == 1
    assert counts["SPEECH"] == 3 and counts["OTHER"] == 3
    nlp = spacy.blank("en")
    train = list(DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(nlp.vocab))
    held = list(DocBin().from_disk(tmp_path / "out" / "heldout.spacy").get_docs(nlp.vocab))
    assert len(train) == 2 and len(held) == 1
    assert [t.text for t in train[0] if t.tag_ == "SPEECH"] == ["said"]


def test_spans_and_scores() -> None:
    assert spans_of([False, True, True, False, True]) == {(1, 3), (4, 5)}
    gold = [[False, True, True, False, False]]
    predicted = [[False, True, False, False, True]]
    scores = cue_scores(gold, predicted)
    assert scores["tokens"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert scores["spans"] == {"p": 0.5, "r": 1.0, "f1": 0.667}
