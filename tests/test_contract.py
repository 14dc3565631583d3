"""The JSON contract `slant.analysis/1`: schema, offsets, round trip, on our samples."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from analyzers import SCHEMA, Analysis, SchemaError, analyze, validate
from analyzers.model import SPEAKER_HOW
from analyzers.resources import samples

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "analyzers" / "schema" / "analysis-1.json"


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_FILE.read_text())


@pytest.fixture(scope="module", params=["full", "rules"])
def sample_analyses(request, full_pipe, rules_pipe):
    pipe = full_pipe if request.param == "full" else rules_pipe
    return [analyze(p.read_text(encoding="utf-8"), pipeline=pipe) for p in samples()]


def test_there_are_two_samples_written_by_us():
    paths = samples()
    assert len(paths) >= 2
    for p in paths:
        words = len(p.read_text(encoding="utf-8").split())
        assert 800 <= words <= 1600, (p.name, words)


def test_samples_validate_against_json_schema(sample_analyses, schema):
    for a in sample_analyses:
        data = json.loads(a.to_json())
        jsonschema.validate(data, schema)
        validate(data)
        assert data["schema"] == SCHEMA


def test_every_offset_indexes_the_text(sample_analyses):
    for a in sample_analyses:
        n = len(a.text)
        for s, e in a.paragraphs:
            assert 0 <= s < e <= n
        for group in (a.quotes, a.figures, a.opinion):
            for item in group:
                assert 0 <= item.start < item.end <= n
                assert a.text[item.start:item.end] == item.text
        for ent in a.entities:
            assert ent.mentions
            for s, e in ent.mentions:
                assert 0 <= s < e <= n
        for q in a.quotes:
            if q.speaker_span:
                s, e = q.speaker_span
                assert 0 <= s < e <= n
            if q.speaker:
                assert a.entity(q.speaker) is not None


def test_samples_find_something_in_every_category(sample_analyses):
    for a in sample_analyses:
        if a.model.mode != "full":
            continue
        assert a.quotes and a.figures and a.entities
        assert any(e.official for e in a.entities)


def test_round_trip_is_lossless(sample_analyses):
    for a in sample_analyses:
        again = Analysis.from_json(a.to_json())
        assert again == a
        assert again.to_dict() == a.to_dict()


def test_quote_spans_include_their_marks(sample_analyses):
    for a in sample_analyses:
        for q in a.quotes:
            assert q.text[0] in "\"“”„«'‘", q.text


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(schema="slant.analysis/0"), "schema"),
    (lambda d: d.pop("quotes"), "missing field"),
    (lambda d: d["figures"].append({"start": 0, "end": 999, "text": "x", "kind": "money",
                                    "value": 1, "unit": None}), "bad span"),
    (lambda d: d["figures"].append({"start": 0, "end": 2, "text": "zz", "kind": "money",
                                    "value": 1, "unit": None}), "does not match"),
    (lambda d: d["opinion"].append({"start": 0, "end": 2, "text": "ab", "category": "nope",
                                    "explanation": "", "in_quote": False, "speaker": None}),
     "unknown category"),
    (lambda d: d["quotes"].append({"id": "q9", "start": 0, "end": 2, "text": "ab",
                                   "kind": "direct", "speaker": "e999", "speaker_name": None,
                                   "speaker_span": None, "cue": None}), "not an entity"),
    (lambda d: d["quotes"].append({"id": "q9", "start": 0, "end": 2, "text": "ab",
                                   "kind": "direct", "speaker": None, "speaker_name": "x",
                                   "speaker_span": None, "cue": None,
                                   "speaker_how": "guessed"}), "unknown speaker_how"),
    (lambda d: d["quotes"].append({"id": "q9", "start": 0, "end": 2, "text": "ab",
                                   "kind": "direct", "speaker": None, "speaker_name": "x",
                                   "speaker_span": None, "cue": None, "channel": 3}),
     "channel must be a string"),
])
def test_validate_rejects_broken_objects(mutate, message):
    a = Analysis(text="ab cd")
    data = a.to_dict()
    mutate(data)
    with pytest.raises(SchemaError, match=message):
        validate(data)


def test_quotes_without_the_optional_speaker_fields_still_load():
    """JSON written before speaker_how and channel existed reads as before."""
    old = {"schema": "slant.analysis/1", "source": {"path": None, "title": None},
           "model": {"name": None, "version": None, "mode": "rules-only"},
           "text": '"Hi," she said.', "paragraphs": [[0, 15]], "entities": [],
           "quotes": [{"id": "q1", "start": 0, "end": 5, "text": '"Hi,"', "kind": "direct",
                       "speaker": None, "speaker_name": None, "speaker_span": [6, 9],
                       "cue": "said"}],
           "figures": [], "opinion": [], "stats": {}}
    a = Analysis.from_dict(old)
    assert (a.quotes[0].speaker_how, a.quotes[0].channel) == (None, None)
    a.quotes[0].speaker_how, a.quotes[0].channel = "pronoun", "a letter"
    back = Analysis.from_json(a.to_json())
    assert (back.quotes[0].speaker_how, back.quotes[0].channel) == ("pronoun", "a letter")


def test_the_json_schema_knows_the_optional_speaker_fields(schema):
    props = schema["properties"]["quotes"]["items"]["properties"]
    assert set(props["speaker_how"]["enum"]) - {None} == set(SPEAKER_HOW)
    assert "speaker_how" not in schema["properties"]["quotes"]["items"]["required"]
