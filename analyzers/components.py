"""slant's spaCy components, registered as factories on import (and through the
`spacy_factories` entry points once installed), in the order they must run."""

from __future__ import annotations

from .entities import component as entities
from .figures import component as figures
from .opinion import component as opinion
from .quotes import component as quotes  # noqa: F401  (registers the factories)

# Quotes resolve speakers to entities; opinion looks inside quotes.
COMPONENTS = ("slant_entities", "slant_quotes", "slant_figures", "slant_opinion")
