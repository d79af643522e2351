"""The stance rules of ``attach_claims`` on short sentences (invented places, parsed by the real model)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest

from stancemap.models import Article, Issue, Span, Statement
from stancemap.stance.claims import attach_claims
from stancemap.stance.issues import parse_issues

from .conftest import SEA, parsed_text

ISSUES = parse_issues('''
[[issue]]
id = "rur-vote-2031"
title = "The 2031 elections in Ruritania"
description = """The presidential election held by the de facto authorities of Ruritania on
3 May 2031 and its run-off of 17 May 2031.
support: recognizes them as legitimate. oppose: does not recognize them, condemns them or calls them illegal."""

[[issue]]
id = "rur-vote-2035"
title = "The 2035 elections in Ruritania"
description = """The parliamentary elections held in Ruritania in June 2035.
support: recognizes them. oppose: does not recognize them."""

[[issue]]
id = "fre-vote-2031"
title = "The 2031 elections in Freedonia"
description = """The presidential election held in Freedonia on 10 May 2031.
support: recognizes it. oppose: does not recognize it or condemns it."""

[[issue]]
id = "rur-independence"
title = "Independence of Ruritania"
description = """Ruritania as an independent state.
support: recognizes its independence. oppose: does not recognize it as an independent state."""

[[issue]]
id = "rur-pretender"
title = "Ivan Kowalczyk as interim president of Ruritania"
description = """Kowalczyk's claim to be interim president.
support: recognizes or backs him. oppose: rejects his claim."""

[[issue]]
id = "bor-integrity"
title = "Territorial integrity of Borduria"
description = """The territorial integrity and sovereignty of Borduria within its internationally
recognized borders (which include Ruritania).
support: supports or reaffirms it. oppose: rejects it."""
''')

PUBLISHED = date(2031, 5, 20)


def statement(
    text: str,
    evidence: str | None = None,
    kind: str = "direct",
    published: date | None = PUBLISHED,
    source: str | None = None,
) -> tuple[Article, Statement]:
    """An article holding ``text`` and one statement whose evidence is ``evidence`` (default: all of it)."""
    ev = evidence if evidence is not None else text
    start = text.index(ev)
    src = None
    if source is not None:
        s = text.index(source)
        src = Span(s, s + len(source), source)
    article = Article(name="t.txt", text=text, source="test", published=published)
    st = Statement(
        article="t.txt",
        actor="BOR",
        actor_name="Borduria",
        kind=kind,  # type: ignore[arg-type]
        evidence=Span(start, start + len(ev), ev),
        source=src,
    )
    return article, st


def claims_of(
    text: str,
    issues: Sequence[Issue] = ISSUES,
    use_gazetteer: bool = False,
    actor: str | None = None,
    **kw: object,
) -> dict[str | None, str]:
    """The claims of one statement over ``text`` (see :func:`statement`), by issue, from ``actor``."""
    article, st = statement(text, **kw)  # type: ignore[arg-type]
    if actor is not None:
        st = replace(st, actor=actor)
    (out,) = attach_claims(article, [st], issues, parsed_text(article.text), use_gazetteer=use_gazetteer)
    return {c.issue: c.polarity for c in out.claims}


def issued(claims: dict[str | None, str]) -> dict[str | None, str]:
    """Only the claims matched to an issue."""
    return {k: v for k, v in claims.items() if k}


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Borduria recognizes the elections in Ruritania.", "support"),
        ("Borduria does not recognize the elections in Ruritania.", "oppose"),
        ("Borduria will never recognise the elections in Ruritania.", "oppose"),
        ("Borduria doesn't accept the results of the elections in Ruritania.", "oppose"),
        ("Borduria does not consider the elections in Ruritania legitimate.", "oppose"),
        ("The results of the elections in Ruritania have no legal consequences.", "oppose"),
        ("The elections in Ruritania cannot prejudice the final status of the region.", "oppose"),
        ("Borduria condemns the elections in Ruritania.", "oppose"),
        ("The elections in Ruritania were neither free nor fair.", "oppose"),
        # the negation stays in its clause
        ("We did not hesitate: we welcome the elections in Ruritania.", "support"),
        ("Borduria has not changed its view, but it condemns the elections in Ruritania.", "oppose"),
    ],
)
def test_negation_and_its_scope(text: str, polarity: str) -> None:
    assert claims_of(text) == {"rur-vote-2031": polarity}


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Borduria does not recognize Ruritania as an independent state.", "oppose"),
        ("Borduria has withdrawn its recognition of Ruritania as an independent state.", "oppose"),
        ("The decision to recognize Ruritania as an independent state was premature.", "oppose"),
        ("Borduria backs the independence of Ruritania.", "support"),
    ],
)
def test_recognition_of_a_state(text: str, polarity: str) -> None:
    assert claims_of(text) == {"rur-independence": polarity}


def test_a_name_that_only_places_the_object_is_no_recognition_of_it() -> None:
    # "recognizes Freedonia" is about Freedonia; border posts built in a region of Freedonia are not
    assert claims_of("Borduria does not recognize Freedonia.") == {"fre-vote-2031": "oppose"}
    got = claims_of(
        "Borduria does not recognize the border posts built last week in this region of Freedonia."
    )
    assert "fre-vote-2031" not in got


def test_a_possessed_cue_that_ends_in_a_preposition_is_about_its_object() -> None:
    # "their opposition to X" is about X, not a pointer back to an act named before
    text = "Borduria recognized Ruritania as an independent state. Freedonia reaffirmed its opposition to the elections in Ruritania."
    ev = "Freedonia reaffirmed its opposition to the elections in Ruritania."
    assert claims_of(text, evidence=ev) == {"rur-vote-2031": "oppose"}


def test_stance_words_count_inside_the_evidence_only() -> None:
    text = 'After the sham "elections" in Ruritania, the minister said talks would resume in June.'
    assert claims_of(text, evidence="talks would resume in June") == {}
    assert claims_of('The sham "elections" in Ruritania are a farce.') == {"rur-vote-2031": "oppose"}
    assert claims_of("Ruritania's so-called elections") == {"rur-vote-2031": "oppose"}


def test_a_quoted_fragment_is_read_with_the_reported_clause_that_holds_it() -> None:
    # the sentence runs past "U.S.": the verb of the clause before the quotation is read
    text = 'Borduria said it stood prepared to endorse a U.S. plan to hold "the May elections in Ruritania."'
    got = claims_of(text, evidence="the May elections in Ruritania.", source="Borduria")
    assert got == {"rur-vote-2031": "support"}


@pytest.mark.parametrize(
    "text",
    [
        "The minister will travel to Ruritania next week.",
        "We note that the elections in Ruritania took place on Sunday.",
        "The statement on the elections in Ruritania was published on the ministry's website.",
    ],
)
def test_no_position_no_claim(text: str) -> None:
    assert claims_of(text) == {}


def test_two_claims_in_one_statement() -> None:
    text = (
        "Freedonia reaffirms its support for the territorial integrity of Borduria and does not "
        "recognize the elections held in Ruritania."
    )
    assert claims_of(text) == {"bor-integrity": "support", "rur-vote-2031": "oppose"}


def test_summary_reads_the_whole_sentence() -> None:
    text = (
        "France, Italy and Spain condemned the illegal elections in Ruritania and voiced support "
        "for the territorial integrity of Borduria."
    )
    got = claims_of(
        text, evidence="the illegal elections in Ruritania", kind="summary", source="France, Italy and Spain"
    )
    assert got == {"rur-vote-2031": "oppose", "bor-integrity": "support"}


@pytest.mark.parametrize(
    ("text", "published", "issue"),
    [
        ("Borduria condemns the elections in Freedonia.", PUBLISHED, "fre-vote-2031"),
        ("Borduria condemns the elections in Ruritania.", PUBLISHED, "rur-vote-2031"),
        ("Borduria condemns the 2035 elections in Ruritania.", date(2035, 7, 1), "rur-vote-2035"),
        ("Borduria still condemns the 2031 elections in Ruritania.", date(2035, 7, 1), "rur-vote-2031"),
        ("Borduria condemns the elections in Ruritania.", date(2035, 6, 30), "rur-vote-2035"),
        ("Borduria does not recognize the run-off in Ruritania.", PUBLISHED, "rur-vote-2031"),
        pytest.param(
            "Borduria condemns the second round in Ruritania.",
            PUBLISHED,
            "rur-vote-2031",
            marks=pytest.mark.xfail(
                strict=True,
                reason="WordNet does not map this phrase to the issue's term, and the hand-made synonym that did was fitted to the evaluation articles (issue 14)",
            ),
        ),
    ],
)
def test_issue_chosen_by_place_year_and_date(text: str, published: date, issue: str) -> None:
    assert claims_of(text, published=published) == {issue: "oppose"}


def test_claim_without_issue_keeps_target_and_polarity() -> None:
    article, st = statement("Borduria condemns the flooding of the coastal farms.")
    (out,) = attach_claims(article, [st], ISSUES, parsed_text(article.text), use_gazetteer=False)
    assert [(c.issue, c.polarity, c.target) for c in out.claims] == [
        (None, "oppose", "the flooding of the coastal farms")
    ]


def test_every_claim_says_why() -> None:
    article, st = statement("Borduria will never recognize the elections in Ruritania.")
    (out,) = attach_claims(article, [st], ISSUES, parsed_text(article.text), use_gazetteer=False)
    (claim,) = out.claims
    assert "recognize" in claim.reason and "never" in claim.reason and "elect" in claim.reason
    assert claim.target == "the elections in Ruritania"


def test_same_statements_in_same_order_and_no_issues_all_unmatched() -> None:
    article, s1 = statement("Borduria condemns the elections in Ruritania.", evidence="Borduria condemns")
    _, s2 = statement("Borduria condemns the elections in Ruritania.")
    out = attach_claims(article, [s1, s2], ISSUES, parsed_text(article.text), use_gazetteer=False)
    assert [o.evidence for o in out] == [s1.evidence, s2.evidence]
    assert out[1].claims and out[1].claims[0].issue == "rur-vote-2031"
    (bare,) = attach_claims(article, [s2], [], parsed_text(article.text), use_gazetteer=False)
    assert [(c.issue, c.polarity, c.target) for c in bare.claims] == [
        (None, "oppose", "the elections in Ruritania")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "borders" and "held" are description words of no weight; one word of the description
        # alone, with the issue's place unnamed, is chance
        ("Freedonia condemns the authorities who held the protesters.", {None: "oppose"}),
        ("Freedonia rejects the sovereignty claims of the fishing lobby.", {None: "oppose"}),
        (
            "Borduria's coast guard seized the boats. Freedonia rejects the sovereignty claims of the lobby.",
            {None: "oppose"},
        ),
        # named in the target itself, one description word is enough
        ("Freedonia supports the sovereignty of Borduria.", {"bor-integrity": "support"}),
        # a word of the title is enough
        ("Freedonia supports the territorial integrity and unity of Borduria.", {"bor-integrity": "support"}),
    ],
)
def test_one_description_word_alone_does_not_claim_an_issue(text: str, expected: dict[str, str]) -> None:
    evidence = text.split(". ")[-1]
    assert claims_of(text, evidence=evidence) == expected


def test_support_for_a_person_only_one_issue_names() -> None:
    assert claims_of("Freedonia reaffirmed its support for Kowalczyk.") == {"rur-pretender": "support"}


def test_urging_an_end_to_the_object_opposes_it() -> None:
    text = "Borduria urged the two sides to halt the elections in Ruritania."
    assert claims_of(text) == {"rur-vote-2031": "oppose"}


TRUCE = parse_issues("""
[[issue]]
id = "rur-truce"
title = "The truce in the Ruritania war"
description = "The ten-day truce in the war in Ruritania. support: backs it. oppose: rejects it."
""")


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        ("Borduria urged the two sides to end the truce in Ruritania.", {"rur-truce": "oppose"}),
        # ending the war is no stance against the truce, nor plainly one for it
        ("Borduria urged the two sides to end the war in Ruritania.", {}),
    ],
)
def test_ending_only_what_an_issue_qualifies_claims_no_issue(text: str, issues: dict[str, str]) -> None:
    assert issued(claims_of(text, TRUCE)) == issues


PARTIES = parse_issues("""
[[issue]]
id = "rur-fre-truce"
title = "The truce between Ruritania and Freedonia"
description = "The truce in the border war. support: backs it. oppose: rejects it."

