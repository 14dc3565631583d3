"""A Markdown report: summary, names, then the article with highlights as Markdown marks.

Marks (explained in the report's legend):  *italic* = quote, **bold** = named official,
`code` = figure, ⟦double brackets⟧ with a numbered note = opinion marker (the note says why).
The article's own Markdown characters are escaped, so the text reads as written; its control
and bidi characters become the visible placeholders of `analyzers.text.terminal_safe`.
"""

from __future__ import annotations

import re
from typing import Any, Collection

from analyzers.model import OPINION_CATEGORIES, Analysis
from analyzers.text import terminal_safe

from .marks import Mark, by_paragraph, marks, paragraph_ranges, sweep

_LEGEND_PARTS = {
    "quotes": "*italic* = quotation",
    "officials": "**bold** = named official",
    "figures": "`code` = figure",
    "opinion": "⟦double brackets⟧ with a numbered note = opinion marker (the note says why)",
}
LEGEND = " · ".join(_LEGEND_PARTS.values())
_OPEN = {"quotes": "*", "officials": "**", "opinion": "⟦"}
_CLOSE = {"quotes": "*", "officials": "**", "opinion": "⟧"}

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([ \t]*)([#+=-]|\d+(?=[.)]))", re.MULTILINE)


def escape_md(text: str) -> str:
    """Backslash-escape what Markdown would read as markup; show control and bidi characters
    as visible placeholders; keep everything else as is."""
    text = _SPECIAL.sub(r"\\\1", terminal_safe(text))
    text = _ENTITY.sub("&amp;", text)
    return text


def _escape_line_starts(text: str) -> str:
    # Headings, list items, setext underlines and "1." lists only matter at a line start.
    def fix(m: re.Match[str]) -> str:
        mark = m.group(2)
        if mark.isdigit():
            return mark  # the "." or ")" after it is escaped below
        return "\\" + mark
    out = _LINE_START.sub(lambda m: fix(m), text)
    return re.sub(r"(?m)^(\d+)([.)])", r"\1\\\2", out)


def _code(text: str) -> str:
    """A code span holding `text` literally (no escapes work inside one)."""
    text = terminal_safe(text.replace("\n", " "))
    longest = max((len(r) for r in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render_markdown(analysis: Analysis, *, notes: list[str] | None = None,
                    hidden: Collection[str] = ()) -> str:
    items = [m for m in marks(analysis) if m.category not in hidden]
    stats = analysis.stats   # the engine's numbers, never recomputed here
    title = analysis.source.title or "Untitled article"
    out: list[str] = [f"# {escape_md(title)}\n\n", _meta(analysis)]
    for n in notes or []:
        out.append(f"> Note: {escape_md(n)}\n\n")
    out.append(_summary(stats))
    out.append(_entities(analysis))
    out.append("## Article\n\n")
    shown = [v for k, v in _LEGEND_PARTS.items() if k not in hidden]
    out.append(f"Legend: {' · '.join(shown)}\n\n" if shown else "No highlights shown.\n\n")
    footnotes: list[str] = []
    out.append(_article(analysis, items, footnotes))
    if footnotes:
        out.append("\n" + "".join(footnotes))
    return "".join(out)


def _meta(a: Analysis) -> str:
    bits = ["slant report"]
    if a.source.path:
        bits.append(f"source: {escape_md(a.source.path)}")
    model = " ".join(x for x in (a.model.name, a.model.version) if x)
    mode = "rules only" if a.model.mode == "rules-only" else "full analysis"
    bits.append(f"analysis: {escape_md(model) + ', ' if model else ''}{mode}")
    return "_" + " · ".join(bits) + "_\n\n"


def _summary(s: dict[str, Any]) -> str:
    speech = s.get("speech_quotes", 0)
    attributed = s.get("attributed_quotes", 0)
    share = 100 * float(s.get("quoted_share") or 0)
    lines = [
        "## Summary\n",
        f"- **Words:** {s.get('words', 0):,}",
        f"- **Quoted:** {share:.0f}% of the words, in {speech} quote{'s' if speech != 1 else ''}"
        f" ({attributed} with a speaker)",
        f"- **Quotes from officials:** {s.get('officials_quoted', 0)}; "
        f"**from others:** {s.get('others_quoted', 0)}; "
        f"**with no speaker:** {max(0, speech - attributed)}",
        f"- **Opinion markers in the writer's words:** "
        f"{s.get('opinion_writer_per_100_words', 0)} per 100 words "
        f"({s.get('opinion_writer', 0)} in all; {s.get('opinion_quoted', 0)} more inside quotes)",
    ]
    by_cat = s.get("opinion_writer_by_category") or {}
    if by_cat:
        lines.append("  - " + ", ".join(
            f"{escape_md(OPINION_CATEGORIES.get(c, c))}: {n}"
            for c, n in sorted(by_cat.items(), key=lambda kv: (-kv[1], kv[0]))))
    lines.append(f"- **Figures:** {s.get('figures', 0)}")
    lines.append("")
    speakers = s.get("speakers") or []
    if speakers:
        lines += ["### Who is quoted\n", "| Speaker | Official | Quotes | Words |",
                  "| --- | --- | ---: | ---: |"]
        for r in speakers:
            name = escape_md(r.get("name") or "no speaker found")
            lines.append(f"| {name} | {'yes' if r.get('official') else ''} | "
                         f"{r.get('quotes', 0)} | {r.get('words', 0)} |")
        lines.append("")
    return "\n".join(lines) + "\n"


_GROUPS = (("person", "People"), ("organization", "Organisations"), ("place", "Places"),
           ("group", "Groups"), ("other", "Other names"))


def _entities(a: Analysis) -> str:
    if not a.entities:
        return ""
    lines = ["## Names\n"]

    def row(e: Any, bold: bool) -> str:
        name = escape_md(e.name)
        role = ", ".join(escape_md(x) for x in (e.title, e.affiliation) if x)
        n = len(e.mentions)
        mentions = f" ({n} mention{'s' if n != 1 else ''})" if n else ""
        return f"- {'**' + name + '**' if bold else name}{' — ' + role if role else ''}{mentions}"

    officials = [e for e in a.entities if e.official]
    if officials:
        lines.append("### Officials\n")
        lines += [row(e, True) for e in sorted(officials, key=lambda e: -len(e.mentions))]
        lines.append("")
    for kind, heading in _GROUPS:
        group = [e for e in a.entities if e.type == kind and not e.official]
        if group:
            lines.append(f"### {heading}\n")
            lines += [row(e, False) for e in sorted(group, key=lambda e: (-len(e.mentions), e.name))]
            lines.append("")
    return "\n".join(lines) + "\n"


def _article(a: Analysis, items: list[Mark], footnotes: list[str]) -> str:
    text = a.text
    paras = paragraph_ranges(a)
    out: list[str] = []
    for (start, end), local in zip(paras, by_paragraph(items, paras)):
        out.append(_paragraph(text, start, end, local, footnotes))
        out.append("\n\n")
    return "".join(out)


def _paragraph(text: str, start: int, end: int, local: list[Mark], footnotes: list[str]) -> str:
    parts: list[str] = []
    code: Mark | None = None        # the figure whose code span is open
    code_text: list[str] = []
    emitted: set[int] = set()       # pieces whose opener was written (a closer needs one)
    for kind, x, y in sweep(text, start, end, local):
        if kind == "text":
            piece = text[x:y]
            if code is not None:
                code_text.append(piece)
            else:
                parts.append(escape_md(piece))
        elif kind == "open":
            m: Mark = x
            if code is not None:
                continue  # a code span cannot hold other marks
            if m.category == "figures":
                code, code_text = m, []
            else:
                parts.append(_OPEN[m.category])
                emitted.add(m.index)
        else:
            m = x
            if code is m:
                parts.append(_code("".join(code_text)))
                code = None
            elif m.index in emitted:
                parts.append(_CLOSE[m.category])
                emitted.discard(m.index)
                if m.category == "opinion" and y:
                    n = len(footnotes) + 1
                    parts.append(f"[^{n}]")
                    footnotes.append(f"[^{n}]: {escape_md(m.label)} — "
                                     f"“{escape_md(' '.join(text[m.start:m.end].split()))}”: "
                                     f"{escape_md(m.explanation)}"
                                     + (f" ({escape_md(m.notes)})" if m.notes else "") + "\n")
    body = _escape_line_starts("".join(parts))
    # Keep the article's line breaks inside a paragraph (a trailing backslash is a hard break).
    return re.sub(r"[ \t]*\n[ \t]*", "\\\\\n", body)
