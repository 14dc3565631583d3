"""Corpus runs on Dask: a two-worker LocalCluster gives exactly the local run's output,
through `analyze_bag` and through `slant analyze --scheduler`."""

from __future__ import annotations

import json

import pytest

try:
    import dask.bag as db
    from distributed import LocalCluster
except ImportError:   # the optional extra: `pip install -e '.[test,dask]'` installs it
    pytest.skip("the Dask extra is not installed (pip install -e '.[test,dask]')",
                allow_module_level=True)

from analyzers import analyze_many
from analyzers.cluster import analyze_bag
from tui.cli import main

ARTICLES = [
    '"We will build it," Mayor Ilse Brandvik said on Tuesday of the $420 million bridge.',
    "Critics say the plan is a reckless gamble. Councillor Tomas Reyes claimed costs "
    "would rise by 12% within two years.",
    "Ferry fares will rise by 12 per cent from January, the company said.",
    '"Fuel costs have doubled," said chief executive Maren Holt, adding that 40 jobs '
    "were at risk.",
    "The fish market reopened on Saturday after storm repairs costing about $2 million.",
]


@pytest.fixture(scope="module")
def cluster():
    # threads, not processes: starts in well under a second and shares the loaded pipeline
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None, silence_logs=40) as cluster:
        yield cluster


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, text in enumerate(ARTICLES * 8):           # 40 articles: several partitions
        (folder / f"a{i:03d}.txt").write_text(f"Story {i}\n\n{text}\n", encoding="utf-8")
    (folder / "notes.csv").write_text("not an article")   # not an article suffix: skipped
    return folder


def test_analyze_bag_is_the_local_run_in_order(cluster):
    from distributed import Client

    from analyzers import load_pipeline

    with Client(cluster) as client:
        bag = db.from_sequence(ARTICLES * 3, npartitions=4)
        got = analyze_bag(bag).compute(scheduler=client.get)
    local = [a.to_json(indent=None) for a in analyze_many(ARTICLES * 3, pipeline=load_pipeline())]
    assert got == local
    assert len({json.loads(line)["text"] for line in got}) == len(ARTICLES)


def test_scheduler_gives_the_local_jsonl_byte_for_byte(cluster, corpus, capsys):
    assert main(["analyze", str(corpus), "--format", "jsonl"]) == 0
    local = capsys.readouterr().out
    assert main(["analyze", str(corpus), "--format", "jsonl",
                 "--scheduler", cluster.scheduler_address]) == 0
    remote = capsys.readouterr().out
    assert remote == local
    paths = [json.loads(line)["source"]["path"] for line in remote.splitlines()]
    assert len(paths) == 40 and paths == sorted(paths)


def test_a_bad_file_keeps_its_place_and_the_others_their_results(cluster, corpus, capsys):
    files = sorted(str(p) for p in corpus.glob("*.txt"))[:3]
    missing = str(corpus / "missing.txt")
    assert main(["analyze", files[0], missing, *files[1:], "--format", "jsonl",
                 "--scheduler", cluster.scheduler_address]) == 2
    out = capsys.readouterr()
    assert [json.loads(l)["source"]["path"] for l in out.out.splitlines()] == files
    assert out.err.strip() == f"slant: error: {missing}: no such file"


def test_an_unreachable_scheduler_is_one_line(corpus, capsys, monkeypatch):
    monkeypatch.setattr("tui.cli.analyze.CONNECT_TIMEOUT", 1.0)
    assert main(["analyze", str(corpus), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in err
    assert "Traceback" not in err


def test_jobs_and_scheduler_together_is_a_usage_error(corpus, capsys):
    assert main(["analyze", str(corpus), "-j", "2", "--scheduler", "tcp://x:1"]) == 2
    assert "give one" in capsys.readouterr().err
