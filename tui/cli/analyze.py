"""`slant analyze`: articles in, `slant.analysis/1` (or a report) out.

Several files are analysed in batches (`nlp.pipe`), or in `--jobs N` worker processes;
results stream in input order.  A file that cannot be read gets one error line on stderr and
the batch goes on; the exit status is then 2.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator, Sequence

from analyzers.text import json_safe, terminal_safe

from .errors import EXIT_OK, EXIT_USAGE, CliError, say

BATCH = 16


def _load(target: str, stdin_bytes: bytes | None):
    """(Document, None) or (None, message)."""
    from analyzers.sources import InputError, load_document

    try:
        return load_document(target, stdin_bytes=stdin_bytes), None
    except InputError as exc:
        return None, str(exc)


def _source(doc):
    from analyzers.model import Source

    return Source(path=doc.path, title=doc.title)


def _pipeline(model: str | None):
    from analyzers import load_pipeline

    pipe = load_pipeline(model)
    if pipe.warning:
        say(pipe.warning)
    return pipe


def user_settings() -> tuple[dict, list[str]]:
    """The user's configuration: component settings and highlight kinds to hide.
    A broken config file is reported on stderr and the defaults are used."""
    from analyzers.config import load_config

    cfg, warnings = load_config()
    for warning in warnings:
        say(warning)
    return {"slant_opinion": cfg.opinion_settings()}, cfg.hidden_highlights


ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml")


def expand_targets(targets: Sequence[str]) -> list[str]:
    """Each folder given becomes the articles in it (.txt, .md, .html; in its subfolders
    too, hidden ones left out), sorted by path; a folder with none is an error."""
    import os
    from pathlib import Path

    out: list[str] = []
    for target in targets:
        if target == "-" or "://" in target or not os.path.isdir(target):
            out.append(target)
            continue
        found = sorted(
            str(p) for p in Path(target).rglob("*")
            if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(target).parts))
        if not found:
            raise CliError(f"{target}: is a directory with no articles in it (.txt, .md, "
                           ".html)")
        out.extend(found)
    return out


def _results_serial(targets: Sequence[str], stdin_bytes: bytes | None, model: str | None,
                    settings: dict, notes: dict,
                    progress=None) -> Iterator[tuple[str, object, str | None]]:
    """(target, Analysis|None, error) per target, in order; batched through nlp.pipe.
    `progress(words_done, words_total)` hears of each batch's work (see `analyzers`)."""
    from analyzers import analyze_many

    pipe = None
    pending: list[tuple[str, object]] = []

    def flush():
        nonlocal pipe
        if not pending:
            return
        pipe = pipe or _pipeline(model)
        batch = list(pending)
        pending.clear()
        docs = [d for _, d in batch]
        try:
            analyses = list(analyze_many([d.text for d in docs], sources=[_source(d) for d in docs],
                                         pipeline=pipe, settings=settings, progress=progress))
        except Exception:
            # find the article that broke the batch; the others still get their results
            for target, doc in batch:
                try:
                    yield target, next(analyze_many([doc.text], sources=[_source(doc)],
                                                    pipeline=pipe, settings=settings)), None
                except Exception as exc:
                    yield target, None, f"{target}: analysis failed ({type(exc).__name__}: {exc})"
            return
        for (target, _), analysis in zip(batch, analyses):
            yield target, analysis, None

    for target in targets:
        doc, err = _load(target, stdin_bytes)
        if err:
            yield from flush()
            yield target, None, err
            continue
        for note in doc.notes:
            say(f"{target}: note: {note}")
        notes[target] = list(doc.notes)
        pending.append((target, doc))
        if len(pending) >= BATCH:
            yield from flush()
    yield from flush()


# -- --jobs N: one pipeline per worker process ----------------------------------------------
_worker_pipe = None
_worker_settings: dict = {}


def _worker_init(model: str | None, settings: dict) -> None:
    global _worker_pipe, _worker_settings
    from analyzers import load_pipeline

    _worker_pipe = load_pipeline(model)
    _worker_settings = settings


