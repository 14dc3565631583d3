"""The user's ignore list: opinion words they rejected and asked slant never to highlight
again, one JSON file in the data folder (`ignore.json`, `{"opinion": [words]}`), written
atomically.  It is only ever changed when the user says so in the reader."""

from __future__ import annotations

import json
from pathlib import Path

from ..export import write_atomic
from . import store


def path() -> Path:
    return store.data_dir() / "ignore.json"


def load() -> frozenset[str]:
    try:
        data = json.loads(path().read_text(encoding="utf-8"))
        return frozenset(w.lower() for w in data.get("opinion", []) if isinstance(w, str))
    except (OSError, ValueError, AttributeError):
        return frozenset()


def add(word: str) -> Path:
    words = sorted(load() | {word.lower()})
    p = path()
    p.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(p, json.dumps({"opinion": words}, ensure_ascii=False, indent=2) + "\n",
                 overwrite=True)
    return p
