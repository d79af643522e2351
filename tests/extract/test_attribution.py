"""Attribution rules, each shown on a short sentence of our own, parsed by the real model."""

from __future__ import annotations

from typing import Any

import pytest

from stancemap.extract.attribution import Attribution


def attributions(nlp: Any, text: str) -> list[tuple[str, str, str | None, str | None, bool]]:
    doc = nlp(text)
    out = []
    for d in doc._.sm_attributions:
        a = Attribution.from_dict(d)
        src = text[a.source[0] : a.source[1]] if a.source else None
        cue = text[a.cue[0] : a.cue[1]] if a.cue else None
        out.append((a.kind, text[a.content[0] : a.content[1]], src, cue, a.follows))
    return out


def test_direct_quote_with_trailing_attribution(nlp: Any) -> None:
    got = attributions(nlp, '"We will never accept this outcome," the minister said.')
    assert got == [("direct", "We will never accept this outcome,", "the minister", "said", False)]


def test_direct_quote_with_leading_colon_attribution(nlp: Any) -> None:
    got = attributions(nlp, 'The envoy told reporters: "Our position on the border has not changed at all."')
    assert got[0][:4] == ("direct", "Our position on the border has not changed at all.", "The envoy", "told")


def test_split_quote_second_part_follows(nlp: Any) -> None:
    text = '"We call for restraint," she said. "Both sides must return to the table now."'
    got = attributions(nlp, text)
    assert got[0][:4] == ("direct", "We call for restraint,", "she", "said")
    assert got[1][0] == "direct" and got[1][1] == "Both sides must return to the table now."


def test_quote_without_verb_follows_previous(nlp: Any) -> None:
    text = 'The minister spoke.\n\n"Talks are the only way forward for all of us."'
    got = attributions(nlp, text)
    assert got == [("direct", "Talks are the only way forward for all of us.", None, None, True)]


def test_reported_speech_with_that_clause(nlp: Any) -> None:
    got = attributions(nlp, "The foreign ministry said that the vote had no legal effect.")
    assert got == [("indirect", "that the vote had no legal effect", "The foreign ministry", "said", False)]


def test_reported_speech_inverted(nlp: Any) -> None:
    got = attributions(nlp, "Freedonia does not recognize the result, its president said on Monday.")
    assert got[0][0] == "indirect"
    assert got[0][1].startswith("Freedonia does not recognize the result")
    assert got[0][2] == "its president" and got[0][3] == "said"
    assert len(got) == 1, "the nested position verb is part of the reported content, not another attribution"


def test_position_verb_lead(nlp: Any) -> None:
    got = attributions(nlp, "The alliance has rejected the illegitimate vote held in the region.")
    assert got and got[0][0] == "indirect" and got[0][2] == "The alliance" and got[0][3] == "rejected"
    assert "the illegitimate vote" in got[0][1]


def test_according_to(nlp: Any) -> None:
    got = attributions(nlp, "According to the defence ministry, the troops will stay until May.")
    assert got and got[0][2] == "the defence ministry" and got[0][3] == "According to"
    assert "troops will stay" in got[0][1]


def test_scare_quotes_are_not_statements(nlp: Any) -> None:
    got = attributions(nlp, 'The so-called "elections" were held on Sunday.')
    assert got == []


def test_odd_number_of_quote_marks_does_not_fail(nlp: Any) -> None:
    text = 'He said "we are ready to talk to anyone\n\nThe talks begin on Monday, a spokesman said."'
    got = attributions(nlp, text)
    assert any(kind == "direct" for kind, *_ in got)


def test_relative_clause_subject_is_not_a_speaker(nlp: Any) -> None:
    got = attributions(nlp, "The council passed resolutions that demand the withdrawal of all forces.")
    assert got == []


def test_title_left_outside_subject_joins_the_source(nlp: Any) -> None:
    text = (
        '"We reject this vote," the alliance\'s Deputy Secretary General for Political Affairs '
        "Anna Lindqvist wrote on Monday."
    )
    got = attributions(nlp, text)
    assert got[0][2] is not None and got[0][2].startswith("the alliance's Deputy Secretary General")
    assert got[0][2].endswith("Anna Lindqvist")


