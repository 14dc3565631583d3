"""Pipelines for the analyzer tests: `full` (the English spaCy pipeline), `rules` (the
rule-only mode) and `pipe`, which runs a test once with each."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def full(full_pipe):
    return full_pipe


@pytest.fixture(scope="module")
def rules(rules_pipe):
    return rules_pipe


@pytest.fixture(scope="module", params=["full", "rules"])
def pipe(request, full, rules):
    return full if request.param == "full" else rules
