"""Vendored word lists: hand lists win, weak entries need support, `remove` reaches them,
and every file says where it came from.  Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from analyzers import analyze
from analyzers.opinion import vendor
from analyzers.opinion.lexicons import load_from
from analyzers.opinion.vendor import POLICY, Policy, read_tsv, vendor_files
from analyzers.resources import lexicons_dir

HAND = """[lexicon]
source = "written for this test"
licence = "MIT"

[[groups]]
category = "loaded"
name = "test words"
words = ["harsh", "very", "stark warning"]

[[groups]]
category = "booster"
name = "test boosters"
words = ["truly"]
"""

TSV = """# name: testlist
# source: https://example.org/testlist
# package: testlist 1.0
# licence: MIT, full text in LICENSE-testlist.txt
# word\tpos\tstrength\tcategory\tpolarity\tgroup
bleak\t\t0.70\tloaded\t-0.70\tnegative words
cheerful\t\t0.70\tloaded\t0.70\tpositive words
dismal\t\t0.30\tloaded\t-0.30\tnegative words
grim\t\t0.80\tloaded\t-0.80\tnegative words
stark\t\t0.80\tloaded\t-0.80\tnegative words
harsh\t\t0.90\tloaded\t-0.90\tnegative words
very bleak\t\t0.90\tloaded\t-0.90\tnegative words
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / "opinion_test.toml").write_text(HAND, encoding="utf-8")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "testlist.tsv").write_text(TSV, encoding="utf-8")
    monkeypatch.setitem(POLICY, "testlist", Policy(on=True, pos=frozenset(("ADJ",)),
                                                   min_strength=0.5, polarity="negative"))
    return tmp_path


def test_hand_lists_win_and_the_policy_filters(folder):
    lex = load_from(folder)
    assert [e.source for e in lex.forms["harsh"]] == ["opinion_test: test words"]
    grim = lex.forms["grim"]
    assert [(e.source, e.weak, e.strength) for e in grim] == \
        [("testlist: negative adjectives", True, 0.8)]
    assert grim[0].pos == frozenset(("ADJ",))
    assert "cheerful" not in lex.forms        # positive: the policy keeps negative only
    assert "dismal" not in lex.forms          # below the policy's strength
    assert "very bleak" not in lex.forms      # would shadow the hand word "very"
    assert "bleak" in lex.forms
    assert "stark" not in lex.forms           # the hand phrase "stark warning" starts there
    assert any(s.get("name") == "testlist" for s in lex.sources)


def test_a_source_that_is_off_adds_nothing(folder, monkeypatch):
    monkeypatch.setitem(POLICY, "testlist", Policy(on=False))
    assert "grim" not in load_from(folder).forms


def test_remove_reaches_vendor_words_and_does_not_revive_them(folder):
    lex = load_from(folder, remove={"loaded": ["grim", "harsh"]})
    assert "grim" not in lex.forms
    assert "harsh" not in lex.forms           # the hand word is gone, the vendor's stays out


def test_bundled_files_record_source_and_licence():
    files = vendor_files(lexicons_dir())
    assert {f.stem for f in files} >= {"vader", "pattern", "hedges", "weasels", "fillers"}
    for path in files:
        header, rows = read_tsv(path)
        assert header["source"].startswith("https://"), path.name
        assert header["licence"].split(",")[0] in ("MIT", "PDDL"), path.name
        assert header["package"], path.name
        licence = path.with_name(f"LICENSE-{path.stem}.txt").read_text(encoding="utf-8")
        assert ("PDDL" if header["licence"].startswith("PDDL") else "MIT") in licence
        assert rows == sorted(rows) and all(len(r) == 6 for r in rows)
        assert all(0 <= float(r[2]) <= 1 for r in rows)


def test_event_words_are_never_vendored():
    words = {r[0] for path in vendor_files(lexicons_dir()) for r in read_tsv(path)[1]}
    assert not words & {"killed", "war", "crisis", "cancer", "attack", "attacks", "dead",
                        "tortured", "murdered"}


# -- with the real lists and the tagger ------------------------------------------------------
def shown(pipe, text, word):
    """The spans that cover `word`: (text, category, source, in_quote)."""
    at = text.index(word)
    return [(o.text, o.category, o.source, o.in_quote)
            for o in analyze(text, pipeline=pipe).opinion if o.start <= at < o.end]


def test_weak_entries_need_support(full_pipe):
    assert POLICY["vader"].on and POLICY["vader"].weak
    alone = "The harbour looked grim under the winter rain."
    boosted = "The harbour looked truly grim under the winter rain."
    second = "The council's reckless plan left the harbour grim and empty."
    assert shown(full_pipe, alone, "grim") == []
    assert shown(full_pipe, boosted, "grim") == [   # the booster takes the word it boosts
        ("truly grim", "booster", "opinion_stance: degree adverbs before a judging word",
         False)]
    (text, cat, source, in_quote), = shown(full_pipe, second, "grim")
    assert (text, cat, in_quote) == ("grim", "loaded", False)
    assert source in ("pattern: negative adjectives", "vader: negative adjectives")


def test_weak_entries_stay_out_of_quotes_and_rule_only_mode(full_pipe, rules_pipe):
    quoted = '"The council has a reckless plan and the harbour looks grim," she said.'
    assert shown(full_pipe, quoted, "grim") == []
    plain = "The council's reckless plan left the harbour grim and empty."
    assert shown(rules_pipe, plain, "grim") == []


def test_policy_names_match_the_files():
    assert set(POLICY) >= {f.stem for f in vendor_files(lexicons_dir())}
    assert all(isinstance(p, vendor.Policy) for p in POLICY.values())


def test_plain_negative_words_of_a_scored_list_are_left_out(tmp_path, monkeypatch):
    """`[context_words] vendor_plain`: words a scored list rates negative that describe a
    state or a condition ("upset", "infected") never come in from it."""
    (tmp_path / "opinion_test.toml").write_text(
        HAND + '\n[context_words]\nvendor_plain = ["grim"]\n', encoding="utf-8")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "testlist.tsv").write_text(TSV, encoding="utf-8")
    monkeypatch.setitem(POLICY, "testlist", Policy(on=True, pos=frozenset(("ADJ",)),
                                                   min_strength=0.5, polarity="negative"))
    lex = load_from(tmp_path)
    assert "grim" not in lex.forms and "bleak" in lex.forms


def test_the_bundled_plain_words_keep_states_out(full):
    from analyzers.opinion.component import find_opinion

    text = ("The council called it a disgrace, and the upset residents of the flooded "
            "street said the infected trees were a shameful sight.")
    shown = {o.text.lower() for o in find_opinion(full.nlp(text))}
    assert not any("upset" in t or "infected" in t for t in shown)
