from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.errors import IssuesFileError
from stancemap.stance import load_issues, parse_issues

GOOD = '''
[[issue]]
id = "vote-2020"
title = "The 2020 vote"
description = """support: recognizes it. oppose: does not."""

[[issue]]
id = "border"
title = "The border"
'''


def test_parse_good_file() -> None:
    issues = parse_issues(GOOD)
    assert [i.id for i in issues] == ["vote-2020", "border"]
    assert issues[0].description.startswith("support:")
    assert issues[1].description == ""


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("not = = toml", "not valid TOML"),
        ("title = 'x'", "no \\[\\[issue\\]\\] tables"),
        ("[[issue]]\ntitle = 'x'", "needs an id"),
        ("[[issue]]\nid = 'has space'\ntitle = 'x'", "needs an id"),
        ("[[issue]]\nid = 'a'\n", "needs a title"),
        ("[[issue]]\nid = 'a'\ntitle = 'x'\n[[issue]]\nid = 'a'\ntitle = 'y'", "appears twice"),
    ],
)
def test_bad_files(text: str, fragment: str) -> None:
    with pytest.raises(IssuesFileError, match=fragment):
        parse_issues(text)


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IssuesFileError, match="does not exist"):
        load_issues(tmp_path / "none.toml")


def test_gold_issue_files_parse(shared: Path) -> None:
    for name in ("seeds", "dev"):
        assert load_issues(shared / "gold" / f"{name}.issues.toml")
