"""The opinion word lists and their matcher (no spaCy needed)."""

from __future__ import annotations

import tomllib

import pytest

from analyzers.opinion import lexicons
from analyzers.opinion.lexicons import (derived_forms, load_from, load_lexicons, noun_forms,
                                phrase_forms, verb_forms)
from analyzers.model import OPINION_CATEGORIES
from analyzers.resources import lexicons_dir


def _found(lex, text):
    return [(s, e, text[s:e]) for s, e, _ in lex.finditer(text)]


# -- the files ----------------------------------------------------------------------------
def test_every_opinion_file_records_source_and_licence():
    files = lexicons.lexicon_files()
    assert len(files) >= 3
    for path in files:
        with open(path, "rb") as fh:
            head = tomllib.load(fh)["lexicon"]
        assert head["source"].strip(), path.name
        assert head["licence"] in ("MIT", "BSD", "Apache-2.0", "PDDL", "CC0"), path.name


def test_files_only_use_known_categories_and_every_category_has_words():
    lex = load_lexicons()
    assert lex.categories() == set(OPINION_CATEGORIES)
    for cat in OPINION_CATEGORIES:
        assert "{text}" in lex.explanations[cat], cat
    for entries in lex.forms.values():
        for e in entries:           # "<what it is>: <why it matters>"
            kind, _, why = e.explanation.partition(": ")
            assert kind and len(why) > 20, e.explanation


def test_a_file_without_licence_is_refused(tmp_path):
    (tmp_path / "opinion_x.toml").write_text(
        '[lexicon]\nsource = "me"\n\n[[groups]]\ncategory = "loaded"\nwords = ["zap"]\n',
        encoding="utf-8")
    with pytest.raises(ValueError, match="licence"):
        load_from(tmp_path)


def test_a_file_with_an_unknown_category_is_refused(tmp_path):
    (tmp_path / "opinion_x.toml").write_text(
        '[lexicon]\nsource = "me"\nlicence = "MIT"\n\n[[groups]]\ncategory = "snark"\n'
        'words = ["zap"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="snark"):
        load_from(tmp_path)


def test_a_custom_folder_with_inflections_pos_and_own_explanations(tmp_path):
    (tmp_path / "opinion_test.toml").write_text("""
[lexicon]
source = "written for this test"
licence = "MIT"

[categories.loaded]
explanation = "loaded: '{text}'"

[[groups]]
category = "loaded"
inflect = "verb"
pos = ["VERB"]
explanation = "verb '{text}'"
words = ["zap", { word = "frob", explanation = "frobbing '{text}'" }]

[context_words]
things = ["Widget", "gadget"]
""", encoding="utf-8")
    lex = load_from(tmp_path)
    assert set(lex.forms) >= {"zap", "zaps", "zapped", "zapping", "frob", "frobbed"}
    (entry,) = lex.entries("Zapped")
    assert entry.category == "loaded" and entry.pos == {"VERB"} and entry.phrase == "zap"
    assert lex.entries("frobs")[0].explanation == "frobbing '{text}'"
    assert lex.words["things"] == {"widget", "gadget"}
    assert lex.sources == [{"source": "written for this test", "licence": "MIT"}]


# -- forms --------------------------------------------------------------------------------
def test_verb_forms_double_a_final_consonant_and_handle_e_and_y():
    assert {"slam", "slams", "slammed", "slamming"} <= verb_forms("slam")
    assert {"berate", "berates", "berated", "berating"} <= verb_forms("berate")
    assert {"vilify", "vilifies", "vilified", "vilifying"} <= verb_forms("vilify")
    assert {"bash", "bashes", "bashed", "bashing"} <= verb_forms("bash")


def test_noun_forms_and_phrases_inflect_the_right_word():
    assert noun_forms("thug") == {"thug", "thugs"}
    assert noun_forms("crony") == {"crony", "cronies"}
    assert "henchmen" in noun_forms("henchman")
    assert "lashed out" in phrase_forms("lash out", "verb")
    assert "witch hunts" in phrase_forms("witch hunt", "noun")
    assert phrase_forms("of course", "none") == {"of course"}


def test_derived_forms_of_adjectives():
    assert derived_forms("reckless") == {"recklessness": "NOUN", "recklessly": "ADV"}
    assert derived_forms("crazy") == {"craziness": "NOUN", "crazily": "ADV"}
    assert derived_forms("horrible")["horribly"] == "ADV"
    assert derived_forms("idiotic")["idiotically"] == "ADV"
    assert derived_forms("far left") == {}


# -- loading, caching, user changes -------------------------------------------------------
def test_loading_is_cached():
    assert load_lexicons() is load_lexicons()
    assert load_lexicons({"loaded": ["zorg"]}) is load_lexicons({"loaded": ["Zorg"]})


def test_extra_words_are_added_with_the_category_explanation():
    lex = load_lexicons(extra={"label": ["Blorpist", "moon hater"]})
    (entry,) = lex.entries("blorpist")
    assert entry.category == "label" and entry.group == "user"
    assert entry.explanation == lex.explanations["label"]
    assert [text for _, _, text in _found(lex, "a Moon  hater")] == ["Moon  hater"]


def test_removing_a_base_word_drops_all_its_forms_but_not_other_categories():
    base = load_lexicons()
    assert base.entries("slammed")
    lex = load_lexicons(remove={"loaded": ["slam"]})
    assert not lex.entries("slammed") and not lex.entries("slams")
    lex = load_lexicons(remove={"loaded": ["slammed"]})
    assert not lex.entries("slammed") and lex.entries("slams")


def test_removing_from_a_subject_predicate_group():
    assert load_lexicons().entries("critics say")
    assert not load_lexicons(remove={"unsupported": ["critics"]}).entries("critics say")
    lex = load_lexicons(remove={"unsupported": ["critics say"]})
    assert not lex.entries("critics say") and lex.entries("critics warned")


def test_unknown_categories_in_user_changes_are_refused():
    with pytest.raises(ValueError, match="snark"):
        load_lexicons(extra={"snark": ["x"]})
    with pytest.raises(ValueError, match="snark"):
        load_lexicons(remove={"snark": ["x"]})


def test_lexicons_dir_is_the_assets_folder():
    assert (lexicons_dir() / "opinion_loaded.toml").exists()
