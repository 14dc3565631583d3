"""The review keys of the reader: accept, reject or annotate the highlight under the cursor,
add one slant missed (`v`, move to select words, then its category key), undo and redo,
hide the reviewed highlights, start over; the Checklist tab and the review's part of the
summary.  Every change is saved at once (`session.py`); when it cannot be, the reader says
so once, keeps the review in memory and tries again.

`ReviewMixin` is one part of `SlantApp` (before `ActionsMixin` and `LoadingMixin`, whose
`action_toggle`, `_apply` and `_refresh_explain` it extends).
"""

from __future__ import annotations

import re
from typing import Any

from textual.binding import Binding
from textual.timer import Timer

from analyzers.model import Analysis, iter_spans
from analyzers.review import RULES, checklist, scorecard
from analyzers.review.report import model_name, ticked_items
from analyzers.text import terminal_safe

from ..categories import CATEGORIES, NAMES, SINGULAR
from ..screens.confirm import ConfirmScreen
from ..widgets.checklist import ChecklistView
from ..widgets.highlights import Highlight, Span, SpanIndex, build
from ..widgets.review_summary import review_parts
from . import ignore
from .note import NoteScreen
from .overlay import overlay
from .session import ReviewSession

REVIEW = Binding.Group("Review", compact=True)
RETRY_SECONDS = 10
_WORD = re.compile(r"[$£€]?\w+(?:['’.,\-]\w+)*%?")

BINDINGS = [
    Binding("y", "review_verdict('accept')", "Accept", id="review.accept", group=REVIEW,
            tooltip="Accept the highlight under the cursor: it is right (again: take it back)"),
    Binding("x", "review_verdict('reject')", "Reject", id="review.reject", group=REVIEW,
            tooltip="Reject the highlight under the cursor: it is wrong (again: take it back); "
                    "on a highlight you added, remove it"),
    Binding("c", "review_note", "Note", id="review.note", group=REVIEW,
            tooltip="Write a note on the highlight under the cursor"),
    Binding("v", "review_select", "Add", id="review.select", group=REVIEW,
            tooltip="Add a highlight slant missed: select words (l/h or arrows), then 1-4 for "
                    "its category"),
    Binding("u", "review_undo", "Undo", id="review.undo", group=REVIEW,
            tooltip="Undo the last review change"),
    Binding("ctrl+r", "review_redo", "Redo", id="review.redo", show=False,
            tooltip="Redo the review change undone last"),
    Binding("z", "review_marks", "Reviewed", id="review.marks", show=False,
            tooltip="Hide or show the highlights you rejected or added"),
    Binding("I", "review_ignore", "Ignore word", id="review.ignore", show=False,
            tooltip="Put a rejected opinion word on your ignore list (asks first)"),
    Binding("R", "review_reset", "Reset review", id="review.reset", show=False,
            tooltip="Start this article's review over (asks first; u undoes)"),
    Binding("l,right", "review_extend(1)", "Longer", id="review.extend", group=REVIEW,
            tooltip="Select one word more"),
    Binding("h,left", "review_extend(-1)", "Shorter", id="review.shrink", group=REVIEW,
            tooltip="Select one word less"),
    Binding("escape", "review_cancel", "Cancel", id="review.cancel", group=REVIEW,
            tooltip="Stop selecting words"),
]
SELECTING_ONLY = {"review_extend", "review_cancel"}
NEEDS_ANALYSIS = {"review_verdict", "review_note", "review_select", "review_ignore"}