def test_noun_cue_statement_that(nlp: Any) -> None:
    text = "The foreign ministry of Freedonia issued a statement that the referendum was illegal."
    got = attributions(nlp, text)
    assert got and got[0][1].startswith("that the referendum was illegal")
    assert got[0][2] == "The foreign ministry of Freedonia" and got[0][3] == "issued"


def test_passive_subject_of_position_verb_is_not_a_speaker(nlp: Any) -> None:
    got = attributions(nlp, "The ministry said that Smith could not be considered the lawful president.")
    assert [g[2] for g in got] == ["The ministry"]


def test_colon_headline(nlp: Any) -> None:
    got = attributions(
        nlp, "Freedonia: the vote in the occupied region is null and void\n\nMore text follows here."
    )
    assert got and got[0][2] == "Freedonia" and got[0][1].startswith("the vote in the occupied region")


def test_colon_headline_below_a_header_line_and_with_a_topic(nlp: Any) -> None:
    text = (
        " date 2021-03-01\n\nChilean minister on the Atrato dam: the project must stop at once\n\nMore text."
    )
    got = attributions(nlp, text)
    assert got and got[0][2] == "Chilean minister" and got[0][1].startswith("the project must stop")


def test_a_dateline_is_not_a_headline_speaker(nlp: Any) -> None:
    got = attributions(nlp, "Santiago March 3 2021: the vote will take place on Sunday in all the regions.")
    assert all(g[2] != "Santiago March 3 2021" for g in got)


def test_colon_after_a_verb_is_not_a_headline(nlp: Any) -> None:
    got = attributions(nlp, "Here is what we know: the vote will take place on Sunday in all regions.")
    assert got == []


def test_members_of_a_coordinated_source(nlp: Any) -> None:
    from stancemap.extract.records import Attribution as Record

    text = "France, Germany and the United Kingdom condemned the vote in the region."
    records = [Record.from_dict(d) for d in nlp(text)._.sm_attributions]
    assert [text[lo:hi] for lo, hi in records[0].members] == ["France", "Germany", "the United Kingdom"]


def test_speaker_of_a_gerund_after_by(nlp: Any) -> None:
    got = attributions(nlp, "Chile split from its allies by saying it could hold back funds.")
    assert got and got[0][2] == "Chile" and got[0][3] == "saying"


def test_to_infinitive_content(nlp: Any) -> None:
    got = attributions(nlp, "The ministers vowed on Friday to impose new sanctions on the regime.")
    assert got and got[0][2] == "The ministers" and "to impose new sanctions" in got[0][1]


def test_inverted_report_the_parser_left_unattached(nlp: Any) -> None:
    text = "The terms for accepting the new country are still unmet, Peru's foreign minister said."
    got = attributions(nlp, text)
    assert got and got[0][2] == "Peru's foreign minister"
    assert got[0][1].startswith("The terms for accepting the new country")


def test_short_quoted_phrase_inside_a_report_is_not_a_quotation(nlp: Any) -> None:
    text = 'The president hailed the vote and recognized the region as "a free and separate country".'
    got = attributions(nlp, text)
    assert got and all(kind == "indirect" for kind, *_ in got)


def test_title_case_headline(nlp: Any) -> None:
    got = attributions(
        nlp, "Chilean Ministry Condemns Sham Vote in Occupied Region\n\nBody text follows here."
    )
    assert got and got[0][2] == "Chilean Ministry" and got[0][3] == "Condemns"


def test_title_case_headline_the_parser_cuts_after_its_first_word(nlp: Any) -> None:
    # the tagger reads the capitals as names and the parser ends a sentence after "Chile"
    text = " date 2031-05-10 By Ana Paz\n\nChile Criticizes Peru over Response to Student Protests\n\n"
    text += "Students marched in three Chilean cities on Monday after clashes in the capital."
    got = attributions(nlp, text)
    assert got and got[0][2] == "Chile" and got[0][3] == "Criticizes"


def test_according_to_inside_a_report_is_kept(nlp: Any) -> None:
    text = "According to her, the talks do not depend on the vote held last month, an agency reports."
    got = attributions(nlp, text)
    assert any(src == "her" and cue == "According to" for _, _, src, cue, _ in got)


