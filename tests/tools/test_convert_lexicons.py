"""tools/convert_lexicons.py on small archives written here (not the real packages)."""

from __future__ import annotations

import importlib.util
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("convert_lexicons",
                                               ROOT / "tools" / "convert_lexicons.py")
conv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(conv)

XML = """<?xml version="1.0" encoding="utf-8"?>
<sentiment language="en" version="1.3" author="test" license="{lic}">
<word form="gloomy" pos="JJ" polarity="-0.6" subjectivity="0.8" intensity="1.0" />
<word form="gloomy" pos="JJ" polarity="-0.2" subjectivity="0.4" intensity="1.0" />
<word form="wooden" pos="JJ" polarity="0.0" subjectivity="0.0" intensity="1.0" />
<word form="truly" pos="RB" polarity="0.0" subjectivity="1.0" intensity="2.0" />
<word form="tragic" pos="JJ" polarity="-0.8" subjectivity="0.9" intensity="1.0" />
</sentiment>
"""


def wheel(path: Path, name: str, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{name}-1.0.dist-info/METADATA",
                   f"Name: {name}\nVersion: 1.0\nHome-page: https://example.org/{name}\n")
        z.writestr(f"{name}-1.0.dist-info/LICENSE", "MIT License\nCopyright test\n")
        for n, text in files.items():
            z.writestr(n, text)
    return path


def npm(path: Path, name: str, js: str, licence: str = "MIT") -> Path:
    with tarfile.open(path, "w:gz") as t:
        for n, text in {"package/package.json": json.dumps(
                            {"name": name, "version": "2.0.0", "license": licence,
                             "repository": f"words/{name}"}),
                        "package/index.js": js,
                        "package/license": "(The MIT License)\nCopyright test\n"}.items():
            data = text.encode()
            info = tarfile.TarInfo(n)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return path


def rows(path: Path) -> list[list[str]]:
    return [l.split("\t") for l in path.read_text().splitlines() if not l.startswith("#")]


def test_pattern_senses_are_averaged_and_objective_words_dropped(tmp_path):
    src = wheel(tmp_path / "textblob-1.0-py3-none-any.whl", "textblob",
                {"textblob/en/en-sentiment.xml": XML.format(lic="PDDL")})
    conv.convert([src], tmp_path / "out")
    out = tmp_path / "out" / "pattern.tsv"
    assert rows(out) == [["gloomy", "ADJ", "0.60", "loaded", "-0.40", "negative adjectives"],
                         ["truly", "ADV", "1.00", "booster", "0.00", "intensifying adverbs"]]
    head = out.read_text()
    assert "# licence: PDDL" in head and "# source: https://example.org/textblob" in head
    assert "PDDL" in (tmp_path / "out" / "LICENSE-pattern.txt").read_text()
    assert "pattern.tsv" in (tmp_path / "out" / "README.md").read_text()


def test_pattern_with_another_licence_is_refused(tmp_path):
    src = wheel(tmp_path / "textblob-1.0-py3-none-any.whl", "textblob",
                {"textblob/en/en-sentiment.xml": XML.format(lic="CC-BY-SA")})
    with pytest.raises(SystemExit):
        conv.convert([src], tmp_path / "out")


def test_vader_scores_boosters_and_no_event_words(tmp_path):
    lexicon = "killed\t-3.5\t0.6\t[]\nsmug\t-2.0\t0.5\t[]\n:)\t2.0\t0.5\t[]\nneat\t2.4\t0.5\t[]\n"
    module = 'BOOSTER_DICT = \\\n    {"very": B_INCR, "slightly": B_DECR}\n'
    src = wheel(tmp_path / "vaderSentiment-1.0-py3-none-any.whl", "vaderSentiment",
                {"vaderSentiment/vader_lexicon.txt": lexicon,
                 "vaderSentiment/vaderSentiment.py": module})
    conv.convert([src], tmp_path / "out")
    assert rows(tmp_path / "out" / "vader.tsv") == [
        ["neat", "", "0.60", "loaded", "0.60", "positive words"],
        ["slightly", "", "0.50", "hedge", "0.00", "dampeners"],
        ["smug", "", "0.50", "loaded", "-0.50", "negative words"],
        ["very", "", "0.50", "booster", "0.00", "boosters"]]


def test_npm_lists_drop_function_words_and_need_mit(tmp_path):
    js = "export const hedges = [\n  'about',\n  'perhaps',\n  'a bit',\n]\n"
    conv.convert([npm(tmp_path / "hedges-2.0.0.tgz", "hedges", js)], tmp_path / "out")
    out = tmp_path / "out" / "hedges.tsv"
    assert [r[0] for r in rows(out)] == ["a bit", "perhaps"]
    assert "# source: https://github.com/words/hedges" in out.read_text()
    first = out.read_bytes()
    conv.convert([npm(tmp_path / "hedges-2.0.0.tgz", "hedges", js)], tmp_path / "out")
    assert out.read_bytes() == first                      # deterministic
    with pytest.raises(SystemExit):
        conv.convert([npm(tmp_path / "weasels-2.0.0.tgz", "weasels", js, "GPL-3.0")],
                     tmp_path / "out2")
