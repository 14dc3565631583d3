"""The context rules of analyzers/opinion/rules.py: the sense gates that apply to every
candidate and the named rules this branch added, on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analyzers.opinion.component import find_opinion
from analyzers.opinion.context import Context, QuoteIndex
from analyzers.opinion.lexicons import load_lexicons
from analyzers.opinion import rules


def found(pipe, text, lex=None):
    return [(o.category, o.text) for o in find_opinion(pipe.nlp(text), lex)]


def _ctx(pipe, text, lex=None):
    return Context(pipe.nlp(text), lex or load_lexicons(), QuoteIndex([]))


# -- literal_collocation --------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "He was taken to hospital after a heart attack on Sunday.",
    "All three players tested negative before the match.",
    "Extreme weather closed the mountain roads for a week.",
    "The civil war ended in 1865.",
])
def test_literal_phrases_are_left_out(pipe, text):
    assert found(pipe, text) == []


def test_literal_collocation_covers_any_listed_word(full):
    lex = load_lexicons(extra={"loaded": ["attack", "negative"]})
    assert found(full, "He had a heart attack.", lex) == []
    assert found(full, "The test came back negative test after test.", lex) == []
    assert any("attack" in t for _, t in found(full, "The attack on the plan was vicious.", lex))


def test_literal_collocation_is_one_pass_per_doc(full):
    ctx = _ctx(full, "A heart attack and a negative test.")
    first = ctx.literal_phrases()
    assert len(first) == 2 and ctx.literal_phrases() is first
    assert rules.literal_collocation(ctx, 2, 7)          # "heart"
    assert not rules.literal_collocation(ctx, 0, 1)


# -- literal_head ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A massive earthquake struck the coast before dawn.",
    "Catastrophic flooding cut the town off.",
    "The devastating fire destroyed the mill.",
])
def test_intensity_before_a_physical_event_is_literal(pipe, text):
    assert [c for c, _ in found(pipe, text) if c in ("booster", "hyperbole", "loaded")] == []


@pytest.mark.parametrize("text,span", [
    ("The council faces a massive bill for the repairs.", "massive"),
    ("The vote was a devastating defeat for the mayor.", "devastating"),
])
def test_intensity_before_other_nouns_is_kept(pipe, text, span):
    assert any(t.startswith(span) for _, t in found(pipe, text))


# -- literal_sense --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Firefighters fought the inferno for six hours.",
    "The reactor meltdown forced thousands to leave.",
    "Troops came under fire near the border post.",
])
def test_war_and_catastrophe_nouns_in_literal_sentences(pipe, text):
    assert [c for c, _ in found(pipe, text) if c in ("hyperbole", "metaphor")] == []


@pytest.mark.parametrize("text,category,span", [
    ("The budget talks turned into an inferno of blame.", "hyperbole", "inferno"),
    ("The minister is in the firing line over the contracts.", "metaphor", "firing line"),
    ("The launch was a bombshell for the market.", "hyperbole", "bombshell"),
])
def test_the_same_nouns_as_figures(pipe, text, category, span):
    assert (category, span) in found(pipe, text)


# -- supported: weak entries ----------------------------------------------------------------
def _weak_lexicon(word):
    """The bundled lists with `word` added as a weak loaded entry."""
    lex = load_lexicons(extra={"loaded": [word]})
    forms = dict(lex.forms)
    forms[word] = tuple(replace(e, weak=True) for e in forms[word])
    return replace(lex, forms=forms, compiled={})


def test_a_weak_entry_alone_is_not_shown(full):
    lex = _weak_lexicon("sloppy")
    assert found(full, "The report was sloppy.", lex) == []


def test_a_weak_entry_with_an_intensifier_or_a_second_marker_is_shown(pipe):
    lex = _weak_lexicon("sloppy")
    assert any("sloppy" in t for _, t in found(pipe, "The report was very sloppy.", lex))
    got = found(pipe, "The reckless minister gave a sloppy answer.", lex)
    assert any(t.startswith("sloppy") for _, t in got)
    # the second marker must share the sentence
    got = found(pipe, "The reckless minister left. The answer was sloppy.", lex)
    assert not any("sloppy" in t for _, t in got)


def test_rules_are_named_and_documented():
    assert "literal_sense" in rules.RULES
    for rule in rules.RULES.values():
        assert rule.__doc__ or rule.__name__ in ("_speech_not_legal",), rule.__name__
    for gate in (rules.literal_collocation, rules.literal_head, rules.supported):
        assert gate.__doc__


# -- degree: judging words, mild ones only after a strong adverb -------------------------
def test_degree_words_before_everyday_adjectives_are_not_boosters(full):
    assert found(full, "The talks were very important for both delegations.") == []
    assert found(full, "The new ferry timetable made the children very happy.") == []
    assert ("booster", "extremely difficult") in \
        found(full, "The cuts made the winter extremely difficult for families.")
    assert ("booster", "very dangerous") in \
        found(full, "The council took a very dangerous decision on Tuesday.")


def test_a_degree_word_needs_an_adjective_after_it(full):
    # "arguing" and "threaten" are on a scored list, but they are verbs, not judgements
    assert not any(c == "booster" for c, _ in
                   found(full, "The lawyer was really arguing about the filing deadline."))
    assert not any(c == "booster" for c, _ in
                   found(full, "The storm could seriously threaten the harbour wall."))


def test_regime_change_is_a_literal_phrase(full):
    assert found(full, "The senator has called for regime change for a decade.") == []
