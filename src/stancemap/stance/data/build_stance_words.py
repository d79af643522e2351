"""Build the stance word lists of this folder from published, installable resources.

Run by hand when a list changes (the installed package only reads the generated files)::

    .venv/bin/python -m stancemap.stance.data.build_stance_words [--polnear ../shared/polnear/train]

It needs the ``dev`` extras (vaderSentiment, afinn, textblob, negspacy, lemminflect, spaCy), the
PolNeAR train split and WordNet 3.0 (Debian ``wordnet-base``). Every line it writes names its source
in the last column:

- ``VADER`` the VADER sentiment lexicon (Hutto & Gilbert 2014; package vaderSentiment, MIT) and its
  list of negation words (``NEGATE``); ``AFINN`` AFINN-en-165 (Nielsen 2011; package afinn, ODbL:
  only the sign of single entries is used); ``pattern`` the en-sentiment.xml of pattern shipped in
  textblob (BSD); the sign of the valence is the polarity.
- ``NegEx`` the English trigger lists of negspacy (Chapman et al. 2001; MIT).
- ``PolNeAR cue`` lemmas of the cue spans of the PolNeAR train split (Newell et al. 2018), with
  their count: verbs that news uses to report a position.
- ``PolNeAR text`` a phrase found in the PolNeAR train articles (political news), with its count:
  general news English. For these, the kind and polarity are stancemap's reading of the phrase.
- ``spaCy stop words`` spaCy's English STOP_WORDS (MIT).
- ``WordNet 3.0`` Princeton WordNet's database (Debian package wordnet-base; WordNet licence):
  its nouns, and its index of adjectives, nouns and verbs for the strong adjectives.
- ``lemminflect`` inflections of a lemma (lemminflect, MIT), with the British ``-ise`` spelling
  of ``-ize`` verbs made by rule.

An entry of the hand-written core below is written only when one of these attests it, and an
entry whose valence sign in a sentiment lexicon disagrees with its polarity is dropped; the
build prints both. None of the core was taken from the evaluation articles (see SOURCES.md).
"""

from __future__ import annotations

import argparse
import glob
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from xml.etree import ElementTree

from .build_derivations import HEADER as DERIVATIONS_HEADER
from .build_derivations import KEY_POS, derivation_rows

HERE = Path(__file__).resolve().parent
DEFAULT_POLNEAR = HERE.parents[4] / "shared" / "polnear" / "train"

