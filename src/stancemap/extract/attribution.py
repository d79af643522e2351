"""Find attributions in a parsed Doc: who (source), the verb (cue) and what (content).

Three passes over one Doc:

1. quotations (``quotes.find_quotes``) of a few words or more, each tied to the
   nearest verb of saying outside it in the same or the preceding sentence; a
   quotation with no verb of its own *follows* the previous speaker or a heading;
2. reported speech: a cue verb outside any quotation, with a subject and a content
   clause (``ccomp``), or for position verbs (condemn, recognize) its object;
3. ``according to X``.

The records hold character offsets only, so they outlive the Doc and can cross
process boundaries; turning them into statements (actors, dates, channels) is
the job of ``extract.statements``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .quotes import Quote, find_quotes

__all__ = ["Attribution", "find_attributions"]

Chars = tuple[int, int]

#: A quotation shorter than this many words is a scare quote or a title, not a statement.
MIN_QUOTE_WORDS = 4
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CONTENT_DEPS = {"ccomp", "parataxis"}
_OBJECT_DEPS = {"dobj", "xcomp", "prep", "attr", "oprd", "advcl", "ccomp"}


@dataclass(frozen=True)
class Attribution:
    """One attribution found in a Doc, in character offsets of its text."""

    kind: str
    content: Chars
    cue: Chars | None = None
    source: Chars | None = None
    #: PERSON entities inside the source.
    persons: tuple[Chars, ...] = ()
    #: The sentence(s) around cue and source, where date and channel are sought.
    context: Chars | None = None
    #: No verb of its own: it continues the previous speaker (or a heading).
    follows: bool = False
    #: The cue is a verb of position-taking (condemn, support) rather than of saying.
    position: bool = False
    #: For a pronoun source (``she said``): the latest PERSON entity before it.
    antecedent: Chars | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain data that survives msgpack (spaCy's multiprocessing serializes Docs)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        def pair(v: Any) -> Chars | None:
            return None if v is None else (int(v[0]), int(v[1]))

        return cls(
            kind=data["kind"],
            content=(int(data["content"][0]), int(data["content"][1])),
            cue=pair(data["cue"]),
            source=pair(data["source"]),
            persons=tuple((int(p[0]), int(p[1])) for p in data["persons"]),
            context=pair(data["context"]),
            follows=bool(data["follows"]),
            position=bool(data["position"]),
            antecedent=pair(data.get("antecedent")),
            extra=dict(data.get("extra") or {}),
        )


def _chars(span: Span | Iterable[Token]) -> Chars:
    toks = list(span)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it is coordinated with."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                return child
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


def _source_tokens(subject: Token) -> list[Token]:
    """The subject's phrase, without a trailing relative clause or punctuation."""
    toks = [t for t in subject.subtree]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    return toks


class _QuoteIndex:
    """Answers 'is this character inside a quotation?' in log time."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def containing(self, pos: int) -> Quote | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None


def _persons(doc: Doc, lo: int, hi: int) -> tuple[Chars, ...]:
    return tuple(
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ == "PERSON" and lo <= e.start_char and e.end_char <= hi
    )


def _is_cue(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" and lex.is_cue(tok.lemma_)


def _content_of(verb: Token, lex: Lexicon, subject: Token | None) -> tuple[list[Token], bool]:
    """The content clause of a cue verb, and whether it came from position-taking."""
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS:
            return list(child.subtree), False
    if lex.cue_class(verb.lemma_) == "position":
        skip = set(subject.subtree) if subject is not None else set()
        toks = [t for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i > verb.i for t in c.subtree]
        toks = [t for t in toks if t not in skip]
        if len(toks) >= 2:
            return sorted(toks, key=lambda t: t.i), True
    return [], False


def _attribution_for(
    verb: Token, lex: Lexicon, doc: Doc, content: Chars, kind: str, index: _QuoteIndex
) -> Attribution:
    subject = _subject(verb)
    source = persons = None
    if subject is not None:
        toks = _source_tokens(subject)
        # a mis-parse can pull a quotation into the subject: keep what follows it
        quoted = [n for n, t in enumerate(toks) if index.containing(t.idx) is not None]
        if quoted:
            toks = toks[quoted[-1] + 1 :]
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks.pop(0)
        if toks:
            source = _chars(toks)
            persons = _persons(doc, *source)
    sent = verb.sent
    return Attribution(
        kind=kind,
        content=content,
        cue=_chars([verb]),
        source=source,
        persons=persons or (),
        context=(sent.start_char, sent.end_char),
        position=lex.cue_class(verb.lemma_) == "position",
        antecedent=_antecedent(doc, subject) if subject is not None and subject.tag_ == "PRP" else None,
    )


def _antecedent(doc: Doc, pronoun: Token) -> Chars | None:
    """The latest PERSON entity before a personal pronoun: the reader's first guess at its referent."""
    if pronoun.lower_ in ("it", "we", "they", "i", "you"):
        return None
    best = None
    for ent in doc.ents:
        if ent.end_char > pronoun.idx:
            break
        if ent.label_ == "PERSON":
            best = (ent.start_char, ent.end_char)
    return best


