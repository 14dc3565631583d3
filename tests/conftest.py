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
