"""`slant analyze` on a long text: a progress bar on stderr when it is a terminal, and
nothing anywhere else (tui/cli/analyze.py)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from tui.cli import analyze as cli_analyze
from tui.cli import main

PARA = '"We will act," said Mayor Ilse Brandvik on Tuesday. The plan costs $4 million.'


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def long_file(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"{i}. {PARA}" for i in range(600)) + "\n", encoding="utf-8")
    return path


def test_a_long_analysis_draws_words_done_on_a_terminal_stderr(long_file, monkeypatch,
                                                                  capsys):
    monkeypatch.setattr(cli_analyze.WordsBar, "DELAY", 0.0)
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["analyze", str(long_file), "--format", "json", "--model", "none"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["schema"] == "slant.analysis/1"   # the JSON is untouched
    drawn = err.getvalue()
    assert "of 9,000 words" in drawn and "left" in drawn
    assert "of 9,000 words" not in out and "━" not in out


def test_no_bar_in_a_pipe(long_file, monkeypatch, capsys):
    monkeypatch.setattr(cli_analyze.WordsBar, "DELAY", 0.0)
    assert main(["analyze", str(long_file), "--format", "json", "--model", "none"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    json.loads(captured.out)


def test_the_bar_waits_a_few_seconds_and_goes_when_done(monkeypatch):
    now = [0.0]
    drawn: list[tuple[int, int]] = []

    class Bar:
        def add_task(self, name, total, completed):
            drawn.append((completed, total))
            return 1

        def update(self, task, completed, total):
            drawn.append((completed, total))

        def start(self):
            pass

        def stop(self):
            drawn.append(("stopped",))

    monkeypatch.setattr(cli_analyze, "_words_progress", Bar)
    bar = cli_analyze.WordsBar(clock=lambda: now[0])
    bar(100, 1000)           # a short analysis would be done by now: nothing shown
    now[0] = 2.5
    bar(400, 1000)
    bar(1000, 1000)
    assert drawn == [(400, 1000), (400, 1000), (1000, 1000), ("stopped",)]
    assert bar.bar is None