def _worker_run(target: str) -> tuple[str, str | None, str | None]:
    from analyzers import analyze

    doc, err = _load(target, None)
    if err:
        return target, None, err
    try:
        analysis = analyze(doc.text, source=_source(doc), pipeline=_worker_pipe,
                           settings=_worker_settings)
    except Exception as exc:  # one bad article must not stop the batch
        return target, None, f"{target}: analysis failed ({type(exc).__name__}: {exc})"
    return target, analysis.to_json(indent=None), None


def _results_parallel(targets: Sequence[str], jobs: int, model: str | None,
                      settings: dict) -> Iterator[tuple[str, object, str | None]]:
    from analyzers import Analysis

    _pipeline(model)  # loads before the fork (workers inherit it) and warns once, here
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                             initargs=(model, settings)) as pool:
        for target, payload, err in pool.map(_worker_run, targets, chunksize=4):
            yield target, (Analysis.from_json(payload) if payload else None), err


# -- --scheduler ADDRESS: partitions on a Dask cluster ----------------------------------------
PARTITION = 16          # articles per task: one nlp.pipe batch on a worker
WINDOW = 8              # partitions in flight per worker: the cluster stays busy, memory bounded
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler


def _results_dask(targets: Sequence[str], address: str, stdin_bytes: bytes | None,
                  model: str | None, settings: dict,
                  notes: dict) -> Iterator[tuple[str, object, str | None]]:
    """As `_results_serial`, with the analysis on the cluster at `address`: files are read
    here, partitions go to the workers (`analyzers.cluster`), results come back in order."""
    from collections import deque

    from analyzers import Analysis
    from analyzers.cluster import analyze_partition, require_dask
    from analyzers.pipeline import requested_model

    try:
        require_dask()
    except ImportError as exc:
        raise CliError(f"--scheduler: {exc}") from None
    client = _dask_client(address)
    want = requested_model(model)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()     # ("error", target, message) | ("part", future, targets)
        parts = 0
        batch: list[tuple[str, tuple[str, dict]]] = []

        def submit():
            nonlocal parts
            if batch:
                items = [item for _, item in batch]
                future = client.submit(analyze_partition, items, want, settings, pure=False)
                pending.append(("part", future, [t for t, _ in batch]))
                parts += 1
                batch.clear()

        def drain(keep: int):
            nonlocal parts
            while pending and (parts > keep or keep == 0):
                kind, first, second = pending.popleft()
                if kind == "error":
                    yield first, None, second
                    continue
                parts -= 1
                try:
                    results = first.result()
                except Exception as exc:
                    raise CliError(f"{address}: the cluster could not run the analysis "
                                   f"({type(exc).__name__}: {exc})") from None
                for target, (payload, err) in zip(second, results):
                    yield target, (Analysis.from_json(payload) if payload else None), err

        for target in targets:
            doc, err = _load(target, stdin_bytes)
            if err:
                submit()
                pending.append(("error", target, err))
                continue
            for note in doc.notes:
                say(f"{target}: note: {note}")
            notes[target] = list(doc.notes)
            batch.append((target, (doc.text, {"path": doc.path, "title": doc.title})))
            if len(batch) >= PARTITION:
                submit()
                yield from drain(WINDOW * workers)
        submit()
        yield from drain(0)
    finally:
        client.close()


def _dask_client(address: str):
    from distributed import Client

    try:
        return Client(address, timeout=f"{CONNECT_TIMEOUT}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise CliError(f"{address}: cannot reach the Dask scheduler ({reason})") from None


def _progress(total: int):
    """A Rich progress bar on stderr when it is a terminal, else None."""
    if total < 2 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)


