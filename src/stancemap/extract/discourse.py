"""Who is who in an article: the people it names and every role it gives them, read from the parse.

A reader meets a person once with a role ("Ruritania's envoy to the talks, Anna Berg,") and
then follows them by surname, role noun or pronoun. This component collects, for every PERSON
entity, the phrases the article attaches to that mention:

- the rest of the noun phrase the name heads ("Ruritanian Foreign Minister Anna Berg",
  "Borduria's Anna Berg");
- an apposition after the name ("Anna Berg, deputy speaker of the Ruritanian parliament,")
  or the noun phrase the name stands in apposition to ("the envoy to the talks, Anna Berg");
- "Anna Berg of the Ruritanian Foreign Ministry";
- a copular or naming clause ("Berg is Ruritania's envoy", "parliament elected Berg speaker",
  "named Berg as envoy").

It also keeps role mentions that name no one ("Borduria's UN ambassador told reporters"), which a
reader bridges to the name that follows. Mentions are merged into participants later, with the
gazetteer (:mod:`.speakers`); the records here are character offsets only, so that they cross
process boundaries like the attributions do.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, load_function_words, load_lexicon

__all__ = ["PersonMention", "RoleMention", "find_mentions", "organizations"]

Chars = tuple[int, int]

_MAX_DESCRIPTOR_TOKENS = 18


@dataclass(frozen=True)
class PersonMention:
    """A PERSON entity and the phrases the article attaches to it there."""

    name: Chars
    descriptors: tuple[Chars, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PersonMention:
        return cls(
            name=(int(data["name"][0]), int(data["name"][1])),
            descriptors=tuple((int(a), int(b)) for a, b in data.get("descriptors") or ()),
        )

    def shifted(self, offset: int) -> PersonMention:
        return PersonMention(
            (self.name[0] + offset, self.name[1] + offset),
            tuple((a + offset, b + offset) for a, b in self.descriptors),
        )


@dataclass(frozen=True)
class RoleMention:
    """A role noun phrase that names no person ("Borduria's UN ambassador")."""

    span: Chars
    plural: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoleMention:
        return cls(span=(int(data["span"][0]), int(data["span"][1])), plural=bool(data.get("plural")))

    def shifted(self, offset: int) -> RoleMention:
        return RoleMention((self.span[0] + offset, self.span[1] + offset), self.plural)


def _chars(tokens: list[Token]) -> Chars | None:
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > _MAX_DESCRIPTOR_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _run(tokens: list[Token]) -> list[Token]:
    """The first unbroken run of ``tokens`` (sorted), so a descriptor never spans another clause."""
    out: list[Token] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if out and t.i != out[-1].i + 1:
            break
        out.append(t)
    return out


def _descriptors(ent: Span) -> list[Chars]:
    root = ent.root
    inside = {t.i for t in ent}
    found: list[Chars | None] = []
    # the rest of the noun phrase the name heads: "Ruritanian Foreign Minister Anna Berg"
    left = [t for t in root.subtree if t.i < ent.start]
    if left:
        found.append(_chars(_run([t for t in left if t.dep_ != "det" or t.i > left[0].i])))
    for child in root.children:
        if child.i in inside:
            continue
        if child.dep_ == "appos":  # "Anna Berg, deputy speaker of the parliament,"
            found.append(_chars(_run(list(child.subtree))))
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i == ent.end:
            found.append(_chars(_run(list(child.subtree)[1:])))  # "Anna Berg of the Foreign Ministry"
    head = root.head
    if root.dep_ == "appos" and head.i != root.i:  # "the envoy to the talks, Anna Berg"
        found.append(_chars(_run([t for t in head.subtree if t.i < ent.start and t.i not in inside])))
    elif root.dep_ == "nsubj" and head.lemma_ == "be":  # "Berg is Ruritania's envoy"
        found.extend(_chars(_run(list(c.subtree))) for c in head.children if c.dep_ == "attr")
    elif (
        root.dep_ in ("dobj", "nsubjpass") and head.lemma_ in load_function_words().naming_verbs
    ):  # "elected Berg (as) speaker"
        for c in head.children:
            if c.dep_ in ("oprd", "attr", "xcomp", "ccomp") and c.i > root.i:
                found.append(_chars(_run(list(c.subtree))))
            elif c.dep_ == "prep" and c.lower_ == "as":
                found.append(_chars(_run(list(c.subtree)[1:])))
    return [f for f in found if f is not None]


def _role_mentions(doc: Doc, lex: Lexicon, persons: set[int]) -> list[RoleMention]:
    out: list[RoleMention] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if lex.nominals.get(root.lemma_.lower()) != "person" or any(t.i in persons for t in chunk):
            continue
        if root.dep_ == "appos" or any(c.dep_ == "appos" for c in root.children):
            continue  # in apposition to a name: that name's descriptor already
        if not any(t.dep_ in ("poss", "amod", "compound", "nmod") for t in chunk if t.i < root.i):
            continue  # "the minister" alone names no one new
        out.append(RoleMention((chunk.start_char, chunk.end_char), root.tag_ in ("NNS", "NNPS")))
    return out


def organizations(doc: Doc) -> list[Chars]:
    """The ORG entities of ``doc`` (a company or a body a descriptor may name: "a spokesman for X")."""
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]


def _headline_cue(tok: Token, lex: Lexicon) -> bool:
    """A verb of saying written in Title Case, as headlines write it ("Says", "Urges")."""
    if not tok.text[:1].isupper() or not tok.text[1:].islower():
        return False
    low = tok.lower_
    return lex.is_cue(tok.lemma_.lower()) or (low.endswith("s") and lex.is_cue(low[:-1]))


def find_mentions(doc: Doc, lex: Lexicon) -> tuple[list[PersonMention], list[RoleMention]]:
    """Every PERSON mention with its descriptors, and the role mentions that name no one."""
    people: list[PersonMention] = []
    person_tokens: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        cut = next((k for k in range(1, len(ent)) if _headline_cue(ent[k], lex)), len(ent))
        ent = ent[:cut]  # "Novak Says Talks ...": a headline's verb and what follows are no name
        person_tokens.update(range(ent.start, ent.end))
        people.append(PersonMention((ent.start_char, ent.end_char), tuple(_descriptors(ent))))
    return people, _role_mentions(doc, lex, person_tokens)


class ParticipantsComponent:
    """Stores :func:`find_mentions` in ``doc._.sm_people`` and ``doc._.sm_roles`` as plain data."""

    def __init__(self) -> None:
        for name in ("sm_people", "sm_roles", "sm_orgs"):
            if not Doc.has_extension(name):
                Doc.set_extension(name, default=None)
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        people, roles = find_mentions(doc, self.lexicon)
        doc._.sm_people = [p.to_dict() for p in people]
        doc._.sm_roles = [r.to_dict() for r in roles]
        doc._.sm_orgs = [list(o) for o in organizations(doc)]
        return doc


@Language.factory(
    "stancemap_participants",
    assigns=["doc._.sm_people", "doc._.sm_roles", "doc._.sm_orgs"],
    requires=["token.dep", "doc.ents"],
)
def make_participants(nlp: Language, name: str) -> ParticipantsComponent:
    return ParticipantsComponent()
