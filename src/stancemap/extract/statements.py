"""Turn attributions into statements: who spoke for which actor, when and where.

The speaker of a mention is resolved the way a reader does it, in text order,
remembering what the article has said so far:

- a named person in the source (``Spokeswoman Maria Zakharova``) gives the speaker;
  the rest of the source gives the title and, through the gazetteer, the actor;
- a person named by last name alone (``Zakharova said``) is the one named earlier,
  or one of the known officials of the day;
- a pronoun (``she added``) or a nominal (``the ministry added``, ``the statement
  reads``) refers back to the latest speaker (of the same actor, if it names one);
- a quotation with no verb of its own continues the latest speaker, or belongs to
  the actor named by a heading just above it (round-up articles);
- a source that names several actors (``France, Germany and the EU condemned``)
  is the outlet's summary: one ``summary`` statement per actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..models import Article, Kind, Span, Statement
from ..resolve import ActorRef, Gazetteer
from .attribution import Attribution
from .backfill import embedded_posts, headlines_from_body, share_within_speaker
from .dates import find_date
from .lexicon import Lexicon

__all__ = ["build_statements"]

_STATE_CODE = re.compile(r"^[A-Z]{3}$")

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
_PARAGRAPH = re.compile(r"[^\n]+")
_HEADING_MAX_WORDS = 10
_GLUE = {"of", "for", "and", "into", "to", "the", "in", "on", "at", "with", "from"}


def _speaks_for_no_one(title: str | None, lex: Lexicon) -> bool:
    """True when a title marks an expert, analyst, opposition figure or former official."""
    if not title:
        return False
    words = re.findall(r"[a-z]+", title.lower())
    return any(w in lex.nonofficial for w in words)


@dataclass(frozen=True)
class _Speaker:
    actor: ActorRef
    speaker: str | None
    title: str | None

    @classmethod
    def of(cls, st: Statement) -> _Speaker:
        """The speaker of an earlier statement, for a mention that refers back to it."""
        return cls(ActorRef(st.actor, st.actor_name, st.body), st.speaker, st.speaker_title)


@dataclass
class _Memory:
    """What the article has established so far, for resolving later mentions."""

    last: Statement | None = None
    #: The latest statement by a state or organization (not ``PERSON:``/``ORG:``).
    known: Statement | None = None
    people: dict[str, _Speaker] | None = None

    def remember(self, st: Statement) -> None:
        self.last = st
        if not st.actor.startswith(("PERSON:", "ORG:")):
            self.known = st
        if self.people is None:
            self.people = {}
        if st.speaker:
            sp = _Speaker.of(st)
            self.people[st.speaker.split()[-1].lower()] = sp

    def person(self, last_name: str) -> _Speaker | None:
        return (self.people or {}).get(last_name.lower())


def _clean_person(name: str, titles: frozenset[str]) -> str:
    """A person's name without leading title words the NER model folded into it."""
    words = name.replace("\u2019s", "").split()
    while len(words) > 1 and words[0].lower().strip(".,") in titles:
        words.pop(0)
    return " ".join(words).strip(" ,.'’")


def _title_of(source: str, person: str | None) -> str | None:
    title = source
    if person:
        idx = title.rfind(person.split()[-1])
        cut = title.find(person.split()[0])
        if 0 <= cut <= idx:
            title = title[:cut] + title[idx + len(person.split()[-1]) :]
    title = re.sub(r"^\s*(the|a|an)\s+", "", title, flags=re.IGNORECASE).strip(" ,;:-–—'’")
    return title or None


def _head_word(source: str) -> str:
    words = re.findall(r"[A-Za-zÀ-ÿ]+", source)
    return words[-1].lower() if words else ""


