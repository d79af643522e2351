"""Readers that turn files into :class:`~stancemap.models.Article` records.

Formats, one module each:

* ``text``  -- plain-text articles (``.txt``, ``.text``), with an optional
  `` date YYYY-MM-DD By Author`` header line or a title line;
* ``html``  -- saved web pages (``.html``, ``.htm``), body and metadata by trafilatura;
* ``jsonl`` -- JSON Lines corpora (``.jsonl``, ``.ndjson``), one article per line, streamed;
* ``warc``  -- web archives (``.warc``, ``.warc.gz``), one article per HTML response record, streamed.

``decode`` turns bytes into text for all of them; ``files`` walks folders and
picks the reader. An input that cannot become an article is yielded as a
:class:`Skipped` record with a stable reason code (see ``REASONS``), never
raised and never logged as a warning.

Importing this package is cheap: trafilatura, charset-normalizer and dateutil
are imported only when a file needs them.
"""

from __future__ import annotations

from .files import read_file, read_paths
from .skipped import PASSED_OVER, REASONS, Skipped

__all__ = ["PASSED_OVER", "REASONS", "Skipped", "read_file", "read_paths"]
