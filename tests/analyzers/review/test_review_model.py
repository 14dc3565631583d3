"""The review model and its JSON form `slant.review/1`: round trip, validation, the
JSON Schema beside the analysis's."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from analyzers.review import (Added, Anchor, Review, ReviewError, Tick, Verdict, text_hash,
                              validate)

SCHEMA_FILE = (Path(__file__).resolve().parents[3] / "analyzers" / "schema" / "review-1.json")
TEXT = "The mayor slammed the plan. Officials said it would cost $3 million."


def sample() -> Review:
    r = Review.new(TEXT, title="Plan", path="plan.txt")
    s = TEXT.index("slammed")
    r.verdicts.append(Verdict("opinion", Anchor.at(TEXT, s, s + 7), "reject", "fair word here"))
    s = TEXT.index("$3 million")
    r.added.append(Added("a1", "figures", Anchor.at(TEXT, s, s + 10)))
    s = TEXT.index("Officials said")
    r.ticks.append(Tick("anonymous_source", Anchor.at(TEXT, s, s + 14)))
    return r


def test_hash_is_the_sha256_of_the_text():
    assert text_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert Review.new(TEXT).sha256 == text_hash(TEXT) and Review.new(TEXT).length == len(TEXT)


def test_anchor_keeps_its_words_and_context():
    s = TEXT.index("plan")
    a = Anchor.at(TEXT, s, s + 4)
    assert a.text == "plan" and a.before.endswith("slammed the ") and a.after.startswith(".")
    assert len(Anchor.at(TEXT * 3, 100, 104).before) == 40


def test_round_trip_through_json():
    r = sample()
    back = Review.from_json(r.to_json())
    assert back == r
    assert back.to_dict() == json.loads(r.to_json())


def test_json_follows_the_schema_file():
    schema = json.loads(SCHEMA_FILE.read_text())
    data = json.loads(sample().to_json())
    jsonschema.validate(data, schema)
    assert data["schema"] == "slant.review/1"
    assert data["verdicts"][0]["verdict"] == "reject"
    assert data["verdicts"][0]["note"] == "fair word here"


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(schema="slant.review/9"), "schema"),
    (lambda d: d["article"].update(sha256="x"), "sha256"),
    (lambda d: d["verdicts"][0].update(verdict="maybe"), "verdict"),
    (lambda d: d["verdicts"][0].update(category="jokes"), "category"),
    (lambda d: d["verdicts"][0].update(end=2), "bad span"),
    (lambda d: d["added"].append(dict(d["added"][0])), "unique"),
    (lambda d: d["ticks"][0].pop("rule"), "rule"),
    (lambda d: d.pop("ticks"), "ticks"),
])
def test_validation_names_the_problem(change, message):
    data = json.loads(sample().to_json())
    change(data)
    with pytest.raises(ReviewError, match=message):
        validate(data)
    with pytest.raises(ReviewError):
        Review.from_dict(data)


def test_unknown_fields_are_ignored_additive_promise():
    data = json.loads(sample().to_json())
    data["later"] = {"x": 1}
    data["verdicts"][0]["confidence"] = 0.5
    assert Review.from_dict(data).verdicts[0].verdict == "reject"


def test_counts():
    r = sample()
    r.added[0].note = "missed figure"
    assert r.counts() == {"accepted": 0, "rejected": 1, "notes": 2, "added": 1, "ticked": 1,
                          "unattached": 0}
    assert not r.empty and Review.new(TEXT).empty
