"""Which issue a target belongs to: the issue's own words, the places it names, and its year.

Each issue becomes a profile of terms (the word families, ``lexicon.family``, of the title and
the description before ``support:``, weighted by how few issues share them), place names
(capitalized words and the gazetteer's actor codes) and years. A target matches an issue when it
shares a topic word with it (elections, referendum, territorial integrity ...), names none of the
places of another issue instead, and does not name another year. Ties go to the issue whose places and
years the surrounding text (clause, evidence, the article before it, its date) names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from ..models import Issue
from ..resolve import Gazetteer
from .lexicon import StanceLexicon, family
from .terms import Terms, same_name
from .titles import act_phrase, doer_words, title_heads, title_holders
from .tree import children, clause_subject, head_of, subject, subtree
from .words import Word, plain_words

__all__ = ["IssueMatcher", "IssueProfile", "Terms", "neutral_definition", "split_definition"]

#: Texts whose terms an IssueMatcher keeps (a few KB each: text, families, names).
TERMS_CACHE = 2048

_DEFINITION = re.compile(r"\b(support|oppose|neutral)\s*:", re.IGNORECASE)


def _definitions(description: str) -> tuple[str, dict[str, str]]:
    parts = _DEFINITION.split(description)
    defs = {"support": "", "oppose": "", "neutral": ""}
    for k in range(1, len(parts) - 1, 2):
        defs[parts[k].lower()] = parts[k + 1].strip()
    return parts[0].strip(), defs


def split_definition(description: str) -> tuple[str, str, str]:
    """(what the issue is, what support means, what oppose means) from an issue's description.

    An optional ``neutral:`` line (what withholding or balancing a position looks like) is
    kept apart, so that its words never read as opposition (:func:`neutral_definition`).
    """
    main, defs = _definitions(description)
    return main, defs["support"], defs["oppose"]


def neutral_definition(description: str) -> str:
    """What a neutral position on the issue means, from its ``neutral:`` line ("" if none)."""
    return _definitions(description)[1]["neutral"]


@dataclass(frozen=True)
class IssueProfile:
    """An issue as a bag of weighted terms, names and years."""

    issue: Issue
    weights: dict[str, float]
    topics: frozenset[str]
    names: frozenset[str]
    codes: frozenset[str]
    years: frozenset[int]
    event_year: int | None
    support: Terms
    oppose: Terms
    unique_names: frozenset[str] = frozenset()
    title_topics: frozenset[str] = frozenset()
    #: The words of the ``neutral:`` line that neither the support nor the oppose line uses
    #: ("in principle", "conditions"): a position qualified by them is withheld.
    neutral: frozenset[str] = frozenset()
    #: The actors whose own act the issue is, by its title ("*US* tariffs on X", "*Turkey's*
    #: purchase of Y"): what such an actor says of it, with no stance of its own, backs it.
    holders: frozenset[str] = frozenset()
    #: The heads of the title, even those that are no topic word ("*support* for X").
    heads: frozenset[str] = frozenset()
    #: The names and codes of what the issue is about: its title's places and people but its
    #: holder's ("*X*" in "U.S. sanctions on X"); empty when the title names no other.
    objects: frozenset[str] = frozenset()
    #: The topic words of the title's doer before its act ("military" in "the Myanmar military's
    #: crackdown"): with the holder's name, they name the doer of the act.
    doer_words: frozenset[str] = frozenset()
    #: The names and codes of its title and description that are not its one holder's
    #: ("Peru" of "Chilean tariffs ... on imports from Peru"); empty unless it has one holder.
    others: frozenset[str] = frozenset()

    def specific(self, hits: set[str], target: Terms | None = None, distinct: int | None = None) -> bool:
        """Whether topic hits are enough to claim the issue: the head of its title, two of
        its words, or one with the issue's place named in the target itself (a place other than
        its one holder's, unless the word names that holder's doer). One word alone that only
        qualifies the title's head ("partners" in "tariffs on trading partners", "nuclear" in
        "nuclear program") or comes from the description is chance."""
        if not hits:
            return False
        count = len(hits) if distinct is None else distinct  # a word and its synonym are one
        if hits & (self.title_topics | self.unique_names) or count >= 2:
            return True
        if target is None or not (self.has_name(target.names) or bool(self.codes & target.codes)):
            return False
        # one word beside only its one holder's name names the act only when it names the doer
        # with it ("the Myanmar military" for "the Myanmar military's crackdown"): "Israel's
        # security" is not "Israeli police actions", "partners of the U.S." not "US tariffs on
        # trading partners"
        return bool(hits & self.doer_words) or len(self.holders) != 1 or _names_any(target, self.others)

    def has_name(self, names: Iterable[str]) -> bool:
        return any(same_name(n, m) for n in names for m in self.names)

    def score(self, terms: Terms) -> float:
        # a name counts once, as a name, not also as a word ("American" in "American whiskey")
        s = sum(w for t, w in self.weights.items() if t in terms.families and t not in self.name_families)
        s += sum(1.5 for m in terms.names if any(same_name(n, m) for n in self.names))
        s += sum(1.0 for c in self.codes if c in terms.codes)
        return s

    def topic_hits(self, terms: Terms, names_ok: bool = True) -> set[str]:
        """Topic words of the issue the terms contain; names (Kosovo) only when ``names_ok``."""
        words = terms.families - terms.named - self.name_families
        hits = {t for t in self.topics if t in words}
        if names_ok:
            hits |= {n for n in self.unique_names if any(same_name(n, m) for m in terms.names)}
        return hits

    def named_in(self, terms: Terms) -> bool:
        """Whether the terms name one of the issue's places or people (always true if it names none)."""
        if not self.names and not self.codes:
            return True
        return self.has_name(terms.names) or bool(self.codes & terms.codes)

    def object_named_in(self, terms: Terms) -> bool:
        """Whether the terms name what the issue is about: a place or person of its title other
        than its holder's (``objects``). "U.S. sanctions on X" is not what a story names by
        naming the U.S. alone, nor "sanctions on Iran" one that names only the U.S. of its
        description."""
        return _names_any(terms, self.objects) if self.objects else self.named_in(terms)

    @cached_property
    def name_families(self) -> frozenset[str]:
        return frozenset(family(n) for n in self.names)


