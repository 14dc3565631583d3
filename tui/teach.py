"""Teaching mode's part of the reader: the guided tour (`t`), the neutral rewrite (`w`) and
"spot the spin" (`p`), and `slant tour` / `slant quiz` starting one once the analysis is done.

`TeachingMixin` is one part of `SlantApp`; the tour, rewrite and quiz themselves live in
`tui/teaching/` and know the app only through the messages they post.
"""

from __future__ import annotations

from typing import Any

from .teaching.card import TourCard
from .teaching.tour import Tour, techniques


class TeachingMixin:
    """The teaching actions; a part of `SlantApp`."""

    start_mode: str | None = None    # "tour" | "rewrite" | "quiz": opened when the analysis is done
    tour_order: str = "frequent"
    _tour_card: TourCard | None = None

    quiz_save: str | None = None

    def start_teaching(self, mode: str, *, order: str | None = None,
                       save: str | None = None) -> None:
        """Open `mode` ("tour", "rewrite", "quiz") as soon as the analysis is done."""
        self.start_mode = mode
        if order:
            self.tour_order = order
        self.quiz_save = save

    def _apply(self, analysis: Any, *, final: bool, **kwargs: Any) -> None:
        super()._apply(analysis, final=final, **kwargs)
        if final and self.start_mode:
            mode, self.start_mode = self.start_mode, None
            self.call_after_refresh(self.run_action, mode)

    def _teaching_ready(self, what: str) -> bool:
        if self.analysis is None:
            self.start_mode = what   # opened when the analysis is done
            self.notify(f"Still analysing: the {what} opens when the highlights are ready.",
                        timeout=3)
            return False
        return True

    # -- the guided tour ---------------------------------------------------------------------
    async def action_tour(self) -> None:
        card = self._tour_card
        if card is not None:          # back to the card after Tab took the focus away
            card.focus()
            return
        if not self._teaching_ready("tour"):
            return
        tour = Tour(techniques(self.analysis, self.tour_order))
        if not tour:
            self.notify("This article has no highlights to tour.", timeout=3)
            return
        if self.search_bar.is_open:
            self.search_bar.close()
        card = self._tour_card = TourCard(tour, self.analysis.text, id="tour-card")
        self.explain.display = False
        await self.query_one("#reader").mount(card)
        card.focus()
        card.announce()

    def on_tour_card_moved(self, message: TourCard.Moved) -> None:
        i = message.instance
        if i.category not in self.enabled:   # the tour shows what it talks about
            self.enabled.add(i.category)
            self._enabled_changed()
        view = self.article
        for h in view.highlights(i.category).overlapping(i.start, i.end):
            if (h.start, h.end) == (i.start, i.end):
                view.go_to_highlight(h)
                break

    async def on_tour_card_left(self, message: TourCard.Left) -> None:
        card, self._tour_card = self._tour_card, None
        self.explain.display = True
        self.article.focus()
        if card is not None:
            await card.remove()
        self._refresh_explain()

    # -- the neutral rewrite -------------------------------------------------------------------
    def action_rewrite(self) -> None:
        if not self._teaching_ready("rewrite"):
            return
        if self.analysing:
            self.notify("The rewrite shows what is analysed so far; the analysis goes on.",
                        timeout=3)
        from .teaching.rewrite_view import RewriteScreen   # its own screen: loaded when opened

        self.push_screen(RewriteScreen(self.analysis, stem=self.stem,
                                       top=self.article.top_offset,
                                       heading=_has_heading(self.analysis)))

    # -- spot the spin ---------------------------------------------------------------------------
    def action_quiz(self) -> None:
        if not self._teaching_ready("quiz"):
            return
        if self.analysing:   # a score against half an analysis would mislead
            self.notify("The quiz starts when the analysis has finished.", timeout=3)
            self.start_mode = "quiz"
            return
        from .teaching.quiz_view import QuizScreen   # its own screen: loaded when opened

        self.push_screen(QuizScreen(self.analysis, stem=self.stem,
                                    heading=_has_heading(self.analysis),
                                    save_path=self.quiz_save))


def _has_heading(a: Any) -> bool:
    """Whether the article's first paragraph is its title (drawn as one)."""
    first = a.text[a.paragraphs[0][0]:a.paragraphs[0][1]] if a.paragraphs else ""
    return bool(a.source.title and first.lstrip("# ").strip() == a.source.title)
