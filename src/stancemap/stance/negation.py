"""Stance cues, the negation that governs them, and the targets they take, on parsed words.

The words come from spaCy's parse (:mod:`.words`), read through :mod:`.tree`: a negator
(``does not recognize``, ``will never recognize``, ``neither legal nor valid``, ``has no legal
basis``, ``no state recognizes``) flips a cue only when the cue lies in its syntactic scope
(``data/scope_labels.tsv``); a cue's subject, its passive voice, the copula or consider-verb of a
predicate adjective and an attributive participle are read from the tree; a stance said under a
condition (``if``, ``unless``: ``data/conditions.tsv``) is neutral. Each kind of cue takes its
target from a fixed side (see ``data/stance_words.tsv``); the object after a cue, and a subject
the parse does not name, are still cut at punctuation and clause words (the clause walk below),
since the parse's complements measured worse as targets. The closed word classes it reads
(clause words, auxiliaries, copulas, determiners ...) are data: ``lex.words``
(``data/word_classes.tsv``), and so are the few words its rules name (``data/rule_words.tsv``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .lexicon import Entry, StanceLexicon, WordClasses, load_stance_lexicon
from .rulewords import load_rule_words
from .tree import (
    NOT_PHRASE,
    carrier,
    children,
    circumstance,
    conditional,
    consider_verb,
    copula_before,
    cue_root,
    graded,
    head_of,
    in_scope,
    says_what,
    subject_phrase,
    subtree,
    topic_of,
    verb_adjunct,
)
from .words import Word

__all__ = ["Finding", "find_stances", "norm_object", "subject_of"]

_STOP_PUNCT = frozenset(".;:!?—–()[]")


_MAX_TARGET = 22
_VERBAL = frozenset({"verb", "null", "norm", "part"})  # kinds of cue that are verbs


@dataclass(frozen=True)
class Finding:
    """A stance toward a span of tokens: polarity +1/-1/0 after negation, and why."""

    entry: Entry
    cue: tuple[int, int]  # token indices [start, end) of the cue
    polarity: int
    negator: str | None
    target: tuple[int, int]  # token indices [start, end) of the target
    role: str  # object | subject | norm | attributive
    #: Extra tokens to match the target against (a predicate's complement), [start, end).
    extra: tuple[int, int] | None = None
    #: Said under a condition ("if ...", "unless ..."), so no position yet: polarity 0.
    conditional: bool = False
    #: The polarity of an evaluation that gives this stance as its reason ("condemned X for
    #: recognizing Y": -1), by which the issue's polarity is multiplied; 1 when there is none.
    judged: int = 1


def _is_boundary(tok: Word, w: WordClasses) -> bool:
    return tok.text in _STOP_PUNCT or tok.low in w.clause


def _clause_start(tokens: Sequence[Word], i: int, lo: int, w: WordClasses, stop_comma: bool = True) -> int:
    """Index of the first token of the clause holding token ``i`` (not before ``lo``)."""
    j = i - 1
    while j >= lo:
        t = tokens[j]
        if _is_boundary(t, w) or t.low in w.complementizer or (stop_comma and t.text == ","):
            return j + 1
        if t.low in w.relative:
            return j + 1
        j -= 1
    return lo


def _is_aux(tok: Word, w: WordClasses) -> bool:
    return tok.low in w.aux or tok.low.endswith("n't")


def _subject(tokens: Sequence[Word], cue: int, lo: int, w: WordClasses) -> tuple[int, int]:
    """The subject of a cue's predicate, from the parse."""
    found = subject_phrase(tokens, cue)
    if found is not None and found[0] >= lo:
        return found
    return _subject_before(tokens, cue, lo, w)


def _subject_before(tokens: Sequence[Word], cue: int, lo: int, w: WordClasses) -> tuple[int, int]:
    """The subject before a cue: clause start up to the auxiliaries, copula and negation."""
    start = _clause_start(tokens, cue, lo, w)
    end = cue
    while end > start and (
        _is_aux(tokens[end - 1], w) or tokens[end - 1].low in w.strip_end or tokens[end - 1].text in "'\"“”‘’"
    ):
        end -= 1
    if end > start and not any(t.is_word for t in tokens[start:end]):
        end = start
    if end == start and start > lo and tokens[start - 1].text == ",":
        # "..., which were neither lawful nor valid": the subject is the noun phrase before the comma
        k = start - 1
        if k >= lo and tokens[k].text == ",":
            s2 = _clause_start(tokens, k, lo, w)
            return (s2, k)
    if end == start and start > lo and tokens[start - 1].low in w.relative:
        k = start - 1
        while k > lo and tokens[k - 1].text == ",":
            k -= 1
        return (_clause_start(tokens, k, lo, w), k)
    return (start, end)


