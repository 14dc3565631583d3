"""The wheel must carry every package and the assets; a stale list in pyproject.toml
would install a slant that cannot import its own modules."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_folder_is_listed():
    listed = set(config()["tool"]["setuptools"]["packages"])
    found = set()
    for top in ("analyzers", "tui"):
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    for init in (ROOT / "assets").rglob("__init__.py"):
        found.add(".".join(("slant_assets",) + init.parent.relative_to(ROOT / "assets").parts))
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_package_data_covers_the_assets():
    data = config()["tool"]["setuptools"]["package-data"]
    suffixes = {p.suffix for p in (ROOT / "assets").rglob("*") if p.is_file()
                and p.name != "__init__.py" and "__pycache__" not in p.parts}
    patterns = {pat.lstrip("*") for pats in data.values() for pat in pats}
    assert suffixes <= patterns, suffixes - patterns


def test_console_script_and_spacy_factories():
    project = config()["project"]
    assert project["scripts"]["slant"] == "tui.cli:main"
    factories = project["entry-points"]["spacy_factories"]
    assert set(factories) == {"slant_entities", "slant_quotes", "slant_figures", "slant_opinion"}


def test_feedparser_and_the_dask_extra_are_declared():
    project = config()["project"]
    assert any(d.startswith("feedparser") for d in project["dependencies"])
    dask = project["optional-dependencies"]["dask"]
    assert {d.split(">")[0].split("[")[0] for d in dask} == {"dask", "distributed"}


def test_the_quick_start_is_two_commands_and_ci_installs_the_dask_extra():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Quick start")
    block = readme[readme.index("```sh", start) + 5:readme.index("```", readme.index("```sh", start) + 5)]
    lines = [l for l in block.splitlines() if l.strip()]
    assert len(lines) == 2 and lines[0].endswith("# read") and lines[1].endswith("# test")
    assert "pip install -e '.[test,dask]'" in lines[1]


def test_test_modules_have_unique_names():
    # pytest imports test files by basename (the folders are not packages): two files of
    # one name in different folders stop the whole run at collection.
    root = Path(__file__).resolve().parent
    names = [p.name for p in root.rglob("*.py") if p.name not in ("__init__.py", "conftest.py")]
    assert sorted({n for n in names if names.count(n) > 1}) == []
