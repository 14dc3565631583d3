"""The review in the reports: the verdicts, notes and added highlights on the article's marks
(HTML: struck, outlined, ticked), and a Review section (HTML and Markdown) with the
checklist and its ticks, the source scorecard and what could not be found again.

`review` here is the dict `analyzers.review.report()` makes (schema `slant.review/1` with its
`checklist`, `scorecard` and `summary`).  Pure Python, no Textual.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from analyzers.review import GROUP_NAMES, GROUPS, RULES
from analyzers.text import terminal_safe

from ..categories import NAMES, SINGULAR
from .marks import Mark

CSS = """
.hl.rv-rejected { text-decoration: line-through 2px; opacity: .7; }
.hl.rv-added { outline: 2px dashed currentColor; outline-offset: 1px; }
.hl.rv-accepted::after { content: "✓"; font-size: .75em; vertical-align: super; }
.review ul.checklist { list-style: none; padding-left: 0; }
.review ul.checklist li { margin: .3em 0; }
.review .done { color: var(--muted, #666); text-decoration: line-through; }
.review .lost { font-style: italic; }
.review table { width: 100%; }
"""
VERDICT_WORDS = {"accept": "accepted", "reject": "rejected", None: "note only"}


def _e(value: Any) -> str:
    return escape(terminal_safe(str(value)), quote=True)


def _words(text: str) -> str:
    return " ".join(text.split())


def with_review(items: list[Mark], review: dict[str, Any]) -> list[Mark]:
    """`items` with the review's verdicts on them and its added highlights among them."""
    verdicts = {(v["category"], v["start"], v["end"]): v for v in review["verdicts"]
                if v.get("attached", True)}
    out = []
    for m in items:
        v = verdicts.get((m.category, m.start, m.end))
        if v is not None:
            note = f" Reviewer's note: {v['note']}" if v.get("note") else ""
            word = VERDICT_WORDS[v.get("verdict")]
            m = replace(m, review={"accept": "accepted", "reject": "rejected"}.get(
                            v.get("verdict"), ""),
                        explanation=f"{m.explanation} [{word} by the reviewer]{note}")
        out.append(m)
    n = len(items)
    for a in review["added"]:
        if not a.get("attached", True):
            continue
        note = f" Reviewer's note: {a['note']}" if a.get("note") else ""
        out.append(Mark(a["category"], a["start"], a["end"],
                        f"{SINGULAR[a['category']]} (added by the reviewer)",
                        "Marked by the reviewer; slant did not find it." + note, n,
                        review="added"))
        n += 1
    out.sort(key=lambda m: m.order)
    return out


def html_section(review: dict[str, Any]) -> str:
    s = review["summary"]
    parts = ["<section class=\"review\" aria-labelledby=\"h-review\">",
             "<h2 id=\"h-review\">Review</h2>",
             f"<p>{s['accepted']} accepted · {s['rejected']} rejected · {s['added']} added · "
             f"{s['notes']} notes · checklist {s['checklist_ticked']} of {s['checklist']} "
             "checked</p>"]
    parts.append("<h3>Verification checklist</h3><ul class=\"checklist\">")
    for c in review["checklist"]:
        box = "☑" if c["ticked"] else "☐"
        cls = " class=\"done\"" if c["ticked"] else ""
        parts.append(f"<li><span aria-label=\"{'checked' if c['ticked'] else 'to check'}\">"
                     f"{box}</span> <b{cls}>{_e(RULES.get(c['rule'], c['rule']))}</b>: "
                     f"“{_e(_words(c['text'])[:160])}” <span class=\"role\">"
                     f"{_e(c['message'])}</span></li>")
    if not review["checklist"]:
        parts.append("<li>Nothing to check.</li>")
    parts.append("</ul>")
    verdicts = [v for v in review["verdicts"] if v.get("attached", True)]
    if verdicts:
        parts.append("<h3>Verdicts and notes</h3><table><thead><tr><th scope=\"col\">"
                     "Highlight</th><th scope=\"col\">Verdict</th><th scope=\"col\">Note</th>"
                     "</tr></thead><tbody>")
        for v in sorted(verdicts, key=lambda v: v["start"]):
            parts.append(f"<tr><td>{_e(SINGULAR[v['category']])}: “{_e(_words(v['text']))}”"
                         f"</td><td>{_e(VERDICT_WORDS[v.get('verdict')])}</td>"
                         f"<td>{_e(v.get('note') or '')}</td></tr>")
        parts.append("</tbody></table>")
    added = [a for a in review["added"] if a.get("attached", True)]
    if added:
        parts.append("<h3>Added by the reviewer</h3><ul>")
        for a in sorted(added, key=lambda a: a["start"]):
            note = f" — {_e(a['note'])}" if a.get("note") else ""
            parts.append(f"<li>{_e(SINGULAR[a['category']])}: “{_e(_words(a['text']))}”"
                         f"{note}</li>")
        parts.append("</ul>")
    lost = _lost(review)
    if lost:
        parts.append("<h3>Not found in this analysis (kept)</h3><ul class=\"lost\">")
        parts += [f"<li>{_e(line)}</li>" for line in lost]
        parts.append("</ul>")
    parts.append(_scorecard_html(review["scorecard"]))
    parts.append("</section>\n")
    return "".join(parts)


def _lost(review: dict[str, Any]) -> list[str]:
    out = []
    for group, what in (("verdicts", "verdict"), ("added", "added highlight"),
                        ("ticks", "checked item")):
        for x in review[group]:
            if not x.get("attached", True):
                kind = NAMES.get(x.get("category"), RULES.get(x.get("rule"), ""))
                extra = f" ({VERDICT_WORDS[x.get('verdict')]})" if group == "verdicts" else ""
                note = f", note: {x['note']}" if x.get("note") else ""
                out.append(f"{what}{extra}, {kind}: “{_words(x['text'])}”{note}")
    return out


def _scorecard_html(card: dict[str, Any]) -> str:
    parts = ["<h3>Source scorecard</h3>", "<dl class=\"stats\">",
             f"<dt>Distinct voices</dt><dd>{card['distinct_voices']}</dd>"]
    for g in GROUPS:
        parts.append(f"<dt>Quoted words: {_e(GROUP_NAMES[g])}</dt>"
                     f"<dd>{100 * card['share'][g]:.0f}%</dd>")
    for key, label in (("first_word", "First word"), ("last_word", "Last word")):
        who = card.get(key)
        parts.append(f"<dt>{label}</dt><dd>{_e(who['name']) if who else '-'}</dd>")
    parts.append("</dl>")
    if card["voices"]:
        parts.append("<table><thead><tr><th scope=\"col\">Voice</th><th scope=\"col\">Group"
                     "</th><th scope=\"col\" class=\"n\">Quotes</th><th scope=\"col\" "
                     "class=\"n\">Words</th></tr></thead><tbody>")
        for v in card["voices"]:
            parts.append(f"<tr><td>{_e(v['name'])}</td><td>{_e(GROUP_NAMES[v['group']])}</td>"
                         f"<td class=\"n\">{v['quotes']}</td><td class=\"n\">{v['words']}"
                         "</td></tr>")
        parts.append("</tbody></table>")
    return "".join(parts)


# -- Markdown --------------------------------------------------------------------------------
def markdown_section(review: dict[str, Any], *, level: int = 2) -> str:
    from .markdown import escape_md

    h = "#" * level
    s = review["summary"]
    out = [f"{h} Review", "",
           f"{s['accepted']} accepted · {s['rejected']} rejected · {s['added']} added · "
           f"{s['notes']} notes · checklist {s['checklist_ticked']} of {s['checklist']} checked",
           "", f"{h}# Verification checklist", ""]
    for c in review["checklist"]:
        box = "[x]" if c["ticked"] else "[ ]"
        out.append(f"- {box} **{escape_md(RULES.get(c['rule'], c['rule']))}**: "
                   f"“{escape_md(_words(c['text'])[:160])}” — {escape_md(c['message'])}")
    if not review["checklist"]:
        out.append("Nothing to check.")
    verdicts = [v for v in review["verdicts"] if v.get("attached", True)]
    if verdicts:
        out += ["", f"{h}# Verdicts and notes", "", "| highlight | verdict | note |",
                "| --- | --- | --- |"]
        for v in sorted(verdicts, key=lambda v: v["start"]):
            out.append(f"| {SINGULAR[v['category']]}: “{escape_md(_words(v['text']))}” | "
                       f"{VERDICT_WORDS[v.get('verdict')]} | {escape_md(v.get('note') or '')} |")
    added = [a for a in review["added"] if a.get("attached", True)]
    if added:
        out += ["", f"{h}# Added by the reviewer", ""]
        for a in sorted(added, key=lambda a: a["start"]):
            note = f" — {escape_md(a['note'])}" if a.get("note") else ""
            out.append(f"- {SINGULAR[a['category']]}: “{escape_md(_words(a['text']))}”{note}")
    lost = _lost(review)
    if lost:
        out += ["", f"{h}# Not found in this analysis (kept)", ""]
        out += [f"- {escape_md(line)}" for line in lost]
    card = review["scorecard"]
    out += ["", f"{h}# Source scorecard", "",
            f"Distinct voices: {card['distinct_voices']} · first word: "
            f"{escape_md(card['first_word']['name']) if card['first_word'] else '-'} · "
            f"last word: {escape_md(card['last_word']['name']) if card['last_word'] else '-'}",
            "", "Share of quoted words: " + " · ".join(
                f"{GROUP_NAMES[g]} {100 * card['share'][g]:.0f}%" for g in GROUPS)]
    if card["voices"]:
        out += ["", "| voice | group | quotes | words |", "| --- | --- | ---: | ---: |"]
        out += [f"| {escape_md(v['name'])} | {GROUP_NAMES[v['group']]} | {v['quotes']} | "
                f"{v['words']} |" for v in card["voices"]]
    return "\n".join(out) + "\n"


def markdown_review(review: dict[str, Any]) -> str:
    """`slant review FILE --format md`: the review on its own."""
    from .markdown import escape_md

    art = review["article"]
    title = art.get("title") or art.get("path") or "Untitled article"
    head = [f"# Review: {escape_md(title)}", ""]
    if art.get("path"):
        head += [f"Source: {escape_md(art['path'])} · article sha256 {art['sha256'][:12]}…"
                 + (f" · updated {review['updated']}" if review.get("updated") else ""), ""]
    return "\n".join(head) + markdown_section(review, level=1).split("\n", 1)[1].lstrip("\n")
