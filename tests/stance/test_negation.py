"""Stance cues, their negation and their targets (``stance/negation.py``) on invented sentences."""

from __future__ import annotations

import pytest

from stancemap.stance.lexicon import load_stance_lexicon
from stancemap.stance.negation import Finding, find_stances

from .conftest import parsed


def findings(text: str) -> list[tuple[str, int, str]]:
    """(cue, polarity, target) of each finding, the whole text counting as evidence."""
    tokens = parsed(text)
    found: list[Finding] = find_stances(tokens, load_stance_lexicon(), (0, len(tokens)))
    return [(f.entry.label, f.polarity, " ".join(t.text for t in tokens[slice(*f.target)])) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a coordinated predicate: the copula reaches past the first conjunct, and "nor" negates
        (
            "The vote in Ruritania was neither lawful nor valid.",
            [("lawful", -1, "The vote in Ruritania"), ("valid", -1, "The vote in Ruritania")],
        ),
        (
            "The vote in Ruritania is premature and unlawful.",
            [("premature", -1, "The vote in Ruritania"), ("unlawful", -1, "The vote in Ruritania")],
        ),
        # the other conjunct need not be a stance word
        ("The ballot in Ruritania was neither open nor fair.", [("fair", -1, "The ballot in Ruritania")]),
        # a conjunct the parser hangs on the copula itself is still its complement
        (
            "Borduria warned that expanding military cooperation between Ruritania and Freedonia is"
            " dangerous, illegal and a growing danger to the whole international community.",
            [
                ("dangerous", -1, "expanding military cooperation between Ruritania and Freedonia"),
                ("illegal", -1, "expanding military cooperation between Ruritania and Freedonia"),
                ("danger", -1, "expanding military cooperation between Ruritania and Freedonia"),
            ],
        ),
    ],
)
def test_coordinated_predicates(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote in Ruritania lacks legitimacy.", [("legitimacy", -1, "The vote in Ruritania")]),
        (
            "The annexation of Ruritania has no legal basis.",
            [("legal basis", -1, "The annexation of Ruritania")],
        ),
        # "lack" denies its object, not a verb further on
        (
            "Freedonia lacked the money to support the vote in Ruritania.",
            [("support", 1, "the vote in Ruritania")],
        ),
        (
            "Borduria refused to recognize the vote in Ruritania.",
            [("recognize", -1, "the vote in Ruritania")],
        ),
    ],
)
def test_denial_and_negating_verbs(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an antonym made by prefix from a core adjective, attested in a sentiment lexicon
        (
            "Borduria called the vote in Ruritania illegitimate.",
            [("illegitimate", -1, "the vote in Ruritania")],
        ),
        (
            "Borduria considers the decree on Ruritania null and void.",
            [("null and void", -1, "the decree on Ruritania")],
        ),
        # derived words of the core, each attested in a sentiment lexicon
        (
            "Borduria is not supportive of the vote in Ruritania.",
            [("supportive", -1, "the vote in Ruritania")],
        ),
        ("The vote in Ruritania is deplorable.", [("deplorable", -1, "The vote in Ruritania")]),
        (
            "The annexation of Ruritania is not acceptable.",
            [("acceptable", -1, "The annexation of Ruritania")],
        ),
        # an evaluative noun: the subject breaks the norm
        (
            "The referendum in Ruritania is a violation of the charter.",
            [("violation", -1, "The referendum in Ruritania")],
        ),
    ],
)
def test_evaluative_words(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert findings(text) == expected


def test_going_on_under_an_obligation_favours_the_subject() -> None:
    assert findings("Borduria said talks with Ruritania must continue.") == [
        ("continue", 1, "talks with Ruritania")
    ]
    assert findings("The negotiations should resume next week.") == [("resume", 1, "The negotiations")]
    # with an object the verb says what the subject goes on doing: no stance of its own
    assert findings("Borduria must continue the blockade.") == []
    assert findings("Talks with Ruritania continued on Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nouns of need and importance favour what they are of, as "support for" does
        (
            "Borduria stressed the importance of talks with Ruritania.",
            [("importance of", 1, "talks with Ruritania")],
        ),
        (
            "Borduria underlined the need for monitors in Ruritania.",
            [("need for", 1, "monitors in Ruritania")],
        ),
        ("Borduria offered to host the talks.", [("offered to", 1, "host the talks")]),
        (
            "Borduria voiced opposition to the vote in Ruritania.",
            [("opposition to", -1, "the vote in Ruritania")],
        ),
        # a participle clause after a comma is a predication of its own, not part of the target
        (
            "Borduria stressed the importance of talks, reiterating a call for calm.",
            [("importance of", 1, "talks"), ("call for", 1, "calm")],
        ),
    ],
)
def test_nouns_of_need_and_opposition(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ruritania says the missile system poses a threat to the alliance.",
            [("threat", -1, "the missile system")],
        ),
        ("Borduria said the missiles pose no threat to its neighbours.", [("threat", 1, "the missiles")]),
        ("Ruritania called the missiles a threat.", [("threat", -1, "the missiles")]),
        # a predicate noun says nothing of a noun it merely stands by
        ("The threat of sanctions hangs over Borduria.", []),
    ],
)
def test_a_predicate_noun_is_said_of_the_subject_only(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refusing to take part in something opposes it; taking part says nothing
        ("Borduria refused to attend the summit on the canal.", [("attend", -1, "the summit on the canal")]),
        ("Borduria will not take part in the vote.", [("take part in", -1, "the vote")]),
        ("Borduria declined to participate in the talks.", [("participate in", -1, "the talks")]),
        ("Borduria will attend the summit on the canal.", []),
        ("Borduria boycotted the vote.", [("boycotted", -1, "the vote")]),
        # abstaining takes neither side of what is voted on
        (
            "Borduria will abstain in the vote on the canal treaty.",
            [("abstain", 0, "the vote on the canal treaty")],
        ),
        ("Borduria abstained on the canal treaty.", [("abstained", 0, "the canal treaty")]),
        # regretting something disfavours it
        ("Borduria regrets the closure of the canal.", [("regrets", -1, "the closure of the canal")]),
        # going along with something accepts it
        ("Borduria will go along with the canal deal.", [("go along with", 1, "the canal deal")]),
    ],
)
def test_taking_part_refusing_abstaining_and_going_along(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective that is also a noun is read only as a predicate, of the subject
        ("Borduria said the border pact was a positive step.", [("positive", 1, "the border pact")]),
        ("Borduria called the border pact wrong.", [("wrong", -1, "the border pact")]),
        ("The pact was not a positive step, Borduria said.", [("positive", -1, "The pact")]),
        ("A positive answer came from the free press in Borduria.", []),
        # the parse may hang "as" on the object, not on the consider-verb
        (
            "Borduria considers the canal treaty as a free choice made by both peoples.",
            [("free", 1, "the canal treaty")],
        ),
        # what is vital or crucial is wanted; an attributive "crucial vote" says nothing
        ("Borduria said a truce was vital to keep the canal open.", [("vital", 1, "a truce")]),
        ("The truce is the first crucial step toward peace, Borduria said.", [("crucial", 1, "The truce")]),
        ("Borduria said the crucial vote would take place on Sunday.", []),
        # a phrase that judges the predicate noun's direction
        (
            "Borduria said the border pact was a step in the right direction.",
            [("in the right direction", 1, "the border pact")],
        ),
        (
            "Borduria called the border pact a move in the wrong direction.",
            [("in the wrong direction", -1, "the border pact")],
        ),
        ("The talks are moving in the right direction.", []),
        # a pronoun points at what it judges: too weak a cue to follow it back
        ("That is bad for the region, Borduria said.", []),
        ("The canal treaty is bad for the region, Borduria said.", [("bad", -1, "The canal treaty")]),
        # before a noun that judges by itself, the adjective only grades that judgement
        ("Borduria called the border pact a great mistake.", []),
        # a stance verb's adjective before a predicate noun judges the subject, not that noun
        ("Borduria said the pact is a welcome development.", [("welcome", 1, "the pact")]),
        ("The pact was an encouraging sign, the minister said.", [("encouraging", 1, "The pact")]),
    ],
)
def test_an_adjective_before_a_predicate_noun_is_said_of_the_subject(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Borduria supports the rights of Freedonia within its recognized frontiers.",
        "Borduria supports Freedonia's sovereignty and universally recognized frontiers.",
        "Borduria supports the rights of Freedonia within the widely accepted frontiers.",
    ],
)
def test_a_participle_after_a_determiner_is_a_modifier_not_a_cue(text: str) -> None:
    cues = [cue for cue, _, _ in findings(text)]
    assert cues[0] == "supports"
    assert not {"recognized", "accepted"} & set(cues)