def _names_any(terms: Terms, names: frozenset[str]) -> bool:
    """Whether the terms name one of ``names`` (names, and actor codes such as "@PER")."""
    return any(same_name(n, m) for n in terms.names for m in names) or bool(names & terms.codes)


class IssueMatcher:
    """Matches targets to the issues of a run."""

    def __init__(self, issues: Sequence[Issue], lex: StanceLexicon, gaz: Gazetteer | None) -> None:
        self.lex = lex
        self.gaz = gaz
        self._terms: dict[str, Terms] = {}
        raw: list[tuple[Issue, Terms, Terms, Terms, Terms, str]] = []
        neutral: dict[str, frozenset[str]] = {}
        for issue in issues:
            main, sup, opp = split_definition(issue.description)
            title = Terms.of(plain_words(issue.title), lex, gaz, issue.title, first=False)
            body = Terms.of(plain_words(main), lex, gaz, main, first=False)
            lower = {w.low for w in plain_words(issue.title + " " + main) if not w.capitalized}
            title = replace(title, names=frozenset(n for n in title.names if n not in lower))
            body = replace(body, names=frozenset(n for n in body.names if n not in lower))
            raw.append((issue, title, body, self.terms(sup), self.terms(opp), main))  # definitions as terms
            neutral[issue.id] = self.terms(neutral_definition(issue.description)).families
        df: dict[str, int] = {}
        for _, title, body, _, _, _ in raw:
            for t in title.families | body.families:
                df[t] = df.get(t, 0) + 1
        n = max(len(raw), 1)
        self.profiles: list[IssueProfile] = []
        for issue, title, body, sup_terms, opp_terms, main in raw:
            heads = title_heads(issue.title, lex)
            phrase = act_phrase(issue.title, lex)
            holders = title_holders(phrase, lex, gaz)
            names = title.names | body.names
            weights = {}
            for t in title.families | body.families:
                w = math.log(1 + n / df[t])
                weights[t] = w * (2.0 if t in title.families else 1.0)
            name_families = {family(x) for x in names}
            topics = frozenset(t for t in weights if t not in name_families and not t.isdigit())
            unique = frozenset(
                x for x in names
                if sum(any(same_name(x, y) for y in q[1].names | q[2].names) for q in raw) == 1
            )  # fmt: skip
            years = title.years | body.years
            event_year = min(title.years) if title.years else None
            self.profiles.append(
                IssueProfile(
                    issue,
                    weights,
                    topics,
                    frozenset(names),
                    title.codes | body.codes,
                    years,
                    event_year,
                    sup_terms,
                    opp_terms,
                    unique,
                    topics & heads,
                    neutral[issue.id]
                    - sup_terms.families
                    - opp_terms.families
                    - title.families
                    - body.families,
                    holders,
                    heads,
                    self._objects(title, issue.title, holders),
                    topics & doer_words(phrase),
                    self._others(title, body, issue.title, main, holders),
                )  # fmt: skip
            )

    def distinct(self, hits: set[str]) -> set[str]:
        """Hits with a word and its synonyms counted once ("talks" also stands for "negotiation")."""
        group = self._synonym_group
        return {group.get(h, h) for h in hits}

    @cached_property
    def topics(self) -> frozenset[str]:
        """The topic words of all the issues (a quick test of whether a text may name any)."""
        return frozenset().union(*(p.topics for p in self.profiles))

    @cached_property
    def heads(self) -> frozenset[str]:
        """The heads of all the issues' titles, stance words among them ("*support* for X")."""
        return frozenset().union(*(p.heads for p in self.profiles))

    @cached_property
    def _synonym_group(self) -> dict[str, str]:
        """Each family a synonym entry expands to, mapped to the family of the entry's own word."""
        out: dict[str, str] = {}
        for words, topics in self.lex.synonyms.items():
            own = family(words[-1])
            for topic in topics.split("|"):
                out[family(topic)] = own
        return out

    def terms(self, text: str, words: Sequence[Word] | None = None) -> Terms:
        """The terms of a text, cached for the latest ``TERMS_CACHE`` texts.

        Targets and the evidence around them recur within an article and across
        reports of the same words; the contexts (up to 500 characters each) mostly
        do not, so the cache is kept small and drops its oldest text first: a
        larger one only held memory that grew with the corpus. ``words`` are the
        text's words when it was parsed (article text); else the text is cut here.
        """
        cache = self._terms
        found = cache.get(text)
        if found is None:
            if len(cache) >= TERMS_CACHE:
                del cache[next(iter(cache))]  # dicts keep insertion order: the oldest
            cut = plain_words(text) if words is None else words
            found = cache[text] = Terms.of(cut, self.lex, self.gaz, text)
        return found

    def without(self, terms: Terms, text: str, *codes: str) -> Terms:
        """The terms of ``text`` without the names of the actors ``codes`` (the doer who speaks of
        its own act: "*U.S.* President X is keeping the tariffs on Y" is about Y)."""
        if self.gaz is None:
            return terms
        own = {w.lower() for m in self.gaz.find(text) if m.actor.code in codes for w in m.text.split()}
        if not own:
            return terms
        return replace(
            terms,
            names=terms.names - own,
            places=terms.places - own,
            codes=terms.codes - {"@" + c for c in codes},
        )

    def _objects(self, title: Terms, text: str, holders: frozenset[str]) -> frozenset[str]:
        """The names and codes of an issue's title that are not its holders'."""
        rest = self.without(title, text, *holders)
        return rest.names | rest.codes

    def _others(
        self, title: Terms, body: Terms, title_text: str, body_text: str, holders: frozenset[str]
    ) -> frozenset[str]:
        """The names and codes of an issue's title and description that are not its one holder's."""
        if len(holders) != 1:
            return frozenset()
        return self._objects(title, title_text, holders) | self._objects(body, body_text, holders)

    def allowed(self, p: IssueProfile, target: Terms, published: date | None) -> bool:
        """Whether a target may belong to an issue: no other place named instead, no other year."""
        hits = p.topic_hits(target, names_ok=False)
        places = {
            x for x in target.places
            if any(q is not p and q.has_name([x]) and q.topic_hits(target, False) & hits
                   for q in self.profiles)
        }  # fmt: skip
        if places and not p.has_name(target.places):
            return False  # another issue's place, and none of this one's ("tariffs on A, B and C" has both)
        other_places = target.places and target.codes and p.codes and not target.codes & p.codes
        if other_places and not p.has_name(target.names):
            return False  # the target is about other places: "cooperation between A and B"
        if target.years and p.years and not (target.years & p.years):
            return False
        if p.years and published is not None and published.year < min(p.years):
            return False
        if p.event_year is None or target.years or published is None:
            return True
        return p.event_year <= published.year <= p.event_year + 1

    def best(
        self,
        target: Terms,
        context: Sequence[tuple[Terms, float]],
        published: date | None,
        names_ok: bool = False,
    ) -> tuple[IssueProfile, set[str]] | None:
        """The issue a target belongs to, with the topic words that matched (None if none).

        A target matches by the issue's topic words; by its names alone (``Kosovo``) only when
        ``names_ok`` (recognizing a named entity). Topic words beat names, then the score decides.
        """
        best: tuple[tuple[int, float], IssueProfile, set[str]] | None = None
        second: tuple[tuple[int, float], IssueProfile, set[str]] | None = None
        for p in self.profiles:
            hits = p.topic_hits(target, names_ok)
            if not p.specific(hits, target, len(self.distinct(hits))):
                continue
            if not self.allowed(p, target, published):
                continue
            if not p.named_in(target) and not any(p.object_named_in(t) for t, _ in context):
                continue
            if (
                len(self.distinct(hits)) == 1
                and not p.has_name(target.names)
                and self._others_named(p, target)
            ):
                continue  # "the actions of X" where X is another issue's person: one word is no match
            words = len(hits - p.unique_names) > 0
            s = (int(words), 3.0 * p.score(target) + sum(w * p.score(t) for t, w in context))
            if best is None or s > best[0]:
                best, second = (s, p, hits), best
            elif second is None or s > second[0]:
                second = (s, p, hits)
        if best is None:
            return None
        if second is not None and _too_close(best, second, target):
            return None  # two issues the target fits alike, told apart by the context only a little
        return best[1], best[2]

    @cached_property
    def _persons(self) -> dict[str, frozenset[str]]:
        """The names of each issue that the gazetteer knows as no state, organization or place:
        people ("Kowalczyk") and the like."""
        out: dict[str, frozenset[str]] = {}
        for p in self.profiles:
            known = {
                w.lower() for n in p.names if self.gaz is not None
                for m in self.gaz.find(n.title()) if m.via in {"name", "alias", "seat", "demonym"}
                for w in m.text.split()
            }  # fmt: skip
            out[p.issue.id] = frozenset(n for n in p.names if n not in known)
        return out

    def _others_named(self, p: IssueProfile, target: Terms) -> bool:
        """Whether the target names a person of another issue whom ``p`` does not name."""
        own = self._persons[p.issue.id]
        return any(
            same_name(n, m)
            for q in self.profiles if q is not p
            for m in self._persons[q.issue.id] - own
            for n in target.names
        )  # fmt: skip

    def doers_issue(
        self,
        p: IssueProfile,
        tokens: Sequence[Word],
        spans: Sequence[tuple[int, int]],
        target: Terms,
        speaker: str,
    ) -> tuple[IssueProfile, set[str]] | None | bool:
        """The issue of the same act held by the doer the target names, when ``p`` is another's.

        Issues may mirror each other ("US tariffs on Canadian goods", "Canadian tariffs on US
        goods"): whose act the target's act noun is says which ("*Canada's* tariffs", "*EU*
        tariffs", "*our* tariffs" from the speaker; "Ottawa must drop *their* tariffs";
        "Canada is the worst *tariff* offender"). ``tokens`` are the window's words and
        ``spans`` the target in them (and the predicate said of it). None when the target names
        no doer, or the doer already holds ``p``; False when the doer is another whose issue
        there is not: "Canada's tariffs" are not "US tariffs on trading partners".
        """
        if not p.holders or self.gaz is None:
            return None
        doer: str | None = None
        for k in (k for span in spans for k in range(*span)):
            if family(tokens[k].low) in p.title_topics:
                doer = self._doer(tokens, k, speaker)
                if doer is not None:
                    break
        if doer is None or doer in p.holders:
            return None
        for q in self.profiles:
            if q is not p and doer in q.holders and p.title_topics & q.title_topics:
                return q, q.topic_hits(target, names_ok=False)
        return False

    def _doer(self, tokens: Sequence[Word], k: int, speaker: str) -> str | None:
        """Whose act the act noun ``tokens[k]`` is: its possessor or prenominal name, the subject
        of its clause for "its"/"their", or the one it is said of as a predicate."""
        w = self.lex.words
        doer: str | None = None
        for m in children(tokens, k):
            t = tokens[m]
            if t.dep not in ("poss", "compound", "amod", "nmod"):
                continue
            if t.low in w.own:
                doer = speaker
            elif t.low in w.possessive:
                doer = self._actor_at(tokens, clause_subject(tokens, k))
            elif t.capitalized:
                doer = self._actor_at(tokens, m, whole_word=True) or doer
        return doer if doer is not None else self._actor_at(tokens, _predicated_of(tokens, k))

    def _actor_at(self, tokens: Sequence[Word], k: int | None, whole_word: bool = False) -> str | None:
        """The actor the words under ``tokens[k]`` name (a name only as a whole word: "Anti-American"
        names no one)."""
        if k is None or self.gaz is None:
            return None
        lo, hi = (k, k + 1) if whole_word else subtree(tokens, k)
        text = " ".join(t.text for t in tokens[lo:hi])
        for hit in self.gaz.find(text):
            if (hit.start == 0 or text[hit.start - 1] == " ") and (
                hit.end == len(text) or text[hit.end] == " "
            ):
                return hit.actor.code
        return None

    def from_context(
        self, context: Sequence[tuple[Terms, float]], published: date | None, strict: bool = False
    ) -> tuple[IssueProfile, set[str]] | None:
        """The issue the surrounding text is about (for targets like "this" or "the move").

        ``strict``: the text must name the issue as a target would (:meth:`IssueProfile.specific`),
        for a bare pronoun ("them"), which may point at anything the text mentions.
        """
        best: tuple[float, IssueProfile, set[str]] | None = None
        for p in self.profiles:
            hits: set[str] = set()
            for t, _ in context:
                hits |= p.topic_hits(t, names_ok=False)
            if not hits or not all(self.allowed(p, t, published) for t, w in context if w >= 1.0):
                continue
            if strict and not p.specific(hits):
                continue
            if not any(p.named_in(t) for t, _ in context):
                continue
            s = sum(w * p.score(t) for t, w in context)
            if best is None or s > best[0]:
                best = (s, p, hits)
        return (best[1], best[2]) if best else None


