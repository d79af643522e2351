"""text: the seed header, the title line, and body offsets into the whole file."""

from __future__ import annotations

from datetime import date

import pytest

from stancemap.errors import InputError
from stancemap.ingest.text import parse_text

BODY = "Russia does not recognize the vote, the spokeswoman said on Thursday.\n"


def test_header_with_author() -> None:
    text = f" date 2020-04-11 By Anna Kowalski\n\n{BODY}"
    a = parse_text(text, "000_x.txt", "corpus/000_x.txt")
    assert a.published == date(2020, 4, 11)
    assert a.author == "Anna Kowalski"
    assert a.title is None
    assert a.text == text, "the text is the whole file, header included"
    assert a.text[a.body_start :] == BODY
    assert (a.name, a.source, a.outlet) == ("000_x.txt", "corpus/000_x.txt", None)


@pytest.mark.parametrize("header", [" date 2014-03-16", "date 2014-03-16", " date 2014-03-16  "])
def test_header_without_author(header: str) -> None:
    a = parse_text(f"{header}\n\n\n{BODY}", "a.txt", "a.txt")
    assert a.published == date(2014, 3, 16)
    assert a.author is None
    assert a.text[a.body_start :].startswith("Russia does not recognize")


def test_header_with_crlf_keeps_offsets() -> None:
    text = " date 2020-04-01 By Ruritania News\r\n\r\nBy Anna Kowalski\r\n\r\nNATO rejected it.\r\n"
    a = parse_text(text, "a.txt", "a.txt")
    assert a.author == "Ruritania News"
    assert a.text[a.body_start :].startswith("By Anna Kowalski\r\n")


def test_impossible_date_still_marks_the_header() -> None:
    a = parse_text(f" date 2020-13-45\n\n{BODY}", "a.txt", "a.txt")
    assert a.published is None
    assert a.text[a.body_start :] == BODY


def test_header_only_is_empty() -> None:
    with pytest.raises(InputError) as info:
        parse_text(" date 2020-04-11 By Someone\n\n  \n", "a.txt", "a.txt")
    assert info.value.reason == "empty"


def test_title_line() -> None:
    text = f"Lavrov denied statements about Russia\u2019s plans to annex Karabakh\n\n{BODY}"
    a = parse_text(text, "004.txt", "004.txt")
    assert a.title == "Lavrov denied statements about Russia\u2019s plans to annex Karabakh"
    assert a.published is None and a.author is None
    assert a.text[a.body_start :] == BODY


@pytest.mark.parametrize(
    "text",
    [
        BODY + "\nSecond paragraph.\n",  # first line ends with a period: a sentence
        "A short line that goes on\nto the next line without a break.\n",  # no blank line after it
        "x" * 150 + "\n\nbody\n",  # too long for a title
        "Only a short line\n\n",  # nothing after it: it is the body
    ],
    ids=["sentence", "no-blank-line", "too-long", "no-body"],
)
def test_not_a_title(text: str) -> None:
    a = parse_text(text, "a.txt", "a.txt")
    assert a.title is None
    assert a.body_start == 0


def test_leading_blank_lines_are_not_body() -> None:
    a = parse_text(f"\n\n  {BODY}", "a.txt", "a.txt")
    assert a.text[a.body_start :] == BODY
