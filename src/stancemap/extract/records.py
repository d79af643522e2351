"""The attribution record: what the spaCy component hands to the statement builder.

Character offsets only, so that a record outlives its Doc and crosses process
boundaries (``to_dict`` gives plain data that survives msgpack).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = ["Attribution", "Chars"]

Chars = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One attribution found in a Doc, in character offsets of its text."""

    kind: str
    content: Chars
    cue: Chars | None = None
    source: Chars | None = None
    #: PERSON entities inside the source.
    persons: tuple[Chars, ...] = ()
    #: The sentence(s) around cue and source, where date and channel are sought.
    context: Chars | None = None
    #: No verb of its own: it continues the previous speaker (or a heading).
    follows: bool = False
    #: The cue is a verb of position-taking (condemn, support) rather than of saying.
    position: bool = False
    #: For a pronoun source (``she said``): the latest PERSON entity before it.
    antecedent: Chars | None = None
    #: The head word of the source (``statement`` in ``a statement published on its website``).
    head: Chars | None = None
    #: The parties a source coordinates (``France, Germany and the EU``): an outlet's summary.
    members: tuple[Chars, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain data that survives msgpack (spaCy's multiprocessing serializes Docs).

        Built field by field: ``dataclasses.asdict`` deep-copies and costs several times more.
        """
        return {f.name: getattr(self, f.name) for f in fields(self)} | {"extra": dict(self.extra)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        def pair(v: Any) -> Chars | None:
            return None if v is None else (int(v[0]), int(v[1]))

        return cls(
            kind=data["kind"],
            content=(int(data["content"][0]), int(data["content"][1])),
            cue=pair(data["cue"]),
            source=pair(data["source"]),
            persons=tuple((int(p[0]), int(p[1])) for p in data["persons"]),
            context=pair(data["context"]),
            follows=bool(data["follows"]),
            position=bool(data["position"]),
            antecedent=pair(data.get("antecedent")),
            head=pair(data.get("head")),
            members=tuple((int(m[0]), int(m[1])) for m in data.get("members") or ()),
            extra=dict(data.get("extra") or {}),
        )
