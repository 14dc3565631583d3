from analyzers.review.sentences import SentenceIndex, sentences


def test_splits_at_sentence_ends_but_not_titles_or_initials():
    text = 'Mr. Vogt said so. Dr. J. Ekdahl left! Was it "late?" Yes. 12 went.'
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["Mr. Vogt said so.", "Dr. J. Ekdahl left!", 'Was it "late?"', "Yes.",
                   "12 went."]


def test_never_across_paragraphs_and_index():
    text = "One line without stop\n\nSecond one. Third."
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["One line without stop", "Second one.", "Third."]
    ix = SentenceIndex(spans)
    assert text[slice(*ix.at(text.index("Third")))] == "Third."
    assert ix.at(text.index("\n")) is None
