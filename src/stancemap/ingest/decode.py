"""Bytes to text: refuse what is not text, and decode legacy encodings correctly.

The decoded string is the article's text, and every offset stancemap stores
points into it, so nothing is normalized here: line endings, spacing and
Unicode composition stay exactly as decoded. Only a byte order mark is dropped,
since it is an encoding signature rather than a character of the text.
"""

from __future__ import annotations

import codecs

from ..errors import InputError

__all__ = ["MAX_STRAY", "decode_bytes", "decode_noted", "looks_binary", "mostly_utf8"]

#: How many leading bytes are examined for control characters.
SNIFF_BYTES = 65_536
#: Share of control bytes (other than tab, line feed, carriage return, form feed,
#: vertical tab and escape) above which data is taken to be binary.
MAX_CONTROL_SHARE = 0.05
#: Lower chaos scores than the best one by up to this much count as ties (see ``_legacy``).
CHAOS_TIE = 0.01
#: Bytes that are not UTF-8, in text that otherwise is, that are replaced (U+FFFD) rather than
#: taken as a sign of another encoding: this many, or one in a thousand bytes if more.
MAX_STRAY = 8

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
_CONTROLS = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: it has NUL bytes or many control characters.

    Text in any single-byte or UTF-8 encoding has no NUL bytes; images, archives
    and PDFs almost always do, and the rest are full of other control bytes.
    """
    if b"\x00" in data:
        return True
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls / len(sample) > MAX_CONTROL_SHARE


def decode_bytes(data: bytes) -> str:
    """The text of ``data``, without a byte order mark (``decode_noted`` without the note)."""
    return decode_noted(data)[0]


def mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, stray bytes) when ``data`` is UTF-8 apart from a few stray bytes, each made U+FFFD.

    "A few": at most ``MAX_STRAY`` (or one in a thousand); "UTF-8": either the rest
    holds more well-formed multibyte characters than strays, or it is plain ASCII
    and the strays are not text in cp1252 either (bytes no encoding here would use).
    """
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    if stray <= 0 or stray > max(MAX_STRAY, len(data) // 1000):
        return None
    multibyte = sum(1 for c in text if ord(c) > 127) - text.count("\ufffd")
    if multibyte >= stray:
        return text, stray
    if multibyte == 0:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return text, stray  # ASCII with bytes that are no character in cp1252: noise
    return None


def decode_noted(data: bytes) -> tuple[str, str | None]:
    """The text of ``data``, without a byte order mark, and a note when it needed repair or a guess.

    The note (for the reader's warning log) says when stray bytes in UTF-8 text were
    replaced with U+FFFD, or which legacy encoding a non-UTF-8 file was read in.
    Raises :class:`InputError` with reason ``empty`` (no bytes, or only
    whitespace), ``binary`` or ``undecodable``.
    """
    if not data:
        raise InputError("empty", "the file is empty (0 bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(
                    "undecodable",
                    f"the file starts with a {encoding} byte order mark but is not {encoding}: {e}",
                ) from e
            return _not_blank(text), None
    if looks_binary(data):
        raise InputError("binary", "the file holds binary data (NUL or control bytes), not text")
    try:
        return _not_blank(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    repaired = mostly_utf8(data)
    if repaired is not None:
        text, stray = repaired
        return _not_blank(text), (
            f"UTF-8 apart from {stray} stray byte{'s' if stray > 1 else ''}, "
            "each replaced with U+FFFD (\ufffd) in the stored text"
        )
    text, encoding = _legacy(data)
    return _not_blank(text), f"not UTF-8: read as {encoding} (check the characters outside ASCII)"


def _not_blank(text: str) -> str:
    if not text.strip():
        raise InputError("empty", "the file holds only whitespace")
    return text


def _legacy(data: bytes) -> tuple[str, str]:
    """Decode data that is not UTF-8, guessing its encoding with charset-normalizer: (text, encoding).

    Short Western texts are ambiguous: a few curly quotes or accented letters
    decode without error in a dozen code pages. When cp1252 is among the
    least chaotic candidates it wins, because it is by far the most common
    legacy encoding of English-language news (and what browsers use for latin-1).
    """
    from charset_normalizer import from_bytes  # imported here: only legacy files need it

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(
            "undecodable",
            "the file is neither UTF-8 (with at most a few stray bytes) "
            "nor any encoding that could be recognized",
        )
    for match in matches:
        if match.chaos <= best.chaos + CHAOS_TIE and "cp1252" in match.could_be_from_charset:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                break
    return str(best), str(best.encoding)
