"""Claims: what each statement says about which of the user's issues (spec §2-3).

For each statement the stance logic reads the actor's words (the evidence; for a reported
statement also the reporting verb and its negation before it, and for an outlet's summary the
rest of its sentence), finds the stance cues in them (:mod:`.negation`), takes each cue's target
and matches it to an issue (:mod:`.matching`). Framing words (so-called, illegal, scare quotes)
count only inside the evidence, never in the outlet's words around it. Every claim says why in
``reason``: the cue, the negation if any, and the issue words matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ..models import Article, Claim, Issue, Polarity, Statement
from ..resolve import Gazetteer, load_gazetteer
from .acts import act_candidates, act_claim, is_source
from .belonging import BELONG, belonging
from .lexicon import StanceLexicon, family, load_stance_lexicon
from .matching import IssueMatcher, IssueProfile, Terms, split_definition
from .negation import Finding, find_stances, norm_object, subject_of
from .reprisal import REPRISAL, answered, reprisals
from .rulewords import load_rule_words
from .tree import children, target_pieces
from .words import ParsedText, Word, plain_words

__all__ = ["attach_claims", "claims_for"]

_CONTEXT_CHARS = 500
_POLARITY: dict[int, Polarity] = {1: "support", -1: "oppose", 0: "neutral"}
_SIGN = {v: k for k, v in _POLARITY.items()}
#: How far back (characters) "the move" looks for the act it takes up: about two sentences.
_ACT_CHARS = 400


@lru_cache(maxsize=8)
def _matcher(issues: tuple[Issue, ...], with_gazetteer: bool) -> IssueMatcher:
    gaz: Gazetteer | None = None
    if with_gazetteer:
        gaz = load_gazetteer()
    return IssueMatcher(issues, load_stance_lexicon(), gaz)


def attach_claims(
    article: Article,
    statements: Sequence[Statement],
    issues: Sequence[Issue],
    parsed: ParsedText,
    use_gazetteer: bool = True,
) -> list[Statement]:
    """The same statements with ``claims`` filled (``dataclasses.replace``), in the same order.

    ``parsed`` holds the article's parsed words (:mod:`.words`, from the extraction pipeline).
    With no issues, claims are still found, all with ``issue=None``.
    """
    matcher = _matcher(tuple(issues), use_gazetteer)
    if article.title:
        title = matcher.terms(article.title)
    else:
        lead = (article.body_start, article.body_start + 300)
        title = matcher.terms(article.text[slice(*lead)], parsed.within(*lead))
    out = list(statements)
    acts: list[Act] = []
    profiles = {p.issue.id: p for p in matcher.profiles}
    for k in sorted(range(len(out)), key=lambda k: (out[k].evidence.start, k)):
        st = out[k]
        claims = claims_for(article, st, matcher, title, parsed, acts)
        out[k] = replace(st, claims=tuple(claims))
        acts += [
            Act(st.evidence.end, profiles[c.issue], _SIGN[c.polarity], st.actor)
            for c in claims
            if c.issue is not None and c.polarity != "neutral"
        ]
    return out


@dataclass(frozen=True)
class Act:
    """A claim already read in the article, which "the move" or "this decision" after it may take up."""

    end: int
    profile: IssueProfile
    polarity: int
    actor: str


@lru_cache(maxsize=4)
def _clause_break(concessive: frozenset[str]) -> re.Pattern[str]:
    """A semicolon or colon, or a concessive word ("but", "while" ...) that starts a clause."""
    words = "|".join(sorted(re.escape(w) for w in concessive))
    return re.compile(rf"[;:]\s|,?\s(?:{words})\s", re.IGNORECASE)


def _window(article: Article, st: Statement, lex: StanceLexicon, parsed: ParsedText) -> tuple[int, int]:
    """Characters to read for a statement: the evidence, its reporting verb before, a summary's sentence."""
    ev = st.evidence
    sent_start, sent_end = parsed.sentence(ev.start, ev.end)
    sent_start = max(sent_start, min(article.body_start, ev.start))
    start, end = ev.start, ev.end
    before = [x.start for x in (st.source, st.cue) if x is not None and x.end <= ev.start]
    unframed = st.source is None and st.cue is None  # a quotation the text around attributes
    if st.kind == "summary" or unframed or (before and min(before) >= sent_start):
        start = sent_start
        lead = min(before) if before else ev.start
        for m in _clause_break(lex.words.concessive).finditer(article.text, sent_start, lead):
            start = m.end()
    if st.kind == "summary":
        end = max(end, min(sent_end, len(article.text)))
    return start, end