#: The core: phrase, polarity (+ - 0), kind, expansion (V: inflect the first word as a verb,
#: N: as a noun, -: as written), and the word whose attestation counts (default: the first; ``*``:
#: the phrase as a whole, for an idiom whose first word says nothing alone: "take part in").
#: Kinds are those of stance_words.tsv (see its header).
CORE = """
recognize        +  verb  V
recognition      +  verb  -
endorse          +  verb  V
endorsement      +  verb  -
support          +  verb  V
supportive       +  verb  -
back             +  verb  V
welcome          +  verb  V
hail             +  verb  V
accept           +  verb  V
go along with    +  verb  V  *
acceptance       +  verb  -
uphold           +  verb  V
respect          +  verb  V
reaffirm commitment  +  verb  V  commitment
commitment to    +  verb  -  commitment
committed to     +  verb  -  commitment
stand for        +  verb  V
call for         +  verb  V
call on          +  verb  V
urge             +  verb  V
encourage        +  verb  V
encouragement    +  verb  -
advocate         +  verb  V
in favor of      +  verb  -  favor
in favour of     +  verb  -  favour
approve          +  verb  V
applaud          +  verb  V
praise           +  verb  V
condemn          -  verb  V
condemnation     -  verb  -
reject           -  verb  V
rejection        -  verb  -
denounce         -  verb  V
decry            -  verb  V
deplore          -  verb  V
regret           -  verb  V
oppose           -  verb  V
opposition to    -  verb  -  opposition
protest          -  verb  V
disapprove       -  verb  V
disapproval      -  verb  -
object to        -  verb  V
criticize        -  verb  V
boycott          -  verb  V
attend           +  part  V
participate in   +  part  V
take part in     +  part  V  *
avoid            -  verb  V
block            -  verb  V
thwart           -  verb  V
criticism of     -  verb  N  criticism
dismiss          -  verb  V
deny             -  verb  V
refute           -  verb  V
rebut            -  verb  V
accuse           -  verb  V
blame            -  verb  V
slam             -  verb  V
warn against    -  verb  V  warn
warn of          -  verb  V  warn
concern about    -  verb  N  concern
concern over     -  verb  N  concern
concerned about  -  verb  -  concerned
concerned over   -  verb  -  concerned
concerned with   -  verb  -  concerned
express concern  -  verb  V  concern
voice concern    -  verb  V  concern
pleased with     +  verb  -  pleased
pleased by       +  verb  -  pleased
pleased to       +  verb  -  pleased
encouraged by    +  verb  -  encouraged
disappointed by  -  verb  -  disappointed
disappointed with  -  verb  -  disappointed
disappointed at  -  verb  -  disappointed
dismayed by      -  verb  -  dismayed
dismayed at      -  verb  -  dismayed
alarmed by       -  verb  -  alarmed
alarmed at       -  verb  -  alarmed
outraged by      -  verb  -  outraged
retaliate against  -  verb  V  retaliate
retaliate for    -  verb  V  retaliate
retaliation against  -  verb  -  retaliation
retaliation for  -  verb  -  retaliation
in retaliation for  -  verb  -  retaliation
hope             +  verb  V
importance of    +  verb  -  importance
need for         +  verb  -  need
necessity of     +  verb  -  necessity
vital            +  pred  -
crucial          +  pred  -
essential        +  pred  -
indispensable    +  pred  -
urgency of       +  verb  -  urgency
offer to         +  verb  V  offer
propose          +  verb  V
defend           +  verb  V
agree to         +  verb  V  agree
congratulate     +  verb  V
congratulations  +  verb  -
legitimate       +  adj   -
legitimacy       +  adj   -
legal            +  adj   -
lawful           +  adj   -
valid            +  adj   -
democratic       +  adj   -
transparent      +  adj   -
fair             +  adj   -
acceptable       +  adj   -
will of the people  +  adj  -
illegal          -  adj   -
unfounded        -  adj   -
null and void    -  adj   -  void
unlawful         -  adj   -
invalid          -  adj   -
fake             -  adj   -
rigged           -  adj   -
forged           -  adj   -
farce            -  adj   -
fraud            -  adj   -
fraudulent       -  adj   -
premature        -  adj   -
unacceptable     -  adj   -
deplorable       -  adj   -
undemocratic     -  adj   -
unfair           -  adj   -
unconstitutional -  adj   -
threat           -  pred  -
in the right direction  +  pred  -  *
in the wrong direction  -  pred  -  *
danger           -  pred  -
so-called        -  frame -
self-proclaimed  -  frame -
self-styled      -  frame -
puppet           -  frame -
sham             -  frame -
violate          -  norm  V
violation        -  norm  N
contrary to      -  norm  -
contradict       -  norm  V
breach           -  norm  V
infringe         -  norm  V
infringement     -  norm  N
undermine        -  norm  V
hamper           -  norm  V
obstruct         -  norm  V
jeopardize       -  norm  V
endanger         -  norm  V
derail           -  norm  V
impede           -  norm  V
legal basis      +  null  -
legal effect     +  null  N
legal force      +  null  -
prejudice        +  null  V
depend on        +  null  V
internal affairs 0  neutral -
conditions for   0  neutral -
declined to comment  0  neutral -  comment
abstain          0  neutral V
no comment       0  neutral -  comment
settle           +  topic V
settlement       +  topic N
negotiate        +  topic V
negotiation      +  topic N
resolve          +  topic V
dialogue         +  topic -
peace talks      +  topic -
peace process    +  topic -  peace
political solution  +  topic -
on the basis of  +  basis -
based on         +  basis -
in line with     +  basis -
in accordance with  +  basis -
within           +  basis -
"""

#: Verbs that cancel the stance verb they govern ("refused to recognize", "withdrew its recognition").
NEGATING_VERBS = (
    "refuse", "decline", "fail", "withdraw", "withhold", "revoke", "reverse", "rescind", "retract",
)  # fmt: skip

#: Verbs that deny their object, as "has no" does ("lacks legitimacy"): negators of any stance word
#: after them, and copulas (word_classes.tsv) so that the word is read as said of the subject.
NEGATING_PREDICATES = ("lack",)

#: Words of hesitation, which leave the stance word after them unsaid either way ("its reluctance
#: to endorse X", "hesitant to back Y"): negators of kind ``withhold``.
WITHHOLDING = ("reluctant", "reluctance", "hesitant", "hesitancy", "hesitate")

#: Light verbs that say their object of the subject, as a copula does ("poses a threat").
LIGHT_PREDICATES = ("pose",)

#: Negative prefixes of English adjectives: an adjective of the core with polarity + gives its
#: antonym (legitimate -> illegitimate) when a resource attests the antonym with a negative sign.
ANTONYM_PREFIXES = ("il", "im", "in", "ir", "un", "non-", "dis")

#: Targets that point back: determiners and pronouns (spaCy stop words) and general nouns of an act.
ANAPHOR_WORDS = ("this", "that", "these", "those", "it", "they", "them", "such")
ANAPHOR_PHRASES = (
    "the move", "the step", "the decision", "the action", "the fact", "the event", "the vote", "the results",
    "its results",
)  # fmt: skip

