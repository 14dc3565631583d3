"""The compare row: two 5,000-word articles analysed and compared, against analysing the
two alone, in the same process (run by tests/bench/run.py: `--only compare`)."""

from __future__ import annotations

from tests.bench.corpus import compare_pair


def bench_compare(runs: int):
    from analyzers import analyze, load_pipeline
    from analyzers.compare import compare
    from tests.bench.run import Result, median_time

    pipe = load_pipeline()
    a_text, b_text = compare_pair()
    analyze("Warm up.", pipeline=pipe)

    def alone():
        return analyze(a_text, pipeline=pipe), analyze(b_text, pipeline=pipe)

    def compared():
        return compare(*alone())

    a, b = alone()
    compare(a, b)   # warm up
    base, ours = [], []
    for _ in range(runs):   # interleaved: drift hits both alike
        base.append(median_time(alone, 1))
        ours.append(median_time(compared, 1))
    only = median_time(lambda: compare(a, b), runs)
    import statistics

    words = len(a_text.split()) + len(b_text.split())
    return [
        Result(f"compare two 5,000-word articles ({words:,} words): analyse both + compare",
               statistics.median(ours), "s", statistics.median(base), "analysing the two alone",
               "<= 1.5x"),
        Result("compare two 5,000-word articles: the comparison alone (for reference)",
               only, "s"),
    ]


ROWS = {"compare": lambda a: bench_compare(a.runs)}
