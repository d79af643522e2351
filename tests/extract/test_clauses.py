"""The content rules of ``extract.clauses``, each on invented sentences parsed by the real model.

Each rule is shown with a sentence it keeps and one it drops, so a test fails both when
the rule stops working and when it starts to cut real statements.
"""

from __future__ import annotations

from typing import Any

from stancemap.extract.attribution import Attribution


def cues(nlp: Any, text: str) -> list[tuple[str, str]]:
    """(cue, content) of every attribution found in ``text``."""
    out = []
    for d in nlp(text)._.sm_attributions:
        a = Attribution.from_dict(d)
        cue = text[a.cue[0] : a.cue[1]] if a.cue else ""
        out.append((cue, text[a.content[0] : a.content[1]]))
    return out


def test_a_position_opened_by_an_attested_preposition_is_kept(nlp: Any) -> None:
    got = cues(nlp, "Ruritania called for talks with Borduria on the border.")
    assert got and got[0][0] == "called" and "talks with Borduria" in got[0][1]


def test_a_place_the_speaker_called_into_is_no_position(nlp: Any) -> None:
    assert (
        cues(nlp, "The Ruritanian minister recently called in to a town hall meeting about the border.") == []
    )
    assert cues(nlp, "Anna Berg called into a popular Ruritanian radio show when she was ill.") == []


def test_a_position_that_lost_its_object_to_as_is_dropped(nlp: Any) -> None:
    got = cues(nlp, "Everyone I interviewed criticized as fiendishly complicated the new Bordurian tax.")
    assert got == []


def test_a_position_in_a_condition_is_hypothetical(nlp: Any) -> None:
    assert cues(nlp, "If the Bordurian plan rejected single parents, poor families would suffer.") == []
    assert cues(nlp, "If Anna Berg wins, the Ruritanian government could reverse the border rules.") == []


def test_a_position_taken_is_not_hypothetical(nlp: Any) -> None:
    got = cues(nlp, "The Ruritanian government reversed the border rules on Monday.")
    assert got and got[0][0] == "reversed" and got[0][1].startswith("the border rules")


def test_a_position_on_a_named_party_is_kept_even_in_one_word(nlp: Any) -> None:
    got = cues(nlp, "The visit was set for a week after Anna Berg denounced Borduria.")
    assert got == [("denounced", "Borduria")]


def test_a_gerund_object_of_another_verb_takes_no_position_of_its_own(nlp: Any) -> None:
    got = cues(
        nlp, "The talks failed when a wing of the Ruritanian government objected to recognising Borduria."
    )
    assert ("recognising", "Borduria") not in got


def test_a_participle_after_a_report_adds_for_the_reporter(nlp: Any) -> None:
    text = (
        '"We will not be sitting at a table redrawing the frontier but only trying to learn what'
        ' might work for them [Bordurians]," Berg said, adding that only patient talks could end the fighting.'
    )
    assert ("adding", "that only patient talks could end the fighting") in cues(nlp, text)
