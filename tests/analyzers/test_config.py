"""User configuration: good, broken and missing files; never raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.config import ENV_VAR, Config, config_path, load_config

GOOD = """\
theme = "textual-dark"
[opinion.add]      # category -> words
loaded = ["shambolic", "  utter   disgrace "]
[opinion.remove]
hedge = ["reportedly"]
[categories]
disabled = ["hedge", "figures"]
[keys]
toggle_quotes = "1"
quit = "ctrl+q"
"""


def write(tmp_path: Path, text: str | bytes) -> Path:
    p = tmp_path / "config.toml"
    p.write_bytes(text.encode() if isinstance(text, str) else text)
    return p


def test_good_config(tmp_path):
    cfg, warnings = load_config(write(tmp_path, GOOD))
    assert warnings == []
    assert cfg.theme == "textual-dark"
    assert cfg.opinion_add == {"loaded": ["shambolic", "utter disgrace"]}
    assert cfg.opinion_remove == {"hedge": ["reportedly"]}
    assert cfg.disabled == ["hedge", "figures"]
    assert cfg.keys == {"toggle_quotes": "1", "quit": "ctrl+q"}
    assert cfg.opinion_settings() == {
        "extra": {"loaded": ["shambolic", "utter disgrace"]},
        "remove": {"hedge": ["reportedly"]},
        "disabled": ["hedge"],
    }
    assert cfg.hidden_highlights == ["figures"]


def test_missing_default_file_is_silent(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path() == tmp_path / "slant" / "config.toml"
    assert load_config() == (Config(), [])


def test_env_var_points_at_the_file(tmp_path, monkeypatch):
    p = write(tmp_path, 'theme = "nord"\n')
    monkeypatch.setenv(ENV_VAR, str(p))
    assert config_path() == p
    cfg, warnings = load_config()
    assert cfg.theme == "nord" and warnings == [] and cfg.path == str(p)


def test_named_file_missing_warns(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nope.toml"))
    cfg, warnings = load_config()
    assert cfg == Config()
    assert warnings == [f"{tmp_path / 'nope.toml'}: config file not found; using the defaults"]


def test_syntax_error_names_file_and_line(tmp_path):
    p = write(tmp_path, 'theme = "x"\n[keys]\ntoggle_quotes = \n')
    cfg, warnings = load_config(p)
    assert cfg == Config()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{p}: ") and "line 3" in warnings[0]
    assert warnings[0].endswith("using the defaults")


@pytest.mark.parametrize("text,line,phrase", [
    ('[opinion.add]\nlodaed = ["x"]\n', 2, "unknown opinion category 'lodaed'"),
    ('[opinion.add]\nloaded = ["x", 3]\n', 2, "must be a list of words"),
    ('[opinion.remove]\nhedge = 7\n', 2, "must be a list of words"),
    ('theme = 3\n', 1, "theme must be a name in quotes"),
    ('\n[categories]\ndisabled = ["hedge", "nope"]\n', 3, "unknown category 'nope'"),
    ('[categories]\ndisabled = "hedge, loaded"\n', 2, "unknown category 'hedge, loaded'"),
    ('colour = "red"\n', 1, "unknown setting 'colour'"),
    ('[keys]\nquit = 5\n', 2, "must be a key name in quotes"),
    ('[keys]\na = "1"\nb = "1"\n', 3, "already used by 'a'"),
    ('opinion = {add = {lodaed = ["x"]}}\n', 1, "unknown opinion category 'lodaed'"),
    ('opinion = 3\n', 1, "'opinion' must be a table"),
])
def test_wrong_values_warn_with_line_and_keep_the_rest(tmp_path, text, line, phrase):
    p = write(tmp_path, 'theme = "kept"\n' + text if not text.startswith("theme") else text)
    line += 0 if text.startswith("theme") else 1
    cfg, warnings = load_config(p)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{p}, line {line}: "), warnings[0]
    assert phrase in warnings[0]
    if not text.startswith("theme"):
        assert cfg.theme == "kept"


def test_unknown_action_when_actions_known(tmp_path):
    p = write(tmp_path, '[keys]\ntoggle_quotes = "1"\nfly = "f"\n')
    cfg, warnings = load_config(p, actions=["toggle_quotes", "quit"])
    assert cfg.keys == {"toggle_quotes": "1"}
    assert warnings == [f"{p}, line 3: unknown action 'fly' ignored (known: quit, toggle_quotes)"]


@pytest.mark.parametrize("data,phrase", [
    (b"\xff\xfe\x00bad", "not UTF-8"),
    (b"", None),
])
def test_odd_files(tmp_path, data, phrase):
    cfg, warnings = load_config(write(tmp_path, data))
    assert cfg.theme is None
    assert (phrase in warnings[0]) if phrase else warnings == []


def test_directory_instead_of_file(tmp_path):
    cfg, warnings = load_config(tmp_path)
    assert cfg == Config() and "is a directory" in warnings[0]