def _paragraph_of(text: str, pos: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, (len(text) if hi < 0 else hi)


def _heading_actor(text: str, gaz: Gazetteer, lo: int, hi: int) -> tuple[ActorRef, int] | None:
    """The actor named by the last heading-like paragraph between ``lo`` and ``hi``."""
    found: tuple[ActorRef, int] | None = None
    for m in _PARAGRAPH.finditer(text, lo, hi):
        whole = (m.start() == 0 or text[m.start() - 1] == "\n") and (
            m.end() == len(text) or text[m.end()] == "\n"
        )
        line = m.group().strip()
        if not whole:
            continue  # a heading is a paragraph of its own, not the tail of a sentence
        if not line or len(line.split()) > _HEADING_MAX_WORDS or line[-1] in '.:;,!?"”»':
            continue
        ref = gaz.lookup(line)
        if ref is not None:
            found = (ref, m.start())
    return found


class _Builder:
    def __init__(
        self, article: Article, gaz: Gazetteer, lex: Lexicon, skip: Sequence[tuple[int, int]]
    ) -> None:
        self.article = article
        self.text = article.text
        self.gaz = gaz
        self.lex = lex
        self.skip = skip
        self.memory = _Memory()
        self.out: list[Statement] = []
        self.headlines: set[int] = set()  # indices in ``out`` of statements read from a headline

    def span(self, chars: tuple[int, int] | None) -> Span | None:
        if chars is None:
            return None
        return Span(chars[0], chars[1], self.text[chars[0] : chars[1]])

    def in_boilerplate(self, chars: tuple[int, int]) -> bool:
        return any(lo <= chars[0] and chars[1] <= hi for lo, hi in self.skip)

    def context_text(self, a: Attribution) -> str:
        if a.context is None:
            return ""
        lo, hi = a.context
        c0, c1 = a.content
        return self.text[lo : max(lo, c0)] + " " + self.text[min(hi, c1) : hi]

    def speakers(self, a: Attribution) -> list[_Speaker] | None:
        """Who speaks in ``a``: one speaker, several (a summary), or None when unknown."""
        if a.follows or (a.source is None and a.kind == "direct"):
            return self.follower(a)
        if a.source is None:
            return None
        source = self.text[a.source[0] : a.source[1]]
        person = self.person_in(a, source)
        title = _title_of(source, person)
        if person is not None and not title:
            title = self.appositive_title(a.source[0])
        if person is None and a.members:
            seen: dict[str, _Speaker] = {}
            for lo, hi in a.members:
                member = self.gaz.lookup(self.text[lo:hi], on=self.article.published)
                if member is not None:
                    seen.setdefault(member.code, _Speaker(member, None, None))
            # a party the parse left outside every conjunct still belongs to the list
            for m in self.gaz.find(source, on=self.article.published):
                lo = a.source[0] + m.start
                if m.via != "official" and not any(s <= lo < e for s, e in a.members):
                    seen.setdefault(m.actor.code, _Speaker(m.actor, None, None))
            if len(seen) >= 2:
                return list(seen.values())
        ref = self.gaz.lookup(title, on=self.article.published) if title else None
        if ref is None:
            mentions = self.gaz.find(source, on=self.article.published)
            ref = mentions[0].actor if mentions else None
        if person is not None:
            return [self.named(person, ref, title)]
        if source.lower() in _PRONOUNS:
            return [self.pronoun(a, source)]
        head = self.text[a.head[0] : a.head[1]].lower() if a.head else _head_word(source)
        nominal = head in self.lex.nominals
        if self.lex.nominals.get(head) == "group" and not a.members:
            return [self.unknown(source)]  # "EU states", "Western governments": members, not the body
        if nominal and ref is None:
            heading = self.heading_since_last(a)
            if heading is not None:
                return [_Speaker(heading, None, None)]
        last = self.memory.known or self.memory.last
        if nominal and last is not None and (ref is None or ref.code == last.actor):
            return [_Speaker.of(last)]
        if nominal and last is None and ref is None and self.lex.nominals.get(head) == "body":
            # "Chile has withdrawn ..., the country said": the one state its own words name
            content = self.text[a.content[0] : a.content[1]]
            states = {
                m.actor.code: m.actor
                for m in self.gaz.find(content, on=self.article.published)
                if m.via in ("name", "alias") and _STATE_CODE.match(m.actor.code)
            }
            if len(states) == 1:
                return [_Speaker(next(iter(states.values())), None, None)]
        if ref is not None and not _speaks_for_no_one(source, self.lex):
            return [_Speaker(ref, None, title if title and title.lower() != ref.name.lower() else None)]
        return [self.unknown(source)]

    def person_in(self, a: Attribution, source: str) -> str | None:
        """The person named in a source: the first PERSON entity, else a known or trailing name.

        The entity model misses names it has not seen (``Turkish Ambassador Erkan Ozoral``,
        ``Zakharova said``); a run of capitalized words ending the source, that names no
        actor and no title, is taken as the name.
        """
        on = self.article.published
        for lo, hi in a.persons:
            entity = _clean_person(self.text[lo:hi], self.lex.titles)
            # the entity model takes some demonyms and places for names
            if self.gaz.lookup(entity, on=on) is None or self.gaz.official(entity, on) is not None:
                return entity
        appositive = self.appositive_name(source)
        if appositive is not None:
            return appositive
        covered = [(m.start, m.end) for m in self.gaz.find(source) if m.via != "official"]
        words = list(re.finditer(r"[^\s,;:()]+", source))
        name: list[str] = []
        for m in reversed(words):
            w = m.group()
            inside = any(lo <= m.start() < hi for lo, hi in covered)
            if (
                inside
                or not w[:1].isupper()
                or w.lower().strip(".’'s") in self.lex.titles
                or w.lower() in self.lex.nominals
            ):
                break
            name.insert(0, w)
        if not name or len(name) > 4:
            return None
        before = source[: source.rfind(name[0])].split()
        if before and before[-1].lower() in _GLUE:
            return None  # "Minister for Reconciliation and Civil Equality": part of a title, not a name
        candidate = " ".join(name).strip(" .’'")
        if len(name) == 1 and self.memory.person(candidate) is None:
            official = self.gaz.official(candidate, self.article.published)
            return candidate if official is not None or len(words) > 1 else None
        return candidate

    def appositive_name(self, source: str) -> str | None:
        """``Robert Smith, a senior fellow at the institute``: the name before the apposition."""
        head, sep, _ = source.partition(",")
        words = head.split()
        if not sep or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return None
        if any(w.lower().strip(".") in self.lex.titles for w in words):
            return None
        if (
            self.gaz.find(head, on=self.article.published)
            and self.gaz.official(head, self.article.published) is None
        ):
            return None
        return head.strip()

    def heading_since_last(self, a: Attribution) -> ActorRef | None:
        last = self.memory.last
        lo = last.evidence.end if last is not None else self.article.body_start
        found = _heading_actor(self.text, self.gaz, lo, a.content[0])
        return found[0] if found else None

    def named(self, person: str, ref: ActorRef | None, title: str | None) -> _Speaker:
        """A speaker named in the source: the actor from the title, or from what is known of the person."""
        known = self.memory.person(person.split()[-1])
        if known is not None and len(person.split()) == 1 and known.speaker:
            person = known.speaker
        if _speaks_for_no_one(title, self.lex):
            return _Speaker(ActorRef(f"PERSON:{person}", person), person, title)
        if ref is not None and title and any(m.via != "official" for m in self.gaz.find(title)):
            return _Speaker(ref, person, title)  # the title names what the person speaks for
        if known is not None:
            return _Speaker(known.actor, person, title or known.title)
        official = self.gaz.official(person, self.article.published)
        if official is not None:
            return _Speaker(official[0], person, title or official[1])
        if ref is not None:
            return _Speaker(ref, person, title)
        known_state = self.memory.known
        if title and known_state is not None and _STATE_CODE.match(known_state.actor) and self.office(title):
            # "the deputy foreign minister, Kofi Mensah": an office that names no country is
            # one of the country the article has been quoting
            return _Speaker(_Speaker.of(known_state).actor, person, title)
        return _Speaker(ActorRef(f"PERSON:{person}", person), person, title)

    def appositive_title(self, start: int) -> str | None:
        """A title set before the name by a comma: "the deputy foreign minister, Kofi Mensah"."""
        before = self.text[max(0, start - 80) : start]
        m = re.search(r"(?:^|[.\n\"“”'‘’;])\s*((?:the\s+)?[a-z][a-z -]{2,70}),\s*$", before)
        if m is None or not self.office(m.group(1)):
            return None
        return re.sub(r"^the\s+", "", m.group(1)).strip()

    def office(self, title: str) -> bool:
        """Whether a title is a state office (minister, ambassador, spokesperson...)."""
        words = re.findall(r"[a-z]+", title.lower())
        return any(self.lex.nominals.get(w) == "person" for w in words)

    def pronoun(self, a: Attribution, source: str) -> _Speaker:
        """``she said``: the latest speaker, unless a person was named after that speaker spoke."""
        last = self.memory.last
        if a.antecedent is not None:
            name = _clean_person(self.text[a.antecedent[0] : a.antecedent[1]], self.lex.titles)
            newer = last is None or a.antecedent[0] >= last.evidence.end
            same = last is not None and last.speaker and last.speaker.split()[-1] == name.split()[-1]
            if newer and not same:
                return self.named(name, None, None)
        if last is not None:
            return _Speaker.of(last)
        return self.unknown(source)

    def unknown(self, source: str) -> _Speaker:
        """A speaker who speaks for no known actor: ``PERSON:`` or ``ORG:`` with the article's words."""
        name = re.sub(r"^\s*(the|a|an)\s+", "", source, flags=re.IGNORECASE).strip()[:80]
        prefix = "ORG" if self.lex.nominals.get(_head_word(source)) in ("body", "group") else "PERSON"
        return _Speaker(ActorRef(f"{prefix}:{name}", name), None, None)

    def follower(self, a: Attribution) -> list[_Speaker] | None:
        last = self.memory.last
        heading = self.heading_since_last(a)
        if heading is not None:
            return [_Speaker(heading, None, None)]
        if last is None:
            return None
        # a continuation must follow closely: the same or the next paragraph
        between = self.text[last.evidence.end : a.content[0]]
        if between.count("\n\n") > 1 or between.count("\n") > 2:
            return None
        return [_Speaker.of(last)]

    def add(self, a: Attribution) -> None:
        if a.kind != "direct" and self.in_boilerplate(a.content):
            return  # background; a quotation is never erased, wherever it stands
        speakers = self.speakers(a)
        if not speakers:
            return
        if (
            a.extra.get("headline")
            and speakers[0].actor.code.startswith(("PERSON:", "ORG:"))
            and not (speakers[0].speaker)
        ):
            return  # "Update: ..." is a label, not a speaker
        context = self.context_text(a)
        when: date | None = find_date(context, self.article.published) if context else None
        basis = "text" if when else None
        channel = self.lex.channel(context) if context else None
        if channel is None and a.cue is not None:
            # the medium is often named once for a paragraph ("In a statement, ... It added ...")
            lo, hi = _paragraph_of(self.text, a.cue[0])
            c0, c1 = a.content
            channel = self.lex.channel(self.text[lo : max(lo, c0)] + " " + self.text[min(hi, c1) : hi])
        kind: Kind = "summary" if len(speakers) > 1 else a.kind  # type: ignore[assignment]
        last = self.memory.last
        for sp in speakers:
            if (
                last is not None
                and kind != "summary"
                and last.actor == sp.actor.code
                and (last.speaker == sp.speaker or a.follows)
            ):
                if when is None and last.date is not None and last.date_basis != "article":
                    when, basis = last.date, "earlier"
                channel = channel or last.channel
            if when is None and self.article.published is not None:
                # News reports what was said lately: without a day in the text, the article's own.
                when, basis = self.article.published, "article"
            st = Statement(
                article=self.article.name,
                actor=sp.actor.code,
                actor_name=sp.actor.name,
                body=sp.actor.body,
                speaker=sp.speaker,
                speaker_title=sp.title,
                kind=kind,
                date=when,
                date_basis=basis,
                channel=channel,
                evidence=Span(a.content[0], a.content[1], self.text[a.content[0] : a.content[1]]),
                source=self.span(a.source),
                cue=self.span(a.cue),
            )
            if a.extra.get("headline"):
                self.headlines.add(len(self.out))
            self.out.append(st)
            if kind != "summary":
                self.memory.remember(st)


def build_statements(
    article: Article,
    attributions: Sequence[Attribution],
    gaz: Gazetteer,
    lex: Lexicon,
    boilerplate: Sequence[tuple[int, int]] = (),
) -> list[Statement]:
    """The statements of one article, in text order."""
    builder = _Builder(article, gaz, lex, boilerplate)
    for a in attributions:  # the title counts too: headlines attribute ("Ruritania: no to the vote")
        builder.add(a)
    out = headlines_from_body(builder.out, builder.headlines)
    return share_within_speaker(embedded_posts(article, out))
