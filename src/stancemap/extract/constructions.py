"""Constructions of reported speech found by dependency patterns kept in data.

The patterns live in ``data/cue_patterns.json`` as spaCy ``DependencyMatcher``
patterns, run by ``depmatch`` (the same matches at a fraction of the cost). A value
``"$name"`` in an ``IN`` list stands for a set of lemmas from the lexicon
(``$dobj``: cues whose content PolNeAR gives as a noun-phrase object, ``$speech``,
``$position``, ``$cue``, ``$noun``, ``$light``, ``$receiving``). Each construction has
a builder here that turns a match into an ``Attribution``: which anchor is the cue,
which the source, and which span the content.

The constructions are the ones the clause-based pass in ``attribution`` does not
cover: a cue with a noun-phrase object (``reiterated its support for X``), a light
verb with a noun of saying (``issued a warning``), a noun of saying drawn from its
speaker (``drew a rebuke from X``), passive agents (``was not recognized by A and
B``), relative sources (``A, B and C were among those who ...``), a report inserted
in its content (``The treaty, the minister said, would ...``) and cataphora (``X
added:``, ``This is what X said:``, ``X put it this way:``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..datafiles import read_json
from .clauses import (
    QuoteIndex,
    attribution_for,
    chars,
    content_of,
    contiguous,
    members,
    persons,
    source_tokens,
    subject_of,
)
from .depmatch import compile_pattern
from .lexicon import Lexicon, load_function_words
from .records import Attribution

__all__ = ["Constructions", "construction_names", "filled_patterns", "load_patterns"]

Anchors = dict[str, Token]


@lru_cache(maxsize=1)
def load_patterns() -> tuple[dict[str, Any], ...]:
    """The packaged constructions: name, doc and pattern of each (cached)."""
    return tuple(read_json(__package__, "cue_patterns.json")["constructions"])


def construction_names() -> list[str]:
    return [c["name"] for c in load_patterns()]


def _sets(lex: Lexicon) -> dict[str, list[str]]:
    speech = sorted(k for k, v in lex.cues.items() if v == "speech")
    position = sorted(k for k, v in lex.cues.items() if v == "position")
    return {
        "$dobj": sorted(lex.np_objects),
        "$speech": speech,
        "$position": position,
        "$cue": sorted(lex.cues),
        "$noun": sorted(lex.nouns),
        "$light": sorted(lex.light),
        "$receiving": sorted(lex.receiving),
        "$stance_noun": sorted(lex.stance_nouns),
    }


def _fill(value: Any, sets: dict[str, list[str]]) -> Any:
    """The pattern with every ``"$name"`` replaced by its lemma list."""
    if isinstance(value, dict):
        return {k: _fill(v, sets) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, sets) for v in value]
    if isinstance(value, str) and value.startswith("$"):
        return sets[value]
    return value


def filled_patterns(lex: Lexicon) -> list[tuple[str, list[dict[str, Any]]]]:
    """Each construction's name and pattern with its lemma sets filled in (for spaCy's own matcher)."""
    sets = _sets(lex)
    return [(c["name"], _fill(c["pattern"], sets)) for c in load_patterns()]


class Constructions:
    """The packaged patterns compiled for one vocabulary and lexicon."""

    def __init__(self, vocab: Vocab, lex: Lexicon) -> None:
        self.lex = lex
        sets = _sets(lex)
        self.patterns = [
            (c["name"], compile_pattern(_fill(c["pattern"], sets), vocab)) for c in load_patterns()
        ]

    def matches(self, doc: Doc) -> list[tuple[str, Anchors]]:
        """Every match in ``doc``: the construction's name and its anchors by name."""
        lemmas = doc.to_array("LEMMA").tolist()
        return [(name, anchors) for name, pattern in self.patterns for anchors in pattern(doc, lemmas)]

    def attributions(self, doc: Doc, index: QuoteIndex, used: set[int]) -> list[Attribution]:
        """The attributions the constructions find, skipping cues in ``used`` or inside quotations."""
        found: list[Attribution] = []
        for name, anchors in self.matches(doc):
            cue = anchors["cue"]
            if cue.i in used or index.containing(cue.idx) is not None:
                continue
            build = _BUILDERS.get(name)
            record = build(anchors, self.lex, index) if build is not None else None
            if record is not None:
                found.append(record)
        return found