@pytest.mark.parametrize(
    "text",
    [
        "Borduria has formally recognized Ruritania.",
        "The states that recognized Ruritania met in Borduria.",
    ],
)
def test_a_participle_after_an_auxiliary_or_a_relative_is_a_verb(text: str) -> None:
    assert [(cue, pol) for cue, pol, _ in findings(text)] == [("recognized", 1)]


def test_the_negation_stays_in_its_clause() -> None:
    got = findings("Borduria has not changed its view, but it welcomes the vote in Ruritania.")
    assert got == [("welcomes", 1, "the vote in Ruritania")]


def polarities(text: str) -> list[tuple[str, int, str | None]]:
    tokens = parsed(text)
    found = find_stances(tokens, load_stance_lexicon(), (0, len(tokens)))
    return [(f.entry.label, f.polarity, f.negator) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negating determiner on the subject negates its predicate
        ("No state recognizes the vote in Ruritania.", [("recognizes", -1, "no")]),
        # a negation inside a relative clause does not reach the main verb
        (
            "Borduria, which did not send observers, recognizes the vote in Ruritania.",
            [("recognizes", 1, None)],
        ),
        # nor across a finite complement clause
        ("Borduria does not doubt that it will recognize the vote in Ruritania.", [("recognize", 1, None)]),
        # each conjunct verb keeps its own negation
        (
            "Borduria recognized the vote in Ruritania and did not condemn it.",
            [("recognized", 1, None), ("condemn", 1, "not")],
        ),
        # a particle on an adverb negates the adverb's verb
        ("Borduria will no longer recognize the council in Ruritania.", [("recognize", -1, "no")]),
        ("Borduria no longer backs the junta in Ruritania.", [("backs", -1, "no")]),
    ],
)
def test_negation_reaches_by_the_parse(text: str, expected: list[tuple[str, int, str | None]]) -> None:
    assert polarities(text) == expected


