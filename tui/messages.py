"""The messages the reader's workers post to the app: a document loaded, an analysis ready.

Each is handled by the app (`SlantApp.on_<name>`); they carry results, never widgets.
"""

from __future__ import annotations

from textual.message import Message

from analyzers.model import Analysis
from analyzers.sources import Document

from .widgets.highlights import Highlight, PanelEntry, SpanIndex, build, panel_entries


class AnalysisReady(Message):
    """A (possibly partial) analysis of the article; it replaces the one shown.

    The worker also sends what the view and the panel are built from (`highlights`,
    `panel`), made off the UI thread: for a book-length text that is tens of milliseconds."""

    def __init__(self, analysis: Analysis, *, final: bool = True,
                 highlights: dict[str, SpanIndex[Highlight]] | None = None,
                 panel: dict[str, list[PanelEntry]] | None = None) -> None:
        super().__init__()
        self.analysis = analysis
        self.final = final
        self.highlights = highlights
        self.panel = panel

    @classmethod
    def prepared(cls, analysis: Analysis) -> "AnalysisReady":
        """The message for `analysis`, with its highlights and panel rows built here."""
        return cls(analysis, final=not analysis.stats.get("partial"),
                   highlights=build(analysis), panel=panel_entries(analysis))


class AnalysisFailed(Message):
    """The analysis stopped: `message` is one line; `log` is where its traceback went (or
    None when nothing was logged)."""

    def __init__(self, message: str, log: object = None) -> None:
        super().__init__()
        self.message = message
        self.log = log


class AnalysisProgress(Message):
    """How far the running analysis is: words done of the article's words."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class DocumentLoaded(Message):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document


class LoadFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class SideReady(Message):
    """A (partial) analysis of one article of a comparison ("a" or "b")."""

    def __init__(self, side: str, ready: AnalysisReady) -> None:
        super().__init__()
        self.side = side
        self.ready = ready


class SideFailed(Message):
    def __init__(self, side: str, message: str) -> None:
        super().__init__()
        self.side = side
        self.message = message


class ComparisonReady(Message):
    """The comparison of the two analyses (`slant.compare/1`) and its sections of rows."""

    def __init__(self, comparison: dict, sections: list) -> None:
        super().__init__()
        self.comparison = comparison
        self.sections = sections
