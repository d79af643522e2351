"""The extractor's language knowledge, read from the data files beside it.

The files say where they come from (``data/SOURCES.md``); this module only loads
them, once per process, on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import alternation, read_table, read_word_classes, read_words

__all__ = ["FunctionWords", "Lexicon", "load_function_words", "load_lexicon"]


def _rows(name: str) -> list[dict[str, str]]:
    return read_table(__package__, name)


def _frames(raw: str) -> dict[str, int]:
    """``ccomp=12 dobj=3`` -> {"ccomp": 12, "dobj": 3}."""
    out = {}
    for item in raw.split():
        frame, _, n = item.rpartition("=")
        out[frame] = int(n)
    return out


def _words(name: str) -> frozenset[str]:
    return read_words(__package__, name)


@dataclass(frozen=True)
class Lexicon:
    """Cue lemmas by class, channel patterns in the order they are tried, and speaker words."""

    #: Verbs of saying (``speech``) and of position-taking (``position``) by lemma.
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
    #: Nouns of saying (``statement``, ``warning``, ``message``).
    nouns: frozenset[str] = frozenset()
    #: Cue verbs whose content PolNeAR train often gives as a noun-phrase object
    #: (``announced the arrest``, ``reiterated its support``).
    np_objects: frozenset[str] = frozenset()
    #: Prepositions that open only adjuncts of time or concession (``during``, ``despite``).
    adjunct_preps: frozenset[str] = frozenset()
    #: Subordinators of a concessive or temporal clause, whose reports are background facts.
    background_marks: frozenset[str] = frozenset()
    #: Prepositions whose object PolNeAR train gives as the content of a speech or position
    #: verb (``warned of a recession``, ``called for talks``), by verb lemma.
    prep_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Light verbs that PolNeAR train shows with a noun of saying (``issued a warning``).
    light: frozenset[str] = frozenset()
    #: Every channel pattern in one, to rule out a text that names none.
    any_channel: re.Pattern[str] | None = None

    def is_cue(self, lemma: str) -> bool:
        return lemma.lower() in self.cues

    def cue_class(self, lemma: str) -> str | None:
        return self.cues.get(lemma.lower())

    def channel(self, text: str) -> str | None:
        """The first channel whose pattern occurs in ``text``.

        Most contexts name no channel: one search with every pattern at once rules
        that out before the patterns are tried in order.
        """
        if self.any_channel is not None and self.any_channel.search(text) is None:
            return None
        for pattern, channel in self.channels:
            if pattern.search(text):
                return channel
        return None


def _any_of(patterns: tuple[tuple[re.Pattern[str], str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches where any of ``patterns`` does, each keeping its case rule."""
    if not patterns:
        return None
    parts = [f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})" for p, _ in patterns]
    return re.compile("|".join(parts))


def _pattern(raw: str) -> re.Pattern[str]:
    # A pattern that names a capital letter on its own (X for the network) stays case-sensitive.
    return re.compile(raw) if re.search(r"\b[A-Z]\b", raw) else re.compile(raw, re.IGNORECASE)


#: A cue takes a noun-phrase object for content when PolNeAR gives at least this share
#: of its contents, and this many, as its direct object.
NP_OBJECT_SHARE = 0.2
NP_OBJECT_MIN = 3
#: A light verb is one PolNeAR shows this many times with nouns of saying.
LIGHT_MIN = 2
#: A preposition introduces a speech verb's content when PolNeAR shows it this many times.
PREP_OBJECT_MIN = 3


def _prep_objects(rows: list[dict[str, str]]) -> dict[str, frozenset[str]]:
    """Speech and position verbs and the prepositions PolNeAR train attests at least
    ``PREP_OBJECT_MIN`` times as introducing their content (``prep:of``, ``call for``...)."""
    out: dict[str, frozenset[str]] = {}
    for r in rows:
        if r["pos"] != "verb" or r["class"].strip() not in ("speech", "position"):
            continue
        frames = _frames(r.get("frames") or "")
        preps = frozenset(f[5:] for f, n in frames.items() if f.startswith("prep:") and n >= PREP_OBJECT_MIN)
        if preps:
            out[r["lemma"].strip().lower()] = preps
    return out


def _cue_tables(
    rows: list[dict[str, str]],
) -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """Verb classes, nouns of saying, noun-phrase-object verbs and light verbs from ``cues.tsv``."""
    verbs: dict[str, str] = {}
    nouns: set[str] = set()
    np_objects: set[str] = set()
    light: dict[str, int] = {}
    for r in rows:
        lemma, cls = r["lemma"].strip().lower(), r["class"].strip()
        frames = _frames(r.get("frames") or "")
        if r["pos"] == "noun":
            if cls == "noun":
                nouns.add(lemma)
                for frame, n in frames.items():
                    if frame.startswith("light:"):
                        light[frame[6:]] = light.get(frame[6:], 0) + n
        elif cls in ("speech", "position"):
            verbs[lemma] = cls
            total = sum(frames.values())
            dobj = frames.get("dobj", 0)
            if cls == "speech" and dobj >= NP_OBJECT_MIN and dobj >= NP_OBJECT_SHARE * total:
                np_objects.add(lemma)
    lights = frozenset(v for v, n in light.items() if n >= LIGHT_MIN)
    return verbs, frozenset(nouns), frozenset(np_objects), lights


