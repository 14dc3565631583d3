"""`slant compare` on the command line: the three formats, stdin, -o, and bad input (one
line, exit 2, no traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from analyzers.compare import validate
from analyzers.resources import compare_samples
from test_cli import ROOT
from test_cli import slant as _slant

def slant(*args: str, stdin: bytes | None = None):
    """`slant ARGS` with its output as text."""
    out = _slant(*args, stdin=stdin)
    out.stdout, out.stderr = out.stdout.decode(), out.stderr.decode()
    return out


SCHEMA = json.loads((ROOT / "analyzers" / "schema" / "compare-1.json").read_text())


def test_json_of_the_sample_pair_is_valid_and_finds_the_story():
    out = slant("compare", "--sample", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    jsonschema.validate(data, SCHEMA)
    validate(data)
    assert data["story"]["shared"]
    assert [(f["a"]["text"], f["b"]["text"]) for f in data["figures"]["disputed"]][0] == \
        ("300", "2,000")
    assert data["a"]["source"]["title"].startswith("Police and marchers clash")


def test_markdown_and_html_reports(tmp_path):
    a, b = compare_samples()
    out = slant("compare", str(a), str(b), "--format", "md")
    assert out.returncode == 0, out.stderr
    assert "## Shared quotes" in out.stdout and "| protesters | rioters |" in out.stdout
    report = tmp_path / "cmp.html"
    out = slant("compare", str(a), "-", "--format", "html", "-o", str(report),
                stdin=b.read_bytes())
    assert out.returncode == 0, out.stderr
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "2 million crowns" in html
    again = slant("compare", str(a), str(b), "--format", "html", "-o", str(report))
    assert again.returncode == 2 and "exists; use --force" in again.stderr


@pytest.mark.parametrize("args, message", [
    (["compare", "one.txt"], "compare takes two articles"),
    (["compare", "--sample", "README.md"], "give no FILEs with it"),
    (["compare", "-", "-", "--format", "json"], "can be given only once"),
    (["compare", "missing.txt", "README.md", "--format", "json"], "missing.txt: no such file"),
    (["compare", "README.md", "tests", "--format", "md"], "is a directory"),
])
def test_bad_input_is_one_line_and_exit_2(args, message):
    out = slant(*args, stdin=b"")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and message in out.stderr
    assert "Traceback" not in out.stderr


def test_the_view_needs_a_terminal():
    out = slant("compare", "--sample")
    assert out.returncode == 2 and "needs a terminal" in out.stderr


def test_unrelated_articles_in_json_say_no_shared_story():
    from analyzers.resources import samples

    out = slant("compare", *map(str, samples()[:2]), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["story"]["shared"] is False
    assert data["story"]["note"].startswith("no shared story found")
