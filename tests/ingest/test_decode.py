"""decode: bytes to text, refusing what is not text."""

from __future__ import annotations

import codecs

import pytest

from stancemap.errors import InputError
from stancemap.ingest.decode import decode_bytes, looks_binary

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


def reason(data: bytes) -> str:
    with pytest.raises(InputError) as info:
        decode_bytes(data)
    return info.value.reason


def test_utf8_is_decoded_exactly() -> None:
    text = "Line one\r\nZakharova said \u201cno\u201d.\n\n  indented\n"
    assert decode_bytes(text.encode("utf-8")) == text  # line endings and spaces kept


def test_utf8_bom_is_stripped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Caf\u00e9 news".encode()) == "Caf\u00e9 news"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    data = "The ministry said \u201cno\u201d.".encode(encoding)  # Python writes a BOM
    assert b"\x00" in data
    assert decode_bytes(data) == "The ministry said \u201cno\u201d."


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said \u201cwe will not accept this\u201d, adding that talks must go on.\n",
        "Caf\u00e9 cr\u00e8me \u2019s",
        "\u201cWe will not recognize it,\u201d he said \u2014 firmly.",
        "Le minist\u00e8re a d\u00e9clar\u00e9 que l\u2019\u00e9lection \u00e9tait ill\u00e9gale.",
    ],
)
def test_cp1252_curly_quotes_decode_correctly(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")) == text


def test_cp1251_cyrillic_is_not_forced_into_cp1252() -> None:
    text = "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u0432\u044b\u0431\u043e\u0440\u044b \u043d\u0435\u0437\u0430\u043a\u043e\u043d\u043d\u044b."  # noqa: E501
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    "data",
    [
        PNG + bytes(200),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",  # zip
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01\x02\x03\nendstream",
        bytes(range(1, 32)) * 10,  # control characters without NUL
    ],
    ids=["png", "zip", "pdf", "controls"],
)
def test_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    assert reason(data) == "binary"


def test_text_with_a_few_controls_is_not_binary() -> None:
    data = ("A form feed\x0c and an escape\x1b in long enough text. " * 5).encode()
    assert not looks_binary(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n\n"])
def test_empty_and_whitespace(data: bytes) -> None:
    assert reason(data) == "empty"


def test_bad_bytes_after_a_bom_are_undecodable() -> None:
    assert reason(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd broken") == "undecodable"


def test_utf8_with_one_stray_byte_is_read_with_a_replacement_and_a_note() -> None:
    from stancemap.ingest.decode import decode_noted

    text = "Zakharova said \u201cno\u201d to the Bordurian plan, and Ruritania agreed. " * 3
    data = text.encode("utf-8")
    data = data[:40] + b"\xff" + data[40:]
    got, note = decode_noted(data)
    assert got.count("\ufffd") == 1 and got.replace("\ufffd", "", 1) == text
    assert note is not None and "1 stray byte" in note


def test_ascii_with_bytes_no_encoding_uses_is_read_with_replacements_and_a_note() -> None:
    from stancemap.ingest.decode import decode_noted

    data = b"The ministry of Ruritania said on Monday\x81 that the vote\x9d was void."
    got, note = decode_noted(data)
    assert got == "The ministry of Ruritania said on Monday\ufffd that the vote\ufffd was void."
    assert note is not None and "2 stray bytes" in note


def test_a_legacy_file_is_read_with_a_note_naming_the_encoding() -> None:
    from stancemap.ingest.decode import decode_noted

    text = "The ministry said \u201cwe will not accept this\u201d, adding that talks must go on.\n"
    got, note = decode_noted(text.encode("cp1252"))
    assert got == text and note is not None and "cp1252" in note


def test_utf8_with_many_stray_bytes_is_not_utf8() -> None:
    from stancemap.ingest.decode import mostly_utf8

    assert mostly_utf8(("caf\u00e9 " * 5).encode() + b"\xff" * 20) is None
