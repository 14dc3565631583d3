"""`slant eval`'s table: a ceiling target prints as `<=` and is met from below."""

from __future__ import annotations

from types import SimpleNamespace

from analyzers.evaluation.common import Row, SetResult
from tui.cli import eval as eval_cli


def _table(capsys, rows):
    eval_cli._print_table([SetResult("d", rows)], SimpleNamespace(name="m", mode="full"))
    return capsys.readouterr().out


def test_a_ceiling_prints_at_most_and_is_met_below_it(capsys):
    out = _table(capsys, [Row("d", "share", 0.15, target=0.20, at_most=True)])
    assert "<= 0.20" in out and " met " in out and ">=" not in out


def test_a_ceiling_exceeded_is_not_met(capsys):
    out = _table(capsys, [Row("d", "share", 0.35, target=0.20, at_most=True)])
    assert "<= 0.20" in out and "above" in out and " met " not in out


def test_a_floor_and_a_count(capsys):
    out = _table(capsys, [Row("d", "f1", 0.45, target=0.40),
                          Row("d", "highlights", 3.0, target=2, at_most=True)])
    assert ">= 0.40" in out and "0.450" in out
    assert " 3 " in out and "above" in out


def test_the_sample_set_is_listed():
    assert eval_cli.SETS["samples/neutral-wire"] == "samples"
