"""opinion/babe: sentence-level opinion and biased words (BABE, Findings of EMNLP 2021).

Data (see ../shared/eval/README.md): `final_labels_SG2.csv`, `;`-separated, UTF-8 with a
BOM; columns `text`, `label_bias`, `label_opinion` ("Entirely factual" / "Somewhat
factual but also opinionated" / "Expresses writer's opinion" / "No agreement") and
`biased_words` (a Python-style list of words).  The labels spell "writer’s" with a curly
apostrophe; we compare with apostrophes normalized.

Decisions (documented here because they change the numbers):
- Each sentence is analysed on its own, as a one-sentence article.
- Score of a sentence = weighted count of its writer's-voice opinion spans (`in_quote`
  False), weights in `WEIGHTS`: a loaded word, a label or an editorial comment is a clear
  sign of the writer's opinion (1.0); boosters, unsupported attributions and scare quotes
  are weaker (0.5: a scare quote is often a short partial quote of someone else's words);
  doubt verbs and hedges mostly report how someone else's claim stands (0.25).  The
  devices (hyperbole, minimising, motive, evidence undermined, war metaphor, knowing
  aside) are the writer's framing, as strong a sign as a loaded word (1.0).
- Main row: ROC AUC of that score separating "Expresses writer's opinion" (positive)
  from "Entirely factual" (negative); the other two labels are left out.  AUC is the
  Mann-Whitney statistic: the chance that a random opinion sentence scores above a random
  factual one, ties counting half.
- Ceiling row: the share of "Entirely factual" sentences with any writer's-voice marker
  (score > 0): a highlight in a neutral sentence costs the reader's trust, so this must
  stay low (`Row.at_most`).
- Word row: word-level precision and recall against `biased_words` over all sentences.
  Predicted words = the words inside our spans of `WORD_CATEGORIES` (in or out of quotes:
  the annotators marked biased words wherever they were); a word matches when the same
  lower-cased word is in the sentence's gold list.  Hedges, doubt verbs, unsupported
  attributions and scare quotes are left out: they mark how a claim is reported, and the
  annotators marked the loaded words, not the reporting ones.

`slant eval --errors opinion/babe` lists the misses and false alarms.
"""

from __future__ import annotations

import ast
import csv
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..model import Analysis
from .common import Row, Runner, SetResult, prf, set_folder, shorten

DATASET = "opinion/babe"
FILE = "final_labels_SG2.csv"
POSITIVE = "Expresses writer's opinion"
NEGATIVE = "Entirely factual"
WEIGHTS = {"loaded": 1.0, "label": 1.0, "editorial": 1.0, "booster": 0.5,
           "unsupported": 0.5, "scare_quote": 0.5, "doubt": 0.25, "hedge": 0.25,
           "hyperbole": 1.0, "minimising": 1.0, "motive": 1.0, "evidence": 1.0,
           "metaphor": 1.0, "aside": 1.0}
WORD_CATEGORIES = ("loaded", "label", "booster", "editorial", "hyperbole", "minimising",
                   "motive", "evidence", "metaphor", "aside")
_WORD = re.compile(r"[\w'’-]+")


@dataclass
class Sentence:
    text: str
    opinion: str              # label_opinion, apostrophes normalized
    bias: str
    biased_words: list[str]


def _norm(label: str) -> str:
    return label.replace("’", "'").strip()


def parse_words(cell: str) -> list[str]:
    """The `biased_words` cell, e.g. "['bizarre', 'fringe']", as a list of strings."""
    cell = (cell or "").strip()
    if not cell:
        return []
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        return [w.strip(" '\"") for w in cell.strip("[]").split(",") if w.strip(" '\"")]
    return [str(w) for w in value] if isinstance(value, (list, tuple)) else []


