"""What a clause says about its speaker: subject, source phrase, members, and the record.

The token-level helpers that every attribution pass shares (``attribution`` for
quotations and reported speech, ``constructions`` for the dependency patterns): the
subject of a cue verb (its own, a coordinated verb's, or a passive agent), the
source phrase around it, the parties a coordinated subject lists, and the
``Attribution`` record built from a cue verb and a content span.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, load_function_words
from .quotes import Quote
from .records import Attribution, Chars

__all__ = [
    "QuoteIndex",
    "antecedent",
    "attribution_for",
    "chars",
    "content_of",
    "contiguous",
    "members",
    "persons",
    "source_tokens",
    "subject_of",
]

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
#: Dependents that carry a clause of its own: what a verb of saying reports, not who says it.
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})


def chars(span: Span | Iterable[Token]) -> Chars:
    toks = list(span)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, the subject it shares with the verb it is coordinated with, or its agent.

    An agentless report names its speaker in a ``by`` phrase when it names one at all
    (``was stated by the ministry``, ``set out in a note the secretariat issued``).
    """
    found = _own_subject(verb)
    quoted = verb.doc.user_data.get("sm_quoted", frozenset())
    # a subject inside a quotation speaks in it, not for it, unless its phrase runs on
    # past the quotation (a mis-parse that attribution_for trims)
    if (
        found is not None
        and found.i in quoted
        and not any(t.i not in quoted and not t.is_punct for t in found.subtree)
    ):
        # '"..., full stop," said Anna Berg': the parser may give the verb a second
        # subject outside the quotation, which is the speaker
        found = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i not in quoted), None)
        found = found or _reporting_subject(verb, quoted)
    if found is None:
        # the verb's own agent, not one inside what it reports ("saying it was hit by X")
        content = {t for c in verb.children if c.dep_ in _CLAUSES for t in c.subtree}
        for tok in verb.subtree:
            if tok.dep_ == "agent" and tok.i not in quoted and tok not in content:
                objs = [c for c in tok.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return found


def _reporting_subject(verb: Token, quoted: frozenset[int]) -> Token | None:
    """The subject of the report just before a participle: '"...," X said, adding that ...'.

    The parser may hang the participle on a verb inside the quotation; the one who adds
    is the one who said, named in the reporting clause between them.
    """
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return None
    i = verb.i - 1
    while i > verb.sent.start and verb.doc[i].is_punct:
        i -= 1
    before = verb.doc[i]
    if before.pos_ != "VERB" or before.i in quoted:
        return None
    return next((c for c in before.children if c.dep_ == "nsubj" and c.i not in quoted), None)


def passive(verb: Token) -> bool:
    """The verb is passive, so its subject is what the report is about or whom it was put to.

    "Berg was asked whether ...", "it was announced that ...", and a participle heading an
    adjunct ("Asked about the vote, Berg said ..."), whose subject is the main clause's. Its
    speaker is the agent of a ``by`` phrase when the sentence names one.
    """
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ == "aux" for c in verb.children)


def _own_subject(verb: Token) -> Token | None:
    if passive(verb):
        return None
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


_CONTENT_DEPS = {"ccomp", "parataxis"}
_OBJECT_DEPS = {"dobj", "xcomp", "prep", "attr", "oprd", "advcl", "ccomp"}


