"""The gazetteer: names of states, organizations, seats and officials, mapped to actor codes.

What it knows is data (``data/*.tsv``, sources in ``data/SOURCES.md``); this module
loads it once, on first use (:func:`load_gazetteer`), and answers three questions:

* :meth:`Gazetteer.lookup` — which actor does a whole mention name ("the Russian
  Foreign Ministry", "British Embassy in Azerbaijan", "OSCE Minsk Group")?
* :meth:`Gazetteer.find` — where in a text are actors named (non-overlapping, longest
  match first)?
* :meth:`Gazetteer.official` — which actor does a person known by name speak for, on a
  given day?

Matching runs on an accent-folded copy of the text that keeps every character's
offset (``Türkiye`` and ``Turkiye``, ``Erdoğan`` and ``Erdogan`` match alike), so the
spans returned point into the original text. Every name form is found at once by spaCy's
``PhraseMatcher`` over the tokens of that copy (spaCy's English tokenizer, which also
splits a hyphen after a name: "U.S.-backed"). ``find`` respects case (``US`` is the
United States, ``us`` is not); ``lookup`` ignores case except for short all-capital
acronyms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..datafiles import alternation, read_table, read_word_classes

__all__ = ["ActorRef", "Gazetteer", "Mention", "fold", "load_gazetteer"]


@dataclass(frozen=True)
class ActorRef:
    """An actor as the data contract names it: code, readable name, and the organ that spoke."""

    code: str
    name: str
    body: str | None = None


@dataclass(frozen=True)
class Mention:
    """An actor named in a text: ``text == original[start:end]``; ``via`` says which kind of name matched."""

    start: int
    end: int
    text: str
    actor: ActorRef
    via: str  # "name" | "alias" | "demonym" | "seat" | "organ" | "official"


@dataclass(frozen=True)
class _Office:
    person: str  # canonical name: the first variant
    code: str
    role: str
    start: date
    end: date | None
    order: int  # row number, to break ties between offices entered on the same day

    def valid_on(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


# Characters whose decomposition does not reduce them to one base letter, folded by hand.
_FOLD_EXTRA = {
    "ı": "i",
    "İ": "I",
    "ə": "a",
    "Ə": "A",
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ħ": "h",
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _FOLD_EXTRA:
        return _FOLD_EXTRA[ch]
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Strip accents one character at a time, so the result has the same length and offsets."""
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else _fold_char(ch) for ch in text)


def _key(text: str) -> str:
    """The case- and accent-insensitive key of a name: folded, lower-cased, spaces collapsed."""
    return " ".join(fold(text).casefold().split())