def test_position_content_does_not_reach_over_another_clause(nlp: Any) -> None:
    text = "Peru has revoked its recognition of the region, the Andean nation said, a move welcomed by its neighbour."
    got = attributions(nlp, text)
    assert got and got[0][2] == "the Andean nation"
    assert "welcomed" not in got[0][1]


def test_quotation_attributed_by_according_to(nlp: Any) -> None:
    text = '"The vote has no legal effect whatsoever," according to the statement.'
    got = attributions(nlp, text)
    assert got == [
        ("direct", "The vote has no legal effect whatsoever,", "the statement", "according to", False)
    ]


def test_agent_of_an_agentless_report(nlp: Any) -> None:
    text = '"The region belongs to Peru," noted in the text issued by the Andean Secretariat.'
    got = attributions(nlp, text)
    assert got and got[0][0] == "direct" and got[0][2] == "the Andean Secretariat"


def test_an_agency_reporting_is_not_the_speaker(nlp: Any) -> None:
    text = "The Foreign Ministry of Chile considers the referendum illegal, Prensa Latina reports."
    got = attributions(nlp, text)
    assert [g[2] for g in got] == ["The Foreign Ministry of Chile"]
    assert got[0][3] == "considers" and "referendum illegal" in got[0][1]


def test_an_agency_reporting_plain_words_is_still_a_source(nlp: Any) -> None:
    got = attributions(nlp, "The referendum will take place on Sunday, Prensa Latina reports.")
    assert [g[2] for g in got] == ["Prensa Latina"]


def test_a_position_named_by_a_noun(nlp: Any) -> None:
    got = attributions(nlp, "France and Germany are coordinating their support for the exiled leader.")
    assert [(g[2], g[1], g[3]) for g in got] == [
        ("France and Germany", "their support for the exiled leader", "coordinating")
    ]


def test_a_position_received_is_not_taken(nlp: Any) -> None:
    assert attributions(nlp, "Chile won recognition from the council for its reforms.") == []


# --- constructions (extract/data/cue_patterns.json), one invented sentence each ---


def test_np_object_cue_takes_its_object_as_content(nlp: Any) -> None:
    got = attributions(nlp, "Ruritania reiterated its support for the Bordurian peace plan.")
    assert got[0][1:4] == ("its support for the Bordurian peace plan", "Ruritania", "reiterated")


def test_np_object_cue_skips_an_addressee(nlp: Any) -> None:
    # "told reporters": the object is who was told, not what
    assert attributions(nlp, "The Ruritanian minister told reporters in the capital.") == []


def test_np_object_of_saying_that_refers_back_is_no_content(nlp: Any) -> None:
    # "the remarks" point to words given elsewhere; their content is not in this sentence
    assert attributions(nlp, "The Ruritanian minister repeated the remarks at the summit.") == []


def test_position_cue_with_prepositional_object(nlp: Any) -> None:
    got = attributions(nlp, "Borduria voiced concern over the border clashes.")
    assert got[0][1:4] == ("concern over the border clashes", "Borduria", "voiced")
    got = attributions(nlp, "The Ruritanian ministry expressed satisfaction with the outcome of the vote.")
    assert got[0][1:4] == (
        "satisfaction with the outcome of the vote",
        "The Ruritanian ministry",
        "expressed",
    )


def test_light_verb_with_noun_of_saying(nlp: Any) -> None:
    got = attributions(nlp, "The president sent a congratulatory message to the Bordurian leader.")
    assert got[0][1:4] == ("a congratulatory message to the Bordurian leader", "The president", "sent")
    got = attributions(nlp, "Ruritania issued a warning to Borduria over the troops.")
    assert got[0][1:4] == ("a warning to Borduria over the troops", "Ruritania", "issued")


def test_a_noun_of_saying_reports_through_its_own_verb_past_a_time_adverbial(nlp: Any) -> None:
    # the day belongs to the light verb; what was said is the clause of the noun's verb
    text = "The Bordurian cabinet issued a statement Friday saying the ministers are alarmed by the vote."
    got = attributions(nlp, text)
    assert got == [
        ("indirect", "the ministers are alarmed by the vote", "The Bordurian cabinet", "issued", False)
    ]


def test_an_agent_inside_the_reported_clause_is_not_the_speaker(nlp: Any) -> None:
    got = attributions(nlp, "Ruritania issued a statement saying it was deeply troubled by the ruling.")
    assert [g[2] for g in got] == ["Ruritania"]


