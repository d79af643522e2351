"""The article-level model of who is who, through which every speaker is resolved.

Built once per article from the mentions the ``stancemap_participants`` component read off
the parse (:mod:`.discourse`), it answers what a reader keeps in mind:

- **participants**: every person the article names, with all the roles and affiliations it
  gives them anywhere ("Ruritania's envoy, Anna Berg," early on makes a later "Berg said"
  Ruritania's); mentions merge by surname, allowing for spelling variants, unless their
  first names differ;
- **what a participant speaks for**: a state or organization named with an office in one of
  their descriptors ("a Ruritanian presidential adviser"), else an organization they lead or
  work for ("head of the Ruritanian Distillers' Council" is that council, not Ruritania), else
  nobody (an analyst, a former official, a nationality with no office), else the officials
  table, else, for an office that names no state ("the minister of tourism"), the state the
  article is about;
- **groups**: coordinated lists of states ("A, B and C"), for "the three nations" or "both
  leaders" later on;
- **outlets**: news agencies, papers and shows, which relay statements but never make them;
- **antecedents** of pronouns, taken outside quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz.distance import Levenshtein

from ..models import Article
from ..resolve import ActorRef, Gazetteer, Mention
from ..resolve.gazetteer import fold
from .discourse import PersonMention, RoleMention
from .lexicon import Lexicon, _words, load_function_words
from .quotes import find_quotes

__all__ = ["Discourse", "SpeakerWords", "Verdict", "load_speaker_words"]

_STATE_CODE = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w.'’-]*")
_POSSESSIVE = re.compile(r"['’]s\b")
#: How far back (characters) a role mention may bridge to a newly named person.
_BRIDGE_CHARS = 300
#: How far after a document's quotation (characters) its signatories may be listed.
_SIGNATORY_CHARS = 1_500


@dataclass(frozen=True)
class SpeakerWords:
    """Word lists of the speaker model (``data/offices.txt``, ``state_organs.txt``, ``outlets.txt``...)."""

    offices: frozenset[str]
    organs: frozenset[str]
    outlets: frozenset[str]
    org_heads: frozenset[str] = frozenset()
    nonspeakers: frozenset[str] = frozenset()
    #: Nouns of documents that speak for their authors (``the statement continues``).
    documents: frozenset[str] = frozenset()
    #: Verbs by which parties put their names to a document (``was signed by A, B and C``).
    signing: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_speaker_words() -> SpeakerWords:
    """The packaged word lists of the speaker model (cached)."""
    return SpeakerWords(
        _words("offices.txt"),
        _words("state_organs.txt"),
        _words("outlets.txt"),
        _words("org_heads.txt"),
        _words("nonspeakers.txt"),
        _words("documents.txt"),
        _words("signing_verbs.txt"),
    )


@dataclass(frozen=True)
class Verdict:
    """What a participant speaks for, and the role the article gives them."""

    actor: ActorRef | None  # None: the person speaks for no one (``PERSON:`` name)
    title: str | None
    basis: str  # state | org | office | person


@dataclass
class _Participant:
    name: str
    last: str
    first: str | None
    mentions: list[int] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


def _org_name(name: str) -> str:
    """An organization's name without the place it sits ("the London-based X") or a possessive
    ending ("X's national assembly")."""
    name = load_function_words().seat.sub("", name.strip())
    return name.removesuffix("'s").removesuffix("’s")


def _key(word: str) -> str:
    return fold(word).lower().strip(".,'’")


def _near(a: str, b: str) -> bool:
    """Surnames alike up to one letter (Pedersen/Pederson), for names of five letters or more."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b, score_cutoff=1) <= 1


