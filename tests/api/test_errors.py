"""The error handler answers JSON on its own, and a page only through the page it is given.

``api`` never imports ``web``: the app (``stancemap.app``) hands the handler the
web's error page. These tests build bare apps to show both sides of that seam.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from stancemap.api.errors import install_error_handlers
from stancemap.errors import NotFoundError
from stancemap.web.pages import error_page

BROWSER = {"accept": "text/html,application/xhtml+xml"}


def _app(with_page: bool) -> TestClient:
    app = FastAPI()
    install_error_handlers(app, error_page if with_page else None)

    @app.get("/things/{name}")
    def thing(name: str) -> dict[str, str]:
        raise NotFoundError(f"no thing {name!r} is stored")

    return TestClient(app)


def test_without_a_page_every_error_is_json() -> None:
    r = _app(with_page=False).get("/things/ruritania", headers=BROWSER)
    assert r.status_code == 404
    assert r.json() == {"status": 404, "code": NotFoundError.code, "error": "no thing 'ruritania' is stored"}


def test_with_the_web_page_a_browser_gets_a_page_and_a_client_json() -> None:
    client = _app(with_page=True)
    page = client.get("/things/borduria", headers=BROWSER)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text and "no thing &#39;borduria&#39; is stored" in page.text
    data = client.get("/things/borduria.json", headers=BROWSER)
    assert data.status_code == 404 and data.json()["code"] == NotFoundError.code
