#!/usr/bin/env python3
"""Re-run the reproductions of issue 15 against a real server: time, memory and status.

usage: python benchmarks/hostile.py [article-page] [flood] [big-write] [sigterm] [cli-long] [edges]

Each check starts ``stancemap serve`` (uvicorn, as deployed) on a free port over a
throw-away SQLite file, does what the issue's reproduction did, and prints one
line of figures:

- article-page: a 2 MB article with 6,800 statements (stored directly, no parse);
  time and size of its page and of its JSON twin;
- flood: the server's resident memory idle, then its peak while six 100 MB POSTs
  without a token are sent at once (streamed), and while one 200 MB POST is;
- big-write: a 50 MB article POSTed with the token (status and time);
- sigterm: seconds from SIGTERM to exit while a 95,000-character article is extracted;
- cli-long: ``stancemap ingest`` of a JSON Lines file whose one record has 2 MB of text;
- edges: status of the hostile reads (offset 2^63, id 2^31, NUL, date_to=0, reversed dates);
- load: 30 s of 50 concurrent clients on an issue page of the demo database (built with
  ``stancemap demo --no-serve`` unless ``HOSTILE_DEMO_DB`` names an SQLite file holding it):
  p50, p95, p99 and errors.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent / "stancemap"
TOKEN = "bench-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def server(db: str, token: str = TOKEN) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = _free_port()
    env = {**os.environ, "STANCEMAP_DB": db, "STANCEMAP_API_TOKEN": token}
    # HOSTILE_SRC: run another checkout's code (its src/ folder) for a before/after comparison
    if os.environ.get("HOSTILE_SRC"):
        env["PYTHONPATH"] = os.environ["HOSTILE_SRC"]
    command = [sys.executable, "-c", "from stancemap.cli import main; raise SystemExit(main())"]
    proc = subprocess.Popen([*command, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        yield proc, port
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()


def get(port: int, path: str) -> tuple[int, bytes, float, dict[str, str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    t0 = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    took = time.perf_counter() - t0
    headers = {k.lower(): v for k, v in r.getheaders()}
    conn.close()
    return r.status, body, took, headers


def article_page(folder: Path) -> None:
    from stancemap.models import Article, Span, Statement
    from stancemap.store import Store

    unit = (
        'Ruritania said: "We reject the Bordurian plan entirely." '
        "The talks on the Klopstokian valley went on late into the night, officials said, and "
        "diplomats from Syldavia and Borduria met again in the capital on Tuesday afternoon. "
        "Both delegations are expected to report to their parliaments before the end of the month. "
    )
    n = 6_800
    text = unit * n
    article = Article(name="two-megabytes", text=text, source="bench", outlet="ruritania.example")
    sts = []
    for k in range(n):
        at = k * len(unit)
        if at + 56 > len(text):
            break
        sts.append(
            Statement(
                article=article.name,
                actor="RUR",
                actor_name="Ruritania",
                kind="direct",
                evidence=Span(at + 16, at + 56, text[at + 16 : at + 56]),
                source=Span(at, at + 9, "Ruritania"),
                cue=Span(at + 10, at + 14, "said"),
            )
        )
    db = f"sqlite:///{folder / 'page.sqlite'}"
    with Store.open(db) as store:
        store.add_article(article, sts)
    with server(db) as (_proc, port):
        for path in (
            f"/articles/{article.id}",
            f"/articles/{article.id}.json",
            f"/articles/{article.id}?limit=1000&offset=5000",
        ):
            get(port, path)  # warm
            status, body, took, _ = get(port, path)
            print(
                f"article-page {path.split('/')[-1][64:] or '(page)'}: {len(text) / 1e6:.1f} MB text, "
                f"{len(sts):,} statements -> {status} in {took:.2f} s, {len(body) / 1e6:.2f} MB"
            )


def _stream_post(port: int, total: int, token: str | None, results: list[str]) -> None:
    s = socket.create_connection(("127.0.0.1", port))
    head = (
        f"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {total}\r\n"
    )
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    s.sendall((head + "\r\n").encode())
    chunk = b"x" * (1 << 20)
    sent = 0
    try:
        while sent < total:
            s.sendall(chunk[: min(len(chunk), total - sent)])
            sent += len(chunk)
    except OSError:
        pass  # the server answered and closed: what we want
    try:
        s.settimeout(10)
        answer = s.recv(200).split(b"\r\n")[0].decode(errors="replace")
    except OSError as e:
        answer = f"({e.__class__.__name__})"
    results.append(f"{answer} after {min(sent, total) / 1e6:.0f} MB sent")
    s.close()


def flood(folder: Path) -> None:
    db = f"sqlite:///{folder / 'flood.sqlite'}"
    with server(db) as (proc, port):
        get(port, "/index.json")
        time.sleep(1)
        idle = rss_mb(proc.pid)
        for label, count, size in (("6 x 100 MB", 6, 100_000_000), ("1 x 200 MB", 1, 200_000_000)):
            results: list[str] = []
            threads = [
                threading.Thread(target=_stream_post, args=(port, size, None, results)) for _ in range(count)
            ]
            peak = idle
            for t in threads:
                t.start()
            while any(t.is_alive() for t in threads):
                peak = max(peak, rss_mb(proc.pid))
                time.sleep(0.02)
            print(
                f"flood {label} without a token: idle {idle:.0f} MB, peak {peak:.0f} MB "
                f"(+{peak - idle:.0f} MB); answers: {sorted(set(results))}"
            )


def big_write(folder: Path) -> None:
    db = f"sqlite:///{folder / 'big.sqlite'}"
    with server(db) as (proc, port):
        results: list[str] = []
        t0 = time.perf_counter()
        _stream_post(port, 50_000_000, TOKEN, results)
        print(f"big-write 50 MB with the token: {results[0]} in {time.perf_counter() - t0:.2f} s")


def _long_text(chars: int) -> str:
    paras = [
        'The foreign minister of Ruritania said on Monday that "the Bordurian plan cannot stand."',
        "Borduria's president told reporters the talks would resume in Klopstokia next week.",
        "Officials in Syldavia said they supported a ceasefire, adding that both sides must withdraw.",
    ]
    out: list[str] = []
    k = 0
    while sum(len(p) + 2 for p in out) < chars:
        out.append(f"{paras[k % 3]} (report {k})")
        k += 1
    return "\n\n".join(out)


def sigterm(folder: Path) -> None:
    db = f"sqlite:///{folder / 'term.sqlite'}"
    with server(db) as (proc, port):
        body = json.dumps({"text": _long_text(95_000)}).encode()
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(
            b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {TOKEN}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        time.sleep(5)
        t0 = time.perf_counter()
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
        print(f"sigterm during a 95,000-character extraction: exited in {time.perf_counter() - t0:.2f} s")
        s.close()


def cli_long(folder: Path) -> None:
    path = folder / "long.jsonl"
    record = {"id": "long", "text": _long_text(2_000_000)}
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "short", "text": _long_text(500)}) + "\n")
    t0 = time.perf_counter()
    r = subprocess.run(
        [str(BIN), "--db", f"sqlite:///{folder / 'cli.sqlite'}", "ingest", str(path)],
        capture_output=True,
        text=True,
    )
    took = time.perf_counter() - t0
    summary = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
    print(f"cli-long 2 MB record: exit {r.returncode} in {took:.1f} s; {summary}")


def edges(folder: Path) -> None:
    db = f"sqlite:///{folder / 'edges.sqlite'}"
    with server(db) as (_proc, port):
        for path in (
            f"/statements.json?offset={2**63}",
            f"/articles.json?offset={2**63}",
            f"/actors.json?offset={2**63}",
            f"/statements/{2**63}.json",
            f"/statements/{2**31}.json",
            "/statements.json?actor=US%00A",
            "/articles/a%00b.json",
            "/statements.json?date_to=0",
            "/statements.json?date_from=2025-03-10&date_to=2025-01-01",
        ):
            status, body, _, headers = get(port, path)
            print(f"edges {path}: {status} csp={'content-security-policy' in headers} {body[:80]!r}")


def load(folder: Path) -> None:
    import asyncio

    import httpx

    given = os.environ.get("HOSTILE_DEMO_DB")
    path = Path(given) if given else folder / "demo.sqlite"
    if not path.exists():
        subprocess.run(
            [str(BIN), "--db", f"sqlite:///{path}", "demo", "--no-serve"], check=True, capture_output=True
        )
    with server(f"sqlite:///{path}") as (_proc, port):
        base = f"http://127.0.0.1:{port}"
        issue = os.environ.get("HOSTILE_ISSUE") or httpx.get(f"{base}/issues.json").json()["items"][0]["id"]
        url = f"{base}/issues/{issue}"
        times: list[float] = []
        errors = 0

        async def client(stop: float) -> None:
            nonlocal errors
            async with httpx.AsyncClient(timeout=30) as c:
                while time.monotonic() < stop:
                    t0 = time.perf_counter()
                    try:
                        r = await c.get(url)
                        if r.status_code != 200:
                            errors += 1
                    except httpx.HTTPError:
                        errors += 1
                    times.append(time.perf_counter() - t0)

        async def run() -> None:
            stop = time.monotonic() + 30
            await asyncio.gather(*(client(stop) for _ in range(50)))

        asyncio.run(run())
        times.sort()

        def pct(q: float) -> float:
            return times[min(len(times) - 1, int(q * len(times)))] * 1000

        print(
            f"load /issues/{issue}, 50 clients for 30 s: {len(times)} requests, p50 {pct(0.5):.0f} ms, "
            f"p95 {pct(0.95):.0f} ms, p99 {pct(0.99):.0f} ms, errors {errors}"
        )


CHECKS = {
    "article-page": article_page,
    "flood": flood,
    "big-write": big_write,
    "sigterm": sigterm,
    "cli-long": cli_long,
    "edges": edges,
    "load": load,
}


def main() -> None:
    wanted = sys.argv[1:] or list(CHECKS)
    with tempfile.TemporaryDirectory() as tmp:
        for name in wanted:
            CHECKS[name](Path(tmp))


if __name__ == "__main__":
    main()
