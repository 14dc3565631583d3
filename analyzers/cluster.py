"""Corpus runs on a Dask cluster (the optional extra `slant[dask]`: dask and distributed).

    import dask.bag as db
    from analyzers.cluster import analyze_bag

    texts = db.from_sequence(my_texts, npartitions=8)
    lines = analyze_bag(texts).compute()      # JSON strings (slant.analysis/1), in order

`analyze_bag(bag)` maps each partition through the same per-article analysis as
`slant analyze` (`analyze_many`: one `nlp.pipe` over the partition), so the results are
those of a local run.  Each worker process loads the spaCy pipeline once, the first time
a partition reaches it (`analyzers.pipeline.load` keeps one per process), and keeps it for
every later partition.  A bag's order is its partitions' order, so `compute()` (or
`to_delayed()` partition by partition) gives the results in input order.

No dask import at the top: the extra is optional, and the rest of slant never needs it.
"""

from __future__ import annotations

from typing import Any, Iterable

from .model import Source

EXTRA_HINT = "pip install 'slant[dask]'"


def require_dask() -> None:
    """ImportError with the install hint when the extra is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError(f"the Dask extra is not installed ({EXTRA_HINT})") from exc


def analyze_bag(texts: Any, *, model: str | None = None,
                settings: dict[str, Any] | None = None) -> Any:
    """A `dask.bag` of analyses (compact `slant.analysis/1` JSON strings) for a bag of
    article texts, or of `(text, source)` pairs where `source` is a `Source` or a dict with
    `path` and `title`.  An article whose analysis fails raises on the worker."""
    from .pipeline import requested_model

    want = requested_model(model)   # the client's choice, not each worker's environment
    return texts.map_partitions(_strict_partition, want, settings)


def _strict_partition(items: Iterable[Any], model: str | None,
                      settings: dict[str, Any] | None) -> list[str]:
    out = []
    for payload, error in analyze_partition(items, model, settings):
        if error:
            raise RuntimeError(error)
        out.append(payload)
    return out


def analyze_partition(items: Iterable[Any], model: str | None,
                      settings: dict[str, Any] | None) -> list[tuple[str | None, str | None]]:
    """(JSON, None) or (None, one-line error) per item, in order: the whole partition in
    one `nlp.pipe` batch, and article by article only when the batch fails (so one bad
    article does not cost the others their results)."""
    from . import analyze_many
    from .pipeline import load

    pairs = [_pair(item) for item in items]
    if not pairs:
        return []
    pipe = load(model)            # once per worker process (cached there)
    texts = [t for t, _ in pairs]
    sources = [s for _, s in pairs]
    try:
        return [(a.to_json(indent=None), None) for a in
                analyze_many(texts, sources=sources, pipeline=pipe, settings=settings)]
    except Exception:
        pass
    out: list[tuple[str | None, str | None]] = []
    for text, source in pairs:
        try:
            a = next(analyze_many([text], sources=[source], pipeline=pipe, settings=settings))
            out.append((a.to_json(indent=None), None))
        except Exception as exc:
            name = (source.path if source else None) or "an article"
            out.append((None, f"{name}: analysis failed ({type(exc).__name__}: {exc})"))
    return out


def _pair(item: Any) -> tuple[str, Source | None]:
    if isinstance(item, str):
        return item, None
    text, source = item
    if isinstance(source, dict):
        source = Source(path=source.get("path"), title=source.get("title"))
    return str(text), source
