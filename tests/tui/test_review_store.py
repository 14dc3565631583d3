"""Storing reviews: the platform data folder (a temporary one here), atomic writes, a
folder that cannot be written, a broken file, two writers at once."""

from __future__ import annotations

import errno
import json
import multiprocessing
from pathlib import Path

import pytest

from analyzers.review import Anchor, Review, Verdict, text_hash
from tui.review import store
from tui.review.session import ReviewSession

TEXT = "The council slammed the plan. The mayor called it reckless."


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(store, "data_dir", lambda: tmp_path / "data")
    return tmp_path / "data" / "reviews"


def span(needle):
    s = TEXT.index(needle)
    return s, s + len(needle)


def test_default_folder_is_platformdirs_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setattr("platformdirs.user_data_dir", lambda app, appauthor=None: str(tmp_path / app))
    assert store.review_dir() == tmp_path / "slant" / "reviews"


def test_each_change_is_saved_and_reopening_restores_it(data):
    s = ReviewSession(TEXT, title="Plan")
    assert s.set_verdict("opinion", *span("slammed"), "reject") == "reject"
    path = data / f"{text_hash(TEXT)}.json"
    assert json.loads(path.read_text())["verdicts"][0]["verdict"] == "reject"
    s.set_note("opinion", *span("reckless"), "the mayor's word, not ours")
    again, problem = ReviewSession.open(TEXT)
    assert problem is None
    assert again.review.verdict_for("opinion", *span("reckless")).note == \
        "the mayor's word, not ours"
    assert again.review.verdict_for("opinion", *span("slammed")).verdict == "reject"
    assert not list(data.glob(".*.tmp"))   # no temporary file left


def test_nothing_is_written_for_an_article_never_reviewed(data):
    s = ReviewSession(TEXT)
    assert s.save() is None and not data.exists()


def test_undo_and_redo_are_saved_too(data):
    s = ReviewSession(TEXT)
    s.set_verdict("opinion", *span("slammed"), "accept")
    s.add("opinion", *span("reckless"))
    assert s.undo() == "add 'reckless'"
    assert ReviewSession.open(TEXT)[0].review.added == []
    assert s.redo() == "add 'reckless'"
    assert ReviewSession.open(TEXT)[0].review.added[0].anchor.text == "reckless"
    assert s.undo() and s.undo() and s.undo() is None


def test_same_verdict_again_takes_it_back(data):
    s = ReviewSession(TEXT)
    s.set_verdict("opinion", *span("slammed"), "reject")
    assert s.set_verdict("opinion", *span("slammed"), "reject") == "none"
    assert s.review.verdicts == []


def test_unwritable_folder_keeps_the_review_in_memory_and_retries(data):
    data.parent.mkdir(parents=True)
    data.write_text("a file where the folder should be")   # a real OSError from mkdir
    s = ReviewSession(TEXT)
    s.set_verdict("opinion", *span("slammed"), "reject")
    assert s.unsaved and s.error
    s.set_verdict("opinion", *span("reckless"), "accept")   # still in memory
    assert len(s.review.verdicts) == 2
    data.unlink()
    assert s.retry() is None and not s.unsaved
    assert len(json.loads((data / f"{text_hash(TEXT)}.json").read_text())["verdicts"]) == 2


def test_full_disk_message_and_rescue(data, monkeypatch, tmp_path):
    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "write_atomic", full)
    s = ReviewSession(TEXT)
    s.add("figures", *span("plan"))
    assert s.error == "No space left on device" and s.unsaved
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    rescued = s.rescue()
    assert rescued is not None and Review.from_json(rescued.read_text()).added[0].anchor.text == "plan"


def test_broken_file_is_moved_aside_not_overwritten(data):
    data.mkdir(parents=True)
    path = data / f"{text_hash(TEXT)}.json"
    path.write_text("{not json")
    s, problem = ReviewSession.open(TEXT)
    assert problem and "not a valid review" in problem and "kept as" in problem
    kept = list(data.glob("*.broken-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"
    assert s.review.empty


def _writer(folder: str, n: int, label: str) -> None:
    store.data_dir = lambda: Path(folder)
    s = ReviewSession(TEXT)
    for i in range(n):
        s.set_note("opinion", *span("slammed"), f"{label} {i}")


def test_two_writers_last_write_wins_and_the_file_is_never_torn(data):
    ctx = multiprocessing.get_context("fork")
    folder = str(data.parent)
    procs = [ctx.Process(target=_writer, args=(folder, 150, label)) for label in ("A", "B")]
    for p in procs:
        p.start()
    path = data / f"{text_hash(TEXT)}.json"
    reads = 0
    while any(p.is_alive() for p in procs):
        if path.exists():
            Review.from_json(path.read_text())   # every read is a whole, valid review
            reads += 1
    for p in procs:
        p.join()
        assert p.exitcode == 0
    note = Review.from_json(path.read_text()).verdicts[0].note
    assert note in ("A 149", "B 149")
    assert reads > 0 and not list(data.glob(".*.tmp"))
