"""Shared fixtures: the spaCy pipelines are loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def full_pipe():
    from analyzers import load_pipeline

    pipe = load_pipeline()
    assert pipe.info.mode == "full", pipe.warning
    return pipe


@pytest.fixture(scope="session")
def rules_pipe():
    from analyzers import load_pipeline

    return load_pipeline("none")


@pytest.fixture(autouse=True)
def no_user_data(tmp_path_factory, monkeypatch):
    """Reviews are stored in the platform's data folder: tests (and the commands they start)
    get a temporary one (XDG_DATA_HOME, which platformdirs follows), never yours."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder
