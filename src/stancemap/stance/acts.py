"""The speaker doing what an issue's definition names: "Borduria imposed sanctions" supports an
issue whose ``support:`` line reads "imposes or threatens sanctions".

Most reactions are stated with a stance word ("condemns", "backs"); many are told as acts
instead: a government imposes, threatens or considers the measure, calls the meeting, makes the
submission. An issue's description says which acts count for it and which against it (spec §3),
so the act is read from there rather than from a word list: the verb of the evidence must be one
that exactly one of the two lines uses, its object must name the issue, and its subject must be
the speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from ..models import Claim, Polarity, Statement
from ..resolve import Gazetteer
from .lexicon import StanceLexicon, WordClasses, family, word_matches
from .matching import IssueMatcher, IssueProfile, Terms, split_definition
from .tree import children, clause_subject, conditional, head_of, subject, subtree
from .words import Word, plain_words

__all__ = ["act_candidates", "act_claim", "is_source"]

#: The labels a verb's chain climbs to reach the verb whose subject and negation it shares:
#: "threatened *to impose* them", "imposed and *extended* them".
_CHAIN = frozenset({"xcomp", "conj"})
#: The labels of a predicate said of the object, which makes the verb one of judging.
_SMALL_CLAUSE = frozenset({"oprd", "acomp", "attr", "ccomp"})


def _line_verbs(description: str, lex: StanceLexicon) -> tuple[frozenset[str], frozenset[str]]:
    return _line_verbs_of(description, lex.words, lex.negators)


@lru_cache(maxsize=256)
def _line_verbs_of(
    description: str, w: WordClasses, negators: tuple[tuple[str, str], ...]
) -> tuple[frozenset[str], frozenset[str]]:
    """The word families that only the support line, and only the oppose line, use un-negated with an object.

    A family that both lines use ("calls for it" / "calls it illegal") decides nothing; one a line
    negates ("does not recognize") is left to the stance cues that read negation; and one a line
    uses only before a preposition ("calls for talks", "votes for it") names no act done *to*
    an object.
    """
    _, sup, opp = split_definition(description)
    prepositions = w.lead_in | w.preposition | w.title_preposition
    lines = []
    for text in (sup, opp):
        words = [t for t in plain_words(text) if t.is_word]
        used: set[str] = set()
        judging: set[int] = set()  # "calls it an abuse": a verb with an object and a predicate judges
        for k, t in enumerate(words):
            after = words[k + 2].low if k + 2 < len(words) else None
            if (
                words[k + 1 : k + 2]
                and words[k + 1].low in w.pronoun
                and after not in {None, *w.coordinator, *prepositions}
            ):
                judging.add(k)
                continue
            if any(word_matches(p, u.low) for u in words[max(0, k - 3) : k] for p, _ in negators):
                continue
            if k + 1 < len(words) and words[k + 1].low in prepositions:
                continue
            used.add(family(t.low))
        everything = {family(t.low) for k, t in enumerate(words) if k not in judging}
        lines.append((frozenset(used), frozenset(everything)))
    (s, s_all), (o, o_all) = lines
    return frozenset(s - o_all), frozenset(o - s_all)


def act_candidates(tokens: Sequence[Word], matcher: IssueMatcher) -> list[int]:
    """The verbs that may be a speaker's act: one that some issue's definition lines use, or one
    of keeping something up, with an object that has a topic word of some issue and no predicate
    said of it (a cheap first test, so that most statements need no more)."""
    lex = matcher.lex
    verbs = _all_line_verbs(matcher)
    found = [
        k
        for k, t in enumerate(tokens)
        if t.pos == "VERB"
        and (family(t.low) in verbs or t.lemma in lex.words.keeping)
        and lex.entry_at(tokens, k) is None
    ]  # fmt: skip  (a stance word is read by the stance rules, with its negation and its target)
    if not found:
        return []
    topics = matcher.topics
    out = []
    for k in found:
        obj = _object(tokens, k, lex, verbs)
        if obj is None:
            continue
        lo, hi = subtree(tokens, obj)
        words = [t.low for t in tokens[lo:hi] if t.is_word]
        if lex.is_anaphor(words):
            continue  # "rejected those claims" points back; it names nothing itself
        if any(family(w) in topics for w in words):
            out.append(k)
    return out


def _object(tokens: Sequence[Word], k: int, lex: StanceLexicon, verbs: frozenset[str]) -> int | None:
    """What the act of the verb ``tokens[k]`` is done to: its direct object, with no predicate
    said of it ("called the subsidies unbearable" judges them; it does no act). A verb of keeping
    something up keeps up what it governs, or what the plain act it goes on with is done to
    ("continue to exert *pressure*"); an act a definition line names, a stance word or an ending
    verb there is read by its own rule."""
    below = children(tokens, k)
    if any(tokens[c].dep in _SMALL_CLAUSE for c in below):
        return None
    objects = [c for c in below if tokens[c].dep == "dobj"]
    if objects:
        return objects[0]
    if tokens[k].lemma not in lex.words.keeping:
        return None
    done = [c for c in below if tokens[c].dep == "xcomp" and tokens[c].pos == "VERB"]
    if not done:
        return None
    v = done[0]
    if family(tokens[v].low) in verbs or tokens[v].low in lex.ending or lex.entry_at(tokens, v) is not None:
        return None
    return _object(tokens, v, lex, verbs)


@lru_cache(maxsize=16)
def _all_line_verbs(matcher: IssueMatcher) -> frozenset[str]:
    """The verbs of every issue's definition lines, once per matcher (one per issues file)."""
    out: set[str] = set()
    for p in matcher.profiles:
        sup, opp = _line_verbs(p.issue.description, matcher.lex)
        out |= sup | opp
    return frozenset(out)


