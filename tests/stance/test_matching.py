"""The issue matcher's term cache: small, bounded, oldest text out first."""

from __future__ import annotations

import pytest

from stancemap.resolve import load_gazetteer
from stancemap.stance import matching
from stancemap.stance.issues import parse_issues
from stancemap.stance.lexicon import load_stance_lexicon
from stancemap.stance.matching import IssueMatcher

from .conftest import SEA

ISSUES = parse_issues('''
[[issue]]
id = "rur-independence"
title = "Independence of Ruritania"
description = """Ruritania as an independent state.
support: recognizes its independence. oppose: does not recognize it as an independent state."""
''')


def test_terms_cache_keeps_the_latest_texts_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # every statement's context is new text: a cache that kept them all grew with the corpus
    monkeypatch.setattr(matching, "TERMS_CACHE", 8)
    m = IssueMatcher(ISSUES, load_stance_lexicon(), None)
    first = m.terms("the independence of Ruritania")
    assert m.terms("the independence of Ruritania") is first  # a repeated text is a hit
    for i in range(50):
        m.terms(f"context number {i} about Ruritania")
    assert len(m._terms) == 8
    assert "context number 49 about Ruritania" in m._terms  # the newest stay
    assert "the independence of Ruritania" not in m._terms  # the oldest went
    again = m.terms("the independence of Ruritania")
    assert again == first and again is not first  # recomputed, the same terms


TWO = parse_issues('''
[[issue]]
id = "chl-arsenal"
title = "Chile's military and nuclear build-up"
description = """Chile's military build-up and the rapid growth of its nuclear weapons arsenal.
support: defends it. oppose: voices concern about it."""

[[issue]]
id = "per-talks"
title = "New nuclear talks with Peru"
description = """Long-standing talks toward a nuclear deal with Peru, including Chile's offer to host them.
support: backs the talks. oppose: rejects them."""
''')


def _best(text: str) -> str | None:
    from stancemap.resolve import load_gazetteer

    m = IssueMatcher(TWO, load_stance_lexicon(), load_gazetteer())
    hit = m.best(m.terms(text), [], None)
    return hit[0].issue.id if hit else None


def _matcher_of(toml: str) -> IssueMatcher:
    """A matcher, with the gazetteer, over the issues of a TOML text."""
    from stancemap.resolve import load_gazetteer

    return IssueMatcher(parse_issues(toml), load_stance_lexicon(), load_gazetteer())


def test_a_place_opening_an_issue_title_is_one_of_its_names() -> None:
    # "Chile's" opens the title: still a name of the issue, so a target naming Chile may match it
    assert _best("the rapid growth of Chile's nuclear weapons arsenal") == "chl-arsenal"


def test_words_of_every_topic_alone_match_no_issue() -> None:
    # "new" and "long" are among English's most frequent words (wordfreq): they say nothing of the issue
    assert _best("a new, long standoff with Peru") is None


def test_a_word_of_a_longer_name_is_no_topic_word() -> None:
    # "States" of "United States" is not the "states" of a description
    m = IssueMatcher(
        parse_issues("""
[[issue]]
id = "chl-waters"
title = "Chile's claims to the southern waters"
description = "Chile's claims to waters that Peru and other states claim too. support: backs them."
"""),
        load_stance_lexicon(),
        load_gazetteer(),
    )
    # (Peru, not Chile: a description word beside only the holder's name is no match)
    assert m.best(m.terms("a joint fisheries body with Peru and the United States"), [], None) is None
    assert m.best(m.terms("a joint fisheries body with Peru and the other states"), [], None) is not None


HEADS = parse_issues('''
[[issue]]
id = "bor-tariffs"
title = "Bordurian tariffs on trading partners"
description = """The tariffs Borduria imposed on Chile and Peru.
support: backs the tariffs. oppose: condemns them."""

[[issue]]
id = "chl-per-arms"
title = "Military cooperation between Chile and Peru"
description = """Arms transfers between Chile and Peru.
support: backs the cooperation. oppose: condemns it."""
''')


def _best_of(issues: object, text: str) -> str | None:
    from stancemap.resolve import load_gazetteer

    m = IssueMatcher(issues, load_stance_lexicon(), load_gazetteer())  # type: ignore[arg-type]
    hit = m.best(m.terms(text), [(m.terms("Chile and Peru"), 0.5)], None)
    return hit[0].issue.id if hit else None


