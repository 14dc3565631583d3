"""A small fixed article and a hand-made `Analysis` of it, so the reader's tests do not
depend on how good the analyzers are today."""

from __future__ import annotations

from analyzers.model import (Analysis, Entity, Figure, ModelInfo, OpinionSpan, Quote, Source)
from analyzers.text import paragraphs

TEXT = """\
Harbour council backs bridge loan

PORT ALDER - The city council on Tuesday approved a $420 billion loan to rebuild the \
Kestrel Bridge, a decision critics called reckless.

"We cannot keep patching it," said Mayor Ilse Brandvik. "This is a disastrous bridge and \
we will fix it."

Union leader Tomas Reyes claimed the terms would cut 12% of dock jobs. The Northern \
Development Bank declined to comment.

Brandvik said the work would start in 2026.
"""


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def make_analysis(text: str = TEXT, path: str | None = "bridge.txt") -> Analysis:
    t = text
    mayor = Entity("e1", "Ilse Brandvik", "person", official=True, title="Mayor",
                   affiliation="Port Alder", mentions=[find(t, "Ilse Brandvik"),
                                                       find(t, "Brandvik", 1)])
    reyes = Entity("e2", "Tomas Reyes", "person", title="union leader",
                   mentions=[find(t, "Tomas Reyes")])
    bank = Entity("e3", "Northern Development Bank", "organization",
                  mentions=[find(t, "Northern Development Bank")])
    city = Entity("e4", "Port Alder", "place", mentions=[find(t, "PORT ALDER")])
    q1s, q1e = find(t, '"We cannot keep patching it,"')
    q2s, q2e = find(t, '"This is a disastrous bridge and we will fix it."')
    quotes = [
        Quote("q1", q1s, q1e, t[q1s:q1e], "direct", speaker="e1", speaker_name="Ilse Brandvik",
              speaker_span=find(t, "Ilse Brandvik"), cue="said"),
        Quote("q2", q2s, q2e, t[q2s:q2e], "direct", speaker="e1",
              speaker_name="Ilse Brandvik", speaker_span=find(t, "Ilse Brandvik"), cue="said"),
    ]
    figures = []
    for needle, kind, value, unit in (("$420 billion", "money", 420e9, "USD"),
                                      ("12%", "percent", 12.0, "%"),
                                      ("2026", "year", 2026.0, None)):
        s, e = find(t, needle)
        figures.append(Figure(s, e, t[s:e], kind, value, unit))
    opinion = []
    for needle, cat, why, in_quote, speaker in (
            ("reckless", "loaded", "A loaded word: it judges the decision instead of "
                                   "describing it.", False, None),
            ("claimed", "doubt", "'Claimed' casts doubt on what follows; 'said' would not.",
             False, None),
            ("disastrous", "loaded", "A loaded word, here in the mayor's own quote.",
             True, "e1")):
        s, e = find(t, needle)
        opinion.append(OpinionSpan(s, e, t[s:e], cat, why, in_quote, speaker))
    a = Analysis(text=t, source=Source(path=path, title="Harbour council backs bridge loan"),
                 model=ModelInfo("hand-made", "1", "full"), paragraphs=paragraphs(t),
                 entities=[mayor, reyes, bank, city], quotes=quotes, figures=figures,
                 opinion=opinion)
    from analyzers.stats import compute_stats

    a.stats = compute_stats(a)
    return a


def segment_at(view, offset: int):
    """The drawn segment showing character `offset` of the article (which must be on
    screen), found by rendering its line through the Line API."""
    from tui.widgets.article import GUTTER

    line = view.layout.line_at(offset)
    y = line - int(view.scroll_y)
    assert 0 <= y < view.scrollable_content_region.height, "offset is not on screen"
    strip = view.render_line(y)
    col = view._left + GUTTER + (offset - view.layout.starts[line])
    x = 0
    for seg in strip:
        if x <= col < x + seg.cell_length:
            return seg
        x += seg.cell_length
    raise AssertionError(f"no segment at column {col}")


def screen_lines(view) -> list[str]:
    """The article view's visible lines as plain text."""
    height = view.scrollable_content_region.height
    return [view.render_line(y).text for y in range(height)]


async def wait_for_analysis(app, pilot, timeout: float = 120.0) -> None:
    """Until the analysis (started once the text is on screen) has finished or failed."""
    import time

    deadline = time.monotonic() + timeout
    await pilot.pause()
    while app.analysing:
        assert time.monotonic() < deadline, "the analysis did not finish"
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()
