"""Rhetorical questions in the writer's own voice (not inside quotes)."""

from __future__ import annotations

import re
from .lexicons import normalize
from .context import Candidate, Context, QUOTE_MARKS


# -- rhetorical questions ---------------------------------------------------------------
_QUESTION = re.compile(r"\?")


_SENTENCE_BREAK = re.compile(r"[.!?\n][\"”’')\]]*\s+(?=\S)")


# A yes-no question in the writer's own voice is rhetorical in news writing; "what is",
# "how does" questions are also explainer headings, so they are left alone.
_RHETORICAL_OPENERS = frozenset("""is are was were am do does did can could should would will
    shall has have had isn't aren't wasn't weren't don't doesn't didn't can't couldn't
    shouldn't wouldn't won't hasn't haven't hadn't""".split())


def rhetorical_questions(ctx: Context, template: str) -> list[Candidate]:
    """Yes-no questions asked in the writer's voice (not inside any quotation)."""
    text = ctx.text
    out = []
    for m in _QUESTION.finditer(text):
        q_end = m.end()
        window_start = max(0, m.start() - 400)
        starts = [b.end() for b in _SENTENCE_BREAK.finditer(text, window_start, m.start())]
        s = starts[-1] if starts else (0 if window_start == 0 else None)
        if s is None:
            continue
        sentence = text[s:q_end]
        if any(ch in sentence for ch in QUOTE_MARKS + "‘’") or "\n" in sentence:
            continue
        first = re.match(r"[\w'’]+", sentence)
        if not first or normalize(first.group()) not in _RHETORICAL_OPENERS:
            continue
        if ctx.quotes.containing(s, q_end) is not None:
            continue
        out.append(Candidate(s, q_end, "editorial", template,
                             source="rule: rhetorical question"))
    return out