def _span_text(article: Article, tokens: Sequence[Word], span: tuple[int, int]) -> str:
    if span[1] <= span[0]:
        return ""
    return article.text[tokens[span[0]].start : tokens[span[1] - 1].end]


@lru_cache(maxsize=256)
def _definition_words(definition: str) -> list[Word]:
    """The words of an issue's support or oppose line (the same few lines are read for every cue)."""
    return plain_words(definition)


def _cue_uses(
    definition: str, cue: str, lex: StanceLexicon, rest: tuple[str, ...] = ()
) -> tuple[tuple[bool, bool], ...]:
    """For each use of a cue (its word family) in a definition line: whether the line negates it ("does not
    recognize"), and whether it governs ending the object ("calling for it to be lifted").

    ``rest`` are the cue's further words, which a use must have too: "calls for" is not a use
    of "calls it a provocation".
    """
    tokens = _definition_words(definition)
    uses: list[tuple[bool, bool]] = []
    for k, t in enumerate(tokens):
        if not t.is_word or family(t.low) != cue:
            continue
        nxt = k + 1
        if rest and nxt < len(tokens) and tokens[nxt].low in lex.words.coordinator:
            nxt += 2  # "calls or works for": the particle is shared
        following = [u.low for u in tokens[nxt : nxt + len(rest)]]
        if len(following) < len(rest):
            continue
        if any(w.isalpha() and w != u for w, u in zip(rest, following, strict=True)):
            continue
        after: list[Word] = []
        for u in tokens[k + 1 : k + 7]:
            if not u.is_word or u.low in lex.words.clause or u.low in lex.words.coordinator:
                break
            after.append(u)
        ending = any(u.low in lex.ending for u in after)
        # a negation reaches over its verb's coordinated objects ("does not recognize the result or
        # his legitimacy"), not over a coordinated verb ("does not recognize it or condemns it") nor
        # past a comma ("does not recognize them, condemns them")
        if k and tokens[k - 1].low in lex.words.coordinator:
            uses.append((False, ending))
            continue
        before: list[Word] = []
        for u in reversed(tokens[max(0, k - 8) : k]):
            if not u.is_word or u.low in lex.words.clause:
                break
            before.append(u)
        uses.append((any(lex.negator_at(u) == "particle" for u in before), ending))
    return tuple(uses)


def _map_polarity(p: IssueProfile, f: Finding, target: Terms, lex: StanceLexicon, ending: bool) -> int:
    """:func:`_defined_polarity`, times the evaluation that gives the stance as its reason."""
    return _defined_polarity(p, f, target, lex, ending) * f.judged


def _defined_polarity(p: IssueProfile, f: Finding, target: Terms, lex: StanceLexicon, ending: bool) -> int:
    """The polarity as the issue defines it, from the support/oppose lines that use the cue.

    Each use of the cue in a definition line implies a polarity for the statement: the line's
    own when both negate the cue alike ("does not recognize" in the statement and in the oppose
    line) and both do or do not end the object alike (``ending``: "urged them to lift the ban"
    against "calling for it to be lifted"), the other one when they differ. When the uses
    disagree, the line the target fits best decides; when nothing decides, the cue's own
    polarity stands, reversed when the target ends the object.
    """
    own = -f.polarity if ending else f.polarity
    if not f.entry.polarity or not f.polarity or f.conditional:
        return own  # no polarity, or one withheld (a condition, others' positions reported)
    if p.neutral & target.families:
        return 0  # "supports it in principle": the issue's own neutral line qualifies the position
    cue = family(f.entry.words[0].rstrip("*"))
    negated = f.negator is not None
    _, sup, opp = split_definition(p.issue.description)
    implied: list[tuple[int, int]] = []  # (fit of the line to the target, implied polarity)
    for sign, text, terms in ((1, sup, p.support), (-1, opp, p.oppose)):
        fit = len((terms.families | terms.names) & (target.families | target.names))
        implied += [
            (fit, sign if (neg == negated) == (end == ending) else -sign)
            for neg, end in _cue_uses(text, cue, lex, f.entry.words[1:])
        ]
    signs = {s for _, s in implied}
    if len(signs) == 1:
        return signs.pop()
    if len(signs) == 2:
        best = max(fit for fit, _ in implied)
        top = {s for fit, s in implied if fit == best}
        if best and len(top) == 1:
            return top.pop()
    return own


