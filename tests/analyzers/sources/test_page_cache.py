"""The feed cache: where it lives, atomic entries, damaged entries ignored."""

from __future__ import annotations

from pathlib import Path

from analyzers.sources.cache import PageCache, Reply, cache_root, write_atomic


def test_root_is_the_platform_cache_folder_unless_slant_cache_names_one(monkeypatch, tmp_path):
    monkeypatch.delenv("SLANT_CACHE", raising=False)
    from platformdirs import user_cache_dir

    assert cache_root() == Path(user_cache_dir("slant", appauthor=False))
    monkeypatch.setenv("SLANT_CACHE", str(tmp_path))
    assert cache_root() == tmp_path


def test_put_then_get(tmp_path):
    cache = PageCache("https://courier.example/rss", root=tmp_path)
    assert cache.get("https://courier.example/a") is None
    cache.put(Reply("https://courier.example/a", b"<html>\xe2\x80\x9c</html>", "text/html", "utf-8"))
    got = cache.get("https://courier.example/a")
    assert got == Reply("https://courier.example/a", b"<html>\xe2\x80\x9c</html>", "text/html",
                        "utf-8")
    assert "https://courier.example/a" in cache and "https://courier.example/b" not in cache
    assert sorted(p.suffix for p in cache.folder.iterdir()) == [".json", ".page"]


def test_a_damaged_entry_is_a_miss(tmp_path):
    cache = PageCache("feed", root=tmp_path)
    cache.put(Reply("https://x.example/", b"page", "text/html", None))
    (meta,) = cache.folder.glob("*.json")
    meta.write_text("{not json")
    assert cache.get("https://x.example/") is None


def test_an_unwritable_cache_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = PageCache("feed", root=blocker)    # a file where the folder should be
    cache.put(Reply("https://x.example/", b"page", "text/html", None))
    assert cache.get("https://x.example/") is None


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "f.page"
    write_atomic(path, b"old")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["f.page"]