def test_an_evaluative_adjective_applies_to_the_noun_it_qualifies() -> None:
    tokens = parsed(
        "Freedonia warned that the illegitimate council of Ruritania, which met on Monday, would fail."
    )
    (f,) = find_stances(tokens, load_stance_lexicon(), (0, len(tokens)))
    assert (f.entry.label, f.polarity, f.role) == ("illegitimate", -1, "attributive")
    assert " ".join(t.text for t in tokens[slice(*f.target)]) == "the illegitimate council of Ruritania"


@pytest.mark.parametrize(
    "text",
    [
        "Our requirements to recognise Ruritania as a sovereign nation are still not fulfilled, the envoy added.",
        "The time to recognize Ruritania has not come yet.",
    ],
)
def test_the_infinitive_of_a_negated_prospect_is_withheld(text: str) -> None:
    # what has not yet come to pass is no position: a stance verb in it says nothing either way
    (got,) = findings(text)
    assert got[0].startswith("recogni") and got[1] == 0
    assert got[2].startswith("Ruritania")


def test_the_object_of_a_verb_stays_in_its_own_clause() -> None:
    # the object of an infinitive ends where its clause ends, not at the next verb of the sentence
    got = findings("Our requirements to recognise Ruritania as a sovereign nation are still not fulfilled.")
    assert got == [("recognise", 0, "Ruritania as a sovereign nation")]
    assert findings("Borduria recognizes the elections held in Ruritania on Sunday.") == [
        ("recognizes", 1, "the elections held in Ruritania on Sunday")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Borduria hopes to settle the dispute over fishing rights during talks in Ruritania.",
            [("hopes", 1, "settle the dispute over fishing rights")],
        ),
        (
            "Ruritania backed the proposal despite objections from the opposition.",
            [("backed", 1, "the proposal")],
        ),
    ],
)
def test_a_phrase_of_time_or_concession_on_the_verb_is_not_the_object(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    # it tells when, or in spite of what, the act is done: not what it is about
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Borduria rejected criticism of the levy on Ruritanian grain.",
            [("rejected", 1, "the levy on Ruritanian grain")],
        ),
        (
            "Borduria dismissed concerns about the levy on Ruritanian grain.",
            [("dismissed", 1, "the levy on Ruritanian grain")],
        ),
        (
            "Borduria welcomed opposition to the levy on Ruritanian grain.",
            [("welcomed", -1, "the levy on Ruritanian grain")],
        ),
        (
            "Borduria condemned the recognition of the council in Ruritania.",
            [("condemned", -1, "the council in Ruritania")],
        ),
    ],
)
def test_a_stance_toward_a_stance_is_one_toward_what_it_is_about(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Borduria backed the levy amid growing concerns about its cost.", [("backed", 1, "the levy")]),
        ("Borduria signed the accord despite criticism of its terms.", []),
    ],
)
def test_a_stance_noun_in_a_phrase_of_time_or_concession_is_the_setting_not_a_position(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    # the reporter's setting of the act ("amid concerns"), not what its doer holds
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Bordurian envoy said it had worked for years to avoid their transfer to Ruritania.",
            [("avoid", -1, "their transfer to Ruritania")],
        ),
        ("Borduria blocked the resolution on Ruritania.", [("blocked", -1, "the resolution on Ruritania")]),
        (
            "Borduria did not block the resolution on Ruritania.",
            [("block", 1, "the resolution on Ruritania")],
        ),
    ],
)
def test_hindering_something_opposes_it(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'Borduria raised what its envoy called "an outrageous levy" on Ruritanian grain.',
        'Borduria raised what the envoy said was "an outrageous levy" on Ruritanian grain.',
    ],
)
def test_an_adjective_said_of_a_free_relative_judges_its_own_noun(text: str) -> None:
    # "what" only stands in for the thing; the noun the adjective qualifies names it
    ((cue, polarity, target),) = findings(text)
    assert (cue, polarity) == ("outrageous", -1) and target.startswith("an outrageous levy")


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        # a quoted noun is a label the speaker will not own
        ("Borduria will not take part in the “referendum” in Ruritania.", True),
        # a quoted phrase, verb or adjective is the speaker's own wording, quoted by the reporter
        ("Borduria said it would keep up “steady pressure” on Ruritania.", False),
        ("The minister said he was “minded” to sign the accord with Ruritania.", False),
    ],
)
def test_scare_quotes_are_a_quoted_noun(text: str, scare: bool) -> None:
    frames = [f for f in findings(text) if f[0] == "'…'"]
    assert bool(frames) is scare


