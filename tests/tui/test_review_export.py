"""The reports carry the review: verdicts and added highlights on the article's marks, and
the Review section with the checklist (ticks), verdicts, notes and the scorecard."""

from __future__ import annotations

import re

from analyzers.review import Added, Anchor, Review, Tick, Verdict, report
from tui.export import render


def reviewed(analysis) -> dict:
    t = analysis.text
    r = Review.new(t)
    s = t.index("reckless")
    r.verdicts.append(Verdict("opinion", Anchor.at(t, s, s + 8), "reject", "critics' word"))
    s = t.index("claimed")
    r.verdicts.append(Verdict("opinion", Anchor.at(t, s, s + 7), "accept"))
    s = t.index("Kestrel Bridge")
    r.added.append(Added("a1", "officials", Anchor.at(t, s, s + 14), "not a person"))
    s = t.index("$420 billion")
    r.ticks.append(Tick("figure_unsourced", Anchor.at(t, s, s + 12)))
    gone = Verdict("quotes", Anchor.at(t, 0, 7), "reject", "gone")
    r.verdicts.append(gone)
    return report(r, analysis)


def test_html_marks_and_section(analysis):
    html = render(analysis, "html", review=reviewed(analysis))
    assert re.search(r'<mark class="hl hl-opinion rv-rejected"[^>]*>reckless', html)
    assert re.search(r'<mark class="hl hl-opinion rv-accepted"[^>]*>claimed', html)
    assert re.search(r'<mark class="hl hl-officials rv-added"[^>]*>Kestrel Bridge', html)
    assert "Reviewer&#x27;s note: critics&#x27; word" in html
    assert "☑</span> <b class=\"done\">figure without a source or a comparison" in html
    assert "checklist 1 of 3 checked" in html
    assert "Not found in this analysis (kept)" in html and "gone" in html
    assert "Source scorecard" in html and "Ilse Brandvik" in html


def test_html_without_review_is_unchanged(analysis):
    assert "rv-" not in render(analysis, "html") and "Review</h2>" not in render(analysis, "html")


def test_markdown_section(analysis):
    md = render(analysis, "md", review=reviewed(analysis))
    assert "## Review" in md and "- [x] **figure without a source or a comparison**" in md
    assert "| Opinion: “claimed” | accepted |  |" in md
    assert "- Official: “Kestrel Bridge” — not a person" in md
    assert "verdict (rejected), Quotes: “Harbour” , note: gone" not in md
    assert "verdict (rejected), Quotes: “Harbour”, note: gone" in md
