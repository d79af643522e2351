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

from spacy.tokens import Doc, Span, Token

from .headlines import headline_attributions
from .lexicon import Lexicon
from .quotes import Quote, find_quotes
from .records import Attribution, Chars

__all__ = ["Attribution", "find_attributions"]

#: A quotation shorter than this many words is a scare quote or a title, not a statement.
MIN_QUOTE_WORDS = 4
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CONTENT_DEPS = {"ccomp", "parataxis"}
_OBJECT_DEPS = {"dobj", "xcomp", "prep", "attr", "oprd", "advcl", "ccomp"}


def _chars(span: Span | Iterable[Token]) -> Chars:
    toks = list(span)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, the subject it shares with the verb it is coordinated with, or its agent.

    An agentless report names its speaker in a ``by`` phrase when it names one at all
    (``was stated by the ministry``, ``noted in the statement released by the secretariat``).
    """
    found = _own_subject(verb)
    quoted = verb.doc.user_data.get("sm_quoted", frozenset())
    # a subject inside a quotation speaks in it, not for it, unless its phrase runs on
    # past the quotation (a mis-parse that _attribution_for trims)
    if (
        found is not None
        and found.i in quoted
        and not any(t.i not in quoted and not t.is_punct for t in found.subtree)
    ):
        found = None
    if found is None:
        for tok in verb.subtree:
            if tok.dep_ == "agent" and tok.i not in quoted:
                objs = [c for c in tok.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return found


def _own_subject(verb: Token) -> Token | None:
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                return child
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "X broke ranks by saying ..."
            tok = tok.head.head
        else:
            return None
    return None


_TITLE_GLUE = {"of", "for", "to", "the", "and", "'s", "’s", "on", "in", "at", "-"}


def _title_left(first: Token) -> list[Token]:
    """Capitalized title words the parser left outside the subject (``NATO's Deputy ... James X``)."""
    doc, sent = first.doc, first.sent
    taken: list[Token] = []
    i = first.i - 1
    while i >= sent.start:
        tok = doc[i]
        possessor = i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "’s") and tok.pos_ in ("NOUN", "PROPN")
        if (
            tok.lower_ in _TITLE_GLUE
            or possessor
            or (tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ"))
        ):
            taken.insert(0, tok)
            i -= 1
            continue
        break
    while taken and (
        (taken[0].lower_ in _TITLE_GLUE and taken[0].lower_ != "the") or taken[0].ent_type_ == "DATE"
    ):
        taken.pop(0)
    if [t.lower_ for t in taken] == ["the"]:
        return []
    return taken


def _source_tokens(subject: Token) -> list[Token]:
    """The subject's phrase, without a trailing relative clause or punctuation."""
    toks = [t for t in subject.subtree]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if toks and toks[0].pos_ == "PROPN":
        toks = _title_left(toks[0]) + toks
    return toks


def _in_apposition(tok: Token, root: Token) -> bool:
    """True inside an apposition or parenthesis below ``root`` (``the Secretariat (A, B, C)``)."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "appos":
            return True
        tok = tok.head
    return False


def _members(subject: Token) -> tuple[Chars, ...]:
    """The parties a subject lists (``France, Germany and the EU``; ``countries, including X, Y``).

    Each conjunct is its own phrase without the conjuncts hanging from it; a subject
    that coordinates nothing, or only people, has no members.
    """
    heads = [t for t in subject.subtree if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN")]
    heads = [t for t in heads if t.ent_type_ != "PERSON" and not _in_apposition(t, subject)]
    if not heads:
        return ()
    firsts = {h.head for h in heads if h.head.dep_ != "conj"}
    members = []
    for tok in sorted(set(heads) | firsts, key=lambda t: t.i):
        skip = {x for c in tok.children if c.dep_ in ("conj", "cc", "punct", "prep") for x in c.subtree}
        toks = [t for t in tok.subtree if t not in skip and not t.is_punct]
        if toks:
            members.append(_chars(toks))
    return tuple(members)


def _embedded(quote: Quote, text: str) -> bool:
    """A phrase quoted inside a reported clause (``recognized it as "a sovereign state".``).

    It opens mid-clause after a word, holds no sentence punctuation of its own, and
    is short: the clause around it is the statement, not the quotation alone.
    """
    inner = text[quote.start : quote.end].rstrip()
    j = quote.start - 2  # the character before the opening mark
    mid_clause = j >= 1 and text[j] == " " and text[j - 1].isalnum()
    return quote.closed and mid_clause and inner[-1:] not in ",.!?;:" and len(inner.split()) < 10


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
    return (
        tok.pos_ in ("VERB", "AUX")
        and tok.dep_ != "aux"
        and lex.is_cue(tok.lemma_)
        and lex.cue_class(tok.lemma_) != "noun"
    )


def _noun_cue(tok: Token, lex: Lexicon) -> tuple[Token, list[Token]] | None:
    """``X issued a statement that ...``: the verb whose subject speaks, and the that-clause."""
    if tok.pos_ != "NOUN" or lex.cue_class(tok.lemma_) != "noun" or tok.dep_ not in ("dobj", "attr"):
        return None
    for child in tok.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            t.dep_ == "mark" and t.lower_ == "that" for t in child.children
        ):
            return tok.head, list(child.subtree)
    return None


def _stance_noun(tok: Token, lex: Lexicon) -> tuple[Token, list[Token]] | None:
    """``X has been coordinating its support for Y``: the verb whose subject takes the
    position, and the noun phrase that names it."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.stance_nouns or tok.dep_ != "dobj":
        return None
    verb = tok.head
    if verb.pos_ != "VERB" or lex.is_cue(verb.lemma_) or verb.lemma_.lower() in lex.receiving:
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ == "neg" for c in verb.children):
        return None
    content = _contiguous(list(tok.subtree))
    return (verb, content) if len(content) >= 2 else None


