"""--explain: the listings of a word and the fate of each occurrence.  Sentences by us."""

from __future__ import annotations

import pytest

from analyzers.model import OPINION_CATEGORIES
from analyzers.opinion.component import find_opinion
from analyzers.opinion.context import Context, QuoteIndex
from analyzers.model import neutral_text
from analyzers.opinion.explain import blocked_by, describe, lookup, occurrences
from analyzers.opinion.lexicons import load_lexicons
from analyzers.opinion.rules import accepts
from analyzers import spans


def _doc(pipe, text, **settings):
    from analyzers.run import annotate

    return annotate(pipe, pipe.nlp(text), {"slant_opinion": settings} if settings else None)


def test_lookup_names_list_group_neutral_pos_and_rule():
    (item,) = lookup("slammed")
    line = describe(item)
    assert item.entry.category == "loaded"
    assert "opinion_loaded: attack verbs used for criticism" in line
    assert "neutral: criticised" in line and "only as VERB" in line
    assert "context rule: attack" in line and "form of 'slam'" in line


def test_lookup_of_an_unlisted_word_is_empty():
    assert lookup("harbour") == []


def test_lookup_says_what_the_config_added_and_removed():
    added = lookup("zibberish", extra={"loaded": ["zibberish"]})
    assert [i.added_by_user for i in added] == [True]
    assert "added by your config" in describe(added[0])
    removed = lookup("slammed", remove={"loaded": ["slam"]})
    assert [i.removed_by_user for i in removed] == [True]
    assert "REMOVED by your config" in describe(removed[0])


def test_an_empty_neutral_reads_as_leave_out():
    assert neutral_text("", "arguably") == "leave out 'arguably'"
    (item,) = lookup("arguably")
    assert "neutral: leave out 'arguably'" in describe(item)


@pytest.mark.parametrize("text, word, shown, reason", [
    ("Opposition leaders slammed the proposal on Monday.", "slammed", True, "as loaded"),
    ("He slammed the door and left.", "slammed", False, "context rule 'attack'"),
    ("The tax regime changed in April.", "regime", False, "not_after"),
    ("The regime shamelessly jailed three more editors this week.", "regime", True, "as label"),
])
def test_each_occurrence_says_shown_or_why_not(full, text, word, shown, reason):
    doc = _doc(full, text)
    (occ,) = occurrences(doc, word, load_lexicons())
    assert occ.shown is shown and reason in occ.reason


def test_part_of_speech_block_is_named(full):
    doc = _doc(full, "The savage winter killed the crops.")
    reasons = [o.reason for o in occurrences(doc, "savage", load_lexicons())]
    # listed as an attack verb (POS VERB) and a judging adjective: here it is the adjective
    assert reasons and all(r.startswith("as loaded") or "part of speech" in r for r in reasons)


def test_user_removal_and_disabled_category_are_named(full):
    text = "Opposition leaders slammed the proposal on Monday."
    lex = load_lexicons(None, {"loaded": ["slam"]})
    doc = _doc(full, text, extra={}, remove={"loaded": ["slam"]}, disabled=[])
    (occ,) = occurrences(doc, "slammed", lex)
    assert not occ.shown and occ.reason == "removed by your config"
    doc = _doc(full, text, extra={}, remove={}, disabled=["loaded"])
    (occ,) = occurrences(doc, "slammed", load_lexicons(), disabled=["loaded"])
    assert not occ.shown and "turned off" in occ.reason


def test_inside_a_title_is_named(full):
    doc = _doc(full, 'She reviewed the film "The Regime" for the paper.')
    found = occurrences(doc, "regime", load_lexicons())
    assert found and not found[0].shown


SENTENCES = [
    "Opposition leaders slammed the proposal on Monday.", "He slammed the door.",
    "The tax regime changed.", "The regime jailed editors.", "She claimed the prize.",
    "She claimed that the figures were right.", "It was arguably the best year.",
    "Radical Party members met.", "The savage attack on the plan drew anger.",
    "They destroyed the economy.", "They destroyed twenty homes.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_blocked_by_agrees_with_accepts(pipe, text):
    lex = load_lexicons()
    doc = pipe.nlp(text)
    ctx = Context(doc, lex, QuoteIndex(spans.read(doc, "slant_quotes")))
    for start, end, entries in lex.finditer(text):
        for entry in entries:
            assert (blocked_by(ctx, entry, start, end) is None) == \
                accepts(ctx, entry, start, end), (text[start:end], entry.group)


def test_every_category_can_be_added_and_removed_through_the_config(full, tmp_path):
    from analyzers.config import load_config
    from analyzers.opinion.component import OpinionComponent

    base = load_lexicons()
    firsts = {cat: sorted({e.phrase for es in base.forms.values() for e in es
                           if e.category == cat and e.phrase and " " not in e.phrase})
              for cat in OPINION_CATEGORIES}
    config = tmp_path / "config.toml"
    config.write_text(
        "[opinion.add]\n" + "".join(f'{c} = ["zib{c}"]\n' for c in OPINION_CATEGORIES)
        + "[opinion.remove]\n"
        + "".join(f'{c} = ["{w[0]}"]\n' for c, w in firsts.items() if w), encoding="utf-8")
    cfg, warnings = load_config(config)
    assert warnings == []
    settings = cfg.opinion_settings()
    comp = OpinionComponent(settings["extra"], settings["remove"], settings["disabled"])
    for cat in OPINION_CATEGORIES:
        assert [e.category for e in comp.lexicon.entries(f"zib{cat}")] == [cat]
        spans_ = find_opinion(full.nlp(f"The zib{cat} plan."), comp.lexicon)
        assert [o.category for o in spans_] == [cat], cat
        if firsts[cat]:
            w = firsts[cat][0]
            assert not any(e.category == cat for e in comp.lexicon.entries(w)), (cat, w)
    # each category's listed words go away when the config removes them
    base = load_lexicons()
    for cat in OPINION_CATEGORIES:
        words = sorted({e.phrase for es in base.forms.values() for e in es
                        if e.category == cat and e.phrase})
        if not words:
            continue
        gone = load_lexicons(None, {cat: words[:1]})
        assert not any(e.category == cat for e in gone.entries(words[0])), cat


def test_a_weak_word_without_support_says_so(full):
    doc = _doc(full, "The regime in the capital raised port fees on Monday.")
    found = occurrences(doc, "regime", load_lexicons())
    assert found and not found[0].shown
    assert "weak entry without support" in found[0].reason
    assert any("weak: shown only" in describe(item) for item in lookup("regime"))
