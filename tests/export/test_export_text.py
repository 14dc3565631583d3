"""`slant analyze --format text`: the article with highlights, safe to print to a terminal."""

from __future__ import annotations

import io
import re

from rich.console import Console

from analyzers.model import Analysis
from tui.export.text import STYLES, highlighted, print_analysis, render_plain

from hostile_article import ACTED_ON, HOSTILE


def test_controls_and_bidi_are_shown_as_placeholders(hostile: Analysis):
    styled = render_plain(hostile)
    out = re.sub(r"\x1b\[[0-9;]*m", "", styled)   # Rich's own styles: the only escapes left
    assert not ACTED_ON & set(out)
    for shown in ("\u241b]0;owned\u2407vote", "Ruiz\u241b[2J said", "costs\u240cgrew",
                  "invoice\u21c6txt.exe", "\u21c6isolated\u21c6", "\ufffd31m", "\u2421 gone"):
        assert shown in out
    assert "Ana Ruiz\u241b[2J (Mayor\u21c6)" in out        # the summary's names too


def test_printed_to_a_terminal_nothing_from_the_article_acts_on_it(hostile: Analysis):
    buf = io.StringIO()
    print_analysis(hostile, Console(file=buf, width=120, force_terminal=False))
    assert not ACTED_ON & set(buf.getvalue())


def test_highlights_stay_on_their_words_after_a_form_feed(hostile: Analysis):
    # Rich drops form feeds, CR, BS, VT and BEL from a Text: before the placeholders every
    # highlight after a form feed slid one character to the right.
    assert HOSTILE.index("12%") > HOSTILE.index("\x0c")
    text = highlighted(hostile)
    figure = [text.plain[s.start:s.end] for s in text.spans if s.style == STYLES["figures"]]
    assert figure == ["12%"]
    assert len(text.plain) == sum(e - s for s, e in hostile.paragraphs) + 2 * (
        len(hostile.paragraphs) - 1)
