"""`spans.text`: a doc's text read once, and read again when the tokens changed."""

from __future__ import annotations

import spacy

from analyzers import spans


def test_text_is_kept_and_matches_the_doc():
    nlp = spacy.blank("en")
    doc = nlp("The harbour board met on Tuesday.  It said little.")
    first = spans.text(doc)
    assert first == doc.text
    assert spans.text(doc) is first          # the second read is the kept copy


def test_a_stale_copy_is_not_used():
    nlp = spacy.blank("en")
    doc = nlp("Rates rose again.")
    spans.text(doc)
    doc.user_data[("slant", "text")] = "Something else entirely, and longer."
    assert spans.text(doc) == "Rates rose again."
    assert spans.text(nlp("")) == ""
