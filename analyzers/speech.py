"""Speech cues: the verbs and phrases that attribute a quote ("said", "according to").

The word list is `assets/lexicons/speech_verbs.toml` (base forms); the inflected forms are
derived here so the list stays short and readable.
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib

from .resources import lexicons_dir

_VOWELS = "aeiou"


def inflect(verb: str) -> tuple[str, str, str, str]:
    """Regular (third person, past, past participle, -ing) forms of an English verb."""
    if 3 <= len(verb) <= 4 and verb[-1] not in _VOWELS + "wxy" \
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS:
        # one short syllable ending consonant-vowel-consonant doubles: slam, slammed
        d = verb + verb[-1]
        return verb + "s", d + "ed", d + "ed", d + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        past = verb[:-1] + "ied"
    else:
        past = verb + "ed"
    if verb.endswith("e") and not verb.endswith("ee"):
        ing = verb[:-1] + "ing"
    else:
        ing = verb + "ing"
    return third, past, past, ing


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    with open(lexicons_dir() / "speech_verbs.toml", "rb") as fh:
        return tomllib.load(fh)


def _forms(verbs: list[str], plural: set[str],
           irregular: dict[str, list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for verb in verbs:
        forms = list(irregular.get(verb) or inflect(verb))
        if verb in plural:
            forms.append(verb)
        out[verb] = sorted(set(forms))
    return out


class Cues:
    """Every speech cue of a text, found in one pass over its words (a set lookup per
    word, so the cost does not grow with the size of the word list).

    `found` holds (start, end, naming) for each cue, in text order: the verb as written
    with its required particle ("pointed out") and any extension ("said in a statement",
    "told reporters"); `naming` marks verbs that name the words ("called it ...")."""

    def __init__(self, text: str):
        table, ext = _table()
        nouns = _nouns()
        self.found: list[tuple[int, int, bool]] = []
        self.nouns: list[tuple[int, int]] = []   # speech nouns: "claim", "remarks"
        for m in _WORD.finditer(text):
            entry = table.get(m.group())
            if m.group() in nouns:
                self.nouns.append((m.start(), m.end()))
            if entry is None:
                continue
            particles, naming = entry
            end = m.end()
            if particles:
                pm = _NEXT_WORD.match(text, end)
                if pm is None or pm.group(1) not in particles:
                    continue
                end = pm.end()
            em = ext.match(text, end)
            if em is not None and not naming:
                end = em.end()
            self.found.append((m.start(), end, naming))
        self.starts = [c[0] for c in self.found]
        self.noun_starts = [n[0] for n in self.nouns]

    def between(self, start: int, end: int) -> list[tuple[int, int, bool]]:
        """The cues that begin in [start, end)."""
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        return self.found[a:b]


    def nouns_between(self, start: int, end: int) -> list[tuple[int, int]]:
        a = bisect.bisect_left(self.noun_starts, start)
        b = bisect.bisect_left(self.noun_starts, end)
        return self.nouns[a:b]


@functools.lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    return frozenset(lexicon()["nouns"]["speech"])


def is_cue_word(word: str) -> bool:
    """`word` (lower case) is a speech verb form that needs no particle."""
    entry = _table()[0].get(word)
    return entry is not None and not entry[0] and not entry[1]


_WORD = re.compile(r"(?<![\w’'\-])[a-z]+(?![\w’'\-])")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([a-z]+)\b")


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[tuple[str, ...], bool]], re.Pattern[str]]:
    """form -> (particles it needs, naming?), and the extension regex."""
    lex = lexicon()
    verbs = lex["verbs"]
    plural = set(verbs.get("plural_present", []))
    irregular = lex.get("irregular", {})
    particles = lex.get("particles", {})
    table: dict[str, tuple[tuple[str, ...], bool]] = {}
    for verb, forms in _forms(verbs["naming"], set(), irregular).items():
        for form in forms:
            table[form] = ((), True)
    for verb, forms in _forms(verbs["report"], plural, irregular).items():
        for form in forms:
            table[form] = (tuple(particles.get(verb, ())), False)
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                   for p in sorted(lex["phrases"]["extensions"], key=len, reverse=True))
    ext = re.compile(rf"[ \t\u00a0]+(?i:{alt})(?![\w\-])")
    return table, ext


@functools.lru_cache(maxsize=1)
def lead_pattern() -> re.Pattern[str]:
    """Cues followed by their speaker: "according to Smith"; the first letter may be a
    capital because they open sentences."""
    phrases = lexicon()["phrases"]["after_speaker"]
    alt = "|".join(f"[{p[0].upper()}{p[0]}]" + re.escape(p[1:]).replace(r"\ ", r"\s+")
                   for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'\-])(?:{alt})(?![\w’'\-])")