def _object(tokens: Sequence[Word], i: int, hi: int, lex: StanceLexicon) -> tuple[int, int]:
    """The object after a cue ending at ``i``: up to the end of the clause or the next verb-like cue."""
    w = lex.words
    start = i
    while start < hi and tokens[start].low in w.lead_in:
        start += 1
    if start < hi and _is_boundary(tokens[start], w):
        return (start, start)
    end = start
    while end < hi and end - start < _MAX_TARGET:
        t = tokens[end]
        if _is_boundary(t, w) and end > start:
            break
        if end > start and lex.negator_at(t) == "particle":
            break
        if end > start and any(tuple(x.low for x in tokens[end : end + len(p)]) == p for p in w.topic_intro):
            break
        if end > start and verb_adjunct(tokens, end):
            break  # "hopes to resolve X during talks in Y": when, not what
        if t.low in {"and", ","} and end + 1 < hi and end > start:
            nxt = tokens[end + 1]
            found = lex.entry_at(tokens, end + 1)
            verb_like = t.low == "and" and nxt.low.endswith("ed") and not nxt.capitalized
            # ", reiterating ...": a participle clause after a comma is a new predication
            participle = t.low == "," and nxt.tag == "VBG" and nxt.dep in ("advcl", "xcomp", "conj")
            if _is_aux(nxt, w) or lex.negator_at(nxt) or (found and found[0].kind == "verb") or verb_like:
                break
            if participle:
                break
        if end > start:
            found = lex.entry_at(tokens, end)
            verb_cue = found is not None and found[0].kind in _VERBAL
            # "urged X to agree to Y": what X is urged to do is the object, cue and all
            urged = tokens[end - 1].low == "to" and t.dep == "xcomp" and end - 1 > start
            if verb_cue and not urged and not _is_attributive_verb(tokens, end, w):
                break
        end += 1
    joiners = load_rule_words().trailing_joiner
    while end > start and (tokens[end - 1].text == "," or tokens[end - 1].low in joiners):
        end -= 1
    return (start, end)


def _is_attributive_verb(tokens: Sequence[Word], i: int, w: WordClasses) -> bool:
    """A participle used as a modifier rather than as a verb: after a determiner, a preposition or
    a possessive, or after an adverb that follows one of those or a coordinator ("its recognized
    frontiers", "within the widely accepted lines", "its rights and universally recognized lines").
    The parse decides when it makes the participle an adjectival modifier; the words before it
    decide where the small model reads a coordinated verb instead ("the X and internationally
    recognized borders")."""
    if tokens[i].dep == "amod" and tokens[i].tag in {"VBN", "VBD"}:
        return True
    if not tokens[i].low.endswith("ed") or tokens[i].pos == "NOUN":
        return False  # "the need for X" is a noun, not a participle
    j = i - 1
    adverb = j >= 0 and tokens[j].low.endswith("ly")
    j -= adverb
    before = tokens[j].low if j >= 0 else ""
    if before in w.complementizer:
        return False
    return (
        before in w.determiner
        or before in w.preposition
        or before.endswith(("'s", "s'"))
        or (adverb and before in w.coordinator)
    )


def _passive(tokens: Sequence[Word], i: int, lo: int, w: WordClasses) -> bool:
    """Whether the cue verb is passive (it has a passive auxiliary), and not a bare infinitive
    ("its quest to be recognized" states no position)."""
    kids = children(tokens, i)
    if not any(tokens[k].dep == "auxpass" for k in kids):
        return False
    return not any(tokens[k].dep == "aux" and tokens[k].low == "to" for k in kids)


def _ends_in_preposition(tokens: Sequence[Word], s: int, e: int) -> bool:
    """Whether a cue of several words ends in the preposition of its object ("commitment to",
    "alarmed by"), so that what follows is what it is about."""
    return e - s > 1 and tokens[e - 1].pos == "ADP"


