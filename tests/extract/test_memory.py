"""The article's memory of what it has established: latest statements, people, events."""

from __future__ import annotations

from datetime import date

from stancemap.extract.memory import Memory
from stancemap.models import Span, Statement


def _st(actor: str, speaker: str | None, basis: str | None = "text") -> Statement:
    return Statement(
        article="t.txt",
        actor=actor,
        actor_name=actor,
        speaker=speaker,
        kind="indirect",
        date=date(2031, 3, 3),
        date_basis=basis,  # type: ignore[arg-type]
        evidence=Span(0, 4, "text"),
    )


def test_people_and_their_dated_events_are_remembered_by_surname() -> None:
    m = Memory()
    m.remember(_st("CHL", "Ana Rojas"))
    m.remember(_st("PER", "Luis Paz", basis="article"))
    assert m.person("rojas") is not None and m.person("ROJAS").actor.code == "CHL"  # type: ignore[union-attr]
    assert m.event("Ana Rojas") is not None
    assert m.event("Luis Paz") is None  # dated only by the article: no event of its own
    assert m.last is not None and m.last.actor == "PER"


def test_organizations_are_the_group_and_unscored_speakers_are_not_known() -> None:
    m = Memory()
    m.remember(_st("EU", None))
    m.remember(_st("PERSON:Anna Berg", "Anna Berg"))
    assert m.group is not None and m.group.actor == "EU"
    assert m.known is not None and m.known.actor == "EU"
