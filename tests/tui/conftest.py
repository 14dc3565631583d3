"""Fixtures for the reader's tests (the article and analysis live in reader_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.model import Analysis
from reader_fixtures import TEXT, make_analysis


@pytest.fixture(autouse=True)
def no_user_config(tmp_path_factory, monkeypatch):
    """The reader reads the user's config at start: tests get an empty one, not yours."""
    empty = tmp_path_factory.mktemp("config") / "config.toml"
    empty.write_text("")
    monkeypatch.setenv("SLANT_CONFIG", str(empty))
    return empty


@pytest.fixture(autouse=True)
def crash_log(tmp_path_factory, monkeypatch) -> Path:
    """Crashes are logged to a temporary folder, not to your log folder."""
    folder = tmp_path_factory.mktemp("log")
    monkeypatch.setattr("tui.crashlog.log_dir", lambda: folder)
    return folder / "crash.log"


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    p = tmp_path / "bridge.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p
