from __future__ import annotations

import inspect

import stancemap
from stancemap import errors


def test_every_error_has_exit_code_status_and_code() -> None:
    classes = [getattr(errors, n) for n in errors.__all__]
    codes = set()
    for cls in classes:
        assert issubclass(cls, errors.StancemapError)
        assert isinstance(cls.exit_code, int) and cls.exit_code > 0
        assert 400 <= cls.http_status < 600
        codes.add(cls.code)
    assert len(codes) == len(classes), "error codes must be unique"


def test_message_carries_code_and_reason() -> None:
    e = errors.InputError("binary", "a.png is binary")
    assert str(e) == "[S004:binary] a.png is binary"
    assert e.reason == "binary"
    assert errors.NotFoundError("x").http_status == 404


def test_public_names_match_all() -> None:
    public = {
        n for n in dir(stancemap) if not n.startswith("_") and not inspect.ismodule(getattr(stancemap, n))
    } - {"annotations"}
    assert set(stancemap.__all__) - {"__version__"} <= public
    assert public - set(stancemap.__all__) == set()


def test_import_is_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, stancemap; heavy = [m for m in ('spacy', 'sqlalchemy', 'trafilatura', 'rich') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