def _title_left(first: Token) -> list[Token]:
    """Capitalized title words the parser left outside the subject (``NATO's Deputy ... James X``)."""
    doc, sent = first.doc, first.sent
    taken: list[Token] = []
    i = first.i - 1
    while i >= sent.start:
        tok = doc[i]
        possessor = i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "’s") and tok.pos_ in ("NOUN", "PROPN")
        if (
            tok.lower_ in load_function_words().title_token_glue
            or possessor
            or (tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ"))
        ):
            taken.insert(0, tok)
            i -= 1
            continue
        break
    while taken and (
        (taken[0].lower_ in load_function_words().title_token_glue and taken[0].lower_ != "the")
        or taken[0].ent_type_ == "DATE"
    ):
        taken.pop(0)
    if [t.lower_ for t in taken] == ["the"]:
        return []
    return taken


def source_tokens(subject: Token) -> list[Token]:
    """The subject's phrase, without a trailing relative clause or punctuation.

    In ``Borduria's ally Ruritania said`` the speaker is the state or organization in
    apposition, not the one that qualifies it: the source is ``Ruritania``.
    """
    named = [
        c
        for c in subject.children
        if c.dep_ == "appos" and c.i > subject.i and c.ent_type_ in ("GPE", "ORG", "NORP")
    ]
    if subject.pos_ == "NOUN" and named and any(c.dep_ == "poss" for c in subject.children):
        subject = named[0]
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


def members(subject: Token) -> tuple[Chars, ...]:
    """The parties a subject lists (``France, Germany and the EU``; ``countries, including X, Y``).

    Each conjunct is its own phrase without the conjuncts hanging from it; a subject
    that coordinates nothing, or only people, has no members.
    """
    heads = [t for t in subject.subtree if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN")]
    heads = [t for t in heads if t.ent_type_ != "PERSON" and not _in_apposition(t, subject)]
    partners = _partners(subject)
    if partners:
        heads = [h for h in heads if h.head in partners or h.head in heads] + partners
    if not heads:
        return ()
    firsts = {h.head for h in heads if h.head.dep_ != "conj"}
    if partners:
        firsts = {subject}
    out = []
    for tok in sorted(set(heads) | firsts, key=lambda t: t.i):
        skip = {x for c in tok.children if c.dep_ in ("conj", "cc", "punct", "prep") for x in c.subtree}
        toks = [t for t in tok.subtree if t not in skip and not t.is_punct]
        if toks:
            out.append(chars(toks))
    return tuple(out)


def _partners(subject: Token) -> list[Token]:
    """The names joined to a subject by ``along with`` or ``together with`` (``A, along with B and C,``)."""
    if subject.pos_ != "PROPN" and subject.ent_type_ not in ("GPE", "ORG", "NORP"):
        return []
    out = []
    companions = load_function_words().companion_adverbs
    verb = subject.head
    # the parser may hang "along with B" on the verb, between the subject and it
    between = (
        [c for c in verb.children if subject.i < c.i < verb.i] if subject.dep_.startswith("nsubj") else []
    )
    for prep in [*subject.children, *between]:
        inner = next((c for c in prep.children if c.lower_ == "with"), None)
        with_ = prep if prep.lower_ == "with" else inner
        if prep.dep_ != "prep" or with_ is None:
            continue
        if with_ is prep and not any(c.lower_ in companions for c in prep.children):
            continue
        if with_ is not prep and prep.lower_ not in companions:
            continue
        objects = [c for c in with_.children if c.dep_ == "pobj" and c.ent_type_ != "PERSON"]
        # "along with B and C": each conjunct is a partner
        out += objects + [
            t for o in objects for t in o.subtree
            if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ != "PERSON"
        ]  # fmt: skip
    return out


class QuoteIndex:
    """Answers 'is this character inside a quotation?' in log time."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def containing(self, pos: int) -> Quote | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None


def persons(doc: Doc, lo: int, hi: int) -> tuple[Chars, ...]:
    """The PERSON entities inside characters ``lo:hi``.

    ``doc.ents`` builds a Span per entity on every call, so the list is kept in
    ``doc.user_data["sm_persons"]`` while ``find_attributions`` runs.
    """
    found = doc.user_data.get("sm_persons")
    if found is None:
        found = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        doc.user_data["sm_persons"] = found
    return tuple((s, e) for s, e in found if lo <= s and e <= hi)


def contiguous(toks: list[Token]) -> list[Token]:
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


def attribution_for(
    verb: Token, lex: Lexicon, doc: Doc, content: Chars, kind: str, index: QuoteIndex
) -> Attribution:
    subject = subject_of(verb)
    source = found = None
    if subject is not None:
        toks = source_tokens(subject)
        # a mis-parse can pull a quotation into the subject: keep what follows it
        quoted = [n for n, t in enumerate(toks) if index.containing(t.idx) is not None]
        if quoted:
            toks = toks[quoted[-1] + 1 :]
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks.pop(0)
        if toks:
            source = chars(toks)
            found = persons(doc, *source)
    sent = verb.sent
    return Attribution(
        kind=kind,
        content=content,
        cue=chars([verb]),
        source=source,
        persons=found or (),
        context=(sent.start_char, sent.end_char),
        position=lex.cue_class(verb.lemma_) == "position",
        antecedent=antecedent(doc, subject) if subject is not None and subject.tag_ == "PRP" else None,
        head=chars([subject]) if subject is not None else None,
        members=members(subject) if subject is not None else (),
    )


def antecedent(doc: Doc, pronoun: Token) -> Chars | None:
    """The latest PERSON entity before a personal pronoun: the reader's first guess at its referent."""
    if pronoun.lower_ in load_function_words().impersonal_pronouns:
        return None
    best = None
    for ent in doc.ents:
        if ent.end_char > pronoun.idx:
            break
        if ent.label_ == "PERSON":
            best = (ent.start_char, ent.end_char)
    return best


def content_of(verb: Token, lex: Lexicon, subject: Token | None) -> tuple[list[Token], bool]:
    """The content clause of a cue verb, and whether it came from position-taking."""
    # a clause after the verb before one in front of it: in "Writing for a paper, X noted
    # that ...", the parser may hang the participle clause on the verb too
    clauses = sorted(
        (c for c in verb.children if c.dep_ in _CONTENT_DEPS),
        key=lambda c: not (c.dep_ == "ccomp" and c.i > verb.i),
    )
    if clauses:
        return list(clauses[0].subtree), False
    for child in verb.children:
        if child.dep_ == "xcomp" and child.i > verb.i:  # "vowed to impose", "urged them to talk"
            toks = [t for t in verb.subtree if t.i > verb.i]
            while toks and toks[-1].is_punct:
                toks.pop()
            return toks, False
    if lex.cue_class(verb.lemma_) == "speech":
        clause = _finite_advcl(verb) or _low_that_clause(verb)
        if clause is not None:
            return sorted(clause.subtree, key=lambda t: t.i), False
        topic = _prep_content(verb, lex)
        if topic:
            return topic, False
    if subject is not None and lex.cue_class(verb.lemma_) == "speech" and not _has_object(verb):
        inverted = inverted_content(verb, subject)
        if inverted:
            return inverted, False
    if lex.cue_class(verb.lemma_) == "position" and not _hypothetical(verb):
        skip = set(subject.subtree) if subject is not None else set()
        toks = [
            t
            for c in verb.children
            if c.dep_ in _OBJECT_DEPS and c.i > verb.i and c.lower_ not in lex.adjunct_preps
            for t in c.subtree
        ]  # "proposed it during the talks": a time or concession is no part of the position
        # an inserted report ("..., the nation said, ...") is not part of the object
        skip |= {x for t in toks if t.dep_ == "parataxis" for x in t.subtree}
        toks = contiguous(sorted((t for t in toks if t not in skip), key=lambda t: t.i))
        if (len(toks) >= 2 or _named(verb, toks)) and not _unattested_prep(verb, toks[0], lex):
            return toks, True
    return [], False


def _named(verb: Token, toks: list[Token]) -> bool:
    """A one-word object that names a party (``Berg denounced Borduria``): the position is about it.

    Only for a verb with a subject of its own: in "objected to recognising Borduria" the
    gerund is what the subject opposes, not a position it takes.
    """
    named = (
        len(toks) == 1 and toks[0].pos_ == "PROPN" and toks[0].ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
    )
    return named and any(c.dep_ == "nsubj" for c in verb.children)


def _unattested_prep(verb: Token, first: Token, lex: Lexicon) -> bool:
    """The content opens with a preposition PolNeAR never gives the verb's content with.

    "Called for talks" takes a position; "called into a radio show" or "called in to a
    meeting" says where the speaker went, and "criticized as unfair" has lost its object.
    """
    return first.pos_ == "ADP" and first.lower_ not in lex.prep_objects.get(verb.lemma_.lower(), frozenset())


def _hypothetical(verb: Token) -> bool:
    """The verb says what may happen in a condition, not what anyone did or said.

    "If the plan rejected single parents, ..." (the verb's own clause is the condition)
    and "if Ruritania wins, its government could reverse the rules" (a modal consequence
    of one) describe no position taken.
    """
    words = load_function_words()
    if any(c.dep_ == "mark" and c.lower_ in words.condition_marks for c in verb.children):
        return True
    modal = any(c.dep_ == "aux" and c.lower_ in words.hypothetical_modals for c in verb.children)
    return modal and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words.condition_marks for m in c.children)
        for c in verb.children
    )