def _cue_near(quote: Quote, doc: Doc, lex: Lexicon, index: _QuoteIndex) -> Token | None:
    """The verb of saying that introduces ``quote``: outside it, in its sentences or just before."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sents = [span[0].sent] + ([span[-1].sent] if span[-1].sent != span[0].sent else [])
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if not _is_cue(tok, lex) or index.containing(tok.idx) is not None or _subject(tok) is None:
                continue
            dist = quote.start - tok.idx if tok.idx < quote.start else tok.idx - quote.end
            if best is None or dist < best[0]:
                best = (dist, tok)
    if best is not None:
        return best[1]
    # ``X said:`` on the sentence before, ending with a colon
    first = sents[0]
    if first.start > 0:
        prev = doc[first.start - 1].sent
        tail = [t for t in prev if not t.is_space]
        if tail and tail[-1].text == ":":
            for tok in prev:
                if _is_cue(tok, lex) and index.containing(tok.idx) is None and _subject(tok) is not None:
                    return tok
    return None


def find_attributions(doc: Doc, lex: Lexicon) -> list[Attribution]:
    """Every attribution in ``doc``, in text order."""
    text = doc.text
    quotes = [q for q in find_quotes(text) if q.words(text) >= MIN_QUOTE_WORDS]
    index = _QuoteIndex(quotes)
    out: list[Attribution] = []
    used_cues: set[int] = set()
    for quote in quotes:
        verb = _cue_near(quote, doc, lex, index)
        if verb is None:
            out.append(Attribution(kind="direct", content=(quote.start, quote.end), follows=True))
            continue
        used_cues.add(verb.i)
        out.append(_attribution_for(verb, lex, doc, (quote.start, quote.end), "direct", index))
    for tok in doc:
        if tok.i in used_cues or not _is_cue(tok, lex) or index.containing(tok.idx) is not None:
            continue
        subject = _subject(tok)
        if subject is None or subject.tag_ in ("WDT", "WP"):
            continue  # no subject, or a relative pronoun (resolutions that demand ...)
        content, _ = _content_of(tok, lex, subject)
        if not content:
            continue
        span = _chars(content)
        inside = sum(1 for t in content if index.containing(t.idx) is not None)
        if inside * 2 > len(content):
            continue  # the content is a quotation, already attributed above
        out.append(_attribution_for(tok, lex, doc, span, "indirect", index))
    out.extend(_according_to(doc, index))
    out = [a for a in out if not _nested(a, out)]
    out.sort(key=lambda a: a.content)
    return out


def _nested(a: Attribution, others: list[Attribution]) -> bool:
    """True when ``a`` is reported inside another's content (``X said Y recognizes Z``)."""
    if a.follows or a.cue is None or a.kind == "direct":
        return False
    for b in others:
        if b is a:
            continue
        lo, hi = b.content
        if lo <= a.cue[0] < hi and (a.source is None or lo <= a.source[0] < hi):
            return True
    return False


def _according_to(doc: Doc, index: _QuoteIndex) -> list[Attribution]:
    found = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        if index.containing(tok.idx) is not None:
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        source_toks = _source_tokens(objs[0])
        sent = tok.sent
        skip = {tok.i, to.i} | {t.i for t in source_toks}
        content = [t for t in sent if t.i not in skip and not t.is_punct]
        if len(content) < 3:
            continue
        source = _chars(source_toks)
        found.append(
            Attribution(
                kind="indirect",
                content=_chars(content),
                cue=_chars([tok, to]),
                source=source,
                persons=_persons(doc, *source),
                context=(sent.start_char, sent.end_char),
            )
        )
    return found
