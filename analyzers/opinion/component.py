"""slant_opinion: opinionated language, from word lists checked in context.

One regex pass over `doc.text` (see `lexicons.py`) finds candidate words and phrases; each
candidate must then pass its group's constraints: a part of speech (when a tagger ran), the
words next to it, and a named context rule (`RULES` below), e.g. "slammed" only as
criticism ("slammed the plan", not "slammed the door"), "claimed" only as a speech verb
("claimed that...", not "claimed responsibility").  Precision comes first: a highlight in
a neutral sentence costs the reader's trust, so an ambiguous case is left out.

Decisions worth knowing:
- "allegedly" is shown as a hedge only outside crime and court reporting, where it is
  routine legal caution; "alleged" before a noun ("the alleged gunman") is never shown.
- Anonymous sources ("sources said", "people familiar with the matter") are NOT flagged:
  they are standard wire practice and usually come with a reason for the anonymity.
  Vague crowds ("critics say", "some believe", "it is widely believed") are.
- Scare quotes come from the quotes component (`Quote.kind == "scare"`), one span each;
  "so-called X" is one span too, merged with a scare quote that directly follows it.
- Every span says whether it sits inside someone's quoted words (`in_quote`, `speaker`):
  the reader can then tell the writer's voice from the sources'.  Spans inside titles of
  works ("title" quotes) are dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .. import spans
from .lexicons import Lexicon, load_lexicons
from ..model import OPINION_CATEGORIES, OpinionSpan
from ..components import factory_meta
from .context import Candidate, QuoteIndex, Context, explain
from .rules import accepts, accepts_construction
from .support import allowed, boosted
from .reach import extend
from .questions import rhetorical_questions
from .scare import scare_candidates
from .constructions import matchers_for

# Which category wins when two candidates cover the same text (longer spans win first).
PRIORITY = ("scare_quote", "unsupported", "evidence", "motive", "minimising", "doubt",
            "label", "metaphor", "hyperbole", "loaded", "aside", "editorial", "booster",
            "hedge")


# -- putting it together -------------------------------------------------------------------
def resolve(cands: Sequence[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: longer first, then by category priority."""
    rank = {c: i for i, c in enumerate(PRIORITY)}
    order = sorted(cands, key=lambda c: (c.category != "scare_quote", -(c.end - c.start),
                                         rank.get(c.category, 99), c.start))
    # the kept spans never overlap, so sorted by start they are sorted by end too: a new
    # one only needs checking against its neighbours (not against every span kept)
    starts: list[int] = []
    kept: list[Candidate] = []
    for c in order:
        i = bisect_left(starts, c.start)
        if i < len(kept) and kept[i].start < c.end:
            continue          # the next kept span starts inside c (or where c does)
        if i > 0 and kept[i - 1].end > c.start:
            continue          # the previous kept span runs into c
        starts.insert(i, c.start)
        kept.insert(i, c)
    return kept


def find_opinion(doc: Doc, lexicon: Lexicon | None = None,
                 disabled: Iterable[str] = ()) -> list[OpinionSpan]:
    """Opinion spans of `doc`, each with its explanation and quote context."""
    lex = lexicon or load_lexicons()
    off = set(disabled)
    quotes = QuoteIndex(spans.read(doc, "slant_quotes"))
    ctx = Context(doc, lex, quotes)
    text = ctx.text
    cands: list[Candidate] = []
    for start, end, entries in lex.finditer(text):
        for entry in entries:
            if entry.category in off or not accepts(ctx, entry, start, end) \
                    or not allowed(ctx, entry, start, end):
                continue
            first, stop = extend(ctx, entry, start, end)
            cands.append(Candidate(first, stop, entry.category,
                                   explain(entry.explanation, text[start:end]),
                                   neutral=entry.neutral, source=entry.source or None,
                                   weak=entry.weak and not boosted(ctx, entry, start, end)))
            break
    cands += construction_candidates(ctx, off)
    cands = with_support(ctx, cands)
    if "scare_quote" not in off:
        cands += scare_candidates(ctx, cands, lex)
    if "editorial" not in off:
        cands += rhetorical_questions(ctx, lex.messages.get(
            "rhetorical_question", "editorializing: a question in the writer's own voice"))
    out = []
    for c in resolve(cands):
        if quotes.in_title(c.start, c.end):
            continue
        q = quotes.containing(c.start, c.end)
        out.append(OpinionSpan(c.start, c.end, text[c.start:c.end], c.category,
                               c.explanation, in_quote=q is not None,
                               speaker=q.speaker if q is not None else None,
                               neutral=c.neutral, source=c.source))
    return out


def with_support(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Weak candidates only where another, not weak, marker shares their sentence."""
    if not any(c.weak for c in cands):
        return cands
    strong = [c for c in cands if not c.weak]

    def sentence(c: Candidate) -> tuple[int, int]:
        sp = ctx.span(c.start, c.end) if ctx.has_sents else None
        if sp is not None:
            return sp.sent.start_char, sp.sent.end_char
        s = max(ctx.text.rfind(". ", 0, c.start), ctx.text.rfind("\n", 0, c.start)) + 1
        e = min([i for i in (ctx.text.find(". ", c.end), ctx.text.find("\n", c.end)) if i != -1]
                or [len(ctx.text)])
        return s, e

    out = []
    for c in cands:
        if c.weak:
            s, e = sentence(c)
            if not any(s <= o.start < e and o is not c for o in strong):
                continue
        out.append(c)
    return out


def construction_candidates(ctx: Context, off: set[str]) -> list[Candidate]:
    """Candidates of the lexicon's multi-word constructions (see constructions.py), each
    checked by the construction's context rules (rules.accepts_construction)."""
    matchers = matchers_for(ctx.lex, ctx.doc)
    if matchers is None:
        return []
    out = []
    for start, end, c in matchers.find(ctx.doc):
        if c.category in off or not accepts_construction(ctx, c, start, end):
            continue
        out.append(Candidate(start, end, c.category, explain(c.explanation, ctx.text[start:end]),
                             neutral=c.neutral, source=c.source or None))
    return out


class OpinionComponent:
    def __init__(self, extra: Mapping[str, Iterable[str]] | None = None,
                 remove: Mapping[str, Iterable[str]] | None = None,
                 disabled: Iterable[str] = ()):
        self.lexicon = load_lexicons(extra or None, remove or None)
        unknown = set(disabled) - set(OPINION_CATEGORIES)
        if unknown:
            raise ValueError(f"unknown opinion categories to disable: {sorted(unknown)}")
        self.disabled = tuple(disabled)

    def __call__(self, doc: Doc) -> Doc:
        spans.write(doc, "slant_opinion", find_opinion(doc, self.lexicon, self.disabled))
        return doc


@Language.factory("slant_opinion", **factory_meta("slant_opinion"),
                  default_config={"extra": {}, "remove": {}, "disabled": []})
def make_opinion(nlp: Language, name: str, extra: dict[str, list[str]],
                 remove: dict[str, list[str]], disabled: list[str]) -> OpinionComponent:
    return OpinionComponent(extra, remove, disabled)
