"""What the reader saves: the HTML report (`e`) and an SVG screenshot (`ctrl+s`), in the
current folder, never overwriting a file unasked.

`SavingMixin` is one part of `SlantApp`; the reports themselves are `tui.export`'s.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Callable

from .categories import CATEGORIES
from .files import fresh_path, publish
from .screens.confirm import ConfirmScreen
from .worker import one_line


def export_functions() -> tuple[Callable[..., Any] | None, Callable[..., Any] | None]:
    """`tui.export.render` and `tui.export.write_atomic`, where the export package has them."""
    try:
        from . import export
    except ImportError:
        return None, None
    render = getattr(export, "render", None)
    write = getattr(export, "write_atomic", None)
    return (render if callable(render) else None), (write if callable(write) else None)


class SavingMixin:
    """The export and screenshot actions; a part of `SlantApp`."""

    def action_screenshot(self) -> None:
        folder = Path.cwd()
        path = fresh_path(folder, f"{self.stem}-slant-{time.strftime('%Y%m%d-%H%M%S')}", ".svg")
        tmp_name = f".{path.name}.{os.getpid()}.tmp"
        try:
            self.save_screenshot(filename=tmp_name, path=str(folder))
            try:
                publish(folder / tmp_name, path, overwrite=False)
            except FileExistsError:
                path = fresh_path(folder, path.stem, ".svg")
                publish(folder / tmp_name, path, overwrite=False)
        except OSError as exc:
            self.notify(f"Could not save the screenshot: {exc.strerror or exc}",
                        severity="error")
            return
        finally:
            if (folder / tmp_name).exists():
                (folder / tmp_name).unlink()
        self.notify(f"Screenshot saved to {path}", title="Screenshot")

    def action_export(self) -> None:
        if self.analysis is None or self.analysing:
            self.notify("The analysis is still running: export when it has finished.",
                        severity="warning")
            return
        render, write = export_functions()
        if render is None or write is None:
            self.notify("HTML export is not available in this version of slant yet.",
                        severity="warning", title="Export")
            return
        path = Path.cwd() / f"{self.stem}-slant.html"
        if path.exists():
            self._confirm_overwrite(path, render)
        else:
            self._export(path, render, overwrite=False)

    def _confirm_overwrite(self, path: Path, render: Callable[..., Any]) -> None:
        def answer(ok: bool | None) -> None:
            if ok:
                self._export(path, render, overwrite=True)
            else:
                self.notify("Export cancelled: the existing file was kept.", timeout=3)

        self.push_screen(ConfirmScreen(f"{path.name} already exists in {path.parent}.\n"
                                       "Overwrite it?"), answer)

    def _export(self, path: Path, render: Callable[..., Any], *, overwrite: bool) -> None:
        # The report starts as the reader is now: the same categories hidden.
        notes = list(self.document.notes) if self.document is not None else []
        hidden = [c for c in CATEGORIES if c not in self.enabled]
        review = self.review_report()   # the reader's review goes with it (review/reader.py)
        try:
            data = render(self.analysis, "html", notes=notes, hidden=hidden,
                          **({"review": review} if review is not None else {}))
        except Exception as exc:
            self.notify(f"Export failed: {one_line(exc)}", severity="error", title="Export")
            return
        _, write = export_functions()
        try:
            write(path, data, overwrite=overwrite)
        except FileExistsError:
            self._confirm_overwrite(path, render)
            return
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror or exc}", severity="error")
            return
        self.notify(f"Report saved to {path}", title="Export")