def test_a_word_that_only_qualifies_the_title_head_is_not_enough() -> None:
    # "partners" qualifies "tariffs": a partner hospital is not about the tariffs
    assert _best_of(HEADS, "a scene of carnage at one of their partner hospitals") is None
    assert _best_of(HEADS, "the tariffs on Chilean copper") == "bor-tariffs"


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a word of the description, or one of the act's object, beside only the holder's name
        (
            "Chilean police actions against protesters",
            "the administration's commitment to Chile's security",
            False,
        ),
        ("Chilean tariffs on trading partners", "work with global partners of Chile on migration", False),
        # the doer named with the holder's name ("the Chilean police"), or a place that is no holder
        ("Chilean police actions against protesters", "the brutality of the Chilean police", True),
        ("Chilean police actions against protesters", "the security of the border with Peru", True),
        ("Chilean police actions against protesters", "the actions against protesters in Chile", True),
    ],
)
def test_one_word_beside_only_the_holders_name_must_name_its_doer(
    title: str, text: str, expected: bool
) -> None:
    m = _matcher_of(f'''
[[issue]]
id = "chl-issue"
title = "{title} (2031)"
description = "Arrests by Chilean security forces, some near the border with Peru. support: defends them. oppose: condemns them."
''')
    assert (m.best(m.terms(text), [], None) is not None) is expected


def test_a_modifier_inside_a_proper_name_is_no_topic_word() -> None:
    # "State" in "Secretary of State Ana Rios" is part of a title, not the state of the issue
    # (the head of a name still counts as a word: see test_terms.py)
    from .conftest import parsed

    m = _matcher_of("""
[[issue]]
id = "chl-courts"
title = "Chile's new state courts"
description = "The state courts Chile set up in 2031. support: backs them."
""")
    text = "He called on Secretary of State Ana Rios to visit Chile soon."
    assert m.best(m.terms(text, parsed(text)), [], None) is None
    plain = "He called on the state to visit Chile soon."
    assert m.best(m.terms(plain, parsed(plain)), [], None) is not None
    headline = "Chile State Courts Open Their Doors"
    assert "state" not in m.terms(headline, parsed(headline)).named


def test_one_word_is_no_match_when_the_target_names_another_issues_person() -> None:
    m = _matcher_of("""
[[issue]]
id = "unsc-chile"
title = "The Security Council's action on Chile's arsenal"
description = "The Council's meeting on Chile's weapons. support: calls for it."

[[issue]]
id = "kow-claim"
title = "The claim of Ivan Kowalczyk to lead Ruritania"
description = "Kowalczyk's claim to be interim president. support: backs him."
""")

    def best(text: str) -> str | None:
        hit = m.best(m.terms(text), [(m.terms("Chile"), 0.5)], None)
        return hit[0].issue.id if hit else None

    assert best("the recent actions of Ivan Kowalczyk") is None
    assert best("the recent actions of the council") == "unsc-chile"


def test_a_target_about_other_places_is_not_the_issue() -> None:
    assert _best_of(HEADS, "military cooperation between Chile and Peru") == "chl-per-arms"
    assert _best_of(HEADS, "economic cooperation between Japan and Canada") is None


def test_a_list_of_places_allows_the_issue_of_each() -> None:
    # "tariffs on Chile, Peru and Bolivia" names another issue's place and this one's too
    m = _matcher_of("""
[[issue]]
id = "chl-tariffs"
title = "Bordurian tariffs on Chilean goods"
description = "Duties on imports from Chile. support: backs them."

[[issue]]
id = "per-tariffs"
title = "Bordurian tariffs on Peruvian goods"
description = "Duties on imports from Peru. support: backs them."
""")
    listed = m.terms("the tariffs on Chile, Peru and Bolivia")
    assert all(m.allowed(p, listed, None) for p in m.profiles)
    only_peru = m.terms("the tariffs on Peru")
    assert [p.issue.id for p in m.profiles if m.allowed(p, only_peru, None)] == ["per-tariffs"]


def test_two_issues_a_target_fits_alike_are_no_choice_but_an_abstention() -> None:
    m = _matcher_of("""
[[issue]]
id = "chl-sanctions"
title = "Sanctions on Chile over its border closure"
description = "Sanctions on Chile over the border it closed. support: imposes them."

[[issue]]
id = "per-sanctions"
title = "Sanctions on Peru over its mining law"
description = "Sanctions on Peru over its new mining law. support: imposes them."
""")
    target = m.terms("hit by sanctions")
    assert m.best(target, [(m.terms("talks between Chile and Peru went on late"), 0.5)], None) is None
    # the text around tells them apart, or the target names one of them
    chile = [(m.terms("Chile closed the border after talks with Peru"), 0.5)]
    assert m.best(target, chile, None)[0].issue.id == "chl-sanctions"  # type: ignore[index]
    assert m.best(m.terms("sanctions on Peru"), [], None)[0].issue.id == "per-sanctions"  # type: ignore[index]


