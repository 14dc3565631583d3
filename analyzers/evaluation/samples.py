"""samples/neutral-wire: the bundled neutral wire report must stay (almost) clean.

`assets/samples/01-*` is a plain wire story written by us: a council vote, a union's
threat, figures and attributed quotes.  Every writer's-voice opinion highlight on it
(`in_quote` False) is a false alarm a reader sees the first time they open slant, so the
row counts them, with a ceiling (`Row.at_most`).  Quoted opinion is the sources' and is
not counted.  The data folder is not needed: the sample ships with slant.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..resources import default_sample
from .common import Row, Runner, SetResult, shorten

DATASET = "samples/neutral-wire"
CEILING = 2


def writers_voice(analysis) -> list:
    return [o for o in analysis.opinion if not o.in_quote]


def evaluate(data_dir: Path | None, run: Runner, want_errors: bool = False,
             sample: Path | None = None) -> SetResult:
    t0 = time.perf_counter()
    path = sample or default_sample()
    text = path.read_text(encoding="utf-8")
    (analysis,) = run([text])
    found = writers_voice(analysis)
    result = SetResult(DATASET)
    result.rows.append(Row(DATASET, f"writer's-voice opinion highlights on {path.name}",
                           float(len(found)), None, CEILING,
                           "; ".join(f"{o.category}:{o.text!r}" for o in found) or "none",
                           at_most=True))
    if want_errors:
        for o in found:
            ctx = text[max(0, o.start - 40):o.start] + "[" + o.text + "]" + text[o.end:o.end + 40]
            result.errors.append(f"{path.name}: FALSE ALARM ({o.category}) {shorten(ctx)!r}")
    result.seconds = time.perf_counter() - t0
    return result