def load(data_dir: Path) -> list[Sentence]:
    root = set_folder(data_dir, "opinion/babe", FILE)
    with open(root / FILE, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    return [Sentence(r["text"], _norm(r.get("label_opinion", "")), r.get("label_bias", ""),
                     parse_words(r.get("biased_words", ""))) for r in rows]


# -- scoring --------------------------------------------------------------------------------
def sentence_score(analysis: Analysis, weights: dict[str, float] = WEIGHTS) -> float:
    """Weighted count of the writer's-voice opinion spans."""
    return sum(weights.get(o.category, 0.0) for o in analysis.opinion if not o.in_quote)


def roc_auc(positive: Sequence[float], negative: Sequence[float]) -> float | None:
    """P(score of a random positive > score of a random negative), ties counting half
    (the Mann-Whitney U statistic over len(positive) * len(negative))."""
    if not positive or not negative:
        return None
    ranked = sorted([(s, 1) for s in positive] + [(s, 0) for s in negative])
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2          # ranks i+1..j share their average
        rank_sum += mean_rank * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def span_words(analysis: Analysis, categories: Iterable[str] = WORD_CATEGORIES) -> set[str]:
    cats = set(categories)
    return {w.lower().replace("’", "'") for o in analysis.opinion if o.category in cats
            for w in _WORD.findall(o.text)}


def word_overlap(pred: set[str], gold: Iterable[str]) -> tuple[int, int, int]:
    """(matched predicted words, predicted words, gold words) for one sentence."""
    gold_set = {g.lower().replace("’", "'").strip() for g in gold if g.strip()}
    hit = len(pred & gold_set)
    return hit, len(pred), len(gold_set)


# -- the set ---------------------------------------------------------------------------------
def evaluate(data_dir: Path, run: Runner, want_errors: bool = False) -> SetResult:
    t0 = time.perf_counter()
    sentences = load(data_dir)
    analyses = run([s.text for s in sentences])
    result = SetResult(DATASET)
    pos: list[float] = []
    neg: list[float] = []
    hit = n_pred = n_gold = 0
    for sent, an in zip(sentences, analyses):
        score = sentence_score(an)
        if sent.opinion == POSITIVE:
            pos.append(score)
        elif sent.opinion == NEGATIVE:
            neg.append(score)
        h, p, g = word_overlap(span_words(an), sent.biased_words)
        hit, n_pred, n_gold = hit + h, n_pred + p, n_gold + g
        if want_errors and sent.opinion in (POSITIVE, NEGATIVE):
            spans = "; ".join(f"{o.category}:{o.text!r}{' (quoted)' if o.in_quote else ''}"
                              for o in an.opinion)
            if sent.opinion == NEGATIVE and score > 0:
                result.errors.append(f"FACTUAL BUT SCORED {score:g}: {shorten(sent.text)!r} "
                                     f"<- {spans}")
            elif sent.opinion == POSITIVE and score == 0:
                result.errors.append(f"OPINION MISSED: {shorten(sent.text)!r}"
                                     + (f" (only quoted: {spans})" if spans else ""))
    auc = roc_auc(pos, neg)
    flagged_pos = sum(1 for s in pos if s > 0)
    flagged_neg = sum(1 for s in neg if s > 0)
    result.rows.append(Row(
        DATASET, "writer's-voice opinion markers per sentence separating \"Expresses writer's "
        "opinion\" from \"Entirely factual\" (ROC AUC)", auc, None, 0.82,
        f"{len(pos)} opinion, {len(neg)} factual sentences; any marker in "
        f"{flagged_pos / max(1, len(pos)):.0%} of opinion and "
        f"{flagged_neg / max(1, len(neg)):.0%} of factual ones"))
    result.rows.append(Row(
        DATASET, "share of \"Entirely factual\" sentences with any writer's-voice marker",
        flagged_neg / len(neg) if neg else None, None, 0.20,
        f"{flagged_neg} of {len(neg)} factual sentences", at_most=True))
    p, r, f = prf(hit, n_pred, hit, n_gold)
    result.rows.append(Row(DATASET, "words in opinion spans vs biased_words (F1)", f, None,
                           0.45, f"P {p:.2f} R {r:.2f}; {hit} matched, {n_pred} predicted, "
                           f"{n_gold} gold words; counted: {', '.join(WORD_CATEGORIES)}"))
    result.seconds = time.perf_counter() - t0
    return result
