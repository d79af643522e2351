"""Following news: feeds, sitemaps and the pages they list, fetched politely on a schedule.

* ``sources`` -- the FEEDS.toml file: which feeds and sitemaps, how often;
* ``fetch``   -- HTTP with conditional GET, per-host rate limits, robots.txt,
  timeouts, retries with backoff, a size limit and a redirect limit;
* ``parse``   -- RSS and Atom (feedparser), sitemaps, sitemap indexes and news
  sitemaps (lxml) into entries;
* ``watch``   -- one round: fetch what is due, record new entries, fetch and
  extract their pages, store them, refresh the positions they touch.

Everything that goes wrong is a reason code on the source or entry (kept in the
database, shown on the web page); nothing stops a round. httpx and feedparser
are imported on first use.
"""

from __future__ import annotations

from .sources import Source, load_sources
from .watch import RoundReport, run_round

__all__ = ["RoundReport", "Source", "load_sources", "run_round"]
