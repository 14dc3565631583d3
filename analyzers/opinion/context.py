"""What the opinion rules look at around a candidate word: the sentence, the quotes it sits in,
the words before and after, and the `Candidate` they produce."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable
from spacy.tokens import Doc, Span
from .. import spans
from .lexicons import Lexicon, normalize
from ..model import Quote


SPEECH_KINDS = ("direct", "partial")


# A match that is only part of a longer name of one of these kinds is part of a name
# ("Radical Party", "Michael Savage"), not language.
NAME_KINDS = frozenset(("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "EVENT",
                         "GPE", "LOC", "NORP"))


PEOPLE_KINDS = frozenset(("PERSON", "ORG", "NORP"))


WORD = r"[\w'’\-]+"


PREV_WORD = re.compile(rf"({WORD})\s*$")


NEXT_WORD = re.compile(rf"\s*({WORD})")


_NEXT_WORDS = re.compile(rf"\s*({WORD})(?:\s+({WORD}))?(?:\s+({WORD}))?")


QUOTE_MARKS = "\"“”„«»"


# `"...," Smith claimed` / `..., the senator claimed`: the verb ends a reporting clause.
AFTER_QUOTE = re.compile(rf"[,.!?—–-][{QUOTE_MARKS}’']\s*(?:{WORD}\.?\s+){{0,4}}$")


AFTER_COMMA = re.compile(rf",\s+(?:{WORD}\.?\s+){{1,3}}$")


# words that cannot be part of the subject in "..., the senator claimed"
NOT_SUBJECT = frozenset("""to has have had was were is are be been will would could can
    not never and but or that which who refused refuses failed fails tried tries""".split())


CLAUSE_END = re.compile(r"\s*(?:[.,;!?]|$)")


INTRODUCES = re.compile(rf"\s*(?:that\b|[:,]?\s*[{QUOTE_MARKS}]|:)", re.IGNORECASE)


TO_INFINITIVE = re.compile(r"\s+to\s+(?:be|have|having|being|\w+ing)\b", re.IGNORECASE)


_CLAUSE_OPENERS = frozenset("""and but yet so that while as because though although when
    since whereas however now still even indeed meanwhile also today instead""".split())


AUX_AFTER = frozenset("""was were is are 's have has had will would could can may might
    must should""".split())


FUNCTION_WORDS = frozenset("""the a an his her their its our your my this that these those
    on""".split())


# after "Democrat", words that show it is the noun: "a Democrat who", "Democrat and"
NOT_NOUN_AFTER = frozenset("""who whom whose and or but from of in on at for to with by as
    is was has had have will would could should can may might did does do said says
    told than like since when while if that which representing running himself
    herself turned serving""".split())


SENTENCE_OPEN = re.compile(rf"(?:^|[.!?;:\n(—–]|[{QUOTE_MARKS}])\s*$")


# -- quotes -------------------------------------------------------------------------------
class QuoteIndex:
    """Where the quotes are: which speech quote (if any) contains a span, and whether a
    span lies inside the title of a work."""

    def __init__(self, quotes: Iterable[Quote]):
        self.speech = sorted((q for q in quotes if q.kind in SPEECH_KINDS),
                             key=lambda q: (q.start, q.end))
        self._starts = [q.start for q in self.speech]
        # _reach[i]: the furthest end of quotes 0..i, so a backward search can stop early
        self._reach: list[int] = []
        for q in self.speech:
            self._reach.append(max(q.end, self._reach[-1] if self._reach else q.end))
        self.titles = [(q.start, q.end) for q in quotes if q.kind == "title"]
        self.scare = sorted((q for q in quotes if q.kind == "scare"), key=lambda q: q.start)

    def containing(self, start: int, end: int) -> Quote | None:
        """The innermost speech quote that contains [start, end)."""
        # Backwards from the last quote that starts at or before `start`: the first that
        # holds the span starts latest (and, of those, ends last), as before; once no
        # earlier quote reaches `end` there is none to find (a scan of all was the
        # component's slowest step on a book full of quotes).
        i = bisect_right(self._starts, start) - 1
        while i >= 0 and self._reach[i] >= end:
            q = self.speech[i]
            if end <= q.end:
                return q
            i -= 1
        return None

    def in_title(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.titles)


# -- candidates ---------------------------------------------------------------------------
@dataclass
class Candidate:
    start: int
    end: int
    category: str
    explanation: str
    neutral: str | None = None
    source: str | None = None
    weak: bool = False             # needs a second marker in its sentence (with_support)


def explain(template: str, text: str) -> str:
    shown = " ".join(text.split()).strip(QUOTE_MARKS + "'‘’ ")
    return template.replace("{text}", shown.lower() if shown[:1].isupper()
                            and not shown.isupper() else shown)


class Context:
    """What the rules may look at for one doc; the token work is only done on demand."""

    def __init__(self, doc: Doc, lex: Lexicon, quotes: QuoteIndex):
        self.doc = doc
        self.text = spans.text(doc)
        self.lex = lex
        self.quotes = quotes
        self.has_pos = doc.has_annotation("POS")
        self.has_dep = doc.has_annotation("DEP")
        self.has_ents = doc.has_annotation("ENT_IOB")
        self.has_sents = doc.has_annotation("SENT_START") or self.has_dep
        self._literal: list[tuple[int, int]] | None = None
        self._literal_ends: list[int] = []

    def literal_phrases(self) -> list[tuple[int, int]]:
        """Where the text has a literal fixed phrase (`[context_words] literal_phrases`),
        found in one pass on first use."""
        if self._literal is None:
            index = self.lex.compiled.get("literal_phrases")
            if index is None:
                from .phrase_index import PhraseIndex
                index = self.lex.compiled["literal_phrases"] = PhraseIndex(
                    self.lex.words.get("literal_phrases", ()))
            self._literal = list(index.finditer(self.text))
            self._literal_ends = [e for _, e in self._literal]
        return self._literal

    def in_literal_phrase(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a literal fixed phrase (they do not overlap each
        other, so their ends are sorted)."""
        found = self.literal_phrases()
        i = bisect_right(self._literal_ends, start)
        return i < len(found) and found[i][0] < end

    # words around a match, as written (no tokens needed)
    def prev_word(self, start: int) -> str | None:
        m = PREV_WORD.search(self.text, max(0, start - 40), start)
        return normalize(m.group(1)) if m else None

    def next_word(self, end: int) -> str | None:
        m = NEXT_WORD.match(self.text, end)
        return normalize(m.group(1)) if m else None

    def next_words(self, end: int) -> list[str]:
        m = _NEXT_WORDS.match(self.text, end)
        return [normalize(w) for w in m.groups() if w] if m else []

    def before(self, start: int, n: int = 60) -> str:
        return self.text[max(0, start - n):start]

    def span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def sentence(self, start: int, end: int) -> str:
        if self.has_sents:
            sp = self.span(start, end)
            if sp is not None:
                return sp.sent.text
        return self.text[max(0, start - 200):end + 200]

    def clause_start(self, start: int) -> bool:
        """Whether the text at `start` opens a sentence or clause."""
        before = self.before(start, 40)
        if SENTENCE_OPEN.search(before) or before.rstrip().endswith((",", "-")):
            return True
        prev = self.prev_word(start)
        return prev is None or prev in _CLAUSE_OPENERS