def _light_verbs(light: frozenset[str], receiving: frozenset[str]) -> frozenset[str]:
    """Light verbs whose subject speaks: not those whose object someone else gives (``drew criticism``)."""
    return light - receiving


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (cached)."""
    rows = _rows("cues.tsv")
    cues, nouns, np_objects, light = _cue_tables(rows)
    receiving = _words("receiving_verbs.txt")
    channels = tuple((_pattern(r["pattern"]), r["channel"].strip()) for r in _rows("channels.tsv"))
    nominals = {r["word"].strip().lower(): r["refers_to"].strip() for r in _rows("nominals.tsv")}
    return Lexicon(
        cues=cues,
        channels=channels,
        nominals=nominals,
        titles=_words("titles.txt"),
        nonofficial=_words("nonofficial.txt"),
        stance_nouns=_words("stance_nouns.txt"),
        receiving=receiving,
        relaying=_words("relaying_verbs.txt"),
        background_marks=_words("background_marks.txt"),
        adjunct_preps=_words("adjunct_preps.txt"),
        nouns=nouns,
        np_objects=np_objects,
        prep_objects=_prep_objects(rows),
        light=_light_verbs(light, receiving),
        any_channel=_any_of(channels),
    )


@dataclass(frozen=True)
class FunctionWords:
    """Closed-class words the extractor reads as grammar (``data/function_words.tsv``, by class)."""

    #: Pronouns: a source that is only one names nobody by itself.
    pronouns: frozenset[str]
    #: A word before a capitalized run that makes it part of a title ("Minister *for* Rural Affairs").
    descriptor_glue: frozenset[str]
    #: The short words a quoted title of a show, book or event keeps in lower case.
    title_glue: frozenset[str]
    #: Tokens that join the words of a title the parser left outside the subject.
    title_token_glue: frozenset[str]
    #: Determiners that mark a noun as definite.
    definite: frozenset[str]
    #: Prepositions that attach the topic of a noun of saying.
    topic: frozenset[str]
    #: Prepositions that open the topic of a headline's report.
    headline_topic: frozenset[str]
    #: Labels of questions and of answers in interview transcripts ("Q:", "A:").
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    #: Subordinators that open an indirect question ("asked whether ...").
    question_marks: frozenset[str]
    #: Subordinators of a condition ("if", "unless"): what it and its consequence say may never happen.
    condition_marks: frozenset[str]
    #: Modals of a consequence that may never happen ("could", "would").
    hypothetical_modals: frozenset[str]
    #: Prepositions that deny the gerund after them ("goes without saying").
    privative_preps: frozenset[str]
    #: Prepositions whose gerund says how the subject acted ("retaliated by announcing X").
    means_preps: frozenset[str]
    #: What joins two people in one subject ("A and B", "A, as well as B").
    joined: re.Pattern[str]
    #: What joins the parties of a list ("A, B and C", "A, along with B").
    list_join: re.Pattern[str]
    #: A quantity that picks some members of a body ("seven EU states", "several NATO allies").
    some: re.Pattern[str]
    #: What joins the states of a list that a later count refers to ("A, B and C" ... "the three").
    group_join: re.Pattern[str]
    #: A report whose content is the sentence before it ("X stated this", "He made the remarks at ...").
    points_back: re.Pattern[str]
    #: An event or medium ending a reported clause ("... at Friday's meeting").
    trailing_event: re.Pattern[str]
    #: "his U.N. mission", "her ministry": a possessive and a body or office its owner's state holds.
    possessed: re.Pattern[str]
    #: Words that count a group, with their number (``data/number_words.tsv``: "both" is 2).
    counts: dict[str, int]
    #: A count in a mention ("both leaders", "the three nations", "2 states").
    counted: re.Pattern[str]
    #: Verbs whose object is given a role by a second complement ("elected X president"), lemmas.
    naming_verbs: frozenset[str]
    #: Words that make a source too vague to be a speaker ("some", "others", "nobody").
    vague: frozenset[str]
    #: Pronouns that never refer back to a person entity ("it", "we").
    impersonal_pronouns: frozenset[str]
    #: Pronouns that stand for a group named elsewhere ("among those who ...").
    group_pronouns: frozenset[str]
    #: A subject pronoun that takes up every party of a summary just before it ("They said").
    plural_pronouns: frozenset[str]
    #: A capitalized name inside a descriptor, with the small words names are built with.
    name_run: re.Pattern[str]
    #: A form of address before a name ("Mr.", "Dr"), from the gazetteer's ``mention_words.tsv``.
    honorific: re.Pattern[str]
    #: Articles ("the", "a"), which say nothing of which office a role is.
    articles: frozenset[str]
    #: A first word of a name that says where the organization sits ("London-based").
    seat: re.Pattern[str]
    #: Adverbs that make "with" add a companion to the subject ("together with", "along with").
    companion_adverbs: frozenset[str]
    #: The end of a descriptor before the organization it ties its person to ("a spokesman for").
    affiliated_before: re.Pattern[str]


@lru_cache(maxsize=1)
def load_function_words() -> FunctionWords:
    """The packaged function words, with the patterns built from them (cached)."""
    by_class = read_word_classes(__package__, "function_words.tsv")

    def words(cls: str) -> frozenset[str]:
        return frozenset(by_class[cls])

    name = r"[A-Z][\w'’.-]*"
    honorifics = read_word_classes("stancemap.resolve", "mention_words.tsv")["honorific"]
    counts = {
        r["word"].strip().lower(): int(r["number"]) for r in read_table(__package__, "number_words.tsv")
    }
    return FunctionWords(
        pronouns=words("pronoun"),
        descriptor_glue=words("descriptor_glue"),
        title_glue=words("title_glue"),
        title_token_glue=words("title_token_glue"),
        definite=words("definite"),
        topic=words("topic"),
        headline_topic=words("headline_topic"),
        question_labels=words("question_label"),
        answer_labels=words("answer_label"),
        question_marks=words("question_mark"),
        condition_marks=words("condition_mark"),
        hypothetical_modals=words("hypothetical_modal"),
        privative_preps=words("privative_prep"),
        means_preps=words("means_prep"),
        joined=re.compile(
            r"^[^.;:]{0,40}\b(?:" + alternation(by_class["people_joiner"]) + r")\b[^.;:]{0,80}$"
        ),
        list_join=_joining(by_class["list_joiner"], re.IGNORECASE),
        some=re.compile(r"\b(" + alternation(by_class["quantity"]) + r"|\d+)\b", re.IGNORECASE),
        group_join=_joining(by_class["group_joiner"]),
        counts=counts,
        points_back=_points_back(by_class),
        trailing_event=_trailing_event(by_class),
        possessed=re.compile(
            rf"^\s*({alternation(by_class['possessive'])})\s+(?:[\w.]+\s+){{0,2}}"
            rf"(?:{alternation(by_class['owned_body'])})s?\s*$",
            re.IGNORECASE,
        ),
        counted=re.compile(r"\b(" + alternation(tuple(counts)) + r"|\d)\b", re.IGNORECASE),
        naming_verbs=words("naming_verb"),
        vague=words("vague"),
        impersonal_pronouns=words("impersonal_pronoun"),
        group_pronouns=words("group_pronoun"),
        plural_pronouns=words("plural_pronoun"),
        name_run=re.compile(rf"(?:{name})(?:\s+(?:(?:{alternation(by_class['name_glue'])})\s+)*{name})*"),
        honorific=re.compile(rf"^(?:{alternation(honorifics)})\.?\s+", re.IGNORECASE),
        articles=words("article"),
        seat=re.compile(rf"^(?:the\s+)?\S+(?:{alternation(by_class['seat_suffix'])})\s+", re.IGNORECASE),
        companion_adverbs=words("companion_adverb"),
        affiliated_before=re.compile(rf"\b(?:{alternation(by_class['affiliation_prep'])})\s+(?:the\s+)?$"),
    )


def _points_back(by_class: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    said = alternation(by_class["report_verb"])
    utterance = alternation(by_class["utterance"])
    definite = alternation(by_class["pointing_determiner"])
    uttering = alternation(by_class["uttering_verb"])
    return re.compile(
        rf"\b(?:{said})\s+(?:this|so)\b|^\W*(?:this|that) was (?:{said})\b"
        rf"|\b(?:{uttering})\s+(?:{definite})\s+(?:[\w-]+\s+)?(?:{utterance})\b"
        rf"|^\W*(?:{definite})\s+(?:[\w-]+\s+)?(?:{utterance})\s+(?:came|were made|was made)\b",
        re.IGNORECASE,
    )


def _trailing_event(by_class: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    determiner = alternation(by_class["event_determiner"])
    event = alternation(by_class["event_noun"])
    recipient = alternation(by_class["recipient_medium"])
    return re.compile(
        rf"\b(?:at|during|in)\s+(?:{determiner}|\w+day's|\w+day’s)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{event})"
        r"(?:\s+(?:on|in|of|at|with|to)\s+[\w'’., -]{1,40}?)?\s*[.!?]?\s*$"
        rf"|\bto\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{recipient})\b"
        r"[\w'’ .-]{0,30}?[.!?]?\s*$",
        re.IGNORECASE,
    )


def _joining(joiners: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """The whole text between two parties of a list: a comma or a joiner, and maybe "the"."""
    parts = [rf",?\s+{re.escape(w)}" if w[:1].isalpha() else re.escape(w) for w in joiners]
    return re.compile(r"^\s*(?:,|" + "|".join(parts) + r")\s*(?:the\s+)?$", flags)