def _is_scare_quote(tokens: Sequence[Word], i: int, hi: int, w: WordClasses) -> int:
    """Length of a quoted lower-case noun starting at the quote mark ``i`` (0 if none): the
    'elections' a speaker will not call elections. A quoted phrase ("exert 'maximum pressure'")
    or a quoted verb or adjective ("was 'inclined' to") is the speaker's own words, quoted."""
    if tokens[i].text not in "'\"“‘":
        return 0
    if i > 0 and (tokens[i - 1].low in w.quote_intro or tokens[i - 1].text == ":"):
        return 0
    for n in range(1, 4):
        k = i + n
        if k >= hi:
            return 0
        if tokens[k].text in "'\"”’":
            words = tokens[i + 1 : k]
            ok = len(words) == 1 and words[0].is_word and not words[0].capitalized and words[0].pos == "NOUN"
            return k - i + 1 if ok else 0
        if not tokens[k].is_word:
            return 0
    return 0


def _obliged(tokens: Sequence[Word], i: int, lo: int, lex: StanceLexicon) -> bool:
    """Whether the verb at ``i`` stands under an obligation: "must drop", "needs to scrap"."""
    before = [t for t in tokens[max(lo, i - 4) : i] if t.is_word]
    while before and before[-1].pos == "ADV":  # "must immediately drop"
        before.pop()
    if len(before) >= 2 and before[-1].low == "to":
        return before[-2].low in lex.words.deontic_to  # "needs to scrap", not "had dropped"
    return bool(before) and before[-1].low in lex.words.deontic


def _demanded_end(tokens: Sequence[Word], i: int, lo: int, lex: StanceLexicon) -> bool:
    """A verb that ends what it governs, under an obligation: "must drop", "needs to scrap".

    Demanding that something end opposes it, as urging it to end does (``ending_verbs.txt``).
    """
    return tokens[i].low in lex.ending and _obliged(tokens, i, lo, lex)


def _demanded_going_on(tokens: Sequence[Word], i: int, lo: int, lex: StanceLexicon) -> bool:
    """A verb of going on with no object, under an obligation: "the talks must continue".

    Demanding that something go on favours it; the thing is the verb's subject.
    """
    if tokens[i].lemma not in lex.words.going_on or not _obliged(tokens, i, lo, lex):
        return False
    return not any(tokens[k].dep in ("dobj", "xcomp") for k in children(tokens, i))


def find_stances(
    tokens: Sequence[Word], lex: StanceLexicon, inside: tuple[int, int], lo: int = 0, hi: int | None = None
) -> list[Finding]:
    """Stance findings in ``tokens[lo:hi]``; framing words count only in ``inside`` (token indices)."""
    hi = len(tokens) if hi is None else hi
    w = lex.words
    cues: list[tuple[int, int, Entry]] = []
    i = lo
    while i < hi:
        found = lex.entry_at(tokens, i)
        in_ev = inside[0] <= i < inside[1]
        if found is not None and found[0].kind in {"frame", "adj", "pred"} and not in_ev:
            found = None
        if found is None and in_ev:
            n = _is_scare_quote(tokens, i, min(hi, inside[1]), w)
            if n:
                cues.append((i, i + n, Entry(("'…'",), -1, "frame")))
                i += n
                continue
        if found is None and _demanded_end(tokens, i, lo, lex):
            found = (Entry((tokens[i].low,), -1, "verb"), 1)  # "X must drop its tariffs"
        elif found is None and _demanded_going_on(tokens, i, lo, lex):
            found = (Entry((tokens[i].low,), 1, "norm"), 1)  # "the talks must continue": the subject
        modifier = found is not None and found[0].kind in _VERBAL and _is_attributive_verb(tokens, i, w)
        if found is not None and not modifier:
            cues.append((i, i + found[1], found[0]))
            i += found[1]
        else:
            i += 1

    findings: list[Finding] = []
    negators: list[tuple[int, str, str]] = []  # (index, kind, word) of the negating words so far
    used: set[int] = set()  # negators that have negated a cue already
    cue_at = {c[0]: c for c in cues}
    for j in range(lo, hi):
        t = tokens[j]
        kind = lex.negator_at(t)
        if kind and j not in cue_at:
            negators.append((j, kind, t.low))
            continue
        if j not in cue_at:
            continue
        s, e, entry = cue_at[j]
        root = cue_root(tokens, s, e)
        if circumstance(tokens, root):
            continue
        paired = load_rule_words().paired_negator
        pending = [
            n for n in negators
            if n[0] not in used and in_scope(tokens, n[0], root, n[1] != "particle", n[2] in paired)
        ]  # fmt: skip
        finding = _take(tokens, s, e, entry, lex, lo, hi, pending)
        if finding is None:
            continue
        if finding.negator is not None:
            used.update(n[0] for n in pending)
        if finding.polarity and finding.role != "attributive" and conditional(tokens, root):
            finding = replace(finding, polarity=0, conditional=True)
        findings.append(finding)
    return _for_reasons(tokens, _nest(_of_stances(tokens, findings)), lex)


