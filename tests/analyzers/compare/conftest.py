"""The bundled pair (a wire report and a column on one invented event) and two unrelated
articles (the reader's own samples), analysed once per session with the full pipeline."""

from __future__ import annotations

import pytest

from analyzers import analyze
from analyzers.compare import compare
from analyzers.compare.common import Side
from analyzers.model import Source
from analyzers.resources import compare_samples, samples


def _analyse(paths, pipe):
    return [analyze(p.read_text(encoding="utf-8"), pipeline=pipe,
                    source=Source(path=str(p))) for p in paths]


@pytest.fixture(scope="session")
def pair(full_pipe):
    return _analyse(compare_samples(), full_pipe)


@pytest.fixture(scope="session")
def sides(pair):
    return Side(pair[0], "a"), Side(pair[1], "b")


@pytest.fixture(scope="session")
def comparison(pair):
    return compare(*pair)


@pytest.fixture(scope="session")
def unrelated(full_pipe):
    return _analyse(samples()[:2], full_pipe)
