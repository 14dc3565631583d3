"""The on-disk cache of built lexicons: a hit needs the same bytes, policies and code; a
bad or unwritable file only costs the build."""

from __future__ import annotations

import pickle

import pytest

from analyzers.opinion import cache, lexicons
from analyzers.opinion.lexicons import Lexicon

HAND = """[lexicon]
source = "written for this test"
licence = "MIT"

[[groups]]
category = "loaded"
name = "test words"
words = ["shameful"]
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "opinion_test.toml").write_text(HAND, encoding="utf-8")
    return lists


def _files(tmp_path):
    return sorted((tmp_path / "cache").glob(cache.PREFIX + "*.pickle"))


def test_a_second_process_reads_the_built_lexicon_back(folder, tmp_path):
    first = lexicons.load_from(folder)
    assert len(_files(tmp_path)) == 1
    lexicons._load.cache_clear()          # as a new process: only the file is left
    calls = []
    real = lexicons._build
    try:
        lexicons._build = lambda *a: calls.append(a) or real(*a)
        again = lexicons.load_from(folder)
    finally:
        lexicons._build = real
    assert calls == []
    assert again is not first and again.forms == first.forms


def test_changed_words_are_never_read_from_an_old_file(folder, tmp_path):
    assert "shameful" in lexicons.load_from(folder).forms
    lexicons._load.cache_clear()
    (folder / "opinion_test.toml").write_text(HAND.replace("shameful", "disgraceful"),
                                              encoding="utf-8")
    lex = lexicons.load_from(folder)
    assert "disgraceful" in lex.forms and "shameful" not in lex.forms
    assert len(_files(tmp_path)) == 2


def test_user_words_are_part_of_the_key(folder):
    plain = cache.key([folder / "opinion_test.toml"], "()", "()")
    mine = cache.key([folder / "opinion_test.toml"], "(('loaded', ('vile',)),)", "()")
    assert plain != mine


def test_a_broken_file_is_built_again_and_replaced(folder, tmp_path):
    built = []

    def build():
        built.append(1)
        return Lexicon(forms={}, explanations={}, words={})

    cache.cached("k", build, Lexicon)
    path = _files(tmp_path)[0]
    path.write_bytes(b"not a pickle")
    assert isinstance(cache.cached("k", build, Lexicon), Lexicon)
    assert len(built) == 2
    assert isinstance(pickle.loads(path.read_bytes()), Lexicon)   # written anew
    path.write_bytes(pickle.dumps({"another": "kind"}))
    assert isinstance(cache.cached("k", build, Lexicon), Lexicon) and len(built) == 3


def test_off_writes_nothing_and_an_unwritable_folder_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_VAR, "off")
    assert cache.cached("k", lambda: 7, int) == 7
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))   # cannot be made
    assert cache.cached("k", lambda: 8, int) == 8
    assert not list(tmp_path.glob("**/*.pickle"))


def test_only_the_newest_files_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    for i in range(cache.KEEP + 3):
        cache.cached(f"k{i}", lambda: i, int)
    assert len(list(tmp_path.glob(cache.PREFIX + "*.pickle"))) == cache.KEEP
    assert not list(tmp_path.glob(".tmp-*"))