def _span_ok(toks: list[Token], index: QuoteIndex) -> bool:
    """Two words or more, not mostly inside a quotation (those are attributed already)."""
    words = [t for t in toks if not (t.is_punct or t.is_space)]
    inside = sum(1 for t in words if index.containing(t.idx) is not None)
    return len(words) >= 2 and inside * 2 <= len(words)


def _after(verb: Token, skip: set[Token]) -> list[Token]:
    """The verb's dependents to its right (object, prepositions), without ``skip``."""
    deps = ("dobj", "prep", "dative", "xcomp", "oprd", "advcl", "ccomp", "attr")
    toks = [t for c in verb.children if c.dep_ in deps and c.i > verb.i for t in c.subtree]
    return _before_time(contiguous(sorted((t for t in toks if t not in skip), key=lambda t: t.i)))


def _before_time(toks: list[Token]) -> list[Token]:
    """A noun-phrase content up to a bare time adverbial the parser hung inside it.

    In "announced the launch of a border unit Tuesday at a regional meeting" the day,
    and what follows it, tell when and where it was announced: they are not what was.
    """
    for k, t in enumerate(toks):
        if k >= 2 and t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME"):
            return contiguous(toks[:k])
    return toks


#: Prepositions that give a noun of saying its topic (``a warning over X``), unlike ``at the summit``.


def _refers_back(noun: Token, lex: Lexicon) -> bool:
    """A noun of saying that points to words given elsewhere (``made the pledge``, ``his remarks``).

    Definite or possessive, and with no complement of its own: its content is not here.
    """
    if noun.lemma_.lower() not in lex.nouns:
        return False
    marked = any(
        (c.dep_ == "det" and c.lower_ in load_function_words().definite) or c.dep_ == "poss"
        for c in noun.children
    )
    own = any(
        c.dep_ in ("acl", "relcl", "amod", "compound")
        or (c.dep_ == "prep" and c.lower_ in load_function_words().topic)
        for c in noun.children
    )
    return marked and not own


def names_someone(source: Token, lex: Lexicon) -> bool:
    """True when a source phrase can name a speaker: a name, a pronoun, or a nominal that refers back.

    A vague quantity (``most of the West``, ``any country``) or a bare group noun
    (``Western governments``) names nobody a statement can be given to.
    """
    clauses = {t for c in source.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    toks = [t for t in source.subtree if t not in clauses]
    if (
        any(
            t.lower_ in load_function_words().vague and t.dep_ in ("det", "nsubj", "pobj", "amod")
            for t in toks
        )
        or source.lower_ in load_function_words().vague
    ):
        return False
    if source.tag_ == "PRP":
        return True
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for t in toks):
        return True
    return lex.nominals.get(source.lemma_.lower()) in ("person", "body")


def _own_subject_ok(cue: Token) -> Token | None:
    """The cue's subject when the cue heads a clause of its own (not a gerund inside a phrase).

    A gerund of means shares its verb's subject: in "Berg retaliated by announcing new
    tariffs" Berg announced them.
    """
    means = cue.dep_ == "pcomp" and cue.head.lower_ in load_function_words().means_preps
    if cue.dep_ in ("pcomp", "amod", "acl", "relcl", "pobj") and not means:
        return None
    subject = subject_of(cue)
    if subject is None or subject.dep_ != "nsubj" or subject.tag_ in ("WDT", "WP"):
        return None
    return subject


