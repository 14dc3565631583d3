"""The PTC and BABE scoring functions, on tiny hand-made cases (no evaluation data here)."""

from __future__ import annotations

import pytest

from analyzers.evaluation import babe, ptc, samples
from analyzers.evaluation.common import Row
from analyzers.model import Analysis, OpinionSpan


def _span(text, piece, category="loaded", in_quote=False):
    s = text.index(piece)
    return OpinionSpan(s, s + len(piece), piece, category, f"{category}: '{piece}'", in_quote)


# -- PTC ----------------------------------------------------------------------------------
def test_parse_labels_keeps_the_two_techniques_once():
    labels = "\n".join([
        "1\tLoaded_Language\t10\t20",
        "1\tName_Calling,Labeling\t10\t20",      # same span, other technique: once
        "1\tName_Calling,Labeling\t30\t35",
        "1\tDoubt\t0\t5",
        "1\tLoaded_Language\t40\t40",            # empty: dropped
        "garbage",
    ])
    assert ptc.parse_labels(labels) == [(10, 20), (30, 35)]


def test_covered_share_uses_the_union_of_the_others():
    assert ptc.covered_share([(0, 10)], [(0, 5), (3, 8)]) == [0.8]
    assert ptc.covered_share([(0, 10), (20, 30)], [(25, 40)]) == [0.0, 0.5]
    assert ptc.covered_share([(5, 5)], [(0, 10)]) == [0.0]


def test_partial_overlap_prf_by_hand():
    pred = [(0, 10), (50, 60)]            # first half covered, second not at all
    gold = [(5, 15), (100, 110)]          # first half covered, second missed
    p, r, f = ptc.partial_overlap_prf(pred, gold)
    assert p == pytest.approx((0.5 + 0) / 2)
    assert r == pytest.approx((0.5 + 0) / 2)
    assert f == pytest.approx(0.25)
    assert ptc.partial_overlap_prf([], gold) == (0.0, 0.0, 0.0)


def test_ptc_evaluate_on_a_tiny_set(tmp_path):
    root = tmp_path / "opinion" / "ptc"
    (root / "articles").mkdir(parents=True)
    (root / "labels").mkdir()
    text = "The corrupt elite lied.\r\nThe vote was held."
    (root / "articles" / "article7.txt").write_bytes(text.encode("utf-8"))
    s = text.index("corrupt elite")
    (root / "labels" / "article7.task2-TC.labels").write_text(
        f"7\tLoaded_Language\t{s}\t{s + 13}\n7\tDoubt\t0\t3\n", encoding="utf-8")
    seen = []

    def run(texts):
        seen.extend(texts)
        t = texts[0]
        return [Analysis(text=t, opinion=[
            _span(t, "corrupt"),                        # inside gold: precision 1
            _span(t, "lied", "loaded"),                 # outside gold: precision 0
            _span(t, "vote", "hedge"),                  # not a counted category
        ])]

    res = ptc.evaluate(tmp_path, run, want_errors=True)
    assert seen == [text]                               # "\r\n" kept: offsets stay right
    row, prec = res.rows[:2]
    assert row.target == 0.40 and prec.target == 0.40
    p, r = 0.5, 7 / 13
    assert row.value == pytest.approx(2 * p * r / (p + r))
    assert prec.value == pytest.approx(p)
    assert any("FALSE ALARM" in e and "lied" in e for e in res.errors)
    assert not any("MISS" in e for e in res.errors)


# -- BABE ---------------------------------------------------------------------------------
def test_roc_auc_by_hand():
    assert babe.roc_auc([3, 4], [1, 2]) == 1.0
    assert babe.roc_auc([1, 2], [3, 4]) == 0.0
    assert babe.roc_auc([1, 1], [1, 1]) == 0.5
    # pairs: (2>1) (2>0) (2=2 half) | (1=1 half) (1>0) (1<2) -> 3 + 2 * 0.5 = 4 of 6
    assert babe.roc_auc([2, 1], [1, 0, 2]) == pytest.approx(4 / 6)
    assert babe.roc_auc([], [1]) is None


def test_roc_auc_matches_counting_pairs():
    pos = [0, 0, 1, 2, 2, 5, 0.5]
    neg = [0, 1, 1, 0, 3, 0.5]
    pairs = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    assert babe.roc_auc(pos, neg) == pytest.approx(pairs / (len(pos) * len(neg)))


def test_parse_words():
    assert babe.parse_words("['bizarre', 'fringe']") == ["bizarre", "fringe"]
    assert babe.parse_words("[]") == []
    assert babe.parse_words("") == []
    assert babe.parse_words("[bizarre, 'odd]") == ["bizarre", "odd"]


def test_sentence_score_counts_only_the_writers_voice_with_weights():
    t = 'The reckless plan, "a total sham," reportedly failed.'
    a = Analysis(text=t, opinion=[
        _span(t, "reckless"),
        _span(t, "sham", in_quote=True),
        _span(t, "reportedly", "hedge"),
    ])
    assert babe.sentence_score(a) == pytest.approx(1.0 + babe.WEIGHTS["hedge"])


def test_word_overlap():
    t = "A very reckless and sinister plan."
    a = Analysis(text=t, opinion=[_span(t, "very reckless", "booster"),
                                  _span(t, "plan", "hedge")])
    words = babe.span_words(a)
    assert words == {"very", "reckless"}
    assert babe.word_overlap(words, ["Reckless", "sinister"]) == (1, 2, 2)


