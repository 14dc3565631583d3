"""One article's review while it is being made: the changes, undo and redo, and saving
after every change, which must never cost the reader its work.

When the data folder cannot be written (read-only, full, gone), the review stays in memory,
`save` says why once, and every later change and `retry` try again; `rescue` writes it to
the temporary folder as a last resort when the reader quits with it unsaved.
No Textual here.
"""

from __future__ import annotations

import copy
import datetime
import tempfile
from pathlib import Path
from typing import Iterable

from analyzers.review import Added, Anchor, Review, Tick, Verdict, reattach

from . import store

UNDO_DEPTH = 200


class ReviewSession:
    def __init__(self, text: str, *, title: str | None = None, path: str | None = None,
                 review: Review | None = None) -> None:
        self.text = text
        self.review = review or Review.new(text, title=title, path=path)
        if title and not self.review.title:
            self.review.title = title
        if path and not self.review.path:
            self.review.path = path
        self._undo: list[tuple[str, Review]] = []
        self._redo: list[tuple[str, Review]] = []
        self.unsaved = False
        self.error: str | None = None      # why the last save failed
        self.saved_to: Path | None = None

    @classmethod
    def open(cls, text: str, *, title: str | None = None,
             path: str | None = None) -> tuple["ReviewSession", str | None]:
        """The session for `text`, with its stored review if there is one, and a message
        when the stored one could not be read (it is moved aside, a new review starts)."""
        from analyzers.review import text_hash

        try:
            review = store.load(text_hash(text))
            return cls(text, title=title, path=path, review=review), None
        except store.Unreadable as exc:
            where = f"; it was kept as {exc.kept}" if exc.kept else ""
            return cls(text, title=title, path=path), f"{exc}{where}. Starting a new review."

    # -- changes --------------------------------------------------------------------------
    def _change(self, what: str) -> None:
        self._undo.append((what, copy.deepcopy(self.review)))
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()

    def _done(self) -> str | None:
        self.review.updated = datetime.datetime.now(datetime.timezone.utc).isoformat(
            timespec="seconds")
        return self.save()

    def set_verdict(self, category: str, start: int, end: int, verdict: str | None) -> str:
        """Accept or reject a highlight (the same verdict again takes it back); returns
        what the highlight's verdict is now ("accept", "reject" or "none")."""
        v = self.review.verdict_for(category, start, end)
        new = None if v is not None and v.verdict == verdict else verdict
        self._change(f"{new or 'clear'} {self.text[start:end]!r}")
        if v is None:
            v = Verdict(category, Anchor.at(self.text, start, end))
            self.review.verdicts.append(v)
        v.verdict = new
        self._tidy(v)
        self._done()
        return new or "none"

    def set_note(self, category: str, start: int, end: int, note: str | None) -> None:
        note = (note or "").strip() or None
        added = self.added_at(category, start, end)
        self._change(f"note on {self.text[start:end]!r}")
        if added is not None:
            added.note = note
        else:
            v = self.review.verdict_for(category, start, end)
            if v is None:
                v = Verdict(category, Anchor.at(self.text, start, end))
                self.review.verdicts.append(v)
            v.note = note
            self._tidy(v)
        self._done()

    def note_for(self, category: str, start: int, end: int) -> str | None:
        item = self.added_at(category, start, end) or self.review.verdict_for(category, start, end)
        return item.note if item else None

    def _tidy(self, v: Verdict) -> None:
        if v.verdict is None and not v.note and v in self.review.verdicts:
            self.review.verdicts.remove(v)

    def add(self, category: str, start: int, end: int) -> Added:
        self._change(f"add {self.text[start:end]!r}")
        n = 1 + max((int(a.id[1:]) for a in self.review.added if a.id[1:].isdigit()), default=0)
        item = Added(f"a{n}", category, Anchor.at(self.text, start, end))
        self.review.added.append(item)
        self._done()
        return item

    def added_at(self, category: str, start: int, end: int) -> Added | None:
        for a in self.review.added:
            if a.attached and (a.category, a.anchor.start, a.anchor.end) == (category, start, end):
                return a
        return None

    def remove_added(self, item: Added) -> None:
        self._change(f"remove {item.anchor.text!r}")
        self.review.added = [a for a in self.review.added if a.id != item.id]
        self._done()

    def toggle_tick(self, rule: str, start: int, end: int) -> bool:
        """Tick a checklist item, or untick it; True when it is ticked now."""
        self._change(f"tick {self.text[start:end]!r}")
        for t in self.review.ticks:
            if t.attached and (t.rule, t.anchor.start, t.anchor.end) == (rule, start, end):
                self.review.ticks.remove(t)
                self._done()
                return False
        self.review.ticks.append(Tick(rule, Anchor.at(self.text, start, end)))
        self._done()
        return True

    def reset(self) -> None:
        """Start over (undo brings it back while the reader is open)."""
        self._change("reset")
        keep = self.review
        self.review = Review.new(self.text, title=keep.title, path=keep.path)
        self._done()

    def attach(self, spans: Iterable[tuple[str, int, int]], model: str | None) -> int:
        """Re-attach to a (new) analysis; saves when something moved."""
        changed = reattach(self.review, self.text, spans, model=model)
        if changed and not self.review.empty:
            self.save()
        return changed

    # -- undo -----------------------------------------------------------------------------
    def undo(self) -> str | None:
        """Undo the last change; what it was, or None when there is nothing to undo."""
        if not self._undo:
            return None
        what, before = self._undo.pop()
        self._redo.append((what, self.review))
        self.review = before
        self._done()
        return what

    def redo(self) -> str | None:
        if not self._redo:
            return None
        what, after = self._redo.pop()
        self._undo.append((what, self.review))
        self.review = after
        self._done()
        return what

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> str | None:
        """Write the review; None when it is saved, else why not (it stays in memory and
        the next change or `retry` tries again)."""
        self.unsaved = True
        try:
            if self.review.empty and not store.path_for(self.review.sha256).exists():
                self.unsaved = False   # nothing to keep: no file for an unreviewed article
                self.error = None
                return None
            self.saved_to = store.save(self.review)
        except OSError as exc:
            self.error = f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
            return self.error
        self.unsaved = False
        self.error = None
        return None

    def retry(self) -> str | None:
        return self.save() if self.unsaved else None

    def rescue(self) -> Path | None:
        """Last resort when quitting unsaved: the review in the temporary folder."""
        from ..export import write_atomic

        path = Path(tempfile.gettempdir()) / f"slant-review-{self.review.sha256[:16]}.json"
        try:
            write_atomic(path, self.review.to_json() + "\n", overwrite=True)
        except OSError:
            return None
        return path