class WordsBar:
    """A bar for one long analysis on stderr: words done and time left.  It appears once
    the analysis has run `DELAY` seconds (a short one shows nothing) and leaves no trace;
    the caller makes one only when stderr is a terminal, never in a pipe."""

    DELAY = 2.0

    def __init__(self, clock=None) -> None:
        import time

        self.clock = clock or time.monotonic
        self.started = self.clock()
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if done >= total or self.clock() - self.started < self.DELAY:
                return
            self.bar = _words_progress()
            self.task = self.bar.add_task("analysing", total=total, completed=done)
            self.bar.start()
        self.bar.update(self.task, completed=done, total=total)
        if done >= total:
            self.close()   # gone before any output is written

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _words_progress():
    from rich.console import Console
    from rich.progress import (BarColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeRemainingColumn)

    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                    TaskProgressColumn(),
                    TextColumn("{task.completed:,.0f} of {task.total:,.0f} words"),
                    TimeRemainingColumn(), TextColumn("left"),
                    console=Console(stderr=True), transient=True)


def run_analyze(ns: argparse.Namespace) -> int:
    if ns.explain is not None:
        return run_explain(ns)
    targets: list[str] = ns.files
    if not targets:
        raise CliError("give at least one FILE (or - for stdin)")
    if targets.count("-") > 1:
        raise CliError("- (stdin) can be given only once")
    if ns.jobs < 1:
        raise CliError("--jobs must be at least 1")
    if ns.width is not None and not MIN_WIDTH <= ns.width <= MAX_WIDTH:
        raise CliError(f"--width must be between {MIN_WIDTH} and {MAX_WIDTH} columns")
    if ns.scheduler is not None and ns.jobs > 1:
        raise CliError("--jobs runs on this machine, --scheduler on a cluster: give one")
    if ns.scheduler is not None and not ns.scheduler.strip():
        raise CliError("--scheduler needs an address, e.g. tcp://10.0.0.5:8786")
    targets = expand_targets(targets)
    if ns.format in ("html", "md", "text") and len(targets) > 1:
        raise CliError(f"--format {ns.format} takes one file; use jsonl for several")
    stdin_bytes = sys.stdin.buffer.read() if "-" in targets else None
    settings, hidden = user_settings()
    notes: dict[str, list[str]] = {}

    words_bar = WordsBar() if len(targets) == 1 and sys.stderr.isatty() else None
    if ns.scheduler is not None:
        results = _results_dask(targets, ns.scheduler.strip(), stdin_bytes, ns.model,
                                settings, notes)
    elif ns.jobs > 1 and "-" not in targets and len(targets) > 1:
        results = _results_parallel(targets, ns.jobs, ns.model, settings)
    else:
        results = _results_serial(targets, stdin_bytes, ns.model, settings, notes,
                                  progress=words_bar)

    out_parts: list[str] = []
    failed = 0
    progress = _progress(len(targets))
    task = progress.add_task("analysing", total=len(targets)) if progress else None
    if progress:
        progress.start()
    try:
        for target, analysis, err in results:
            if progress:
                progress.advance(task)
            if err:
                failed += 1
                say(f"error: {err}")
                continue
            if ns.format == "jsonl":
                line = json_safe(analysis.to_json(indent=None))
                if ns.output:
                    out_parts.append(line + "\n")
                else:
                    sys.stdout.write(line + "\n")
                    sys.stdout.flush()
            else:
                out_parts.append(analysis)
    finally:
        if progress:
            progress.stop()
        if words_bar is not None:
            words_bar.close()

    if ns.format != "jsonl" and out_parts:
        rendered = _render(out_parts, ns.format, to_terminal=not ns.output,
                           notes=notes.get(targets[0], []), hidden=hidden, width=ns.width)
        if rendered is not None:
            _emit(rendered, ns)
    elif ns.format == "jsonl" and ns.output:
        _emit("".join(out_parts), ns)
    return EXIT_USAGE if failed else EXIT_OK


DEFAULT_FILE_WIDTH = 100     # text written with -o: the same whatever the terminal
MIN_WIDTH, MAX_WIDTH = 20, 1000