def _content_of(verb: Token, lex: Lexicon, subject: Token | None) -> tuple[list[Token], bool]:
    """The content clause of a cue verb, and whether it came from position-taking."""
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS:
            return list(child.subtree), False
    for child in verb.children:
        if child.dep_ == "xcomp" and child.i > verb.i:  # "vowed to impose", "urged them to talk"
            toks = [t for t in verb.subtree if t.i > verb.i]
            while toks and toks[-1].is_punct:
                toks.pop()
            return toks, False
    if subject is not None and lex.cue_class(verb.lemma_) == "speech":
        inverted = _inverted_content(verb, subject)
        if inverted:
            return inverted, False
    if lex.cue_class(verb.lemma_) == "position":
        skip = set(subject.subtree) if subject is not None else set()
        toks = [t for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i > verb.i for t in c.subtree]
        # an inserted report ("..., the nation said, ...") is not part of the object
        skip |= {x for t in toks if t.dep_ == "parataxis" for x in t.subtree}
        toks = _contiguous(sorted((t for t in toks if t not in skip), key=lambda t: t.i))
        if len(toks) >= 2:
            return toks, True
    return [], False


def _contiguous(toks: list[Token]) -> list[Token]:
    """The first unbroken run of tokens, without surrounding spaces or punctuation.

    A content span must not reach over another clause (``..., the nation said, a move ...``).
    """
    run: list[Token] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            break
        run.append(t)
    while run and (run[-1].is_space or run[-1].is_punct):
        run.pop()
    while run and (run[0].is_space or run[0].is_punct):
        run.pop(0)
    return run


def _inverted_content(verb: Token, subject: Token) -> list[Token]:
    """``<content>, France's minister said``, when the parser failed to attach the content."""
    first = min(t.i for t in subject.subtree)
    if verb.i < first or first < 2:
        return []
    doc, sent = verb.doc, verb.sent
    if doc[first - 1].text != "," or first - 1 <= sent.start:
        return []
    content = [t for t in doc[sent.start : first - 1] if not t.is_space]
    return content if len(content) >= 3 else []


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
        head=_chars([subject]) if subject is not None else None,
        members=_members(subject) if subject is not None else (),
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
    try:
        return _find(doc, lex)
    finally:
        doc.user_data.pop("sm_quoted", None)  # scratch for _subject; must not be serialized


