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
from datetime import date

from ..models import Article, Kind, Span, Statement
from ..resolve import ActorRef, Gazetteer
from .attribution import Attribution
from .backfill import embedded_posts, headlines_from_body, share_within_speaker
from .channels import event_channel, points_back, sentence_end, trailing_event
from .dates import find_date
from .lexicon import Lexicon, load_function_words
from .memory import STATE_CODE, UNSCORED, Memory, Speaker
from .sources import head_phrase, head_word, same_surname, speaks_for_no_one, title_of
from .speakers import Discourse

__all__ = ["build_statements"]


_PARAGRAPH = re.compile(r"[^\n]+")
_HEADING_MAX_WORDS = 10


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
        self,
        article: Article,
        gaz: Gazetteer,
        lex: Lexicon,
        skip: Sequence[tuple[int, int]],
        discourse: Discourse,
    ) -> None:
        self.article = article
        self.discourse = discourse
        self.text = article.text
        self.gaz = gaz
        self.lex = lex
        self.skip = skip
        self.memory = Memory()
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
        mark = self.background_mark(a)
        if mark is not None:
            lo = mark
        context = self.text[lo : max(lo, c0)] + " " + self.text[min(hi, c1) : hi]
        # only a clause reported after its cue ("X said that ... at the meeting"): in "..., he
        # said" an adjunct of the reporting event follows the cue, and one inside the clause is its own
        after_cue = a.cue is not None and a.cue[1] <= c0
        tail = trailing_event(self.text, a.content) if a.kind != "direct" and after_cue else None
        return context if tail is None else context + " " + self.text[tail[0] : tail[1]]

    def background_mark(self, a: Attribution) -> int | None:
        """Where the clause of time or concession that holds ``a``'s report starts, or None.

        "She issued the statement two days after Borduria announced that ...": such a report is
        an event of its own; the medium of the main clause around it is not its medium.
        """
        if a.context is None or a.source is None or not a.context[0] < a.source[0] <= a.content[0]:
            return None
        mark = re.search(r"(\w+)\s+$", self.text[a.context[0] : a.source[0]])
        if mark is None or mark.group(1).lower() not in self.lex.background_marks:
            return None
        return a.context[0] + mark.start()

    def speakers(self, a: Attribution) -> list[Speaker] | None:
        """Who speaks in ``a``: one speaker, several (a summary), or None when unknown."""
        if a.follows or (a.source is None and a.kind == "direct"):
            return self.follower(a)
        if a.source is None:
            return None
        source = self.text[a.source[0] : a.source[1]]
        on = self.article.published
        if not a.persons and self.discourse.is_outlet(source):
            # an outlet relays; it never speaks: the report is about the actors it names
            relayed = self.discourse.relayed(a.content)
            return [Speaker(r, None, None) for r in relayed] or None
        person = self.person_in(a, source)
        title = title_of(source, person)
        if person is not None and not title:
            title = self.appositive_title(a.source[0])
        if person is None and speaks_for_no_one(head_phrase(source), self.lex):
            # "the autonomous administration in X", "opposition lawmakers": no state (spec §2)
            return _one(self.unknown(source))
        if person is None and a.members:
            seen: dict[str, Speaker] = {}
            for lo, hi in a.members:
                member = self.gaz.lookup(self.text[lo:hi], on=on)
                if member is not None:
                    seen.setdefault(member.code, Speaker(member, None, None))
            # a party the parse left outside every conjunct still belongs to the list
            for m in self.gaz.find(source, on=on):
                lo = a.source[0] + m.start
                if m.via != "official" and not any(s <= lo < e for s, e in a.members):
                    seen.setdefault(m.actor.code, Speaker(m.actor, None, None))
            if len(seen) >= 2:
                return list(seen.values())
        if len(a.persons) >= 2 and load_function_words().joined.search(
            self.text[a.persons[0][1] : a.persons[-1][0]]
        ):
            # "Both Ruritania's president A and Borduria's prime minister B told ...": one each
            clean = self.discourse.clean
            each = [self.named(clean(self.text[lo:hi]), None, None, lo) for lo, hi in a.persons]
            by_actor = {sp.actor.code: sp for sp in each if not sp.actor.code.startswith(UNSCORED)}
            if len(by_actor) >= 2 and len(by_actor) == len(each):
                return list(by_actor.values())
        if person is not None:
            beside = self.beside_person(source, person)
            if beside:  # "The X Embassy and Y's ambassador Z said": a party each
                return beside
        if person is None:
            listed = self.discourse.parties(source)
            if listed:
                return [Speaker(r, None, None) for r in listed]
            counted = self.discourse.counted_group(source, a.source[0])
            if counted:  # "the three nations", "both leaders": the list the article gave last
                return [Speaker(r, None, None) for r in counted]
        words = self.discourse.words
        ref = self.gaz.lookup(title, on=on) if title else None
        mentions = self.gaz.find(source, on=on)
        latest = self.out[-1].actor if self.out else None
        document = not mentions and head_word(source) in words.documents
        if document and any(sp.actor.code == latest for sp in self.memory.authors):
            return list(self.memory.authors)  # "the statement continues": the document's authors
        if document and ref is None:
            # "..., the joint statement said. [...] It was signed by A, B and C."
            signed = self.discourse.signatories(head_word(source), a.content[1])
            if signed:
                self.memory.authors = [Speaker(r, None, None) for r in signed]
                return list(self.memory.authors)
        if ref is None:
            ref = mentions[0].actor if mentions else None
        # "the court said", "the court's president, Judge X": the organization named before
        earlier = self.discourse.body_before(source, a.source[0]) if ref is None and not mentions else None
        if person is not None:
            return _one(self.named(person, ref, title, a.source[0], earlier))
        ref = ref or earlier
        if source.lower() in load_function_words().pronouns:
            if source.lower() in load_function_words().plural_pronouns:
                joint = self.joint_before(a.source[0])
                if joint:  # "A, B and C condemned X. They say ...": all of them
                    return joint
            return _one(self.pronoun(a, source))
        possessed = load_function_words().possessed.match(source)
        if possessed is not None and person is None:
            # "his U.N. mission", "her government": the possessor's state, not the body named inside
            # "their" is a group's, found like "they"; "his" and "her" a person's, like "he"
            owner = self.pronoun(a, "they" if possessed.group(1).lower() == "their" else "he")
            if owner is not None and STATE_CODE.match(owner.actor.code):
                return [Speaker(owner.actor, None, source)]
        head = self.text[a.head[0] : a.head[1]].lower() if a.head else head_word(source)
        if a.head is not None and any(
            a.source[0] + m.start <= a.head[0] < a.source[0] + m.end for m in mentions
        ):
            head = ""  # the head is part of a name ("the United States", "the United Nations")
        plural = head not in self.lex.nominals and head.endswith("s") and head[:-1] in self.lex.nominals
        kind = self.lex.nominals.get(head) or (self.lex.nominals.get(head[:-1]) if plural else None)
        nominal = kind is not None
        if ref is None and len(mentions) == 0 and not nominal:
            capital = self.gaz.capital(source)
            if capital is not None:  # "Ruritania's capital said" is rare; the capital as metonym is not
                return [Speaker(capital, None, None)]
        as_one = ref is not None and not STATE_CODE.match(ref.code) and (plural or kind == "group")
        if ref is not None and as_one and not load_function_words().some.search(source):
            return [Speaker(ref, None, None)]  # "the G7 countries", "G7 foreign ministers": the body as one
        if kind == "group" and not a.members:
            return _one(self.unknown(source))  # "EU states", "Western governments": members, not the body
        if plural and kind == "person" and ref is None:
            group = self.memory.group
            if group is not None:  # "the diplomats": the group the article has been quoting
                return [Speaker.of(group)]
            if self.discourse.home is not None and head in self.discourse.words.offices:
                return [Speaker(self.discourse.home, None, source)]  # "lawmakers" in a story about one state
            return _one(self.unknown(source))
        if kind == "person" and not plural:
            # "Ruritania's envoy said": the envoy the article names, before or after
            holder = self.discourse.holder(head, ref.code if ref is not None else None, a.source[0])
            if holder is not None:
                return _one(self.named(holder.name, ref, title, a.source[0]))
        if not nominal and ref is None and head in words.offices:
            # "the Commerce chief": the participant the article gave an office of that department
            holder = self.discourse.holder_of(source, a.source[0])
            if holder is not None:
                return _one(self.named(holder.name, None, source, a.source[0]))
        if not nominal and ref is None and not a.members and (head in words.offices or head in words.organs):
            # "the Commerce chief", "the lower house", "the military": an office or organ that names
            # no state is one of the state the article has been quoting, else of the one it is about
            state = self.state_in_view()
            if state is not None:
                organ = head in words.organs
                organ_of = ActorRef(state.code, state.name, source if organ else None)
                return [Speaker(organ_of, None, None if organ else source)]
        if nominal and ref is None:
            heading = self.heading_since_last(a)
            if heading is not None:
                return [Speaker(heading, None, None)]
        last = self.memory.known or self.memory.last
        if nominal and last is not None and (ref is None or ref.code == last.actor):
            return [Speaker.of(last)]
        office = kind == "person" and not plural and self.office(source)
        if nominal and last is None and ref is None and (kind == "body" or office):
            # "Chile has withdrawn ..., the country said", "Chile will abstain, the foreign minister
            # said", with no state quoted before: the one state its own words name
            content = self.text[a.content[0] : a.content[1]]
            states = {
                m.actor.code: m.actor
                for m in self.gaz.find(content, on=on)
                if m.via in ("name", "alias") and STATE_CODE.match(m.actor.code)
            }
            if len(states) == 1:
                role = re.sub(r"^\s*the\s+", "", source, flags=re.IGNORECASE).strip() if office else None
                return [Speaker(next(iter(states.values())), None, role)]
        if ref is not None and not speaks_for_no_one(source, self.lex):
            org = self.discourse.organization(source)
            if org is not None:
                return [Speaker(ActorRef(f"ORG:{org}", org), None, None)]
            return [Speaker(ref, None, title if title and title.lower() != ref.name.lower() else None)]
        return _one(self.unknown(source))

    def beside_person(self, source: str, person: str) -> list[Speaker] | None:
        """The parties of a source that joins a body of one actor and a named person of another
        ("The X Embassy and Y Ambassador Z"), which the parse may not show as a coordination:
        each side of the joiner names its own actor, the person's side through the person."""
        on = self.article.published
        for end, start in self.discourse.joins(source[: max(source.find(person), 0)]):
            first, title = source[:end], title_of(source[start:], person)
            body, own = self.gaz.lookup(first, on=on), self.gaz.lookup(title or "", on=on)
            if body is not None and own is not None and own.code != body.code:
                return [Speaker(body, None, None), Speaker(own, person, title)]
        return None

    def person_in(self, a: Attribution, source: str) -> str | None:
        """The person named in a source: the first PERSON entity, else a known or trailing name.

        The entity model misses names it has not seen (``Turkish Ambassador Erkan Ozoral``,
        ``Zakharova said``); a run of capitalized words ending the source, that names no
        actor and no title, is taken as the name.
        """
        on = self.article.published
        for lo, hi in a.persons:
            entity = self.discourse.clean(self.text[lo:hi])
            # the entity model takes some demonyms and places for names
            if self.gaz.lookup(entity, on=on) is None or self.gaz.official(entity, on) is not None:
                return entity
        appositive = self.appositive_name(source)
        if appositive is not None:
            return appositive
        covered = [(m.start, m.end) for m in self.gaz.find(source, on=on) if m.via != "official"]
        words = list(re.finditer(r"[^\s,;:()]+", source))
        name: list[str] = []
        for m in reversed(words):
            w = m.group()
            inside = any(lo <= m.start() < hi for lo, hi in covered)
            if (
                inside
                or not w[:1].isupper()
                or (w.isupper() and len(w) > 1)  # an acronym (MFA, UN) is no name
                or w.lower().strip(".’'s") in self.lex.titles
                or w.lower() in self.lex.nominals
            ):
                break
            name.insert(0, w)
        if not name or len(name) > 4:
            return None
        before = source[: source.rfind(name[0])].split()
        if before and before[-1].lower() in load_function_words().descriptor_glue:
            return None  # "Minister for Rural Affairs and Fisheries": part of a title, not a name
        candidate = " ".join(name).strip(" .’'")
        if self.gaz.lookup(candidate, on=on) is not None and self.gaz.official(candidate, on) is None:
            return None  # "the Afghan Taliban": a movement's name, not a person's
        if len(name) == 1 and self.memory.person(candidate) is None:
            official = self.gaz.official(candidate, self.article.published)
            return candidate if official is not None or len(words) > 1 else None
        return candidate

    def appositive_name(self, source: str) -> str | None:
        """``Robert Smith, a senior fellow at the institute``: the name before the apposition."""
        head, sep, _ = source.partition(",")
        words = head.split()
        if len(words) == 1 and sep and words[0][:1].isupper():
            # "Berg, who chaired the talks, said": a surname the article has introduced
            known = self.discourse.participant(words[0])
            return head.strip() if known is not None and len(known.name.split()) > 1 else None
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
        last = self.out[-1] if self.out else None  # a summary too: a heading after it is new
        lo = last.evidence.end if last is not None else self.article.body_start
        found = _heading_actor(self.text, self.gaz, lo, a.content[0])
        return found[0] if found else None

    def named(
        self,
        person: str,
        ref: ActorRef | None,
        title: str | None,
        at: int | None = None,
        body: ActorRef | None = None,
    ) -> Speaker:
        """A speaker named in the source: what the source's own title says they speak for, else
        what the article says of them anywhere (:class:`.speakers.Discourse`), else what is known."""
        participant = self.discourse.participant(person, at)
        known = self.memory.person(person.split()[-1])
        if participant is not None and len(participant.name.split()) > len(person.split()):
            person = participant.name
        elif known is not None and len(person.split()) == 1 and known.speaker:
            person = known.speaker
        local = self.discourse.classify(title) if title else None
        whole = self.discourse.verdict(participant) if participant is not None else None
        for v in (whole, local):
            if v is not None and v.actor is not None and v.basis in ("state", "org"):
                return Speaker(v.actor, person, title or v.title)
        if body is not None:  # "the court's president, Judge X": the court named before
            return Speaker(body, person, title)
        # "Representative X, former chairman of ...": an office held now outweighs one held before
        holds_office = whole is not None and whole.basis == "office"
        nobody = local is not None and local.basis == "person"  # an expert, a former official
        if nobody and not holds_office:
            return Speaker(ActorRef(f"PERSON:{person}", person), person, title)
        if whole is not None and whole.basis == "person":
            return Speaker(ActorRef(f"PERSON:{person}", person), person, title or whole.title)
        if known is not None:
            return Speaker(known.actor, person, title or known.title)
        official = self.gaz.official(person, self.article.published)
        if official is not None:
            return Speaker(official[0], person, title or official[1])
        office = any(v is not None and v.basis == "office" for v in (local, whole))
        if office or (title and self.office(title)):
            # "the deputy foreign minister, Kofi Mensah": an office that names no country is one of
            # the country the article has been quoting, else of the country it is about
            role = title or (whole.title if whole is not None else None)
            state = self.state_in_view()
            if state is not None:
                return Speaker(state, person, role)
        return Speaker(ActorRef(f"PERSON:{person}", person), person, title)

    def state_in_view(self) -> ActorRef | None:
        """The state an office that names none belongs to: the one the article has been quoting,
        else the one it is about."""
        known = self.memory.known
        if known is not None and STATE_CODE.match(known.actor):
            return Speaker.of(known).actor
        return self.discourse.home

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

    def pronoun(self, a: Attribution, source: str) -> Speaker | None:
        """``she said``: the latest speaker, unless a person was named (outside quotations) after that
        speaker spoke."""
        last = self.memory.last
        at = a.source[0] if a.source is not None else a.content[0]
        floor = last.evidence.end if last is not None else 0
        if source.lower() not in load_function_words().impersonal_pronouns:
            role = self.discourse.role_antecedent(at, floor)
            if role is not None:  # "Peru's ambassador stayed away, but he said ...": the role's state
                return Speaker(role, None, None)
            p = self.discourse.antecedent(at, floor)
            same = last is not None and last.speaker and same_surname(last.speaker, p.name) if p else False
            if p is not None and not same:
                return self.named(p.name, None, None, at)
        if last is not None:
            return Speaker.of(last)
        return None  # a pronoun with no antecedent names no one

    def unknown(self, source: str) -> Speaker | None:
        """A speaker who speaks for no known actor: ``PERSON:`` or ``ORG:`` with the article's words.

        Only a name, or a noun that can name a speaker (a role, a body, a group), is kept: a
        fragment or a generic noun ("the website", "reports") is no speaker at all.
        """
        name = re.sub(r"^\s*(the|a|an)\s+", "", source, flags=re.IGNORECASE).strip(" ,.;:'’\"“”")[:80]
        head = head_word(source)
        singular = head[:-1] if head.endswith("s") else head
        if sum(c.isalpha() for c in name) < 2 or name.lower() in load_function_words().pronouns:
            return None
        if head in self.discourse.words.nonspeakers or name.lower() in self.discourse.words.nonspeakers:
            return None
        if head in self.discourse.words.documents:
            return None  # "the joint statement said" with no author in sight: a document is no actor
        kind = self.lex.nominals.get(head) or self.lex.nominals.get(singular)
        prefix = "ORG" if kind in ("body", "group") else "PERSON"
        return Speaker(ActorRef(f"{prefix}:{name}", name), None, None)

    def follower(self, a: Attribution) -> list[Speaker] | None:
        last = self.memory.last
        heading = self.heading_since_last(a)
        if heading is not None:
            return [Speaker(heading, None, None)]
        joint = self.joint_before(a.content[0])
        if joint:  # a joint statement quoted on: it stays with every one of its authors
            return joint
        if last is None:
            return None
        # a continuation must follow closely: the same or the next paragraph
        between = self.text[last.evidence.end : a.content[0]]
        if between.count("\n\n") > 1 or between.count("\n") > 2:
            return None
        return [Speaker.of(last)]

    def joint_before(self, at: int) -> list[Speaker] | None:
        """The parties of the summary that is the latest statement before ``at``, in the same or
        the next paragraph, when no person has been named since (else None)."""
        tail = self.out[-1] if self.out else None
        if tail is None or tail.kind != "summary" or tail.source is None or tail.cue is None:
            return None
        between = self.text[tail.evidence.end : at]
        if between.count("\n\n") > 1 or between.count("\n") > 2:
            return None
        if self.discourse.antecedent(at, tail.evidence.end) is not None:
            return None
        joint = [st for st in self.out if st.kind == "summary" and st.evidence == tail.evidence]
        return [Speaker.of(st) for st in joint]

    def add(self, a: Attribution) -> None:
        if a.kind != "direct" and self.in_boilerplate(a.content):
            return  # background; a quotation is never erased, wherever it stands
        speakers = self.speakers(a)
        if not speakers:
            return
        if a.extra.get("headline") and speakers[0].actor.code.startswith(("PERSON:", "ORG:")):
            source = self.text[a.source[0] : a.source[1]] if a.source else ""
            label = " ".join(re.findall(r"\w+", source.lower()))
            if not speakers[0].speaker or label.removeprefix("the ") in self.discourse.words.nonspeakers:
                return  # "Update: ...", "The Latest: ..." are labels, not speakers
        context = self.context_text(a)
        documents = self.discourse.words.documents
        if a.source is not None and any(w.lower() in documents for w in re.findall(r"\w+", context)):
            # "a joint statement by A, B and C said", "in a letter, X said": the document's authors
            self.memory.authors = list(speakers)
        when: date | None = find_date(context, self.article.published) if context else None
        if when is None and a.context is not None:
            # "... . He made the remarks on Friday": the report that points back dates the event
            back = points_back(self.text, a.context[1])
            when = find_date(self.text[back[0] : back[1]], self.article.published) if back else None
        basis = "text" if when else None
        channel = self.lex.channel(context) if context else None
        kind: Kind = "summary" if len(speakers) > 1 else a.kind  # type: ignore[assignment]
        last = self.memory.last
        for sp in speakers:
            if (
                last is not None
                and kind != "summary"
                and last.actor == sp.actor.code
                and (last.speaker == sp.speaker or a.follows or None in (last.speaker, sp.speaker))
            ):
                if when is None and last.date is not None and last.date_basis != "article":
                    when, basis = last.date, "earlier"
                channel = channel or last.channel
            event = self.memory.event(sp.speaker) if kind != "summary" else None
            if when is None and event is not None and event.actor == sp.actor.code and event.date is not None:
                # a speaker quoted again later, with no new day or medium: the same event
                when, basis = event.date, "earlier"
                channel = channel or event.channel
            if channel is None and a.cue is not None and self.background_mark(a) is None:
                # the sentence of an earlier speaker's report, to its end ("..., they wrote in a letter.")
                others = [
                    sentence_end(self.text, _report_end(st)) for st in self.out if st.actor != sp.actor.code
                ]
                channel = event_channel(self.text, self.lex, a, others)
            if when is None and self.article.published is not None:
                # News reports what was said lately: without a day in the text, the article's own.
                when, basis = self.article.published, "article"
            actor = self.gaz.speaker(sp.actor)  # "Hong Kong" speaks as its government (spec §2)
            st = Statement(
                article=self.article.name,
                actor=actor.code,
                actor_name=actor.name,
                body=actor.body,
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


def _report_end(st: Statement) -> int:
    """Where a statement's report ends: its evidence, or its source and cue after a quotation."""
    return max([st.evidence.end, *(s.end for s in (st.source, st.cue) if s is not None)])


def _one(speaker: Speaker | None) -> list[Speaker] | None:
    return [speaker] if speaker is not None else None


def build_statements(
    article: Article,
    attributions: Sequence[Attribution],
    gaz: Gazetteer,
    lex: Lexicon,
    boilerplate: Sequence[tuple[int, int]] = (),
    discourse: Discourse | None = None,
) -> list[Statement]:
    """The statements of one article, in text order.

    ``discourse`` is the article's model of who is who (from the ``stancemap_participants``
    component); without one, speakers are resolved from their own mentions only.
    """
    if discourse is None:
        discourse = Discourse(article, (), (), gaz, lex)
    builder = _Builder(article, gaz, lex, boilerplate, discourse)
    for a in attributions:  # the title counts too: headlines attribute ("Ruritania: no to the vote")
        builder.add(a)
    out = headlines_from_body(builder.out, builder.headlines)
    return share_within_speaker(embedded_posts(article, out))
