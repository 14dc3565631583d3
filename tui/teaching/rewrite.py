"""The neutral rewrite: the writer's opinion words struck through with the plainer wording
beside them (where the analysis has one), scare quotes' marks removed, and a count of what
changed.  Quoted speech is never rewritten: anything inside a direct or partial quote, or
an opinion span the analysis puts in a quote, stays as it was.

Pure Python (no Textual): the rewrite view, and its Markdown and HTML exports, render the
`Rewrite` made here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from analyzers.model import OPINION_CATEGORIES, Analysis, neutral_text
from analyzers.text import terminal_safe

# What a piece of the rewritten text is.
SAME, STRUCK, INSERTED, KEPT = "same", "struck", "inserted", "kept"
ARROW = " → "   # before a plainer wording: a cue that needs no colour and no strike-through
_QUOTE_MARKS = "\"'“”‘’«»„‚‹›"


@dataclass(frozen=True)
class Change:
    start: int          # offsets into the original text
    end: int
    kind: str           # "replaced" | "left out" | "scare quote" | "kept" (no plainer wording)
    old: str
    new: str            # "" for "left out" and for scare quotes' marks
    category: str       # the opinion category, or "scare_quote" for a quote's marks
    why: str = ""


@dataclass
class Rewrite:
    text: str                                    # the original
    changes: list[Change] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def changed(self) -> int:
        return sum(1 for c in self.changes if c.kind != "kept")

    def summary(self) -> str:
        """ "9 changes: 5 replaced, 2 left out, 2 scare quotes removed; 3 opinion words
        kept (no plainer wording known). Quoted speech is never changed." """
        parts = [f"{self.count('replaced')} replaced", f"{self.count('left out')} left out",
                 f"{self.count('scare quote')} scare-quote mark"
                 f"{'s' if self.count('scare quote') != 1 else ''} removed"]
        kept = self.count("kept")
        n = self.changed
        text = f"{n} change{'s' if n != 1 else ''}: {', '.join(parts)}"
        if kept:
            text += (f"; {kept} opinion word{'s' if kept != 1 else ''} kept "
                     "(no plainer wording known)")
        return text + ". Quoted speech is never changed."

    def pieces(self) -> list[tuple[str, str, Change | None]]:
        """The rewritten text as (kind, text, change) pieces, in order: SAME text, STRUCK
        old words, INSERTED plainer words (after an arrow), KEPT opinion words."""
        out: list[tuple[str, str, Change | None]] = []
        pos = 0
        for c in self.changes:
            if c.start > pos:
                out.append((SAME, self.text[pos:c.start], None))
            old = self.text[c.start:c.end]
            if c.kind == "kept":
                out.append((KEPT, old, c))
            else:
                out.append((STRUCK, old, c))
                if c.new:
                    out.append((INSERTED, f"{ARROW}{c.new}", c))
            pos = c.end
        if pos < len(self.text):
            out.append((SAME, self.text[pos:], None))
        return out


def _speech_spans(analysis: Analysis) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in analysis.quotes if q.kind in ("direct", "partial")]


