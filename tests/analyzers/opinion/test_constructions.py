"""Constructions: each kind on sentences written for these tests, in full and rule-only mode,
and the compact pattern syntax itself."""

from __future__ import annotations

import time

import pytest
import spacy

from analyzers.opinion.component import find_opinion
from analyzers.opinion.constructions import (Construction, Matchers, PatternError,
                                             compile_dep, compile_pattern, matchers_for)
from analyzers.opinion.lexicons import load_lexicons


def found(pipe, text):
    return [(o.category, o.text) for o in find_opinion(pipe.nlp(text))]


# -- each kind, both modes ------------------------------------------------------------------
BOTH = [
    ("The minister deliberately misled parliament about the costs.", "motive",
     "deliberately misled"),
    ("The firm knowingly concealed the test results.", "motive", "knowingly concealed"),
    ("He repeated the charge without a shred of evidence.", "evidence",
     "without a shred of evidence"),
    ("The governor offered no proof for the charge.", "evidence", "offered no proof"),
    ("The pledge is nothing more than a slogan.", "minimising", "nothing more than a slogan"),
    ("The mayor is not exactly a model of restraint.", "aside", "not exactly a"),
    ("The senator vowed to torpedo the bill.", "metaphor", "torpedo the bill"),
    ("The cuts would gut the agency.", "metaphor", "gut the agency"),
    ("Republicans waged war on the unions.", "metaphor", "waged war on"),
    ("The Assad regime shut the border.", "label", "Assad regime"),
    ("He is a puppet of Moscow.", "label", "puppet of Moscow"),
    ("The visit was a calculated ploy.", "motive", "calculated ploy"),
    ("The speech came in a bid to distract from the audit.", "motive",
     "in a bid to distract"),
    ("He was the worst mayor in history.", "hyperbole", "the worst mayor in history"),
]


@pytest.mark.parametrize("text,category,span", BOTH)
def test_each_construction_in_full_mode(full, text, category, span):
    assert (category, span) in found(full, text)


@pytest.mark.parametrize("text,category,span", BOTH)
def test_each_construction_in_rule_only_mode(rules, text, category, span):
    assert (category, span) in found(rules, text)


def test_epithet_before_a_name(full):
    assert ("label", "extremist Dana Holt") in found(full, "Voters met extremist Dana Holt.")


def test_the_parse_finds_a_metaphor_verb_far_from_its_object(full, rules):
    text = "The opposition torpedoed the long-awaited health bill."
    assert ("metaphor", "torpedoed") in found(full, text) or \
        ("metaphor", "torpedoed the long-awaited health bill") in found(full, text)
    # rule-only mode has no parse: the object is too far for the token pattern
    assert not [c for c, _ in found(rules, text) if c == "metaphor"]


NEUTRAL = [
    "The talks ended little more than a year ago.",          # a time, not a dismissal
    "Police found no evidence of a break-in.",                 # found: a result, not a charge
    "It was the worst flood in the town's history.",          # a measured record
    "The team deliberately slowed the pace in the second half.",   # intent, no wrongdoing
    "The plan would cut the agency's budget by a tenth.",
    "Divers searched the wreck of the ferry.",
]


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_uses_of_the_same_words(full, text):
    assert [c for c in found(full, text) if c[0] in ("motive", "evidence", "minimising",
                                                     "hyperbole", "metaphor", "aside")] == []


@pytest.mark.parametrize("text", NEUTRAL[:3])
def test_neutral_uses_in_rule_only_mode(rules, text):
    assert [c for c in found(rules, text) if c[0] in ("evidence", "minimising",
                                                      "hyperbole")] == []


def test_removing_a_construction_by_name_and_disabling_its_category(full):
    doc = full.nlp("The minister deliberately misled parliament.")
    lex = load_lexicons(remove={"motive": ["intent adverb + wrongdoing verb"]})
    assert ("motive", "deliberately misled") not in \
        [(o.category, o.text) for o in find_opinion(doc, lex)]
    assert not [o for o in find_opinion(doc, disabled=["motive"]) if o.category == "motive"]


