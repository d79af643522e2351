"""The article-level speaker model (extract.speakers, extract.discourse) on short invented articles."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from stancemap.config import Settings
from stancemap.extract.pipeline import Extractor
from stancemap.models import Article, Statement


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Settings())


def run(extractor: Extractor, text: str, title: str | None = None) -> list[Statement]:
    article = Article(name="t.txt", text=text, source="t.txt", published=date(2024, 3, 5), title=title)
    return extractor.extract(article)


def actors(got: list[Statement]) -> list[Any]:
    return [(s.actor, s.speaker) for s in got]


def test_a_role_given_once_carries_to_the_surname(extractor: Extractor) -> None:
    text = (
        "Talks on the river dispute resumed in Geneva on Monday.\n\n"
        "Anna Berg, Sweden's envoy to the talks, arrived late.\n\n"
        '"We will not accept any change to the border," Berg said.'
    )
    got = run(extractor, text)
    assert actors(got) == [("SWE", "Anna Berg")]


def test_a_nationality_without_an_office_speaks_for_no_state(extractor: Extractor) -> None:
    text = '"The tariffs will hurt both sides," said Pavel Horak, a Czech economist.'
    got = run(extractor, text)
    assert [s.actor for s in got] == ["PERSON:Pavel Horak"]


def test_an_office_with_a_nationality_speaks_for_the_state(extractor: Extractor) -> None:
    text = '"The tariffs will hurt both sides," said Pavel Horak, a Czech presidential adviser.'
    got = run(extractor, text)
    assert [s.actor for s in got] == ["CZE"]


def test_an_organization_named_after_a_country_is_not_that_country(extractor: Extractor) -> None:
    text = (
        '"The duties are deeply damaging," said Lena Ostrova, head of the Wine Growers Council of Portugal.'
    )
    got = run(extractor, text)
    assert [s.actor for s in got] == ["ORG:Wine Growers Council of Portugal"]


@pytest.mark.parametrize(
    ("descriptor", "actor"),
    [
        # a demonym opening an organization's name does not make it the state's
        ("secretary-general of the Danish Council of Policy Studies", "ORG:Danish Council of Policy Studies"),
        # where it sits is not whom it speaks for
        (
            "deputy head of the Lisbon-based Chilean Institute for Water Law",
            "ORG:Chilean Institute for Water Law",
        ),
    ],
)
def test_a_state_named_inside_an_organizations_name_is_not_its_actor(
    extractor: Extractor, descriptor: str, actor: str
) -> None:
    got = run(extractor, f'"The quota ignores the farmers," said Lena Ostrova, {descriptor}.')
    assert [s.actor for s in got] == [actor]


def test_opposition_lawmakers_speak_for_no_state(extractor: Extractor) -> None:
    text = (
        "Kenya raises park fees\n\n"
        "Parliament voted on Monday to double park fees. Opposition lawmakers called the vote illegal."
    )
    assert [s.actor.startswith("PERSON:") for s in run(extractor, text)] == [True]


def test_an_autonomous_administration_speaks_for_no_state(extractor: Extractor) -> None:
    text = (
        "The Autonomous Administration in northern Chile, a civilian authority allied with the "
        "U.S.-backed militia, rejected the charter on Monday."
    )
    assert [s.actor.startswith(("ORG:", "PERSON:")) for s in run(extractor, text)] == [True]


def test_the_head_of_a_sub_national_government_speaks_for_it(extractor: Extractor) -> None:
    text = '"We will hold our own vote," Milorad Dodik said on Monday.'
    assert [s.actor for s in run(extractor, text)] == ["ORG:Republika Srpska"]


def test_an_outlet_relays_the_states_it_reports(extractor: Extractor) -> None:
    text = "Reuters reported on Tuesday that Chile, Peru and Ecuador had rejected the proposed quota."
    got = run(extractor, text)
    assert sorted(s.actor for s in got) == ["CHL", "ECU", "PER"]
    assert {s.kind for s in got} == {"summary"}


def test_an_outlet_alone_is_never_a_speaker(extractor: Extractor) -> None:
    text = "The quota will be lifted next year, the Daily Courier newspaper reported."
    assert run(extractor, text) == []


def test_a_counted_group_takes_the_list_the_article_gave(extractor: Extractor) -> None:
    text = (
        "Mali, Niger and Chad left the trade bloc in January.\n\n"
        "The three nations said the bloc had failed to protect its members."
    )
    got = run(extractor, text)
    assert sorted(s.actor for s in got) == ["MLI", "NER", "TCD"]


def test_a_capital_as_subject_speaks_for_its_state(extractor: Extractor) -> None:
    got = run(extractor, "Nairobi said the maritime border must follow the coastline.")
    assert [s.actor for s in got] == ["KEN"]


def test_a_state_named_with_a_plural_head_is_the_state(extractor: Extractor) -> None:
    got = run(extractor, "The United States said it would resume the talks.")
    assert [s.actor for s in got] == ["USA"]


def test_the_body_named_by_a_plural_role_is_the_body(extractor: Extractor) -> None:
    got = run(extractor, "G7 foreign ministers said the ceasefire must be unconditional.")
    assert [s.actor for s in got] == ["G7"]


def test_an_office_naming_no_state_belongs_to_the_state_the_article_is_about(extractor: Extractor) -> None:
    text = (
        "Kenya raises park fees\n\n"
        "Park fees will double next year. Amos Kibet, minister of tourism, told parliament that the "
        "money would fund rangers."
    )
    got = run(extractor, text)
    assert actors(got) == [("KEN", "Amos Kibet")]


def test_a_generic_noun_is_no_speaker(extractor: Extractor) -> None:
    text = "The website said the quota would be lifted next year."
    assert all(not s.actor.startswith(("PERSON:", "ORG:")) for s in run(extractor, text))


def test_a_role_noun_resolves_to_the_person_holding_it(extractor: Extractor) -> None:
    text = (
        "Sweden's ambassador, Anna Berg, arrived in the capital on Monday.\n\n"
        "Sweden's ambassador said the border could not be changed by force."
    )
    got = run(extractor, text)
    assert actors(got) == [("SWE", "Anna Berg")]


def test_an_office_at_a_company_speaks_for_the_company(extractor: Extractor) -> None:
    text = (
        "Chile raises copper royalties\n\n"
        '"The new royalty will cost jobs," said Pedro Soto, a spokesman for Andes Copper Mining Ltd.'
    )
    got = run(extractor, text)
    assert [s.actor for s in got] == ["ORG:Andes Copper Mining Ltd."]


def test_an_office_or_organ_naming_no_state_is_the_quoted_states(extractor: Extractor) -> None:
    text = (
        "Chile's foreign minister Ana Rojas said on Monday that the quota would stay.\n\n"
        "The trade chief said the talks would resume in June.\n\n"
        "The lower house voted to extend the quota, saying there was no alternative."
    )
    got = run(extractor, text)
    assert [s.actor for s in got] == ["CHL", "CHL", "CHL"]


def test_a_states_envoy_is_the_ambassador_the_article_named(extractor: Extractor) -> None:
    text = (
        "Sweden's ambassador to the United Nations, Anna Berg, spoke first at the meeting.\n\n"
        "Sweden's envoy said the border could not be changed by force."
    )
    got = run(extractor, text)
    assert actors(got)[-1] == ("SWE", "Anna Berg")


def test_a_headline_verb_is_no_part_of_a_name(nlp: Any) -> None:
    from stancemap.extract.discourse import find_mentions
    from stancemap.extract.lexicon import load_lexicon

    text = "Kowalczyk Says Talks Will Resume in May"
    people, _ = find_mentions(nlp(text), load_lexicon())
    assert [text[p.name[0] : p.name[1]] for p in people][:1] == ["Kowalczyk"]


def test_a_special_administrative_region_speaks_as_its_government(extractor: Extractor) -> None:
    text = "Hong Kong authorities on Monday called the new curfew rules lawful and necessary."
    assert [s.actor for s in run(extractor, text)] == ["ORG:Hong Kong government"]