[[issue]]
id = "fre-mining-accord"
title = "The Freedonia mining agreement"
description = "An agreement on mining rights in Freedonia. support: backs it. oppose: rejects it."
""")


def test_the_parties_of_a_relation_are_one_target_not_a_list() -> None:
    # "between A and B" names the two sides of one truce: "B could hold ... if both agree" is no target
    text = (
        "Borduria hopes a truce between Ruritania and Freedonia could hold within days if both sides agree."
    )
    assert issued(claims_of(text, PARTIES)) == {"rur-fre-truce": "support"}


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        # what another state did is its stance, which the speaker only reports
        ("France recognized the elections in Ruritania last week.", {}),
        # what it ought to do is the speaker's own demand
        ("It is now for France to recognize the elections in Ruritania.", {"rur-vote-2031": "support"}),
        ("We recognized the elections in Ruritania last week.", {"rur-vote-2031": "support"}),
    ],
)
def test_another_states_stance_is_not_the_speakers(text: str, issues: dict[str, str]) -> None:
    assert issued(claims_of(text, use_gazetteer=True)) == issues


RADAR = parse_issues("""
[[issue]]
id = "chl-radar"
title = "Chile's purchase of a Peruvian radar system"
description = "Chile's purchase and testing of the Peruvian radar system. support: backs it. oppose: rejects it."
""")


@pytest.mark.parametrize(
    ("said", "issues"),
    [
        ("the system is a grave danger to the region.", {"chl-radar": "oppose"}),
        # a definite noun that is no word of the issue the text names takes up nothing of it
        ("the weather is a grave danger to the region.", {}),
    ],
)
def test_a_definite_noun_takes_up_the_thing_the_text_before_names(said: str, issues: dict[str, str]) -> None:
    text = f"Chile tested its new Peruvian radar system on Monday. Borduria said {said}"
    got = claims_of(text, RADAR, use_gazetteer=True, evidence=said.rstrip("."), kind="indirect")
    assert issued(got) == issues


DUTIES = parse_issues("""
[[issue]]
id = "chl-duties"
title = "Peruvian tariffs on Chilean goods"
description = "Duties Peru put on imports from Chile. support: backs them. oppose: rejects them."

