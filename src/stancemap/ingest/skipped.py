"""What a reader yields instead of an article: a file or record it could not use.

Readers never raise for a bad input and never log it as a warning: a corpus of
thousands of files always has a few broken ones, and a batch must go on. The
caller decides how to report them (the CLI prints a summary by reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from ..config import Settings
    from ..models import Article

__all__ = ["PASSED_OVER", "REASONS", "Skipped", "too_long"]

#: Every reason code a reader uses, with what it means.
REASONS: dict[str, str] = {
    "empty": "the file or record has no characters, or only whitespace",
    "binary": "the bytes are not text (an image, archive, PDF, ...)",
    "too_large": "the file, or one JSON Lines record, is larger than max_file_bytes",
    "too_long": "the article's text has more characters than max_article_chars",
    "undecodable": "the bytes are text in no encoding that could be recognized",
    "malformed_json": "a JSON Lines line is not a JSON object",
    "missing_field": "a JSON Lines record lacks a usable 'text' field",
    "no_text": "an HTML page has no article body that could be extracted",
    "unreadable": "the operating system refused to read the file or folder",
    "not_found": "the path does not exist",
    "unsupported": "the path is neither a regular file nor a folder",
    "not_response": "a web archive record that is no response (request, metadata, warcinfo, revisit)",
    "not_html": "a web archive response or fetched page that is not an HTML page with status 200",
    "truncated": "a web archive record cut short (marked WARC-Truncated, or the file ends inside it)",
}

#: Reasons that mark no fault in the input: a web archive holds requests, metadata,
#: images and scripts beside its pages. They are counted in a run's summary, not
#: listed one by one, and do not make the exit status 4.
PASSED_OVER = frozenset({"not_response", "not_html"})


@dataclass(frozen=True)
class Skipped:
    """An input that did not become an article, and why.

    ``source`` is the path as given (``path:line`` for a JSON Lines record);
    ``reason`` is one of :data:`REASONS`; ``message`` says what was wrong in words.
    """

    source: str
    reason: str
    message: str

    @classmethod
    def from_error(cls, source: str, error: InputError) -> Skipped:
        """The skip record for an :class:`InputError` a format reader raised."""
        return cls(source, error.reason, error.message)


def too_long(source: str, article: Article, settings: Settings) -> Skipped | None:
    """The skip for an article longer than ``max_article_chars``, or None when it fits.

    Parsing time grows faster than the text (a 2 MB record took minutes), so one
    overlong article must not hold a whole batch.
    """
    n = len(article.text)
    if n <= settings.max_article_chars:
        return None
    return Skipped(
        source,
        "too_long",
        f"the article has {n:,} characters, more than max_article_chars ({settings.max_article_chars:,})",
    )