def test_a_reported_clause_that_runs_on_into_a_quotation_is_reported_too(nlp: Any) -> None:
    text = (
        "The Bordurian envoy told reporters it had spent years trying to prevent their transfer to Ruritania,"
        ' "including by repeatedly offering to take them in ourselves."'
    )
    got = attributions(nlp, text)
    assert ("indirect", "it had spent years trying to prevent their transfer to Ruritania") in [
        g[:2] for g in got
    ]
    assert ("direct", "including by repeatedly offering to take them in ourselves.") in [g[:2] for g in got]
    # a clause whose verb is inside the quotation is the quotation's
    got = attributions(
        nlp,
        'The senator said that for farmers under 20, "the jobless rate is far higher than anyone admits."',
    )
    assert [g[0] for g in got] == ["direct"]


def test_noun_of_saying_drawn_from_its_speaker(nlp: Any) -> None:
    got = attributions(nlp, "The Bordurian decision drew sharp criticism from Ruritania.")
    assert got and got[0][2] == "Ruritania" and got[0][1].startswith("The Bordurian decision drew")


def test_passive_agents_are_the_sources_one_member_each(nlp: Any) -> None:
    text = "The election was not recognized by Ruritania and Borduria."
    doc = nlp(text)
    (a,) = [Attribution.from_dict(d) for d in doc._.sm_attributions]
    assert text[a.content[0] : a.content[1]] == "The election was not recognized"
    assert [text[lo:hi] for lo, hi in a.members] == ["Ruritania", "Borduria"]


def test_relative_clause_speaks_for_its_antecedent(nlp: Any) -> None:
    got = attributions(nlp, "Mr. Lind, who said the vote was rigged, left the capital.")
    assert got[0][1:4] == ("the vote was rigged", "Mr. Lind", "said")


def test_among_those_who_gives_the_listed_parties(nlp: Any) -> None:
    text = "Ruritania, Borduria and Syldavia were among those who condemned the attack."
    doc = nlp(text)
    (a,) = [Attribution.from_dict(d) for d in doc._.sm_attributions]
    assert text[a.content[0] : a.content[1]] == "the attack"
    assert [text[lo:hi] for lo, hi in a.members] == ["Ruritania", "Borduria", "Syldavia"]


def test_report_inserted_in_its_content(nlp: Any) -> None:
    got = attributions(nlp, "The treaty, the minister said, would bring peace to Ruritania.")
    assert got[0][2:4] == ("the minister", "said")
    assert got[0][1].startswith("The treaty") and got[0][1].endswith("peace to Ruritania")


def test_content_clause_parsed_as_adverbial(nlp: Any) -> None:
    got = attributions(nlp, "Anna Berg said after the summit she would not accept the Bordurian offer.")
    assert got[0][2:4] == ("Anna Berg", "said") and got[0][1].endswith("the Bordurian offer")


def test_cataphora_after_a_colon(nlp: Any) -> None:
    got = attributions(nlp, "The Ruritanian minister added: the talks will resume next week in the capital.")
    assert got[0][1:4] == (
        "the talks will resume next week in the capital",
        "The Ruritanian minister",
        "added",
    )
    got = attributions(nlp, "This is what the minister said: the talks will resume next week.")
    assert got[0][2:4] == ("the minister", "said") and got[0][1].startswith("the talks will resume")


def test_put_it_this_way_leads_the_quotation(nlp: Any) -> None:
    got = attributions(nlp, 'Anna Berg put it this way: "We will never accept a border drawn by force."')
    assert got == [("direct", "We will never accept a border drawn by force.", "Anna Berg", "put", False)]


def test_state_in_apposition_to_a_possessed_noun_is_the_speaker(nlp: Any) -> None:
    got = attributions(nlp, "Borduria's ally Ruritania said the vote was illegal.")
    assert got[0][2] == "Ruritania"
    # a person in apposition keeps the title that names the affiliation
    got = attributions(nlp, "Ruritania's president, Anna Berg, said the vote was illegal.")
    assert got[0][2] == "Ruritania's president, Anna Berg"


