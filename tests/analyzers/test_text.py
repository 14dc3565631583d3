from hypothesis import given, strategies as st

from analyzers.text import chunks, paragraphs, word_count


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


def test_a_text_without_paragraph_breaks_is_chunked_like_one_with_them():
    # the same cost for the same words: pieces of the usual size, cut after sentences
    para = "The council met on Tuesday and approved the loan after a long debate. "
    paragraphs_text = "\n\n".join([para * 3] * 400)
    one_line = " ".join([para * 3] * 400)
    with_breaks, without = chunks(paragraphs_text), chunks(one_line)
    assert "".join(without) == one_line
    assert len(without) <= 1.2 * len(with_breaks)
    assert all(p.rstrip().endswith(".") and p[-1] == " " for p in without[:-1])
