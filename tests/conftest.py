"""Shared fixtures: the spaCy pipelines are loaded once per test session.

`SLANT_MODEL=none python3 -m pytest` runs the suite in the rule-only mode, as on a machine
without the English pipeline: tests that need the statistical model (`full_pipe`) are
skipped with that reason, every other test must pass.
"""

from __future__ import annotations

import os

import pytest

RULE_ONLY = os.environ.get("SLANT_MODEL", "").lower() == "none"


@pytest.fixture(scope="session")
def full_pipe():
    from analyzers import load_pipeline

    if RULE_ONLY:
        pytest.skip("rule-only run (SLANT_MODEL=none): this test needs the spaCy pipeline")
    pipe = load_pipeline()
    assert pipe.info.mode == "full", pipe.warning
    return pipe


@pytest.fixture(scope="session")
def full_mode() -> bool:
    """Whether analyses run with the statistical model in this session."""
    return not RULE_ONLY


@pytest.fixture(scope="session")
def rules_pipe():
    from analyzers import load_pipeline

    return load_pipeline("none")


@pytest.fixture(scope="session", autouse=True)
def _own_cache_dir(tmp_path_factory):
    """Built lexicons go to a folder of the test run, not the user's cache."""
    import os

    from analyzers.opinion.cache import ENV_VAR

    old = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop(ENV_VAR, None)
    else:
        os.environ[ENV_VAR] = old


@pytest.fixture(autouse=True)
def no_user_data(tmp_path_factory, monkeypatch):
    """Reviews are stored in the platform's data folder: tests (and the commands they start)
    get a temporary one (XDG_DATA_HOME, which platformdirs follows), never yours."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder
