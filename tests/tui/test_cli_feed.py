"""`slant feed` from the command line: what cannot be read is one line and exit 2, before
the reader starts (no terminal needed to see it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.feeds import RSS

ROOT = Path(__file__).resolve().parents[2]


def slant(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SLANT_CACHE": str(tmp / "cache")}
    return subprocess.run([sys.executable, "-m", "tui", "feed", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, timeout=120)


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.xml", "missing.xml: no such file"),
    (lambda d: d, "is a directory, not an article"),
    (lambda d: (d / "page.html").write_text("<html><body>hi</body></html>") and d / "page.html",
     "page.html: not an RSS or Atom feed"),
    (lambda d: (d / "empty.xml").write_text('<rss version="2.0"><channel><title>t</title>'
                                            '</channel></rss>') and d / "empty.xml",
     "empty.xml: the feed has no items"),
])
def test_what_is_not_a_feed_is_one_line_and_exit_2(tmp_path, make, message):
    out = slant(str(make(tmp_path)), tmp=tmp_path)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("slant: error: ")
    assert message in out.stderr and "Traceback" not in out.stderr


def test_an_uncached_feed_url_offline(tmp_path):
    out = slant("https://courier.example/rss.xml", "--offline", tmp=tmp_path)
    assert out.returncode == 2
    assert out.stderr == ("slant: error: https://courier.example/rss.xml: this feed is not in "
                          "the cache yet; open it once without --offline\n")


def test_stdin_and_a_pipe_are_refused_clearly(tmp_path):
    out = slant("-", tmp=tmp_path)
    assert out.returncode == 2 and "not stdin" in out.stderr
    out = slant(str(RSS), tmp=tmp_path)        # stdout is a pipe here
    assert out.returncode == 2 and "the reader needs a terminal" in out.stderr
    assert out.stderr.count("\n") == 1
