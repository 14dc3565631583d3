"""`slant analyze` and the command line's errors, run as a user would (subprocesses)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analyzers.resources import samples

ROOT = Path(__file__).resolve().parent.parent


def slant(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=300)


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "story.txt"
    path.write_text("Harbour vote passes\n\n\"We will build it,\" Mayor Ilse Brandvik said on "
                    "Tuesday, adding that the bridge would cost $420 million.\n", encoding="utf-8")
    return path


def test_help_is_instant_and_does_not_import_spacy():
    code = ("import sys; from tui.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'spacy' not in sys.modules and 'textual' not in sys.modules, 'heavy import'")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, text=True)
    assert out.returncode == 0, out.stderr
    assert "slant analyze" in out.stdout


def test_analyze_json_is_one_valid_object(article, full_mode):
    out = slant("analyze", str(article))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "slant.analysis/1"
    assert data["source"] == {"path": str(article), "title": "Harbour vote passes"}
    assert data["model"]["mode"] == ("full" if full_mode else "rules-only")
    assert data["text"] == article.read_text(encoding="utf-8")


def test_analyze_jsonl_keeps_input_order_and_reports_bad_files(article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("A second article about 12 per cent.\n", encoding="utf-8")
    out = slant("analyze", str(other), str(tmp_path / "missing.txt"), str(article),
                "--format", "jsonl")
    assert out.returncode == 2
    lines = out.stdout.decode().splitlines()
    assert [json.loads(l)["source"]["path"] for l in lines] == [str(other), str(article)]
    err = out.stderr.decode().strip().splitlines()
    assert err == [f"slant: error: {tmp_path / 'missing.txt'}: no such file"]


def test_analyze_reads_stdin():
    out = slant("analyze", "-", stdin="“Fine,” she said.".encode())
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["source"]["path"] is None
    assert data["text"] == "“Fine,” she said."


def test_analyze_text_format_prints_the_article(article):
    out = slant("analyze", str(article), "--format", "text", env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "We will build it" in text and "key:" in text


def _empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_text("")
    return path


@pytest.mark.parametrize("make, fragment", [
    (lambda d: d / "nope.txt", "no such file"),
    (lambda d: d, "directory"),
    (_empty, "empty"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, fragment):
    path = make(tmp_path)
    out = slant("analyze", str(path))
    assert out.returncode == 2
    err = out.stderr.decode().strip().splitlines()
    assert len(err) == 1 and fragment in err[0] and err[0].startswith("slant: error:")
    assert b"Traceback" not in out.stderr


def test_unknown_model_falls_back_to_rules_with_one_warning(article):
    out = slant("analyze", str(article), "--model", "xx_no_such_pipeline")
    assert out.returncode == 0
    assert json.loads(out.stdout)["model"]["mode"] == "rules-only"
    warnings = [l for l in out.stderr.decode().splitlines() if "rule-only" in l]
    assert len(warnings) == 1


def test_model_from_environment(article):
    out = slant("analyze", str(article), env={"SLANT_MODEL": "none"})
    assert out.returncode == 0
    assert json.loads(out.stdout)["model"]["mode"] == "rules-only"


def test_several_files_in_json_make_an_array():
    paths = [str(p) for p in samples()[:2]]
    out = slant("analyze", *paths, "--model", "none")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [d["source"]["path"] for d in data] == paths


def test_jobs_gives_the_same_result_as_serial(article, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("\"No,\" said Ana Souza, Brazil's chief trade negotiator.\n", encoding="utf-8")
    serial = slant("analyze", str(article), str(other), "--format", "jsonl", "--model", "none")
    parallel = slant("analyze", str(article), str(other), "--format", "jsonl", "-j", "2",
                     "--model", "none")
    assert serial.returncode == parallel.returncode == 0
    assert serial.stdout == parallel.stdout


def test_usage_errors_exit_2(article):
    assert slant("analyze", str(article), "--format", "bogus").returncode == 2
    out = slant("analyze", str(article), str(article), "--format", "text")
    assert out.returncode == 2 and b"takes one file" in out.stderr


def test_eval_without_data_is_a_clear_error(tmp_path):
    out = slant("eval", "--data", str(tmp_path / "nowhere"))
    assert out.returncode == 2
    assert out.stderr.decode().startswith("slant: error:")


def test_reader_refuses_a_pipe_without_traceback():
    out = slant(str(samples()[0]))
    assert out.returncode == 2
    assert b"needs a terminal" in out.stderr


def test_html_report_is_written_atomically_and_not_overwritten(article, tmp_path):
    out_path = tmp_path / "report.html"
    first = slant("analyze", str(article), "--format", "html", "-o", str(out_path))
    assert first.returncode == 0, first.stderr
    html = out_path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert "We will build it" in html
    again = slant("analyze", str(article), "--format", "html", "-o", str(out_path))
    assert again.returncode == 2 and b"--force" in again.stderr
    assert out_path.read_text(encoding="utf-8") == html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    forced = slant("analyze", str(article), "--format", "md", "-o", str(out_path), "--force")
    assert forced.returncode == 0 and out_path.read_text(encoding="utf-8") != html


def test_broken_config_warns_with_its_line_and_still_runs(article, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[opinion.add]\nloaded = ]\n", encoding="utf-8")
    out = slant("analyze", str(article), env={"SLANT_CONFIG": str(config)})
    assert out.returncode == 0
    err = out.stderr.decode()
    assert str(config) in err and "line" in err


def test_config_adds_words_to_an_opinion_category(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("The council approved a zibberish budget on Monday.\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('[opinion.add]\nloaded = ["zibberish"]\n', encoding="utf-8")
    plain = json.loads(slant("analyze", str(story)).stdout)
    configured = json.loads(slant("analyze", str(story), env={"SLANT_CONFIG": str(config)}).stdout)
    assert not any(o["text"] == "zibberish" for o in plain["opinion"])
    assert any("zibberish" in o["text"] and o["category"] == "loaded" for o in configured["opinion"])


def test_explain_a_word_without_files():
    out = slant("analyze", "--explain", "slammed")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "opinion_loaded: attack verbs used for criticism" in text
    assert "neutral: criticised" in text and "context rule: attack" in text


def test_explain_each_occurrence_in_a_file(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Opposition leaders slammed the proposal on Monday.\n\n"
                     "He slammed the door.\n", encoding="utf-8")
    out = slant("analyze", "--explain", "slammed", str(story))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()[1:]
    assert lines == [f"{story}:1: 'slammed' shown as loaded",
                     f"{story}:3: 'slammed' blocked: context rule 'attack' did not accept it"]


def test_explain_says_what_the_config_removed(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Opposition leaders slammed the proposal on Monday.\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('[opinion.remove]\nloaded = ["slam"]\n', encoding="utf-8")
    out = slant("analyze", "--explain", "slammed", str(story), env={"SLANT_CONFIG": str(config)})
    text = out.stdout.decode()
    assert "REMOVED by your config" in text
    assert "'slammed' blocked: removed by your config" in text


def test_explain_bad_input_is_one_line_and_exit_2(tmp_path):
    out = slant("analyze", "--explain", "zzqx")
    assert out.returncode == 2
    assert out.stderr.decode().strip().splitlines() == [
        "slant: error: 'zzqx' is on no opinion word list (and not in your config)"]
    out = slant("analyze", "--explain", "slammed", str(tmp_path / "missing.txt"))
    assert out.returncode == 2
    assert out.stderr.decode().strip().splitlines() == [
        f"slant: error: {tmp_path / 'missing.txt'}: no such file"]
    out = slant("analyze")
    assert out.returncode == 2 and "Traceback" not in out.stderr.decode()


# -- input that tries to act on the terminal ------------------------------------------------
# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates.
ACTED_ON = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                         *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
FILLER = "The council met on Tuesday and the finance minister spoke about the budget. " * 15


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A few escape sequences in a long enough article to pass the binary check."""
    path = tmp_path_factory.mktemp("hostile") / "evil.txt"
    path.write_text("Budget vote\n\n"
                    "\"We will act,\x1b[2J\" said Mayor Ana Ruiz.\x1b]0;owned\x07 Costs rose 5%.\n\n"
                    "A C1 \x9b31m CSI, DEL \x7f, form\x0cfeed and invoice\u202etxt.exe, "
                    "\u2066isolated\u2069.\n\n" + FILLER + "\n", encoding="utf-8")
    return path


