"""Find attributions in a parsed Doc: who (source), the verb (cue) and what (content).

Three passes over one Doc:

1. quotations (``quotes.find_quotes``) of a few words or more, each tied to the
   nearest verb of saying outside it in the same or the preceding sentence; a
   quotation with no verb of its own *follows* the previous speaker or a heading;
2. reported speech: a cue verb outside any quotation, with a subject and a content
   clause (``ccomp``), or for position verbs (condemn, recognize) its object;
3. ``according to X``;
4. the constructions of ``constructions`` (dependency patterns kept in data): a cue
   with a noun-phrase object, light verbs with nouns of saying, passive agents,
   relative sources, inserted reports and cataphora.

The records hold character offsets only, so they outlive the Doc and can cross
process boundaries; turning them into statements (actors, dates, channels) is
the job of ``extract.statements``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .clauses import QuoteIndex as _QuoteIndex
from .clauses import attribution_for as _attribution_for
from .clauses import chars as _chars
from .clauses import content_of as _content_of
from .clauses import contiguous as _contiguous
from .clauses import passive as _passive
from .clauses import persons as _persons
from .clauses import source_tokens as _source_tokens
from .clauses import subject_of as _subject
from .constructions import Constructions
from .headlines import headline_attributions
from .lexicon import Lexicon, load_function_words
from .quotes import Quote, find_quotes
from .records import Attribution

__all__ = ["Attribution", "find_attributions"]

#: A quotation shorter than this many words is a scare quote or a title, not a statement.
MIN_QUOTE_WORDS = 4


def _embedded(quote: Quote, text: str) -> bool:
    """A phrase quoted inside a reported clause (``recognized it as "a sovereign state".``).

    It opens mid-clause after a word, holds no sentence punctuation of its own, and
    is short: the clause around it is the statement, not the quotation alone.
    """
    inner = text[quote.start : quote.end].rstrip()
    j = _before_mark(quote, text)
    mid_clause = j >= 1 and text[j] == " " and text[j - 1].isalnum()
    return quote.closed and mid_clause and inner[-1:] not in ",.!?;:" and len(inner.split()) < 10


def _before_mark(quote: Quote, text: str) -> int:
    """The index of the character before the quotation's opening mark (one character, or ``''``)."""
    j = quote.start - 1
    if j >= 1 and text[j - 1 : j + 1] == "''":
        j -= 1
    return j - 1


def _title(quote: Quote, text: str) -> bool:
    """A quoted title (``on "The Morning Show,"``, ``in "Ruritania Election Day"``), not speech.

    Every word capitalized but the short glue words, a few words at most, and opened
    mid-sentence: news puts the names of shows, books and events in quotation marks.
    """
    words = text[quote.start : quote.end].strip(" ,.!?;:").split()
    j = _before_mark(quote, text)
    # after a word, or set off by commas beside a phrase ('In his book, "Title," X ...')
    beside = text[j - 1 : j] == "," and text[quote.start : quote.end].rstrip().endswith(",")
    mid_sentence = j >= 1 and text[j] == " " and (text[j - 1].isalnum() or text[j - 1] in "'’" or beside)
    if not mid_sentence or not 2 <= len(words) <= 8:
        return False
    return (
        all(w[:1].isupper() or w.lower() in load_function_words().title_glue for w in words)
        and words[0][:1].isupper()
    )


