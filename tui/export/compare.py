"""The comparison of two articles (`slant.compare/1`) for people: rows grouped in sections
(the reader's compare panel shows the same ones), and the Markdown and HTML reports.

    sections(comparison) -> [Section]          # what the panel lists and the reports print
    render_compare(comparison, "md" | "html") -> str

Pure Python (no Textual), like the other renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from analyzers.text import terminal_safe

from analyzers.compare import NO_SHARED_STORY

from .markdown import escape_md
from .style import CSS

Span = tuple[int, int]


@dataclass(frozen=True)
class Row:
    """One line of the comparison: what A has, what B has, a note; where each is."""

    a: str
    b: str
    note: str = ""
    a_spans: tuple[Span, ...] = ()
    b_spans: tuple[Span, ...] = ()
    short: str = ""          # one line for the reader's narrow panel (else "a ↔ b · note")

    @property
    def key(self) -> str:
        return f"{self.a}|{self.b}|{self.note}|{self.a_spans[:1]}|{self.b_spans[:1]}"


@dataclass
class Section:
    id: str
    title: str
    rows: list[Row] = field(default_factory=list)
    empty: str = "none"


def _clip(text: str, n: int = 60) -> str:
    text = " ".join(terminal_safe(text).split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _spans(*spans: Any) -> tuple[Span, ...]:
    return tuple((int(s[0]), int(s[1])) for s in spans if s)


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _cut(q: dict[str, Any]) -> str:
    cut = {"same": "same words", "a_longer": "B quotes less of it",
           "b_longer": "A quotes less of it",
           "different": "cut differently"}[q["cut"]]
    if q["same_speaker"] is False:
        cut += f"; given to {q['a']['speaker']} in A, {q['b']['speaker']} in B"
    elif q["same_speaker"] is None:
        cut += "; a speaker in one only"
    return cut


def _quote_short(q: dict[str, Any]) -> str:
    who_a, who_b = q["a"]["speaker"] or "?", q["b"]["speaker"] or "?"
    who = _last(who_a) if q["same_speaker"] else f"{_last(who_a)}≠{_last(who_b)}"
    cut = {"same": "same", "a_longer": "B cuts", "b_longer": "A cuts",
           "different": "cut apart"}[q["cut"]]
    return f"{who} · {cut}, {q['a']['words']}→{q['b']['words']} words"


def _last(name: str) -> str:
    return terminal_safe(name.split()[-1]) if name.split() else "?"


def _speaker_cell(s: dict[str, Any]) -> str:
    q = s["quotes"]
    return f"{q} quote{'' if q == 1 else 's'} · {s['words']} words"


def _figure_cell(f: dict[str, Any]) -> str:
    return _clip(f["text"], 30)


def sections(c: dict[str, Any]) -> list[Section]:
    """The comparison as sections of rows, in the order the panel and reports show them."""
    out: list[Section] = []
    shared = c["story"]["shared"]
    short = (f"{len(c['paragraphs'])} paragraphs, {len(c['quotes'])} quotes shared" if shared
             else NO_SHARED_STORY)
    story = Section("story", "Story", [Row(_clip(c["story"]["note"], 200), "", short=short)])
    out.append(story)

    ca, cb = c["scorecard"]["a"], c["scorecard"]["b"]
    card = Section("scorecard", "Scorecard")
    # (note for the reports, short note for the panel)
    card.rows += [
        Row(f"{ca['words']:,}", f"{cb['words']:,}", "words", short="words"),
        Row(f"{ca['opinion_writer_per_100_words']:.1f}",
            f"{cb['opinion_writer_per_100_words']:.1f}",
            "writer's opinion markers per 100 words", short="opinion /100w"),
        Row(str(ca["opinion_writer"]), str(cb["opinion_writer"]), "writer's opinion markers",
            short="opinion marks"),
        Row(_pct(ca["quoted_share"]), _pct(cb["quoted_share"]), "share of words in quotes",
            short="words quoted"),
        Row(str(ca["quotes"]), str(cb["quotes"]), "quotes", short="quotes"),
        Row(str(ca["named_sources"]), str(cb["named_sources"]), "named sources",
            short="named sources"),
        Row(str(ca["anonymous_sources"]), str(cb["anonymous_sources"]), "anonymous sources",
            short="anonymous"),
    ]
    out.append(card)
    if not c["story"]["shared"]:
        return out

    sp = c["speakers"]
    who = Section("speakers", "Who is quoted")
    for s in sp["both"]:
        name = _clip(s["name"], 30)
        who.rows.append(Row(_speaker_cell(s["a"]), _speaker_cell(s["b"]),
                            f"{name}: quoted by both",
                            _spans(*s["a"]["spans"]), _spans(*s["b"]["spans"]),
                            f"{name} · A {s['a']['words']}w ↔ B {s['b']['words']}w"))
    for s in sp["only_a"]:
        name = _clip(s["name"], 30)
        who.rows.append(Row(_speaker_cell(s), "—", f"{name}: only in A",
                            _spans(*s["spans"]), (), f"{name} · only A, {s['words']}w"))
    for s in sp["only_b"]:
        name = _clip(s["name"], 30)
        who.rows.append(Row("—", _speaker_cell(s), f"{name}: only in B",
                            (), _spans(*s["spans"]), f"{name} · only B, {s['words']}w"))
    out.append(who)

    words = Section("wording", "Word choices")
    for p in c["wording"]["pairs"]:
        words.rows.append(Row(_clip(p["a"]["text"], 30), _clip(p["b"]["text"], 30),
                              f"same thing, other words ({p['how']})",
                              _spans(p["a"]["span"]), _spans(p["b"]["span"]),
                              f"{_clip(p['a']['text'], 20)} ↔ {_clip(p['b']['text'], 20)}"))
    for cat in c["wording"]["by_category"]:
        for w in cat["only_a"]:
            words.rows.append(Row(_clip(w["text"], 30), "—", f"{cat['name']}: only in A",
                                  _spans(*w["spans"]), (),
                                  f"A {_clip(w['text'], 24)} · {cat['name']}"))
        for w in cat["only_b"]:
            words.rows.append(Row("—", _clip(w["text"], 30), f"{cat['name']}: only in B", (),
                                  _spans(*w["spans"]),
                                  f"B {_clip(w['text'], 24)} · {cat['name']}"))
    out.append(words)

    quotes = Section("quotes", "Shared quotes")
    for q in c["quotes"]:
        quotes.rows.append(Row(f"{_clip(q['a']['text'], 50)} ({q['a']['words']} words)",
                               f"{_clip(q['b']['text'], 50)} ({q['b']['words']} words)",
                               _cut(q), _spans(q["a"]["span"]), _spans(q["b"]["span"]),
                               _quote_short(q)))
    out.append(quotes)

    fig = c["figures"]
    figures = Section("figures", "Figures")
    for f in fig["disputed"]:
        figures.rows.append(Row(_figure_cell(f["a"]), _figure_cell(f["b"]),
                                f"disagree: {_figure_cell(f['a'])} in A, "
                                f"{_figure_cell(f['b'])} in B ({f['kind']}: "
                                f"{', '.join(f['about'][:4])})",
                                _spans(f["a"]["span"]), _spans(f["b"]["span"]),
                                f"≠ {_figure_cell(f['a'])} ↔ {_figure_cell(f['b'])}"))
    for f in fig["agreed"]:
        figures.rows.append(Row(_figure_cell(f["a"]), _figure_cell(f["b"]),
                                f"agree ({f['kind']}: {', '.join(f['about'][:4])})",
                                _spans(f["a"]["span"]), _spans(f["b"]["span"]),
                                f"= {_figure_cell(f['a'])} ↔ {_figure_cell(f['b'])}"))
    for f in fig["only_a"]:
        figures.rows.append(Row(_figure_cell(f), "—", f"only in A ({f['kind']})",
                                _spans(f["span"]), (), f"A {_figure_cell(f)} · {f['kind']}"))
    for f in fig["only_b"]:
        figures.rows.append(Row("—", _figure_cell(f), f"only in B ({f['kind']})", (),
                                _spans(f["span"]), f"B {_figure_cell(f)} · {f['kind']}"))
    out.append(figures)

    paras = Section("paragraphs", "Matching paragraphs")
    for m in c["paragraphs"]:
        paras.rows.append(Row(f"¶ {m['a'] + 1}", f"¶ {m['b'] + 1}",
                              "share " + ", ".join(m["why"]),
                              _spans(m["a_span"]), _spans(m["b_span"]),
                              f"A ¶{m['a'] + 1} ↔ B ¶{m['b'] + 1} · " + ", ".join(m["why"])))
    out.append(paras)
    return out


def _title(c: dict[str, Any], side: str) -> str:
    src = c[side]["source"]
    return terminal_safe(src.get("title") or src.get("path") or "standard input")


# -- Markdown -------------------------------------------------------------------------------
def render_markdown(c: dict[str, Any]) -> str:
    lines = [f"# Comparison: {escape_md(_title(c, 'a'))} / {escape_md(_title(c, 'b'))}", "",
             f"- **A**: {escape_md(_title(c, 'a'))} ({c['a']['words']:,} words)",
             f"- **B**: {escape_md(_title(c, 'b'))} ({c['b']['words']:,} words)", ""]
    for sec in sections(c):
        lines += [f"## {sec.title}", ""]
        if sec.id == "story":
            lines += [escape_md(sec.rows[0].a), ""]
            continue
        if not sec.rows:
            lines += [f"_{sec.empty}_", ""]
            continue
        lines += ["| A | B | |", "| --- | --- | --- |"]
        for r in sec.rows:
            lines.append(f"| {escape_md(r.a)} | {escape_md(r.b)} | {escape_md(r.note)} |")
        lines.append("")
    lines.append("Made by slant: automatic guesses, which can be wrong. "
                 "Schema of the JSON form: slant.compare/1.")
    return "\n".join(lines) + "\n"


# -- HTML -----------------------------------------------------------------------------------
def _e(text: str) -> str:
    return escape(terminal_safe(text), quote=True)


def render_html(c: dict[str, Any]) -> str:
    ta, tb = _title(c, "a"), _title(c, "b")
    out = ["<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
           "<meta name=\"generator\" content=\"slant\">\n",
           f"<title>{_e(ta)} / {_e(tb)} · slant comparison</title>\n",
           f"<style>{CSS}\ntable.cmp {{ border-collapse: collapse; width: 100%; }}\n"
           "table.cmp td, table.cmp th { border-bottom: 1px solid var(--line); "
           "padding: .3em .5em; text-align: left; vertical-align: top; }\n"
           "main.cmp { max-width: 70rem; margin: 0 auto; padding: 1rem; }</style>\n",
           "</head>\n<body>\n<main class=\"cmp\">\n",
           f"<h1>Comparison</h1>\n<p><b>A</b>: {_e(ta)} ({c['a']['words']:,} words)<br>"
           f"<b>B</b>: {_e(tb)} ({c['b']['words']:,} words)</p>\n"]
    for sec in sections(c):
        out.append(f"<section id=\"{sec.id}\">\n<h2>{_e(sec.title)}</h2>\n")
        if sec.id == "story":
            out.append(f"<p>{_e(sec.rows[0].a)}</p>\n</section>\n")
            continue
        if not sec.rows:
            out.append(f"<p><i>{_e(sec.empty)}</i></p>\n</section>\n")
            continue
        out.append("<table class=\"cmp\"><thead><tr><th>A</th><th>B</th><th></th></tr>"
                   "</thead><tbody>\n")
        for r in sec.rows:
            out.append(f"<tr><td>{_e(r.a)}</td><td>{_e(r.b)}</td><td>{_e(r.note)}</td></tr>\n")
        out.append("</tbody></table>\n</section>\n")
    out.append("<footer>Made by slant. These are automatic guesses and can be wrong."
               "</footer>\n</main>\n</body>\n</html>\n")
    return "".join(out)


def render_compare(c: dict[str, Any], fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt in ("md", "markdown"):
        return render_markdown(c)
    if fmt in ("html", "htm"):
        return render_html(c)
    raise ValueError(f"unknown report format {fmt!r}; use md or html")
