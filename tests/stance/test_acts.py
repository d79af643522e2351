"""The speaker doing what an issue's definition names (``stance/acts.py``), on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from stancemap.models import Article, Span, Statement
from stancemap.stance.claims import attach_claims
from stancemap.stance.issues import parse_issues

from .conftest import parsed_text

ISSUES = parse_issues('''
[[issue]]
id = "rur-sanctions"
title = "Sanctions on Ruritania over its border closure"
description = """Sanctions and visa bans on Ruritania and its officials over the closure of the
Bordurian border in 2031.
support: imposes, threatens or considers them, or calls for them.
oppose: lifts them or calls them unjust."""

[[issue]]
id = "rur-patrol"
title = "The joint Ruritanian border patrol"
description = """The patrol force that Ruritania and Freedonia set up on the border in 2031.
support: announces, joins or backs the patrol.
oppose: leaves it or rejects it."""
''')


def claims_of(text: str, speaker: str, actor: str = "BOR", kind: str = "indirect") -> dict[str | None, str]:
    """The claims of one statement by ``actor``, named as ``speaker``, over all of ``text``."""
    article = Article(name="t.txt", text=text, source="test", published=date(2031, 6, 1))
    s = text.index(speaker)
    st = Statement(
        article="t.txt",
        actor=actor,
        actor_name=speaker,
        kind=kind,  # type: ignore[arg-type]
        evidence=Span(0, len(text), text),
        source=Span(s, s + len(speaker), speaker),
    )
    (out,) = attach_claims(article, [st], ISSUES, parsed_text(text), use_gazetteer=False)
    return {c.issue: c.polarity for c in out.claims if c.issue}


@pytest.mark.parametrize(
    "text",
    [
        "Borduria threatened sanctions and visa bans on Ruritania on Monday.",
        "Borduria is considering sanctions on Ruritania over the border closure.",
        "Borduria has threatened to impose sanctions on Ruritania.",
    ],
)
def test_an_act_the_support_line_names_supports(text: str) -> None:
    assert claims_of(text, "Borduria") == {"rur-sanctions": "support"}


def test_an_act_the_oppose_line_names_opposes() -> None:
    assert claims_of("Borduria lifted the sanctions on Ruritania on Friday.", "Borduria") == {
        "rur-sanctions": "oppose"
    }


def test_announcing_the_act_itself() -> None:
    text = "Freedonia's defense minister announced the activation of the joint border patrol with Ruritania."
    assert claims_of(text, "Freedonia's defense minister", actor="FRE") == {"rur-patrol": "support"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # negated, or only under a condition
        ("Borduria did not threaten sanctions on Ruritania.", "Borduria"),
        ("If Ruritania keeps the border shut, Borduria will impose sanctions on Ruritania.", "Borduria"),
        # someone else's act: the speaker is not the subject
        ("Freedonia imposed sanctions on Ruritania, Borduria said.", "Borduria"),
        # "calls for" is the line's verb; "called them unjust" judges, and the oppose line says so
        ("Borduria called the sanctions on Ruritania harmful to trade.", "Borduria"),
    ],
)
def test_no_act_of_the_speaker(text: str, speaker: str) -> None:
    assert "rur-sanctions" not in claims_of(text, speaker)


def reasons_of(text: str, speaker: str) -> list[str]:
    article = Article(name="t.txt", text=text, source="test", published=date(2031, 6, 1))
    s = text.index(speaker)
    st = Statement(
        article="t.txt",
        actor="BOR",
        actor_name=speaker,
        kind="indirect",
        evidence=Span(0, len(text), text),
        source=Span(s, s + len(speaker), speaker),
    )
    (out,) = attach_claims(article, [st], ISSUES, parsed_text(text), use_gazetteer=False)
    return [c.reason for c in out.claims]


def test_an_act_urged_on_another_is_not_the_speakers() -> None:
    # the subject of "to impose" is the one urged to do it
    text = "Borduria urged Freedonia to impose sanctions and visa bans on Ruritania."
    assert not any("speaker's act" in r for r in reasons_of(text, "Borduria"))


MEETING = parse_issues('''
[[issue]]
id = "rur-council"
title = "Council action on Ruritania's border closure"
description = """The closed Council meeting on Ruritania's closure of the Bordurian border.
support: calls, requests or backs the meeting.
oppose: rejects the meeting or calls it an abuse of the Council."""
''')


def test_a_verb_a_line_uses_only_to_judge_is_still_the_other_lines_act() -> None:
    # "calls it an abuse" judges the meeting; calling the meeting is the act the support line names,
    # and what the object is about may hang from the verb after it ("... on Monday to discuss X")
    text = "Borduria called a closed meeting on Monday of the Council to discuss Ruritania's border closure."
    article = Article(name="t.txt", text=text, source="test", published=date(2031, 6, 1))
    st = Statement(
        article="t.txt",
        actor="BOR",
        actor_name="Borduria",
        kind="summary",
        evidence=Span(0, len(text), text),
        source=Span(0, 8, "Borduria"),
    )
    (out,) = attach_claims(article, [st], MEETING, parsed_text(text), use_gazetteer=False)
    assert {c.issue: c.polarity for c in out.claims if c.issue} == {"rur-council": "support"}


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia said it will maintain the joint border patrol with Ruritania.",
        "Freedonia said on Tuesday that it would keep the joint patrol on the Ruritanian border.",
        "Freedonia announced that it will continue to fund the joint patrol on the Ruritanian border.",
    ],
)
def test_keeping_something_up_backs_it(text: str) -> None:
    # a verb of keeping up (WordNet's continue / uphold / preserve / keep / maintain), or the plain
    # act it goes on with, done by the speaker: "it" in what the speaker says it will do
    assert claims_of(text, "Freedonia", actor="FRE") == {"rur-patrol": "support"}


@pytest.mark.parametrize(
    "text",
    [
        # negated, another's, or only under a condition
        "Freedonia said it will not maintain the joint border patrol with Ruritania.",
        "Freedonia said Ruritania will maintain the joint border patrol.",
        "Freedonia said it would maintain the joint border patrol only if Ruritania paid for it.",
    ],
)
def test_keeping_up_no_act_of_the_speaker(text: str) -> None:
    assert "rur-patrol" not in claims_of(text, "Freedonia", actor="FRE")