[[issue]]
id = "bol-duties"
title = "Peruvian tariffs on Bolivian goods"
description = "Duties Peru put on imports from Bolivia. support: backs them. oppose: rejects them."
""")


def test_each_name_of_a_list_takes_the_words_before_the_first() -> None:
    # "the new tariffs on Chile and Bolivia" is about the tariffs on Chile and those on Bolivia
    got = claims_of("We condemn the new tariffs on Chile and Bolivia.", DUTIES, use_gazetteer=True)
    assert got == {"chl-duties": "oppose", "bol-duties": "oppose"}


def test_a_holder_speaking_of_its_act_on_several_places_backs_it_on_each() -> None:
    # the doer named ("Peru's president") is no place the tariffs are on
    text = "Peru's president is keeping the new tariffs on Chile and Bolivia in place."
    got = claims_of(text, DUTIES, use_gazetteer=True, actor="PER")
    assert got == {"chl-duties": "support", "bol-duties": "support"}


@pytest.mark.parametrize(
    ("before", "said", "issues"),
    [
        # a reprisal under a condition opposes the condition's issue
        ("Ruritania set the elections for May.", "Borduria will retaliate if the elections in Ruritania go ahead.",
         {"rur-vote-2031": "oppose"}),
        # a condition that names nothing of an issue points back at none
        ("Ruritania set the elections for May.", "Borduria will retaliate if they turn hostile toward it.", {}),
        # a target points back when it opens with a pronoun
        ("Ruritania held the presidential elections on 3 May.", "Borduria firmly rejects them.",
         {"rur-vote-2031": "oppose"}),
        # a pronoun deep in the target is the subject of a clause of its own, pointing at nothing
        ("Ruritania held the presidential elections on 3 May.",
         "Borduria hopes for calm in the region, after what they did on Sunday.", {}),
        # one urged to act is no object: the act is, and it names nothing of the issue
        ("Ruritania held the presidential elections on 3 May.",
         "Borduria called on them to show their skill in growing the economy.", {}),
    ],
)  # fmt: skip
def test_what_a_target_points_back_at(before: str, said: str, issues: dict[str, str]) -> None:
    assert issued(claims_of(f"{before} {said}", evidence=said)) == issues


def test_backing_a_state_by_name_claims_none_of_its_issues() -> None:
    article, st = statement("Borduria supports Ruritania.")
    (out,) = attach_claims(article, [st], ISSUES, parsed_text(article.text), use_gazetteer=True)
    assert all(c.issue is None for c in out.claims)


AID = parse_issues("""
[[issue]]
id = "chl-aid"
title = "Naval support for Chile"
description = "Ships, training and money given to Chile's navy. support: backs it. oppose: rejects it."

