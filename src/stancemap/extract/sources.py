"""The words of a source ("the deputy foreign minister, Ana Rojas"): its head, its title beside a
person's name, and the title words that mark one who speaks for no state (spec §2)."""

from __future__ import annotations

import re

from .lexicon import Lexicon

__all__ = ["head_phrase", "head_word", "same_surname", "speaks_for_no_one", "title_of"]


def speaks_for_no_one(title: str | None, lex: Lexicon) -> bool:
    """True when a title marks an expert, analyst, opposition figure or former official."""
    if not title:
        return False
    words = re.findall(r"[a-z]+", title.lower())
    return any(w in lex.nonofficial for w in words)


def head_phrase(source: str) -> str:
    """A source without what an appositive or a relative clause adds after its first comma."""
    return source.split(",", 1)[0]


def title_of(source: str, person: str | None) -> str | None:
    """The source without the person's name and a leading article ("the deputy minister, Ana
    Rojas" gives "deputy minister"), or None when nothing is left."""
    title = source
    if person:
        idx = title.rfind(person.split()[-1])
        cut = title.find(person.split()[0])
        if 0 <= cut <= idx:
            title = title[:cut] + title[idx + len(person.split()[-1]) :]
    title = re.sub(r"^\s*(the|a|an)\s+", "", title, flags=re.IGNORECASE).strip(" ,;:-–—'’")
    return title or None


def same_surname(a: str, b: str) -> bool:
    """Whether two names end in the same surname."""
    return a.split()[-1].lower() == b.split()[-1].lower()


def head_word(source: str) -> str:
    """The last word of a source, lower-cased: its head noun ("the foreign *ministry*")."""
    words = re.findall(r"[A-Za-zÀ-ÿ]+", source)
    return words[-1].lower() if words else ""