def _inside_any(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _case_like(new: str, old: str, text: str, start: int) -> str:
    """ "criticised" for "slammed", "Criticised" for "Slammed" when it opens a sentence (not
    for a capital in a title-case headline or a name)."""
    before = text[:start].rstrip(" \t\"'“‘(")
    opens = not before or before.endswith(("\n", ".", "!", "?", ":"))
    if new and opens and old[:1].isupper() and new[:1].islower():
        return new[0].upper() + new[1:]
    return new


def _mark(at: int, mark: str) -> Change:
    return Change(at, at + 1, "scare quote", mark, "", "scare_quote",
                  "scare quote: the marks cast doubt without saying why")


def rewrite(analysis: Analysis) -> Rewrite:
    """The neutral rewrite of `analysis.text` (see the module's docstring)."""
    text = analysis.text
    speech = _speech_spans(analysis)
    found: list[Change] = []
    for o in analysis.opinion:
        if not 0 <= o.start < o.end <= len(text):
            continue
        if o.in_quote or _inside_any(speech, o.start, o.end):
            continue   # quoted speech: never rewritten
        name = OPINION_CATEGORIES.get(o.category, o.category)
        old = text[o.start:o.end]
        marks = [i for i, ch in enumerate(old) if ch in _QUOTE_MARKS]
        if o.category == "scare_quote" and len(marks) >= 2:
            # `so-called "reform"`: the sneer goes ("so-called", the marks), the term stays
            lead = old[:marks[0]].rstrip()
            if lead:
                found.append(Change(o.start, o.start + len(lead), "left out", lead, "",
                                    o.category, f"{name}: {neutral_text('', lead)}"))
            for i in (marks[0], marks[-1]):
                found.append(_mark(o.start + i, old[i]))
            continue
        if o.neutral is None:
            found.append(Change(o.start, o.end, "kept", old, "", o.category,
                                f"{name}: no plainer wording known"))
        elif o.neutral == "":
            found.append(Change(o.start, o.end, "left out", old, "", o.category,
                                f"{name}: {neutral_text('', old)}"))
        else:
            new = _case_like(o.neutral, old, text, o.start)
            found.append(Change(o.start, o.end, "replaced", old, new,
                                o.category, f"{name}: '{' '.join(old.split())}' → '{o.neutral}'"))
    for q in analysis.quotes:
        if q.kind != "scare" or q.end - q.start < 3 or _inside_any(speech, q.start, q.end):
            continue
        for s in (q.start, q.end - 1):   # the opening and the closing mark
            if text[s] in _QUOTE_MARKS:
                found.append(_mark(s, text[s]))
    # One change per stretch of text: where two overlap, the first (then the longer) wins;
    # a quote's marks, found both as a scare quote and as opinion, count once.
    found = list({(c.start, c.end, c.kind): c for c in found}.values())
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    changes: list[Change] = []
    for c in found:
        if changes and c.start < changes[-1].end:
            continue
        changes.append(c)
    return Rewrite(text, changes)


# -- the view's text --------------------------------------------------------------------------
def display(rw: Rewrite) -> tuple[str, list[tuple[str, int, int, Change]], list[tuple[int, int]]]:
    """The text the rewrite view shows (the original with the plainer words inserted), the
    (kind, start, end, change) of each marked piece in it, and (old offset, new offset) pairs
    to carry a position from the article over."""
    out: list[str] = []
    marked: list[tuple[str, int, int, Change]] = []
    moves: list[tuple[int, int]] = [(0, 0)]
    pos = 0
    old = 0
    for kind, piece, change in rw.pieces():
        if kind != INSERTED:
            moves.append((old, pos))
            old += len(piece)
        if kind != SAME and change is not None:
            start = pos + (len(ARROW) if kind == INSERTED else 0)   # the arrow is not marked
            marked.append((kind, start, pos + len(piece), change))
        out.append(piece)
        pos += len(piece)
    return "".join(out), marked, moves


def moved(moves: list[tuple[int, int]], offset: int) -> int:
    """Where original offset `offset` is in the rewrite view's text."""
    best = (0, 0)
    for old, new in moves:
        if old > offset:
            break
        best = (old, new)
    return best[1] + (offset - best[0])


# -- exports ------------------------------------------------------------------------------------
def to_markdown(rw: Rewrite, title: str | None = None) -> str:
    from ..export.markdown import escape_md

    head = f"# Neutral rewrite: {escape_md(title or 'Untitled article')}\n\n"
    legend = ("~~struck~~ = the writer's opinion words or a scare quote's marks, **bold** = "
              "a plainer wording, ⟦brackets⟧ = opinion kept (no plainer wording known).\n\n")
    out = [head, escape_md(rw.summary()), "\n\n", legend]
    for kind, piece, _ in rw.pieces():
        if kind == SAME:
            out.append(escape_md(piece))
        elif kind == STRUCK:
            out.append(f"~~{escape_md(piece)}~~")
        elif kind == INSERTED:
            out.append(f" **{escape_md(piece.removeprefix(ARROW))}**")
        else:
            out.append(f"⟦{escape_md(piece)}⟧")
    return "".join(out).rstrip() + "\n"


_CSS = ("body{font:1.05rem/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem}"
        "del{text-decoration:line-through;color:#9b1c1c}ins{text-decoration:underline;"
        "font-weight:bold;color:#14532d}mark.kept{background:none;border-bottom:2px dotted "
        "#9b1c1c}mark.kept::before{content:'⟦'}mark.kept::after{content:'⟧'}"
        ".summary{border-left:4px solid #555;padding-left:.8rem}"
        "@media (prefers-color-scheme:dark){body{background:#111;color:#eee}"
        "del{color:#fca5a5}ins{color:#86efac}}")


def to_html(rw: Rewrite, title: str | None = None) -> str:
    def esc(s: str) -> str:
        return html.escape(terminal_safe(s), quote=False)

    name = esc(title or "Untitled article")
    body: list[str] = []
    for kind, piece, change in rw.pieces():
        why = html.escape(change.why, quote=True) if change else ""
        if kind == SAME:
            body.append(esc(piece))
        elif kind == STRUCK:
            body.append(f'<del title="{why}">{esc(piece)}</del>')
        elif kind == INSERTED:
            body.append(f' <ins title="{why}">{esc(piece.removeprefix(ARROW))}</ins>')
        else:
            body.append(f'<mark class="kept" title="{why}">{esc(piece)}</mark>')
    paragraphs = "".join(f"<p>{p.strip()}</p>\n" for p in "".join(body).split("\n\n") if p.strip())
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Neutral rewrite: {name}</title><style>{_CSS}</style></head><body>\n"
            f"<h1>Neutral rewrite: {name}</h1>\n<p class=\"summary\">{esc(rw.summary())}</p>\n"
            "<p><del>struck</del> = the writer's opinion words or a scare quote's marks, "
            "<ins>underlined</ins> = a plainer wording, <mark class=\"kept\">marked</mark> = "
            "opinion kept (no plainer wording known).</p>\n"
            f"{paragraphs}</body></html>\n")