def test_text_format_of_a_hostile_article_acts_on_nothing(hostile):
    out = slant("analyze", str(hostile), "--format", "text", env={"COLUMNS": "100"})
    assert out.returncode == 0, out.stderr
    stdout, stderr = out.stdout.decode(), out.stderr.decode()
    stdout = re.sub(r"\x1b\[[0-9;]*m", "", stdout)   # slant's own styles: the only escapes
    assert not ACTED_ON & set(stdout) and not ACTED_ON & set(stderr)
    for shown in ("act,\u241b[2J", "\u241b]0;owned\u2407", "\ufffd31m", "DEL \u2421",
                  "form\u240cfeed", "invoice\u21c6txt.exe", "\u21c6isolated\u21c6"):
        assert shown in stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_keeps_the_text_true_and_writes_no_raw_control(hostile, fmt):
    from analyzers import validate

    out = slant("analyze", str(hostile), "--format", fmt, "--model", "none")
    assert out.returncode == 0, out.stderr
    raw = out.stdout.decode()
    assert not ACTED_ON & set(raw)
    data = json.loads(raw)
    assert data["text"] == hostile.read_text(encoding="utf-8")
    validate(data)   # every offset still points at its text
    assert "\\u001b[2J" in raw and "\\u202e" in raw


def test_error_messages_show_what_they_echo_with_placeholders(tmp_path):
    name = tmp_path / "no\x1b]0;owned\x07\x1b[2J\u202e.txt"
    url = "http://exa\x1b[2Jmple.invalid/a"            # the "[" made urllib raise
    for target, fragment in ((str(name), "no such file"), (url, "not a valid address")):
        out = slant("analyze", target)
        assert out.returncode == 2
        err = out.stderr.decode()
        assert not ACTED_ON & set(err) and "Traceback" not in err
        assert len(err.splitlines()) == 1 and fragment in err and "\u241b[2J" in err
    out = slant("analyze", "x.txt", "--\x1b[2J")         # argparse echoes what it rejects
    assert out.returncode == 2 and not ACTED_ON & set(out.stderr.decode())
    assert "--\u241b[2J" in out.stderr.decode()


