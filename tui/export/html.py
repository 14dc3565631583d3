"""A standalone HTML report: the article with switchable highlights, names and numbers.

One file, no network: CSS and script are inline, fonts are the system's.  Everything that comes
from the article is escaped, and its control and bidi characters are shown as the visible
placeholders of `analyzers.text.terminal_safe` (a bidi override would reorder the page too).
"""

from __future__ import annotations

from html import escape
from typing import Any, Collection

from analyzers.model import OPINION_CATEGORIES, Analysis
from analyzers.text import terminal_safe

from ..categories import CATEGORIES, NAMES
from .marks import Mark, by_paragraph, marks, paragraph_ranges, sweep
from .style import CSS, SCRIPT

ENTITY_GROUPS = (
    ("person", "People"),
    ("organization", "Organisations"),
    ("place", "Places"),
    ("group", "Groups"),
    ("other", "Other names"),
)
CUES = {
    "quotes": "italic on blue",
    "officials": "bold, solid underline",
    "figures": "dashed box",
    "opinion": "wavy underline",
}


def _e(value: Any) -> str:
    return escape(terminal_safe(str(value)), quote=True)


def render_html(analysis: Analysis, *, notes: list[str] | None = None,
                hidden: Collection[str] = (), review: dict[str, Any] | None = None) -> str:
    items = marks(analysis)
    if review is not None:   # the reviewer's verdicts and added highlights (export/review.py)
        from .review import with_review

        items = with_review(items, review)
    stats = analysis.stats   # the engine's numbers, never recomputed here
    title = analysis.source.title or "Untitled article"
    counts = {c: sum(1 for m in items if m.category == c) for c in CATEGORIES}
    out: list[str] = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"generator\" content=\"slant\">\n",
        f"<title>{_e(title)} · slant report</title>\n<style>{CSS}{_review_css(review)}</style>\n"
        "</head>\n",
        "<body class=\"", " ".join(f"show-{c}" for c in CATEGORIES if c not in hidden),
        "\">\n",
        "<a class=\"skip\" href=\"#article\">Skip to the article</a>\n",
        "<header class=\"top\">\n", f"<h1>{_e(title)}</h1>\n", _meta(analysis),
    ]
    if notes:
        out.append("<ul class=\"notes\">" + "".join(f"<li>{_e(n)}</li>" for n in notes)
                   + "</ul>\n")
    out.append(_numbers(stats))
    out.append("</header>\n")
    out.append(_toggles(counts, hidden))
    out.append("<div class=\"layout\">\n<main id=\"article\" aria-label=\"Article\">\n")
    _article(analysis, items, out, hidden)
    out.append("</main>\n<aside aria-label=\"Summary and names\">\n")
    if review is not None:
        from .review import html_section

        out.append(html_section(review))
    out.append(_summary(stats))
    out.append(_entities(analysis))
    out.append("</aside>\n</div>\n")
    out.append("<div id=\"tip\" role=\"tooltip\" hidden></div>\n")
    out.append(
        "<footer>Made by slant. Highlights: "
        + "; ".join(f"{NAMES[c].lower()}: {CUES[c]}" for c in CATEGORIES)
        + ". Point at or tab to a highlight for the reason it is marked. "
        "These are automatic guesses and can be wrong.</footer>\n"
    )
    out.append(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")
    return "".join(out)


def _review_css(review: dict[str, Any] | None) -> str:
    if review is None:
        return ""
    from .review import CSS as REVIEW_CSS

    return REVIEW_CSS


def _meta(a: Analysis) -> str:
    bits = []
    if a.source.path:
        bits.append(f"Source: {_e(a.source.path)}")
    model = " ".join(x for x in (a.model.name, a.model.version) if x)
    mode = "rules only, no language model" if a.model.mode == "rules-only" else "full analysis"
    bits.append(f"Analysed by slant ({_e(model) + ', ' if model else ''}{mode})")
    return "<p class=\"meta\">" + " · ".join(bits) + "</p>\n"


def _pct(x: Any) -> str:
    return f"{100 * float(x or 0):.0f}%"


def _numbers(s: dict[str, Any]) -> str:
    officials = s.get("officials_quoted", 0)
    rows = [
        (f"{s.get('words', 0):,}", "words"),
        (_pct(s.get("quoted_share")), "quoted"),
        (officials, f"quote{'s' if officials != 1 else ''} from officials"),
        (s.get("others_quoted", 0), "from others"),
        (s.get("opinion_writer_per_100_words", 0), "opinion markers per 100 words"),
    ]
    return ("<ul class=\"numbers\" aria-label=\"Key numbers\">"
            + "".join(f"<li><b>{_e(v)}</b> {_e(k)}</li>" for v, k in rows) + "</ul>\n")


def _toggles(counts: dict[str, int], hidden: Collection[str]) -> str:
    parts = ["<nav class=\"toggles\" aria-label=\"Highlights\"><div class=\"inner\">",
             "<span class=\"label\">Show:</span>"]
    for c in CATEGORIES:
        parts.append(
            f"<label class=\"toggle t-{c}\"><input type=\"checkbox\" data-cat=\"{c}\" "
            f"id=\"toggle-{c}\"{'' if c in hidden else ' checked'}> "
            f"<span class=\"sample hl hl-{c}\">{NAMES[c]}"
            f"</span> <span class=\"count\">{counts[c]}</span></label>")
    parts.append("</div></nav>\n")
    return "".join(parts)


def _article(a: Analysis, items: list[Mark], out: list[str], hidden: Collection[str]) -> None:
    text = a.text
    paras = paragraph_ranges(a)
    tags: dict[int, str] = {}  # a mark's opening tag, built once even when it comes in pieces
    for (start, end), local in zip(paras, by_paragraph(items, paras)):
        out.append("<p>")
        for kind, x, y in sweep(text, start, end, local):
            if kind == "text":
                out.append(escape(terminal_safe(text[x:y]), quote=False))
            elif kind == "open":
                m: Mark = x
                tag = tags.get(m.index)
                if tag is None:
                    tag = tags[m.index] = _open_tag(m)
                if y:  # one tab stop per highlight, on its first piece
                    stop = "-1" if m.category in hidden else "0"
                    tag = f"{tag[:-1]} tabindex=\"{stop}\" data-first=\"\">"
                out.append(tag)
            else:
                out.append("</mark>")
        out.append("</p>\n")


def _open_tag(m: Mark) -> str:
    tip = f"{m.explanation} ({m.notes})" if m.notes else m.explanation
    neutral = f" data-neutral=\"{_e(m.neutral)}\"" if m.neutral is not None else ""
    cls = f" rv-{m.review}" if m.review else ""
    return (f"<mark class=\"hl hl-{m.category}{cls}\" data-cat=\"{m.category}\" "
            f"data-id=\"h{m.index}\" data-label=\"{_e(m.label)}\"{neutral} "
            f"data-tip=\"{_e(tip)}\" title=\"{_e(m.label)}: {_e(tip)}\">")


def _summary(s: dict[str, Any]) -> str:
    speech = s.get("speech_quotes", 0)
    attributed = s.get("attributed_quotes", 0)
    rows = [
        ("Words", f"{s.get('words', 0):,}"),
        ("Share of words quoted", _pct(s.get("quoted_share"))),
        ("Quotes (speech)", speech),
        ("… with a speaker", attributed),
        ("Quotes from officials", s.get("officials_quoted", 0)),
        ("Quotes from others", s.get("others_quoted", 0)),
        ("Quotes with no speaker", max(0, speech - attributed)),
        ("Figures", s.get("figures", 0)),
        ("Opinion markers, writer", s.get("opinion_writer", 0)),
        ("… per 100 words", s.get("opinion_writer_per_100_words", 0)),
        ("Opinion markers inside quotes", s.get("opinion_quoted", 0)),
    ]
    parts = ["<section aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">Summary</h2>",
             "<dl class=\"stats\">"]
    parts += [f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows]
    parts.append("</dl>")
    by_cat = s.get("opinion_writer_by_category") or {}
    if by_cat:
        parts.append("<h3>Writer's opinion markers</h3><ul>")
        for cat, n in sorted(by_cat.items(), key=lambda kv: (-kv[1], kv[0])):
            parts.append(f"<li>{_e(OPINION_CATEGORIES.get(cat, cat))}: {_e(n)}</li>")
        parts.append("</ul>")
    speakers = s.get("speakers") or []
    parts.append("<h3>Who is quoted</h3>")
    if speakers:
        parts.append("<table><thead><tr><th scope=\"col\">Speaker</th>"
                     "<th scope=\"col\" class=\"n\">Quotes</th>"
                     "<th scope=\"col\" class=\"n\">Words</th></tr></thead><tbody>")
        for r in speakers:
            name = _e(r.get("name") or "no speaker found")
            if r.get("official"):
                name = f"<b>{name}</b> <span class=\"role\">(official)</span>"
            parts.append(f"<tr><td>{name}</td><td class=\"n\">{_e(r.get('quotes', 0))}</td>"
                         f"<td class=\"n\">{_e(r.get('words', 0))}</td></tr>")
        parts.append("</tbody></table>")
    else:
        parts.append("<p>Nobody is quoted.</p>")
    parts.append("</section>\n")
    return "".join(parts)


def _entities(a: Analysis) -> str:
    parts = ["<section aria-labelledby=\"h-names\"><h2 id=\"h-names\">Names</h2>"]
    officials = [e for e in a.entities if e.official]
    if officials:
        parts.append("<h3>Officials</h3><ul>")
        for e in sorted(officials, key=lambda e: -len(e.mentions)):
            role = ", ".join(_e(x) for x in (e.title, e.affiliation) if x)
            parts.append(f"<li><b>{_e(e.name)}</b>"
                         + (f" <span class=\"role\">— {role}</span>" if role else "")
                         + _mentions(len(e.mentions)) + "</li>")
        parts.append("</ul>")
    for kind, heading in ENTITY_GROUPS:
        group = [e for e in a.entities if e.type == kind and not e.official]
        if not group:
            continue
        parts.append(f"<h3>{heading}</h3><ul>")
        for e in sorted(group, key=lambda e: (-len(e.mentions), e.name)):
            extra = ", ".join(_e(x) for x in (e.title, e.affiliation) if x)
            parts.append(f"<li>{_e(e.name)}"
                         + (f" <span class=\"role\">— {extra}</span>" if extra else "")
                         + _mentions(len(e.mentions)) + "</li>")
        parts.append("</ul>")
    if not a.entities:
        parts.append("<p>No names found.</p>")
    parts.append("</section>\n")
    return "".join(parts)


def _mentions(n: int) -> str:
    return f" <span class=\"role\">({n} mention{'s' if n != 1 else ''})</span>" if n else ""