def _prep_content(verb: Token, lex: Lexicon) -> list[Token]:
    """The object of a preposition that carries a speech verb's content (``warned of a recession``).

    Only prepositions PolNeAR attests with the verb count (``Lexicon.prep_objects``); a
    person warned stays out of it: in "warned Chile of X" the content is X.
    """
    preps = lex.prep_objects.get(verb.lemma_.lower())
    if not preps:
        return []
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and _addressee(objects[0], lex):
                return []  # "responded to a grieving mother": whom it was said to
            if objects:
                toks = sorted(objects[0].subtree, key=lambda t: t.i)
                return toks if len(toks) >= 2 else []
    return []


def _addressee(obj: Token, lex: Lexicon) -> bool:
    """The object names a person spoken to, not a topic (``replied to the senator``)."""
    return obj.ent_type_ == "PERSON" or obj.pos_ == "PRON" or lex.nominals.get(obj.lemma_.lower()) == "person"


def _finite_advcl(verb: Token) -> Token | None:
    """A content clause the parser took for an adverbial one (``said after the talks he would ...``).

    A clause after the verb with a subject of its own and no subordinator but ``that``:
    ``when``, ``if``, ``because`` clauses are circumstances, not what was said.
    """
    for child in verb.children:
        if child.dep_ != "advcl" or child.i < verb.i or child.tag_ in ("VBG", "VBN"):
            continue
        marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ != "that"]
        if marks or any(c.tag_ in ("WRB", "WDT", "WP") and c.lower_ != "that" for c in child.children):
            continue  # when, where, why, what: a circumstance or a question, not a report
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
            return child
    return None