#: The word classes that the stance logic of negation.py reads (function words mostly, from spaCy's
#: stop words; the rest attested in PolNeAR). list name -> words; see the header of word_classes.tsv.
WORD_CLASSES = {
    "clause": "but whereas while although though because however therefore moreover yet",
    "complementizer": "that",
    "relative": "which who",
    "aux": "is are was were be been being am will would can could should must may might shall has have "
    "had do does did not never also still yet ever any further once again formally officially fully "
    "considered deemed seen regarded viewed continue continues continued to already hereby",
    "coordinator": "and or nor",
    "copula": "is are was were be been being has have had remains remain becomes become",
    "consider": "consider regard view deem call describe see find declare brand label term characterize",
    "means": "should must need needs needed through via only towards toward peaceful",
    "possessive": "our its their his her my your",
    "topic_intro": "regarding|concerning|in connection with|with regard to|in relation to",
    "strip_end": "cannot no in way any manner by means",
    "lead_in": "of for to on with about as that in",
    "determiner": "a an the this these that those its their his her our",
    "preposition": "within in of for from with by at on under between across beyond",
    "quote_intro": "as said says",
    "anaphor_skip": "all both of",
    "others": "countries states nations governments",
    "own": "we our i us",
    "pronoun": "it they them",
    "concessive": "but while whereas although",
    "not_name": "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday the this these that mr mrs ms dr",
    "place_noun": "region territory territories republic province 's state",
    "act_noun": "move step decision action announcement measure call proposal initiative plan appeal request",
    "indefinite": "a an",
    "title_preposition": "against over into toward towards",
    "going_on": "continue resume proceed",
    "reproach": "attack blast fault rebuke scold lambast chide",
    "commend": "thank commend credit",
    "deontic": "must should",
    "deontic_to": "ought need needs needed have has had",
    "belonging": "part belong",
    "territory_topic": "territory territorial sovereignty integrity",
    "reprisal": "retaliate retaliation",
    "keeping": "continue keep maintain uphold preserve hold",
}

#: The topics of issues (DEVELOPERS.md: recognition of an election or a state, territorial
#: integrity, a ceasefire, a coup ...) as WordNet senses: noun and lexicographer file (the first
#: such sense is taken). Words of these synsets name the topic when matching targets to issues; a
#: hypernym shared by two topics (vote: election, referendum) names both, with the other words of
#: that hypernym word's senses in the same file (voting) and its other hyponyms (plebiscite).
TOPIC_SENSES = (
    ("election", "act"), ("referendum", "act"), ("independence", "state"), ("sovereignty", "state"),
    ("negotiation", "communication"), ("settlement", "cognition"), ("settlement", "communication"),
    ("annexation", "act"), ("coup", "act"), ("secession", "act"), ("ceasefire", "act"),
)  # fmt: skip
_LEXFILES = """Tops act animal artifact attribute body cognition communication event feeling food group
location motive object person phenomenon plant possession process quantity relation shape state
substance time"""
WORDNET = Path("/usr/share/wordnet")  # Debian package wordnet-base (WordNet 3.0)
#: WordNet's noun lexicographer files, by number (lexnames(5WN)).
_LEXNAMES = dict(enumerate(_LEXFILES.split(), start=3))

_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


@dataclass(frozen=True)
class Resources:
    """The published resources, read once."""

    vader: dict[str, float]
    afinn: dict[str, int]
    pattern: dict[str, float]
    negate: tuple[str, ...]
    negex: tuple[str, ...]
    termination: frozenset[str]
    cues: Counter[str]
    text: str
    stop_words: frozenset[str]

    def valence(self, word: str) -> list[str]:
        """The valence of ``word`` in each sentiment lexicon that has it, as ``NAME +1.7``."""
        out = []
        if self.vader.get(word):
            out.append(f"VADER {self.vader[word]:+.1f}")
        if self.afinn.get(word):
            out.append(f"AFINN {self.afinn[word]:+d}")
        if self.pattern.get(word):
            out.append(f"pattern {self.pattern[word]:+.1f}")
        return out

    def in_text(self, phrase: str) -> int:
        return self.text.count(f" {phrase} ")


def load_resources(polnear: Path) -> Resources:
    """Read the lexicons from their installed packages and count the PolNeAR cues and phrases."""
    import afinn  # type: ignore[import-untyped]
    import negspacy.termsets  # type: ignore[import-untyped]
    import textblob  # type: ignore[import-untyped]
    import vaderSentiment.vaderSentiment as vs  # type: ignore[import-untyped]
    from lemminflect import getLemma  # type: ignore[import-untyped]
    from spacy.lang.en.stop_words import STOP_WORDS

    vader = {}
    for line in (Path(vs.__file__).parent / "vader_lexicon.txt").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        vader[cols[0]] = float(cols[1])
    afinn_words = {}
    for line in (Path(afinn.__file__).parent / "data" / "AFINN-en-165.txt").read_text().splitlines():
        word, value = line.rsplit("\t", 1)
        afinn_words[word] = int(value)
    pattern: dict[str, float] = {}
    xml = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
    for w in ElementTree.parse(xml).getroot():
        pattern.setdefault(str(w.get("form")), float(w.get("polarity") or 0))
    terms = negspacy.termsets.LANGUAGES["en"]
    negex = tuple(sorted({t for key in ("preceding_negations", "following_negations") for t in terms[key]}))
    termination = frozenset(terms["termination"])
    cues: Counter[str] = Counter()
    texts = []
    for f in sorted(glob.glob(str(polnear / "attributions" / "*.ann"))):
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 3 and cols[1].startswith("Cue"):
                for w in _WORD.findall(cols[2].lower().replace("’", "'")):
                    lemma = getLemma(w, upos="VERB")
                    cues[lemma[0] if lemma else w] += 1
    for f in sorted(glob.glob(str(polnear / "text" / "*.txt"))):
        texts.append(" ".join(_WORD.findall(Path(f).read_text(encoding="utf-8").lower().replace("’", "'"))))
    if not cues or not texts:
        sys.exit(f"no PolNeAR articles under {polnear}")
    return Resources(
        vader, afinn_words, pattern, tuple(vs.NEGATE), negex, termination, cues, " " + " ".join(texts) + " ",
        frozenset(STOP_WORDS),
    )  # fmt: skip


