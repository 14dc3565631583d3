"""`slant analyze --format text`: the article with highlights, printed with Rich.

Every category has a colour *and* a non-colour cue (italic, bold, underline, reverse) so the
output still reads under NO_COLOR or in monochrome.  What comes from the article goes through
`terminal_safe` (one visible code point for each control or bidi character, so the highlight
offsets still hold) and into `Text` objects, never Rich markup.
"""

from __future__ import annotations

import io
import os
import re

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from analyzers.model import Analysis, opinion_notes
from analyzers.text import terminal_safe

STYLES = {
    "quotes": "italic cyan",
    "officials": "bold magenta",
    "figures": "underline green",
    "opinion": "reverse yellow",
    "opinion_quoted": "underline yellow",
}
LEGEND = (
    ("quotes", "quote", "italic"),
    ("officials", "named official", "bold"),
    ("figures", "figure", "underline"),
    ("opinion", "opinion, writer's voice", "reverse"),
    ("opinion_quoted", "opinion inside a quote", "underline"),
)


def highlighted(a: Analysis) -> Text:
    text = Text()
    for i, (start, end) in enumerate(a.paragraphs):
        if i:
            text.append("\n\n")
        para = Text(terminal_safe(a.text[start:end]))
        for q in a.quotes:
            _stylize(para, q.start, q.end, start, end, STYLES["quotes"])
        for e in a.entities:
            if e.official:
                for s, t in e.mentions:
                    _stylize(para, s, t, start, end, STYLES["officials"])
        for f in a.figures:
            _stylize(para, f.start, f.end, start, end, STYLES["figures"])
        for o in a.opinion:
            style = STYLES["opinion_quoted" if o.in_quote else "opinion"]
            _stylize(para, o.start, o.end, start, end, style)
        text.append_text(para)
    return text


def _stylize(para: Text, s: int, e: int, p_start: int, p_end: int, style: str) -> None:
    s, e = max(s, p_start), min(e, p_end)
    if s < e:
        para.stylize(style, s - p_start, e - p_start)


def summary(a: Analysis) -> Table:
    st = a.stats   # the engine's numbers, never recomputed here
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("words", f"{st.get('words', 0):,}")
    table.add_row("in quotes", f"{100 * st.get('quoted_share', 0):.0f}% of words")
    table.add_row("quotes", f"{st.get('quotes', 0)}  (officials {st.get('officials_quoted', 0)}, "
                            f"others {st.get('others_quoted', 0)})")
    table.add_row("officials", _plain(", ".join(
        f"{e.name} ({e.title})" if e.title else e.name for e in a.entities if e.official) or "-"))
    table.add_row("figures", str(st.get("figures", 0)))
    table.add_row("opinion", f"{st.get('opinion_writer', 0)} in the writer's voice "
                             f"({st.get('opinion_writer_per_100_words', 0)} per 100 words), "
                             f"{st.get('opinion_quoted', 0)} in quotes")
    speakers = [f"{r['name'] or 'unattributed'} {r['quotes']}" for r in st.get("speakers", [])]
    if speakers:
        table.add_row("quoted", _plain(", ".join(speakers)))
    return table


def _plain(value: str) -> Text:
    """Words from the article for a table cell: shown as written, never read as markup."""
    return Text(terminal_safe(value))


def legend() -> Text:
    out = Text("key: ")
    for i, (key, label, cue) in enumerate(LEGEND):
        if i:
            out.append("  ")
        out.append(label, style=STYLES[key])
        out.append(f" ({cue})", style="dim")
    return out


def opinion_list(a: Analysis) -> Text:
    """One line per opinion span: the words, the explanation, then the neutral wording and
    the list it came from."""
    out = Text()
    for o in a.opinion:
        if out:
            out.append("\n")
        out.append(" ".join(o.text.split()), style=STYLES["opinion_quoted" if o.in_quote
                                                           else "opinion"])
        out.append(f"  {' '.join(o.explanation.split())}")
        notes = opinion_notes(o)
        if notes:
            out.append(f" · {notes}", style="dim")
    return out


def renderable(a: Analysis) -> Group:
    parts = []
    title = a.source.title or a.source.path or "article"
    parts.append(Text(terminal_safe(title), style="bold"))
    if a.model.mode != "full":
        parts.append(Text("rule-only mode: no spaCy pipeline; results are rougher", style="dim"))
    parts.append(legend())
    parts.append(Rule())
    parts.append(highlighted(a))
    parts.append(Rule())
    if a.opinion:
        parts.append(opinion_list(a))
        parts.append(Rule())
    parts.append(Padding(summary(a), (0, 0)))
    return Group(*parts)


def print_analysis(a: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    console.print(renderable(a), soft_wrap=False)


def render_plain(a: Analysis, width: int = 100, *, no_color: bool | None = None) -> str:
    """The same output as text (ANSI styles included) for a file or a pipe (`less -R`).
    `no_color` (default: $NO_COLOR set) drops the colours; bold, italic, underline and
    reverse stay, so each category still has its cue."""
    if no_color is None:
        no_color = bool(os.environ.get("NO_COLOR"))
    console = Console(width=width, record=True, file=io.StringIO(),
                      force_terminal=True, color_system="standard", no_color=no_color)
    console.print(renderable(a))
    out = console.export_text(styles=True)
    if no_color:   # the recorded export keeps colours that the live output would drop
        out = _COLOUR_CODES.sub(_keep_attributes, out)
    return out


_COLOUR_CODES = re.compile(r"\x1b\[([0-9;]*)m")


def _keep_attributes(m: "re.Match[str]") -> str:
    codes = [c for c in m.group(1).split(";") if c and not (30 <= int(c) <= 49 or 90 <= int(c) <= 107)]
    return f"\x1b[{';'.join(codes)}m" if codes or not m.group(1) else ""
