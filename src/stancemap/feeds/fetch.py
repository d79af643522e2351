"""HTTP for ``watch``: polite, bounded, and every failure a reason code.

* **Conditional GET**: the caller passes the ETag and Last-Modified it kept; a
  304 comes back as ``Fetched(status=304)`` with no body.
* **Per-host rate limit**: requests to one host are at least
  ``watch_host_interval_ms`` apart, or the robots.txt ``Crawl-delay`` if longer.
* **robots.txt** is fetched once per host per :class:`Fetcher` and obeyed for
  the User-Agent ``watch_user_agent``. A robots.txt that is missing (4xx) allows
  everything; one that cannot be fetched at all allows everything too, and the
  page's own fetch then fails with its own reason.
* **Timeouts, retries with backoff**: a timeout, a refused connection, a 429 or
  a 5xx is tried again ``watch_retries`` times, waiting ``watch_backoff_ms``,
  then twice that, ...; a Retry-After of up to a minute is honoured.
* **Limits**: a body over ``watch_max_bytes`` is dropped unread (``too_large``),
  more than ``watch_max_redirects`` redirects is ``redirect_loop``.

Failures raise :class:`~stancemap.errors.FetchError` with a reason:
``timeout``, ``unreachable``, ``http_NNN``, ``too_large``, ``redirect_loop``,
``robots``, ``bad_url``. ``requests`` counts every request sent, robots.txt included.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from ..config import Settings
from ..errors import FetchError

__all__ = ["Fetched", "Fetcher"]

#: A Retry-After longer than this (seconds) is not waited for: the entry is tried next round.
MAX_RETRY_AFTER = 60
#: Statuses worth trying again.
_TRANSIENT = frozenset({429, 500, 502, 503, 504})
#: robots.txt larger than this is read only this far.
_ROBOTS_BYTES = 500_000


@dataclass(frozen=True)
class Fetched:
    """A response: status (200 or 304), final URL after redirects, headers we use, and the body."""

    status: int
    url: str
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    """One HTTP client for a round, with its hosts' robots.txt and last request times."""

    def __init__(
        self,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        import httpx

        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._client = httpx.Client(
            follow_redirects=True,
            max_redirects=settings.watch_max_redirects,
            timeout=httpx.Timeout(settings.watch_timeout_s),
            headers={"User-Agent": settings.watch_user_agent},
            trust_env=False,  # no proxy from the environment: watch talks to the hosts it names
        )
        self._robots: dict[str, tuple[RobotFileParser | None, float]] = {}
        self._last: dict[str, float] = {}
        self.requests = 0

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the one public call ------------------------------------------------------

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` (conditionally when validators are given), obeying robots.txt and the rate limit."""
        origin = _origin(url)
        rules, delay = self._robots_for(origin)
        if rules is not None and not rules.can_fetch(self.settings.watch_user_agent, url):
            raise FetchError("robots", f"robots.txt of {origin} disallows {url}")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._once(url, origin, delay, headers)
            except _Retry as r:
                if attempt >= self.settings.watch_retries:
                    raise FetchError(r.reason, r.message) from None
                wait = self.settings.watch_backoff_ms / 1000 * 2**attempt
                if r.retry_after is not None:
                    if r.retry_after > MAX_RETRY_AFTER:
                        late = f"{r.message}; asked to retry after {r.retry_after:.0f} s"
                        raise FetchError(r.reason, late) from None
                    wait = max(wait, r.retry_after)
                self._sleep(wait)
                attempt += 1

    # -- internals ------------------------------------------------------------------

    def _wait_turn(self, origin: str, delay: float) -> None:
        gap = max(self.settings.watch_host_interval_ms / 1000, delay)
        last = self._last.get(origin)
        if last is not None and gap > 0:
            left = last + gap - self._clock()
            if left > 0:
                self._sleep(left)
        self._last[origin] = self._clock()

    def _once(self, url: str, origin: str, delay: float, headers: dict[str, str]) -> Fetched:
        import httpx

        self._wait_turn(origin, delay)
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                self.requests += len(response.history)
                status = response.status_code
                if status == 304:
                    return Fetched(304, str(response.url))
                if status in _TRANSIENT:
                    raise _Retry(f"http_{status}", f"{url} answered {status}", _retry_after(response))
                if status != 200:
                    raise FetchError(f"http_{status}", f"{url} answered {status} {response.reason_phrase}")
                body = self._read(response, url)
                return Fetched(
                    200,
                    str(response.url),
                    body,
                    response.headers.get("content-type"),
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                )
        except httpx.TooManyRedirects as e:
            raise FetchError(
                "redirect_loop", f"{url} redirects more than {self.settings.watch_max_redirects} times"
            ) from e
        except httpx.TimeoutException as e:
            raise _Retry("timeout", f"{url} did not answer within {self.settings.watch_timeout_s} s") from e
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as e:
            raise _Retry("unreachable", f"{url} cannot be reached: {e}") from e
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
            raise FetchError("bad_url", f"{url} is not a URL that can be fetched: {e}") from e
        except httpx.HTTPError as e:
            raise FetchError("unreachable", f"{url}: {e}") from e

    def _read(self, response: Any, url: str) -> bytes:
        limit = self.settings.watch_max_bytes
        declared = response.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise FetchError("too_large", f"{url} is {int(declared):,} bytes, more than {limit:,}")
        parts: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError("too_large", f"{url} is more than {limit:,} bytes")
            parts.append(chunk)
        return b"".join(parts)

    def _robots_for(self, origin: str) -> tuple[RobotFileParser | None, float]:
        """The parsed robots.txt of ``origin`` (None: no rules) and its Crawl-delay, fetched once."""
        if origin in self._robots:
            return self._robots[origin]
        import httpx

        url = origin + "/robots.txt"
        rules: RobotFileParser | None = None
        self._wait_turn(origin, 0)
        self.requests += 1
        try:
            with self._client.stream("GET", url) as response:
                self.requests += len(response.history)
                if response.status_code == 200:
                    text = b"".join(_bounded(response.iter_bytes(), _ROBOTS_BYTES)).decode("utf-8", "replace")
                    rules = RobotFileParser(url)
                    rules.parse(text.splitlines())
        except httpx.HTTPError:
            rules = None  # the page's own fetch will say what is wrong with the host
        delay = 0.0
        if rules is not None:
            found = rules.crawl_delay(self.settings.watch_user_agent)
            delay = float(found) if found else 0.0
        self._robots[origin] = (rules, delay)
        return rules, delay


class _Retry(Exception):
    """A failure worth trying again (internal to :meth:`Fetcher.get`)."""

    def __init__(self, reason: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.retry_after = retry_after


def _origin(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError as e:
        raise FetchError("bad_url", f"{url!r} is not a URL") from e
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("bad_url", f"{url!r} is not an http(s) URL")
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def _retry_after(response: Any) -> float | None:
    value = response.headers.get("retry-after")
    if value is not None and value.strip().isdigit():
        return float(value.strip())
    return None


def _bounded(chunks: Any, limit: int) -> Any:
    size = 0
    for chunk in chunks:
        size += len(chunk)
        yield chunk
        if size >= limit:
            return
