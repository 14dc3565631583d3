"""Neutral wordings in the word lists: where they are given and how they are inflected
(see analyzers/opinion/lexicons.py inflect_like; no spaCy needed)."""

from __future__ import annotations

import re
import tomllib

import pytest

from analyzers.opinion import lexicons
from analyzers.opinion.lexicons import inflect_like, load_lexicons

HAND_WRITTEN = ("opinion_loaded", "opinion_labels", "opinion_stance", "opinion_attribution")

# common irregular verbs with their past forms, written here independently of the module:
# a neutral wording built on one of them must not get a regular "-ed"
IRREGULAR = {"mislead": "misled", "lead": "led", "keep": "kept", "teach": "taught",
             "say": "said", "give": "gave", "take": "took", "tell": "told", "hold": "held",
             "speak": "spoke", "stand": "stood", "rise": "rose", "beat": "beat",
             "hide": "hid", "think": "thought", "bring": "brought", "sell": "sold",
             "cut": "cut", "hit": "hit", "put": "put", "set": "set", "win": "won"}

# spelling mistakes that regular rules make (each has a word in the comment that shows it)
BAD_SPELLINGS = [
    (r"[^e]eed$", "criticiseed"), (r"[^e]eing$", "criticiseing"),
    (r"[^aeiou]yed$", "ralyed"), (r"[^aeiou]ys$", "partys"), (r"[aeiou]ies$", "plaies"),
    (r"(sss|xs|zs|chs|shs)$", "pushs"), (r"eses$", "associateses"), (r"ieing$", "criticieing"),
]


def _neutral_forms():
    lex = load_lexicons()
    for form, entries in lex.forms.items():
        for e in entries:
            if e.neutral:
                yield form, e


def test_several_hundred_hand_written_entries_have_a_neutral_wording():
    lex = load_lexicons()
    phrases = {(e.source.split(":")[0], e.phrase) for es in lex.forms.values() for e in es
               if e.neutral is not None}
    assert len([p for p in phrases if p[0] in HAND_WRITTEN]) >= 500
    for name in HAND_WRITTEN:
        assert any(src == name for src, _ in phrases), name


def test_every_neutral_key_is_a_word_of_its_group():
    # the loader ignores a key that is not a word of the group: a typo would go unnoticed
    for path in lexicons.lexicon_files():
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for group in data.get("groups", []):
            words = {lexicons.normalize(w if isinstance(w, str) else w["word"])
                     for w in group.get("words", ())}
            for key in group.get("neutral", {}):
                assert lexicons.normalize(key) in words, (path.name, group.get("name"), key)


@pytest.mark.parametrize("text, neutral", [
    ("slammed", "criticised"), ("slams", "criticises"), ("slamming", "criticising"),
    ("thugs", "attackers"), ("thug", "attacker"), ("regimes", "governments"),
    ("claimed", "said"), ("insisting", "saying"), ("bamboozled", "misled"),
    ("gutted", "cut"), ("gutting", "cutting"), ("skyrocketed", "climbed sharply"),
    ("caved in to", "yielded to"), ("illegal aliens", "undocumented immigrants"),
    ("cronies", "associates"), ("arguably", ""), ("very", ""), ("our country", "the country"),
])
def test_neutral_wordings_of_listed_forms(text, neutral):
    entries = load_lexicons().entries(text)
    assert entries, text
    assert entries[0].neutral == neutral


def test_every_generated_neutral_form_is_spelt_like_english():
    bad = []
    for form, entry in _neutral_forms():
        for word in entry.neutral.split(" "):
            w = word.lower().strip("'")
            if any(re.search(p, w) for p, _ in BAD_SPELLINGS) and w not in ("sees", "agreed"):
                bad.append((form, entry.neutral))
            for base, past in IRREGULAR.items():
                if w in (base + "ed", base + "d", base[:-1] + "ed") and w != past:
                    bad.append((form, entry.neutral))
    assert not bad, bad[:20]


def test_the_spelling_patterns_catch_their_examples():
    for pattern, example in BAD_SPELLINGS:
        assert re.search(pattern, example), (pattern, example)


@pytest.mark.parametrize("form, base, plain, inflect, expected", [
    ("stops", "stop", "halt", "verb", "halts"),
    ("barred", "bar", "stop", "verb", "stopped"),
    ("barring", "bar", "stop", "verb", "stopping"),
    ("praising", "praise", "see", "verb", "seeing"),
    ("hurried", "hurry", "rally", "verb", "rallied"),
    ("hurries", "hurry", "rally", "verb", "rallies"),
    ("smears", "smear", "accuse", "verb", "accuses"),
    ("rants", "rant", "speech", "noun", "speeches"),
    ("onslaughts", "onslaught", "series", "noun", "series"),
    ("party hacks", "party hack", "party official", "noun", "party officials"),
    ("slammed", "slam", "", "verb", ""),
    ("visited", "visit", "open", "verb", "opened"),
])
def test_inflect_like(form, base, plain, inflect, expected):
    assert inflect_like(form, base, plain, inflect) == expected