def _reverses(words: Sequence[str], hits: set[str], lex: StanceLexicon) -> bool:
    """Whether the target ends the issue's object ("to cease their cooperation") rather than names it."""
    families = [family(w) for w in words]
    first_hit = next((i for i, s in enumerate(families) if s in hits), None)
    return first_hit is not None and any(w in lex.ending for w in words[:first_hit])


def claims_for(
    article: Article,
    st: Statement,
    matcher: IssueMatcher,
    title: Terms | None,
    parsed: ParsedText,
    acts: Sequence[Act] = (),
) -> list[Claim]:
    """The claims of one statement; ``acts`` are the claims read before it in the article."""
    lex = matcher.lex
    ws, we = _window(article, st, lex, parsed)
    tokens = parsed.within(ws, we)
    ev = st.evidence
    inside = (
        next((k for k, t in enumerate(tokens) if t.start >= ev.start), len(tokens)),
        next((k for k, t in enumerate(tokens) if t.end > ev.end), len(tokens)),
    )
    # a cue before the evidence counts only when it governs the evidence (its reporting verb)
    threats = reprisals(tokens, lex)  # "retaliation if X": the condition, not the word's own object
    stances = [f for f in find_stances(tokens, lex, inside) if not any(f.cue[0] == t.cue[0] for t in threats)]
    findings = [
        f for f in [*stances, *belonging(tokens, lex), *threats]
        if st.kind == "summary" or f.cue[0] >= inside[0] or f.target[1] > inside[0]
        or f.target[0] == f.target[1]
    ]  # fmt: skip
    held = [p for p in matcher.profiles if st.actor in p.holders]
    ev_words = parsed.within(ev.start, ev.end)
    acting = act_candidates(tokens, matcher)
    if not findings and not held and not acting:
        return []
    if not findings and not acting:
        families = {family(part) for w in ev_words if w.is_word for part in w.low.split("-")}
        if not any(p.topics & families for p in held):
            return []  # the holder says nothing of its act: no need to read the text around
    ev_terms = matcher.terms(ev.text, ev_words)
    published = st.date or article.published
    before = (max(article.body_start, ev.start - _CONTEXT_CHARS), ev.start)
    context = [(ev_terms, 0.5), (matcher.terms(article.text[slice(*before)], parsed.within(*before)), 0.5)]
    if title is not None:
        context.append((title, 0.5))

    chosen: dict[str | None, tuple[int, Claim]] = {}
    unmatched: list[Claim] = []
    last: IssueProfile | None = None
    for f in findings:
        if st.kind != "summary" and f.entry.kind == "verb" and f.role == "object" and f.polarity:
            subject = tokens[slice(*subject_of(tokens, f))]
            # "other states would ...", not "the United States": a name is no such group, and
            # the speaker's own subject ("the G7 nations reaffirmed their support") is no other
            own_source = is_source(subject, st)
            others = not own_source and any(t.low in lex.words.others and not t.capitalized for t in subject)
            if others and not any(t.low in lex.words.own for t in subject):
                f = replace(f, polarity=0)  # the speaker reports what other countries would do
            elif not own_source and _reported(tokens, f) and _another_actor(matcher, subject, st.actor):
                continue  # "..., but the Ruritanian side refused": that side's stance, not the speaker's
        earlier = [a for a in acts if a.end <= ev.start and a.actor != st.actor]
        results = _claims_of(
            article, tokens, f, matcher, lex, context, published, last, we, earlier, st.actor
        )
        for prio, claim, profile in results:
            if profile is None:
                unmatched.append(claim)
                continue
            last = profile
            old = chosen.get(claim.issue)
            if old is None or prio > old[0]:
                chosen[claim.issue] = (prio, claim)
    claims = [c for _, c in chosen.values()]
    seen = {c.target for c in claims}
    claims += [c for c in unmatched if c.target not in seen and c.polarity != "neutral"][:2]
    if held and not any(c.issue for c in claims):
        claims += _holder_claims(
            ev.text, ev_words, ev_terms, held, matcher, context[1:], published, st.actor, (tokens, [inside])
        )
    if acting and not any(c.issue for c in claims):
        act = act_claim(tokens, acting, st, matcher, context, published)
        if act is not None:
            claims.append(act)
    supported = [(a.profile, a.actor) for a in acts if a.end <= ev.start and a.polarity > 0]
    # most statements have no act told before them
    profile = answered(tokens, st, lex, supported, matcher.gaz) if supported else None
    if profile is not None and not any(c.issue == profile.issue.id for c in claims):
        why = "a reprisal against the act of its holder told before"
        claims.append(Claim(_span_text(article, tokens, inside), "oppose", profile.issue.id, why))
    return claims


