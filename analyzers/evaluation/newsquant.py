"""figures/newsquant-dev: numeric values of quantities in news sentences (NewsQuant).

Gold (see ../shared/eval/README.md): `newsquant-dev.json` is a list of
`{"text", "quantities": [{"value", "unit", "normalized_unit", "change", ...}]}`, without
character offsets.  `value` is a string: one number ("800000000.0", "-5.0", "1.99E-29")
or a range "low-high" ("252.0-287.0", "3.0 - 4.0").  Values are already scaled ("$800
million" is 800000000.0) and a change keeps its magnitude ("down 7%" is 7, "change":
"down"), so our signed, scaled `Figure.value` compares directly.

Decisions (documented here because they change the numbers):
- Compared kinds: money, percent, count, quantity, duration and range.  Dates, years,
  clock times and ordinals are left out of the predictions: the set does not annotate
  them (its README: "dates are not annotated"), so counting them would score a design
  choice of the annotation, not our accuracy.
- A prediction is an interval: (value, value) for one number; for a range or a vague
  magnitude ("hundreds of" -> 100 to 1000) both ends, from `figures.figure_bounds`.
  A gold range is the interval of its two numbers.  They match when both ends are equal
  within a relative tolerance of 1e-4 (ends in either order).
- Matching is a multiset match per sentence: each gold value is used at most once, so a
  sentence with "5%" twice needs two predictions of 5.
- Gold entries that are not numbers (none in this release) are skipped and counted.

`slant eval --errors figures/newsquant-dev` lists the misses and false alarms.
"""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..figures.component import figure_bounds
from ..model import Figure
from .common import MissingSet, Row, Runner, SetResult, prf

DATASET = "figures/newsquant-dev"
COMPARED_KINDS = ("money", "percent", "count", "quantity", "duration", "range")
REL_TOL = 1e-4

Bounds = tuple[float, float]

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_GOLD_VALUE = re.compile(rf"\s*(?P<a>{_NUMBER})\s*(?:-\s*(?P<b>{_NUMBER})\s*)?")


@dataclass
class Sentence:
    text: str
    gold: list[Bounds] = field(default_factory=list)
    gold_text: list[str] = field(default_factory=list)   # value and unit as annotated


def parse_gold_value(value: str) -> Bounds | None:
    """'800000000.0' -> (8e8, 8e8); '252.0-287.0' -> (252, 287); '-5.0' -> (-5, -5);
    '3.0 - 4.0' -> (3, 4); None when it is not a number or a range of two."""
    m = _GOLD_VALUE.fullmatch(str(value))
    if m is None:
        return None
    a = float(m.group("a"))
    b = float(m.group("b")) if m.group("b") is not None else a
    return (a, b)


def load(data_dir: Path) -> tuple[list[Sentence], int]:
    """The sentences and the number of gold values that could not be read."""
    path = Path(data_dir) / "figures" / "newsquant-dev.json"
    if not path.is_file():   # also accept the file itself or its folder
        path = Path(data_dir) if Path(data_dir).is_file() else Path(data_dir) / "newsquant-dev.json"
    if not path.is_file():
        raise MissingSet(f"{DATASET}: no newsquant-dev.json in {data_dir}")
    rows = json.loads(path.read_text(encoding="utf-8"))
    out, skipped = [], 0
    for row in rows:
        sent = Sentence(row["text"])
        for q in row.get("quantities", []):
            bounds = parse_gold_value(q.get("value", ""))
            if bounds is None:
                skipped += 1
                continue
            sent.gold.append(bounds)
            sent.gold_text.append(f"{q.get('value')} {q.get('unit', '')}".strip())
        out.append(sent)
    return out, skipped


# -- scoring: plain functions ------------------------------------------------------------------
def same_number(a: float, b: float, rel_tol: float = REL_TOL) -> bool:
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-9)


def same_bounds(pred: Bounds, gold: Bounds) -> bool:
    """Both ends equal, in either order (a single number is a range of one)."""
    return ((same_number(pred[0], gold[0]) and same_number(pred[1], gold[1]))
            or (same_number(pred[0], gold[1]) and same_number(pred[1], gold[0])))


def match_values(pred: Sequence[Bounds], gold: Sequence[Bounds]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs of equal values, in prediction order."""
    used: set[int] = set()
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and same_bounds(p, g):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def compared(figures: Sequence[Figure]) -> list[tuple[Figure, Bounds]]:
    """The predictions that take part in the comparison, with their bounds."""
    out = []
    for f in figures:
        if f.kind not in COMPARED_KINDS:
            continue
        bounds = figure_bounds(f)
        if bounds is not None:
            out.append((f, bounds))
    return out


# -- the set -----------------------------------------------------------------------------------
def _num(x: float) -> str:
    return f"{x:.6g}"


def _bounds(b: Bounds) -> str:
    return _num(b[0]) if b[0] == b[1] else f"{_num(b[0])}..{_num(b[1])}"


def evaluate(data_dir: Path, run: Runner, want_errors: bool = False) -> SetResult:
    t0 = time.perf_counter()
    sentences, skipped = load(data_dir)
    analyses = run([s.text for s in sentences])
    result = SetResult(DATASET)
    n_pred = n_gold = n_match = 0
    for k, (sent, an) in enumerate(zip(sentences, analyses)):
        preds = compared(an.figures)
        pairs = match_values([b for _, b in preds], sent.gold)
        n_pred += len(preds)
        n_gold += len(sent.gold)
        n_match += len(pairs)
        if want_errors and len(pairs) < max(len(preds), len(sent.gold)):
            hit_p = {i for i, _ in pairs}
            hit_g = {j for _, j in pairs}
            lines = [f"#{k} {sent.text}"]
            for j, g in enumerate(sent.gold):
                if j not in hit_g:
                    lines.append(f"    MISS {_bounds(g)}  ({sent.gold_text[j]})")
            for i, (f, b) in enumerate(preds):
                if i not in hit_p:
                    lines.append(f"    FALSE ALARM {f.text!r} {f.kind} {_bounds(b)} {f.unit or ''}")
            result.errors.append("\n".join(lines))
    p, r, f1 = prf(n_match, n_pred, n_match, n_gold)
    detail = (f"P {p:.2f} R {r:.2f}; {n_match} matched, {n_pred} predicted "
              f"({'/'.join(COMPARED_KINDS)}), {n_gold} gold values in {len(sentences)} sentences")
    if skipped:
        detail += f"; {skipped} unreadable gold values skipped"
    result.rows.append(Row(DATASET, "numeric value F1", f1, "spaCy NER 0.69, quantulum3 0.73",
                           0.88, detail))
    result.seconds = time.perf_counter() - t0
    return result