def test_report_relayed_by_adding_keeps_its_own_speaker(nlp: Any) -> None:
    got = attributions(nlp, "The talks failed, he said, adding that Borduria had rejected the plan.")
    assert ("indirect", "that Borduria had rejected the plan", "he", "adding", False) in got
    assert ("indirect", "the plan", "Borduria", "rejected", False) in got


def test_colon_topic_before_a_report_is_not_a_speaker(nlp: Any) -> None:
    got = attributions(nlp, "Border tensions: Ruritanian officials say the troops have crossed the river.")
    assert [g[2] for g in got] == ["Ruritanian officials"]


def test_fronted_adverbial_is_not_inverted_content(nlp: Any) -> None:
    got = attributions(nlp, "In his latest book, Mr. Lind wrote about the Bordurian border.")
    assert not any(g[1].startswith("In his latest book") for g in got)
    got = attributions(nlp, "The talks have failed, the Ruritanian envoy said.")
    assert got[0][1:3] == ("The talks have failed", "the Ruritanian envoy")


def test_relative_which_speaks_for_a_named_antecedent(nlp: Any) -> None:
    got = attributions(
        nlp, "The talks were backed by the Ruritanian government, which has denied any role in the attack."
    )
    assert ("indirect", "any role in the attack", "the Ruritanian government", "denied", False) in got


def test_quotation_closed_before_a_bare_report_in_the_next_sentence(nlp: Any) -> None:
    text = '"He would be a fine envoy. Not good, fine," Senator Anna Berg (R-Ruritania) said in an interview.'
    got = attributions(nlp, text)
    assert got[0][0] == "direct" and got[0][2] is not None and "Anna Berg" in got[0][2]


def test_relative_which_with_a_position_verb_describes_no_report(nlp: Any) -> None:
    got = attributions(nlp, "The move was welcomed by Syldavia, which opposes statehood for the region.")
    assert not any(g[3] == "opposes" for g in got)


def test_that_clause_hung_on_a_noun_after_the_verb(nlp: Any) -> None:
    text = (
        "In Borduria last week, he told a meeting of regional leaders that few people understood the stakes."
    )
    got = attributions(nlp, text)
    assert got[0][1:4] == ("that few people understood the stakes", "he", "told")
    text = "The Ruritanian minister told reporters during a press briefing that he believes the talks will resume."
    got = attributions(nlp, text)
    assert got[0][1] == "that he believes the talks will resume"


def test_relative_clause_on_an_object_is_not_content(nlp: Any) -> None:
    got = attributions(nlp, "The Ruritanian envoy told reporters about the plan that Borduria proposed.")
    assert not any(g[1].startswith("that Borduria") for g in got)


def test_second_subject_outside_the_quotation_is_the_speaker(nlp: Any) -> None:
    text = "\u201cThe border talks are in trouble. Real trouble,\u201d said Anna Berg, a Ruritanian envoy."
    got = attributions(nlp, text)
    assert got[0][0] == "direct" and got[0][2] is not None and got[0][2].startswith("Anna Berg")


def test_quotation_goes_to_the_bare_cue_and_the_clause_to_the_adding_one(nlp: Any) -> None:
    text = 'In a statement, Ruritania said: "The border is closed for now," adding that talks would resume.'
    got = attributions(nlp, text)
    assert ("direct", "The border is closed for now,", "Ruritania", "said", False) in got
    assert any(g[3] == "adding" and g[1].endswith("talks would resume") for g in got)


def test_content_clause_after_the_verb_wins_over_a_fronted_one(nlp: Any) -> None:
    text = (
        "Writing for a Ruritanian paper that all agreed Borduria won the vote, "
        "Anna Berg noted that the way the envoy carried himself was critical."
    )
    got = attributions(nlp, text)
    assert got[0][1] == "that the way the envoy carried himself was critical"


def test_quoted_title_is_not_a_quotation(nlp: Any) -> None:
    text = 'On Tuesday\'s episode of "The Ruritanian Morning Show," the minister said the border was closed.'
    got = attributions(nlp, text)
    assert [g[:3] for g in got] == [("indirect", "the border was closed", "the minister")]
    # a title-cased quotation after a verb of saying is still reported (as the clause around it)
    got = attributions(nlp, 'The envoy said "We Will Never Accept This Vote In Borduria" on Monday.')
    assert got and got[0][2] == "The envoy"


