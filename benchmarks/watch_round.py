#!/usr/bin/env python3
"""One `stancemap watch --once` round over 1,000 entries served from 127.0.0.1, then a second round.

A local server serves an RSS feed of N entries and their pages (the VOA demo
stories, each made N / 89 distinct articles by a numbered closing sentence),
and counts the requests it receives. The first round runs in its own process
(`stancemap watch FEEDS.toml --once`, no wait between requests to the one host);
its wall time, peak RSS and requests are printed. A second round (`--force`,
so the feed is due) must send only robots.txt and one conditional GET, answered 304.

usage: python benchmarks/watch_round.py [--entries 1000]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "src" / "stancemap" / "demo" / "voa_stories.jsonl"


def pages(n: int) -> dict[str, bytes]:
    stories = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()]
    out: dict[str, bytes] = {}
    for k in range(n):
        s = stories[k % len(stories)]
        paras = [p for p in s["text"].split("\n") if p.strip()] + [f"This is item {k} of the feed."]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
        out[f"/story/{k}"] = (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(s["title"])}</title>'
            f'<meta property="article:published_time" content="{s["published"][:10]}"></head>'
            '<body><nav><a href="/">Home</a></nav>'
            f"<article><h1>{html.escape(s['title'])}</h1>{body}</article>"
            "<footer>Follow us.</footer></body></html>"
        ).encode()
    return out


def serve(routes: dict[str, bytes], etag: str) -> tuple[ThreadingHTTPServer, Counter[str]]:
    hits: Counter[str] = Counter()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            with lock:
                hits[self.path] += 1
            body = routes.get(self.path)
            if self.path == "/rss.xml" and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            ctype = "application/rss+xml" if self.path == "/rss.xml" else "text/html; charset=utf-8"
            self.send_header("Content-Type", ctype)
            if self.path == "/rss.xml":
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, hits


def run_round(db: str, feeds: Path, force: bool) -> tuple[float, float, str]:
    env = {**os.environ, "STANCEMAP_WATCH_HOST_INTERVAL_MS": "0"}
    argv = [sys.executable, "-m", "stancemap.cli", "--db", db, "watch", str(feeds), "--once"]
    if force:
        argv.append("--force")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024, out.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=1000)
    args = ap.parse_args()
    routes = pages(args.entries)
    httpd, hits = serve(routes, '"v1"')
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in routes)
    routes["/rss.xml"] = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title><link>{base}/</link>'
        f"<description>x</description>{items}</channel></rss>"
    ).encode()
    with tempfile.TemporaryDirectory() as tmp:
        feeds = Path(tmp) / "FEEDS.toml"
        feeds.write_text(f'[[source]]\nurl = "{base}/rss.xml"\nevery = "15m"\n', encoding="utf-8")
        db = f"sqlite:///{Path(tmp) / 'watch.sqlite'}"
        seconds, rss, summary = run_round(db, feeds, force=False)
        sent = sum(hits.values())
        pages_asked = sum(n for p, n in hits.items() if p.startswith("/story/"))
        print(
            f"round 1: {args.entries} entries in {seconds:.1f} s ({args.entries / seconds:.1f} entries/s), "
            f"peak RSS {rss:.0f} MB, {sent} requests ({pages_asked} pages, "
            f"{hits['/rss.xml']} feed, {hits['/robots.txt']} robots.txt)"
        )
        print(f"  {summary}")
        hits.clear()
        seconds, _, summary = run_round(db, feeds, force=True)
        print(f"round 2 (feed unchanged): {seconds:.1f} s, {sum(hits.values())} requests: {dict(hits)}")
        print(f"  {summary}")
    httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
