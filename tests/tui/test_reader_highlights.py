"""Highlights built from an Analysis, the span index, and the side panel's groups."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader_fixtures import TEXT, find, make_analysis
from tui.widgets.highlights import CATEGORIES, Span, SpanIndex, build, merged, panel_entries


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 60)), max_size=40),
       st.integers(0, 220), st.integers(1, 40))
def test_overlapping_matches_brute_force(raw, start, length):
    spans = [Span(s, s + n) for s, n in raw]
    index = SpanIndex(spans)
    end = start + length
    expected = sorted(s for s in spans if s.start < end and s.end > start)
    assert index.overlapping(start, end) == expected


def test_first_from_last_before_and_merge():
    a = SpanIndex([Span(10, 12), Span(1, 3)])
    b = SpanIndex([Span(5, 6)])
    m = merged([a, b])
    assert list(m) == [Span(1, 3), Span(5, 6), Span(10, 12)]
    assert m.first_from(4) == 1 and m.first_from(11) is None
    assert m.last_before(5) == 0 and m.last_before(1) is None
    assert m.overlapping(2, 11) == [Span(1, 3), Span(5, 6), Span(10, 12)]


def test_build_explains_each_category():
    hl = build(make_analysis())
    assert {c: len(hl[c]) for c in CATEGORIES} == {
        "quotes": 2, "officials": 2, "figures": 3, "opinion": 3}
    quote = hl["quotes"][0]
    assert quote.what == "direct quote — Ilse Brandvik, Mayor"
    assert quote.related == Span(*find(TEXT, "Ilse Brandvik"))
    money = hl["figures"][0]
    assert money.what == "money: $420 billion"
    assert "compared with" in money.why
    official = hl["officials"][0]
    assert official.what.startswith("named official — Ilse Brandvik, Mayor")
    by_text = {TEXT[h.start:h.end]: h for h in hl["opinion"]}
    assert by_text["reckless"].style == "opinion"
    assert "writer's own voice" in by_text["reckless"].what
    assert by_text["reckless"].why.startswith("A loaded word")
    assert by_text["disastrous"].style == "opinion-quoted"
    assert "inside a quote from Ilse Brandvik" in by_text["disastrous"].what


def test_quote_line_says_how_the_speaker_was_found():
    a = make_analysis()
    q = a.quotes[1]
    q.speaker_how, q.channel = "carried", "a letter"
    assert build(a)["quotes"][1].what == \
        "direct quote — Ilse Brandvik, Mayor (carried over from before; via a letter)"
    q.speaker_how, q.channel = "pronoun", None
    q.speaker_span = find(TEXT, "Brandvik", 1)
    q.speaker = None
    q.speaker_name = "the port board"
    assert build(a)["quotes"][1].what == "direct quote — the port board (from 'Brandvik')"
    q.speaker_how = "named"
    assert build(a)["quotes"][1].what == "direct quote — the port board"


def test_unattributed_quote_says_so():
    a = make_analysis()
    a.quotes[0].speaker = None
    a.quotes[0].speaker_name = None
    q = build(a)["quotes"][0]
    assert q.what == "direct quote — no speaker found"
    assert "cannot be checked" in q.why


def test_spans_outside_the_text_are_dropped():
    a = make_analysis()
    a.figures[0].end = len(a.text) + 5
    assert len(build(a)["figures"]) == 2


def test_panel_groups():
    groups = panel_entries(make_analysis())
    assert [e.label for e in groups["officials"]] == ["Ilse Brandvik"]
    assert groups["officials"][0].count == 2 and groups["officials"][0].detail == "Mayor"
    assert [e.label for e in groups["people"]] == ["Tomas Reyes"]
    assert [e.label for e in groups["organizations"]] == ["Northern Development Bank"]
    assert [e.label for e in groups["places"]] == ["Port Alder"]
    assert [e.label for e in groups["figures"]] == ["$420 billion", "12%", "2026"]
    speakers = groups["speakers"]
    assert [(e.label, e.count) for e in speakers] == [("Ilse Brandvik", 2)]
    assert speakers[0].spans == sorted(speakers[0].spans)