def test_transcript_answers_follow_the_speaker_and_questions_are_no_statements(nlp: Any) -> None:
    text = (
        'The Ruritanian minister told the radio on Monday: "We are ready for talks with Borduria."\n'
        "Question: Will the border open this year?\n"
        "Answer: We will open it when Borduria withdraws its troops."
    )
    got = attributions(nlp, text)
    assert not any(g[2] == "Question" for g in got)
    assert ("direct", "We will open it when Borduria withdraws its troops.", None, None, True) in got


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania, along with Borduria and Syldavia, called for an urgent meeting.",
        # the parser hangs "along with ..." on the verb, not on the subject
        "Chile, along with Peru and Bolivia, called for an urgent meeting of the council.",
    ],
)
def test_along_with_lists_every_party(nlp: Any, text: str) -> None:
    doc = nlp(text)
    (a,) = [Attribution.from_dict(d) for d in doc._.sm_attributions]
    assert len(a.members) == 3
    assert text[a.members[0][0] : a.members[0][1]] == text.split(",")[0]


def test_a_construction_needs_a_source_that_names_someone(nlp: Any) -> None:
    # a vague quantity or a bare group noun names nobody a statement can be given to
    assert attributions(nlp, "The Bordurian vote was recognized by most of the West.") == []
    assert attributions(nlp, "The claim was never recognized by any other nation.") == []


def test_a_preposition_polnear_attests_carries_a_speech_verbs_content(nlp: Any) -> None:
    got = attributions(nlp, "Ruritania is warning Borduria of severe consequences if the border closes.")
    assert any(
        src == "Ruritania" and content.startswith("severe consequences") for _, content, src, _, _ in got
    )


def test_a_preposition_polnear_does_not_attest_carries_nothing(nlp: Any) -> None:
    # "warn" is attested with "of" and "against", not with "at"
    got = attributions(nlp, "Ruritania warned at a rally in the capital.")
    assert got == []


def test_a_time_adverbial_hung_inside_a_noun_phrase_content_is_left_to_the_report(nlp: Any) -> None:
    text = "Ruritania's defense minister announced the launch of a joint border unit Tuesday at a summit."
    got = attributions(nlp, text)
    assert [content for _, content, _, _, _ in got] == ["the launch of a joint border unit"]


def test_a_noun_of_saying_with_neither_content_nor_addressee_is_no_attribution(nlp: Any) -> None:
    assert attributions(nlp, "The Ruritanian minister made an improbable remark.") == []


def test_a_time_adjunct_is_no_part_of_a_position(nlp: Any) -> None:
    got = attributions(nlp, "Ruritania backed the Bordurian plan during the long talks in the capital.")
    assert [content for _, content, _, _, _ in got] == ["the Bordurian plan"]


def test_a_label_before_a_colon_is_not_part_of_a_title_case_headlines_source(nlp: Any) -> None:
    got = attributions(nlp, "The Latest: Chile Urges Peru To Reopen Border\n\nBody text about the border.")
    assert got and got[0][2] == "Chile" and got[0][3] == "Urges"


def test_whom_a_question_was_put_to_is_not_its_source(nlp: Any) -> None:
    text = "Asked about the blockade, Anna Berg said the border would stay closed."
    got = attributions(nlp, text)
    assert [(g[1], g[2]) for g in got] == [("the border would stay closed", "Anna Berg")]


def test_a_passive_report_without_an_agent_has_no_speaker(nlp: Any) -> None:
    for text in (
        "The envoy was told that the talks were over.",
        "It was announced that the talks would resume.",
        "Berg was asked whether Ruritania would recognize the vote.",
    ):
        assert attributions(nlp, text) == [], text


def test_a_position_inside_a_question_is_no_position(nlp: Any) -> None:
    got = attributions(nlp, "Berg was asked whether Ruritania would recognize the vote.")
    assert not any(g[2] == "Ruritania" for g in got)


def test_a_position_reported_in_the_passive_keeps_its_holder(nlp: Any) -> None:
    got = attributions(nlp, "It has been noted that the Ruritanian council condemns the vote.")
    assert [(g[2], g[3]) for g in got] == [("the Ruritanian council", "condemns")]


