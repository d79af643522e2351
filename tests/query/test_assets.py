"""Transfer: pages and scripts compressed, static URLs named by their content and kept a year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stancemap.app import create_app
from stancemap.config import Settings
from stancemap.query.assets import IMMUTABLE, REVALIDATE, asset_url, cache_control
from stancemap.query.countries import marker

ISSUE = "ukraine-ceasefire-2025"


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=f"sqlite:///{demo_db}"))) as c:
        yield c


def test_asset_urls_change_with_the_content() -> None:
    url = asset_url("app.css")
    assert re.fullmatch(r"/static/app\.css\?v=[0-9a-f]{12}", url)
    assert asset_url("issue.js") != asset_url("table.js").replace("table", "issue")
    assert cache_control(url.split("?")[0], url.split("?")[1], 200) == IMMUTABLE
    assert cache_control("/static/app.css", "", 200) == REVALIDATE
    assert cache_control("/static/nothing.css", "v=1", 404) is None
    assert cache_control("/issues", "", 200) is None


def test_pages_and_scripts_are_compressed_and_vendored_files_kept(client: TestClient) -> None:
    page = client.get(f"/issues/{ISSUE}", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200 and page.headers["content-encoding"] == "gzip"
    assert "Cache-Control" not in page.headers or "immutable" not in page.headers["Cache-Control"]
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    lazy = re.search(r'data-scripts="([^"]+)"', page.text)
    assert lazy, "the chart library is loaded when the timeline comes near"
    scripts += lazy.group(1).split()
    assert any("vega.min.js?v=" in s for s in scripts), scripts
    for src in scripts:
        r = client.get(src, headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200, src
        assert r.headers["cache-control"] == IMMUTABLE, src
        if int(r.headers.get("content-length", "0") or 0) >= 1000 or len(r.content) >= 1000:
            assert r.headers.get("content-encoding") == "gzip", src
    vega = client.get(next(s for s in scripts if "vega.min.js" in s), headers={"Accept-Encoding": "gzip"})
    # TestClient decodes the body; the compressed size is what went over the wire
    assert int(vega.headers.get("content-length", "0")) < len(vega.content) / 2
    bare = client.get("/static/app.css")
    assert bare.headers["cache-control"] == REVALIDATE and bare.headers.get("etag")
    # security headers stay on compressed responses
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


def test_small_states_have_a_dot_and_large_ones_do_not() -> None:
    for code in ("SGP", "BHR", "MLT", "HKG"):
        lon_lat = marker(code)
        assert lon_lat is not None and -180 <= lon_lat[0] <= 180 and -90 <= lon_lat[1] <= 90, code
    assert marker("FRA") is None and marker("EU") is None
