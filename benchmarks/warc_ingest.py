#!/usr/bin/env python3
"""Ingest throughput of a web archive against the same articles as JSON Lines.

The VOA demo stories become HTML pages (navigation, headline, byline, date,
paragraphs, footer) in a gzip-compressed WARC, each with its request record and
a metadata record, as a crawler writes them. The archive is read once with
stancemap's own reader, and the articles it yields are written as JSON Lines, so
both inputs hold exactly the same texts and metadata (all but ``body_start``, which
JSON Lines cannot carry: the headline is then read as part of the body). Each is then
ingested into a fresh SQLite database, in its own process with the pipeline loaded
before the clock starts.

usage: python benchmarks/warc_ingest.py [--copies N] [--repeat N]

``--copies`` makes each story N distinct articles (a numbered sentence is added),
for a longer run. Prints articles/s for both, the ratio, and peak RSS. On a shared
machine wall time swings with the other processes, so the ratio is also given in CPU
seconds of the ingesting process (user + system), which they disturb much less.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "src" / "stancemap" / "demo" / "voa_stories.jsonl"

RUN = """
import json, resource, sys, time
from stancemap.jobs.corpus import ingest_paths
from stancemap.config import Settings
from stancemap.extract.pipeline import load_pipeline
from stancemap.store import Store
settings = Settings(db="sqlite:///" + sys.argv[2])
load_pipeline(settings.model)
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
t, c = time.perf_counter(), cpu()
with Store.open(settings.db) as store:
    report = ingest_paths([sys.argv[1]], settings, store)
seconds, cpu_s = time.perf_counter() - t, cpu() - c
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
figures = {"seconds": seconds, "cpu": cpu_s, "new": report.new, "statements": report.statements}
print(json.dumps({**figures, "rss": rss}))
"""


def page(story: dict[str, str], extra: str) -> str:
    paras = [p for p in story["text"].split("\n") if p.strip()]
    if extra:
        paras.append(extra)
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras)
    title = html.escape(story["title"])
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title} | News</title>"
        f'<meta name="author" content="{html.escape(story.get("author") or "")}">'
        f'<meta property="article:published_time" content="{story["published"][:10]}">'
        f'<link rel="canonical" href="{html.escape(story["url"])}"></head><body>'
        '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a> '
        '<a href="/usa">USA</a></nav></header><main><article>'
        f"<h1>{title}</h1>{body}</article>"
        '<aside><h2>Related</h2><ul><li><a href="/a">Other story</a></li></ul></aside></main>'
        "<footer><p>Follow us on social media.</p></footer></body></html>"
    )


def write_warc(path: Path, copies: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stories = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()]
    n = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "benchmark"}))
        for copy in range(copies):
            for story in stories:
                url = f"{story['url']}?copy={copy}"
                extra = f"This is copy {copy} of the story, number {n}." if copies > 1 else ""
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
                body = page(story, extra).encode("utf-8")
                ctype = [("Content-Type", "text/html; charset=utf-8")]
                http = StatusAndHeaders("200 OK", ctype, protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
                )
                meta = io.BytesIO(b"fetchTimeMs: 120\n")
                writer.write_record(
                    writer.create_warc_record(url, "metadata", payload=meta, warc_content_type="text/plain")
                )
                n += 1
    return n


def write_jsonl(warc: Path, out: Path) -> int:
    from stancemap.config import Settings
    from stancemap.ingest import read_paths
    from stancemap.models import Article

    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for item in read_paths([warc], Settings()):
            if isinstance(item, Article):
                record = {
                    "id": item.name,
                    "url": item.url,
                    "title": item.title,
                    "author": item.author,
                    "outlet": item.outlet,
                    "published": item.published.isoformat() if item.published else None,
                    "text": item.text,
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


def measure(path: Path, work: Path, tag: str) -> dict[str, float]:
    db = work / f"{tag}.sqlite"
    db.unlink(missing_ok=True)
    argv = [sys.executable, "-c", RUN, str(path), str(db)]
    out = subprocess.run(argv, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        warc, jsonl = work / "crawl.warc.gz", work / "same.jsonl"
        pages = write_warc(warc, args.copies)
        articles = write_jsonl(warc, jsonl)
        size = warc.stat().st_size / 1e6
        print(f"{pages} pages in {size:.1f} MB of WARC; {articles} articles as JSON Lines")
        best: dict[str, dict[str, float]] = {}
        for r in range(args.repeat):
            for tag, path in (("jsonl", jsonl), ("warc", warc)):
                got = measure(path, work, tag)
                print(
                    f"  run {r + 1} {tag:5}: {got['new']:.0f} articles in {got['seconds']:.1f} s "
                    f"({got['cpu']:.1f} s CPU), "
                    f"{got['statements']:.0f} statements, peak RSS {got['rss'] / 1024:.0f} MB"
                )
                if tag not in best:
                    best[tag] = dict(got)
                best[tag]["seconds"] = min(best[tag]["seconds"], got["seconds"])
                best[tag]["cpu"] = min(best[tag]["cpu"], got["cpu"])
        j, w = best["jsonl"], best["warc"]
        print(f"JSON Lines: {j['new'] / j['seconds']:.1f} articles/s, peak RSS {j['rss'] / 1024:.0f} MB")
        print(f"WARC:       {w['new'] / w['seconds']:.1f} articles/s, peak RSS {w['rss'] / 1024:.0f} MB")
        print(
            f"WARC takes {w['seconds'] / j['seconds']:.2f}x the wall time of JSON Lines and "
            f"{w['cpu'] / j['cpu']:.2f}x its CPU time (best of {args.repeat} each)"
        )
        if j["statements"] != w["statements"]:
            print(f"note: statements differ: {j['statements']:.0f} vs {w['statements']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
