"""The PolNeAR scoring functions, on tiny hand-made cases (no evaluation data here)."""

from __future__ import annotations

from pathlib import Path

from analyzers.evaluation import polnear
from analyzers.evaluation.polnear import (evaluate, gold_quotes, half_overlap, match_quotes,
                                          official_found, speaker_right, titled_name)
from analyzers.model import Analysis, Entity, Quote


def test_half_overlap_uses_the_shorter_span():
    assert half_overlap((0, 10), (5, 100))        # 5 of the shorter 10
    assert not half_overlap((0, 10), (6, 100))    # 4 of 10
    assert half_overlap((0, 100), (40, 44))       # short one fully inside
    assert not half_overlap((0, 10), (10, 20))    # touching is not overlapping
    assert not half_overlap((3, 3), (0, 10))      # empty spans never match


def test_match_is_one_to_one_and_prefers_largest_overlap():
    pred = [(0, 20), (18, 40)]
    gold = [(0, 40)]
    assert match_quotes(pred, gold) == [(1, 0)]   # 22 chars beat 20
    pred = [(0, 10), (20, 30), (50, 60)]
    gold = [(1, 9), (21, 31), (70, 80)]
    assert match_quotes(pred, gold) == [(0, 0), (1, 1)]


def test_speaker_right_needs_an_overlap_with_a_source_piece():
    assert speaker_right((10, 15), [(0, 5), (12, 20)])
    assert not speaker_right((10, 15), [(0, 5)])
    assert not speaker_right(None, [(0, 5)])


def test_gold_quotes_reads_fragments_and_sources():
    text = 'Ann Lee said "we will win" and "we will stay." Then "later," he said, it rained.'
    #       0         1         2         3         4         5         6         7
    q1 = text.index('"we will win"')
    q2 = text.index('"we will stay."')
    q3 = text.index('"later,"')
    ann = "\n".join([
        "T1\tSource 0 7\tAnn Lee",
        "T2\tCue 8 12\tsaid",
        f"T3\tContent {q1} {q1 + 13};{q2} {q2 + 15}\t...",
        "T4\tAttribution 8 12\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        f"T5\tContent {q3} {q3 + 8}\t\"later,\"",
        "T6\tCue 60 64\tsaid",
        "T7\tAttribution 60 64\tsaid",
        "E2\tAttribution-no-source:T7 Cue:T6 Content:T5",
        "T8\tContent 0 12\tAnn Lee said",   # not a quote: does not open with a mark
        "E3\tAttribution:T4 Cue:T2 Content:T8",
    ])
    quotes, sources = gold_quotes(text, ann)
    assert [(g.start, g.end) for g in quotes] == [(q1, q1 + 13), (q2, q2 + 15), (q3, q3 + 8)]
    assert quotes[0].sources == [(0, 7)] and quotes[1].sources == [(0, 7)]
    assert quotes[2].sources == []
    assert sources == [(0, 7)]


def test_gold_is_content_opening_with_a_straight_or_curly_double_mark():
    text = '"Plain," he said. “Curly,” she said. \'\'Old,\'\' we said. ‘Single,’ they said.'
    starts = ['"Plain', "“Curly", "''Old", "‘Single"]
    spans = [(text.index(s), text.index(s) + len(s) + 2) for s in starts]
    ann = "\n".join(f"T{i}\tContent {s} {e}\t..." for i, (s, e) in enumerate(spans, 1))
    quotes, _ = gold_quotes(text, ann)
    assert [(g.start, g.end) for g in quotes] == spans[:2]


def test_titled_name_pattern():
    head, (a, b) = titled_name("Secretary of State Maria Olsen")
    assert head == "Secretary" and "Secretary of State Maria Olsen"[a:b] == "Maria Olsen"
    text = "Sen. Paul T. Brandt (R-Ore.), who chairs the panel,"
    head, (a, b) = titled_name(text)
    assert head == "Sen" and text[a:b] == "Paul T. Brandt"
    text = "former Gov. Ada Pryce"
    assert titled_name(text)[0] == "Gov"
    assert titled_name("the state senator") is None          # no name
    assert titled_name("Ms. Pryce") is None                  # courtesy title, not an office
    assert titled_name("party nominee Ada Pryce") is None    # a campaign role, not an office
    assert titled_name("Mayor Ann Cole and Gov. Bo Lund") is None   # two people
    assert titled_name("the chair of the RNC") is None       # an organisation, not a name