def _reported(tokens: Sequence[Word], f: Finding) -> bool:
    """Whether a verb cue states what its subject did or does ("the other side refused"), not
    what it ought to do ("it is for X to accept it", "X must accept it"): finite, with no modal."""
    k = f.cue[0]
    if tokens[k].tag not in ("VBD", "VBZ", "VBP"):
        return False
    return not any(tokens[c].tag == "MD" for c in children(tokens, k))


def _another_actor(matcher: IssueMatcher, subject: Sequence[Word], actor: str) -> bool:
    """Whether a subject names a state or organization other than the speaker's, and not the
    speaker's too: what that one accepts or rejects is its own stance, which the speaker reports."""
    if matcher.gaz is None or not subject or any(t.low in matcher.lex.words.own for t in subject):
        return False
    codes = matcher.terms(" ".join(t.text for t in subject), subject).codes  # its names' actors, cached
    return bool(codes) and "@" + actor not in codes


def _holder_claims(
    text: str,
    words: Sequence[Word],
    terms: Terms,
    held: Sequence[IssueProfile],
    matcher: IssueMatcher,
    context: list[tuple[Terms, float]],
    published: date | None,
    speaker: str,
    window: tuple[Sequence[Word], list[tuple[int, int]]],
) -> list[Claim]:
    """Support for the issues that are the speaker's own act, when the speaker talks of it plainly.

    An actor speaking of its own act ("US tariffs on X" and the US on those tariffs) speaks for
    it unless it says otherwise: a statement with no stance cue of its own backs the act. A
    negation, a verb that ends something, or a question leaves it unsaid; so does evidence
    whose best issue is another one, or that names another doer of the act (``window``: the
    words read around the statement, and the evidence's span in them). The same act on each
    of several places the evidence names ("tariffs on A, B and C") is backed on each.
    """
    lex = matcher.lex
    if any(lex.negator_at(w) or w.low in lex.ending for w in words) or (words and words[-1].text == "?"):
        return []
    terms = matcher.without(terms, text, speaker)  # the doer named ("U.S. President X") is no place
    hit = matcher.best(terms, context, published)
    if hit is None or hit[0] not in held:
        return []
    profile, hits = hit
    named = {family(w.low) for w in words if w.pos in ("NOUN", "PROPN")}  # "the bases", not "close to"
    if not hits & profile.title_topics & named and len(matcher.distinct(hits)) < 2:
        return []  # the act itself ("the tariffs") or two of its words, not one word and a name
    if matcher.doers_issue(profile, *window, terms, speaker) is not None:
        return []  # the act the words name is another's: "Peru's tariffs"
    alike = [
        q for q in held
        if q is not profile and q.title_topics == profile.title_topics and q.has_name(terms.names)
        and matcher.allowed(q, terms, published)
    ]  # fmt: skip
    target = " ".join(text.split())[:200]  # the evidence, as one line: the claim has no target of its own
    out = []
    for p in (profile, *alike):
        why = f"the issue is the speaker's own act (its title names {'/'.join(sorted(p.holders))})"
        out.append(Claim(target, "support", p.issue.id, f"{why}; issue words {sorted(p.topic_hits(terms))}"))
    return out