[[issue]]
id = "bol-aid"
title = "Arms supplies to Bolivia"
description = "Weapons sent to Bolivia. support: backs them. oppose: rejects them."
""")


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        # the verb is the title's head and its object names the issue's place
        ("Peru will keep supporting Chile in the months ahead.", {"chl-aid": "support"}),
        # the verb alone names no issue, nor does a place whose issue has another head
        ("Peru will keep supporting Bolivia in the months ahead.", {None: "support"}),
    ],
)
def test_a_stance_verb_that_heads_an_issue_title_names_it_with_its_object(
    text: str, issues: dict[str | None, str]
) -> None:
    assert claims_of(text, AID, use_gazetteer=True) == issues


def test_backing_a_person_by_name_claims_the_issue_naming_them() -> None:
    assert claims_of("Borduria voiced its support for Kowalczyk.") == {"rur-pretender": "support"}


NEGATED_DEFINITION = parse_issues('''
[[issue]]
id = "rur-vote"
title = "The vote in Ruritania"
description = """The vote held in Ruritania in 2031.
support: recognizes the vote or accepts its result. oppose: does not recognize the vote or its result,
or condemns it."""
''')


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Borduria does not accept the result of the vote in Ruritania.", "oppose"),
        ("Borduria accepts the result of the vote in Ruritania.", "support"),
        ("Borduria condemns the vote in Ruritania.", "oppose"),
    ],
)
def test_a_definition_that_negates_the_cue_is_read_with_its_negation(text: str, polarity: str) -> None:
    article, st = statement(text)
    (out,) = attach_claims(article, [st], NEGATED_DEFINITION, parsed_text(article.text), use_gazetteer=False)
    assert {c.issue: c.polarity for c in out.claims} == {"rur-vote": polarity}


@pytest.mark.parametrize(
    "text",
    [
        "Borduria will recognize the elections in Ruritania if they are free and fair.",
        "Borduria will not recognize the elections in Ruritania unless observers can attend.",
        "If observers can attend, Borduria will recognize the elections in Ruritania.",
    ],
)
def test_a_stance_under_a_condition_is_neutral(text: str) -> None:
    article, st = statement(text)
    (out,) = attach_claims(article, [st], ISSUES, parsed_text(article.text), use_gazetteer=False)
    assert {c.issue: c.polarity for c in out.claims} == {"rur-vote-2031": "neutral"}
    assert all("under a condition" in c.reason for c in out.claims)


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Borduria dismissed the elections in Ruritania.", "oppose"),
        ("Borduria denied the legitimacy of the elections in Ruritania.", "oppose"),
        ("Borduria warned against the elections in Ruritania.", "oppose"),
        ("Borduria expressed concern about the elections in Ruritania.", "oppose"),
        ("Borduria is deeply concerned about the elections in Ruritania.", "oppose"),
        ("Borduria hopes the elections in Ruritania will be accepted.", "support"),
        ("Borduria defended the elections in Ruritania.", "support"),
        ("Borduria has agreed to the elections in Ruritania.", "support"),
        ("Borduria congratulated Ruritania on the elections in Ruritania.", "support"),
        ("Borduria called them forged elections in Ruritania.", "oppose"),
        ("Borduria will withhold its recognition of the elections in Ruritania.", "oppose"),
    ],
)
def test_general_stance_verbs_of_news(text: str, polarity: str) -> None:
    # verbs every opinion lexicon and PolNeAR's cues hold (build_stance_words.py CORE)
    assert claims_of(text) == {"rur-vote-2031": polarity}


NEUTRAL = parse_issues('''
[[issue]]
id = "rur-truce"
title = "The Bordurian truce plan for Ruritania"
description = """The truce plan Borduria proposed for Ruritania.
support: backs or accepts it. oppose: rejects it.
neutral: supports it only in principle, or raises conditions."""
''')


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Freedonia supports the truce plan for Ruritania.", "support"),
        ("Freedonia supports the truce plan for Ruritania in principle.", "neutral"),
        ("Freedonia rejects the truce plan for Ruritania.", "oppose"),
    ],
)
def test_the_issues_own_neutral_line_qualifies_a_position(text: str, polarity: str) -> None:
    article, st = statement(text)
    (out,) = attach_claims(article, [st], NEUTRAL, parsed_text(article.text), use_gazetteer=False)
    assert {c.issue: c.polarity for c in out.claims} == {"rur-truce": polarity}


def test_declining_to_comment_on_an_issue_is_neutral() -> None:
    text = "Freedonia declined to comment on the elections in Ruritania."
    assert claims_of(text) == {"rur-vote-2031": "neutral"}
    assert claims_of("Freedonia had no comment about the elections in Ruritania.") == {
        "rur-vote-2031": "neutral"
    }


def test_a_particle_is_not_the_verb_it_spells() -> None:
    # "back" the particle ("hand it back") is not "back" the verb (to support)
    assert claims_of("Borduria will hand the disputed villages back to Ruritania's new government.") == {}
    assert claims_of("Borduria will back Kowalczyk.") == {"rur-pretender": "support"}


BAN = parse_issues('''
[[issue]]
id = "rur-envoy-ban"
title = "Ruritania's ban on the envoy Anna Berg"
description = """The decision of Ruritania to bar the envoy Anna Berg from entering the country.
support: defends the ban. oppose: criticizes the ban, calls it a provocation, or calls for it
to be lifted."""
''')


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        # the oppose line already ends the object: the target's ending is not counted twice
        ("Borduria called on Ruritania to lift the ban on the envoy Anna Berg.", "oppose"),
        ("Borduria urged Ruritania to reverse the ban on the envoy Anna Berg.", "oppose"),
        ("Borduria defends the ban on the envoy Anna Berg.", "support"),
        # "calls for" is not the "calls it a provocation" of the definition
        ("Borduria calls for an end to the ban on the envoy Anna Berg.", "oppose"),
    ],
)
def test_ending_the_object_in_the_statement_and_in_the_definition(text: str, polarity: str) -> None:
    article, st = statement(text)
    (out,) = attach_claims(article, [st], BAN, parsed_text(article.text), use_gazetteer=False)
    assert {c.issue: c.polarity for c in out.claims} == {"rur-envoy-ban": polarity}


def test_a_name_with_states_in_it_is_not_other_states() -> None:
    # "other states would recognize it" reports others; "the United States" is one state
    assert claims_of("The United States recognizes the elections in Ruritania.") == {
        "rur-vote-2031": "support"
    }
    assert claims_of("Other states will recognize the elections in Ruritania.") == {
        "rur-vote-2031": "neutral"
    }


def test_the_speakers_own_group_is_not_other_states() -> None:
    text = "The allied nations reaffirmed their support for the elections in Ruritania."
    assert claims_of(text, source="The allied nations") == {"rur-vote-2031": "support"}


def two_statements(text: str, first: str, second: str) -> dict[str, dict[str | None, str]]:
    """The claims of two statements of one article, by actor (Borduria's first, France's second)."""
    article = Article(name="t.txt", text=text, source="test", published=PUBLISHED)
    sts = []
    for actor, ev in (("BOR", first), ("FRA", second)):
        start = text.index(ev)
        sts.append(
            Statement(
                article="t.txt",
                actor=actor,
                actor_name=actor,
                kind="indirect",
                evidence=Span(start, start + len(ev), ev),
            )  # fmt: skip
        )
    out = attach_claims(article, sts, ISSUES, parsed_text(text), use_gazetteer=False)
    return {st.actor: {c.issue: c.polarity for c in st.claims} for st in out}


@pytest.mark.parametrize(
    ("text", "first", "second", "polarity"),
    [
        (
            "Borduria recognized Ruritania as an independent state. France condemned the move.",
            "recognized Ruritania as an independent state",
            "condemned the move",
            "oppose",
        ),
        (
            "Borduria does not recognize the elections in Ruritania. France welcomed this decision.",
            "does not recognize the elections in Ruritania",
            "welcomed this decision",
            "oppose",
        ),
        (
            "Borduria does not recognize the elections in Ruritania. France criticized the step.",
            "does not recognize the elections in Ruritania",
            "criticized the step",
            "support",
        ),
    ],
)
def test_the_move_takes_up_the_act_before_it(text: str, first: str, second: str, polarity: str) -> None:
    # condemning a recognition opposes what was recognized; welcoming a refusal opposes it too
    got = two_statements(text, first, second)
    (issue,) = got["BOR"]
    assert got["FRA"] == {issue: polarity}


def test_an_act_noun_with_no_claim_before_it_points_at_the_text_before() -> None:
    # nobody's claim precedes "the call", but the sentence before names what was called
    text = (
        "The opposition in Ruritania called for an independent state of its own on Monday. "
        "Borduria also backed the call."
    )
    assert claims_of(text, evidence="Borduria also backed the call.") == {"rur-independence": "support"}
    # "a call" is a new one, not the one before
    got = claims_of(text.replace("the call", "a call"), evidence="Borduria also backed a call.")
    assert "rur-independence" not in got


def test_a_new_act_is_not_taken_up() -> None:
    text = "Borduria recognized Ruritania as an independent state. France condemned a move by Freedonia."
    got = two_statements(
        text, "recognized Ruritania as an independent state", "condemned a move by Freedonia"
    )
    assert "rur-independence" not in got["FRA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Freedonia rejects Borduria's claims in the Ruritanian Sea.", {"bor-sea-claims": "oppose"}),
        # "claims that ..." says something: it is no claim to waters
        (
            "Both Freedonia and Borduria reject claims that their joint mines are depriving "
            "Ruritanian fishermen of their share in the sea's wealth.",
            {},
        ),
    ],
)
def test_a_noun_that_opens_a_content_clause_names_no_issue(text: str, expected: dict[str, str]) -> None:
    article, st = statement(text)
    (out,) = attach_claims(article, [st], SEA, parsed_text(article.text), use_gazetteer=False)
    assert {c.issue: c.polarity for c in out.claims if c.issue} == expected


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Ruritania must immediately drop the ban on the envoy Anna Berg.", "oppose"),
        ("Ruritania needs to lift the ban on the envoy Anna Berg.", "oppose"),
        ("Ruritania should reverse the ban on the envoy Anna Berg.", "oppose"),
    ],
)
def test_demanding_an_end_opposes_what_is_to_end(text: str, polarity: str) -> None:
    article, st = statement(text)
    (out,) = attach_claims(article, [st], BAN, parsed_text(article.text), use_gazetteer=False)
    assert {c.issue: c.polarity for c in out.claims} == {"rur-envoy-ban": polarity}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania had dropped the ban on the envoy Anna Berg.",
        "Ruritania dropped the ban on the envoy Anna Berg.",
    ],
)
def test_an_end_that_happened_is_no_demand(text: str) -> None:
    article, st = statement(text)
    (out,) = attach_claims(article, [st], BAN, parsed_text(article.text), use_gazetteer=False)
    assert {c.issue: c.polarity for c in out.claims if c.issue} == {}


def test_a_verb_of_saying_with_a_clause_names_no_issue_object() -> None:
    # "claimed to have come from X" says something; it is not Borduria's claims to the sea
    text = "Three fishermen from Borduria claimed to have come from the Ruritanian Sea, and Freedonia accepted them."
    article, st = statement(text)
    (out,) = attach_claims(article, [st], SEA, parsed_text(article.text), use_gazetteer=False)
    assert [c.issue for c in out.claims if c.issue] == []


def test_a_stance_noun_in_a_phrase_with_no_target_claims_nothing() -> None:
    # "a lot of hope" is about nothing; "the truce has the backing" is about the truce
    text = "Ruritania recognized the elections in Ruritania. It has given us a lot of hope."
    article, st = statement(text, evidence="It has given us a lot of hope.")
    (out,) = attach_claims(article, [st], ISSUES, parsed_text(article.text), use_gazetteer=False)
    assert [c.issue for c in out.claims if c.issue] == []


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Borduria condemned Freedonia for recognizing the elections in Ruritania.", "oppose"),
        ("Borduria criticized Freedonia for refusing to recognize the elections in Ruritania.", "support"),
        ("Borduria praised Freedonia for recognizing the elections in Ruritania.", "support"),
        # verbs that judge only in this frame: "attacked" alone is no stance
        ("Borduria attacked Freedonia for refusing to recognize the elections in Ruritania.", "support"),
        ("Borduria thanked Freedonia for recognizing the elections in Ruritania.", "support"),
        ("Borduria attacked Freedonia for recognizing the elections in Ruritania.", "oppose"),
    ],
)
def test_a_stance_given_as_the_reason_of_an_evaluation_is_the_evaluations(text: str, polarity: str) -> None:
    assert claims_of(text)["rur-vote-2031"] == polarity


def test_a_verb_that_judges_only_for_a_reason_takes_no_stance_alone() -> None:
    assert claims_of("Borduria attacked the elections in Ruritania.") == {}


TARIFFS = parse_issues('''
[[issue]]
id = "chl-copper-tariffs"
title = "Chilean tariffs on Peruvian copper (2031)"
description = """The tariffs Chile put on copper from Peru in 2031.
support: defends or keeps the tariffs. oppose: criticizes them or calls for their removal."""
''')


def _own_act_claims(text: str, actor: str) -> dict[str | None, str]:
    article, st = statement(text)
    st = replace(st, actor=actor)
    (out,) = attach_claims(article, [st], TARIFFS, parsed_text(article.text))
    return {c.issue: c.polarity for c in out.claims}


def test_an_actor_speaking_plainly_of_its_own_act_backs_it() -> None:
    text = "The tariffs on Peruvian copper will stay in place until June, the minister said."
    assert _own_act_claims(text, "CHL") == {"chl-copper-tariffs": "support"}
    # the same words from another actor say nothing of where it stands
    assert _own_act_claims(text, "PER") == {}


@pytest.mark.parametrize(
    "text",
    [
        "The tariffs on Peruvian copper will not stay in place after June.",  # negated
        "The government will lift the tariffs on Peruvian copper in June.",  # ended
        "A new treaty would make the tariffs on Peruvian copper vanish.",  # ended: gone
        "Will the tariffs on Peruvian copper stay in place after June?",  # asked
        "Copper prices rose by a tenth in June.",  # not the act
    ],
)
def test_an_own_act_is_not_backed_when_the_words_say_otherwise(text: str) -> None:
    assert _own_act_claims(text, "CHL") == {}


def test_an_own_act_is_named_by_a_noun() -> None:
    # the family of the act's word in another part of speech is another word: "close" is not "closure"
    closure = parse_issues('''
[[issue]]
id = "chl-port-closure"
title = "Chile's closing of its ports to Peruvian ships (2031)"
description = """Chile closed its ports to ships from Peru in 2031.
support: closes them or defends the closure. oppose: calls for reopening them."""
''')
    for text, expected in (
        ("The closing of the ports to Peruvian ships will last until June, the minister said.", "support"),
        ("Chile was close to realigning with Peru, the minister said.", None),
    ):
        article, st = statement(text, published=date(2031, 6, 1))
        (out,) = attach_claims(article, [replace(st, actor="CHL")], closure, parsed_text(text))
        assert {c.issue: c.polarity for c in out.claims}.get("chl-port-closure") == expected


MIRROR = parse_issues('''
[[issue]]
id = "chl-copper-tariffs"
title = "Chilean tariffs on Peruvian copper (2031)"
description = """The tariffs Chile put on copper from Peru in 2031.
support: defends the tariffs. oppose: criticizes them."""

[[issue]]
id = "per-copper-tariffs"
title = "Peruvian tariffs on Chilean copper (2031)"
description = """The tariffs Peru put on copper from Chile in 2031.
support: defends the tariffs. oppose: criticizes them."""
''')


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        # the act's possessor says whose act it is, and so which of two mirror issues
        ("Peru's tariffs on Chilean copper are unfair.", "CHL", {"per-copper-tariffs": "oppose"}),
        ("Our tariffs on Peruvian copper are fair.", "CHL", {"chl-copper-tariffs": "support"}),
        ("Our tariffs on Chilean copper are fair.", "PER", {"per-copper-tariffs": "support"}),
        # "their" is the act of the clause's subject, or of the one urged to act
        ("Lima must scrap their unfair tariffs on copper at once.", "CHL", {"per-copper-tariffs": "oppose"}),
        ("Santiago urged Peru to drop its tariffs on copper.", "CHL", {"per-copper-tariffs": "oppose"}),
        # the one a tariff noun phrase is said of
        ("Peru is one of the most unfair tariff nations on copper.", "CHL", {"per-copper-tariffs": "oppose"}),
        # "what" said to be the act is the object of the clause it completes, whose subject did it
        (
            'Chile raised its levies after Peru imposed what the minister said was "an outrageous tariff" on copper.',
            "CHL",
            {"per-copper-tariffs": "oppose"},
        ),
    ],
)
def test_the_doer_of_an_act_chooses_between_mirror_issues(
    text: str, actor: str, expected: dict[str, str]
) -> None:
    article, st = statement(text, published=date(2031, 6, 1))
    st = replace(st, actor=actor)
    (out,) = attach_claims(article, [st], MIRROR, parsed_text(article.text))
    assert {c.issue: c.polarity for c in out.claims} == expected


def test_anothers_act_is_not_the_issue_of_the_holders_act() -> None:
    # with no issue of Peru's tariffs to go to, "Peru's tariffs" are still not Chile's
    one = [i for i in MIRROR if i.id == "chl-copper-tariffs"]
    article, st = statement("Peru's tariffs on Chilean copper are unfair.", published=date(2031, 6, 1))
    (out,) = attach_claims(article, [replace(st, actor="CHL")], one, parsed_text(article.text))
    assert "chl-copper-tariffs" not in {c.issue for c in out.claims}
    article, st = statement("Our tariffs on Peruvian copper are fair.", published=date(2031, 6, 1))
    (out,) = attach_claims(article, [replace(st, actor="CHL")], one, parsed_text(article.text))
    assert {c.issue: c.polarity for c in out.claims} == {"chl-copper-tariffs": "support"}


def test_a_quotation_is_read_with_the_clause_that_frames_it() -> None:
    # no reporting verb or speaker is marked: the words around the quotation still say whose act it is
    text = "The minister insisted that Peru is “an abusive tariff nation on copper.”"
    article, st = statement(text, evidence="an abusive tariff nation on copper.", published=date(2031, 6, 1))
    st = replace(st, actor="CHL")
    (out,) = attach_claims(article, [st], MIRROR, parsed_text(article.text))
    assert {c.issue: c.polarity for c in out.claims} == {"per-copper-tariffs": "oppose"}


def test_a_doer_rejecting_what_it_only_points_at_is_not_against_its_own_act() -> None:
    text = (
        "Peru wants the court to rule on the tariffs on Peruvian copper within a week. "
        "This reckless ploy must be rejected."
    )
    claims = _own_act_claims(text, "CHL")
    assert claims.get("chl-copper-tariffs") != "oppose"
    # another actor rejecting the same words does oppose the act pointed at
    assert _own_act_claims(text, "PER") == {"chl-copper-tariffs": "oppose"}
