"""The practice articles bundled for "spot the spin" (`assets/practice/`, written by us):
short, and in order of difficulty, the easy one first.  They sit outside `assets/samples/`
on purpose: the samples are full-length articles that the contract tests and the
evaluation enumerate."""

from __future__ import annotations

from pathlib import Path

from analyzers.resources import assets_dir


def practice_articles() -> list[Path]:
    folder = assets_dir() / "practice"
    return sorted(p for p in folder.iterdir() if p.suffix == ".txt")
