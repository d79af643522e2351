"""What an article has established so far, read in text order: the latest statements, the
people named and their events, the group and the document being quoted.

Later mentions ("she added", "the ministry", "the statement continues") are resolved
against it (:mod:`.statements`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Statement
from ..resolve import ActorRef

__all__ = ["STATE_CODE", "UNSCORED", "Memory", "Speaker"]

STATE_CODE = re.compile(r"^[A-Z]{3}$")
#: Actor codes of speakers who speak for no state or organization.
UNSCORED = ("PERSON:", "ORG:")


@dataclass(frozen=True)
class Speaker:
    """Who speaks in a statement: the actor, the person (if named) and their title."""

    actor: ActorRef
    speaker: str | None
    title: str | None

    @classmethod
    def of(cls, st: Statement) -> Speaker:
        """The speaker of an earlier statement, for a mention that refers back to it."""
        return cls(ActorRef(st.actor, st.actor_name, st.body), st.speaker, st.speaker_title)


@dataclass
class Memory:
    """What the article has established so far, for resolving later mentions."""

    last: Statement | None = None
    #: The latest statement by a state or organization (not ``PERSON:``/``ORG:``).
    known: Statement | None = None
    people: dict[str, Speaker] | None = None
    #: The latest statement by an international organization ("G7 foreign ministers"), for "the ministers".
    group: Statement | None = None
    #: The latest dated statement of each named speaker (by surname).
    events: dict[str, Statement] = field(default_factory=dict)
    #: The authors of the latest document several actors issued ("a joint statement by A and B").
    authors: list[Speaker] = field(default_factory=list)

    def remember(self, st: Statement) -> None:
        self.last = st
        if not (STATE_CODE.match(st.actor) or st.actor.startswith(UNSCORED)):
            self.group = st  # an international organization
        if not st.actor.startswith(UNSCORED):
            self.known = st
        if self.people is None:
            self.people = {}
        if st.speaker:
            sp = Speaker.of(st)
            self.people[st.speaker.split()[-1].lower()] = sp
            if st.date_basis in ("text", "earlier"):
                self.events[st.speaker.split()[-1].lower()] = st

    def person(self, last_name: str) -> Speaker | None:
        return (self.people or {}).get(last_name.lower())

    def event(self, speaker: str | None) -> Statement | None:
        """The latest dated statement of a named speaker: the speech event their later words belong to."""
        return self.events.get(speaker.split()[-1].lower()) if speaker else None
