"""`slant analyze --explain WORD`: which list and rule would make a word an opinion highlight,
and, in given texts, why each occurrence was shown or left out.

The checks below follow `rules.accepts` step by step, so that each refusal can be named;
tests/analyzers/opinion/test_explain.py holds the two to the same answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from spacy.tokens import Doc

from .. import spans
from ..model import neutral_text
from .context import Context, QuoteIndex, explain
from .lexicons import Entry, Lexicon, load_lexicons, normalize
from .rules import RULES, _capitalised_in_name, _part_of_name, _pos_ok
from .support import allowed


@dataclass(frozen=True)
class Listing:
    """One way the word is listed."""
    form: str
    entry: Entry
    added_by_user: bool = False
    removed_by_user: bool = False


def lookup(word: str, extra: Mapping[str, Iterable[str]] | None = None,
           remove: Mapping[str, Iterable[str]] | None = None) -> list[Listing]:
    """Every list entry for `word` (any listed form), with the user's config applied."""
    form = normalize(word)
    theirs = load_lexicons(extra or None, remove or None)
    bundled = load_lexicons()
    kept = theirs.entries(form)
    out = [Listing(form, e, added_by_user=e.source == "your config") for e in kept]
    out += [Listing(form, e, removed_by_user=True) for e in bundled.entries(form)
            if e not in kept]
    return out


def describe(item: Listing) -> str:
    """One line about a listing, for the terminal."""
    e = item.entry
    parts = [f"'{item.form}': {e.category}", f"from {e.source or 'the word lists'}"]
    if e.phrase and e.phrase != item.form:
        parts.append(f"form of '{e.phrase}'")
    parts.append(f"says \"{explain(e.explanation, item.form)}\"")
    if e.neutral is not None:
        parts.append(f"neutral: {neutral_text(e.neutral, item.form)}")
    if e.pos:
        parts.append("only as " + "/".join(sorted(e.pos)))
    if e.context:
        parts.append(f"context rule: {e.context}")
    if e.not_after:
        parts.append("not after: " + ", ".join(sorted(e.not_after)[:6])
                     + (", ..." if len(e.not_after) > 6 else ""))
    if e.not_before:
        parts.append("not before: " + ", ".join(sorted(e.not_before)[:6])
                     + (", ..." if len(e.not_before) > 6 else ""))
    if e.clause_start:
        parts.append("only at the start of a clause")
    if e.weak:
        parts.append("weak: shown only after an intensifier or with another marker in "
                     "the sentence")
    if item.added_by_user:
        parts.append("added by your config")
    if item.removed_by_user:
        parts.append("REMOVED by your config")
    return " · ".join(parts)


def blocked_by(ctx: Context, entry: Entry, start: int, end: int) -> str | None:
    """Why `rules.accepts` refuses this match, in words, or None when it accepts it."""
    if entry.not_after and ctx.prev_word(start) in entry.not_after:
        return f"after '{ctx.prev_word(start)}' (not_after)"
    if entry.not_before and ctx.next_word(end) in entry.not_before:
        return f"before '{ctx.next_word(end)}' (not_before)"
    if entry.clause_start and not ctx.clause_start(start):
        return "not at the start of a clause"
    span = None
    if ctx.has_pos or ctx.has_ents:
        span = ctx.span(start, end)
        if span is None:
            return "does not line up with whole tokens"
        if ctx.has_pos and entry.pos and not _pos_ok(span, entry):
            head = span[entry.head] if len(span) else None
            tag = head.pos_ if head is not None else "?"
            return f"part of speech {tag}, the list wants {'/'.join(sorted(entry.pos))}"
        if ctx.has_ents and not entry.in_names and ctx.text[start].isupper() \
                and _part_of_name(span):
            return "part of a name"
    elif not entry.in_names and _capitalised_in_name(ctx, start, end):
        return "part of a name"
    rule = RULES.get(entry.context) if entry.context else None
    if rule is not None and not rule(ctx, entry, start, end, span):
        return f"context rule '{entry.context}' did not accept it"
    return None


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    text: str
    shown: bool
    reason: str          # "as loaded", or what blocked it


def occurrences(doc: Doc, word: str, lexicon: Lexicon,
                disabled: Iterable[str] = ()) -> list[Occurrence]:
    """Every place in an annotated `doc` where a listed form of `word` occurs, and what
    became of it.  `lexicon` is the one the analysis used (the user's)."""
    form = normalize(word)
    bundled = load_lexicons()
    off = set(disabled)
    text = doc.text
    ctx = Context(doc, lexicon, QuoteIndex(spans.read(doc, "slant_quotes")))
    shown = spans.read(doc, "slant_opinion")
    mine = set(_forms_of(form, lexicon) | _forms_of(form, bundled))
    out: list[Occurrence] = []
    for start, end in _find(text, mine):
        matched = text[start:end]
        entries = lexicon.entries(matched)
        if not entries:
            out.append(Occurrence(start, end, matched, False,
                                  "removed by your config" if bundled.entries(matched)
                                  else "not on any list"))
            continue
        out.append(_verdict(ctx, entries, start, end, shown, off))
    return out


def _verdict(ctx: Context, entries: tuple[Entry, ...], start: int, end: int,
             shown: list, off: set[str]) -> Occurrence:
    text = ctx.text[start:end]
    for span in shown:
        if span.start <= start and end <= span.end:
            where = "" if (span.start, span.end) == (start, end) else f" in '{span.text}'"
            return Occurrence(start, end, text, True, f"as {span.category}{where}")
    reasons = []
    for entry in entries:
        if entry.category in off:
            reasons.append(f"{entry.category} is turned off in your config")
            continue
        why = blocked_by(ctx, entry, start, end)
        if why is None:
            if ctx.quotes.in_title(start, end):
                return Occurrence(start, end, text, False, "inside a title")
            over = [s for s in shown if s.start < end and start < s.end]
            if over:
                o = over[0]
                return Occurrence(start, end, text, False,
                                  f"covered by '{o.text}' ({o.category})")
            if not allowed(ctx, entry, start, end):
                return Occurrence(start, end, text, False,
                                  f"its list's policy ({entry.source}) does not allow it here")
            if entry.weak:
                return Occurrence(start, end, text, False,
                                  "weak entry without support: no intensifier before it and "
                                  "no other marker in its sentence")
            return Occurrence(start, end, text, False, "left out when overlaps were resolved")
        reasons.append(why)
    return Occurrence(start, end, text, False, "; ".join(dict.fromkeys(reasons)))


def _forms_of(form: str, lex: Lexicon) -> set[str]:
    """The listed forms that share a base phrase with `form` (slammed -> slam, slams...)."""
    bases = {e.phrase for e in lex.forms.get(form, ()) if e.phrase}
    found = {f for f, es in lex.forms.items() if any(e.phrase in bases for e in es)}
    return found | {form}


def _find(text: str, forms: set[str]) -> list[tuple[int, int]]:
    if not forms:
        return []
    alts = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+")
                                                     for f in alts) + r")(?![\w-])",
                         re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)
            if normalize(m.group()) in forms]
