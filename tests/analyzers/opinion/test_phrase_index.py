"""The phrase index: the same matches as one regular expression over the same phrases."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.opinion.phrase_index import PhraseIndex, fold

BOUND = r"\w\-\u2010\u2011"


def oracle(phrases, pairs=()):
    """The regular expression the index stands for: longest alternatives first, whole
    words, any case; a space matches any whitespace, "-" any hyphen, "'" also ’."""
    def char(ch):
        return {" ": r"\s+", "-": "[-\u2010\u2011]", "'": "['\u2019]"}.get(ch, re.escape(ch))

    def alternation(items):
        items = sorted(set(items), key=len, reverse=True)
        return "(?:" + "|".join("".join(map(char, p)) for p in items) + ")"

    alts = [alternation(phrases)] if phrases else []
    alts += [alternation(s) + r"\s+" + alternation(p) for s, p in pairs if s and p]
    if not alts:
        return re.compile(r"(?!)")
    return re.compile(f"(?<![{BOUND}])(?:{'|'.join(alts)})(?![{BOUND}])", re.IGNORECASE)


def found(index, text):
    return [text[s:e] for s, e in index.finditer(text)]


def test_whole_words_any_case_longest_first():
    index = PhraseIndex(["slam", "slammed", "far-left", "so-called", "let's be clear",
                         "of course"])
    text = "Slammed! A far‑left idea, so-called. Let’s be clear: of  course. slamdunk unslam"
    assert found(index, text) == ["Slammed", "far‑left", "so-called", "Let’s be clear",
                                  "of  course"]
    assert found(index, "far-left-wing, of\ncourse") == ["of\ncourse"]


def test_subject_predicate_pairs_come_after_the_phrases():
    index = PhraseIndex(["it is said", "critics"],
                        [(["critics", "some experts"], ["say", "warned"])])
    text = "Critics say no. Some experts warned. It is said. some  experts\nsay so."
    assert found(index, text) == ["Critics", "Some experts warned", "It is said",
                                  "some  experts\nsay"]


def test_nothing_to_find():
    assert found(PhraseIndex([]), "anything at all") == []
    assert found(PhraseIndex(["word"]), "") == []


def test_folding_keeps_offsets():
    assert fold("İstanbul’s Far‐Left") == "istanbul's far-left"
    assert len(fold("İ")) == 1


WORDS = ["so", "called", "so-called", "far", "left", "far-left", "let's", "be", "clear",
         "critics", "say", "said", "some", "experts", "warned", "it", "is", "of", "course"]
SEPARATORS = [" ", "  ", "\n", "\u00a0", ", ", ". ", "-", "\u2011", "'", "\u2019", "",
              "x", "_"]


@st.composite
def texts(draw):
    words = draw(st.lists(st.sampled_from(WORDS), max_size=14))
    parts = []
    for w in words:
        w = draw(st.sampled_from([w, w.upper(), w.title(), w.replace("-", "\u2010"),
                                  w.replace("'", "\u2019")]))
        parts.append(w + draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(phrases=st.lists(phrase, max_size=8),
       pairs=st.lists(st.tuples(st.lists(phrase, min_size=1, max_size=3),
                                st.lists(phrase, min_size=1, max_size=3)), max_size=2),
       text=texts())
def test_the_index_finds_what_the_regular_expression_finds(phrases, pairs, text):
    expected = [(m.start(), m.end()) for m in oracle(phrases, pairs).finditer(text)]
    assert list(PhraseIndex(phrases, pairs).finditer(text)) == expected


def test_a_look_ahead_rules_out_words_that_only_start_longer_phrases():
    idx = PhraseIndex(["the fact is", "it's clear", "of course", "of"])
    assert set(idx._follow) == {"the", "it"}      # "of" alone is a phrase: no look-ahead
    text = "The fact\nis plain; the facts are; it's clear, it is clear, of course, of."
    assert [text[s:e] for s, e in idx.finditer(text)] == \
        ["The fact\nis", "it's clear", "of course", "of"]