def _for_reasons(tokens: Sequence[Word], findings: list[Finding], lex: StanceLexicon) -> list[Finding]:
    """A stance inside the reason an evaluation gives ("condemned X for recognizing Y") is the
    evaluation's: condemning X for recognizing Y opposes Y, criticizing X for refusing to
    recognize Y supports it. The reason is a gerund after "for" that the evaluating verb governs.
    Verbs that judge only in this frame ("attacked X for ...", "thanked X for ...") are the
    ``reproach`` and ``commend`` word classes: alone they take no stance.
    """
    out: list[Finding] = []
    for g in findings:
        k: int | None = cue_root(tokens, *g.cue)
        for _ in range(3):  # "for refusing to recognize Y": up to the gerund after "for"
            if k is None or tokens[k].dep not in ("xcomp", "conj"):
                break
            k = head_of(tokens, k)
        h = head_of(tokens, k) if k is not None else None
        if k is not None and tokens[k].dep == "pcomp" and h is not None and tokens[h].low == "for":
            up = head_of(tokens, h)
            up = head_of(tokens, up) if up is not None and tokens[up].pos in ("NOUN", "PROPN") else up
            judge = next(
                (f for f in findings if f is not g and up is not None and f.cue[0] <= up < f.cue[1]), None
            )
            if judge is not None and judge.entry.kind == "verb" and judge.polarity:
                g = replace(g, judged=judge.polarity)
            elif judge is None and up is not None and tokens[up].pos == "VERB":
                verdict = _verdict(tokens[up].lemma, lex)
                g = replace(g, judged=verdict) if verdict else g
        out.append(g)
    return out


def _verdict(lemma: str, lex: StanceLexicon) -> int:
    """-1 for a verb that reproaches someone for a reason, +1 for one that commends, else 0."""
    return -1 if lemma in lex.words.reproach else 1 if lemma in lex.words.commend else 0


def _of_stances(tokens: Sequence[Word], findings: list[Finding]) -> list[Finding]:
    """A verb's stance toward another's stance, named by a noun at the head of its object, is a
    stance toward what that noun is about: rejecting criticism of X backs X, welcoming opposition
    to X opposes it ("dismissed concern about X": - times - is +)."""
    out = list(findings)
    for f in findings:
        if f.role != "object" or f.entry.kind not in _VERBAL or f not in out:
            continue
        root = cue_root(tokens, *f.cue)
        for g in findings:
            if (
                g is f
                or g.role != "object"
                or g.entry.kind != "verb"
                or not f.target[0] <= g.cue[0] <= f.target[1]
            ):
                continue
            noun = cue_root(tokens, *g.cue)
            if tokens[noun].pos != "NOUN" or not _heads_object(tokens, noun, root):
                continue
            out[out.index(f)] = replace(f, target=g.target, polarity=f.polarity * g.polarity, extra=None)
            out.remove(g)
            break
    return out


def _heads_object(tokens: Sequence[Word], noun: int, verb: int) -> bool:
    """Whether ``noun`` is the verb's object, or that of a preposition on it ("objected to X")."""
    h = head_of(tokens, noun)
    if h == verb:
        return tokens[noun].dep in ("dobj", "nsubjpass")
    return (
        h is not None
        and tokens[noun].dep == "pobj"
        and tokens[h].dep == "prep"
        and head_of(tokens, h) == verb
    )


