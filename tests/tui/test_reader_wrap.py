"""Word wrapping of the article view: correct lines, and one fast pass for long texts."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from analyzers.text import paragraphs
from tui.widgets.wrap import display_text, wrap


def check_layout(text: str, width: int) -> None:
    display = display_text(text)
    paras = paragraphs(text)
    layout = wrap(display, paras, width)
    seen_words: list[str] = []
    for i in range(len(layout)):
        s, e, p = layout.starts[i], layout.ends[i], layout.paras[i]
        if p < 0:
            assert s == e
            continue
        line = display[s:e]
        assert cell_len(line) <= width or len(line) == 1, (line, width)
        assert line == line.strip(" ")
        seen_words.extend(line.split())
    # every word of every paragraph is shown, in order; words are only ever cut when longer
    # than the line
    expected = [w for ps, pe in paras for w in display[ps:pe].split()]
    if all(cell_len(w) <= width for w in expected):
        assert seen_words == expected
    else:
        assert "".join(seen_words) == "".join(expected)
    assert sum(1 for p in layout.paras if p < 0) == max(0, len(paras) - 1)
    assert layout.starts == sorted(layout.starts)


def test_wraps_at_spaces_and_separates_paragraphs():
    text = "one two three four five six\n\nseven eight"
    layout = wrap(display_text(text), paragraphs(text), 10)
    lines = [text[s:e] for s, e in zip(layout.starts, layout.ends)]
    assert lines == ["one two", "three four", "five six", "", "seven", "eight"]
    assert layout.paras == [0, 0, 0, -1, 1, 1]


def test_long_word_is_cut_and_newlines_inside_a_paragraph_flow():
    text = "a supercalifragilistic word\nand more\n\nend"
    layout = wrap(display_text(text), paragraphs(text), 8)
    lines = [display_text(text)[s:e] for s, e in zip(layout.starts, layout.ends)]
    assert lines == ["a", "supercal", "ifragili", "stic", "word and", "more", "", "end"]


def test_wide_characters_count_two_cells():
    text = "漢字 漢字 漢字 漢字 abc"
    check_layout(text, 9)
    layout = wrap(display_text(text), paragraphs(text), 9)
    assert [text[s:e] for s, e in zip(layout.starts, layout.ends)] == [
        "漢字 漢字", "漢字 漢字", "abc"]


def test_line_at_maps_offsets_to_lines():
    text = "alpha beta gamma delta\n\nepsilon"
    layout = wrap(display_text(text), paragraphs(text), 11)
    for line in range(len(layout)):
        if not layout.is_blank(line):
            assert layout.line_at(layout.starts[line]) == line
            assert layout.line_at(layout.ends[line] - 1) == line


def test_control_characters_keep_offsets():
    text = "tab\there\x00nul\r\nnext"
    shown = display_text(text)
    assert len(shown) == len(text)
    assert "\t" not in shown and "\x00" not in shown


def test_controls_and_bidi_overrides_are_drawn_as_placeholders():
    text = "a\x1b[2J b\x1b]0;t\x07 c\x9b d\x7f e\u202ef\u2069 g\x0ch\u2028i"
    assert display_text(text) == ("a\u241b[2J b\u241b]0;t\u2407 c\ufffd d\u2421 "
                                  "e\u21c6f\u21c6 g\u240ch i")


words = st.text(alphabet=st.sampled_from("abcdefgh’“é漢"), min_size=1, max_size=14)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=30), min_size=1, max_size=5),
       st.integers(min_value=4, max_value=40))
def test_wrap_property(paras, width):
    text = "\n\n".join(" ".join(p) for p in paras)
    check_layout(text, width)


def test_hundred_thousand_words_wrap_in_one_pass():
    rng = random.Random(7)
    vocab = ["the", "council", "approved", "a", "plan", "“quoted”", "minister", "said",
             "billion", "percent", "unprecedented", "and", "Brandvik’s"]
    paras, n = [], 0
    while n < 100_000:
        k = rng.randint(30, 160)
        paras.append(" ".join(rng.choice(vocab) for _ in range(k)))
        n += k
    text = "\n\n".join(paras)
    layout = wrap(display_text(text), paragraphs(text), 84)
    # ~7 characters a word and 84 a line: thousands of lines, each built once
    assert 6_000 < len(layout) < 15_000
    assert layout.paras.count(-1) == len(paras) - 1
