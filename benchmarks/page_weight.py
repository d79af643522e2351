#!/usr/bin/env python3
"""What an issue page costs a phone on a slow network: bytes, requests, time to draw the map.

usage: python benchmarks/page_weight.py --url http://127.0.0.1:8000 --issue ID [--repeat 3] [--no-throttle]

Drives Debian's chromium (``/usr/bin/chromium``) through Playwright at phone size
(390x844), cache empty each time, with the network emulated through the DevTools
protocol as DevTools' "Fast 3G" preset: 562.5 ms round trip, 1.44 Mbit/s down,
0.675 Mbit/s up (``Network.emulateNetworkConditions``). For each load it records
the bytes that crossed the network (``encodedDataLength``: compressed size plus
headers), the number of requests, and the time from the start of navigation to
the map being drawn and to the ``load`` event. "Drawn" is the first animation frame
in which a country of ``#map`` has a size and its fill from the style sheet (not
the default black), whoever drew it (the server's SVG, or Vega in the browser):
a script added before the page's own polls for it each frame. Prints one JSON
object with every run and the median.
The server is not started here: start one (``stancemap serve``) over a database.
"""

from __future__ import annotations

import argparse
import json
import statistics
from typing import Any

#: DevTools' "Fast 3G" preset (throughput in bytes per second).
FAST_3G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.44 * 1_000_000 / 8,
    "uploadThroughput": 0.675 * 1_000_000 / 8,
}


#: Runs before the page's own scripts (the page's CSP does not apply) and notes the frame the map shows.
MAP_WATCH = """(function () {
  function tick() {
    var shape = document.querySelector("#map svg path[class^='s-'], #map svg path[fill]");
    if (shape && shape.getBoundingClientRect().width > 0 && getComputedStyle(shape).fill !== "rgb(0, 0, 0)") {
      window.__mapDrawn = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();"""


def load_once(browser: Any, url: str, throttle: bool) -> dict[str, Any]:
    """Load ``url`` once in a fresh phone-sized context and measure it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(MAP_WATCH)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttle:
        cdp.send("Network.emulateNetworkConditions", FAST_3G)
    sizes: dict[str, int] = {}
    cdp.on(
        "Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"]))
    )
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_function("window.__mapDrawn !== undefined", timeout=120_000)
    map_ms = page.evaluate("window.__mapDrawn")
    page.wait_for_load_state("load", timeout=120_000)
    nav = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.wait_for_timeout(300)
    context.close()
    return {
        "map_drawn_ms": round(map_ms),
        "load_ms": round(nav),
        "requests": len(sizes),
        "bytes": sum(sizes.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the server's base URL")
    parser.add_argument("--issue", required=True, help="the issue id whose page is loaded")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-throttle", action="store_true", help="the local network as it is")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    url = f"{args.url.rstrip('/')}/issues/{args.issue}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--headless", "--no-sandbox"])
        runs = [load_once(browser, url, not args.no_throttle) for _ in range(args.repeat)]
        browser.close()
    summary = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    network = "none" if args.no_throttle else "Fast 3G"
    print(json.dumps({"url": url, "network": network, "median": summary, "runs": runs}, indent=1))


if __name__ == "__main__":
    main()
