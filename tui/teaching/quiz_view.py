"""Spot the spin (`p` in the reader, `slant quiz FILE`): the article's own view with the
highlights hidden and a word cursor; the student marks words as quote, official, figure or
opinion, ends the round, and sees the score and the highlights, the missed ones emphasised.

Keyboard only: ← → (h l) move a word, ↑ ↓ (k j) a line, space/b a page; `v` starts a
selection that the moves extend; 1-4 mark; x unmarks; Enter ends the round; s saves the
score and marks as JSON (atomically, never over an existing file).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from analyzers.model import Analysis
from analyzers.text import paragraphs, terminal_safe

from ..categories import CATEGORIES, GLYPH, KEYS, NAMES, SINGULAR, STYLE_OF
from ..export import write_atomic
from ..files import fresh_path
from ..widgets.article import ArticleView, Target
from ..widgets.highlights import Highlight, Span, SpanIndex, build
from ..widgets.styles import layer_style
from .header import TeachHeader
from .quiz import RULE, Mark, Score, dumps, report, score, words
from .rewrite_view import TeachExplainLine


class QuizView(ArticleView):
    """The article view with a word cursor and a selection (while marking)."""

    BINDINGS = [
        Binding("right,l", "word(1)", "Next word", id="quiz.word-next", show=False,
                tooltip="Move the cursor one word on (v: extend the selection)"),
        Binding("left,h", "word(-1)", "Previous word", id="quiz.word-previous", show=False,
                tooltip="Move the cursor one word back"),
        Binding("v", "select", "Select", id="quiz.select",
                tooltip="Start a selection at the cursor; moves extend it; v again ends it"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marking = True
        self.words: list[tuple[int, int]] = []
        self.word_index = 0
        self.anchor: int | None = None   # the word where the selection started

    def set_words(self, spans: list[tuple[int, int]]) -> None:
        self.words = spans
        self.word_index = 0
        self.anchor = None
        self.show_cursor()

    @property
    def selection(self) -> tuple[int, int] | None:
        """(start, end) of the selected words, or of the word at the cursor."""
        if not self.words:
            return None
        a = self.word_index if self.anchor is None else self.anchor
        lo, hi = sorted((a, self.word_index))
        return self.words[lo][0], self.words[hi][1]

    def selected_words(self) -> int:
        if self.anchor is None:
            return 1 if self.words else 0
        return abs(self.anchor - self.word_index) + 1

    def show_cursor(self) -> None:
        span = self.selection
        if span is None or not self.marking:
            return
        ws, we = self.words[self.word_index]
        before = self._marked_lines()
        self._target = Target("word", span[0], span[1], self._highlight_at(ws),
                              self.word_index + 1, len(self.words), self._display[ws:we])
        self._set_cursor(self._layout.line_at(ws), jump=True)
        self._changed(before)

    # -- moves --------------------------------------------------------------------------------
    def action_word(self, delta: int) -> None:
        if not self.marking or not self.words:
            return
        self.word_index = max(0, min(len(self.words) - 1, self.word_index + delta))
        self.show_cursor()

    def action_select(self) -> None:
        if not self.marking:
            return
        self.anchor = self.word_index if self.anchor is None else None
        self.show_cursor()

    def clear_selection(self) -> bool:
        if self.anchor is None:
            return False
        self.anchor = None
        self.show_cursor()
        return True

    def _word_near(self, offset: int) -> int:
        """The index of the first word ending after `offset` (the last word at the end)."""
        for i, (s, e) in enumerate(self.words):
            if e > offset:
                return i
        return max(0, len(self.words) - 1)

    def _move(self, delta: int) -> None:
        if not self.marking or not self.words or not len(self._layout):
            super()._move(delta)
            return
        layout = self._layout
        ws = self.words[self.word_index][0]
        line = layout.line_at(ws)
        column = ws - layout.starts[line]
        target = line + delta
        while 0 <= target < len(layout) and layout.is_blank(target):
            target += delta
        if not 0 <= target < len(layout):
            return
        offset = layout.starts[target] + column
        i = self._word_near(min(offset, layout.ends[target] - 1))
        if layout.line_at(self.words[i][0]) > target:   # a short line: its last word
            i = max(0, i - 1)
        self.word_index = i
        self.show_cursor()

    def _page(self, direction: int) -> None:
        super()._page(direction)
        if self.marking and self.words and len(self._layout):
            self.word_index = self._word_near(self._layout.starts[self._cursor_line])
            self.show_cursor()

    def action_top(self) -> None:
        super().action_top()
        if self.marking and self.words:
            self.word_index = 0
            self.show_cursor()

    def action_bottom(self) -> None:
        super().action_bottom()
        if self.marking and self.words:
            self.word_index = len(self.words) - 1
            self.show_cursor()

    def on_click(self, event) -> None:   # keyboard only while marking: a click changes nothing
        if not self.marking:
            super().on_click(event)


class ScoreCard(Widget):
    """The round's score, per category, with glyphs and words as well as colour."""

    COMPONENT_CLASSES = {"score-card--badge", "score-card--muted", "score-card--good",
                         "score-card--bad", "score-card--quote", "score-card--official",
                         "score-card--figure", "score-card--opinion"}

    def __init__(self, result: Score, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.result = result
        self.plain = ""

    def _part(self, name: str):
        return layer_style(self, f"score-card--{name}")

    def render(self) -> RenderableType:
        r = self.result
        head = Text()
        head.append(" SCORE ", self._part("badge"))
        share = f" ({r.total_found / r.total:.0%})" if r.total else ""
        head.append(f" found {r.total_found} of {r.total}{share}", self._part("good"))
        head.append(f" · missed {r.total - r.total_found} · {r.total_extra} extra mark"
                    f"{'s' if r.total_extra != 1 else ''}")
        # two categories a row: the card stays short enough for 80x24
        table = Table.grid(padding=(0, 1))
        for _ in range(2):
            table.add_column(no_wrap=True)
            table.add_column(no_wrap=True)
        cells: list[Text] = []
        lines = [head.plain]
        for c in CATEGORIES:
            s = r.by_category[c]
            name = Text(f" {GLYPH[c]} {NAMES[c]} ", self._part(STYLE_OF[c]))
            numbers = Text()
            numbers.append(f"✓ {s.found} of {s.total}", self._part("good") if s.found else "")
            numbers.append("  ")
            numbers.append(f"▲ {s.missed}", self._part("bad") if s.missed else "")
            numbers.append(f"  + {s.extra}   ", self._part("muted"))
            cells += [name, numbers]
            lines.append(f"{name.plain} {numbers.plain}")
        table.add_row(*cells[:4])
        table.add_row(*cells[4:])
        rule = Text(f"Rule: {RULE}", self._part("muted"))
        legend = Text()
        legend.append("✓ found  ", self._part("good"))
        legend.append("▲ missed (marked in the text)", self._part("bad"))
        legend.append("  + extra (struck through)", self._part("muted"))
        lines += [rule.plain, legend.plain]
        self.plain = "\n".join(lines)
        return Group(head, table, rule, legend)


class QuizScreen(Screen[None]):
    BINDINGS = [
        *(Binding(KEYS[c], f"mark('{c}')", f"{SINGULAR[c]}", id=f"quiz.mark-{c}",
                  tooltip=f"Mark the word or selection as {NAMES[c].lower()} (again: unmark)")
          for c in CATEGORIES),
        Binding("x,delete,backspace", "unmark", "Unmark", id="quiz.unmark",
                tooltip="Remove the marks on the word or selection"),
        Binding("enter", "end_round", "End round", id="quiz.end",
                tooltip="Score the marks against slant's analysis and show the highlights"),
        Binding("escape", "clear", "Clear selection", id="quiz.clear", show=False,
                tooltip="Drop the selection"),
        Binding("right_square_bracket", "step(True)", "Next", id="quiz.next", key_display="]",
                tooltip="Next mark (after the round: next highlight or extra mark)"),
        Binding("left_square_bracket", "step(False)", "Previous", id="quiz.previous",
                key_display="[", show=False, tooltip="Previous mark or highlight"),
        Binding("s", "save", "Save score", id="quiz.save",
                tooltip="Save the score and the marks as JSON in the current folder"),
        Binding("q", "leave", "Leave quiz", id="quiz.leave",
                tooltip="Back to the reader (the marks are lost unless saved)"),
        Binding("ctrl+s", "screenshot", "Screenshot", show=False, id="quiz.screenshot"),
    ]

    def __init__(self, analysis: Analysis, *, stem: str, heading: bool = False,
                 save_path: str | None = None) -> None:
        super().__init__()
        self.analysis = analysis
        self.stem = stem
        self.heading = heading
        self.save_path = save_path
        self.marks: list[Mark] = []
        self.result: Score | None = None
        self.saved: Path | None = None

    def compose(self) -> ComposeResult:
        title = terminal_safe(self.analysis.source.title or self.stem)
        yield TeachHeader("SPOT THE SPIN", title, self._status(), id="quiz-head")
        yield QuizView(id="quiz-article")
        yield TeachExplainLine(id="quiz-explain")
        yield Footer()

    @property
    def view(self) -> QuizView:
        return self.query_one(QuizView)

    def on_mount(self) -> None:
        view = self.view
        text = self.analysis.text
        view.set_document(text, self.analysis.paragraphs or paragraphs(text),
                          heading=self.heading)
        view.set_enabled(set(CATEGORIES))
        view.on_change = self._explain
        view.focus()
        self.call_after_refresh(lambda: view.set_words(words(text)))
        self._redraw_marks()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        marking = self.result is None
        if action in ("mark", "unmark", "end_round", "clear"):
            return marking
        if action == "save":
            return not marking
        return True

    # -- marking ----------------------------------------------------------------------------
    def action_mark(self, category: str) -> None:
        span = self.view.selection
        if span is None or self.result is not None:
            return
        s, e = span
        mark = Mark(category, s, e)
        same = [m for m in self.marks if m.category == category and m.start < e and s < m.end]
        self.marks = [m for m in self.marks if m not in same]
        if same != [mark]:            # marking the same words again unmarks them
            self.marks.append(mark)
        self.view.anchor = None
        self._redraw_marks()

    def action_unmark(self) -> None:
        span = self.view.selection
        if span is None:
            return
        s, e = span
        self.marks = [m for m in self.marks if not (m.start < e and s < m.end)]
        self.view.anchor = None
        self._redraw_marks()

    def action_clear(self) -> None:
        self.view.clear_selection()

    def _redraw_marks(self) -> None:
        text = self.analysis.text
        found: dict[str, list[Highlight]] = {c: [] for c in CATEGORIES}
        for m in self.marks:
            found[m.category].append(Highlight(
                m.category, m.start, m.end, STYLE_OF[m.category],
                f"your mark: {NAMES[m.category].lower()}",
                f"“{terminal_safe(' '.join(text[m.start:m.end].split()))}”"))
        self.view.set_highlights({c: SpanIndex(found[c]) for c in CATEGORIES})
        self.view.show_cursor()
        self.query_one(TeachHeader).set_status(self._status())

    def _status(self) -> str:
        if self.result is None:
            counts = "  ".join(f"{GLYPH[c]} {sum(m.category == c for m in self.marks)}"
                               for c in CATEGORIES)
            return f"Highlights hidden · your marks {counts} · Rule: {RULE}"
        return ("Round over: slant's highlights are shown, ▲ the missed ones marked · ] [ step "
                "through them · s saves · q leaves")

    def _explain(self) -> None:
        view = self.view
        explain = self.query_one(TeachExplainLine)
        if self.result is not None:
            explain.show_target(view.target, line=view.cursor_line, lines=len(view.layout))
            return
        if not view.words:
            explain.show_message("This article has no words to mark.")
            return
        t = view.target
        word = t.label if t is not None else ""
        n = view.selected_words()
        head = (f"✎ word {view.word_index + 1} of {len(view.words)}: “{terminal_safe(word)}”"
                + (f" · selection of {n} words (v ends it)" if view.anchor is not None else ""))
        marked = [m.category for m in self.marks if t is not None and m.start < t.end
                  and t.start < m.end]
        if marked:
            head += " · marked: " + ", ".join(f"{GLYPH[c]} {SINGULAR[c].lower()}"
                                              for c in dict.fromkeys(marked))
        keys = " · ".join(f"{KEYS[c]} {SINGULAR[c].lower()}" for c in CATEGORIES)
        explain.show_message(head, f"Mark it: {keys} · ← → words · v select · x unmark · "
                                   "Enter ends the round")

    # -- the round's end ------------------------------------------------------------------------
    async def action_end_round(self) -> None:
        if self.result is not None:
            return
        self.result = score(self.analysis, self.marks)
        view = self.view
        view.marking = False
        view.anchor = None
        view.set_highlights(reveal(self.analysis, self.result))
        # the misses keep their category's look, with the emphasis drawn on top
        view.select_mentions("missed", "missed", [Span(s, e) for _, s, e in self.result.missed])
        await self.mount(ScoreCard(self.result, id="score-card"),
                         after=self.query_one(TeachExplainLine))
        self.query_one(TeachHeader).set_status(self._status())
        self.refresh_bindings()
        view.next_highlight(True)

    def action_step(self, forward: bool) -> None:
        self.view.next_highlight(forward)

    def action_save(self) -> None:
        if self.result is None:
            return
        data = dumps(report(self.analysis, self.marks, self.result))
        if self.save_path:
            wanted = Path(self.save_path)
        else:
            wanted = Path.cwd() / f"{self.stem}-quiz.json"
        path = fresh_path(wanted.parent, wanted.stem, wanted.suffix or ".json")
        try:
            write_atomic(path, data, overwrite=False)
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror or exc}", severity="error")
            return
        self.saved = path
        self.notify(f"Score and marks saved to {path}", title="Spot the spin")

    def action_screenshot(self) -> None:
        self.app.action_screenshot()

    def action_leave(self) -> None:
        self.dismiss()


def reveal(analysis: Analysis, result: Score) -> dict[str, SpanIndex[Highlight]]:
    """Every highlight of the analysis, the missed ones restyled to stand out, and the
    student's extra marks, struck through."""
    missed = set(result.missed)
    out = {}
    text = analysis.text
    for c, index in build(analysis).items():
        items = []
        for h in index:
            if (c, h.start, h.end) in missed:
                # an inverted style (the writer's opinion) would swap the emphasis into the
                # text's colour and lose it: such a miss is drawn in the miss's own style
                style = "missed" if h.style == STYLE_OF["opinion"] else h.style
                h = replace(h, style=style, what=f"▲ MISSED — {h.what}")
            else:
                h = replace(h, what=f"✓ found — {h.what}")
            items.append(h)
        for m in result.extra:
            if m.category == c:
                words_ = terminal_safe(" ".join(text[m.start:m.end].split()))
                items.append(Highlight(c, m.start, m.end, "extra",
                                       f"+ extra mark — your {SINGULAR[c].lower()}, not in "
                                       "slant's analysis",
                                       f"“{words_}” · slant did not highlight it; it may "
                                       "still be worth discussing."))
        out[c] = SpanIndex(items)
    return out