def _claims_of(
    article: Article,
    tokens: Sequence[Word],
    f: Finding,
    matcher: IssueMatcher,
    lex: StanceLexicon,
    context: list[tuple[Terms, float]],
    published: date | None,
    last: IssueProfile | None,
    window_end: int,
    acts: Sequence[Act] = (),
    actor: str = "",
) -> list[tuple[int, Claim, IssueProfile | None]]:
    """(priority, claim, issue profile) for one finding; the profile is None when no issue matched.

    A target that takes up an act ("condemned the move") has the issue of the act's claim just
    before it, and the polarity of the actor's evaluation times the act's own: condemning a
    recognition opposes it, condemning a withdrawal of recognition supports it.
    """
    kind = f.entry.kind
    prio = 0 if kind == "frame" else 1 if f.role == "attributive" or kind in {"topic", "basis"} else 2
    strict = kind == "basis"
    # a bare name is the issue's object for recognition ("recognizes Kosovo") and for backing a
    # person ("support for Ruritania's opposition leader Berg"); backing a state ("supports
    # China") says nothing of which of that state's issues
    recognition = f.entry.words[0].startswith(load_rule_words().recognition_cue)
    backing = f.entry.words[0].startswith(load_rule_words().backing_cue)
    cue_text = _span_text(article, tokens, f.cue)
    why = f"cue '{cue_text}' ({f.entry.kind})" + (f", negated by '{f.negator}'" if f.negator else "")
    why += ", under a condition" if f.conditional else ""
    out: list[tuple[int, Claim, IssueProfile | None]] = []
    spans = [(f.target, f.polarity * f.judged, why)]
    norm = norm_object(tokens, f, len(tokens), lex)
    if norm is not None:
        spans.append((norm, 1, f"norm upheld after cue '{cue_text}'"))
    for k, (span, polarity, reason) in enumerate(spans):
        target_text = _span_text(article, tokens, span)
        words = [t.low for t in tokens[span[0] : span[1]] if t.is_word]
        whole = matcher.terms(target_text, tokens[span[0] : span[1]])
        if kind == BELONG:  # "X is part of Y" is about Y's territory (see belonging.py)
            whole = matcher.terms(f"{target_text} {' '.join(sorted(lex.words.territory_topic))}")
        names_ok = (recognition or (backing and not whole.codes)) and _name_is_object(tokens, span)
        if not words and all(t.pos == "NOUN" and t.dep == "pobj" for t in tokens[f.cue[0] : f.cue[1]]):
            continue  # "gave us a lot of hope": a noun of stance in a phrase, with nothing it is about
        found: list[tuple[IssueProfile, set[str], str]] = []
        factor = 1  # the polarity of an act the target takes up
        at_act = _points_at_act(tokens, span, words, lex)  # "the move", "the call"
        pointing = at_act or lex.is_anaphor(words)
        pieces = [] if pointing else target_pieces(tokens, span, lex.words.coordinator)
        act = _act_taken_up(tokens, span, acts) if at_act and not (strict or k) else None
        if act is not None:
            found.append((act.profile, set(), f"takes up the act of {act.actor} before it"))
            factor = act.polarity
        elif kind == BELONG:
            hit = matcher.best(whole, context, published)
            if hit is not None and not k:
                found.append((hit[0], hit[1], "belonging"))
        elif not pieces:
            back = _refer_back(article, tokens, span, matcher, context, published, last, f.cue)
            if back is not None and not (strict or k):
                found.append(back)
        else:
            ctx = [(whole, 1.5), (matcher.terms(cue_text, tokens[f.cue[0] : f.cue[1]]), 1.0), *context]
            head: Terms | None = None
            for piece in pieces:
                terms = matcher.terms(_span_text(article, tokens, piece), tokens[piece[0] : piece[1]])
                if head is not None and _names_only(tokens, piece):
                    # "tariffs on A, B and C": each name after the first takes its words
                    terms = replace(head, names=terms.names, places=terms.places, codes=terms.codes)
                elif head is None and terms.names:
                    head = terms
                hit = matcher.best(terms, ctx, published, names_ok)
                if hit is None or any(hit[0] is g[0] for g in found):
                    continue
                if (strict or k) and len(hit[1]) < 2 and not hit[0].has_name(terms.names):
                    continue
                found.append((hit[0], hit[1], ""))
            if not found:
                probe = whole
                if f.extra is not None and k == 0 and kind in {"adj", "pred"}:
                    probe = matcher.terms(target_text + " " + _span_text(article, tokens, f.extra))
                hit = matcher.best(probe, ctx, published, names_ok)
                if hit is None and kind == "verb" and not (strict or k):
                    hit = _named_by_cue(matcher, tokens, f, probe, published)
                if hit is not None and not (strict or k):
                    found.append((hit[0], hit[1], ""))
                elif hit is None and not (strict or k) and kind != REPRISAL and _led_by_pronoun(words, lex):
                    back = _refer_back(article, tokens, span, matcher, context, published, last, f.cue)
                    if back is not None:
                        found.append(back)
                elif hit is None and not (strict or k) and _definite_noun(tokens, span, words, lex):
                    # "the system": the thing of the issue the text before names, by its own word
                    named = matcher.from_context(context, published)
                    if named is not None and family(words[-1]) in named[0].topics:
                        found.append((named[0], named[1], "takes up a thing the text before names"))
        if k == 0 and actor:
            # "Canada's tariffs" belong to the mirror issue that Canada holds
            said = [span] if f.extra is None else [span, f.extra]  # "X is a tariff abuser": its predicate
            doers = [matcher.doers_issue(g[0], tokens, said, whole, actor) for g in found]
            found = [
                (d[0], d[1], "the act's doer named") if isinstance(d, tuple) else g
                for g, d in zip(found, doers, strict=True)
                if d is not False  # another's act, with no issue of its own here
            ]
        if not target_text:
            target_text = cue_text
        if not found:
            if k == 0 and f.polarity != 0 and prio == 2:
                out.append((prio, Claim(target_text, _POLARITY[polarity], None, reason + "; no issue"), None))
            continue
        for profile, hits, note in found:
            # "urged them to cease the cooperation": against the cooperation
            ending = _reverses(words, hits, lex)
            if ending and hits and not hits & profile.heads:
                continue  # ending what the issue is not about ("ending the war" for a ceasefire): unclear
            pol = (-polarity if ending else polarity) if k else _map_polarity(profile, f, whole, lex, ending)
            pol *= factor
            if pol < 0 and actor in profile.holders and note.startswith("refers back"):
                continue  # what its doer rejects, only pointed at, is not the doer's own act
            detail = f"; issue words {sorted(hits)}" if hits else ""
            text = reason + detail + (f"; {note}" if note else "")
            out.append((prio, Claim(target_text, _POLARITY[pol], profile.issue.id, text), profile))
    return out


