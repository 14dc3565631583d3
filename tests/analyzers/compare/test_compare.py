"""The whole comparison: the known answers on the bundled pair, the unrelated pair, and the
schema slant.compare/1 (the JSON Schema file and `validate`)."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from analyzers.compare import NO_SHARED_STORY, CompareSchemaError, compare, validate

SCHEMA = json.loads((Path(__file__).parents[3] / "analyzers" / "schema" /
                     "compare-1.json").read_text())


def test_every_row_of_the_bundled_pair_is_filled(comparison):
    c = comparison
    assert c["schema"] == "slant.compare/1" and c["story"]["shared"]
    assert c["paragraphs"] and c["quotes"]
    assert c["speakers"]["both"] and c["speakers"]["only_a"] and c["speakers"]["only_b"]
    assert c["wording"]["by_category"] and c["wording"]["pairs"]
    assert c["figures"]["disputed"] and c["figures"]["only_a"] and c["figures"]["only_b"]
    assert c["scorecard"]["a"]["words"] > 300


def test_the_bundled_pair_validates(comparison):
    jsonschema.validate(comparison, SCHEMA)
    validate(comparison)
    validate(json.loads(json.dumps(comparison)))   # the JSON round trip too


def test_unrelated_articles_say_so_instead_of_inventing_matches(unrelated):
    c = compare(*unrelated)
    assert not c["story"]["shared"]
    assert c["story"]["note"].startswith(NO_SHARED_STORY)
    assert c["paragraphs"] == c["quotes"] == [] and c["wording"]["pairs"] == []
    assert c["figures"]["disputed"] == [] and c["speakers"]["both"] == []
    assert c["scorecard"]["a"]["words"] and c["scorecard"]["b"]["words"]
    jsonschema.validate(c, SCHEMA)
    validate(c)


def test_an_article_with_itself_matches_every_paragraph(pair):
    c = compare(pair[0], pair[0])
    assert len(c["paragraphs"]) >= len(pair[0].paragraphs) - 1
    assert all(q["cut"] == "same" and q["same_speaker"] for q in c["quotes"])
    assert c["figures"]["disputed"] == [] and c["wording"]["pairs"] == []


@pytest.mark.parametrize("break_it, message", [
    (lambda c: c.update(schema="slant.compare/2"), "schema must be"),
    (lambda c: c.pop("figures"), "missing field"),
    (lambda c: c["quotes"][0]["b"].update(span=[0, 10 ** 6]), "bad span"),
    (lambda c: c["a"].update(chars=-1), "chars"),
    (lambda c: c["story"].update(shared=False), "story.shared is false"),
])
def test_validate_names_what_is_wrong(comparison, break_it, message):
    c = copy.deepcopy(comparison)
    break_it(c)
    with pytest.raises(CompareSchemaError, match=message):
        validate(c)


def test_the_json_schema_rejects_a_wrong_cut(comparison):
    c = copy.deepcopy(comparison)
    c["quotes"][0]["cut"] = "longer"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(c, SCHEMA)


@pytest.mark.parametrize("i, j", [(0, 0), (0, 1), (1, 0), (1, 1)])
def test_the_pair_against_the_readers_samples_shares_no_story(pair, unrelated, i, j):
    c = compare(pair[i], unrelated[j])
    assert not c["story"]["shared"] and c["paragraphs"] == []


def test_empty_and_one_line_articles_compare_without_error():
    from analyzers.model import Analysis

    c = compare(Analysis(text=""), Analysis(text="One line."))
    validate(c)
    assert not c["story"]["shared"] and c["scorecard"]["a"]["words"] == 0
