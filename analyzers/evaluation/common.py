"""Shared pieces of the evaluation: result rows and precision/recall arithmetic."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..model import Analysis

# Analyse a batch of texts; returns one Analysis per text, in order.
Runner = Callable[[Sequence[str]], list[Analysis]]


class MissingSet(FileNotFoundError):
    """A set's data is not in the folder given: `slant eval` says so and scores the others."""


def set_folder(data_dir: Path, rel: str, needed: str) -> Path:
    """The folder of the set `rel` ("opinion/babe"): `data_dir/rel`, or `data_dir` itself
    when it is the set's own folder; `MissingSet` when `needed` is in neither."""
    for root in (Path(data_dir) / rel, Path(data_dir)):
        if (root / needed).exists():
            return root
    raise MissingSet(f"{rel}: no {needed} in {data_dir}")


@dataclass
class Row:
    dataset: str
    metric: str
    value: float | None
    reference: str | None = None   # other tools' figures as the set's README gives them
    target: float | None = None
    detail: str | None = None      # e.g. "P 0.91 R 0.84 over 412 gold"
    at_most: bool = False          # the target is a ceiling: met when value <= target

    def met(self) -> bool | None:
        """Whether the target is met; None when there is no value or no target."""
        if self.value is None or self.target is None:
            return None
        return self.value <= self.target if self.at_most else self.value >= self.target


@dataclass
class SetResult:
    dataset: str
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # human-readable misses and false alarms
    seconds: float = 0.0


def prf(tp_pred: float, n_pred: float, tp_gold: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall, F1 where the true-positive mass may differ on each side
    (as in partial-overlap metrics)."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def merged_length_covered(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> int:
    """How many characters of `span` are covered by the union of `others`."""
    pieces = sorted((max(span[0], s), min(span[1], e)) for s, e in others
                    if min(span[1], e) > max(span[0], s))
    total, cur_s, cur_e = 0, None, None
    for s, e in pieces:
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None:
        total += cur_e - cur_s
    return total


def shorten(text: str, n: int = 90) -> str:
    """`text` on one line, cut to `n` characters for an error listing."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
