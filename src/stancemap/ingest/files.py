"""Which files to read, and which reader reads each: the entry points of ingest.

A path named by the user is always read: its extension picks the reader, and a
file with an unknown extension is sniffed (HTML if it starts like HTML, plain
text otherwise). In a folder, only files with a known extension are read, so
that a ``MANIFEST.tsv`` or ``README.md`` beside a corpus does not become an
article; hidden files and folders are passed over. Folders are walked in
sorted order, so that every run yields the same items in the same order.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from ..models import Article
from .decode import decode_noted
from .html import looks_like_html, parse_html
from .jsonl import read_jsonl
from .skipped import Skipped, too_long
from .text import parse_text
from .warc import is_warc, read_warc

__all__ = ["HTML_SUFFIXES", "JSONL_SUFFIXES", "TEXT_SUFFIXES", "read_file", "read_paths"]

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: The files read from a folder, with web archives (``*.warc``, ``*.warc.gz``); others there are ignored.
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

log = logging.getLogger(__name__)


def read_paths(paths: Iterable[str | Path], settings: Settings) -> Iterator[Article | Skipped]:
    """Every article in ``paths`` (files and folders, recursively), or why an input was skipped.

    Items are yielded one at a time as files are read; a corpus is never held in memory.
    """
    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
        except OSError as e:
            yield Skipped(str(given), "unreadable", f"{given} cannot be examined: {e.strerror or e}")
            continue
        if is_dir:
            yield from _read_folder(path, settings, set())
        else:
            yield from read_file(path, settings)


def read_file(path: str | Path, settings: Settings) -> Iterator[Article | Skipped]:
    """The article(s) in one file, whatever its extension, or why it was skipped.

    A JSON Lines file or web archive yields one item per record; any other file yields one item.
    """
    source = str(path)
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        info = path.stat()
    except FileNotFoundError:
        yield Skipped(source, "not_found", f"{source} does not exist")
        return
    except OSError as e:
        yield Skipped(source, "unreadable", f"{source} cannot be examined: {e.strerror or e}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield Skipped(source, "unsupported", f"{source} is a folder; read folders with read_paths")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Skipped(source, "unsupported", f"{source} is not a regular file (a device, pipe or socket)")
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, source, settings)
        return
    if is_warc(path):  # read record by record, whatever the archive's size
        yield from read_warc(path, source, settings)
        return
    if info.st_size > settings.max_file_bytes:
        yield Skipped(
            source,
            "too_large",
            f"the file has {info.st_size:,} bytes, more than the limit of {settings.max_file_bytes:,}",
        )
        return
    try:
        data = path.read_bytes()
    except FileNotFoundError:  # removed since stat()
        yield Skipped(source, "not_found", f"{source} does not exist")
        return
    except OSError as e:
        yield Skipped(source, "unreadable", f"{source} cannot be read: {e.strerror or e}")
        return
    try:
        article = _article(data, path.name, source, suffix)
    except InputError as e:
        yield Skipped.from_error(source, e)
        return
    yield too_long(source, article, settings) or article


def _article(data: bytes, name: str, source: str, suffix: str) -> Article:
    """Decode ``data`` and parse it with the reader its suffix (or, if unknown, its content) calls for.

    A file that needed repair (stray bytes) or a guessed encoding is read, and said so in
    the warning log: its text may hold characters that are not what the author wrote.
    """
    text, note = decode_noted(data)
    if note is not None:
        log.warning("%s: %s", source, note)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        return parse_html(text, name, source)
    return parse_text(text, name, source)


def _read_folder(folder: Path, settings: Settings, seen: set[tuple[int, int]]) -> Iterator[Article | Skipped]:
    """Every readable file under ``folder``, depth first, in name order.

    ``seen`` holds the (device, inode) of folders already walked, so that a
    symbolic link back up the tree is not followed round and round.
    """
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield Skipped(str(folder), "unreadable", f"the folder {folder} cannot be listed: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _read_folder(path, settings, seen)
        elif Path(entry.name).suffix.lower() in FOLDER_SUFFIXES or is_warc(path):
            yield from read_file(path, settings)