def test_babe_evaluate_on_a_tiny_set(tmp_path):
    root = tmp_path / "opinion" / "babe"
    root.mkdir(parents=True)
    rows = [
        ("The reckless plan failed.", "Biased", "Expresses writer’s opinion", "['reckless']"),
        ("A shameful, absurd vote.", "Biased", "Expresses writer’s opinion", "['absurd']"),
        ("The vote was held on Monday.", "Non-biased", "Entirely factual", "[]"),
        ("The plan passed.", "Non-biased", "Entirely factual", "[]"),
        ("It was somewhat odd.", "Biased", "Somewhat factual but also opinionated", "[]"),
    ]
    lines = ["text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words"]
    lines += [f'"{t}";http://x;o;t;left;{b};{o};"{w}"' for t, b, o, w in rows]
    (root / "final_labels_SG2.csv").write_text("\ufeff" + "\n".join(lines) + "\n",
                                               encoding="utf-8")
    marks = {"reckless": "loaded", "absurd": "loaded", "shameful": "loaded"}

    def run(texts):
        out = []
        for t in texts:
            ops = [_span(t, w, c) for w, c in marks.items() if w in t]
            out.append(Analysis(text=t, opinion=ops))
        return out

    res = babe.evaluate(tmp_path, run, want_errors=True)
    auc_row, share_row, words_row = res.rows
    assert auc_row.value == 1.0 and auc_row.target == 0.82
    assert "2 opinion, 2 factual" in auc_row.detail
    assert share_row.value == 0.0 and share_row.at_most and share_row.met()
    # predicted words: reckless, shameful, absurd; gold: reckless, absurd
    assert words_row.value == pytest.approx(2 * (2 / 3) * 1.0 / (2 / 3 + 1.0))
    assert res.errors == []


def test_babe_factual_share_counts_only_writers_voice_markers(tmp_path):
    root = tmp_path / "opinion" / "babe"
    root.mkdir(parents=True)
    rows = [("The plan failed badly.", "Biased", "Expresses writer’s opinion"),
            ("The reckless vote was held.", "Non-biased", "Entirely factual"),
            ("He called it a sham.", "Non-biased", "Entirely factual"),
            ("The plan passed.", "Non-biased", "Entirely factual"),
            ("Shares fell.", "Non-biased", "Entirely factual")]
    lines = ["text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words"]
    lines += [f'"{t}";http://x;o;t;left;{b};{o};"[]"' for t, b, o in rows]
    (root / "final_labels_SG2.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def run(texts):
        out = []
        for t in texts:
            ops = [_span(t, "reckless")] if "reckless" in t else []
            ops += [_span(t, "sham", in_quote=True)] if "sham" in t else []
            out.append(Analysis(text=t, opinion=ops))
        return out

    share = babe.evaluate(tmp_path, run).rows[1]
    assert share.value == pytest.approx(1 / 4)          # the quoted "sham" does not count
    assert share.target == 0.20 and share.at_most and share.met() is False


# -- PTC: the other techniques ------------------------------------------------------------
def test_ptc_other_techniques_count_spans_found_by_their_categories(tmp_path):
    root = tmp_path / "opinion" / "ptc"
    (root / "articles").mkdir(parents=True)
    (root / "labels").mkdir()
    text = "They claimed the vote was rigged. It was the worst flood ever seen here."
    (root / "articles" / "article1.txt").write_text(text, encoding="utf-8")
    doubt = (text.index("They"), text.index("."))
    exag = (text.index("the worst"), text.index(" seen"))
    other = (text.index("flood"), text.index("flood") + 5)
    (root / "labels" / "article1.task2-TC.labels").write_text(
        f"1\tDoubt\t{doubt[0]}\t{doubt[1]}\n"
        f"1\tExaggeration,Minimisation\t{exag[0]}\t{exag[1]}\n"
        f"1\tExaggeration,Minimisation\t{other[0] + 30}\t{other[1] + 35}\n",
        encoding="utf-8")

    def run(texts):
        t = texts[0]
        return [Analysis(text=t, opinion=[_span(t, "claimed", "doubt"),
                                          _span(t, "worst", "loaded")])]   # not counted

    rows = {r.metric.split(" ")[0]: r for r in ptc.evaluate(tmp_path, run).rows}
    assert rows["Doubt"].value == 1.0 and "1 of 1" in rows["Doubt"].detail
    assert rows["Exaggeration,Minimisation"].value == 0.0
    assert set(ptc.OTHER["Doubt"]) >= {"doubt", "evidence"}


# -- the neutral sample -------------------------------------------------------------------
def test_samples_row_counts_writers_voice_highlights(tmp_path):
    path = tmp_path / "01-wire.txt"
    text = 'The reckless plan passed. "A sham," she said. Crowds gathered.'
    path.write_text(text, encoding="utf-8")

    def run(texts):
        t = texts[0]
        return [Analysis(text=t, opinion=[_span(t, "reckless"), _span(t, "sham", in_quote=True)])]

    res = samples.evaluate(None, run, want_errors=True, sample=path)
    (row,) = res.rows
    assert row.value == 1 and row.target == 2 and row.at_most and row.met()
    assert len(res.errors) == 1 and "reckless" in res.errors[0]


def test_samples_default_is_the_bundled_wire_story():
    seen = []

    def run(texts):
        seen.extend(texts)
        return [Analysis(text=texts[0])]

    row = samples.evaluate(None, run).rows[0]
    assert row.value == 0 and "01-" in row.metric and "Port Alder" in seen[0]


def test_row_met_reads_a_ceiling_as_a_ceiling():
    assert Row("d", "m", 0.3, target=0.2, at_most=True).met() is False
    assert Row("d", "m", 0.1, target=0.2, at_most=True).met() is True
    assert Row("d", "m", 0.3, target=0.2).met() is True
    assert Row("d", "m", None, target=0.2).met() is None
