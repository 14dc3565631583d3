"""The README's newsreader lines, run as written: newsboat's `browser` setting and macros
(with %u filled in as newsboat does), `slant -` on a pipe, and `| less -R` at the width
asked.  Pages come from a local server on 127.0.0.1 serving tests/fixtures/feeds/pages.

The reader needs a terminal, which a test does not have: where a line opens the reader
(`slant URL`, `slant -`), a stand-in `slant` on PATH runs `slant analyze` on the same
arguments and stdin instead, so the test sees exactly what the reader would load.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.fixtures.feeds import PAGES

ROOT = Path(__file__).resolve().parent.parent
SGR = re.compile(r"\x1b\[[0-9;]*m")
TITLE = "Harbour bridge vote passes after a long night"


def readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### Feeds and newsreaders")
    return text[start:text.index("\n### ", start + 1)]


def blocks(section: str) -> list[list[str]]:
    return [[l for l in b.strip("\n").splitlines() if l.strip()]
            for b in re.findall(r"```[a-z]*\n(.*?)```", section, re.DOTALL)]


NEWSBOAT, SHELL = blocks(readme_section())


def newsboat(name: str) -> str:
    words = name.split()
    (line,) = [l for l in NEWSBOAT if l.split()[:len(words)] == words]
    return line


def browser_of(setting: str) -> str:
    """`browser "CMD"` or `set browser "CMD"` -> CMD."""
    return shlex.split(setting)[-1]


@pytest.fixture(scope="module")
def site():
    handler = functools.partial(_Quiet, directory=str(PAGES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


STAND_IN = """#!{python}
import os, sys
args = sys.argv[1:]
if args[:1] in (["analyze"], ["feed"], ["summarize"], ["eval"]):
    os.execv({python!r}, [{python!r}, "-m", "tui", *args])
# the reader: analyse what it would open instead (no terminal in a test)
with open(os.environ["SLANT_READER_LOG"], "a") as log:
    log.write(repr(args) + "\\n")
os.execv({python!r}, [{python!r}, "-m", "tui", "analyze", *args, "--model", "none"])
"""


@pytest.fixture
def shell(tmp_path):
    """Run a line with bash as newsboat would (`sh -c`), `slant` on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    slant = bin_dir / "slant"
    slant.write_text(STAND_IN.format(python=sys.executable))
    slant.chmod(0o755)
    log = tmp_path / "reader.log"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "SLANT_READER_LOG": str(log), "COLUMNS": "70", "SLANT_MODEL": "none"}
    env.pop("NO_COLOR", None)

    def run(line: str, stdin: bytes | None = None, **extra) -> subprocess.CompletedProcess:
        out = subprocess.run(["bash", "-c", line], input=stdin, capture_output=True,
                             cwd=tmp_path, env={**env, **extra}, timeout=300)
        out.reader_calls = log.read_text().splitlines() if log.exists() else []
        return out

    return run


needs_less = pytest.mark.skipif(shutil.which("less") is None,
                                reason="less is not installed; the lines pipe into less -R")


def fill(command: str, url: str) -> str:
    """newsboat puts the article's URL where %u is."""
    return command.replace("%u", shlex.quote(url))


def widths(text: str) -> list[int]:
    return [cell_len(SGR.sub("", line)) for line in text.splitlines()]


def test_the_section_has_the_lines_to_paste():
    assert NEWSBOAT[0] == 'browser "slant %u"'
    assert newsboat("macro a").startswith('macro a set browser "slant analyze %u')
    assert any(l.startswith("curl -s ") and l.split("#")[0].rstrip().endswith("| slant -")
               for l in SHELL)


def test_newsboat_browser_opens_the_article(shell, site):
    url = f"{site}/bridge-vote.html"
    out = shell(fill(browser_of(newsboat("browser")), url))
    assert out.returncode == 0, out.stderr
    assert out.reader_calls == [repr([url])]                      # `slant URL`: the reader
    data = json.loads(out.stdout)
    assert data["source"] == {"path": url, "title": TITLE}
    assert "Mayor Ilse Brandvik" in data["text"]


@needs_less
def test_newsboat_macro_pages_coloured_text_and_restores_the_browser(shell, site):
    steps = [s.strip() for s in newsboat("macro a").split(" ", 2)[2].split(" ; ")]
    assert steps[1] == "open-in-browser"
    assert browser_of(steps[2]) == browser_of(newsboat("browser"))   # back as it was
    out = shell(fill(browser_of(steps[0]), f"{site}/bridge-vote.html"))
    assert out.returncode == 0, out.stderr
    assert "\x1b[" in out.stdout.decode()                         # coloured for less -R
    plain = SGR.sub("", out.stdout.decode())
    assert TITLE in plain and "Ilse Brandvik" in plain
    assert max(widths(out.stdout.decode())) <= 70                 # $COLUMNS of the terminal


def test_newsboat_pipe_to_hands_the_article_on_stdin(shell):
    (command,) = shlex.split(newsboat("macro p").split(" ", 3)[3])
    article = ("Feed: The Harbour Courier\nTitle: Ferry fares to rise\nLink: "
               "https://courier.example/2026/12/ferry-fares.html\n\nFerry fares will rise by "
               "12 per cent from January, the Island Ferry Company said on Sunday.\n")
    out = shell(command, stdin=article.encode())
    assert out.returncode == 0, out.stderr
    assert out.reader_calls == [repr(["-"])]
    assert json.loads(out.stdout)["text"] == article


def test_curl_into_slant_dash(shell, site):
    (line,) = [l for l in SHELL if l.startswith("curl ")]
    command = line.split("#")[0].strip().replace("https://example.org/story",
                                                 f"{site}/ferry-fares.html")
    out = shell(command)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["source"]["path"] is None and "12 per cent" in data["text"]


@needs_less
def test_analyze_into_less_at_the_terminal_width(shell, site):
    (line,) = [l for l in SHELL if "| less -R" in l and "--width" not in l]
    command = line.split("#")[0].strip().replace("https://example.org/story",
                                                 f"{site}/bridge-vote.html")
    narrow = shell(command, COLUMNS="50")
    wide = shell(command, COLUMNS="120")
    assert narrow.returncode == wide.returncode == 0, narrow.stderr
    assert max(widths(narrow.stdout.decode())) <= 50 < max(widths(wide.stdout.decode())) <= 120
    assert "\x1b[" in narrow.stdout.decode()


@needs_less
def test_analyze_into_less_at_the_width_given(shell, tmp_path):
    (line,) = [l for l in SHELL if "--width" in l]
    (tmp_path / "article.txt").write_text((PAGES.parent / "README.md").read_text() * 3)
    out = shell(line.split("#")[0].strip(), COLUMNS="200")
    assert out.returncode == 0, out.stderr
    assert 60 < max(widths(out.stdout.decode())) <= 72


@needs_less
def test_no_color_keeps_the_cues_and_drops_the_colours(shell, site):
    out = shell(f"slant analyze {site}/bridge-vote.html --format text | less -R", NO_COLOR="1")
    codes = set(re.findall(r"\x1b\[([0-9;]*)m", out.stdout.decode()))
    assert codes and all(not any(30 <= int(c) <= 49 or 90 <= int(c) <= 107
                                 for c in code.split(";") if c) for code in codes)