def _inflect(word: str, upos: str) -> list[str]:
    from lemminflect import getAllInflections

    forms = {word}
    for group in getAllInflections(word, upos=upos).values():
        forms.update(group)
    if upos == "VERB" and word.endswith("ize"):
        forms.update({f.replace("iz", "is") for f in list(forms)})
    return sorted(forms, key=lambda f: (f != word, f))


def attest(res: Resources, phrase: str, key: str, polarity: str, kind: str) -> tuple[str | None, str]:
    """The source of a core entry, or None with the reason it is dropped."""
    valence = res.valence(key)
    if valence and kind in {"verb", "adj", "norm"} and polarity in "+-":
        sign = "-" if kind == "norm" else polarity
        if any(v.split()[1][0] != sign for v in valence):
            return None, f"valence {'; '.join(valence)} disagrees with {polarity} {kind}"
    sources = list(valence)
    if res.cues.get(key):
        sources.append(f"PolNeAR cue '{key}' x{res.cues[key]}")
    if not sources and res.in_text(phrase):
        sources.append(f"PolNeAR text x{res.in_text(phrase)}")
    if not sources:
        return None, "not attested"
    return "; ".join(sources), ""


def _antonyms(res: Resources, word: str) -> Iterator[tuple[str, str]]:
    """Negative-prefixed antonyms of ``word`` that a sentiment lexicon attests with a negative sign."""
    for prefix in ANTONYM_PREFIXES:
        antonym = prefix + word
        valence = res.valence(antonym)
        if valence and all(v.split()[1][0] == "-" for v in valence):
            yield antonym, f"antonym of '{word}' by prefix; {'; '.join(valence)}"


def stance_rows(res: Resources, log: list[str], wordnet: Path) -> Iterator[tuple[str, str, str, str]]:
    """Rows of stance_words.tsv: pattern, polarity, kind, source (the core, then the strong adjectives)."""
    seen: set[str] = set()
    yield from _core_rows(res, log, seen)
    yield from strong_adjective_rows(res, wordnet, seen)
    yield from predicative_adjective_rows(res, wordnet, seen)


def _core_rows(res: Resources, log: list[str], seen: set[str]) -> Iterator[tuple[str, str, str, str]]:
    for line in CORE.strip().splitlines():
        cols = line.split()
        split = next(k for k, c in enumerate(cols) if c in {"+", "-", "0"})
        phrase = " ".join(cols[:split])
        polarity, kind, expand = cols[split : split + 3]
        key = cols[split + 3] if len(cols) > split + 3 else phrase.split()[0]
        key = phrase if key == "*" else key
        source, why = attest(res, phrase, key, polarity, kind)
        if source is None:
            log.append(f"dropped {phrase!r}: {why}")
            continue
        first, rest = phrase.split()[0], phrase.split()[1:]
        if kind == "adj" and polarity == "+" and not rest:
            for antonym, note in _antonyms(res, first):
                if antonym not in seen:
                    seen.add(antonym)
                    yield antonym, "-", "adj", note
        forms = [first] if expand == "-" else _inflect(first, "VERB" if expand == "V" else "NOUN")
        for form in forms:
            pattern = " ".join([form, *rest])
            if pattern in seen:
                continue
            seen.add(pattern)
            note = source if form == first else f"lemminflect form of '{first}'; {source}"
            yield pattern, polarity, kind, note


#: The VADER valence (mean rating, -4 to +4) from which an adjective judges what it is said of
#: strongly enough to be a stance word on its own ("abusive", "outrageous", "admirable").
STRONG_VALENCE = 2.0


@cache
def _wordnet_lemmas(folder: Path, pos: str) -> frozenset[str]:
    """The lemmas of WordNet's index for a part of speech (``noun``, ``verb``, ``adj``)."""
    lines = (folder / f"index.{pos}").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split()[0] for line in lines if line and not line.startswith(" "))


