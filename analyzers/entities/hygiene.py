"""Last pass over the entities: drop entries that are not names in running text.

- a dateline credit: the only mentions sit in "(Agency) -" at the head of a paragraph
  ("PORT ALDER, March 4 (Slant Wire) - ..."): the agency that filed, not a referent;
- a lone word that is the first word of a longer name of a place, organisation or work
  ("Kestrel" of "Kestrel Harbour Bridge"), typed as a person although no person carries it;
- words of the title of a work: every mention inside the quotes after "titled", "entitled"
  or "called" ('a report titled "Who Gains? ..."');
- a sentence-initial verb: a lone word only ever at the start of a sentence and followed by
  a particle or an article ("Strip away the slogans");
- a common plural of an abbreviation ("MPs") is a group of people, not an organisation;
- a quoted slogan: every mention inside a short Title Case quotation whose words the text
  also writes in lower case ('Minister: "No New Taxes"' over a story about new taxes).
"""

from __future__ import annotations

import re

from ..model import Entity

_DATELINE = re.compile(r"[A-Z][A-Z .’'-]{1,40}(?:,[^()\n]{0,30})?\s*")
_CREDIT = re.compile(r"\(([^()\n]{2,40})\)\s*[-–—]\s")


_TITLED = re.compile(r"\b(?:titled|entitled|called)\s+[\"“]([^\"”\n]{2,200})[\"”]")
_AFTER_VERB = re.compile(r"\s+(?:away|off|out|up|down|back|aside|the|a|an|your|our)\b")
_PLURAL_ABBR = re.compile(r"[A-Z]{2,}s")
_QUOTED = re.compile(r"[\"“‘]([^\"“”‘’\n]{2,80})[\"”’]")
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_LOWER = re.compile(r"(?<![\w’'\-])[a-z][a-z’'\-]*")
_SLOGAN_WORDS = 8
_SMALL = frozenset("a an the of and or in on at to for by with from as no not".split())


def _inside(spans, m) -> bool:
    return any(a <= m[0] and m[1] <= b for a, b in spans)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in "\n.!?"


def _credit_spans(text: str) -> set[tuple[int, int]]:
    spans = set()
    for m in _CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _DATELINE.fullmatch(text[line_start:m.start()]):   # "PORT ALDER, March 4 "
            spans.add((m.start(1), m.end(1)))
    return spans


def _slogan_spans(text: str) -> list[tuple[int, int]]:
    """Short quotations written in Title Case: slogans and headline catchphrases."""
    out = []
    for m in _QUOTED.finditer(text):
        words = _WORD.findall(m.group(1))
        big = [x for x in words if x.lower() not in _SMALL]
        if 2 <= len(words) <= _SLOGAN_WORDS and big and all(x[:1].isupper() for x in big):
            out.append((m.start(1), m.end(1)))
    return out


def _common_words(text: str, name: str, lower: set[str]) -> bool:
    words = [x.lower() for x in _WORD.findall(name)]
    return bool(words) and all(x in lower or x in _SMALL for x in words)


def clean(text: str, entities: list[Entity]) -> list[Entity]:
    credits = _credit_spans(text)
    slogans = _slogan_spans(text)
    lower = set(_LOWER.findall(text)) if slogans else set()
    longer = [e.name for e in entities if e.type != "person" and " " in e.name]
    people = [e.name for e in entities if e.type == "person" and " " in e.name]
    titles = [(m.start(1), m.end(1)) for m in _TITLED.finditer(text)]
    kept = []
    for e in entities:
        if e.mentions and all(_inside(titles, m) for m in e.mentions):
            continue
        if (slogans and not e.official and e.mentions
                and all(_inside(slogans, m) for m in e.mentions)
                and _common_words(text, e.name, lower)):
            continue
        if (" " not in e.name and e.mentions
                and all(_sentence_start(text, m[0]) and _AFTER_VERB.match(text, m[1])
                        for m in e.mentions)):
            continue
        if _PLURAL_ABBR.fullmatch(e.name) and e.type == "organization":
            e.type = "group"
        if e.mentions and all(tuple(m) in credits for m in e.mentions):
            continue
        if (e.type == "person" and " " not in e.name
                and any(n.split()[0] == e.name for n in longer)
                and not any(e.name in n.split() for n in people)):
            continue
        kept.append(e)
    return kept