def test_spans_say_their_source_and_explain_themselves(full):
    (o,) = [o for o in find_opinion(full.nlp("He offered no proof for it."))
            if o.category == "evidence"]
    assert o.source == "opinion_devices: without evidence"
    assert "'offered no proof'" in o.explanation and o.neutral


# -- the syntax -----------------------------------------------------------------------------
LISTS = {"verbs": frozenset({"mislead", "hide"}), "nouns": frozenset({"plan"})}


def test_compile_words_lists_and_inflections():
    pat = compile_pattern("a|an @verbs~v @nouns~n? _/ADJ* ^ !x|y", LISTS, tagged=True)
    assert pat[0] == {"LOWER": {"IN": ["a", "an"]}}
    assert {"misleads", "hides", "hiding"} <= set(pat[1]["LOWER"]["IN"])
    assert pat[2] == {"LOWER": {"IN": ["plan", "plans"]}, "OP": "?"}
    assert pat[3] == {"POS": {"IN": ["ADJ"]}, "OP": "*"}
    assert pat[4]["IS_TITLE"] is True and "the" in pat[4]["LOWER"]["NOT_IN"]
    assert pat[5] == {"LOWER": {"NOT_IN": ["x", "y"]}}


def test_rule_only_drops_optional_pos_and_skips_required_pos():
    assert compile_pattern("@nouns _/ADJ{0,3} x/NOUN", LISTS, tagged=False) == [
        {"LOWER": {"IN": ["plan"]}}, {"LOWER": {"IN": ["x"]}}]
    assert compile_pattern("the _/NOUN", LISTS, tagged=False) is None
    assert compile_pattern("the _/NOUN", LISTS, tagged=True)[1] == {"POS": {"IN": ["NOUN"]}}


def test_bad_patterns_are_clear_errors():
    with pytest.raises(PatternError, match="unknown word list"):
        compile_pattern("@nope x", LISTS, tagged=True)
    with pytest.raises(PatternError, match="anchor"):
        compile_dep("@verbs >dobj", LISTS)


def test_dep_patterns_split_words_and_parts_of_speech():
    pats = compile_dep("@verbs >dobj @nouns|/PROPN", LISTS)
    assert len(pats) == 2
    assert pats[0][1]["RIGHT_ATTRS"] == {"LOWER": {"IN": ["plan"]}, "DEP": {"IN": ["dobj"]}}
    assert pats[1][1]["RIGHT_ATTRS"] == {"POS": {"IN": ["PROPN"]}, "DEP": {"IN": ["dobj"]}}


def test_matchers_are_built_once_per_lexicon_and_vocab(full, rules):
    lex = load_lexicons()
    a = matchers_for(lex, full.nlp("One."))
    assert matchers_for(lex, full.nlp("Two.")) is a
    assert matchers_for(lex, rules.nlp("Three.")) is not a


def test_matchers_find_longest_first():
    c = Construction("c", "motive", "{text}", None, "test", ("a b", "a b c"))
    m = Matchers([c], {}, spacy.blank("en").vocab, tagged=False, parsed=False)
    from spacy.tokens import Doc
    doc = Doc(m.vocab, words=["a", "b", "c"])
    assert [(s, e) for s, e, _ in m.find(doc)][0] == (0, 5)


def test_constructions_are_cheap(full):
    para = ("The minister deliberately misled parliament without a shred of evidence, "
            "and the council met on Tuesday to approve the budget for the coming year. ")
    doc = full.nlp(para * 60)
    find_opinion(doc)
    t0 = time.perf_counter()
    out = find_opinion(doc)
    assert time.perf_counter() - t0 < 0.5
    assert sum(1 for o in out if o.category == "evidence") == 60


def test_matchers_run_only_on_sentences_with_a_trigger(full):
    m = matchers_for(load_lexicons(), full.nlp("x"))
    doc = full.nlp("The council met on Tuesday. He offered no proof for it. Rain fell.")
    parts = m._parts(doc, doc.to_array("LOWER"))
    assert [p.text for p, _ in parts] == ["He offered no proof for it."]
    assert "proof" in m.triggers and "the" not in m.triggers
    # only the matchers that "proof" (or another word there) wakes run on it
    assert 0 < len({k for w in parts[0][1] for k in m.by_word[w]}) < len(m.tokens)