def strong_adjective_rows(
    res: Resources, wordnet: Path, seen: set[str]
) -> Iterator[tuple[str, str, str, str]]:
    """Adjectives that judge what they are said of: VADER valence of at least ``STRONG_VALENCE``
    either way, an adjective and nothing else in WordNet 3.0 (not "attack", "right"), no participle
    ("banned", "troubling": those describe an event), and met in the PolNeAR text (news English)."""
    adjectives = _wordnet_lemmas(wordnet, "adj")
    other = _wordnet_lemmas(wordnet, "noun") | _wordnet_lemmas(wordnet, "verb")
    for word, valence in sorted(res.vader.items()):
        if abs(valence) < STRONG_VALENCE or not word.isalpha() or word in seen:
            continue
        if word not in adjectives or word in other or word.endswith(("ed", "ing")):
            continue
        count = res.in_text(word)
        if count:
            seen.add(word)
            sign = "+" if valence > 0 else "-"
            yield (
                word,
                sign,
                "adj",
                f"VADER {valence:+.1f}; WordNet 3.0 adjective only; PolNeAR text x{count}",
            )


@cache
def _semcor_tags(folder: Path) -> Counter[tuple[str, str]]:
    """How often SemCor tags each (lemma, part of speech): ``n``, ``v``, ``a`` (satellites too), ``r``."""
    tags: Counter[tuple[str, str]] = Counter()
    for line in (folder / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        key, _, count = line.split()
        lemma, rest = key.split("%")
        tags[(lemma, KEY_POS[rest[0]])] += int(count)
    return tags


def predicative_adjective_rows(
    res: Resources, wordnet: Path, seen: set[str]
) -> Iterator[tuple[str, str, str, str]]:
    """Adjectives that judge what they are said of, read only as a predicate ("X is positive", "X is
    a positive step"): the strong adjectives that WordNet 3.0 also lists as a noun or verb, when SemCor
    tags them as an adjective more often than as both others together ("positive", "wrong"; not
    "right", "welcome"). As a word's less usual part of speech may still stand before a noun of its
    own ("a positive", "the free"), they never judge the noun they stand by (kind ``pred``)."""
    adjectives = _wordnet_lemmas(wordnet, "adj")
    other = _wordnet_lemmas(wordnet, "noun") | _wordnet_lemmas(wordnet, "verb")
    tags = _semcor_tags(wordnet)
    for word, valence in sorted(res.vader.items()):
        if abs(valence) < STRONG_VALENCE or not word.isalpha() or word in seen:
            continue
        if word not in adjectives or word not in other or word.endswith(("ed", "ing")):
            continue
        adjective, rest = tags[(word, "a")], tags[(word, "n")] + tags[(word, "v")]
        count = res.in_text(word)
        if adjective > rest and count:
            seen.add(word)
            yield (
                word,
                "+" if valence > 0 else "-",
                "pred",
                f"VADER {valence:+.1f}; WordNet 3.0 adjective, SemCor {adjective} of "
                f"{adjective + rest} tags; PolNeAR text x{count}",
            )


def negator_rows(res: Resources, log: list[str]) -> Iterator[tuple[str, str, str]]:
    """Rows of negators.tsv: pattern, kind, source."""
    for word in res.negate:
        if word in {"despite"}:
            log.append("negators: skipped VADER's 'despite' (a concessive, it negates nothing)")
            continue
        if "'" in word or not word.endswith("nt"):
            yield word, "particle", "VADER NEGATE"
    yield "*n't", "particle", "VADER (any word with n't negates)"
    yield "no", "particle", "NegEx preceding" if "no" in res.negex else "spaCy stop words"
    for verb in NEGATING_PREDICATES:
        source, why = attest(res, verb, verb, "0", "negator")
        if source is None:
            log.append(f"negators: dropped {verb!r}: {why}")
            continue
        for form in _inflect(verb, "VERB"):
            yield form, "object", source if form == verb else f"lemminflect form of '{verb}'; {source}"
    for word in WITHHOLDING:
        source, why = attest(res, word, word, "0", "negator")
        if source is None:
            log.append(f"negators: dropped {word!r}: {why}")
            continue
        forms = _inflect(word, "VERB") if word == "hesitate" else [word]
        for form in forms:
            yield form, "withhold", source if form == word else f"lemminflect form of '{word}'; {source}"
    for verb in NEGATING_VERBS:
        source, why = attest(res, verb, verb, "0", "negator")
        if source is None:
            log.append(f"negators: dropped {verb!r}: {why}")
            continue
        for form in _inflect(verb, "VERB"):
            yield form, "verb", source if form == verb else f"lemminflect form of '{verb}'; {source}"


def anaphor_rows(res: Resources, log: list[str]) -> Iterator[tuple[str, str]]:
    for word in ANAPHOR_WORDS:
        if word in res.stop_words:
            yield word, "spaCy stop words"
        else:
            log.append(f"anaphors: dropped {word!r}: not a spaCy stop word")
    for phrase in ANAPHOR_PHRASES:
        n = res.in_text(phrase)
        if n:
            yield phrase, f"PolNeAR text x{n}"
        else:
            log.append(f"anaphors: dropped {phrase!r}: not attested")


def word_class_rows(res: Resources, log: list[str]) -> Iterator[tuple[str, str, str]]:
    for name, words in WORD_CLASSES.items():
        items = words.split("|") if "|" in words else words.split()
        if name == "copula":
            items += [f for verb in NEGATING_PREDICATES + LIGHT_PREDICATES for f in _inflect(verb, "VERB")]
        for word in items:
            if name == "clause" and word in res.termination:
                yield name, word, "NegEx termination"
            elif word in res.stop_words:
                yield name, word, "spaCy stop words"
            elif res.cues.get(word):
                yield name, word, f"PolNeAR cue '{word}' x{res.cues[word]}"
            elif res.in_text(word):
                yield name, word, f"PolNeAR text x{res.in_text(word)}"
            else:
                log.append(f"word classes: dropped {name} {word!r}: not attested")


#: The VADER valence from which a noun judges by itself ("mistake" -1.4, "success" +2.7).
NOUN_VALENCE = 1.0


def valenced_noun_rows(res: Resources, wordnet: Path) -> Iterator[tuple[str, str, str]]:
    """Word-class rows of the nouns that judge by themselves: a VADER valence of at least
    ``NOUN_VALENCE`` either way, a WordNet 3.0 noun that SemCor tags as a noun more often than as
    a verb and an adjective together ("mistake", "tragedy"; not "positive", "attack" as a verb is
    as often), met in the PolNeAR text."""
    nouns = _wordnet_lemmas(wordnet, "noun")
    tags = _semcor_tags(wordnet)
    for word, valence in sorted(res.vader.items()):
        if abs(valence) < NOUN_VALENCE or not word.isalpha() or word not in nouns:
            continue
        noun, rest = tags[(word, "n")], tags[(word, "v")] + tags[(word, "a")]
        count = res.in_text(word)
        if noun > rest and count:
            yield "valenced_noun", word, f"VADER {valence:+.1f}; SemCor {noun} of {noun + rest} tags a noun"


@dataclass(frozen=True)
class _Synset:
    lexname: str
    words: tuple[str, ...]
    hypernyms: tuple[str, ...]
    hyponyms: tuple[str, ...]


class WordNet:
    """The noun part of WordNet 3.0 read from its database files (``index.noun``, ``data.noun``)."""

    def __init__(self, folder: Path) -> None:
        self.data = (folder / "data.noun").read_bytes()
        self.index: dict[str, list[str]] = {}
        for line in (folder / "index.noun").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(" "):
                cols = line.split()
                self.index[cols[0]] = cols[-int(cols[2]) :]

    def synset(self, offset: str) -> _Synset:
        start = int(offset)
        line = self.data[start : self.data.index(b"\n", start)].decode("utf-8").split(" | ")[0].split()
        n = int(line[3], 16)
        words = tuple(line[4 + 2 * i].replace("_", " ").lower() for i in range(n))
        k = 4 + 2 * n
        ptrs = [(line[k + 1 + 4 * i], line[k + 2 + 4 * i]) for i in range(int(line[k]))]
        return _Synset(
            _LEXNAMES.get(int(line[1]), line[1]),
            words,
            tuple(o for sym, o in ptrs if sym == "@"),
            tuple(o for sym, o in ptrs if sym == "~"),
        )

    def senses(self, word: str, lexname: str) -> list[str]:
        return [o for o in self.index.get(word.replace(" ", "_"), []) if self.synset(o).lexname == lexname]


#: The lexicographer files of a noun that names a doing: an act, a saying, an event, a plan or
#: idea, a holding or payment (a tariff, a duty). A thing, a place, a people or a group is none.
ACT_LEXNAMES = ("act", "communication", "event", "cognition", "possession")


def act_head_rows(wn: WordNet, res: Resources) -> Iterator[tuple[str, str]]:
    """Rows of act_heads.tsv: nouns that can name an act, so that a name before them is its doer.

    A noun qualifies when one of its first two WordNet senses is in ``ACT_LEXNAMES``; it is
    written with its plural (lemminflect), only when the PolNeAR train text has it, so the list
    stays that of news English and not of WordNet's rare words.
    """
    for word in sorted(wn.index):
        if not word.replace("-", "").isalpha() or not word.islower():
            continue
        first = [wn.synset(o).lexname for o in wn.index[word][:2]]
        hit = next((name for name in first if name in ACT_LEXNAMES), None)
        if hit is None or not res.in_text(word):
            continue
        forms = _inflect(word, "NOUN")  # "break-in" is written also as "breakin"
        for form in sorted(set(forms) | {f.replace("-", "") for f in forms}):
            yield form, f"WordNet 3.0 noun.{hit}; PolNeAR text x{res.in_text(word)}"


def synonym_rows(wn: WordNet, log: list[str]) -> Iterator[tuple[str, str, str]]:
    """Rows of term_synonyms.tsv: word, the topics it names (|-separated), source.

    A word is kept only when its first (most frequent) WordNet sense is one of the synsets taken
    for the topic, so that "withdrawal" (first: retreat) or "resolution" (first: a formal motion)
    are not read as secession or settlement; topic words never name each other. A topic's own
    hyponyms are not taken: they name narrower things (autonomy is not independence).
    """
    from lemminflect import getAllInflections

    topic_words = {t for t, _ in TOPIC_SENSES}
    topics: dict[str, set[str]] = {}
    sources: dict[str, str] = {}

    def add(offsets: set[str], topic_set: set[str], how: str) -> None:
        for offset in sorted(offsets):
            for word in wn.synset(offset).words:
                first = wn.index.get(word.replace(" ", "_"), [""])[0]
                if word in topic_words or "'" in word or first not in offsets:
                    continue
                topics.setdefault(word, set()).update(topic_set)
                sources.setdefault(word, f"WordNet 3.0: {how}")

    hypernyms: dict[str, set[str]] = {}
    for topic, lexname in TOPIC_SENSES:
        senses = wn.senses(topic, lexname)[:1]
        if not senses:
            log.append(f"synonyms: no {lexname} sense of {topic!r} in WordNet")
            continue
        ss = wn.synset(senses[0])
        add({senses[0]}, {topic}, f"synonym of {topic}")
        for hyper in ss.hypernyms:
            hypernyms.setdefault(hyper, set()).add(topic)
    for hyper, shared in hypernyms.items():
        if len(shared) < 2:
            continue
        hs = wn.synset(hyper)
        group = {hyper, *hs.hyponyms}
        for word in hs.words:
            group.update(wn.senses(word, hs.lexname))
        add(group, shared, f"the act that {' and '.join(sorted(shared))} are kinds of ({hs.words[0]})")
    for word in sorted(topics):
        forms = {word}
        if " " not in word:
            for inflected in getAllInflections(word, upos="NOUN").values():
                forms.update(inflected)
        for form in sorted(forms):
            extra = "" if form == word else f"; lemminflect plural of '{word}'"
            yield form, "|".join(sorted(topics[word])), sources[word] + extra


#: Words at least this frequent in English (wordfreq's Zipf scale: 6 is once per thousand words)
#: are words of every topic ("new", "long", "world"): one alone says nothing of which issue.
GENERAL_ZIPF = 5.8


def general_words() -> list[str]:
    """The most frequent English words (wordfreq, Speer 2022), down to ``GENERAL_ZIPF``."""
    from wordfreq import top_n_list, zipf_frequency

    return [w for w in top_n_list("en", 1000) if w.isalpha() and zipf_frequency(w, "en") >= GENERAL_ZIPF]


def stopword_rows(res: Resources) -> Iterator[tuple[str, str]]:
    for word in sorted(res.stop_words):
        yield word, "spaCy stop words"
    for word in sorted(set(general_words()) - res.stop_words):
        yield word, f"wordfreq 3.1 English Zipf frequency >= {GENERAL_ZIPF}"
    for word in ("support", "oppose"):
        yield word, "the issue file's own keywords (spec section 3: support: / oppose:)"


HEADERS = {
    "stance_words.tsv": """\
# Generated by build_stance_words.py from published resources (see SOURCES.md); do not edit by hand.
# pattern	polarity	kind	source
# pattern: space-separated words, lower-cased. polarity: + (favours its target), - (disfavours it),
# 0 (no position). kind: verb (target follows; passive "is recognized by" takes the subject), adj
# (predicate: subject; after consider/call/view ... as: that object; otherwise the noun phrase it
# modifies), frame (a framing modifier of the noun that follows; never negated), norm (a norm invoked:
# the subject breaks it, the norm itself is upheld), basis (a norm a solution must follow: upheld),
# topic (a peaceful means named as the way forward with should/must/through: favoured; the cue is part
# of its target), null (says the subject has no effect; counts only when negated), part (taking part
# in what follows: counts only when negated or refused, and then opposes it), neutral, pred (a
# noun or adjective said of the subject only as a predicate, "X is / poses a threat", "X is a positive
# step"; never of a noun it stands by).
# After the hand-written core come the strong adjectives: VADER valence of 2 or more either way, an
# adjective only in WordNet 3.0, no participle, met in the PolNeAR text. Then the predicative ones
# (kind pred): the same, but also a noun or verb in WordNet, which SemCor tags as an adjective more
# often than as both together.
""",
    "negators.tsv": """\
# Generated by build_stance_words.py (see SOURCES.md); do not edit by hand.
# pattern	kind	source
# particle: flips the next stance word in its clause; verb: flips the next verb-kind stance word;
# object: flips the next stance word that is not a verb ("lacks legitimacy"); withhold: leaves the
# next stance word in its scope unsaid either way ("reluctant to endorse").
# "*x" matches any word ending with x.
""",
    "anaphors.tsv": """\
# Generated by build_stance_words.py (see SOURCES.md); do not edit by hand.
# Targets that point back to something named earlier.	source
""",
    "act_heads.tsv": """\
# Generated by build_stance_words.py from WordNet 3.0 and PolNeAR (see SOURCES.md); do not edit by hand.
# Nouns that can name an act (one of their first two WordNet senses is an act, a communication, an
# event, a cognition or a possession): the head of an issue title whose possessor or prenominal name
# is the issue's own actor ("Turkey's *purchase*", "US *tariffs*").
# word	source
""",
    "word_classes.tsv": """\
# Generated by build_stance_words.py (see SOURCES.md); do not edit by hand.
# class	word or phrase	source
# The closed word classes that stance/negation.py reads beside the parse: clause (words that start a
# new clause), complementizer, relative, aux (words between a subject and its verb), copula, consider
# (verbs whose object is judged: stems), means (words that name a way forward), possessive,
# topic_intro, strip_end, lead_in (prepositions before a target), determiner, coordinator,
# preposition (before a participle: the participle is a modifier), quote_intro, anaphor_skip; and
# for claims.py, matching.py and terms.py: others (a subject that reports what other countries do), own
# (the speaker's own side), pronoun (targets that refer back), concessive (a clause break before a
# reporting verb), not_name (capitalized words that are no place), place_noun (nouns after a place
# name that keep it a place: "the Ruritania region"), act_noun (nouns of an act that "the move" or
# "this decision" takes up from the claim before it), indefinite (determiners that introduce
# something new rather than take it up), title_preposition (prepositions besides those above that
# end the head of an issue's title: "sanctions *against* X"), deontic (the words of an obligation
# before a verb that ends something: "X must drop its tariffs" opposes the tariffs), deontic_to
# (the same before "to": "needs to scrap"), going_on (lemmas of verbs of going on, which under an obligation
# favour their subject: "the talks must continue"), reproach and commend (verbs that judge someone for a
# reason, read only before "for" + a gerund: "attacked X for refusing to back Y" backs Y),
# belonging (lemmas of "X is part of Y", "X belongs to Y") and territory_topic (the words an issue
# on Y's territory, territorial integrity or sovereignty is named by, which a belonging clause is
# matched with: WordNet 3.0 glosses territory as "the geographical area under the jurisdiction of a
# sovereign state" and territorial as "belonging to the territory of any state or ruler"), reprisal
# (lemmas of a response in kind, which under "if X" is a stand against X: WordNet 3.0 glosses
# retaliation as "action taken in return for an injury or offense"), keeping (lemmas of verbs of
# keeping something up, whose doer backs what it keeps up: the one-word verbs whose first WordNet
# 3.0 sense is one of the synsets {continue, uphold, carry on, bear on, preserve} "keep or maintain
# in unaltered condition", the antonym of {discontinue, stop, cease, give up, quit}, its hypernym
# {keep, maintain, hold} and {continue, go on, proceed, go along, keep}), valenced_noun (nouns
# that judge by themselves, with a VADER valence of 1 or more either way, which SemCor tags as
# nouns more often than as anything else: an adjective said of one of them, "a great mistake",
# only grades it, and says nothing of the subject; generated by valenced_noun_rows).
""",
    "term_synonyms.tsv": """\
# Generated by build_stance_words.py from WordNet 3.0 (see SOURCES.md); do not edit by hand.
# word	topics (|-separated)	source
# Words that name the same kind of thing when matching targets to issues.
""",
    "issue_stopwords.tsv": """\
# Generated by build_stance_words.py (see SOURCES.md); do not edit by hand.
# Words of an issue's title and description that say nothing about what the issue is.	source
""",
    "derivations.tsv": DERIVATIONS_HEADER,
}


def _write(out: Path, name: str, rows: Iterable[tuple[str, ...]]) -> int:
    lines = [HEADERS[name]] + ["\t".join(r) + "\n" for r in rows]
    (out / name).write_text("".join(lines), encoding="utf-8")
    return len(lines) - 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR train split")
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet 3.0 database folder")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: this one)")
    args = parser.parse_args(argv)
    res = load_resources(args.polnear.resolve())
    wn = WordNet(args.wordnet)
    log: list[str] = []
    words = res.text.split()
    counts = {
        "stance_words.tsv": _write(args.out, "stance_words.tsv", stance_rows(res, log, args.wordnet)),
        "negators.tsv": _write(args.out, "negators.tsv", negator_rows(res, log)),
        "anaphors.tsv": _write(args.out, "anaphors.tsv", anaphor_rows(res, log)),
        "word_classes.tsv": _write(
            args.out,
            "word_classes.tsv",
            chain(word_class_rows(res, log), valenced_noun_rows(res, args.wordnet)),
        ),
        "issue_stopwords.tsv": _write(args.out, "issue_stopwords.tsv", stopword_rows(res)),
        "term_synonyms.tsv": _write(args.out, "term_synonyms.tsv", synonym_rows(wn, log)),
        "act_heads.tsv": _write(args.out, "act_heads.tsv", act_head_rows(wn, res)),
        "derivations.tsv": _write(args.out, "derivations.tsv", derivation_rows(args.wordnet, words)),
    }
    for line in log:
        print(line)
    for name, n in counts.items():
        print(f"{name}: {n} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
