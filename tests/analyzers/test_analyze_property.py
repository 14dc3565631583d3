"""analyze() on arbitrary text never raises and every offset it reports is valid.

Text is built from pieces that stress the analyzers: quotation marks of every kind (paired,
unpaired, nested), digits and money, titles and names, unicode letters and spaces, blank lines
and very long lines.  Both the rule-only mode and the full spaCy pipeline are checked.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzers import analyze
from analyzers.model import FIGURE_KINDS, OPINION_CATEGORIES, QUOTE_KINDS, validate

PIECES = [
    "“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›", "``", "''", "—", "–", "-", "…",
    "said", "says", "told reporters", "according to", "Mayor", "President", "Minister",
    "Ana Ruiz", "Dr.", "Sen.", "the council", "U.S.", "Jan.", "$", "€", "£", "%", "per cent",
    "million", "1,234.5", "3", "2024", "10:30 a.m.", "1st", "1990s", "12-15", "½",
    "so-called", "reportedly", "very", "allegedly", "disaster", "slammed", "claimed",
    ".", ",", ";", ":", "?", "!", "(", ")", "[", "]", "\n", "\n\n", " ", "  ", "\t",
    "\u00a0", "\u2009", "\u200b", "\ufeff", "é", "ß", "Ω", "中文", "🙂", "\u0301", "İ",
]

words = st.sampled_from(PIECES)
free = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
chunk = st.one_of(words, words, words, free)
texts = st.one_of(
    st.lists(chunk, max_size=80).map(" ".join),
    st.lists(chunk, max_size=80).map("".join),
    # a very long line: one sentence repeated with no newline
    st.tuples(st.lists(chunk, min_size=1, max_size=12).map(" ".join),
              st.integers(200, 600)).map(lambda t: (t[0] + " ") * t[1]),
)


def check(text: str, analysis) -> None:
    n = len(text)
    assert analysis.text == text
    validate(analysis.to_dict())  # spans in range, texts match, enums, speaker ids
    for s, e in analysis.paragraphs:
        assert 0 <= s < e <= n
    for ent in analysis.entities:
        for s, e in ent.mentions:
            assert 0 <= s < e <= n, (ent, text)
    for group in (analysis.quotes, analysis.figures, analysis.opinion):
        for item in group:
            assert 0 <= item.start < item.end <= n, (item, text)
            assert text[item.start:item.end] == item.text
    for q in analysis.quotes:
        assert q.kind in QUOTE_KINDS
        if q.speaker_span is not None:
            s, e = q.speaker_span
            assert 0 <= s < e <= n
    assert all(f.kind in FIGURE_KINDS for f in analysis.figures)
    assert all(o.category in OPINION_CATEGORIES for o in analysis.opinion)


_SETTINGS = settings(max_examples=50, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture,
                                            HealthCheck.too_slow])


@_SETTINGS
@given(text=texts)
def test_rule_only_never_raises(rules, text):
    check(text, analyze(text, pipeline=rules))


@_SETTINGS
@given(text=texts)
def test_full_pipeline_never_raises(full, text):
    check(text, analyze(text, pipeline=full))


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "“", "”“", '"', "'", "\ufeff", "\u00a0", "$", "%", "1", "““””",
    "“He said “no” and left.”", 'He said "I', "Mayor", "Mayor said “x”" * 3,
])
@pytest.mark.parametrize("mode", ["rules", "full"])
def test_edge_cases(request, mode, text):
    pipe = request.getfixturevalue(mode)
    check(text, analyze(text, pipeline=pipe))