def output_width(env=None, fds: Sequence[int] = (2, 0)) -> int:
    """The width for text going into a pipe: $COLUMNS, else the width of the terminal on
    stderr or stdin (where `less` shows it), else of /dev/tty, else 80."""
    import os

    env = os.environ if env is None else env
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and MIN_WIDTH <= int(columns) <= MAX_WIDTH:
        return int(columns)
    for fd in fds:
        try:
            return max(MIN_WIDTH, os.get_terminal_size(fd).columns)
        except (OSError, ValueError):
            continue
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return 80
    try:
        return max(MIN_WIDTH, os.get_terminal_size(fd).columns)
    except OSError:
        return 80
    finally:
        os.close(fd)


def _render(analyses: list, fmt: str, *, to_terminal: bool, notes: list[str],
            hidden: list[str], width: int | None = None) -> str | None:
    if fmt == "json":
        import json

        if len(analyses) == 1:
            return json_safe(analyses[0].to_json()) + "\n"
        return json_safe(json.dumps([a.to_dict() for a in analyses], ensure_ascii=False,
                                    indent=2)) + "\n"
    if fmt == "text":
        from ..export.text import print_analysis, render_plain

        if to_terminal and sys.stdout.isatty():
            from rich.console import Console

            print_analysis(analyses[0], Console(width=width) if width else None)
            return None
        # a pipe (`| less -R`) or a file: still coloured (that is what the format is for;
        # NO_COLOR turns the colours off, the bold/italic/underline cues stay), and as wide
        # as asked, else as the terminal the pipe ends in
        return render_plain(analyses[0], width=width or (output_width() if to_terminal
                                                          else DEFAULT_FILE_WIDTH))
    from ..export import render

    return render(analyses[0], fmt, notes=notes, hidden=hidden)


def _emit(data: str, ns: argparse.Namespace) -> None:
    if not ns.output:
        sys.stdout.write(data)
        return
    from pathlib import Path

    from ..export import write_atomic

    try:
        write_atomic(Path(ns.output), data, overwrite=ns.force)
    except FileExistsError:
        raise CliError(f"{ns.output} exists; use --force to overwrite it") from None
    except OSError as exc:
        raise CliError(f"{ns.output}: cannot write ({exc.strerror or exc})") from None
    say(f"wrote {ns.output}")


# -- --explain WORD -------------------------------------------------------------------------
def run_explain(ns: argparse.Namespace) -> int:
    """The word's listings, then each occurrence in the files given (logic in
    analyzers.opinion.explain)."""
    from analyzers.opinion import explain
    from analyzers.opinion.lexicons import load_lexicons

    word = ns.explain.strip()
    if not word:
        raise CliError("--explain needs a word or phrase")
    if ns.files.count("-") > 1:
        raise CliError("- (stdin) can be given only once")
    settings, _ = user_settings()
    opinion = settings["slant_opinion"]
    listings = explain.lookup(word, opinion["extra"], opinion["remove"])
    if not listings:
        raise CliError(f"'{word}' is on no opinion word list (and not in your config)")
    for item in listings:
        print(explain.describe(item))
    if not ns.files:
        return EXIT_OK
    from analyzers.run import annotate, make_docs

    lexicon = load_lexicons(opinion["extra"] or None, opinion["remove"] or None)
    stdin_bytes = sys.stdin.buffer.read() if "-" in ns.files else None
    pipe = None
    failed = 0
    for target in ns.files:
        doc, err = _load(target, stdin_bytes)
        if err:
            failed += 1
            say(f"error: {err}")
            continue
        pipe = pipe or _pipeline(ns.model)
        parsed = annotate(pipe, next(make_docs(pipe, [doc.text])), settings)
        found = explain.occurrences(parsed, word, lexicon, opinion["disabled"])
        if not found:
            print(terminal_safe(f"{target}: no occurrence"))
        for occ in found:
            line = doc.text.count("\n", 0, occ.start) + 1
            state = "shown" if occ.shown else "blocked:"
            print(terminal_safe(f"{target}:{line}: '{occ.text}' {state} {occ.reason}"))
    return EXIT_USAGE if failed else EXIT_OK
