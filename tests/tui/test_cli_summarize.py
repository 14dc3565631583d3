"""`slant summarize` from the command line: formats, -o, and bad input as one line, exit 2."""

from __future__ import annotations

import json

import pytest

from tests.fixtures.summary import RESULTS
from tui.cli import main


def test_markdown_to_stdout(capsys):
    assert main(["summarize", str(RESULTS), "--by", "outlet"]) == 0
    out = capsys.readouterr().out
    assert "## By outlet" in out and "| Courier | 2 | 1,500 |" in out


def test_html_to_a_file_atomically(tmp_path, capsys):
    out = tmp_path / "summary.html"
    assert main(["summarize", str(RESULTS), "--format", "html", "-o", str(out)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert main(["summarize", str(RESULTS), "--format", "html", "-o", str(out)]) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["summary.html"]


def test_json_by_source(capsys):
    assert main(["summarize", str(RESULTS), "--by", "source", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [g["label"] for g in data["groups"]] == ["corpus/wire", "courier.example"]


@pytest.mark.parametrize("content, message", [
    ("", "no analyses in this file"),
    ("{\"stats\": {}}\nnot json\n", "line 2: not JSON (Expecting value)"),
    ("[1, 2]\n", "line 1: not a slant analysis (no stats)"),
    ("{\"text\": \"x\"}\n", "line 1: not a slant analysis (no stats)"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "r.jsonl"
    path.write_text(content)
    assert main(["summarize", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_a_missing_file_and_an_empty_by(tmp_path, capsys):
    assert main(["summarize", str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl: no such file" in capsys.readouterr().err
    assert main(["summarize", str(RESULTS), "--by", " "]) == 2
    assert "--by needs a field name" in capsys.readouterr().err
