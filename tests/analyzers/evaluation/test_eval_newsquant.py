"""The NewsQuant scoring functions, on tiny hand-made cases (no evaluation data here)."""

from __future__ import annotations

import json

import pytest

from analyzers.evaluation.newsquant import (compared, evaluate, load, match_values,
                                            parse_gold_value, same_bounds)
from analyzers.model import Analysis, Figure


@pytest.mark.parametrize("value, bounds", [
    ("800000000.0", (8e8, 8e8)),
    ("1", (1.0, 1.0)),
    ("-5.0", (-5.0, -5.0)),
    ("252.0-287.0", (252.0, 287.0)),
    ("3.0 - 4.0", (3.0, 4.0)),
    ("2.5E-3", (0.0025, 0.0025)),
    ("36040.0-34935.0", (36040.0, 34935.0)),   # written order is kept
    ("-3--1", (-3.0, -1.0)),
])
def test_parse_gold_value(value, bounds):
    assert parse_gold_value(value) == bounds


@pytest.mark.parametrize("value", ["", "-", "about 5", "1-2-3", "5 km"])
def test_parse_gold_value_rejects_non_numbers(value):
    assert parse_gold_value(value) is None


def test_same_bounds_tolerance_and_order():
    assert same_bounds((2 / 3, 2 / 3), (0.6666666666666666, 0.6666666666666666))
    assert same_bounds((100.0, 100.0), (100.005, 100.005))       # within 1e-4
    assert not same_bounds((100.0, 100.0), (100.1, 100.1))
    assert same_bounds((10.0, 15.0), (15.0, 10.0))                 # either order
    assert not same_bounds((10.0, 10.0), (10.0, 15.0))             # a number is not a range
    assert same_bounds((0.0, 0.0), (0.0, 0.0))


def test_match_values_is_a_multiset_match():
    pred = [(5.0, 5.0), (5.0, 5.0), (7.0, 7.0)]
    gold = [(5.0, 5.0), (7.0, 7.0)]
    assert match_values(pred, gold) == [(0, 0), (2, 1)]           # the second 5 is extra
    assert match_values([(5.0, 5.0)], [(5.0, 5.0), (5.0, 5.0)]) == [(0, 0)]
    assert match_values([(1.0, 2.0)], [(1.0, 1.0), (1.0, 2.0)]) == [(0, 1)]
    assert match_values([], [(1.0, 1.0)]) == []


def _fig(text: str, kind: str, value: float | None, unit: str | None = None, start: int = 0) -> Figure:
    return Figure(start, start + len(text), text, kind, value, unit)


def test_compared_leaves_out_dates_times_years_and_ordinals():
    figs = [
        _fig("$5m", "money", 5e6, "USD"),
        _fig("March 3", "date", None),
        _fig("2019", "year", 2019.0),
        _fig("9 a.m.", "time", 9.0),
        _fig("third", "ordinal", 3.0),
        _fig("six weeks", "duration", 6.0, "week"),
        _fig("10-15%", "range", 10.0, "%"),
        _fig("hundreds", "count", 100.0),
    ]
    got = [(f.text, b) for f, b in compared(figs)]
    assert got == [("$5m", (5e6, 5e6)), ("six weeks", (6.0, 6.0)), ("10-15%", (10.0, 15.0)),
                   ("hundreds", (100.0, 1000.0))]


def _write_set(tmp_path, rows) -> None:
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "newsquant-dev.json").write_text(json.dumps(rows), encoding="utf-8")


ROWS = [
    {"text": "Rents rose 4% to $1,500 in May.",
     "quantities": [{"change": "up", "value": "4.0", "unit": "%"},
                    {"change": "=", "value": "1500.0", "unit": "$"}]},
    {"text": "Fees will be 10-15% higher for two years.",
     "quantities": [{"change": "up", "value": "10.0-15.0", "unit": "%"},
                    {"change": "=", "value": "2", "unit": "years"}]},
    {"text": "Nothing to count here at all.", "quantities": [{"value": "n/a", "unit": "-"}]},
]


def test_load_reads_values_and_counts_unreadable_ones(tmp_path):
    _write_set(tmp_path, ROWS)
    sentences, skipped = load(tmp_path)
    assert [s.gold for s in sentences] == [[(4.0, 4.0), (1500.0, 1500.0)],
                                           [(10.0, 15.0), (2.0, 2.0)], []]
    assert skipped == 1


def test_evaluate_counts_matches_misses_and_false_alarms(tmp_path):
    _write_set(tmp_path, ROWS)
    seen: list[list[str]] = []

    def run(texts):
        seen.append(list(texts))
        out = []
        for t in texts:
            if t.startswith("Rents"):
                figs = [_fig("4%", "percent", 4.0, "%", 11), _fig("$1,500", "money", 1500.0, "USD", 17),
                        _fig("May", "date", None, None, 27)]
            elif t.startswith("Fees"):
                figs = [_fig("10-15%", "range", 10.0, "%", 12)]       # misses "two years"
            else:
                figs = [_fig("count", "count", 1.0)]                   # a false alarm
            out.append(Analysis(text=t, figures=figs))
        return out

    res = evaluate(tmp_path, run, want_errors=True)
    assert len(seen) == 1 and len(seen[0]) == 3                       # one batch
    row = res.rows[0]
    assert row.dataset == "figures/newsquant-dev" and row.metric == "numeric value F1"
    assert row.target == 0.88 and "quantulum3 0.73" in row.reference
    # 3 matched of 4 predicted (the date is not compared) and 4 readable gold values
    p, r = 3 / 4, 3 / 4
    assert row.value == pytest.approx(2 * p * r / (p + r))
    assert "P 0.75 R 0.75" in row.detail and "1 unreadable" in row.detail
    text = "\n".join(res.errors)
    assert "MISS 2" in text and "FALSE ALARM 'count'" in text
    assert "Rents" not in text                                       # a perfect sentence is quiet