class Discourse:
    """Participants, groups, outlets and antecedents of one article."""

    def __init__(
        self,
        article: Article,
        people: Sequence[PersonMention],
        roles: Sequence[RoleMention],
        gaz: Gazetteer,
        lex: Lexicon,
        words: SpeakerWords | None = None,
        orgs: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.article = article
        self.text = article.text
        self.gaz = gaz
        self.lex = lex
        self.words = words or load_speaker_words()
        self.quotes = [(q.start, q.end) for q in find_quotes(self.text)]
        self.orgs = sorted(orgs)
        self.participants: list[_Participant] = []
        self._mentions: list[tuple[int, _Participant]] = []
        for m in sorted(people, key=lambda m: m.name):
            self._add(m)
        self._bridge(roles)
        self.roles = sorted((r for r in roles if not r.plural), key=lambda r: r.span)
        self._verdicts: dict[int, Verdict | None] = {}

    # -- participants ---------------------------------------------------------------------------

    def clean(self, name: str) -> str:
        """A name without the title words and possessive the entity model folded into it."""
        name = _POSSESSIVE.sub("", name.replace("\n", " "))
        name = load_function_words().honorific.sub("", name.strip(" ,.'’\"“”"))
        words = name.split()
        while len(words) > 1 and words[0].lower().strip(".,") in self.lex.titles:
            words.pop(0)
        return " ".join(words).strip(" ,.'’")

    def _add(self, m: PersonMention) -> None:
        name = self.clean(self.text[m.name[0] : m.name[1]])
        words = name.split()
        if not words or not words[-1][:1].isupper():
            return
        p = self._match(words, m.name[0])
        if p is None:
            p = _Participant(name, _key(words[-1]), _key(words[0]) if len(words) > 1 else None)
            self.participants.append(p)
        elif len(words) > len(p.name.split()):
            p.name, p.first = name, _key(words[0])
        p.mentions.append(m.name[0])
        if not self.quoted(m.name[0]):  # inside a quotation a speaker's words, and the parse, mislead
            p.descriptors.extend(self.text[a:b] for a, b in m.descriptors)
            p.spans.extend(m.descriptors)
        self._mentions.append((m.name[0], p))

    def _match(self, words: list[str], at: int) -> _Participant | None:
        last = _key(words[-1])
        first = _key(words[0]) if len(words) > 1 else None
        best: _Participant | None = None
        for p in self.participants:
            if not _near(p.last, last) or (first and p.first and first[0] != p.first[0]):
                continue
            if best is None or max(p.mentions, default=0) > max(best.mentions, default=0):
                best = p
        if best is None and first is None:
            # a name written family name first ("Fu Cong", later "Fu")
            best = next((p for p in reversed(self.participants) if p.first == last), None)
        return best

    def _bridge(self, roles: Sequence[RoleMention]) -> None:
        """A role mention that names no one, followed closely by a new name: the same person."""
        for p in self.participants:
            first = p.mentions[0]
            own = [self.classify(d) for d in p.descriptors]
            if any(v is not None and v.basis in ("state", "org", "person") for v in own):
                continue
            before = [
                r for r in roles
                if not r.plural and first - _BRIDGE_CHARS <= r.span[1] <= first and not self.quoted(r.span[0])
            ]  # fmt: skip
            if not before:
                continue
            role = before[-1]
            if any(role.span[1] <= at < first for at, _ in self._mentions):
                continue  # someone else was named in between
            p.descriptors.append(self.text[role.span[0] : role.span[1]])
            p.spans.append(role.span)

    def participant(self, name: str, at: int | None = None) -> _Participant | None:
        """The participant a name refers to: the latest of that surname named before ``at`` or the first."""
        words = self.clean(name).split()
        if not words:
            return None
        last, first = _key(words[-1]), (_key(words[0]) if len(words) > 1 else None)
        before: _Participant | None = None
        after: _Participant | None = None
        for pos, p in self._mentions:
            if not _near(p.last, last) or (first and p.first and first[0] != p.first[0]):
                continue
            if at is None or pos <= at:
                before = p
            elif after is None:
                after = p
        if before is None and after is None and first is None:
            return next((p for p in reversed(self.participants) if p.first == last), None)
        return before or after

    def holder(self, role: str, actor: str | None, at: int) -> _Participant | None:
        """The participant who holds ``role`` ("envoy") for ``actor``, named nearest to ``at``.

        "Ruritania's envoy rejected the plan" is the envoy the article names, before or just
        after: a reader looks for the name that goes with the role.
        """
        role = role.lower()
        # "Ruritania's envoy" may have been named as its ambassador; with no state named, only the
        # same role word will do
        diplomatic = actor is not None and self.gaz.diplomatic(role)
        best: tuple[tuple[int, int], _Participant] | None = None
        for p in self.participants:
            if not any(
                role in (w.lower().strip(".,'’") for w in _WORD.findall(d))
                or (diplomatic and self.gaz.diplomatic(d))
                for d in p.descriptors
            ):
                continue
            v = self.verdict(p)
            if actor is not None and (v is None or v.actor is None or v.actor.code != actor):
                continue
            near = min(p.mentions, key=lambda m: abs(m - at))
            key = (0 if near <= at else 1, abs(near - at))
            if best is None or key < best[0]:
                best = (key, p)
        return best[1] if best is not None else None

    def holder_of(self, role: str, at: int) -> _Participant | None:
        """The participant whose office shares the role's qualifier ("the Commerce chief" ->
        "Commerce Secretary Anna Berg"), named before ``at``; None when none or several do."""
        words = _WORD.findall(role)
        articles = load_function_words().articles
        qualifier = {w.lower() for w in words[:-1] if w[:1].isupper() and w.lower() not in articles}
        if not qualifier:
            return None
        found = [
            p
            for p in self.participants
            if min(p.mentions) <= at
            and any(qualifier <= {w.lower() for w in _WORD.findall(d)} for d in p.descriptors)
            and (v := self.verdict(p)) is not None
            and v.basis in ("state", "office")
        ]
        return found[0] if len(found) == 1 else None

    def verdict(self, p: _Participant) -> Verdict | None:
        """What the participant speaks for, from every role the article gives them (cached)."""
        key = id(p)
        if key not in self._verdicts:
            self._verdicts[key] = self._verdict(p)
        return self._verdicts[key]

    def _verdict(self, p: _Participant) -> Verdict | None:
        by_basis: dict[str, Verdict] = {}
        for lo, hi in p.spans:
            v = self.classify(self.text[lo:hi])
            if v is None or v.basis == "office":  # an office at a company is the company's
                v = self.employer(lo, hi) or v
            if v is not None:
                by_basis.setdefault(v.basis, v)
        for basis in ("state", "org"):
            if basis in by_basis:
                return by_basis[basis]
        official = self.gaz.official(p.name, self.article.published)
        if official is not None:
            title = by_basis["office"].title if "office" in by_basis else official[1]
            return Verdict(official[0], title, "state")
        for basis in ("office", "person"):
            if basis in by_basis:
                return by_basis[basis]
        return None

    def employer(self, lo: int, hi: int) -> Verdict | None:
        """A non-state organization a descriptor says the person works for.

        The entity model's ORG inside the descriptor after "for", "of", "at", "with" or "from"
        ("a spokesman for X"), that is not as a whole a name the gazetteer knows (a state, an
        international organization, an organ). An ORG opening the descriptor ("X spokesman")
        is left alone: the small entity model also tags governments in fact (a movement that
        rules a state) as ORG.
        """
        for a, b in self.orgs:
            if a < lo or b > hi:
                continue
            name = self.text[a:b]
            known = [m for m in self.gaz.find(name, on=self.article.published) if m.via != "official"]
            whole = any(m.start == 0 and m.end >= len(name.rstrip("'’s")) - 1 for m in known)
            if whole or self.gaz.body(name):
                continue
            before = self.text[lo:a]
            if not load_function_words().affiliated_before.search(before):
                continue
            if any(w.lower() in self.words.organs or w.lower() in self.words.offices for w in name.split()):
                continue
            clean = re.sub(r"^the\s+", "", _org_name(name), flags=re.IGNORECASE)
            return Verdict(ActorRef(f"ORG:{clean}", clean), self.text[lo:hi].strip(" ,"), "org")
        return None

    def classify(self, descriptor: str) -> Verdict | None:
        """What one descriptor says a person speaks for (None when it says nothing of it)."""
        text = descriptor.strip(" ,;:-–—")
        title = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE) or None
        low = text.lower()
        words = [w.lower() for w in _WORD.findall(text)]
        if any(w in self.lex.nonofficial for w in words) or any(
            " " in n and n in low for n in self.lex.nonofficial
        ):
            return Verdict(None, title, "person")
        org = self.organization(text)
        if org is not None:
            return Verdict(ActorRef(f"ORG:{org}", org), title, "org")
        office = any(w in self.words.offices or w in self.words.organs for w in words) or (
            self.gaz.body(text) is not None
        )
        ref = self.gaz.lookup(text, on=self.article.published)
        if ref is not None and (office or _POSSESSIVE.search(text)):
            return Verdict(ref, title, "state")
        return Verdict(None, title, "office") if office else None

    def organization(self, text: str) -> str | None:
        """A non-state organization named in ``text``, even one whose name holds a country.

        "the Ruritanian Distillers' Council" or "the Committee for a Free Ruritania" is not
        Ruritania: a capitalized name that the gazetteer does not know as a whole, whose own
        head is not a state institution, and that names a state only inside it.
        """
        for m in load_function_words().name_run.finditer(text):
            name = _org_name(m.group())
            words = name.split()
            if len(words) < 2 or name.lower().startswith(("the ", "a ")) and len(words) < 3:
                continue
            if self._known_whole(name):
                continue  # "the Russian Federation", "the European Commission": the actor itself
            heads = [w.lower().strip(".,'’") for w in words if w[:1].isupper()]
            if not any(h in self.words.org_heads for h in heads):
                continue  # a region, a title or a show, not an organization
            if any(h in self.words.organs or h in self.words.offices for h in heads):
                continue
            if any(w.lower() in self.lex.titles for w in words):
                continue
            if self.gaz.official(name, self.article.published) is not None:
                continue
            return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        return None

    def _known_whole(self, name: str) -> bool:
        """True when the gazetteer knows all of ``name`` as one actor or organ.

        A state named only inside a longer name ("the Ruritanian Council of Policy Studies",
        "the Committee for a Free Ruritania") leaves it an organization of its own.
        """
        bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)  # a possessive is gone (_org_name)
        found = [m for m in self.gaz.find(bare, on=self.article.published) if m.via != "official"]
        return any(m.start == 0 and m.end >= len(bare) for m in found) or self.gaz.body(bare) is not None

    # -- the article as a whole -----------------------------------------------------------------

    @cached_property
    def home(self) -> ActorRef | None:
        """The state the article is about: the first one its title, else its body, names."""
        on = self.article.published
        vias = ("name", "alias", "demonym", "seat", "official")
        for text in (self.article.title or "", self.text[self.article.body_start :]):
            for m in self.gaz.find(text, on=on):
                if m.via in vias and _STATE_CODE.match(m.actor.code):
                    return m.actor
        return None

    @cached_property
    def _named(self) -> list[Mention]:
        """Every actor the article names, left to right (read once, for the lists and bodies)."""
        return self.gaz.find(self.text, on=self.article.published)

    @cached_property
    def _bodies(self) -> list[tuple[int, str, ActorRef]]:
        """(start, head noun, actor) of every organization the article names, not a state:
        "International Court of Justice" has the head "court" (its last word before "of")."""
        out = []
        for m in self._named:
            if m.via in ("name", "alias", "organ") and not _STATE_CODE.match(m.actor.code):
                words = re.split(r"\s+of\s+", m.text, maxsplit=1)[0].split()
                if len(words) > 1:
                    out.append((m.start, words[-1].lower(), m.actor))
        return out

    def body_before(self, phrase: str, pos: int) -> ActorRef | None:
        """The organization a definite description takes up by its head noun ("the court", "the
        court's president"): the latest one named before ``pos``, outside quotations, whose name
        has that head ("the International Court of Justice"). A title ("the president") is none."""
        m = re.match(r"\s*(?:the|The)\s+([a-z]+)(?:['’]s\b.*)?\s*$", phrase)
        if m is None or m.group(1) in self.lex.titles or m.group(1) in self.words.offices:
            return None
        for start, head, actor in reversed(self._bodies):
            if start < pos and head == m.group(1) and not self.quoted(start):
                return actor
        return None

    @cached_property
    def state_lists(self) -> list[tuple[int, tuple[ActorRef, ...]]]:
        """(end, members) of every coordinated list of two or more states or organizations."""
        found = [
            m for m in self._named
            if m.via in ("name", "alias", "seat")
        ]  # fmt: skip
        lists: list[tuple[int, tuple[ActorRef, ...]]] = []
        run = found[:1]
        for m in found[1:] + [None]:
            if m is not None and load_function_words().group_join.match(self.text[run[-1].end : m.start]):
                run.append(m)
                continue
            codes = {x.actor.code: x.actor for x in run}
            if len(codes) >= 2:
                lists.append((run[-1].end, tuple(codes.values())))
            run = [m] if m is not None else []
        return lists

    def signatories(self, noun: str, after: int) -> tuple[ActorRef, ...]:
        """The parties a later sentence lists as signing the document ``noun`` quoted before it.

        A joint statement is often quoted first and its signatories named after it: "The
        statement was signed by A, B and C." Only the next ``_SIGNATORY_CHARS`` characters
        are read, and only a sentence that names the document again with a verb of signing.
        """
        for end, members in self.state_lists:
            if end <= after:
                continue
            if end > after + _SIGNATORY_CHARS:
                break
            start = max(self.text.rfind(c, after, end) for c in ".!?\n") + 1
            ends = [i for i in (self.text.find(c, end) for c in ".!?\n") if i >= 0]
            words = {w.lower() for w in _WORD.findall(self.text[max(start, after) : min(ends, default=end)])}
            if noun in words and words & self.words.signing:
                return members
        return ()

    def parties(self, source: str) -> tuple[ActorRef, ...]:
        """The parties a source lists, however it joins them ("A, along with B and C, ...");
        empty unless two or more.

        A list in parentheses spells out a body's members ("the Secretariat (A, B, C)"): not its own.
        """
        source = source.split("(")[0]
        found = [
            m for m in self.gaz.find(source, on=self.article.published)
            if m.via in ("name", "alias", "demonym", "seat")
        ]  # fmt: skip
        if len(found) < 2:
            return ()
        seen = {found[0].actor.code: found[0].actor}
        for prev, m in zip(found, found[1:], strict=False):
            if not load_function_words().list_join.match(source[prev.end : m.start]):
                break
            seen.setdefault(m.actor.code, m.actor)
        return tuple(seen.values()) if len(seen) >= 2 else ()

    def joins(self, text: str) -> Iterator[tuple[int, int]]:
        """(end of the part before, start of the part after) of each worded list joiner in
        ``text`` ("and", "as well as", "along with": ``list_joiner``; a bare comma is no join here,
        since it may open an apposition)."""
        words = list(re.finditer(r"\S+", text))
        join = load_function_words().list_join
        for i in range(1, len(words)):
            for j in range(i + 1, min(i + 4, len(words))):
                gap = text[words[i - 1].end() : words[j].start()]
                if any(c.isalpha() for c in gap) and join.match(gap):
                    yield words[i - 1].end(), words[j].start()

    def counted_group(self, source: str, at: int) -> tuple[ActorRef, ...] | None:
        """The members of "both leaders", "the three nations": the latest list of that many before ``at``."""
        m = load_function_words().counted.search(source)
        if m is None:
            return None
        word = m.group(1).lower()
        n = load_function_words().counts.get(word) or (int(word) if word.isdigit() else 0)
        head = source.split()[-1].lower().strip(".,'’")
        if n < 2 or not (head in self.words.offices or self.lex.nominals.get(head) in ("body", "group")):
            return None
        for end, members in reversed(self.state_lists):
            if end <= at and len(members) == n:
                return members
        return None

    def is_outlet(self, source: str) -> bool:
        """Whether a source is a news outlet or one of its shows ("Reuters", "a Journal editorial")."""
        low = re.sub(r"^(?:the|a|an)\s+", "", fold(source).lower().strip(" ,.'’\"“”"))
        low = re.sub(r"['’]s\b", "", low)
        if low in self.words.outlets or any(" " in o and low.endswith(" " + o) for o in self.words.outlets):
            return True
        words = [w.strip(".,'’\"“”") for w in low.split()]
        return bool(words) and words[-1] in self.words.outlets and not self.gaz.find(source)

    def relayed(self, content: tuple[int, int]) -> list[ActorRef]:
        """The actors an outlet's report is about: a list of states in it, or the state that opens it."""
        lo, hi = content
        for end, members in self.state_lists:
            if lo < end <= hi:
                return list(members)
        head = self.text[lo : min(hi, lo + 60)]
        found = [
            m for m in self.gaz.find(head, on=self.article.published) if m.via in ("name", "alias", "seat")
        ]
        return [found[0].actor] if found and found[0].start < 25 else []

    def quoted(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quotes)

    def role_antecedent(self, pos: int, floor: int = 0) -> ActorRef | None:
        """The state of a role that names no one ("Peru's ambassador"), when it is the latest
        mention of a person before ``pos`` (a pronoun's referent: "... but his mission said")."""
        latest_name = max((at for at, _ in self._mentions if floor <= at < pos), default=-1)
        for r in reversed(self.roles):
            if r.span[1] > pos or self.quoted(r.span[0]):
                continue
            if r.span[0] < max(floor, latest_name):
                return None
            verdict = self.classify(self.text[r.span[0] : r.span[1]])
            if verdict is None or verdict.basis != "state" or verdict.actor is None:
                return None
            code = verdict.actor.code
            paragraph = self.text.rfind("\n", 0, r.span[0]) + 1
            if any(
                paragraph <= at < r.span[0]
                and (v := self.verdict(p)) is not None
                and v.actor is not None
                and v.actor.code == code
                for at, p in self._mentions
            ):
                return None  # "Garcia said ... The Peruvian leader added": the person just named
            return verdict.actor
        return None

    def antecedent(self, pos: int, floor: int = 0) -> _Participant | None:
        """The latest participant named before ``pos`` outside any quotation (a pronoun's referent)."""
        best: tuple[int, _Participant] | None = None
        for at, p in self._mentions:
            if at >= pos:
                break
            if at >= floor and not self.quoted(at):
                best = (at, p)
        return best[1] if best else None