def _named_by_cue(
    matcher: IssueMatcher, tokens: Sequence[Word], f: Finding, target: Terms, published: date | None
) -> tuple[IssueProfile, set[str]] | None:
    """The one issue that the stance verb and its object name together, as the issue's title
    names it with the verb's noun: "continue to *support* Ukraine" is "*support* for Ukraine".

    Only when the verb's word is the head of that issue's title and the object names one of
    the issue's places, and no other issue is so named: the verb alone is a stance on anything.
    """
    cue = {family(t.lemma) for t in tokens[f.cue[0] : f.cue[1]] if t.pos in ("VERB", "NOUN")}
    if not cue & matcher.heads or not target.names:
        return None
    named = [
        p for p in matcher.profiles
        if cue & p.heads and p.has_name(target.names) and matcher.allowed(p, target, published)
    ]  # fmt: skip
    return (named[0], cue & named[0].heads) if len(named) == 1 else None


def _act_taken_up(tokens: Sequence[Word], span: tuple[int, int], acts: Sequence[Act]) -> Act | None:
    """The act a target that points at one (:func:`_points_at_act`: "the move", "this decision")
    takes up: the latest claim just before it."""
    if not acts:
        return None
    start = tokens[span[0]].start
    near = [a for a in acts if start - _ACT_CHARS <= a.end <= start]
    return max(near, key=lambda a: a.end) if near else None