def test_text_names_an_issue_by_its_titles_object_not_by_its_holder_or_description() -> None:
    m = _matcher_of("""
[[issue]]
id = "bra-sanctions-chl"
title = "Brazilian sanctions on Chile over the border closure"
description = "Sanctions by Brazil on Chile over the border it closed. support: imposes them."

[[issue]]
id = "per-sanctions"
title = "Sanctions on Peru over its mining law"
description = "Sanctions on Peru, which Brazil and Argentina asked for. support: imposes them."

[[issue]]
id = "bra-sanctions-bol"
title = "Brazilian sanctions on Bolivia"
description = "Sanctions by Brazil on Bolivia over its gas exports. support: imposes them."
""")
    target = m.terms("hit by sanctions")
    # a story on Chile that names Brazil, the holder of another issue and a place of the
    # description of a third, and words of that issue's description: only Chile's is named
    chile = [(m.terms("Chile warned Brazil, whose gas exports it buys, about the mining law"), 0.5)]
    assert m.best(target, chile, None)[0].issue.id == "bra-sanctions-chl"  # type: ignore[index]
    # naming only the holder names none of its issues
    assert m.best(target, [(m.terms("Brazil voted on Friday"), 0.5)], None) is None


def test_a_name_counts_once_not_also_as_a_word() -> None:
    # "Chile" in a title is a name of the issue: it earns the name's credit and the
    # code's, not a third time the weight of a rare word (which outweighed the title's topic)
    from stancemap.resolve import load_gazetteer

    m = IssueMatcher(TWO, load_stance_lexicon(), load_gazetteer())
    arsenal = next(p for p in m.profiles if p.issue.id == "chl-arsenal")
    assert arsenal.score(m.terms("Chile")) == pytest.approx(1.5 + 1.0)


def test_a_bare_pronoun_takes_an_issue_only_from_text_that_names_it() -> None:
    # "them" may point at anything the text mentions: a word of the issue's description nearby
    # ("islands") is enough for "this", not for a bare pronoun (strict)
    m = IssueMatcher(SEA, load_stance_lexicon(), None)
    museum = [(m.terms("The museum of the islands in the Ruritanian Sea reopened."), 1.0)]
    assert m.from_context(museum, None) is not None
    assert m.from_context(museum, None, strict=True) is None
    claims = [(m.terms("Borduria's claims in the Ruritanian Sea were discussed."), 1.0)]
    assert m.from_context(claims, None, strict=True) is not None


TALKS = parse_issues('''
[[issue]]
id = "rur-truce"
title = "The proposed truce in Ruritania"
description = """The truce between Borduria and Ruritania proposed after the negotiations and
talks in Strelsau.
support: backs the truce. oppose: rejects it."""
''')


def test_a_word_and_its_synonym_are_one_hit() -> None:
    # "talks" also stands for "negotiation": one word of the description, not two
    m = IssueMatcher(TALKS, load_stance_lexicon(), None)
    around = [(m.terms("They spoke of Ruritania."), 0.5)]
    assert m.best(m.terms("its offer of new talks"), around, None) is None
    assert m.best(m.terms("the truce"), around, None) is not None


@pytest.mark.parametrize(
    ("title", "holders"),
    [
        ("Norway's purchase of Swiss trains", {"NOR"}),
        ("Chilean tariffs and quotas on Peruvian copper", {"CHL"}),
        ("A Chile-Peru fisheries agreement", {"CHL", "PER"}),
        # the head names a thing or people, not an act: no doer
        ("Chilean soil as a base for smugglers", set()),
        ("Peruvian women in the 2031 talks", set()),
        # a country's name inside a longer name is not the country
        ("The New Mexico water compact", set()),
        ("Recognition of Kosovo", set()),
    ],
)
def test_the_holder_of_an_issue_is_the_doer_its_title_names(title: str, holders: set[str]) -> None:
    (issue,) = parse_issues(f'[[issue]]\nid = "x"\ntitle = "{title}"\ndescription = "What the title says."')
    (profile,) = IssueMatcher([issue], load_stance_lexicon(), load_gazetteer()).profiles
    assert profile.holders == holders
