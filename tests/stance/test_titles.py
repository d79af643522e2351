"""What an issue title says (``stance/titles.py``), on invented titles."""

from __future__ import annotations

import pytest

from stancemap.stance.lexicon import load_stance_lexicon
from stancemap.stance.titles import title_heads


@pytest.mark.parametrize(
    ("title", "heads"),
    [
        ("Bordurian tariffs on trading partners", {"tariff"}),
        ("Chile's nuclear program", {"program"}),
        ("Further sanctions and costs on Peru", {"sanction", "cost"}),
        ("Military and security support for Peru", {"support"}),
        ("A Chile-Peru deal ceding islands to Peru", {"deal", "island"}),
        # a parenthesis restates the act by its own head; names and numbers are none
        ("Council action on Peru's dam (June 2031 session)", {"act", "session"}),
        ("Pressure on Peru (sanctions, naval blockade)", {"press", "sanction", "blockade"}),
        ("The Bolivian port deal (2031)", {"deal"}),
    ],
)
def test_the_head_of_an_issue_title(title: str, heads: set[str]) -> None:
    assert title_heads(title, load_stance_lexicon()) == heads
