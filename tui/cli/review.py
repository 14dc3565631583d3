"""`slant review FILE`: the stored review of an article, without the reader.

It analyses FILE as `slant analyze` does, finds the review stored for its text (the
reader saves one as you review), re-attaches it to this analysis and prints it with the
checklist and the source scorecard: JSON (`slant.review/1`), Markdown, or an HTML report of
the article with the review on it.  `--reset` deletes the stored review (asked first on a
terminal; `--yes` where there is none).
"""

from __future__ import annotations

import argparse
import json
import sys

from analyzers.text import json_safe, terminal_safe

from .analyze import _emit, _load, _pipeline, _source, user_settings
from .errors import EXIT_OK, EXIT_USAGE, CliError, say


def run_review(ns: argparse.Namespace) -> int:
    from analyzers.review import Review, report, text_hash

    from ..review import store

    stdin_bytes = sys.stdin.buffer.read() if ns.file == "-" else None
    doc, err = _load(ns.file, stdin_bytes)
    if err:
        raise CliError(err)
    sha = text_hash(doc.text)
    name = terminal_safe(ns.file)
    try:
        review = store.load(sha)
    except store.Unreadable as exc:
        kept = f"; kept as {exc.kept}" if exc.kept else ""
        say(f"{terminal_safe(str(exc))}{kept}; showing an empty review")
        review = None
    if ns.reset:
        return _reset(ns, name, sha, review)
    if review is None:
        say(f"{name}: no review stored yet (the reader keeps one as you review); "
            "showing the checklist and scorecard")
        review = Review.new(doc.text, title=doc.title, path=doc.path)
    settings, _hidden = user_settings()
    from analyzers import analyze

    analysis = analyze(doc.text, source=_source(doc), pipeline=_pipeline(ns.model),
                       settings=settings)
    data = report(review, analysis)
    lost = data["summary"]["unattached"]
    if lost:
        say(f"{name}: {lost} review item{'s' if lost != 1 else ''} not found in this "
            "analysis (kept, listed as attached: false)")
    if ns.format == "json":
        out = json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    elif ns.format == "md":
        from ..export.review import markdown_review

        out = markdown_review(data)
    else:
        from ..export import render

        out = render(analysis, "html", notes=list(doc.notes), review=data)
    _emit(out, ns)
    return EXIT_OK


def _reset(ns: argparse.Namespace, name: str, sha: str, review) -> int:
    from ..review import store

    if review is None:
        say(f"{name}: no review stored; nothing to reset")
        return EXIT_OK
    c = review.counts()
    what = (f"{c['accepted']} accepted, {c['rejected']} rejected, {c['added']} added, "
            f"{c['notes']} notes, {c['ticked']} checked")
    if not ns.yes:
        if not sys.stdin.isatty() or ns.file == "-":
            raise CliError(f"{name}: --reset deletes a review ({what}); add --yes to confirm "
                           "where slant cannot ask")
        sys.stderr.write(f"Delete the review of {name} ({what})? [y/N] ")
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            say("kept")
            return EXIT_USAGE
    try:
        store.delete(sha)
    except OSError as exc:
        raise CliError(f"{store.path_for(sha)}: cannot delete ({exc.strerror or exc})") from None
    say(f"{name}: review deleted ({what})")
    return EXIT_OK
