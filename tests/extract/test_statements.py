"""Statement rules (speaker, actor, date, channel, summaries) on short articles of our own."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from stancemap.extract.boilerplate import BoilerplateIndex
from stancemap.extract.pipeline import Extractor
from stancemap.models import Article, Statement


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    from stancemap.config import Settings

    return Extractor(Settings())


def run(extractor: Extractor, text: str, published: date | None = date(2021, 6, 10)) -> list[Statement]:
    return extractor.extract(Article(name="t.txt", text=text, source="t.txt", published=published))


def brief(st: Statement) -> tuple[Any, ...]:
    return st.actor, st.speaker, st.kind


def test_apposition_title_gives_speaker_and_actor(extractor: Extractor) -> None:
    got = run(
        extractor, "Moldova will not recognize the vote, Moldovan Foreign Ministry spokesman Ion Rusu said."
    )
    assert [brief(s) for s in got] == [("MDA", "Ion Rusu", "indirect")]
    assert got[0].speaker_title and "spokesman" in got[0].speaker_title.lower()


def test_pronoun_and_last_name_refer_back(extractor: Extractor) -> None:
    text = (
        "Romania rejects the vote, Romanian Ambassador to Moldova Elena Ionescu said on Tuesday.\n\n"
        '"We call on both sides to talk," Ionescu said.\n\n'
        "She added that the border must be respected."
    )
    got = run(extractor, text)
    assert [brief(s) for s in got] == [
        ("ROU", "Elena Ionescu", "indirect"),
        ("ROU", "Elena Ionescu", "direct"),
        ("ROU", "Elena Ionescu", "indirect"),
    ]
    assert got[0].date == date(2021, 6, 8) and got[0].date_basis == "text"
    assert got[1].date == date(2021, 6, 8) and got[1].date_basis == "earlier"


def test_ambassador_speaks_for_the_sending_state(extractor: Extractor) -> None:
    got = run(extractor, '"The border is not negotiable," the Polish ambassador to Lithuania told reporters.')
    assert got[0].actor == "POL"


def test_nominal_mention_refers_back_to_the_body(extractor: Extractor) -> None:
    text = (
        "The Latvian Foreign Ministry said in a statement on Monday that it condemns the vote.\n\n"
        '"The vote has no legal effect whatsoever," the ministry added.'
    )
    got = run(extractor, text)
    assert [s.actor for s in got] == ["LVA", "LVA"]
    assert got[0].channel == "statement" and got[1].channel == "statement"


def test_summary_gives_one_statement_per_actor(extractor: Extractor) -> None:
    got = run(
        extractor, "Several states, including Norway, Chile and Japan, as well as NATO, condemned the vote."
    )
    assert {s.actor for s in got} == {"NOR", "CHL", "JPN", "NATO"}
    assert {s.kind for s in got} == {"summary"}


def test_a_body_and_a_named_person_of_another_actor_speak_each_for_their_own(extractor: Extractor) -> None:
    text = "The Chilean Embassy and EU envoy to Peru Anna Berg said on Monday that they reject the vote."
    got = run(extractor, text)
    assert {brief(s) for s in got} == {("CHL", None, "summary"), ("EU", "Anna Berg", "summary")}
    # one actor's body and its own official are one speaker
    got = run(
        extractor, "The Chilean Embassy and Chilean envoy Anna Berg said on Monday that they reject the vote."
    )
    assert [s.actor for s in got] == ["CHL"]


def test_they_after_a_summary_takes_up_all_its_parties(extractor: Extractor) -> None:
    text = (
        "Norway, Chile and Japan strongly condemned the decision to expel the envoys. "
        "They say it breaks the treaty."
    )
    got = run(extractor, text)
    said = [s for s in got if s.evidence.text.startswith("it breaks")]
    assert {s.actor for s in said} == {"NOR", "CHL", "JPN"} and {s.kind for s in said} == {"summary"}
    # a person named since is the one "they" may point to: no longer the summary's parties
    text = text.replace("They say", "The envoys' lawyer, Anna Berg, spoke to them. They say")
    got = run(extractor, text)
    assert {s.actor for s in got if s.evidence.text.startswith("it breaks")} <= {"PERSON:Anna Berg"}


def test_heading_names_the_speaker_of_a_following_quote(extractor: Extractor) -> None:
    text = (
        "Reactions came from around the world.\n\n"
        "Council of Europe\n\n"
        '"The so-called vote is a violation of international law and changes nothing," the statement reads.'
    )
    got = run(extractor, text)
    assert [s.actor for s in got] == ["COE"]


def test_unknown_speakers_get_person_or_org_codes(extractor: Extractor) -> None:
    got = run(extractor, "Analysts said that the vote would change little on the ground.")
    assert got and got[0].actor.startswith("PERSON:")


def test_channels(extractor: Extractor) -> None:
    text = "Chile does not recognize the result, its foreign minister wrote on Twitter on Sunday."
    got = run(extractor, text)
    assert got[0].channel == "twitter" and got[0].date == date(2021, 6, 6)


def test_date_defaults_to_article_date_and_says_so(extractor: Extractor) -> None:
    got = run(extractor, "Peru rejects the vote, its foreign ministry said.")
    assert got[0].date == date(2021, 6, 10) and got[0].date_basis == "article"
    assert run(extractor, "Peru rejects the vote, its foreign ministry said.", None)[0].date is None


def test_spans_slice_back_to_their_text(extractor: Extractor) -> None:
    text = '"We stand by our partners," the Dutch foreign minister told a news conference on 3 June.'
    for st in run(extractor, text):
        for span in (st.evidence, st.source, st.cue):
            assert span is not None and text[span.start : span.end] == span.text


def test_boilerplate_paragraphs_yield_nothing(extractor: Extractor) -> None:
    background = (
        "The region has been disputed since the 1990s war, the foreign ministry of Freedonia said, "
        "and talks have made little progress since."
    )
    a = Article(name="a", text=f"Chile condemned the vote, its minister said.\n\n{background}", source="a")
    b = Article(name="b", text=f"Peru condemned the vote, its minister said.\n\n{background}", source="b")
    index = BoilerplateIndex(2)
    index.add(a)
    index.add(b)
    results = dict((art.name, sts) for art, sts in extractor.run([a, b], index))
    for sts in results.values():
        assert all(background not in s.evidence.text for s in sts)
        assert len(sts) == 1


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ("Chile rejects the vote, its foreign minister said in a briefing.", "briefing"),
        ("Chile rejects the vote, its foreign minister told a news conference.", "press_conference"),
        ("Chile rejects the vote, its foreign minister wrote on Facebook.", "facebook"),
        (
            "Chile rejects the vote, its foreign minister said in a statement put up on the ministry website.",
            "website",
        ),
        ("Chile rejects the vote, its foreign minister said in a television interview.", "interview"),
        ("Chile rejects the vote, its president said in a phone call with his counterpart.", "other"),
        ("Chile rejects the vote, its president said in a speech to parliament.", "speech"),
        ("Chile rejects the vote, its president wrote in a letter to the council.", "letter"),
    ],
)
def test_channel_vocabulary(extractor: Extractor, sentence: str, channel: str) -> None:
    assert run(extractor, sentence)[0].channel == channel


def test_member_states_are_not_the_organization(extractor: Extractor) -> None:
    got = run(extractor, "Seven EU states said that the vote had no legal effect.")
    assert got and got[0].actor.startswith("ORG:")
    got = run(extractor, "Russian officials said that the vote had been fair.")
    assert got and got[0].actor == "RUS"


def test_experts_and_former_officials_speak_for_no_state(extractor: Extractor) -> None:
    got = run(
        extractor, "The vote changes nothing, said Anna Berg, a Swedish expert at a research institute."
    )
    assert got and got[0].actor == "PERSON:Anna Berg" and got[0].speaker == "Anna Berg"
    got = run(extractor, "A former Chilean ambassador said that the vote changes nothing.")
    assert got and got[0].actor != "CHL"


def test_name_before_an_apposition(extractor: Extractor) -> None:
    text = "Karl Weber, a senior fellow at a think tank, said the talks would fail.\n\nWeber added that both sides were tired."
    got = run(extractor, text)
    assert [s.speaker for s in got] == ["Karl Weber", "Karl Weber"]


def test_a_heading_is_a_paragraph_of_its_own(extractor: Extractor) -> None:
    text = '"We will talk to anyone who wants peace," Weber said. "And we will not stop trying to reach out to all."'
    got = run(extractor, text)
    assert [s.actor for s in got] == [got[0].actor, got[0].actor]


def test_a_speaker_named_once_with_a_channel_keeps_it(extractor: Extractor) -> None:
    text = (
        "Chile rejects the vote, Chilean Foreign Minister Ana Rojas told reporters on Monday.\n\n"
        "Peru welcomed it, Peruvian Foreign Minister Luis Paz said.\n\n"
        '"We will not accept it," Rojas said.\n\n'
        '"This is a good day," Paz said in an interview.'
    )
    got = {(s.speaker, s.evidence.text[:10]): (s.channel, s.date) for s in run(extractor, text)}
    rojas = [v for (who, _), v in got.items() if who == "Ana Rojas"]
    # spec §2: telling an outlet, named or not ("told reporters"), is an interview
    assert rojas and all(v == ("interview", date(2021, 6, 7)) for v in rojas)
    paz = [v for (who, _), v in got.items() if who == "Luis Paz"]
    assert paz and all(v[0] == "interview" for v in paz)


def test_disagreeing_channels_are_not_guessed(extractor: Extractor) -> None:
    text = (
        "Chile rejects the vote, Chilean Foreign Minister Ana Rojas said in a statement.\n\n"
        "Peru welcomed it, Peruvian Foreign Minister Luis Paz said.\n\n"
        '"We will not accept it," Rojas said.\n\n'
        "Rojas later wrote on Twitter that the vote was a farce."
    )
    channels = [s.channel for s in run(extractor, text) if s.speaker == "Ana Rojas"]
    assert channels[0] == "statement" and channels[-1] == "twitter"
    assert None in channels  # the middle quote could be either: left unknown


def test_an_embedded_post_gives_channel_and_day(extractor: Extractor) -> None:
    text = (
        "Lithuanian Foreign Minister Ona Vaitkute said the vote was rigged.\n\n"
        "The vote was rigged. Nobody will recognize it.\n\n"
        "— Ona Vaitkute (@OnaVaitkute) June 8, 2021\n\n"
        "Latvia also rejected the vote, its foreign ministry said."
    )
    (first, *_rest) = [s for s in run(extractor, text) if s.speaker == "Ona Vaitkute"]
    assert (first.channel, first.date, first.date_basis) == ("twitter", date(2021, 6, 8), "text")


@pytest.mark.parametrize("network", ["NBC's Meet the Press", "the BBC", "CNN"])
def test_airtime_on_a_broadcaster_is_an_interview(extractor: Extractor, network: str) -> None:
    got = run(
        extractor, f'"We will never recognize the vote," Chilean President Ana Rojas said on {network}.'
    )
    assert got and got[0].channel == "interview"


def test_a_headline_takes_speaker_channel_and_day_from_the_body(extractor: Extractor) -> None:
    text = (
        "Chile: the vote in the occupied region changes nothing\n\n"
        "The vote changes nothing, Chilean Foreign Minister Ana Rojas told a briefing on Monday."
    )
    head, body = run(extractor, text)[:2]
    assert head.evidence.text.startswith("the vote in the occupied region")
    assert (head.actor, head.speaker, head.channel) == ("CHL", "Ana Rojas", "briefing")
    assert (head.date, head.date_basis) == (body.date, "earlier") == (date(2021, 6, 7), "earlier")


def test_the_nation_refers_back_to_the_state(extractor: Extractor) -> None:
    text = (
        "Chile rejects the vote, Chilean Foreign Minister Ana Rojas said on Monday.\n\n"
        "The vote cannot be recognized, the South American nation said."
    )
    got = run(extractor, text)
    assert [s.actor for s in got] == ["CHL", "CHL"]


def test_an_office_set_before_the_name_speaks_for_the_country_quoted(extractor: Extractor) -> None:
    text = (
        "Chile has withdrawn its recognition of the region, the country said.\n\n"
        '"The decision is final," the deputy foreign minister, Ana Rojas, told reporters on Monday.\n\n'
        "A local analyst, Pedro Soto, said the move was expected."
    )
    got = {s.speaker: s for s in run(extractor, text)}
    assert got["Ana Rojas"].actor == "CHL" and got["Ana Rojas"].speaker_title == "deputy foreign minister"
    assert got["Pedro Soto"].actor.startswith("PERSON:")
    # the country's own undated statement takes the day its official's statement names
    (lead,) = [s for s in got.values() if s.speaker is None]
    assert (lead.date, lead.date_basis) == (date(2021, 6, 7), "earlier")


def test_an_office_with_no_state_quoted_before_speaks_for_the_one_state_its_words_name(
    extractor: Extractor,
) -> None:
    text = "Chile will stay away from the summit in Lima, the foreign minister said on Monday."
    (st,) = run(extractor, text)
    assert (st.actor, st.speaker_title) == ("CHL", "foreign minister")
    # two states named: neither is taken for the minister's
    text = "Chile and Peru will stay away from the summit, the foreign minister said on Monday."
    assert [s.actor for s in run(extractor, text)] == ["PERSON:foreign minister"]


def test_a_definite_description_takes_up_the_organization_named_before(extractor: Extractor) -> None:
    text = (
        "Peru brought the case to the International Court of Justice in 2029.\n\n"
        "Chile said on Monday it would stay away from the hearings.\n\n"
        "The court's president, Judge Maria Olsen, rejected Chile's request for a delay. "
        "The court said the hearings would open on Tuesday."
    )
    got = run(extractor, text)
    assert [s.actor for s in got] == ["CHL", "UN", "UN"]
    assert got[1].speaker == "Maria Olsen"
    # a title is no organization's head: "the president" stays the person's own
    text = "The International Court of Justice met on Monday.\n\nThe president said the hearings would open."
    assert [s.actor for s in run(extractor, text)] != ["UN"]


def test_a_movement_the_entity_model_takes_for_a_person_speaks_for_what_it_governs(
    extractor: Extractor,
) -> None:
    # the entity model tags the movement's name as a PERSON after a demonym
    text = "The Afghan Taliban have rejected Peru's claim that the attack was planned in Kabul."
    assert {s.actor for s in run(extractor, text, published=date(2024, 3, 5))} == {"AFG"}


def test_a_body_owned_through_a_pronoun_speaks_for_the_owners_state(extractor: Extractor) -> None:
    text = (
        "Peruvian Foreign Minister Luis Paz arrived in New York on Monday. "
        'Later his U.N. mission criticized the plan, calling it "a provocation."'
    )
    got = run(extractor, text)
    assert got and {s.actor for s in got} == {"PER"}
    assert all(s.speaker is None for s in got)


def test_a_report_conceded_in_an_adverbial_clause_is_its_own_speakers(extractor: Extractor) -> None:
    text = (
        "Although Chile has said that the new port will serve only fishing fleets, "
        "it gives Peru a foothold in the region, say analysts."
    )
    got = run(extractor, text)
    chile = [s for s in got if s.actor == "CHL"]
    assert [s.evidence.text for s in chile] == ["that the new port will serve only fishing fleets"]


def test_an_introduced_surname_before_a_relative_clause_is_the_speaker(extractor: Extractor) -> None:
    text = (
        "Chilean President Ana Scholz arrived in Lima on Tuesday.\n\n"
        "Scholz, who was chief guest at the celebrations on Wednesday, "
        "said that the countries had agreed to deepen their ties."
    )
    got = run(extractor, text)
    assert [(s.actor, s.speaker) for s in got] == [("CHL", "Ana Scholz")]


JOINT = '"We condemn the attack on the pipeline," said a joint statement issued on Monday by Chile, Peru and Bolivia.\n\n'


def test_a_joint_statement_quoted_on_in_the_next_paragraph_stays_with_all_its_authors(
    extractor: Extractor,
) -> None:
    got = run(extractor, JOINT + '"The attack threatens the whole region," the statement continues.')
    second = [s.actor for s in got if s.evidence.text.startswith("The attack threatens")]
    assert sorted(second) == ["BOL", "CHL", "PER"]


def test_the_document_named_again_speaks_for_its_authors(extractor: Extractor) -> None:
    got = run(extractor, JOINT + "The statement also urged the council to act quickly.")
    urged = [s.actor for s in got if "council" in s.evidence.text]
    assert sorted(urged) == ["BOL", "CHL", "PER"]


def test_a_later_document_of_one_speaker_replaces_the_joint_one(extractor: Extractor) -> None:
    text = JOINT + (
        "In a letter to the United Nations, Peruvian Foreign Minister Luis Paz said the border must stay open. "
        "The letter also urged the council to act quickly."
    )
    got = run(extractor, text)
    urged = [(s.actor, s.kind) for s in got if "council" in s.evidence.text]
    assert urged == [("PER", "indirect")]


SIGNED_AFTER = (
    '"We condemn the attack on the pipeline," the joint statement said.\n\n'
    '"The attack threatens the whole region," the statement continues.\n\n'
)


def test_signatories_listed_after_the_quotations_are_the_authors(extractor: Extractor) -> None:
    got = run(
        extractor,
        SIGNED_AFTER + "The statement was signed by the foreign ministers of Chile, Peru and Bolivia.",
    )
    by_quote = {(s.evidence.text[:10], s.actor) for s in got}
    assert by_quote == {(q, c) for q in ("We condemn", "The attack") for c in ("BOL", "CHL", "PER")}


def test_a_later_list_that_signs_nothing_is_not_the_authors(extractor: Extractor) -> None:
    got = run(extractor, SIGNED_AFTER + "The statement came as Chile, Peru and Bolivia met in Lima.")
    assert not any(s.actor in ("BOL", "CHL", "PER") for s in got)
    assert not any(s.actor.startswith("ORG:") for s in got)  # no "ORG:joint statement" either


def test_a_department_chief_is_the_participant_holding_that_departments_office(extractor: Extractor) -> None:
    text = (
        "U.S. Commerce Secretary Anna Berg met bankers on Monday. Treasury Secretary Tom Lind was also there.\n\n"
        "The Commerce chief later dismissed worries that the new duties would slow growth."
    )
    got = run(extractor, text)
    assert [(s.actor, s.speaker) for s in got] == [("USA", "Anna Berg")]


def test_a_page_label_before_a_colon_is_no_speaker(extractor: Extractor) -> None:
    text = (
        "The Latest: Chile's vote count resumes after a delay in three provinces\n\nBody text about the vote."
    )
    assert run(extractor, text) == []


def test_an_advertisement_or_a_plan_is_no_speaker(extractor: Extractor) -> None:
    assert run(extractor, "The ad says the senator voted twice against the budget.") == []


def test_a_pronoun_after_a_role_that_names_no_one_speaks_for_the_roles_state(extractor: Extractor) -> None:
    text = (
        "Britain's envoy said the report was alarming.\n\n"
        "Peru's ambassador stayed away from the session, but his U.N. delegation rejected the report, "
        "saying that the council was being misused."
    )
    got = run(extractor, text)
    assert [s.actor for s in got if s.evidence.start < text.index("\n")] == ["GBR"]
    later = [s for s in got if s.evidence.start > text.index("\n")]
    assert later and {s.actor for s in later} == {"PER"}


def test_a_role_after_a_name_in_its_paragraph_is_that_person(extractor: Extractor) -> None:
    text = (
        "Peruvian President Ana Garcia said on Sunday that the border would stay open. "
        "The Peruvian leader later told her ministers that she had spoken to the army chiefs."
    )
    got = run(extractor, text)
    assert {(s.actor, s.speaker) for s in got} == {("PER", "Ana Garcia")}