def _points_at_act(
    tokens: Sequence[Word], span: tuple[int, int], words: Sequence[str], lex: StanceLexicon
) -> bool:
    """Whether a target is a definite act noun that names nothing itself: "the move", "this
    decision", "their step", "the call"; not "a move" or "the Bordurian proposal"."""
    if len(words) > 3 or span[1] <= span[0] or not words or words[-1] not in lex.words.act_noun:
        return False
    if words[0] not in lex.words.determiner or words[0] in lex.words.indefinite:
        return False
    return not any(t.capitalized for t in tokens[span[0] + 1 : span[1]])


def _name_is_object(tokens: Sequence[Word], span: tuple[int, int]) -> bool:
    """Whether the head of a target is a name ("recognizes *Kosovo* as a state"), not a name
    inside a phrase that only places its head ("border posts built in a province of *X*")."""
    if span[1] <= span[0]:
        return False
    lo, hi = tokens[span[0]].i, tokens[span[1] - 1].i
    heads = [t for t in tokens[span[0] : span[1]] if t.is_word and not lo <= t.head <= hi]
    return not heads or heads[0].pos == "PROPN"


def _names_only(tokens: Sequence[Word], span: tuple[int, int]) -> bool:
    """Whether a piece of a target is nothing but a proper name ("Canada", "South Ossetia")."""
    words = [t for t in tokens[span[0] : span[1]] if t.is_word and t.low not in ("the", "and")]
    return bool(words) and all(t.pos == "PROPN" for t in words)


def _led_by_pronoun(words: Sequence[str], lex: StanceLexicon) -> bool:
    """Whether a target opens with a pronoun ("it", "them as illegal", "it and its results"),
    which points back; one further in ("stopping X, following what they called Y") is the
    subject of a clause of its own, and one urged to act ("called on them to show restraint")
    is no object: the act it is urged to is, and names its own content."""
    return bool(words) and words[0] in lex.words.pronoun and words[1:2] != ["to"]


def _definite_noun(
    tokens: Sequence[Word], span: tuple[int, int], words: Sequence[str], lex: StanceLexicon
) -> bool:
    """Whether a target is a definite noun alone ("the system", "these weapons"), which takes
    up a thing the text has named before."""
    if len(words) != 2 or span[1] - span[0] != 2:
        return False
    det, noun = tokens[span[0]], tokens[span[0] + 1]
    definite = det.low in lex.words.determiner and det.low not in lex.words.indefinite
    return definite and noun.pos == "NOUN" and not noun.capitalized


def _refer_back(
    article: Article,
    tokens: Sequence[Word],
    span: tuple[int, int],
    matcher: IssueMatcher,
    context: list[tuple[Terms, float]],
    published: date | None,
    last: IssueProfile | None,
    cue_span: tuple[int, int],
) -> tuple[IssueProfile, set[str], str] | None:
    """The issue a pointing target ("this", "the move", "their results") refers to."""
    if last is not None:
        return (last, set(), "refers back to the statement's earlier claim")
    earlier = matcher.terms(_span_text(article, tokens, (0, span[0])), tokens[: span[0]])
    cue = matcher.terms(_span_text(article, tokens, cue_span), tokens[cue_span[0] : cue_span[1]])
    words = {t.low for t in tokens[span[0] : span[1]] if t.is_word}
    bare = bool(words) and words <= matcher.lex.words.pronoun  # "them", "it"
    hit = matcher.from_context([(earlier, 1.0), (cue, 1.0), *context[1:]], published, strict=bare)
    if hit is None:
        return None
    return (hit[0], hit[1], "refers back; issue from the text before")