def _low_that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung on a noun after the verb (``told a meeting of leaders that ...``).

    The clause opens with a complementizer ``that`` (not a relative pronoun filling a
    gap: ``the plan that Borduria proposed``) and has a subject of its own; the noun
    it hangs on is the verb's object or inside a phrase of the verb.
    """
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.dep_ not in ("relcl", "acl", "ccomp"):
            continue
        first = min(tok.subtree, key=lambda t: t.i)
        if first.lower_ != "that" or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in tok.children
        ):
            continue
        complementizer = first.dep_ == "mark" or (
            first.dep_ == "dobj" and (first.head.i != tok.i or any(c.dep_ == "ccomp" for c in tok.children))
        )
        path, head = True, tok.head
        while head.i != verb.i:
            if head.dep_ not in ("dobj", "pobj", "prep", "npadvmod", "dative"):
                path = False
                break
            head = head.head
        if complementizer and path and tok.head.i != verb.i:
            return tok
    return None


def _has_object(verb: Token) -> bool:
    """True when the verb has a direct object: its content is that object, not the clause before."""
    return any(c.dep_ == "dobj" for c in verb.children)


def inverted_content(verb: Token, subject: Token) -> list[Token]:
    """``<content>, France's minister said``, when the parser failed to attach the content."""
    first = min(t.i for t in subject.subtree)
    if verb.i < first or first < 2:
        return []
    doc, sent = verb.doc, verb.sent
    if doc[first - 1].text != "," or first - 1 <= sent.start:
        return []
    content = [t for t in doc[sent.start : first - 1] if not t.is_space]
    return content if len(content) >= 3 and _is_clause(content) else []


def _is_clause(toks: list[Token]) -> bool:
    """True when ``toks`` read as a clause of their own, not a fronted adverbial.

    ``In his book, X wrote``, ``Through a spokesman, X said``, ``Speaking to students,
    X said`` and ``But when the talks failed, X said`` set the scene; the content
    of ``The talks failed, X said`` is a clause with a subject.
    """
    words = [t for t in toks if not t.is_punct]
    while words and words[0].pos_ in ("CCONJ", "ADV"):
        words.pop(0)
    if not words or words[0].pos_ in ("ADP", "SCONJ") or words[0].tag_ in ("WRB", "VBG", "VBN"):
        return False
    ids = {t.i for t in toks}
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in ids for t in toks for c in t.children)