def _is_acronym(form: str) -> bool:
    """Short all-capital forms (US, U.S., EU, WHO, NATO) only match with their own case."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def _strip_the(form: str) -> str:
    return form[4:] if form[:4].casefold() == "the " else form


def _rows(name: str) -> list[dict[str, str]]:
    return read_table(__package__, name)


def _split(field_value: str | None) -> list[str]:
    return [x.strip() for x in (field_value or "").split("|") if x.strip()]


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value.strip() else None


@dataclass(frozen=True)
class _MentionWords:
    """The patterns built from ``data/mention_words.tsv`` (diplomatic titles, honorifics)."""

    #: A diplomatic role or mission; group 1 is its name ("ambassador", "Embassy").
    diplomatic: re.Pattern[str]
    #: Names of diplomatic bodies (folded, lower case): a mission, not a person.
    missions: frozenset[str]
    #: Where the receiving side starts: "... to Azerbaijan", "... in Baku", "... accredited to the UN".
    receiver: re.Pattern[str]
    #: The name of a mission as written: "Ruritanian Embassy in Strelsau", "Permanent Mission of X to Y".
    body_phrase: re.Pattern[str]
    #: A form of address before a name ("Mr.", "H.E.").
    honorific: re.Pattern[str]
    #: Words of an official name that make a country part of a state (a special administrative region).
    sub_national: tuple[str, ...]


@lru_cache(maxsize=1)
def _mention_words() -> _MentionWords:
    words = read_word_classes(__package__, "mention_words.tsv")
    diplomatic = words["diplomat"] + words["mission"]
    name_chunk = r"[A-Z][\w.'’-]*"
    missions = alternation(w.title() for w in words["mission"])
    return _MentionWords(
        diplomatic=re.compile(rf"\b({alternation(diplomatic)})\b", re.IGNORECASE),
        missions=frozenset(words["mission"]),
        receiver=re.compile(rf"\s(?:{alternation(words['receiver'])})\s", re.IGNORECASE),
        body_phrase=re.compile(
            rf"(?:(?:{name_chunk}|of|the)\s+)*?(?:{name_chunk}\s+)*(?:{missions})"
            rf"(?:\s+of\s+(?:the\s+)?{name_chunk}(?:\s+{name_chunk})*)?"
            rf"(?:\s+(?:in|to)\s+(?:the\s+)?{name_chunk}(?:\s+{name_chunk})*)?"
        ),
        honorific=re.compile(
            rf"^(?:{alternation(words['honorific'] + words['style'])})\.?\s+", re.IGNORECASE
        ),
        sub_national=words["sub_national"],
    )


_DIGRAPH = re.compile(r"(?<=[a-z])(oe|ae|ue)", re.IGNORECASE)
_EDGE = " \t\n\"'“”‘’«»()[],;:."


@dataclass
class Gazetteer:
    """Compiled lookups over the packaged data.

    Build with :meth:`load`, or take the process-wide one from :func:`load_gazetteer`.
    """

    names: dict[str, str]  # code -> readable name
    _exact: dict[str, tuple[ActorRef, str]] = field(default_factory=dict)  # case-insensitive key
    _exact_cased: dict[str, tuple[ActorRef, str]] = field(default_factory=dict)  # acronyms, folded as written
    _forms: dict[str, tuple[ActorRef, str] | None] = field(default_factory=dict)  # pattern form -> entry
    _person_forms: dict[str, str] = field(default_factory=dict)  # pattern form -> person
    _offices: dict[str, list[_Office]] = field(default_factory=dict)  # person -> offices
    _full: dict[str, set[str]] = field(default_factory=dict)  # key of a full name -> persons
    _last: dict[str, set[str]] = field(default_factory=dict)  # key of a last name -> persons
    _bodies: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    _states: frozenset[str] = frozenset()  # codes from countries.tsv
    _sub_national: frozenset[str] = frozenset()  # codes of countries that are part of a state
    _capitals: dict[str, ActorRef] = field(default_factory=dict)  # key of a capital -> its state
    #: Movements and governments in de facto control of a state, with the dates of that control.
    _de_facto: list[tuple[re.Pattern[str], str, date, date | None]] = field(default_factory=list)
    _tokenizer: Any = None  # spaCy's English tokenizer, for the phrase matcher
    _matcher: Any = None  # spaCy PhraseMatcher over every name form

    # -- building -------------------------------------------------------------------------------

    @classmethod
    def load(cls) -> Gazetteer:
        """Read every data file and build the matcher (about half a second)."""
        names: dict[str, str] = {}
        entries: list[tuple[str, ActorRef, str]] = []
        states: list[str] = []
        capitals: list[tuple[str, ActorRef]] = []
        part_of = re.compile(alternation(_mention_words().sub_national), re.IGNORECASE)
        sub_national: set[str] = set()
        for row in _rows("countries.tsv"):
            code, name = row["code"], row["name"]
            states.append(code)
            if part_of.search(f"{name}|{row['aliases']}"):
                sub_national.add(code)
            names[code] = name
            ref = ActorRef(code, name)
            entries.append((name, ref, "name"))
            entries += [(a, ref, "alias") for a in _split(row["aliases"])]
            entries += [(d, ref, "demonym") for d in _split(row["demonyms"])]
            entries += [(s, ref, "seat") for s in _split(row["seats"])]
            capitals += [(c, ref) for c in _split(row.get("capital"))]
        for row in _rows("organizations.tsv"):
            code, name = row["code"], row["name"]
            names[code] = name
            ref = ActorRef(code, name)
            entries.append((name, ref, "name"))
            entries += [(a, ref, "alias") for a in _split(row["aliases"])]
            entries += [(o, ActorRef(code, name, o), "organ") for o in _split(row["organs"])]
        gaz = cls(names=names, _states=frozenset(states), _sub_national=frozenset(sub_national))
        for capital, ref in capitals:
            gaz._capitals.setdefault(_key(capital), ref)
        for form, ref, via in entries:
            gaz._add(form, ref, via)
        for row in _rows("nonactors.tsv"):
            gaz._forms.setdefault(fold(row["phrase"]), None)
        for i, row in enumerate(_rows("officials.tsv")):
            gaz._add_office(_split(row["name"]), row, i)
        for row in _rows("de_facto.tsv"):
            start = _date(row["start"])
            if start is None:
                raise ValueError(f"de_facto.tsv: no start date for {row['name']}")
            forms = sorted((fold(_strip_the(f)) for f in _split(row["name"])), key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.IGNORECASE)
            gaz._de_facto.append((pattern, row["code"], start, _date(row["end"])))
        for row in _rows("bodies.tsv"):
            for alias in _split(row["aliases"]):
                flags = 0 if _is_acronym(alias) else re.IGNORECASE
                pattern = re.compile(rf"(?<!\w){re.escape(fold(alias))}(?!\w)", flags)
                gaz._bodies.append((pattern, row["body"]))
        gaz._compile()
        return gaz

    def _add(self, form: str, ref: ActorRef, via: str) -> None:
        form = _strip_the(form.strip())
        folded = fold(form)
        self._forms.setdefault(folded, (ref, via))
        if not _is_acronym(form):
            upper = folded.upper()
            if sum(c.isalpha() for c in form) >= 5 and upper not in self._forms:
                self._forms[upper] = (ref, via)
            self._exact.setdefault(_key(form), (ref, via))
        else:
            self._exact_cased.setdefault(folded, (ref, via))

    def _add_office(self, variants: list[str], row: dict[str, str], order: int) -> None:
        person = variants[0]
        start = _date(row["start"])
        if start is None:
            raise ValueError(f"officials.tsv row {order + 2}: no start date for {person}")
        self._offices.setdefault(person, []).append(
            _Office(person, row["code"], row["role"], start, _date(row["end"]), order)
        )
        for variant in variants:
            tokens = _key(variant).split()
            if len(tokens) > 1:
                self._full.setdefault(" ".join(tokens), set()).add(person)
            self._last.setdefault(tokens[-1], set()).add(person)
            # Full names, and single-word variants listed as safe short forms, are found in running text.
            self._person_forms.setdefault(fold(variant), person)

    def _compile(self) -> None:
        # spaCy loads here, when a gazetteer is first built, not when the package is imported.
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_suffix_regex

        nlp = spacy.blank("en")
        tokenizer = nlp.tokenizer
        assert isinstance(tokenizer, Tokenizer)
        # A name is found wherever a hyphen or dash joins it to a word, as news writes
        # "U.S.-backed", "U.K.-U.S. talks", "Mexican- and Canadian" (spaCy keeps those whole).
        infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[\w.])[-–—](?=\w)"]
        suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=\w)-$"]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        self._tokenizer = tokenizer
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = sorted(set(self._forms) | set(self._person_forms))
        self._matcher.add("NAME", list(tokenizer.pipe(forms)))

    def _spans(self, folded: str) -> list[tuple[int, int, str]]:
        """Where a known form occurs: leftmost first, the longest at each place, none overlapping."""
        doc = self._tokenizer(folded)
        hits = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for _, s, e in self._matcher(doc)]
        out: list[tuple[int, int, str]] = []
        for start, end in sorted(hits, key=lambda h: (h[0], -h[1])):
            form = folded[start:end]
            if out and start < out[-1][1]:
                continue
            if form in self._forms or form in self._person_forms:  # as listed, not across a line break
                out.append((start, end, form))
        return out

    # -- queries --------------------------------------------------------------------------------

    def find(self, text: str, on: date | None = None) -> list[Mention]:
        """Every actor named in ``text``, left to right, the longest name winning at each place.

        Officials are included when their office tells the actor: on ``on`` if given,
        otherwise only people who have spoken for a single actor in every office listed.
        """
        folded = fold(text)
        found: list[Mention] = []
        for start, end, form in self._spans(folded):
            if form in self._forms:
                entry = self._forms[form]
                if entry is not None:
                    found.append(Mention(start, end, text[start:end], entry[0], entry[1]))
            else:
                ref = self._person_actor(self._person_forms[form], on)
                if ref is not None:
                    found.append(Mention(start, end, text[start:end], ref, "official"))
        if on is not None and self._de_facto:
            found = self._with_de_facto(text, folded, on, found)
        return found

    def _with_de_facto(self, text: str, folded: str, on: date, found: list[Mention]) -> list[Mention]:
        """``found`` with the governments in de facto control on ``on`` that ``text`` names."""
        extra = []
        for pattern, code, start, end in self._de_facto:
            if on < start or (end is not None and on > end):
                continue
            for m in pattern.finditer(folded):
                if not any(f.start < m.end() and m.start() < f.end for f in found):
                    ref = ActorRef(code, self.names.get(code, code))
                    extra.append(Mention(m.start(), m.end(), text[m.start() : m.end()], ref, "alias"))
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def lookup(self, mention: str, on: date | None = None) -> ActorRef | None:
        """The actor a whole mention names, or None when it names nothing known.

        People are resolved through their office on ``on`` when it is given (a surname
        shared with a former official names nobody on a later day).

        A diplomat or mission speaks for the sending state: the actor named before
        "ambassador"/"embassy" ("Turkish Ambassador to Azerbaijan" -> TUR), never the one
        after "to"/"in". Otherwise the first actor named wins ("MFA of Ukraine" -> UKR),
        with the organ that spoke as ``body`` when the mention names one.
        """
        text = _strip_the(mention.strip(_EDGE))
        text = re.sub(r"['’]s$", "", text)
        if not text:
            return None
        hit = self._exact_cased.get(fold(text)) or self._exact.get(_key(text))
        words = _mention_words()
        if hit is not None and not words.diplomatic.search(text):
            return hit[0]
        diplomatic = words.diplomatic.search(fold(text))
        if diplomatic is not None:
            return self._sender(text, diplomatic)
        mentions = self.find(text, on=on)
        if mentions:
            return self._with_body(mentions[0].actor, text)
        found = self.official(text, on)
        return found[0] if found else None

    def official(self, name: str, on: date | None = None) -> tuple[ActorRef, str] | None:
        """The actor and role of a person known by name (full or unambiguous last name), valid on ``on``.

        English news writes ø, ö, ä, ü as oe, ae, ue (Stoere, Schaeuble); a name not found
        as written is tried again with those folded back.
        """
        found = self._official(name, on)
        if found is None and _DIGRAPH.search(name):
            found = self._official(_DIGRAPH.sub(lambda m: m.group()[0], name), on)
        return found

    def _official(self, name: str, on: date | None) -> tuple[ActorRef, str] | None:
        bare = _mention_words().honorific.sub("", name.strip(_EDGE))
        tokens = _key(bare).split()
        if not tokens:
            return None
        if len(tokens) == 1 and not bare[:1].isupper():
            return None  # a surname alone must be written as a name ("said" is no one)
        candidates = self._full.get(" ".join(tokens)) or set()
        if not candidates and len(tokens) > 2:
            candidates = self._full.get(f"{tokens[0]} {tokens[-1]}") or set()
        if not candidates:
            candidates = self._last.get(tokens[-1]) or set()
            if len(tokens) > 1:  # "Ali Khan" is not "Karim Khan": a given name must agree
                candidates = {p for p in candidates if _key(p).split()[0][:1] == tokens[0][:1]}
        offices = [o for person in candidates for o in self._offices[person] if on is None or o.valid_on(on)]
        if not offices or len({o.person for o in offices}) > 1:
            return None
        best = max(offices, key=lambda o: (o.start, o.order))
        return ActorRef(best.code, self._name_of(best.code)), best.role

    def body(self, text: str) -> str | None:
        """The state organ a text names ("Foreign Ministry", "MFA", "White House"), or None."""
        folded = fold(text)
        for pattern, body in self._bodies:
            if pattern.search(folded):
                return body
        return None

    @staticmethod
    def diplomatic(text: str) -> bool:
        """Whether a text names a diplomatic role or mission (ambassador, envoy, representative ...)."""
        return _mention_words().diplomatic.search(fold(text)) is not None

    def capital(self, mention: str) -> ActorRef | None:
        """The state whose capital a whole mention names ("Mogadishu said" speaks for Somalia).

        Only the capitals the data lists as seats are found in running text (``find``); this
        asks of a mention already known to be a speaker, where a capital is the usual metonym.
        """
        text = _strip_the(mention.strip(_EDGE))
        return self._capitals.get(_key(text)) if text[:1].isupper() else None

    def speaker(self, ref: ActorRef) -> ActorRef:
        """The actor a speaker of ``ref`` speaks for: the state or organization itself, but for a
        region that is part of a state (Hong Kong), its government as an organization (spec §2)."""
        if ref.code not in self._sub_national:
            return ref
        name = f"{self.names[ref.code]} government"
        return ActorRef(f"ORG:{name}", name, ref.body)

    def actor(self, code: str) -> ActorRef | None:
        """The actor with this code, or None."""
        return ActorRef(code, self.names[code]) if code in self.names else None

    # -- helpers --------------------------------------------------------------------------------

    def _name_of(self, code: str) -> str:
        """The readable name of an official's code: a sub-national government's (``ORG:<name>``,
        spec §2) is its own name."""
        return self.names.get(code, code.removeprefix("ORG:"))

    def _person_actor(self, person: str, on: date | None) -> ActorRef | None:
        offices = self._offices[person]
        if on is not None:
            valid = [o for o in offices if o.valid_on(on)]
            if not valid:
                return None
            code = max(valid, key=lambda o: (o.start, o.order)).code
        else:
            codes = {o.code for o in offices}
            if len(codes) != 1:
                return None
            code = codes.pop()
        return ActorRef(code, self._name_of(code))

    def _sender(self, text: str, head: re.Match[str]) -> ActorRef | None:
        words = _mention_words()
        receiver = words.receiver.search(text, head.end())
        sender_part = text[: receiver.start()] if receiver else text
        mentions = [m for m in self.find(sender_part) if m.via != "official"]
        if not mentions:
            return None
        actor = mentions[0].actor
        if actor.body is None and " ".join(head.group(1).casefold().split()) in words.missions:
            phrase = words.body_phrase.search(text)
            body = phrase.group(0).strip() if phrase else text
            actor = ActorRef(actor.code, actor.name, body)
        return actor

    def _with_body(self, actor: ActorRef, text: str) -> ActorRef:
        if actor.body is not None or actor.code not in self._states:
            return actor
        body = self.body(text)
        return actor if body is None else ActorRef(actor.code, actor.name, body)

    def forms(self) -> Iterable[tuple[str, ActorRef, str]]:
        """Every name form with its actor and kind (for tests and diagnostics)."""
        for form, entry in self._forms.items():
            if entry is not None:
                yield form, entry[0], entry[1]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded on first call and cached for the process."""
    return Gazetteer.load()
