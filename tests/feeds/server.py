"""A local HTTP server for the watch tests: serves what a test puts in ``routes`` and counts requests."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    location: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Hit:
    path: str
    at: float
    headers: dict[str, str]


class LocalServer:
    """``routes[path] = Route(...)``; ``hits`` lists every request, ``count(path)`` counts them."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                with server._lock:
                    server.hits.append(Hit(self.path, time.monotonic(), dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    self._send(404, b"not here", "text/plain")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.location is not None:
                    self._send(302, b"", "text/plain", {"Location": route.location})
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, None, None)
                    return
                if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                    self._send(304, None, None)
                    return
                extra = dict(route.headers)
                if route.etag:
                    extra["ETag"] = route.etag
                if route.last_modified:
                    extra["Last-Modified"] = route.last_modified
                self._send(route.status, route.body, route.content_type, extra)

            def _send(
                self, status: int, body: bytes | None, ctype: str | None, extra: dict[str, str] | None = None
            ) -> None:
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    for k, v in (extra or {}).items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body or b"")))
                    self.end_headers()
                    if body:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for h in self.hits if h.path == path)

    def counts(self) -> Counter[str]:
        with self._lock:
            return Counter(h.path for h in self.hits)

    def url(self, path: str) -> str:
        return self.base + path


def rss(base: str, paths: list[str], title: str = "Example News") -> bytes:
    items = "".join(
        f"<item><title>Story {p}</title><link>{base}{p}</link><guid>{base}{p}</guid></item>" for p in paths
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link><description>news</description>{items}</channel></rss>"
    ).encode()


def atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>Story {p}</title><link href="{base}{p}"/><id>{base}{p}</id>'
        "<updated>2025-05-04T10:00:00Z</updated></entry>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Example</title><id>{base}/</id><updated>2025-05-04T10:00:00Z</updated>{entries}</feed>"
    ).encode()


def sitemap(base: str, paths: list[str], news: bool = False) -> bytes:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    urls = "".join(
        f"<url><loc>{base}{p}</loc>"
        + (f"<news:news><news:title>Story {p}</news:title></news:news>" if news else "")
        + "</url>"
        for p in paths
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>'
        f"{urls}</urlset>"
    ).encode()


def sitemap_index(base: str, paths: list[str]) -> bytes:
    maps = "".join(f"<sitemap><loc>{base}{p}</loc></sitemap>" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>'
    ).encode()


def feeds_file(tmp_path: Path, *sources: dict[str, str]) -> Path:
    lines = []
    for s in sources:
        lines.append("[[source]]")
        lines.extend(f'{k} = "{v}"' for k, v in s.items())
        lines.append("")
    path = tmp_path / "FEEDS.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