def _nest(findings: list[Finding]) -> list[Finding]:
    """A predicate over a subject that holds an earlier cue takes that cue's target.

    "The decision to recognise X was premature": premature (-) over recognise (+) -> against X.
    "This contradicts Y and violates Z": the subject of "violates" is that of "contradicts".
    """
    out: list[Finding] = []
    neutral = [f.target for f in findings if f.entry.kind == "neutral" and f.role == "object"]
    findings = [f for f in findings if not any(a <= f.cue[0] < b for a, b in neutral)]
    for f in findings:
        if f.role == "subject":
            held = [g for g in out if f.target[0] <= g.cue[0] < f.target[1] and g.role != "attributive"]
            inner = held[-1] if held else None
            if inner is not None:
                if inner.role == "subject":
                    f = replace(f, target=inner.target)
                else:
                    out.remove(inner)
                    pol = f.polarity * inner.polarity
                    f = replace(f, target=inner.target, polarity=pol, extra=None)
        out.append(f)
    return out


def _take(
    tokens: Sequence[Word],
    s: int,
    e: int,
    entry: Entry,
    lex: StanceLexicon,
    lo: int,
    hi: int,
    pending: list[tuple[int, str, str]],
) -> Finding | None:
    """The finding of one cue, its negation resolved."""
    w = lex.words
    kind = entry.kind
    role = "object"
    target: tuple[int, int]
    extra: tuple[int, int] | None = None
    if kind == "frame":
        obj = _object(tokens, e, hi, lex)
        first = s if entry.words == ("'…'",) else obj[0]
        return Finding(entry, (s, e), -1, None, (first, max(obj[1], e)), "attributive")
    if kind == "basis":
        return Finding(entry, (s, e), 1, None, _object(tokens, e, hi, lex), "norm")
    if kind == "topic":
        clause = _clause_start(tokens, s, lo, w, stop_comma=False)
        if not any(t.low in w.means for t in tokens[clause:e]):
            return None
        if _passive(tokens, s, lo, w):
            target, role = _subject(tokens, s, lo, w), "subject"
        else:
            start = s
            while (
                start > max(clause, s - 3)
                and tokens[start - 1].is_word
                and not (_is_aux(tokens[start - 1], w) or tokens[start - 1].low in w.lead_in | w.means)
            ):
                start -= 1
            target, role = (start, max(e, _object(tokens, e, hi, lex)[1])), "object"
        negator = next((w for _, k, w in reversed(pending) if k == "particle"), None)
        return Finding(entry, (s, e), -1 if negator else 1, negator, target, role)
    if kind in {"adj", "pred", "norm", "neutral"}:
        cons = consider_verb(tokens, s, lo, w.consider)
        cop = copula_before(tokens, s, lo, w.copula)
        if kind == "adj" and any(x is not None and says_what(tokens, x) for x in (cons, cop)):
            cons = cop = None  # "what it called 'an outrageous levy'": the adjective's own noun names it
        if kind == "pred" and tokens[s].dep == "amod" and graded(tokens, s, w.valenced_noun):
            return None  # "X is a great mistake": the adjective grades the noun's own judgement
        topic = topic_of(tokens, e, hi) if kind == "neutral" else None
        if kind == "neutral" and entry.words[-1] in load_rule_words().neutral_object_prep:
            end = e
            while end < hi and not _is_boundary(tokens[end], w) and lex.negator_at(tokens[end]) is None:
                end += 1
            target, role = (e, end), "object"
        elif topic is not None:
            target, role = topic, "object"  # "declined to comment on X": withheld on X
        elif cons is not None:
            noun = carrier(tokens, s)  # "called X a step in the right direction": X, not "a step"
            target = (cons + 1, s if noun is None or noun == s else min(s, subtree(tokens, noun)[0]))
            while target[1] > target[0] and tokens[target[1] - 1].low in load_rule_words().consider_trim:
                target = (target[0], target[1] - 1)
            if target[1] <= target[0]:
                target = _subject(tokens, cons, lo, w)
            role = "subject"
            extra = _object(tokens, e, hi, lex)
        elif cop is not None or kind in {"norm", "neutral"}:
            target = _subject(tokens, cop if cop is not None else s, lo, w)
            role = "subject"
            extra = _object(tokens, e, hi, lex)
        else:
            if kind != "adj":
                return None
            start = s
            while start > lo and tokens[start - 1].low in w.determiner | load_rule_words().before_attributive:
                start -= 1
            target = (start, _object(tokens, e, hi, lex)[1])
            noun = head_of(tokens, cue_root(tokens, s, e))
            if tokens[cue_root(tokens, s, e)].dep == "amod" and noun is not None and noun >= e:
                phrase = subtree(tokens, noun, NOT_PHRASE)  # the noun the adjective qualifies
                target = phrase if phrase[0] <= s else (start, phrase[1])
            role = "attributive"
        pointer = target[1] - target[0] == 1 and tokens[target[0]].low in w.pronoun | w.determiner
        if kind == "pred" and tokens[s].pos == "ADJ" and pointer:
            return None  # "That is bad": a predicative adjective judges a thing it names, not one pointed at
    elif kind == "null":
        if entry.words[0].startswith(load_rule_words().object_null_cue):
            target, role = _object(tokens, e, hi, lex), "object"
        else:
            target, role = _subject(tokens, s, lo, w), "subject"
    elif (
        kind == "verb"
        and tokens[s].dep == "amod"
        and e == s + 1
        and (cop := copula_before(tokens, s, lo, w.copula))
    ):
        target, role = _subject(tokens, cop, lo, w), "subject"  # "X is a welcome step": said of X
    elif _passive(tokens, s, lo, w) and not _ends_in_preposition(tokens, s, e):  # "X was alarmed by Y": Y
        target, role = _subject(tokens, s, lo, w), "subject"
    elif (
        s > lo and tokens[s - 1].low in w.possessive and not (e < hi and tokens[e].low in w.lead_in)
        and not _ends_in_preposition(tokens, s, e)  # "their commitment to X": about X
    ):  # fmt: skip
        target = (s, s)  # "our recognition": the act itself, named before
    elif s > 1 and tokens[s - 1].low == "be" and tokens[s - 2].low == "to":
        return None
    else:
        target = _object(tokens, e, hi, lex)
        edge = subtree(tokens, cue_root(tokens, s, e))[1]
        if target[0] < edge < target[1] and tokens[cue_root(tokens, s, e)].pos == "VERB":
            target = (target[0], edge)  # the verb's own clause: "the conditions to recognize X have ..."
    negator = None
    withheld = False
    if role != "attributive":
        word = tokens[s].low
        for idx, nkind, nword in reversed(pending):
            if nkind == "withhold":  # "its reluctance to endorse X": no position yet, either way
                denied = any(k == "particle" and idx - 3 <= i < idx for i, k, _ in pending)
                if not denied:  # "did not hesitate to condemn" condemns all the more
                    negator, withheld = nword, True
                break
            if (nkind == "verb") != (kind in {"verb", "part"}) and nkind != "particle":
                continue  # a negating verb flips a stance verb; a denying one ("lacks") a noun or adjective
            if nword in load_rule_words().paired_negator and word.endswith("ing") and kind == "verb":
                continue
            negator = nword
            break
    if kind in {"null", "part"} and (negator is None or withheld):
        return None  # attending or taking part says nothing; refusing to opposes
    polarity = entry.polarity
    if kind == "null":
        polarity = -1
    elif withheld:
        polarity = 0
    elif negator is not None:
        polarity = -polarity
    return Finding(entry, (s, e), polarity, negator, target, role, extra)


def norm_object(tokens: Sequence[Word], f: Finding, hi: int, lex: StanceLexicon) -> tuple[int, int] | None:
    """For a norm cue ("violates Y", "contrary to Y"): the norm upheld, Y."""
    if f.entry.kind != "norm" or f.negator is not None:
        return None
    span = _object(tokens, f.cue[1], hi, lex)
    return span if span[1] > span[0] else None


def subject_of(tokens: Sequence[Word], f: Finding, lex: StanceLexicon | None = None) -> tuple[int, int]:
    """The subject of a verb cue (clause start up to its auxiliaries and negation)."""
    return _subject(tokens, f.cue[0], 0, (lex or load_stance_lexicon()).words)
