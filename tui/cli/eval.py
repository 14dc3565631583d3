"""`slant eval`: score the engine on ../shared/eval and print one table."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path

from analyzers.text import terminal_safe

from .errors import EXIT_OK, CliError, say

# dataset name -> module under analyzers.evaluation
SETS = {
    "quotes/polnear-dev": "polnear",
    "opinion/ptc": "ptc",
    "opinion/babe": "babe",
    "figures/newsquant-dev": "newsquant",
    "samples/neutral-wire": "samples",
}
# sets that ship with slant (scored only beside a data set, so that a wrong --data folder
# still ends in one error line and exit 2)
BUNDLED = ("samples/neutral-wire",)


def data_dir(given: str | None) -> Path:
    if given:
        path = Path(given)
    elif os.environ.get("SLANT_EVAL_DATA"):
        path = Path(os.environ["SLANT_EVAL_DATA"])
    else:
        candidates = [Path.cwd().parent / "shared" / "eval",
                      Path(__file__).resolve().parents[3] / "shared" / "eval"]
        path = next((p for p in candidates if p.is_dir()), candidates[0])
    if not path.is_dir():
        raise CliError(f"{path}: no evaluation data folder (give --data DIR or set SLANT_EVAL_DATA)")
    return path


def run_eval(ns: argparse.Namespace) -> int:
    root = data_dir(ns.data)
    if ns.errors and ns.errors not in SETS:
        raise CliError(f"unknown set {ns.errors!r}; choose from {', '.join(SETS)}")
    from analyzers import analyze_many, load_pipeline
    from analyzers.evaluation.common import MissingSet

    pipe = None

    def run(texts):
        nonlocal pipe
        if pipe is None:   # loaded for the first set that is there, not before
            pipe = load_pipeline(ns.model)
            if pipe.warning:
                say(pipe.warning)
        return list(analyze_many(texts, pipeline=pipe))

    results, missing = [], []
    for name, module in SETS.items():
        if ns.errors and name != ns.errors:
            continue
        if name in BUNDLED and not results and not ns.errors:
            break
        try:
            mod = importlib.import_module(f"analyzers.evaluation.{module}")
        except ImportError:
            say(f"{name}: no evaluation module yet")
            continue
        t0 = time.perf_counter()
        try:
            result = mod.evaluate(root, run, want_errors=bool(ns.errors))
        except MissingSet:
            missing.append(name)
            continue
        result.seconds = time.perf_counter() - t0
        results.append(result)
        if not ns.json:
            say(f"{name}: {result.seconds:.1f} s")

    if not results:
        if ns.errors:
            raise CliError(f"{root}: the set {ns.errors} is not there")
        raise CliError(f"{root}: none of the evaluation sets is there "
                       f"(looked for {', '.join(missing or SETS)})")
    if missing:
        say(f"not in {root}, not scored: {', '.join(missing)}")
    if ns.errors:
        for result in results:
            for line in result.errors:
                print(terminal_safe(line))
    if ns.json:
        payload = {
            "data": str(root),
            "model": asdict(pipe.info),
            "sets": [{"dataset": r.dataset, "seconds": round(r.seconds, 2),
                      "rows": [asdict(row) for row in r.rows]} for r in results],
            "missing": missing,
        }
        print(json.dumps(payload, indent=2))
    elif not ns.errors:
        _print_table(results, pipe.info)
    return EXIT_OK


def _print_table(results, info) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"slant eval — model {info.name or 'none'} ({info.mode})")
    for col in ("dataset", "metric", "slant", "reference", "target", ""):
        table.add_column(col, overflow="fold")
    for r in results:
        for row in r.rows:
            value = "-" if row.value is None else f"{row.value:.3f}"
            if row.value is not None and float(row.value).is_integer() and (row.target or 0) >= 1:
                value = f"{row.value:.0f}"       # a count, e.g. highlights in a sample
            target = "-" if row.target is None else \
                f"{'<=' if row.at_most else '>='} {row.target:.2f}"
            ok = row.met()
            met = "" if ok is None else "[green]met[/]" if ok else \
                "[red]above[/]" if row.at_most else "[red]below[/]"
            table.add_row(row.dataset, row.metric + (f"\n[dim]{row.detail}[/]" if row.detail else ""),
                          value, row.reference or "-", target, met)
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    console.print(table)