def _np_object(a: Anchors, lex: Lexicon, index: QuoteIndex) -> Attribution | None:
    cue, obj = a["cue"], a["content"]
    if any(c.dep_ in ("ccomp", "parataxis") for c in cue.children):
        return None  # a clause is the content; the clause pass has it
    if obj.ent_type_ == "PERSON" or obj.pos_ == "PRON" or obj.lemma_.lower() in lex.nominals:
        return None  # "told reporters", "asked the minister": the addressee, not the content
    if _refers_back(obj, lex):
        return None
    subject = _own_subject_ok(cue)
    if subject is None or not names_someone(subject, lex):
        return None
    toks = _after(cue, set(subject.subtree))
    if not _span_ok(toks, index):
        return None
    return attribution_for(cue, lex, cue.doc, chars(toks), "indirect", index)


def _light_noun(a: Anchors, lex: Lexicon, index: QuoteIndex) -> Attribution | None:
    cue = a["cue"]
    subject = _own_subject_ok(cue)
    if subject is None or any(c.dep_ == "neg" for c in cue.children) or _refers_back(a["content"], lex):
        return None
    if not names_someone(subject, lex):
        return None
    noun = a["content"]
    to_whom = any(c.dep_ in ("prep", "dative") and c.i > noun.i for c in cue.children)
    if not to_whom and not any(c.dep_ in _COMPLEMENTS for c in noun.children):
        return None  # "made an improbable remark": neither what was said nor to whom is here
    toks = _said_by(noun, lex) or _after(cue, set(subject.subtree))
    if not _span_ok(toks, index):
        return None
    return attribution_for(cue, lex, cue.doc, chars(toks), "indirect", index)


def _said_by(noun: Token, lex: Lexicon) -> list[Token]:
    """What a noun of saying reports through a verb of its own: ``a statement saying X``.

    The clause is the content even when a time adverbial of the light verb stands between
    the noun and it ("issued a statement Tuesday saying X"), which the noun phrase's own
    span would stop at.
    """
    for verb in noun.children:
        if verb.dep_ == "acl" and verb.i > noun.i and lex.is_cue(verb.lemma_):
            for clause in verb.children:
                if clause.dep_ == "ccomp" and clause.i > verb.i:
                    return contiguous(list(clause.subtree))
    return []


#: Dependents by which a noun of saying carries what was said, or to whom or on what.
_COMPLEMENTS = frozenset({"prep", "acl", "relcl", "ccomp", "appos", "dative"})


def _drew_from(a: Anchors, lex: Lexicon, index: QuoteIndex) -> Attribution | None:
    cue, source = a["cue"], a["source"]
    if any(t.like_num for t in a["noun"].subtree if t.i < a["noun"].i):
        return None  # "has 5 percent support of the vote": a share measured, not a position given
    skip = set(a["from"].subtree)
    subject = subject_of(cue)
    toks = [t for t in cue.sent if t not in skip and not t.is_space]
    if subject is not None:
        toks = [t for t in toks if t.i >= min(x.i for x in subject.subtree)]
    toks = contiguous([t for t in toks if t.i <= max(x.i for x in a["noun"].subtree)])
    if not _span_ok(toks, index) or not names_someone(source, lex):
        return None
    return _with_source(cue, source, chars(toks), lex)