def test_a_strong_evaluative_adjective_judges_its_subject() -> None:
    # the strong adjectives of VADER that WordNet knows only as adjectives
    assert findings("The new levies on copper are outrageous.") == [
        ("outrageous", -1, "The new levies on copper")
    ]
    assert findings("The accord on fishing rights is admirable.") == [
        ("admirable", 1, "The accord on fishing rights")
    ]


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        # hesitation leaves the stance after it unsaid
        ("Borduria showed some reluctance to endorse the accord in full.", 0),
        ("Borduria is hesitant to recognize Ruritania.", 0),
        # denied hesitation is no hesitation
        ("Borduria did not hesitate to condemn the accord.", -1),
    ],
)
def test_hesitation_withholds_a_position(text: str, polarity: int) -> None:
    (got,) = findings(text)
    assert got[1] == polarity


def test_rebuttal_and_unfounded_claims() -> None:
    assert findings("Borduria rebutted the charges from Ruritania.") == [
        ("rebutted", -1, "the charges from Ruritania")
    ]
    assert findings("The charges from Ruritania are unfounded.") == [
        ("unfounded", -1, "The charges from Ruritania")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Borduria is deeply disappointed by the verdict against Berg.",
            ("disappointed by", -1, "the verdict against Berg"),
        ),
        (
            "Borduria was alarmed by the missile tests of Ruritania.",
            ("alarmed by", -1, "the missile tests of Ruritania"),
        ),
        (
            "Borduria is pleased with the accord on fishing rights.",
            ("pleased with", 1, "the accord on fishing rights"),
        ),
    ],
)
def test_reactions_of_feeling_with_their_object(text: str, expected: tuple[str, int, str]) -> None:
    assert findings(text) == [expected]


def test_what_someone_is_urged_to_do_is_the_object_cue_and_all() -> None:
    got = findings("The council urged both parties to agree to a timetable for the vote in Ruritania.")
    assert got[0] == ("urged", 1, "both parties to agree to a timetable for the vote in Ruritania")
