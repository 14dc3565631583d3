"""Where slant's bundled files are: `assets/` in a checkout, `slant_assets` once installed."""

from __future__ import annotations

from pathlib import Path


def assets_dir() -> Path:
    try:
        import slant_assets  # the installed package (or an editable mapping)

        return Path(slant_assets.__file__).parent
    except ImportError:
        return Path(__file__).resolve().parent.parent / "assets"


def samples() -> list[Path]:
    return sorted(p for p in (assets_dir() / "samples").iterdir()
                  if p.suffix in (".txt", ".md", ".html"))


def default_sample() -> Path:
    """The article `slant` opens with no argument."""
    found = samples()
    preferred = [p for p in found if p.stem.startswith("01")]
    return (preferred or found)[0]


def compare_samples() -> tuple[Path, Path]:
    """The bundled pair `slant compare --sample` opens: a wire report and a column on one
    invented event (in their own folder, so `samples()` does not list them)."""
    found = sorted(p for p in (assets_dir() / "samples" / "compare").iterdir()
                   if p.suffix == ".txt")
    if len(found) != 2:
        raise OSError("the bundled pair of sample articles is not complete")
    return found[0], found[1]


def lexicons_dir() -> Path:
    return assets_dir() / "lexicons"
