"""`slant [FILE|URL|-]`: open an article in the reader.

Before Textual is imported the analysis process starts (spaCy loads while the reader draws),
and an article read from a pipe hands the keyboard back to the terminal.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from .errors import CliError, say


def run_read(ns: argparse.Namespace) -> int:
    mode = getattr(ns, "mode", None)   # `slant tour` and `slant quiz`
    if mode == "tour":
        from ..teaching.tour import check_order

        problem = check_order(ns.order)
        if problem:
            raise CliError(problem)
    stdin_bytes = None
    if ns.target == "-":
        if sys.stdin.isatty():
            raise CliError("- reads the article from stdin, but stdin is a terminal")
        stdin_bytes = sys.stdin.buffer.read()  # the reader then takes keys from /dev/tty
    if not sys.stdout.isatty() and not os.environ.get("SLANT_FORCE_TUI"):
        raise CliError("the reader needs a terminal; use `slant analyze FILE` for output "
                       "to a pipe or file")
    target = ns.target
    if mode == "quiz" and target is None:
        from ..teaching.practice import practice_articles

        target = str(practice_articles()[0])
    prepare_reader(ns.model)
    return run_reader(target, stdin_bytes=stdin_bytes, model=ns.model, mode=mode,
                      options={k: v for k, v in vars(ns).items() if k in ("order", "save")})


def prepare_reader(model: str | None) -> None:
    """What the reader does before Textual is imported (the benchmarks do it too).

    The analysis process starts now: spaCy loads while the reader starts.  The cyclic
    garbage collector is off until the first frame (`SlantApp` turns it back on): start-up
    allocates a great deal and frees little, and the collector's passes over it cost the
    first frame about a third of its time.
    """
    gc.disable()
    from ..worker import prestart

    prestart(model)


def reattach_terminal() -> bool:
    """After the article came through a pipe, read keys from the terminal instead (as
    `less` does): Textual reads fd 0.  False when there is no terminal to read."""
    stdin = sys.__stdin__
    try:
        if stdin is not None and stdin.isatty():
            return True
        fd = os.open("/dev/tty", os.O_RDONLY)
    except (OSError, ValueError):
        return False
    try:
        os.dup2(fd, 0)
    finally:
        os.close(fd)
    return True


def run_reader(target: str | None, *, stdin_bytes: bytes | None = None,
               model: str | None = None, feed=None, offline: bool = False,
               mode: str | None = None, options: dict | None = None) -> int:
    """Run the reader on `target` (a path, URL, "-" or None for the sample), or on a
    feed's list of items, in teaching `mode` if given; the exit code."""
    if not reattach_terminal():
        say("the reader needs a terminal to read keys from")
        return 2
    from ..worker import prestart

    prestart(model)   # spaCy loads in the analysis process while the reader starts
    from ..app import SlantApp

    app = SlantApp(target, stdin_bytes=stdin_bytes, model=model, feed=feed, offline=offline)
    if mode:
        app.start_teaching(mode, **(options or {}))
    app.run()
    code = app.return_code
    code = int(code) if code is not None else 0
    if getattr(app, "exit_note", None):
        say(app.exit_note)   # e.g. where an unsaved review was kept
    results = app.analysis_results
    if results is not None and results.running_here:
        # Quit mid-analysis with spaCy in this process (no child process could be
        # started): tearing the interpreter down under it can abort in native code.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
