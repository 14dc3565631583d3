"""`slant compare A B`: two articles on one story side by side in the reader, or their
comparison (`slant.compare/1`) printed as JSON, Markdown or HTML with `--format`.

Both articles are read first (files, `-`, URLs): a bad one is one line and exit 2 before
anything else starts.
"""

from __future__ import annotations

import argparse
import os
import sys

from analyzers.text import json_safe

from .analyze import _emit, _pipeline, _source, user_settings
from .errors import EXIT_OK, CliError, say
from .read import prepare_reader, reattach_terminal

FORMATS = ("json", "md", "html")


def _targets(ns: argparse.Namespace) -> list[str]:
    if ns.sample:
        if ns.files:
            raise CliError("--sample opens the bundled pair; give no FILEs with it")
        from analyzers.resources import compare_samples

        try:
            return [str(p) for p in compare_samples()]
        except OSError:
            raise CliError("slant's bundled pair of sample articles is missing from this "
                           "install") from None
    if len(ns.files) != 2:
        raise CliError(f"compare takes two articles (FILE, URL or -), got {len(ns.files)}; "
                       "or --sample")
    if ns.files.count("-") > 1:
        raise CliError("- (stdin) can be given only once")
    return list(ns.files)


def _documents(targets: list[str], *, view: bool):
    from analyzers.sources import InputError, load_document

    stdin_bytes = None
    if "-" in targets:
        if view and sys.stdin.isatty():
            raise CliError("- reads an article from stdin, but stdin is a terminal")
        stdin_bytes = sys.stdin.buffer.read()
    docs = []
    for target in targets:
        try:
            doc = load_document(target, stdin_bytes=stdin_bytes)
        except InputError as exc:
            raise CliError(str(exc)) from None
        for note in doc.notes:
            say(f"{target}: note: {note}")
        docs.append(doc)
    return docs


def run_compare(ns: argparse.Namespace) -> int:
    targets = _targets(ns)
    if ns.format is None and not sys.stdout.isatty() and not os.environ.get("SLANT_FORCE_TUI"):
        raise CliError("the compare view needs a terminal; use --format json|md|html for "
                       "output to a pipe or file")
    if ns.format is None:
        prepare_reader(ns.model)   # spaCy loads while the articles are read
    docs = _documents(targets, view=ns.format is None)
    if ns.format is None:
        return _run_view(docs, ns.model)
    from analyzers import analyze_many
    from analyzers.compare import compare

    settings, _ = user_settings()
    pipe = _pipeline(ns.model)
    try:
        a, b = analyze_many([d.text for d in docs], sources=[_source(d) for d in docs],
                            pipeline=pipe, settings=settings)
    except Exception as exc:
        raise CliError(f"analysis failed ({type(exc).__name__}: {exc})") from None
    comparison = compare(a, b)
    if ns.format == "json":
        import json

        data = json_safe(json.dumps(comparison, ensure_ascii=False, indent=2)) + "\n"
    else:
        from ..export.compare import render_compare

        data = render_compare(comparison, ns.format)
    _emit(data, ns)
    return EXIT_OK


def _run_view(docs, model: str | None) -> int:
    if not reattach_terminal():
        say("the compare view needs a terminal to read keys from")
        return 2
    from ..compare_app import CompareApp

    app = CompareApp(docs[0], docs[1], model=model)
    app.run()
    code = app.return_code
    code = int(code) if code is not None else 0
    if app.analysis_results is not None:
        # quit mid-analysis with spaCy in this process: see cli/read.py
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
