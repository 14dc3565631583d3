import json

from hypothesis import given, strategies as st

from analyzers.text import (BIDI_MARKER, C1_MARKER, chunks, has_unsafe, json_safe, paragraphs,
                            terminal_safe, word_count)


def test_paragraphs_split_on_blank_lines_and_trim():
    text = "Title\n\n  First para\nstill first.\n \nSecond.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["Title", "First para\nstill first.", "Second."]


def test_one_paragraph_a_line_when_there_is_no_blank_line():
    text = "One.\nTwo.\nThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_chunks_rejoin_exactly_and_cut_long_paragraphs():
    text = ("Sentence one. " * 20000) + "\n\n" + "tail"
    pieces = chunks(text, size=1000)
    assert "".join(pieces) == text
    assert max(len(p) for p in pieces) <= 10_000


def test_word_count_keeps_contractions_and_hyphens_whole():
    assert word_count("Don't stop the three-day, 4.5% strike") == 6


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_chunks_and_paragraphs_hold_for_any_text(text):
    assert "".join(chunks(text, size=50)) == text
    for s, e in paragraphs(text):
        assert 0 <= s < e <= len(text) and text[s:e].strip()


# -- terminal_safe, json_safe ---------------------------------------------------------------
# What a terminal acts on: C0 but tab and newline, DEL, C1, bidi embeddings/overrides/isolates.
ACTED_ON = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                         *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))


def test_escape_sequences_become_visible_and_inert():
    assert terminal_safe("a\x1b[2Jb") == "a\u241b[2Jb"                       # ␛[2J
    assert terminal_safe("\x1b]0;owned\x07") == "\u241b]0;owned\u2407"      # ␛]0;owned␇
    assert terminal_safe("CSI \x9b31m") == f"CSI {C1_MARKER}31m"
    assert terminal_safe("file\u202etxt.exe") == f"file{BIDI_MARKER}txt.exe"
    assert terminal_safe("\u2067isolated\u2069") == f"{BIDI_MARKER}isolated{BIDI_MARKER}"


def test_each_c0_control_is_its_control_picture():
    for code in range(0x20):
        if chr(code) in "\t\n":
            continue
        assert terminal_safe(chr(code)) == chr(0x2400 + code)
    assert terminal_safe("\r") == "\u240d" and terminal_safe("\f") == "\u240c"
    assert terminal_safe("\x7f") == "\u2421"


def test_tab_newline_and_bidi_marks_are_kept():
    text = "Name:\t\u05e9\u05dc\u05d5\u05dd\u200f said\nnext \u200e line \u061c"
    assert terminal_safe(text) is text
    assert not has_unsafe(text)


@given(st.text(max_size=300))
def test_one_code_point_for_one_and_nothing_left_to_act_on(text):
    safe = terminal_safe(text)
    assert len(safe) == len(text)
    assert not ACTED_ON & set(safe)
    # unchanged wherever the character was harmless, so every offset still points at it
    assert all(a == b for a, b in zip(text, safe) if a not in ACTED_ON)
    assert terminal_safe(safe) == safe


def test_json_safe_keeps_the_value_and_writes_no_raw_control():
    value = {"text": "a\x1b[2J \x7f \x85 \u202eb\u2069 ok"}
    dumped = json_safe(json.dumps(value, ensure_ascii=False))
    assert json.loads(dumped) == value
    assert not ACTED_ON & set(dumped)
    assert json_safe('{"text": "plain"}') == '{"text": "plain"}'


def test_a_text_without_paragraph_breaks_is_chunked_like_one_with_them():
    # the same cost for the same words: pieces of the usual size, cut after sentences
    para = "The council met on Tuesday and approved the loan after a long debate. "
    paragraphs_text = "\n\n".join([para * 3] * 400)
    one_line = " ".join([para * 3] * 400)
    with_breaks, without = chunks(paragraphs_text), chunks(one_line)
    assert "".join(without) == one_line
    assert len(without) <= 1.2 * len(with_breaks)
    assert all(p.rstrip().endswith(".") and p[-1] == " " for p in without[:-1])
