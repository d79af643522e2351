"""The server's background refresher: it brings stale stored positions up to date.

Reads never write (a GET that rebuilt positions failed with 500 while another
process held SQLite's write lock); they serve stale positions marked ``stale``.
This thread does the writing instead: woken by ``poke()`` after the API stores
articles, and every ``interval`` seconds for what other writers (a CLI ingest
into the same database) left stale. A failure, such as a busy database, is
logged and tried again at the next wake.
"""

from __future__ import annotations

import logging
import threading

from ..jobs.consolidate import refresh_positions
from ..store import Store

__all__ = ["REFRESH_SECONDS", "PositionsRefresher"]

log = logging.getLogger(__name__)

#: How often the refresher looks for stale positions when nobody pokes it.
REFRESH_SECONDS = 30.0


class PositionsRefresher:
    """A daemon thread that runs ``refresh_positions`` on the store when poked or periodically."""

    def __init__(self, store: Store, interval: float = REFRESH_SECONDS) -> None:
        self.store = store
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: How many refreshes ran, and how many failed (for tests and logs).
        self.runs = 0
        self.failures = 0

    def start(self) -> None:
        if self._thread is None and self.store.keeps_positions:
            self._thread = threading.Thread(target=self._loop, name="stancemap-refresh", daemon=True)
            self._thread.start()

    def poke(self) -> None:
        """Refresh soon (after a write)."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                n = refresh_positions(self.store)
            except Exception:  # noqa: BLE001 - a busy or failing database: log, and try at the next wake
                self.failures += 1
                log.warning("refreshing stale positions failed; will try again", exc_info=True)
            else:
                self.runs += 1
                if n:
                    log.info("refreshed %d stale positions", n)
