"""The verification checklist: the places a fact-checker should look at before publishing.

Each rule reads the `Analysis` only (quotes, figures, entities, opinion) plus the sentence
around an item, and yields `Item`s in reading order:

- `unattributed_claim`: a sentence in the writer's voice that states a figure, a cause or a
  prediction, with nothing in it saying where that comes from;
- `anonymous_source`: "officials said", "people familiar with", "critics say";
- `figure_unsourced`: a figure with neither a source nor a comparison in its sentence;
- `quote_no_speaker`: a quote nobody is named for;
- `writer_opinion`: an opinion word in the writer's own voice;
- `official_no_title`: an official who is quoted, mentioned first without their title.

A place is flagged by one rule only where two would say the same thing (a figure with no
source is a `figure_unsourced`, not also an `unattributed_claim`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

from ..model import Analysis
from ..speech import is_cue_word, lead_pattern
from .sentences import SentenceIndex, sentences

RULES = {
    "unattributed_claim": "claim in the writer's voice with no attribution",
    "anonymous_source": "anonymous source",
    "figure_unsourced": "figure without a source or a comparison",
    "quote_no_speaker": "quote without a named speaker",
    "writer_opinion": "opinion word in the writer's voice",
    "official_no_title": "official quoted without their title at first mention",
}
CLAIM_FIGURES = ("money", "percent", "count", "quantity", "range")
SPEECH = ("direct", "partial")

_SOURCE = re.compile(
    r"\b(?:according\s+to|data|figures\s+(?:from|show|published)|statistics|survey|census|"
    r"report(?:ed|s)?|study|studies|estimates?|estimated|records|filings?|poll|audit|"
    r"budget\s+documents?|forecasts?|finds|found\s+that|shows|showed)\b", re.IGNORECASE)
_COMPARE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|up\s+from|down\s+from|from\s+\S+\s+(?:to|in)|rose|"
    r"rises?|risen|fell|falls?|fallen|increase[sd]?|decrease[sd]?|grew|grow(?:s|n|th)?|"
    r"drop(?:ped|s)?|doubled|tripled|halved|more|fewer|less|last\s+year|a\s+year\s+(?:earlier|"
    r"ago)|average|per|each|out\s+of|share|twice|times)\b", re.IGNORECASE)
_CLAIM = re.compile(
    r"\b(?:will|is\s+expected\s+to|are\s+expected\s+to|is\s+set\s+to|are\s+set\s+to|"
    r"caused|causes|led\s+to|leads?\s+to|because\s+of|as\s+a\s+result|result(?:ed|s)?\s+in|"
    r"due\s+to|thanks\s+to|means\s+that)\b", re.IGNORECASE)
_GROUP_WORDS = (r"officials?|sources?|aides?|insiders?|diplomats?|people|persons?|advisers?|"
                r"advisors?|executives?|staffers?|employees?|analysts?|observers|critics")
_ANONYMOUS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?:{_GROUP_WORDS})\s+(?:familiar\s+with|close\s+to|with\s+(?:direct\s+)?knowledge\s+of|"
    r"briefed\s+on|who\s+(?:asked|spoke|declined|requested|insisted))\b",
    rf"\b(?:{_GROUP_WORDS})\s+(?:said|say|says|told|confirmed|suggested|warned|believe[sd]?|"
    r"fear(?:ed)?|expect(?:ed)?|insist(?:ed)?|claim(?:ed)?)\b",
    r"\baccording\s+to\s+(?:a\s+|an\s+|one\s+|two\s+|three\s+|several\s+|some\s+)?"
    rf"(?:senior\s+|unnamed\s+|anonymous\s+)?(?:{_GROUP_WORDS})\b(?!\s+[A-Z])",
    r"\bon\s+(?:the\s+)?condition\s+of\s+anonymity\b",
    r"\b(?:asked|requested)\s+not\s+to\s+be\s+(?:named|identified)\b",
    r"\bnot\s+authori[sz]ed\s+to\s+speak\b",
)]
_WORD = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Item:
    rule: str
    start: int
    end: int
    text: str
    message: str


def checklist(a: Analysis) -> list[Item]:
    """Every checklist item of `a`, in reading order."""
    text = a.text
    index = SentenceIndex(sentences(text, a.paragraphs))
    speech = [q for q in a.quotes if q.kind in SPEECH and 0 <= q.start < q.end <= len(text)]
    items: list[Item] = []
    items += _anonymous(a)
    items += _figures_and_claims(a, index, speech)
    items += _quotes_without_speaker(a, speech)
    items += _writer_opinion(a)
    items += _officials_without_title(a, index, speech)
    items.sort(key=lambda i: (i.start, i.end, i.rule))
    return items


def _in_quote(pos: int, quotes: Iterable) -> bool:
    return any(q.start <= pos < q.end for q in quotes)


def _attributed(text: str, sentence: tuple[int, int], quotes: list) -> bool:
    """Something in the sentence says where its content comes from: a speech verb, a cue
    ("according to"), a source noun ("data", "a report"), or a quote with a speaker."""
    s, e = sentence
    part = text[s:e]
    if _SOURCE.search(part) or lead_pattern().search(part):
        return True
    if any(is_cue_word(w.group().lower()) for w in _WORD.finditer(part)):
        return True
    return any(q.start < e and q.end > s and (q.speaker or q.speaker_name) for q in quotes)


def _writer_part(text: str, sentence: tuple[int, int], quotes: list) -> str:
    """The sentence with its quotes blanked out: what the writer says in their own voice."""
    s, e = sentence
    chars = list(text[s:e])
    for q in quotes:
        for i in range(max(q.start, s), min(q.end, e)):
            chars[i - s] = " "
    return "".join(chars)


def _by_sentence(index: SentenceIndex, spans: Iterable) -> dict[tuple[int, int], list]:
    """The items (with start and end) that touch each sentence: one pass, so a book-length
    text costs no more per sentence than a short one."""
    out: dict[tuple[int, int], list] = {}
    starts = index.starts

    for x in spans:
        i = max(0, bisect_right(starts, x.start) - 1)
        while i < len(index.spans) and index.spans[i][0] < x.end:
            if index.spans[i][1] > x.start:
                out.setdefault(index.spans[i], []).append(x)
            i += 1
    return out


def _figures_and_claims(a: Analysis, index: SentenceIndex, speech: list) -> list[Item]:
    text = a.text
    out: list[Item] = []
    quotes_in = _by_sentence(index, speech)
    checkable = [f for f in a.figures if f.kind in CLAIM_FIGURES and _DIGIT.search(f.text)]
    figures_in = _by_sentence(index, checkable)
    claim_sentences: dict[tuple[int, int], str] = {}
    flagged_figure_sentences: set[tuple[int, int]] = set()
    for f in checkable:   # written with digits: "one", "hundreds" are not figures to check
        sentence = index.at(f.start)
        if sentence is None:
            continue
        quotes = quotes_in.get(sentence, [])
        if _in_quote(f.start, quotes) or _attributed(text, sentence, quotes):
            continue
        s, e = sentence
        others = [g for g in figures_in.get(sentence, []) if g is not f]
        if others or _COMPARE.search(text[s:e]):
            claim_sentences.setdefault(sentence, f"states {f.text!r}")
            continue
        flagged_figure_sentences.add(sentence)
        out.append(Item("figure_unsourced", f.start, f.end, f.text,
                        f"{f.text!r}: no source and nothing to compare it with in the "
                        "sentence"))
    for sentence in index.spans:
        if sentence in claim_sentences or sentence in flagged_figure_sentences \
                or text[sentence[0]:sentence[1]].rstrip(" \"'”’)").endswith("?"):
            continue   # a question claims nothing
        quotes = quotes_in.get(sentence, [])
        m = _CLAIM.search(_writer_part(text, sentence, quotes))
        if m and not _attributed(text, sentence, quotes):
            claim_sentences[sentence] = f"claims with {m.group().lower()!r}"
    for (s, e), why in claim_sentences.items():
        out.append(Item("unattributed_claim", s, e, text[s:e],
                        f"the writer {why}; nothing in the sentence says who says so"))
    return out


def _anonymous(a: Analysis) -> list[Item]:
    text = a.text
    found: list[tuple[int, int]] = []
    for rx in _ANONYMOUS:
        for m in rx.finditer(text):
            found.append((m.start(), m.end()))
    for o in a.opinion:
        if o.category == "unsupported":
            found.append((o.start, o.end))
    out: list[Item] = []
    last_end = -1
    for s, e in sorted(found):
        if s < last_end:   # overlapping matches: one item
            continue
        last_end = e
        out.append(Item("anonymous_source", s, e, text[s:e],
                        f"{text[s:e]!r}: who exactly? An unnamed source cannot be checked"))
    return out


def _quotes_without_speaker(a: Analysis, speech: list) -> list[Item]:
    return [Item("quote_no_speaker", q.start, q.end, q.text,
                 "nobody is named for this quote") for q in speech
            if not q.speaker and not q.speaker_name]


def _writer_opinion(a: Analysis) -> list[Item]:
    from ..model import OPINION_CATEGORIES

    return [Item("writer_opinion", o.start, o.end, o.text,
                 f"{OPINION_CATEGORIES.get(o.category, o.category)} in the writer's voice: "
                 "keep it, attribute it or rephrase it")
            for o in a.opinion if not o.in_quote and o.category != "unsupported"]


def _heading(a: Analysis) -> tuple[int, int] | None:
    """The first paragraph when it reads as a headline: short, no closing full stop."""
    if len(a.paragraphs) < 2:
        return None
    s, e = a.paragraphs[0]
    line = a.text[s:e].strip()
    if len(line.split()) <= 20 and not line.endswith((".", "!", "?", ":")):
        return s, e
    return None


def _officials_without_title(a: Analysis, index: SentenceIndex, speech: list) -> list[Item]:
    text = a.text
    quoted = {q.speaker for q in speech if q.speaker}
    out: list[Item] = []
    for ent in a.entities:
        if not ent.official or ent.id not in quoted or not ent.mentions:
            continue
        mentions = sorted(tuple(m) for m in ent.mentions)
        heading = _heading(a)
        # a headline names people without titles by convention: the first mention in the body
        body = [m for m in mentions if heading is None or m[0] >= heading[1]]
        s, e = (body or mentions)[0]
        name = text[s:e]
        if not ent.title:
            out.append(Item("official_no_title", s, e, name,
                            f"{name} is quoted as an official, but no title is given"))
            continue
        sentence = index.at(s) or (s, e)
        window = text[max(sentence[0], s - 80):min(sentence[1], e + 80)].lower()
        if ent.title.lower() not in window:
            out.append(Item("official_no_title", s, e, name,
                            f"{name} is first mentioned without the title "
                            f"{ent.title!r}, which comes only later"))
    return out
