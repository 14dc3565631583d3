"""opinion/ptc: loaded language and name-calling spans (PTC v2, SemEval-2020 Task 11).

Gold (see ../shared/eval/README.md): the spans of the techniques `Loaded_Language` and
`Name_Calling,Labeling` in `labels/article<ID>.task2-TC.labels` (TSV: id, technique,
start, end; end exclusive; Python `str` offsets into `articles/article<ID>.txt`).  Spans
inside quoted speech are annotated too.

Decisions (documented here because they change the numbers):
- Predictions are ALL our opinion spans of the categories in `COUNTED`, in quotes or out
  (the gold marks quoted propaganda as well).  `loaded` and `label` are the two techniques
  themselves; `booster` words ("massive", "utterly", "very dangerous") carry the emotional
  intensity the task calls loaded language; `hyperbole` ("catastrophic",
  "meltdown") and war `metaphor`s ("onslaught", "wage war on") are words chosen for their
  emotional charge, which is the task's definition of loaded language; `motive` nouns
  ("stunt", "ploy") label an act with a judgement.  `editorial` comments ("of course",
  rhetorical questions), `aside`s, `minimising` and `evidence` phrases steer the reader
  without loaded words; `doubt`, `hedge` and `unsupported` belong to other techniques
  (Doubt, Appeal to authority).  `scare_quote` spans ("so-called experts") cast doubt on
  a word more than they call names, and on this set most of what the quotes component
  takes for scare quotes are names, titles and short partial quotes (precision 0.14 over
  700 spans when counted here): they count for Doubt below.  Those are left out of the
  main row.
- Metric, the task's partial-overlap one: precision = mean over predicted spans of the
  share of each covered by the union of gold spans; recall = mean over gold spans of the
  share of each covered by the union of predicted spans; F1 from those.  Gold spans of
  the two techniques that coincide are counted once.  Precision has a row of its own.
- Recall rows for two more techniques, each against the predictions of the categories
  that do what the technique's definition says (`OTHER`):
  `Exaggeration,Minimisation` ("representing something as better or worse than it is")
  by `hyperbole`, `minimising` and `booster`; `Doubt` ("questioning the credibility of
  someone or something") by `doubt` verbs ("claimed"), `evidence` undermined ("baseless
  claims"), `scare_quote`s ("so-called experts") and `motive` ("a cynical ploy").
  Recall there is the share of gold spans that a highlight of those categories overlaps:
  Doubt spans are whole clauses (median 14 words) and Exaggeration spans phrases (median
  6), while our highlights are words, so the share of characters covered (given in the
  detail) would measure span length, not whether the reader is pointed at the device.
  Only recall is given: the gold of those techniques is not exhaustive for our
  categories (a booster in a loaded phrase is gold for Loaded_Language, not here).

`slant eval --errors opinion/ptc` lists the misses and false alarms.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..model import Analysis, OpinionSpan
from .common import (MissingSet, Row, Runner, SetResult, merged_length_covered, overlap,
                     prf, set_folder, shorten)

DATASET = "opinion/ptc"
TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
COUNTED = ("loaded", "label", "booster", "hyperbole", "metaphor", "motive")
# other technique -> (row name, our categories that do what it describes)
OTHER = {
    "Exaggeration,Minimisation": ("hyperbole", "minimising", "booster"),
    "Doubt": ("doubt", "evidence", "scare_quote", "motive"),
}


@dataclass
class Article:
    name: str
    text: str
    gold: list[tuple[int, int]]
    other: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # OTHER's gold


def parse_labels(text: str, techniques: Iterable[str] = TECHNIQUES) -> list[tuple[int, int]]:
    """Distinct (start, end) spans of the wanted techniques, sorted."""
    wanted = set(techniques)
    out = set()
    for line in text.splitlines():
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 4 or parts[1] not in wanted:
            continue
        start, end = int(parts[2]), int(parts[3])
        if end > start:
            out.add((start, end))
    return sorted(out)


def load(data_dir: Path) -> list[Article]:
    root = set_folder(data_dir, "opinion/ptc", "articles")
    articles = []
    for txt in sorted((root / "articles").glob("article*.txt")):
        ident = txt.stem[len("article"):]
        labels = root / "labels" / f"article{ident}.task2-TC.labels"
        gold_text = labels.read_text(encoding="utf-8") if labels.exists() else ""
        # newline="" keeps "\r\n" so that the offsets stay right
        with open(txt, encoding="utf-8", newline="") as fh:
            text = fh.read()
        other = {t: parse_labels(gold_text, (t,)) for t in OTHER}
        articles.append(Article(txt.stem, text, parse_labels(gold_text), other))
    if not articles:
        raise MissingSet(f"{DATASET}: no article in {root}")
    return articles


def predicted(analysis: Analysis, counted: Sequence[str] = COUNTED) -> list[OpinionSpan]:
    return [o for o in analysis.opinion if o.category in counted]


# -- scoring --------------------------------------------------------------------------------
def covered_share(spans: Sequence[tuple[int, int]],
                  others: Sequence[tuple[int, int]]) -> list[float]:
    """For each span, the share of its characters covered by the union of `others`."""
    return [merged_length_covered(s, others) / (s[1] - s[0]) if s[1] > s[0] else 0.0
            for s in spans]


@dataclass
class Tally:
    """Partial-overlap sums over many articles."""
    p_sum: float = 0.0
    n_pred: int = 0
    r_sum: float = 0.0
    n_gold: int = 0

    def add(self, pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
        self.p_sum += sum(covered_share(pred, gold))
        self.n_pred += len(pred)
        self.r_sum += sum(covered_share(gold, pred))
        self.n_gold += len(gold)

    def prf(self) -> tuple[float, float, float]:
        return prf(self.p_sum, self.n_pred, self.r_sum, self.n_gold)


def partial_overlap_prf(pred: Sequence[tuple[int, int]],
                        gold: Sequence[tuple[int, int]]) -> tuple[float, float, float]:
    t = Tally()
    t.add(pred, gold)
    return t.prf()


# -- the set ---------------------------------------------------------------------------------
def evaluate(data_dir: Path, run: Runner, want_errors: bool = False) -> SetResult:
    t0 = time.perf_counter()
    articles = load(data_dir)
    analyses = run([a.text for a in articles])
    result = SetResult(DATASET)
    total = Tally()
    by_cat: dict[str, list[float]] = {}
    for art, an in zip(articles, analyses):
        pred = predicted(an)
        spans = [(o.start, o.end) for o in pred]
        total.add(spans, art.gold)
        shares = covered_share(spans, art.gold)
        for o, share in zip(pred, shares):
            by_cat.setdefault(o.category, []).append(share)
        if want_errors:
            for o, share in zip(pred, shares):
                if share == 0:
                    result.errors.append(f"{art.name}: FALSE ALARM ({o.category}) {o.text!r} "
                                         f"in {shorten(_context(art.text, o.start, o.end))!r}")
            for (s, e), share in zip(art.gold, covered_share(art.gold, spans)):
                if share == 0:
                    result.errors.append(f"{art.name}: MISS {shorten(art.text[s:e])!r}")
    p, r, f = total.prf()
    per_cat = ", ".join(f"{c} {sum(v) / len(v):.2f}x{len(v)}"
                        for c, v in sorted(by_cat.items(), key=lambda kv: -len(kv[1])))
    result.rows.append(Row(DATASET, "Loaded_Language + Name_Calling partial-overlap F1, all spans",
                           f, "word lists 0.10-0.13", 0.40,
                           f"P {p:.2f} R {r:.2f}; {total.n_pred} predicted, {total.n_gold} gold; "
                           f"precision by category: {per_cat}"))
    result.rows.append(Row(DATASET, "Loaded_Language + Name_Calling partial-overlap precision",
                           p, None, 0.40, f"{total.n_pred} predicted spans of "
                           f"{', '.join(COUNTED)}"))
    for technique, cats in OTHER.items():
        tally = Tally()
        hits = 0
        for art, an in zip(articles, analyses):
            pred = [(o.start, o.end) for o in predicted(an, cats)]
            tally.add(pred, art.other[technique])
            hits += sum(1 for g in art.other[technique] if any(overlap(g, q) for q in pred))
        _, share, _ = tally.prf()
        result.rows.append(Row(DATASET, f"{technique} spans found (recall: a highlight "
                               "overlaps the gold span)", hits / max(1, tally.n_gold), None,
                               0.30, f"{hits} of {tally.n_gold} gold spans; characters "
                               f"covered {share:.2f}; counted: {', '.join(cats)}"))
    result.seconds = time.perf_counter() - t0
    return result


def _context(text: str, start: int, end: int, n: int = 30) -> str:
    return text[max(0, start - n):start] + "[" + text[start:end] + "]" + text[end:end + n]
