"""Train a cue tagger on PolNeAR train: convert the annotations, train with ``spacy train``, score it.

usage:
  python training/polnear_cues.py convert POLNEAR_DIR OUTDIR [--held-out N]
  python training/polnear_cues.py train OUTDIR [--max-steps N]
  python training/polnear_cues.py score MODEL POLNEAR_DIR [--split dev] [--rules PRED.jsonl]
  python training/polnear_cues.py cost MODEL [--repeat N]

``convert`` reads ``POLNEAR_DIR/train/{text,attributions}`` (BRAT standoff, as in
``../shared/polnear``) and writes ``OUTDIR/train.spacy`` and ``OUTDIR/heldout.spacy``
(the last ``--held-out`` articles by name, for ``spacy train``'s model choice; PolNeAR dev
stays unseen). Each token gets one tag: ``SPEECH`` when it lies in the cue of a speech
attribution, ``OTHER`` in the cue of any other attribution, ``O`` elsewhere. Which cue is
speech is decided by the PolNeAR scorer's own test (``SPEECH`` in
``../shared/tools/polnear_score.py``, loaded at build time), so the tagger learns what the
benchmark counts. The DocBins hold the words and tags only; they are build output, never
committed, and nothing of PolNeAR is copied into the project.

``train`` runs ``spacy train training/cue_tagger.cfg`` on them (one process, CPU) and
writes the best model to ``OUTDIR/model-best``.

``cost`` times the tagger on the VOA demo corpus beside a bare parse with the default spaCy
model (``nlp.pipe``, one process), both in this process: the tagger's share is what running
it in ``extract`` would add.

``score`` tags a PolNeAR split with the model and prints token and span precision, recall
and F1 of its SPEECH cues against the gold speech cues; with ``--rules`` it also scores the
``cue`` spans of an extract output (``benchmarks/polnear.py --keep``) on the same scale.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "polnear_score.py"
CONFIG = Path(__file__).resolve().parent / "cue_tagger.cfg"
TAGS = ("O", "SPEECH", "OTHER")


@dataclass(frozen=True)
class Cue:
    """One attribution's cue: its character fragments (a cue may be discontinuous) and kind."""

    fragments: tuple[tuple[int, int], ...]
    text: str
    speech: bool


def speech_test(scorer: Path = SCORER) -> re.Pattern[str]:
    """The PolNeAR scorer's test of a speech cue, read from the scorer at build time."""
    spec = importlib.util.spec_from_file_location("polnear_score", scorer)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no PolNeAR scorer at {scorer}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pattern: re.Pattern[str] = module.SPEECH
    return pattern


def read_cues(ann: str, speech: re.Pattern[str]) -> list[Cue]:
    """The cues of a BRAT ``.ann`` text: the ``Cue`` spans that an ``E`` line ties into an attribution.

    A ``T`` line is ``T7<TAB>Cue 10 14;20 25<TAB>text``: its fragments are the
    ``;``-separated offset pairs.
    """
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    cue_ids: list[str] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            label, _, offsets = parts[1].partition(" ")
            pairs = (piece.split() for piece in offsets.split(";"))
            spans[parts[0]] = (label, tuple((int(a), int(b)) for a, b in pairs), parts[2])
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles = dict(p.split(":", 1) for p in parts[1].split() if ":" in p)
            if "Cue" in roles and "Content" in roles:
                cue_ids.append(roles["Cue"])
    cues = []
    for cue_id in dict.fromkeys(cue_ids):  # one cue may serve several attributions
        if cue_id in spans:
            _, fragments, text = spans[cue_id]
            cues.append(Cue(fragments, text, bool(speech.search(text))))
    return cues


def cue_tags(doc: Doc, cues: Iterable[Cue]) -> list[str]:
    """One tag per token: SPEECH or OTHER inside a cue fragment (SPEECH wins), O elsewhere."""
    tags = ["O"] * len(doc)
    for cue in cues:
        for start, end in cue.fragments:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if token.is_space:
                    continue
                if cue.speech or tags[token.i] == "O":
                    tags[token.i] = "SPEECH" if cue.speech else "OTHER"
    return tags


def articles(polnear: Path, split: str) -> Iterator[tuple[str, str, str]]:
    """``(name, text, ann)`` for each article of a PolNeAR split, by name."""
    folder = polnear / split / "attributions"
    for ann in sorted(folder.glob("*.ann")):
        text = polnear / split / "text" / f"{ann.stem}.txt"
        if text.exists():
            yield ann.stem, text.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8")


def tagged_doc(nlp: Language, text: str, ann: str, speech: re.Pattern[str]) -> Doc:
    """The article tokenized, with its cue tags as ``token.tag_`` (the tagger's training target)."""
    doc = nlp.make_doc(text)
    for token, tag in zip(doc, cue_tags(doc, read_cues(ann, speech)), strict=True):
        token.tag_ = tag
    return doc


def convert(polnear: Path, out: Path, held_out: int, speech: re.Pattern[str] | None = None) -> dict[str, int]:
    """Write ``train.spacy`` and ``heldout.spacy`` from PolNeAR train; returns counts.

    ``speech`` tells a speech cue by its text; by default the PolNeAR scorer's own test.
    """
    speech = speech or speech_test()
    nlp = spacy.blank("en")
    docs = [tagged_doc(nlp, text, ann, speech) for _, text, ann in articles(polnear, "train")]
    out.mkdir(parents=True, exist_ok=True)
    cut = len(docs) - held_out
    DocBin(attrs=["TAG"], docs=docs[:cut]).to_disk(out / "train.spacy")
    DocBin(attrs=["TAG"], docs=docs[cut:]).to_disk(out / "heldout.spacy")
    counts = {"articles": len(docs), "held_out": len(docs) - cut, "tokens": sum(len(d) for d in docs)}
    for tag in TAGS[1:]:
        counts[tag] = sum(t.tag_ == tag for d in docs for t in d)
    return counts


