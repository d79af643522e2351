"""The extractor's language knowledge, read from the data files beside it.

The files say where they come from (``data/SOURCES.md``); this module only loads
them, once per process, on first use.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Lexicon", "load_lexicon"]


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files(__package__).joinpath("data").joinpath(name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _words(name: str) -> frozenset[str]:
    with resources.files(__package__).joinpath("data").joinpath(name).open(encoding="utf-8") as fh:
        return frozenset(w.strip().lower() for w in fh if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class Lexicon:
    """Cue lemmas by class, channel patterns in the order they are tried, and speaker words."""

    cues: dict[str, str]
    channels: tuple[tuple[re.Pattern[str], str], ...]
    #: Head nouns of mentions that refer back (``the ministry``): ``person``, ``body`` or ``group``.
    nominals: dict[str, str]
    #: Title words a named-entity model may fold into a name (``Spokeswoman Maria Zakharova``).
    titles: frozenset[str]
    #: Role words of speakers who speak for no state or organization (``expert``, ``former``).
    nonofficial: frozenset[str]
    #: Nouns naming a position an actor gives (``support``, ``recognition``).
    stance_nouns: frozenset[str] = frozenset()
    #: Verbs whose object is a position given by someone else (``receive``, ``win``).
    receiving: frozenset[str] = frozenset()
    #: Verbs by which an outlet passes on others' words (``report``).
    relaying: frozenset[str] = frozenset()

    def is_cue(self, lemma: str) -> bool:
        return lemma.lower() in self.cues

    def cue_class(self, lemma: str) -> str | None:
        return self.cues.get(lemma.lower())

    def channel(self, text: str) -> str | None:
        """The first channel whose pattern occurs in ``text``."""
        for pattern, channel in self.channels:
            if pattern.search(text):
                return channel
        return None


def _pattern(raw: str) -> re.Pattern[str]:
    # A pattern that names a capital letter on its own (X for the network) stays case-sensitive.
    return re.compile(raw) if re.search(r"\b[A-Z]\b", raw) else re.compile(raw, re.IGNORECASE)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (cached)."""
    cues = {r["lemma"].strip().lower(): r["class"].strip() for r in _rows("cues.tsv") if r["lemma"].strip()}
    channels = tuple((_pattern(r["pattern"]), r["channel"].strip()) for r in _rows("channels.tsv"))
    nominals = {r["word"].strip().lower(): r["refers_to"].strip() for r in _rows("nominals.tsv")}
    return Lexicon(
        cues=cues,
        channels=channels,
        nominals=nominals,
        titles=_words("titles.txt"),
        nonofficial=_words("nonofficial.txt"),
        stance_nouns=_words("stance_nouns.txt"),
        receiving=_words("receiving_verbs.txt"),
        relaying=_words("relaying_verbs.txt"),
    )
