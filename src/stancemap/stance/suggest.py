"""Issue suggestions: what a corpus takes positions on that no tracked issue covers.

A user with a new corpus does not know which issues to write down. Claims whose
target matched no issue still say what actors were for or against; grouping their
targets by the thing they name (a place or party and a kind of object: "elections
in Abkhazia", "Azerbaijan's territorial integrity") gives a ranked list of
candidate issues, each with examples to judge it by and a draft for the issues file.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..datafiles import alternation
from ..resolve import Gazetteer, load_gazetteer
from .lexicon import StanceLexicon, load_stance_lexicon
from .rulewords import load_rule_words

__all__ = ["Suggestion", "suggest_issues", "to_toml"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_MIN_WORD = 3
_TITLE_WORDS = 8


@lru_cache(maxsize=1)
def _clause() -> re.Pattern[str]:
    """Where a target's title part ends: a comma, a semicolon, or a word of ``title_break``."""
    return re.compile(rf",|;|\s(?:{alternation(load_rule_words().title_break)})\s")


@dataclass(frozen=True)
class Suggestion:
    """A candidate issue: a cluster of unmatched claim targets."""

    id: str
    title: str
    statements: int
    actors: tuple[str, ...]
    support: int
    oppose: int
    targets: tuple[str, ...]
    examples: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "statements": self.statements,
            "actors": list(self.actors),
            "support": self.support,
            "oppose": self.oppose,
            "targets": list(self.targets),
            "examples": list(self.examples),
        }


def _framing(lex: StanceLexicon) -> frozenset[str]:
    """Single stance words (illegal, so-called, support): they judge a target, not name it."""
    return frozenset(e.words[0].rstrip("*") for e in lex.entries if len(e.words) == 1)


def _canonical(word: str, lex: StanceLexicon) -> str:
    low = word.lower().replace("’", "'")
    low = low[:-2] if low.endswith("'s") else low
    low = lex.synonyms.get((low,), low)
    if len(low) > 4 and low.endswith("s") and not low.endswith("ss"):
        low = low[:-1]  # plural: elections ~ election
    return low


def _key(
    target: str, lex: StanceLexicon, framing: frozenset[str], gaz: Gazetteer, common: Counter[str]
) -> tuple[str, str] | None:
    """(the place or body it is about, the kind of thing) for a target, or None if it names nothing.

    A place the gazetteer knows is named by its code, so spellings and demonyms of one
    place meet ("Kosovo's independence", "an independent Kosovo"); the last one named is
    the one the target is about ("the president of Belarus").
    """
    words = _WORD.findall(target)
    low = [w.lower() for w in words]
    if lex.is_anaphor(low):
        return None
    names: list[str] = []
    things: list[str] = []
    for raw in words:
        w = _canonical(raw, lex)
        if len(w) < _MIN_WORD or w in lex.stopwords or w in framing:
            continue
        (names if raw[0].isupper() else things).append(w)
    if not names and not things:
        return None
    places = [m.actor.code for m in gaz.find(target) if m.via in ("name", "alias", "demonym", "seat")]
    name = places[-1].lower() if places else names[0] if names else ""
    # the kind of thing is the target's word most targets share (election, integrity)
    thing = max(things, key=lambda w: (common[w], -things.index(w))) if things else ""
    return (name, thing)


def _title(targets: Counter[str], lex: StanceLexicon, framing: frozenset[str]) -> str:
    phrase = min(targets.most_common(3), key=lambda kv: (-kv[1], len(kv[0])))[0]
    words = [w.strip('"“”') for w in phrase.split() if w.lower().strip("\"'“”‘’") not in framing]
    while words and words[0].lower() in load_rule_words().title_skip:
        words = words[1:]
    text = " ".join(words).strip(" ,.;:\"'“”‘’") or phrase
    text = _clause().split(text)[0].strip(" ,.;:\"'“”‘’") or text  # "…, saying …", "… after …"
    words = text.split()
    if len(words) > _TITLE_WORDS:
        text = " ".join(words[:_TITLE_WORDS]) + "…"
    return text[0].upper() + text[1:]


def suggest_issues(rows: Iterable[dict[str, Any]], min_statements: int = 2) -> list[Suggestion]:
    """Candidate issues from unmatched claim rows (``Store.claim_rows(unmatched=True)``).

    A cluster must gather ``min_statements`` statements; clusters are ranked by how
    many distinct actors took a position, then by statements.
    """
    lex = load_stance_lexicon()
    framing = _framing(lex)
    gaz = load_gazetteer()
    rows = list(rows)
    common: Counter[str] = Counter()
    for r in rows:
        common.update({_canonical(w, lex) for w in _WORD.findall(r["target"]) if w[0].islower()})
    clusters: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        key = _key(r["target"], lex, framing, gaz, common)
        if key is not None:
            clusters[key].append(r)
    out = []
    for (name, thing), members in clusters.items():
        statements = {m["statement_id"] for m in members}
        if len(statements) < min_statements:
            continue
        actors = Counter(m["actor_code"] for m in members)
        targets = Counter(m["target"] for m in members)
        seen: set[str] = set()
        examples: list[dict[str, Any]] = []
        for m in members:
            if m["actor_code"] in seen or len(examples) >= 3:
                continue
            seen.add(m["actor_code"])
            examples.append(
                {
                    "actor": m["actor_code"],
                    "polarity": m["polarity"],
                    "evidence": m["evidence_text"],
                    "article": m["article"],
                    "statement_id": m["statement_id"],
                }
            )
        slug = "-".join(p for p in (name, thing) if p)
        out.append(
            Suggestion(
                id=re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-"),
                title=_title(targets, lex, framing),
                statements=len(statements),
                actors=tuple(a for a, _ in actors.most_common()),
                support=sum(1 for m in members if m["polarity"] == "support"),
                oppose=sum(1 for m in members if m["polarity"] == "oppose"),
                targets=tuple(t for t, _ in targets.most_common(5)),
                examples=tuple(examples),
            )
        )
    return sorted(out, key=lambda s: (-len(s.actors), -s.statements, s.id))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_toml(suggestions: Iterable[Suggestion]) -> str:
    """A draft issues file: ids and titles to keep or rename, descriptions to finish."""
    parts = [
        "# Issues suggested by `stancemap issues suggest`: edit the titles, write what",
        "# support and oppose mean for each, delete what you do not want to track, then",
        "# `stancemap issues add` this file.",
    ]
    for s in suggestions:
        seen = "; ".join(s.targets[:3]).replace("\\", "\\\\").replace('"', "'")
        parts += [
            "",
            "[[issue]]",
            f"id = {_quote(s.id)}",
            f"title = {_quote(s.title)}",
            f'description = """Seen as: {seen}.support: (what counts as support)',
            'oppose: (what counts as opposition)"""',
        ]
    return "\n".join(parts) + "\n"
