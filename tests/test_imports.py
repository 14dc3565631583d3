"""The import contracts in pyproject.toml ([tool.importlinter]) hold: the engine never
imports the reader or Textual, its layers point down, and no package has an import cycle.
A failure names the offending import or the cycle."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lint(cwd: Path, config: Path, env_path: Path) -> subprocess.CompletedProcess:
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filename={str(config)!r}, no_cache=True, no_logo=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True,
                          text=True, env={"PYTHONPATH": str(env_path), "PATH": ""})


def test_the_project_keeps_its_import_contracts():
    result = lint(ROOT, ROOT / "pyproject.toml", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_cycle_is_caught_and_named(tmp_path):
    pkg = tmp_path / "demo"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "low.py").write_text("from . import high\n")
    (pkg / "high.py").write_text("from . import low\n")
    config = tmp_path / "contracts.toml"
    config.write_text(textwrap.dedent("""
        [tool.importlinter]
        root_packages = ["demo"]

        [[tool.importlinter.contracts]]
        name = "no cycles"
        type = "acyclic_siblings"
        ancestors = ["demo"]
    """))
    result = lint(tmp_path, config, tmp_path)
    assert result.returncode != 0
    assert "No cycles are allowed in demo" in result.stdout
    assert "-> ." in result.stdout
