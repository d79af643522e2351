"""The committed country table is what its build script makes from the named sources."""

from __future__ import annotations

import importlib.util
import sys
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("countryinfo")

DATA = resources.files("stancemap.resolve").joinpath("data")


def _build_module():  # type: ignore[no-untyped-def]
    path = Path(str(DATA.joinpath("build_countries.py")))
    spec = importlib.util.spec_from_file_location("build_countries", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_countries"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_rebuilding_gives_the_committed_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build = _build_module()
    out = tmp_path / "countries.tsv"
    build.main(str(out))
    capsys.readouterr()  # the build warns on stderr about demonyms the sources share
    assert out.read_text(encoding="utf-8") == DATA.joinpath("countries.tsv").read_text(encoding="utf-8")


def test_an_unknown_correction_field_is_refused(tmp_path: Path) -> None:
    build = _build_module()
    bad = tmp_path / "corrections.tsv"
    bad.write_text("# a comment\ncode\tfield\tvalue\nFRA\tnickname\tHexagon\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nickname"):
        build.Corrections.read(bad)


def test_corrections_add_the_spec_codes_with_their_web_keys(tmp_path: Path) -> None:
    build = _build_module()
    fix = build.Corrections.read(Path(str(DATA.joinpath("country_corrections.tsv"))))
    rows = {r[0]: r for r in build.build(fix)}
    assert rows["XKX"][1:4] == ["XK", "name:Kosovo", "Kosovo"]
    assert rows["FRA"][1:3] == ["FR", "250"]  # alpha-2 and ISO numeric from pycountry