def test_official_found_checks_mention_and_title_head():
    ent = Entity("e1", "Paul Brandt", "person", official=True, title="Senator",
                 mentions=[(5, 16)])
    assert official_found([ent], (5, 16), "Sen")
    assert not official_found([ent], (30, 40), "Sen")         # mention elsewhere
    assert not official_found([ent], (5, 16), "Gov")          # another title
    ent.official = False
    assert not official_found([ent], (5, 16), "Sen")


def test_evaluate_end_to_end_on_a_tiny_set(tmp_path: Path):
    root = tmp_path / "quotes" / "polnear-dev"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    text = 'Title\n\nGov. Ada Pryce said "we build roads." Critics called it "a stunt".'
    (root / "text" / "art1.txt").write_text(text, encoding="utf-8")
    q = text.index('"we build roads."')
    ann = "\n".join([
        "T1\tSource 7 21\tGov. Ada Pryce",
        "T2\tCue 22 26\tsaid",
        f"T3\tContent {q} {q + 17}\t\"we build roads.\"",
        "T4\tAttribution 22 26\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    ])
    (root / "attributions" / "art1_b.ann").write_text(ann, encoding="utf-8")
    (root / "attributions" / "art1_a.ann").write_text("", encoding="utf-8")  # first sorted

    def run(texts):
        return [Analysis(text=t) for t in texts]

    res = evaluate(tmp_path, run)
    assert res.rows[0].value == 0.0 and "0 gold" in res.rows[0].detail  # empty first file

    (root / "attributions" / "art1_a.ann").unlink()
    s = text.index("a stunt") - 1

    def run2(texts):
        t = texts[0]
        ent = Entity("e1", "Ada Pryce", "person", official=True, title="Governor",
                     mentions=[(12, 21)])
        quotes = [
            Quote("q1", q, q + 17, t[q:q + 17], "direct", "e1", "Ada Pryce", (12, 21), "said"),
            Quote("q2", s, s + 9, t[s:s + 9], "scare"),   # not speech: not counted
        ]
        return [Analysis(text=t, entities=[ent], quotes=quotes)]

    res = evaluate(tmp_path, run2, want_errors=True)
    values = [r.value for r in res.rows]
    assert values == [1.0, 1.0, 1.0]
    assert res.errors == []
    assert res.dataset == polnear.DATASET


def test_speaker_errors_say_how_the_speaker_was_found(tmp_path: Path):
    root = tmp_path / "quotes" / "polnear-dev"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    text = 'Title\n\nThe port board met. Ivo Dane came late. "We wait," it said.'
    (root / "text" / "art1.txt").write_text(text, encoding="utf-8")
    q = text.index('"We wait,"')
    src = text.index("it said")
    ann = "\n".join([
        f"T1\tSource {src} {src + 2}\tit",
        f"T2\tCue {src + 3} {src + 7}\tsaid",
        f"T3\tContent {q} {q + 10}\t\"We wait,\"",
        f"T4\tAttribution {src + 3} {src + 7}\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    ])
    (root / "attributions" / "art1_a.ann").write_text(ann, encoding="utf-8")
    dane = text.index("Ivo Dane")

    def run(texts):
        t = texts[0]
        quotes = [Quote("q1", q, q + 10, t[q:q + 10], "direct", None, "Ivo Dane",
                        (dane, dane + 8), "said", speaker_how="carried")]
        return [Analysis(text=t, quotes=quotes)]

    res = evaluate(tmp_path, run, want_errors=True)
    wrong = [e for e in res.errors if "WRONG SPEAKER" in e]
    assert "found: carried -> 'Ivo Dane'" in wrong[0]
    assert wrong[-1] == "WRONG SPEAKER by how the speaker was found: carried 1"