class ReviewMixin:
    """The review actions and what they show; a part of `SlantApp`."""

    review: ReviewSession | None = None
    show_reviewed = True
    exit_note: str | None = None        # said on stderr after the reader closes
    _base_highlights: dict[str, SpanIndex[Highlight]] | None = None
    _selecting: tuple[int, int] | None = None    # (anchor word, head word)
    _words: list[tuple[int, int]] | None = None
    _save_warned = False
    _retry_timer: Timer | None = None
    _checklist_items: list = []
    _ignored: frozenset[str] = frozenset()

    # -- which review keys work now ----------------------------------------------------------
    def review_check(self, action: str) -> bool | None:
        """For `check_action`: False hides a key, None leaves the decision to the app."""
        if action in SELECTING_ONLY:
            return self._selecting is not None
        if self._selecting is not None and action.startswith("review_") \
                and action != "review_select":
            return False
        if action in NEEDS_ANALYSIS or action.startswith("review_"):
            return self.analysis is not None and self.review is not None
        return None

    # -- the analysis arrives ---------------------------------------------------------------
    def _apply(self, analysis: Analysis, *, final: bool,
               highlights: dict[str, SpanIndex[Highlight]] | None = None, **kw: Any) -> None:
        base = highlights if highlights is not None else build(analysis)
        self._base_highlights = base
        if self.review is None:
            self._open_review(analysis)
        if final and self.review is not None:
            self.review.attach(iter_spans(analysis), model_name(analysis))
            self._report_save(self.review.error)
        shown, marks = self._overlay(base)
        super()._apply(analysis, final=final, highlights=shown, **kw)
        self.article.set_review_marks(marks)
        self.panel.summary_extra = self._summary_parts
        self._checklist_items = checklist(analysis) if final else []
        self._show_checklist()
        self.panel.refresh_summary()

    def _open_review(self, analysis: Analysis) -> None:
        self._ignored = ignore.load()
        path = self.document.path if self.document is not None else analysis.source.path
        session, problem = ReviewSession.open(analysis.text, title=analysis.source.title,
                                              path=path)
        self.review = session
        if problem:
            self.notify(terminal_safe(problem), title="Review", severity="warning",
                        timeout=10, markup=False)
        elif not session.review.empty:
            c = session.review.counts()
            self.notify(f"Review restored: {c['accepted']} accepted, {c['rejected']} rejected, "
                        f"{c['added']} added, {c['notes']} notes, {c['ticked']} checked.",
                        title="Review", timeout=4)

    def _overlay(self, base: dict[str, SpanIndex[Highlight]]):
        return overlay(base, self.review.review if self.review else None,
                       show_reviewed=self.show_reviewed, text=self.article.text,
                       ignored=self._ignored)

    def _review_changed(self, message: str | None = None) -> None:
        """Show the review as it is now, and say whether it could be saved."""
        if self._base_highlights is not None:
            shown, marks = self._overlay(self._base_highlights)
            self.article.set_highlights(shown)
            self.article.set_review_marks(marks)
            self.toggles.set_state(counts=self.article.counts(), enabled=self.enabled)
        self._show_checklist()
        self.panel.refresh_summary()
        if message:
            self.notify(terminal_safe(message), timeout=3, markup=False)
        self._report_save(self.review.error if self.review else None)

    def _show_checklist(self) -> None:
        if self.review is None:
            return
        items = self._checklist_items
        self.panel.set_checklist(items, ticked_items(self.review.review, items))

    def _summary_parts(self) -> list[Any]:
        if self.analysis is None or self.review is None:
            return []
        items = self._checklist_items
        done = sum(ticked_items(self.review.review, items))
        lost = [f"{getattr(x, 'category', getattr(x, 'rule', ''))}: “{x.anchor.text}”"
                for x in self.review.review.unattached()]
        return review_parts(scorecard(self.analysis), self.review.review.counts(),
                            (done, len(items)), lost)

    def review_report(self) -> dict[str, Any] | None:
        """The review as the exports carry it (None before the analysis is done)."""
        if self.review is None or self.analysis is None or self.analysing:
            return None
        from analyzers.review import report

        return report(self.review.review, self.analysis)

    # -- saving, and when it fails ----------------------------------------------------------------
    def _report_save(self, error: str | None) -> None:
        if error is None:
            if self._save_warned:
                self._save_warned = False
                self.notify(f"The review is saved again ({self.review.saved_to}).",
                            title="Review", timeout=4, markup=False)
            if self._retry_timer is not None:
                self._retry_timer.stop()
                self._retry_timer = None
            return
        if not self._save_warned:
            self._save_warned = True
            self.notify(f"The review cannot be saved: {terminal_safe(error)}. It is kept in "
                        f"memory; slant tries again after each change and every "
                        f"{RETRY_SECONDS} s.", title="Review not saved", severity="error",
                        timeout=10, markup=False)
        if self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_SECONDS, self._retry_save)

    def _retry_save(self) -> None:
        if self.review is not None:
            self._report_save(self.review.retry())

    def review_before_exit(self) -> None:
        """Last chance to keep an unsaved review: the data folder, else the temp folder."""
        if self.review is None or not self.review.unsaved:
            return
        if self.review.retry() is None:
            return
        rescued = self.review.rescue()
        self.exit_note = (f"the review could not be saved to the data folder "
                          f"({self.review.error}); a copy is in {rescued}" if rescued else
                          f"the review could not be saved ({self.review.error})")

    # -- the highlight under the cursor -------------------------------------------------------
    def _current_highlight(self) -> Highlight | None:
        t = self.article.target
        if t is None:
            return None
        return t.highlight

    def _need_highlight(self) -> Highlight | None:
        h = self._current_highlight()
        if h is None:
            self.notify(f"No highlight under the cursor: {self.key_for('highlights.next')} "
                        "goes to the next one.", timeout=3)
        return h

    def action_review_verdict(self, verdict: str) -> None:
        h = self._need_highlight()
        if h is None or self.review is None:
            return
        words = " ".join(self.article.text[h.start:h.end].split())
        added = self.review.added_at(h.category, h.start, h.end)
        if added is not None:
            if verdict == "reject":
                self.review.remove_added(added)
                self._review_changed(f"Removed your highlight “{words}” · "
                                     f"{self.key_for('review.undo')} undoes")
            else:
                self.notify("You added this highlight yourself.", timeout=3)
            return
        now = self.review.set_verdict(h.category, h.start, h.end, verdict)
        said = {"accept": "Accepted", "reject": "Rejected", "none": "Verdict taken back on"}[now]
        hint = f" · {self.key_for('review.undo')} undoes"
        if now == "reject" and h.category == "opinion":
            hint += f" · {self.key_for('review.ignore')} ignores the word in every article"
        self._review_changed(f"{said} “{words}”{hint}")

    def action_review_note(self) -> None:
        h = self._need_highlight()
        if h is None or self.review is None:
            return
        words = " ".join(self.article.text[h.start:h.end].split())
        about = f"{SINGULAR[h.category].lower()} “{words[:50]}”"

        def done(note: str | None) -> None:
            if note is None or self.review is None:
                return
            self.review.set_note(h.category, h.start, h.end, note)
            self._review_changed("Note kept." if note.strip() else "Note removed.")

        self.push_screen(NoteScreen(terminal_safe(about),
                                    self.review.note_for(h.category, h.start, h.end)), done)

    # -- adding a highlight ------------------------------------------------------------------
    def _word_spans(self) -> list[tuple[int, int]]:
        if self._words is None:
            self._words = [m.span() for m in _WORD.finditer(self.article.text)]
        return self._words

    def _word_at(self, pos: int) -> int:
        words = self._word_spans()
        for i, (s, e) in enumerate(words):
            if e > pos:
                return i
        return max(0, len(words) - 1)

    def action_review_select(self) -> None:
        if self._selecting is not None:
            self.action_review_cancel()
            return
        if not self._word_spans():
            return
        view = self.article
        t = view.target
        if t is not None and view.layout.line_at(t.start) == view.cursor_line:
            # start with the words of the target (a highlight, a match, a mention)
            i = self._word_at(t.start)
            words = self._word_spans()
            j = i
            while j + 1 < len(words) and words[j + 1][1] <= t.end:
                j += 1
        else:
            i = j = self._word_at(view.cursor_offset)
        self._selecting = (i, j)
        self._show_selection()
        self.refresh_bindings()

    def action_review_extend(self, delta: int) -> None:
        if self._selecting is None:
            return
        a, h = self._selecting
        h = max(0, min(len(self._word_spans()) - 1, h + delta))
        self._selecting = (a, h)
        self._show_selection()

    def action_review_cancel(self) -> None:
        self._selecting = None
        self.article.set_selection(None)
        self.refresh_bindings()

    def _selection_span(self) -> Span | None:
        if self._selecting is None:
            return None
        words = self._word_spans()
        a, h = sorted(self._selecting)
        return Span(words[a][0], words[h][1])

    def _show_selection(self) -> None:
        self.article.set_selection(self._selection_span())

    def action_toggle(self, category: str) -> None:
        """While selecting, a category key gives the selection its category."""
        span = self._selection_span()
        if span is None or self.review is None:
            super().action_toggle(category)
            return
        if category not in CATEGORIES:
            return
        self.action_review_cancel()
        self.review.add(category, span.start, span.end)
        if category not in self.enabled:
            self.enabled.add(category)
            self._enabled_changed()
        words = " ".join(self.article.text[span.start:span.end].split())
        self._review_changed(f"Added “{words}” as {SINGULAR[category].lower()} · "
                             f"{self.key_for('review.undo')} undoes")

    def _refresh_explain(self) -> None:
        span = self._selection_span()
        if span is None:
            super()._refresh_explain()
            return
        words = " ".join(self.article.text[span.start:span.end].split())
        keys = " ".join(f"{self.key_for(f'highlights.{c}')} {NAMES[c].lower()}"
                        for c in CATEGORIES)
        self.explain.show_message(
            f"Selecting: “{terminal_safe(words[:120])}”",
            f"{self.key_for('review.extend')}/{self.key_for('review.shrink')} one word more or "
            f"less · then the category: {keys} · {self.key_for('review.cancel')} cancels")

    # -- undo, redo, hide, reset --------------------------------------------------------------
    def action_review_undo(self) -> None:
        what = self.review.undo() if self.review else None
        self._review_changed(f"Undone: {what}" if what else "Nothing to undo.")

    def action_review_redo(self) -> None:
        what = self.review.redo() if self.review else None
        self._review_changed(f"Redone: {what}" if what else "Nothing to redo.")

    def action_review_marks(self) -> None:
        self.show_reviewed = not self.show_reviewed
        self._review_changed("Rejected and added highlights shown." if self.show_reviewed
                             else "Rejected and added highlights hidden "
                                  f"({self.key_for('review.marks')} shows them).")

    def action_review_reset(self) -> None:
        if self.review is None or self.review.review.empty:
            self.notify("This article has no review yet.", timeout=3)
            return
        c = self.review.review.counts()

        def answer(ok: bool | None) -> None:
            if ok and self.review is not None:
                self.review.reset()
                self._review_changed(f"Review started over · {self.key_for('review.undo')} "
                                     "brings it back")

        self.push_screen(ConfirmScreen(
            f"Start the review of this article over?\n{c['accepted']} accepted, "
            f"{c['rejected']} rejected, {c['added']} added, {c['notes']} notes and "
            f"{c['ticked']} checked items go.", yes="Start over", no="Keep"), answer)

    # -- the ignore list ------------------------------------------------------------------------
    def action_review_ignore(self) -> None:
        h = self._need_highlight()
        if h is None or self.review is None:
            return
        v = self.review.review.verdict_for(h.category, h.start, h.end)
        if h.category != "opinion" or v is None or v.verdict != "reject":
            self.notify(f"Only a rejected opinion word can go on the ignore list "
                        f"({self.key_for('review.reject')} rejects).", timeout=3)
            return
        word = " ".join(self.article.text[h.start:h.end].split()).lower()

        def answer(ok: bool | None) -> None:
            if not ok:
                return
            try:
                path = ignore.add(word)
            except OSError as exc:
                self.notify(f"Could not write the ignore list: {exc.strerror or exc}",
                            severity="error")
                return
            self._ignored = ignore.load()
            self._review_changed(f"“{word}” is no longer highlighted as opinion ({path}).")

        self.push_screen(ConfirmScreen(
            f"Stop highlighting “{terminal_safe(word)}” as opinion in every article?\n"
            f"It goes on your ignore list ({ignore.path()}); remove it there to undo.",
            yes="Ignore it", no="Keep it"), answer)

    # -- the checklist tab ---------------------------------------------------------------------
    def on_checklist_view_jump(self, message: ChecklistView.Jump) -> None:
        item = message.item
        view = self.article
        view.select_mentions(f"check:{item.rule}:{item.start}",
                             f"to check: {RULES.get(item.rule, item.rule)}",
                             [Span(item.start, item.end)])
        view.next_mention()
        self.action_switch_focus()   # back to the article, where the item is

    def on_checklist_view_ticked(self, message: ChecklistView.Ticked) -> None:
        if self.review is None:
            return
        item = message.item
        on = self.review.toggle_tick(item.rule, item.start, item.end)
        self._review_changed("Checked." if on else "Unchecked.")