def _find(doc: Doc, lex: Lexicon) -> list[Attribution]:
    text = doc.text
    quotes = [q for q in find_quotes(text) if q.words(text) >= MIN_QUOTE_WORDS and not _embedded(q, text)]
    index = _QuoteIndex(quotes)
    doc.user_data["sm_quoted"] = frozenset(t.i for t in doc if index.containing(t.idx) is not None)
    out: list[Attribution] = []
    used_cues: set[int] = set()
    according = _according_to(doc, index)
    taken = {a.content for a in according}
    for quote in quotes:
        verb = _cue_near(quote, doc, lex, index)
        if verb is None:
            if (quote.start, quote.end) not in taken:  # '"...," according to the statement'
                out.append(Attribution(kind="direct", content=(quote.start, quote.end), follows=True))
            continue
        used_cues.add(verb.i)
        out.append(_attribution_for(verb, lex, doc, (quote.start, quote.end), "direct", index))
    for tok in doc:
        if tok.i in used_cues or index.containing(tok.idx) is not None:
            continue
        noun = _noun_cue(tok, lex) or _stance_noun(tok, lex)
        if noun is not None:
            verb, content = noun
            if _subject(verb) is not None:
                out.append(_attribution_for(verb, lex, doc, _chars(content), "indirect", index))
            continue
        if not _is_cue(tok, lex):
            continue
        subject = _subject(tok)
        if subject is None or subject.tag_ in ("WDT", "WP"):
            continue  # no subject, or a relative pronoun (resolutions that demand ...)
        if subject.dep_ == "nsubjpass" and lex.cue_class(tok.lemma_) == "position":
            continue  # "X could not be considered president": X takes no position
        content, _ = _content_of(tok, lex, subject)
        if not content:
            continue
        span = _chars(content)
        inside = sum(1 for t in content if index.containing(t.idx) is not None)
        if inside * 2 > len(content):
            continue  # the content is a quotation, already attributed above
        out.append(_attribution_for(tok, lex, doc, span, "indirect", index))
    out.extend(according)
    out.extend(headline_attributions(doc, lex, index.containing))
    out = _unwrap_reports(doc, out, lex)
    out = [a for a in out if not _nested(a, out)]
    unique = {(a.content, a.source): a for a in sorted(out, key=lambda a: a.content, reverse=True)}
    return sorted(unique.values(), key=lambda a: a.content)


def _lemma_at(doc: Doc, char: int) -> str:
    """The lemma of the token starting at character ``char`` (lower-cased)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].lemma_.lower() if span is not None and len(span) else ""


def _unwrap_reports(doc: Doc, found: list[Attribution], lex: Lexicon) -> list[Attribution]:
    """Drop an outlet's "..., Trend reports" around a statement with a speaker of its own.

    A news agency reporting ("Moldova considers the vote illegal, Trend reports") is
    the channel, not the speaker: the statement is the one inside.
    """
    drop = set()
    for k, b in enumerate(found):
        if b.cue is None or b.kind == "direct" or _lemma_at(doc, b.cue[0]) not in lex.relaying:
            continue
        lo, hi = b.content
        if any(
            a is not b
            and a.cue is not None
            and a.source is not None
            and lo <= a.cue[0] < hi
            and lo <= a.source[0]
            for a in found
        ):
            drop.add(k)
    return [a for k, a in enumerate(found) if k not in drop]


def _nested(a: Attribution, others: list[Attribution]) -> bool:
    """True when ``a`` is reported inside another's content (``X said Y recognizes Z``)."""
    if a.follows or a.cue is None or a.kind == "direct" or a.extra.get("according"):
        return False
    for b in others:
        if b is a or b.cue is None:
            continue
        lo, hi = b.content
        if lo <= a.cue[0] < hi and (a.source is None or lo <= a.source[0] < hi):
            # two reports inside each other: the verb of saying wins over the position verb
            mutual = a.content[0] <= b.cue[0] < a.content[1]
            if not (mutual and b.position and not a.position):
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
        # the clause on either side of "according to X", whichever carries the content
        before = _contiguous([t for t in sent if t.i < tok.i])
        after = _contiguous([t for t in sent if t.i > source_toks[-1].i])
        content = before if len(before) >= len(after) else after
        if len(content) < 3:
            continue
        quote = index.containing(content[0].idx) or index.containing(content[-1].idx - 1)
        span = (quote.start, quote.end) if quote is not None else _chars(content)
        source = _chars(source_toks)
        found.append(
            Attribution(
                kind="direct" if quote is not None else "indirect",
                content=span,
                cue=_chars([tok, to]),
                source=source,
                persons=_persons(doc, *source),
                context=(sent.start_char, sent.end_char),
                extra={"according": "1"},
            )
        )
    return found
