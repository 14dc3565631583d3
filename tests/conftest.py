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