def test_which_as_the_object_of_a_cue_takes_up_the_clause_before_it(nlp: Any) -> None:
    text = "Ruritania said Borduria had sent troops across the border, which Borduria denied."
    got = attributions(nlp, text)
    assert ("indirect", "Borduria had sent troops across the border", "Borduria", "denied", False) in got


def test_which_as_a_subject_is_no_content(nlp: Any) -> None:
    got = attributions(nlp, "The minister visited the town, which was destroyed.")
    assert got == []


def test_a_position_had_from_its_holder_is_the_holders(nlp: Any) -> None:
    got = attributions(nlp, "The proposed truce also has the backing of Ruritania.")
    assert [(g[1], g[2]) for g in got] == [("The proposed truce also has the backing", "Ruritania")]
    assert attributions(nlp, "The proposed truce also has the backing.") == []


def test_a_position_met_with_from_its_holder_is_the_holders(nlp: Any) -> None:
    got = attributions(nlp, "The Bordurian plan met with opposition from Ruritania.")
    assert [(g[1], g[2]) for g in got] == [("The Bordurian plan met with opposition", "Ruritania")]
    assert attributions(nlp, "The Bordurian minister met with officials from Ruritania.") == []


def test_a_position_in_a_temporal_clause_inside_a_report_is_its_own(nlp: Any) -> None:
    text = "Ruritania warned that it would keep up the pressure, as Borduria rejected its offer of talks."
    got = attributions(nlp, text)
    assert ("indirect", "its offer of talks", "Borduria", "rejected", False) in got


def test_a_passive_with_only_a_pronoun_patient_says_nothing_here(nlp: Any) -> None:
    assert attributions(nlp, "They were backed by the Ruritanian minister and the Bordurian governor.") == []
    got = attributions(nlp, "The truce was backed by the Ruritanian minister.")
    assert got and got[0][1] == "The truce was backed" and got[0][2] == "the Ruritanian minister"


def test_what_goes_without_saying_is_said_by_nobody(nlp: Any) -> None:
    assert attributions(nlp, "It goes without saying that higher taxes are unpopular in Borduria.") == []


def test_a_title_in_doubled_single_quotes_is_no_statement(nlp: Any) -> None:
    text = "In his book, ''Make Your Kid a Minister,'' Mr. Lind suggested saving a little every month."
    assert not [g for g in attributions(nlp, text) if "Make Your Kid" in g[1]]


def test_title_case_words_after_a_verb_of_saying_are_still_speech(nlp: Any) -> None:
    got = attributions(nlp, 'Mr. Lind said, "We Will Win This Race."')
    assert got and got[0][:4] == ("direct", "We Will Win This Race.", "Mr. Lind", "said")


def test_a_share_of_support_measured_is_no_position(nlp: Any) -> None:
    assert attributions(nlp, "By contrast, Berg has just 5 percent support of the voters in Ruritania.") == []
    got = attributions(nlp, "The proposed truce also has the backing of Ruritania.")
    assert got and got[0][2] == "Ruritania"


def test_a_gerund_of_means_shares_its_verbs_speaker(nlp: Any) -> None:
    got = attributions(
        nlp, "Prime Minister Anna Berg retaliated by announcing steep new levies against Bordurian grain."
    )
    assert got and got[0][1:4] == (
        "steep new levies against Bordurian grain",
        "Prime Minister Anna Berg",
        "announcing",
    )
    # a gerund inside a noun phrase is still no report of the subject's
    assert attributions(nlp, "Berg's habit of announcing new tariffs on Fridays annoyed the markets.") == []


def test_support_of_others_is_no_position_of_the_subject(nlp: Any) -> None:
    text = "The race tightens as Berg consolidates the support of the Ruritanian party."
    assert attributions(nlp, text) == []
    got = attributions(nlp, "Ruritania has been coordinating its support for the Bordurian plan.")
    assert got and got[0][1:3] == ("its support for the Bordurian plan", "Ruritania")


def test_the_reader_addressed_takes_no_position(nlp: Any) -> None:
    assert attributions(nlp, "You could borrow more or consider a gap year before college.") == []
    got = attributions(nlp, "The Ruritanian minister rejected a new border treaty with Borduria.")
    assert got and got[0][2:4] == ("The Ruritanian minister", "rejected")