def train(out: Path, max_steps: int | None) -> float:
    """Run ``spacy train`` on the converted data; returns its wall time in seconds."""
    cmd = [
        sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(out),
        "--paths.train", str(out / "train.spacy"), "--paths.dev", str(out / "heldout.spacy"),
    ]  # fmt: skip
    if max_steps is not None:
        cmd += ["--training.max_steps", str(max_steps)]
    started = time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - started


def spans_of(flags: list[bool]) -> set[tuple[int, int]]:
    """The runs of consecutive flagged tokens, as ``(first, last + 1)`` token spans."""
    runs, start = set(), None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.add((start, i))
            start = None
    return runs


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def cue_scores(gold: list[list[bool]], predicted: list[list[bool]]) -> dict[str, dict[str, float]]:
    """Token P/R/F1, and span P/R/F1 where a span counts when it overlaps a gold span."""
    tp = sum(g and p for gs, ps in zip(gold, predicted, strict=True) for g, p in zip(gs, ps, strict=True))
    tokens = prf(tp, sum(map(sum, predicted)), sum(map(sum, gold)))
    hit_p = n_p = hit_g = n_g = 0
    for gs, ps in zip(gold, predicted, strict=True):
        g_spans, p_spans = spans_of(gs), spans_of(ps)
        n_p, n_g = n_p + len(p_spans), n_g + len(g_spans)
        hit_p += sum(any(a < d and c < b for c, d in g_spans) for a, b in p_spans)
        hit_g += sum(any(a < d and c < b for c, d in p_spans) for a, b in g_spans)
    p = hit_p / n_p if n_p else 0.0
    r = hit_g / n_g if n_g else 0.0
    span = {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return {"tokens": tokens, "spans": span}


def rule_cues(path: Path) -> dict[str, list[tuple[int, int]]]:
    """The ``cue`` character spans of an extract output, by article name."""
    found: dict[str, list[tuple[int, int]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        cue = row.get("cue")
        if row.get("kind") != "summary" and cue:
            found.setdefault(row["article"].removesuffix(".txt"), []).append((cue["start"], cue["end"]))
    return found


def score(model: Path, polnear: Path, split: str, rules: Path | None) -> dict[str, object]:
    """Score the tagger's SPEECH cues (and optionally the rules' cues) on a PolNeAR split."""
    speech = speech_test()
    nlp = spacy.load(model)
    ruled = rule_cues(rules) if rules is not None else {}
    gold, by_model, by_rules = [], [], []
    words = 0
    started = time.perf_counter()
    for name, text, ann in articles(polnear, split):
        doc = nlp(text)
        words += len(doc)
        gold.append([t == "SPEECH" for t in cue_tags(doc, read_cues(ann, speech))])
        by_model.append([t.tag_ == "SPEECH" for t in doc])
        flags = [False] * len(doc)
        for start, end in ruled.get(name, []):
            for token in doc.char_span(start, end, alignment_mode="expand") or []:
                flags[token.i] = not token.is_space
        by_rules.append(flags)
    seconds = time.perf_counter() - started
    result: dict[str, object] = {
        "model": cue_scores(gold, by_model),
        "words_per_second": round(words / seconds),
    }
    if rules is not None:
        result["rules"] = cue_scores(gold, by_rules)
        either = [
            [a or b for a, b in zip(m, r, strict=True)] for m, r in zip(by_model, by_rules, strict=True)
        ]
        result["either"] = cue_scores(gold, either)
    return result


def cost(model: Path, repeat: int) -> dict[str, float]:
    """Seconds of a bare parse of the demo corpus and of the tagger over the same texts."""
    from stancemap.config import Settings  # deferred: only the cost measurement needs stancemap

    corpus = ROOT / "src" / "stancemap" / "demo" / "voa_stories.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()] * repeat
    parse = spacy.load(Settings().model)
    tagger_nlp = spacy.load(model)
    tagger: Any = tagger_nlp.get_pipe("cue_tagger")
    started = time.perf_counter()
    words = sum(len(doc) for doc in parse.pipe(texts, batch_size=32))
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        tagger.model.predict([tagger_nlp.make_doc(text)])
    tagged = time.perf_counter() - started
    return {
        "words": words,
        "parse_seconds": round(parsed, 2),
        "tagger_seconds": round(tagged, 2),
        "tagger_share_of_parse": round(tagged / parsed, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert")
    c.add_argument("polnear", type=Path)
    c.add_argument("out", type=Path)
    c.add_argument("--held-out", type=int, default=40)
    t = sub.add_parser("train")
    t.add_argument("out", type=Path)
    t.add_argument("--max-steps", type=int, default=None)
    s = sub.add_parser("score")
    s.add_argument("model", type=Path)
    s.add_argument("polnear", type=Path)
    s.add_argument("--split", default="dev")
    s.add_argument("--rules", type=Path, default=None)
    k = sub.add_parser("cost")
    k.add_argument("model", type=Path)
    k.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "cost":
        print(json.dumps(cost(args.model, args.repeat)))
    elif args.command == "convert":
        print(json.dumps(convert(args.polnear, args.out, args.held_out)))
    elif args.command == "train":
        print(f"spacy train: {train(args.out, args.max_steps):.0f} s")
    else:
        print(json.dumps(score(args.model, args.polnear, args.split, args.rules), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
