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
def pipe(request):
    # asked for lazily: in a rule-only run (SLANT_MODEL=none) the "full" runs skip, the
    # "rules" ones still run
    return request.getfixturevalue(request.param)