def _is_cue(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" and lex.is_cue(tok.lemma_)


def _interrogative(content: list[Token]) -> bool:
    """The content is an indirect question ("whether ...", "if ...", "what ...")."""
    head = min(content, key=lambda t: t.i)
    return head.tag_ in ("WDT", "WP", "WRB") or (
        head.dep_ == "mark" and head.lower_ in load_function_words().question_marks
    )


def _relative_antecedent(verb: Token) -> list[Token]:
    """What ``which`` stands for when it is the object of a cue: "X had sent troops, which Y denied".

    A sentential relative takes up the clause before it; the parser hangs it on the clause's
    last noun, so the content is that noun's clause without the relative clause.
    """
    if verb.dep_ != "relcl" or not any(c.dep_ == "dobj" and c.tag_ == "WDT" for c in verb.children):
        return []
    clause = verb.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i > verb.i:
        return []
    cut = min(t.i for t in verb.subtree)
    toks = [t for t in clause.subtree if t.i < cut and not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    return _contiguous(toks) if toks else []


def _noun_cue(tok: Token, lex: Lexicon) -> tuple[Token, list[Token]] | None:
    """``X issued a statement that ...``: the verb whose subject speaks, and the that-clause."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.nouns or tok.dep_ not in ("dobj", "attr"):
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
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "consolidates the support of the party": others' support, not its own
    content = _contiguous(list(tok.subtree))
    return (verb, content) if len(content) >= 2 else None


def _cue_near(quote: Quote, doc: Doc, lex: Lexicon, index: _QuoteIndex) -> Token | None:
    """The verb of saying that introduces ``quote``: outside it, in its sentences or just before."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sents = [span[0].sent] + ([span[-1].sent] if span[-1].sent != span[0].sent else [])
    # the nearest cue, preferring one with no content clause of its own: in 'X said: "...",
    # adding that ...' the quotation is what X said, and the that-clause what X added
    best: tuple[bool, int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if not _is_cue(tok, lex) or index.containing(tok.idx) is not None or _subject(tok) is None:
                continue
            dist = quote.start - tok.idx if tok.idx < quote.start else tok.idx - quote.end
            own = any(c.dep_ in ("ccomp", "xcomp") and index.containing(c.idx) is None for c in tok.children)
            if best is None or (own, dist) < best[:2]:
                best = (own, dist, tok)
    if best is not None:
        return best[2]
    # '"...," Rep. X said.' where the parser starts a sentence after the closing mark
    last = sents[-1]
    if last.end < len(doc) and doc[last.end].idx - quote.end <= 3:
        for tok in doc[last.end].sent:
            if tok.idx > quote.end + 200:
                break
            if not _is_cue(tok, lex) or index.containing(tok.idx) is not None or _subject(tok) is None:
                continue
            if not any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for c in tok.children):
                return tok  # a bare "X said": its content is the quotation before
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


_COMPILED: dict[tuple[int, int], tuple[object, Lexicon, Constructions]] = {}


def constructions_for(doc: Doc, lex: Lexicon) -> Constructions:
    """The constructions compiled for ``doc``'s vocabulary and ``lex`` (kept per pair)."""
    key = (id(doc.vocab), id(lex))
    hit = _COMPILED.get(key)
    if hit is None or hit[0] is not doc.vocab or hit[1] is not lex:
        if len(_COMPILED) > 8:
            _COMPILED.clear()
        hit = (doc.vocab, lex, Constructions(doc.vocab, lex))
        _COMPILED[key] = hit
    return hit[2]


def find_attributions(doc: Doc, lex: Lexicon) -> list[Attribution]:
    """Every attribution in ``doc``, in text order."""
    try:
        return _find(doc, lex)
    finally:
        doc.user_data.pop("sm_quoted", None)  # scratch for _subject; must not be serialized
        doc.user_data.pop("sm_persons", None)  # scratch for persons()


def _find(doc: Doc, lex: Lexicon) -> list[Attribution]:
    text = doc.text
    found = find_quotes(text)
    titles = _QuoteIndex([q for q in found if _title(q, text)])
    quotes = [
        q
        for q in found
        if q.words(text) >= MIN_QUOTE_WORDS and not _embedded(q, text) and titles.containing(q.start) is None
    ]
    index = _QuoteIndex(quotes)
    doc.user_data["sm_quoted"] = frozenset(t.i for t in doc if index.containing(t.idx) is not None)
    out: list[Attribution] = []
    used_cues: set[int] = set()
    quoting: set[int] = set()  # cues of a quotation, which may report a clause of their own too
    unsaid: list[Attribution] = []  # questions put to someone ("was asked whether"): nobody named asks
    relatives: set[int] = set()  # cues of "..., which Y denied"
    according = _according_to(doc, index)
    taken = {a.content for a in according}
    for quote in quotes:
        verb = _cue_near(quote, doc, lex, index)
        if verb is None:
            if (quote.start, quote.end) not in taken:  # '"...," according to the statement'
                out.append(Attribution(kind="direct", content=(quote.start, quote.end), follows=True))
            continue
        used_cues.add(verb.i)
        quoting.add(verb.i)
        out.append(_attribution_for(verb, lex, doc, (quote.start, quote.end), "direct", index))
    for tok in doc:
        if (tok.i in used_cues and tok.i not in quoting) or index.containing(tok.idx) is not None:
            continue
        if tok.i in quoting:
            # 'X told VOA it had worked to avoid Y, "including by ..."': the clause before the quotation
            reported = _before_quotation(tok, lex, index)
            if reported:
                out.append(_attribution_for(tok, lex, doc, _chars(reported), "indirect", index))
            continue
        noun = _noun_cue(tok, lex) or _stance_noun(tok, lex)
        if noun is not None:
            verb, content = noun
            if _subject(verb) is not None:
                used_cues.add(verb.i)
                out.append(_attribution_for(verb, lex, doc, _chars(content), "indirect", index))
            continue
        if not _is_cue(tok, lex):
            continue
        if _passive(tok):
            # "Berg was asked whether ...": Berg says nothing, and the question is no position
            # of those named inside it. A passive with an agent ("was rejected by X") is a
            # construction of its own (passive_agent in data/cue_patterns.json).
            content, _ = _content_of(tok, lex, None)
            if content and _interrogative(content):
                unsaid.append(_attribution_for(tok, lex, doc, _chars(content), "indirect", index))
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ in load_function_words().privative_preps:
            continue  # "it goes without saying that ...": nobody says it
        subject = _subject(tok)
        if subject is None or subject.tag_ in ("WDT", "WP"):
            continue  # no subject, or a relative pronoun (resolutions that demand ...)
        if subject.lower_ == "you":
            continue  # the reader, addressed outside any quotation ("you could consider ..."), says nothing
        if subject.dep_ == "nsubjpass" and lex.cue_class(tok.lemma_) == "position":
            continue  # "X could not be considered president": X takes no position
        content, _ = _content_of(tok, lex, subject)
        if not content:
            content = _relative_antecedent(tok)
            if content:
                relatives.add(tok.idx)  # the narrator's aside, even inside another's report
        if not content:
            continue
        span = _chars(content)
        inside = sum(1 for t in content if index.containing(t.idx) is not None)
        if inside * 2 > len(content):
            continue  # the content is a quotation, already attributed above
        if content[-1].i < tok.i and titles.containing(_clause_head(content).idx) is not None:
            continue  # 'In his book, "Make Your Kid Rich," X suggested ...': a title, not a clause
        used_cues.add(tok.i)
        out.append(_attribution_for(tok, lex, doc, span, "indirect", index))
    out.extend(constructions_for(doc, lex).attributions(doc, index, used_cues))
    out.extend(according)
    out.extend(headline_attributions(doc, lex, index.containing))
    out = _unwrap_reports(doc, out, lex)
    out = _drop_headlines_around_reports(doc, out)
    relays = _relaying_participles(doc, lex)
    own = _adverbial_reports(doc, lex) | relatives
    out = [a for a in out if (a.cue is not None and a.cue[0] in own) or not _nested(a, out + unsaid, relays)]
    sourced = {a.content for a in out if a.source is not None}
    out = [a for a in out if a.source is not None or a.content not in sourced]
    unique = {(a.content, a.source): a for a in sorted(out, key=lambda a: a.content, reverse=True)}
    return sorted(unique.values(), key=lambda a: a.content)


def _before_quotation(cue: Token, lex: Lexicon, index: _QuoteIndex) -> list[Token]:
    """The reported clause of a quotation's cue, when it runs on into that quotation: its words
    up to the quotation (at least ``MIN_QUOTE_WORDS``, its verb among them), or nothing."""
    subject = _subject(cue)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return []
    content, _ = _content_of(cue, lex, subject)
    if not content or content[0].i < cue.i or index.containing(_clause_head(content).idx) is not None:
        return []  # 'said that for X, "the rate is Y"': the clause's verb is in the quotation
    before: list[Token] = []
    for t in content:
        if index.containing(t.idx) is not None:
            break
        before.append(t)
    if len(before) == len(content):
        return []  # no quotation in it: not this case
    while before and (before[-1].is_punct or before[-1].is_space):
        before.pop()
    return before if sum(t.is_alpha for t in before) >= MIN_QUOTE_WORDS else []


def _clause_head(content: list[Token]) -> Token:
    """The token of ``content`` whose head lies outside it (the first such, for a broken span)."""
    ids = {t.i for t in content}
    return next((t for t in content if t.head.i not in ids or t.head.i == t.i), content[0])


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


def _drop_headlines_around_reports(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Drop a colon lead (``Topic: ...``) whose text is a report with a speaker of its own.

    In ``Frustration with the police: activists say ...`` the phrase before the colon
    is a topic, not a speaker; the report after it is the statement.
    """

    def around(b: Attribution) -> bool:
        if not b.extra.get("headline") or b.cue is None or doc.text[b.cue[0] : b.cue[1]] != ":":
            return False
        lo, hi = b.content
        # a verb of saying with its own speaker after the colon; a position verb there
        # ("Berg to Borduria: Ruritania will never recognize the vote") is the lead's words
        inner = [a for a in found if a is not b and not a.position]
        return any(lo <= a.cue[0] < hi and lo <= a.source[0] for a in inner if a.cue and a.source)

    return [b for b in found if not around(b)]


def _relaying_participles(doc: Doc, lex: Lexicon) -> frozenset[int]:
    """Start offsets of cues like ``adding`` in ``..., he said, adding that A had rejected it``.

    A participle that extends a report passes on news of others: a report inside it
    belongs to its own speaker and is kept beside the relaying one.
    """
    return frozenset(
        t.idx
        for t in doc
        if t.tag_ == "VBG" and t.dep_ == "advcl" and lex.is_cue(t.lemma_) and lex.is_cue(t.head.lemma_)
    )


def _adverbial_reports(doc: Doc, lex: Lexicon) -> frozenset[int]:
    """Start offsets of cues heading a concessive or temporal clause inside another report.

    In "Although A has said that ..., the bases give B a foothold, say analysts" the analysts
    concede A's report as a fact: it is A's own statement, not the analysts' claim about A. So
    is a position: "X warned that ..., as Y rejected its offer" (Y rejects the offer).
    """
    return frozenset(
        t.idx
        for t in doc
        if t.dep_ == "advcl"
        and lex.cue_class(t.lemma_) in ("speech", "position")
        and any(c.dep_ == "mark" and c.lower_ in lex.background_marks for c in t.children)
    )


def _nested(a: Attribution, others: list[Attribution], relays: frozenset[int] = frozenset()) -> bool:
    """True when ``a`` is reported inside another's content (``X said Y recognizes Z``)."""
    if a.follows or a.cue is None or a.kind == "direct" or a.extra.get("according"):
        return False
    for b in others:
        if b is a or b.cue is None or b.cue[0] in relays:
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