#: How much more the context must favour the best of two issues that a target fits by the same
#: words alone, for the choice not to be a guess.
CLOSE = 1.1


def _too_close(
    best: tuple[tuple[int, float], IssueProfile, set[str]],
    second: tuple[tuple[int, float], IssueProfile, set[str]],
    target: Terms,
) -> bool:
    """Whether two candidate issues are too alike to choose between: the same words of the target
    fit both, the target names neither's own places, the context scores them within ``CLOSE``, and
    they are no mirror pair, which whose act it is decides."""
    (kind_a, a), p, hits = best
    (kind_b, b), q, other = second
    if kind_a != kind_b or hits != other or p.has_name(target.names) or q.has_name(target.names):
        return False
    if p.holders and q.holders and p.holders != q.holders and p.title_topics & q.title_topics:
        return False  # mirror issues ("A's tariffs on B", "B's tariffs on A"): the doer decides (doers_issue)
    return a < CLOSE * b


def _predicated_of(tokens: Sequence[Word], k: int) -> int | None:
    """Who a noun phrase holding ``tokens[k]`` is said of: the subject of "X is the worst
    *tariff* offender", the object of "called X a *tariff* abuser"."""
    x: int | None = k
    for _ in range(8):
        if x is None:
            return None
        dep = tokens[x].dep
        if dep in ("attr", "oprd"):
            verb = head_of(tokens, x)
            if verb is None:
                return None
            if dep == "attr":
                said_of = subject(tokens, verb)
            else:
                said_of = next((c for c in children(tokens, verb) if tokens[c].dep == "dobj"), None)
            if said_of is not None and tokens[said_of].tag == "WP":
                return _free_relative_doer(tokens, verb)
            return said_of
        x = head_of(tokens, x)
    return None


def _free_relative_doer(tokens: Sequence[Word], verb: int) -> int | None:
    """Whose act "what" stands for in "X imposed what the minister said was an unfair duty" or
    "X raised what it called an outrageous levy": the subject of the clause the free relative
    completes, at the top of the chain of reported clauses the parse hangs it by."""
    x = verb
    while tokens[x].dep == "ccomp" and (h := head_of(tokens, x)) is not None:
        x = h
    return subject(tokens, x) if x != verb else None