def _negated(tokens: Sequence[Word], k: int) -> bool:
    """Whether the verb, or a verb its chain hangs from, is negated ("did not threaten to impose")."""
    x: int | None = k
    for _ in range(6):
        if x is None:
            return False
        if any(tokens[c].dep == "neg" for c in children(tokens, x)):
            return True
        x = head_of(tokens, x) if tokens[x].dep in _CHAIN else None
    return False


def is_speaker(
    tokens: Sequence[Word], k: int, st: Statement, lex: StanceLexicon, gaz: Gazetteer | None
) -> bool:
    """Whether the subject of the verb ``tokens[k]`` is the statement's speaker: its own mention,
    a name of it, or "we" in its own words."""
    subj = clause_subject(tokens, k)  # "urged Russia *to veto* it": Russia's act, not the speaker's
    if subj is None:
        return False
    if is_source(tokens[slice(*subtree(tokens, subj))], st):
        return True
    if tokens[subj].low in lex.words.pronoun and tokens[subj].dep == "nsubj":
        # "X said *it* will keep Y": the subject of what the speaker says it will do is the speaker
        verb = head_of(tokens, subj)
        if verb is not None and tokens[verb].dep == "ccomp":
            said = head_of(tokens, verb)
            above = None if said is None else subject(tokens, said)
            if above is not None and is_source(tokens[slice(*subtree(tokens, above))], st):
                return True
    lo, hi = subtree(tokens, subj)
    if tokens[subj].low in lex.words.own:
        return st.kind == "direct" or (st.kind == "indirect" and tokens[subj].low != "we")
    if gaz is None:
        return False
    return any(h.actor.code == st.actor for h in gaz.find(" ".join(t.text for t in tokens[lo:hi])))


def is_source(words: Sequence[Word], st: Statement) -> bool:
    """Whether some of ``words`` are the statement's own mention of its speaker."""
    src = st.source
    return src is not None and any(t.start < src.end and src.start < t.end for t in words)


def act_claim(
    tokens: Sequence[Word],
    candidates: Sequence[int],
    st: Statement,
    matcher: IssueMatcher,
    context: list[tuple[Terms, float]],
    published: date | None,
) -> Claim | None:
    """The claim of a speaker doing an act an issue's support or oppose line names, if any.

    ``tokens`` are the window's parsed words and ``candidates`` the verbs :func:`act_candidates`
    found in them. The verb must not be negated or said under a
    condition, its object must be the issue's (its own words, as a target is matched), and its
    subject the speaker; the line that uses the verb gives the polarity.
    """
    lex = matcher.lex
    for k in candidates:
        verb = tokens[k]
        if conditional(tokens, k) or _negated(tokens, k):
            continue
        obj = _object(tokens, k, lex, _all_line_verbs(matcher))
        if obj is None:
            continue
        lo, hi = subtree(tokens, obj)
        words = tokens[lo:hi]
        text = " ".join(t.text for t in words)
        hit = matcher.best(matcher.terms(text, words), context, published)
        if hit is None:
            # "called a meeting Wednesday of the Council to discuss X": the object's issue may be
            # named in what the parse hangs from the verb after it
            end = subtree(tokens, k)[1]
            text = " ".join(t.text for t in tokens[lo:end])
            hit = matcher.best(matcher.terms(text, tokens[lo:end]), context, published)
        if hit is None:
            continue
        profile, hits = hit
        polarity = _polarity(profile, family(verb.low), lex)
        kept = not polarity and verb.lemma in lex.words.keeping
        if not (polarity or kept) or not is_speaker(tokens, k, st, lex, matcher.gaz):
            continue
        side: Polarity = "support" if polarity > 0 or kept else "oppose"
        why = (
            f"the speaker keeps it up ('{verb.text}')"
            if kept
            else f"the speaker's act '{verb.text}', which the issue's {side} line names"
        )
        return Claim(text[:200], side, profile.issue.id, f"{why}; issue words {sorted(hits)}")
    return None


def _polarity(profile: IssueProfile, verb: str, lex: StanceLexicon) -> int:
    sup, opp = _line_verbs(profile.issue.description, lex)
    return 1 if verb in sup else -1 if verb in opp else 0