def test_a_config_file_name_is_echoed_with_placeholders(article, tmp_path):
    config = tmp_path / "c\x1b[2J.toml"
    config.write_text("theme = 5\n")
    out = slant("analyze", str(article), "--model", "none", env={"SLANT_CONFIG": str(config)})
    assert out.returncode == 0
    err = out.stderr.decode()
    assert not ACTED_ON & set(err) and "c\u241b[2J.toml, line 1: theme" in err


# -- slant eval with some sets missing -------------------------------------------------------
def test_eval_scores_the_sets_that_are_there_and_names_the_missing(tmp_path):
    figures = tmp_path / "figures"
    figures.mkdir()
    (figures / "newsquant-dev.json").write_text(json.dumps([
        {"text": "Prices rose 5% to $20 million last year.",
         "quantities": [{"value": "5.0", "unit": "percent"},
                        {"value": "20000000.0", "unit": "dollar"}]}]), encoding="utf-8")
    out = slant("eval", "--data", str(tmp_path), "--json", "--model", "none")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [s["dataset"] for s in data["sets"]] == ["figures/newsquant-dev",
                                                    "samples/neutral-wire"]
    assert data["missing"] == ["quotes/polnear-dev", "opinion/ptc", "opinion/babe"]
    err = out.stderr.decode().splitlines()
    missing = [l for l in err if "not scored" in l]
    assert missing == [f"slant: not in {tmp_path}, not scored: "
                       "quotes/polnear-dev, opinion/ptc, opinion/babe"]
    assert "Traceback" not in out.stderr.decode()


def test_eval_with_no_set_there_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "opinion" / "ptc" / "articles").mkdir(parents=True)   # there, but empty
    for extra in ((), ("--errors", "opinion/babe")):
        out = slant("eval", "--data", str(tmp_path), *extra)
        assert out.returncode == 2
        err = out.stderr.decode().splitlines()
        assert len(err) == 1 and err[0].startswith(f"slant: error: {tmp_path}:"), err
        assert out.stdout == b""


def test_scheduler_without_the_dask_extra_says_how_to_install_it(article, monkeypatch, capsys):
    import sys as _sys

    from tui.cli import main

    monkeypatch.setitem(_sys.modules, "distributed", None)   # as if not installed
    assert main(["analyze", str(article), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    err = capsys.readouterr().err
    assert err == ("slant: error: --scheduler: the Dask extra is not installed "
                   "(pip install 'slant[dask]')\n")


def test_a_folder_is_its_articles_in_order(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("The second story, about 12 boats.\n")
    (folder / "a.md").write_text("# First\n\nThe first story.\n")
    (folder / "sub" / "c.html").write_text(
        "<html><body><article><p>" + "A third story about the harbour and its boats. " * 3
        + "</p></article></body></html>")
    (folder / ".hidden.txt").write_text("not read")
    (folder / "data.csv").write_text("a,b")
    out = slant("analyze", str(folder), "--format", "jsonl", "--model", "none")
    assert out.returncode == 0, out.stderr
    paths = [json.loads(l)["source"]["path"] for l in out.stdout.decode().splitlines()]
    assert paths == [str(folder / "a.md"), str(folder / "b.txt"), str(folder / "sub" / "c.html")]


def test_output_width_for_a_pipe(monkeypatch):
    from tui.cli.analyze import output_width

    assert output_width({"COLUMNS": "72"}) == 72
    sizes = {2: None, 0: os.terminal_size((132, 40))}

    def size(fd):
        if sizes.get(fd) is None:
            raise OSError("not a terminal")
        return sizes[fd]

    monkeypatch.setattr(os, "get_terminal_size", size)
    assert output_width({"COLUMNS": "x"}) == 132          # the terminal on stdin
    sizes[0] = None
    monkeypatch.setattr(os, "open", lambda *a: (_ for _ in ()).throw(OSError("no tty")))
    assert output_width({}) == 80


def test_width_out_of_range_is_one_line(article):
    out = slant("analyze", str(article), "--format", "text", "--width", "5")
    assert out.returncode == 2
    assert out.stderr.decode() == "slant: error: --width must be between 20 and 1000 columns\n"