def _with_source(cue: Token, source: Token, content: tuple[int, int], lex: Lexicon) -> Attribution:
    """An attribution whose source is ``source`` rather than the cue's subject."""
    clauses = {t for c in source.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    toks = contiguous([t for t in source_tokens(source) if t not in clauses])
    src = chars(toks or [source])
    sent = cue.sent
    return Attribution(
        kind="indirect",
        content=content,
        cue=chars([cue]),
        source=src,
        persons=persons(cue.doc, *src),
        context=(sent.start_char, sent.end_char),
        position=lex.cue_class(cue.lemma_) == "position",
        head=chars([source]),
        members=members(source),
    )


def _passive_agent(a: Anchors, lex: Lexicon, index: QuoteIndex) -> Attribution | None:
    cue, patient = a["cue"], a["content"]
    if patient.pos_ == "PRON" and len(list(patient.subtree)) == 1:
        return None  # "It was backed by Borduria": what was backed is said elsewhere, if at all
    skip = set(a["by"].subtree)
    toks = [t for t in patient.subtree] + [cue]
    toks += [t for c in cue.children if c.dep_ in ("neg", "auxpass", "aux") for t in c.subtree]
    toks += _after(cue, skip)
    toks = contiguous(sorted(set(toks) - skip, key=lambda t: t.i))
    if not _span_ok(toks, index) or index.containing(a["source"].idx) is not None:
        return None
    if not names_someone(a["source"], lex):
        return None
    return _with_source(cue, a["source"], chars(toks), lex)


def _relative_source(a: Anchors, lex: Lexicon, index: QuoteIndex) -> Attribution | None:
    cue, source = a["cue"], a["antecedent"]
    if a["relative"].tag_ == "WDT" and lex.cue_class(cue.lemma_) != "speech":
        return None  # "Borduria, which opposes the plan": a standing position described, not a report
    # "A, B and C were among those who ...": the subject of "were among"
    if (
        source.lower_ in load_function_words().group_pronouns
        and source.dep_ == "pobj"
        and source.head.dep_ == "prep"
    ):
        verb = source.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects:
            return None
        source = subjects[0]
    elif source.pos_ == "PRON":
        return None
    toks, _ = content_of(cue, lex, a["relative"])
    if not toks and cue.lemma_.lower() in lex.np_objects:
        toks = _after(cue, set())
    if not toks or not _span_ok(toks, index) or not names_someone(source, lex):
        return None
    return _with_source(cue, source, chars(toks), lex)


def _parenthetical(a: Anchors, lex: Lexicon, index: QuoteIndex) -> Attribution | None:
    cue, clause = a["cue"], a["clause"]
    if any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None
    inner = set(cue.subtree)
    toks = [t for t in clause.subtree if t not in inner and not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks or toks[0].i > cue.i or not _span_ok(toks, index):
        return None  # the report must be inserted: content on both sides, or before it
    return attribution_for(cue, lex, cue.doc, chars(toks), "indirect", index)


def _colon(a: Anchors, lex: Lexicon, index: QuoteIndex) -> Attribution | None:
    """``X added: <content>`` with the content after the colon, to the end of its paragraph."""
    cue = a["cue"]
    colon = a.get("colon") or next((t for t in cue.sent if t.i > cue.i and t.text == ":"), None)
    if colon is None or colon.i < cue.i or subject_of(cue) is None:
        return None
    if any(c.dep_ in ("ccomp", "dobj") and c.i > colon.i for c in cue.children):
        return None
    doc, text = cue.doc, cue.doc.text
    start = colon.idx + 1
    while start < len(text) and text[start] in " \t\n\r\"“'‘":
        start += 1
    quote = index.containing(start)
    if quote is not None:
        content = (quote.start, quote.end)
    else:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1] in " \t\r":
            end -= 1
        content = (start, end)
        if len(text[start:end].split()) < 3:
            return None
    found = attribution_for(cue, lex, doc, content, "direct" if quote is not None else "indirect", index)
    return found if found.source is not None else None


_Builder = Callable[[Anchors, Lexicon, QuoteIndex], Attribution | None]
_BUILDERS: dict[str, _Builder] = {
    "np_object": _np_object,
    "backing_of": _drew_from,
    "met_with": _drew_from,
    "light_noun": _light_noun,
    "drew_from": _drew_from,
    "passive_agent": _passive_agent,
    "relative_source": _relative_source,
    "parenthetical": _parenthetical,
    "colon": _colon,
    "colon_head": _colon,
    "put_it": _colon,
}
