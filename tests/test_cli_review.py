"""`slant review FILE`, run as a user would (subprocesses, rule-only mode for speed), on a
review the reader would have stored (written here through the same store)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from analyzers.review import Anchor, Review, Verdict, Added, validate

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "analyzers" / "schema" / "review-1.json").read_text())
TEXT = ("Harbour vote passes\n\n\"We will build it,\" Mayor Ilse Brandvik said on Tuesday. "
        "Officials said the bridge would cost $420 million. Critics slammed the reckless plan.\n")


def slant(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin,
                          capture_output=True, cwd=ROOT, env=dict(os.environ), timeout=300,
                          text=stdin is None)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def reviewed(article) -> Path:
    from tui.review import store

    r = Review.new(TEXT, title="Harbour vote passes", path=str(article))
    s = TEXT.index("reckless")
    r.verdicts.append(Verdict("opinion", Anchor.at(TEXT, s, s + 8), "reject", "fair comment"))
    s = TEXT.index("Harbour vote")
    r.added.append(Added("a1", "opinion", Anchor.at(TEXT, s, s + 12), "headline spin?"))
    store.save(r)
    return article


def test_json_follows_the_schema_with_checklist_and_scorecard(reviewed):
    out = slant("review", str(reviewed), "--model", "none")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    jsonschema.validate(data, SCHEMA)
    validate(data)
    assert data["verdicts"][0]["note"] == "fair comment"
    assert data["added"][0]["text"] == "Harbour vote"
    rules = {c["rule"] for c in data["checklist"]}
    assert "anonymous_source" in rules
    assert data["scorecard"]["voices"] and data["summary"]["rejected"] == 1


def test_markdown(reviewed):
    out = slant("review", str(reviewed), "--model", "none", "--format", "md")
    assert out.returncode == 0, out.stderr
    md = out.stdout
    assert md.startswith("# Review: Harbour vote passes")
    for part in ("## Verification checklist", "- [ ] **anonymous source**",
                 "| Opinion: “reckless” | rejected | fair comment |",
                 "## Added by the reviewer", "## Source scorecard"):
        assert part in md, part


def test_html_to_a_file(reviewed, tmp_path):
    path = tmp_path / "r.html"
    out = slant("review", str(reviewed), "--model", "none", "--format", "html", "-o", str(path))
    assert out.returncode == 0, out.stderr
    html = path.read_text()
    assert "rv-rejected" in html and "rv-added" in html and "Verification checklist" in html


def test_no_review_yet_still_prints_the_checklist(article):
    out = slant("review", str(article), "--model", "none")
    assert out.returncode == 0
    assert "no review stored yet" in out.stderr
    assert json.loads(out.stdout)["verdicts"] == []


def test_reset_asks_and_needs_yes_without_a_terminal(reviewed):
    from analyzers.review import text_hash
    from tui.review import store

    out = slant("review", str(reviewed), "--reset")
    assert out.returncode == 2 and "--yes" in out.stderr and "Traceback" not in out.stderr
    assert store.path_for(text_hash(TEXT)).exists()
    out = slant("review", str(reviewed), "--reset", "--yes")
    assert out.returncode == 0 and "review deleted (0 accepted, 1 rejected, 1 added" in out.stderr
    assert not store.path_for(text_hash(TEXT)).exists()


def test_missing_file_is_one_line_and_exit_2(tmp_path):
    out = slant("review", str(tmp_path / "nope.txt"))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "no such file" in out.stderr
