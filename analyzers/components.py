"""The one table of slant's spaCy components: factory name, span group, what each assigns
and requires.  The run order, the span groups and the factories' own metadata derive from it.

Importing this module is cheap: the component modules are imported by `register()` only.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Component:
    factory: str                  # the spaCy factory name, also the config key in settings
    module: str                   # the module whose import registers the factory
    field: str                    # the `Analysis` field the results fill
    requires: tuple[str, ...] = ()  # span groups read (written by other components)

    @property
    def span_key(self) -> str:
        """`doc.spans[...]` key of the results; each span also carries `span._.<key>`."""
        return self.factory

    @property
    def assigns(self) -> tuple[str, ...]:
        return (f"span._.{self.span_key}",)

    @property
    def requires_attrs(self) -> tuple[str, ...]:
        return tuple(f"span._.{key}" for key in self.requires)


# Quotes resolve speakers to entities; opinion looks inside quotes.
TABLE = (
    Component("slant_entities", "analyzers.entities.component", "entities"),
    Component("slant_quotes", "analyzers.quotes.component", "quotes",
              requires=("slant_entities",)),
    Component("slant_figures", "analyzers.figures.component", "figures"),
    Component("slant_opinion", "analyzers.opinion.component", "opinion",
              requires=("slant_quotes",)),
)


def _run_order(table: tuple[Component, ...]) -> tuple[Component, ...]:
    """Table order, except that a component runs after every group it requires."""
    done: list[Component] = []
    pending = list(table)
    while pending:
        ready = next((c for c in pending
                      if all(r in {d.span_key for d in done} for r in c.requires)), None)
        if ready is None:
            names = ", ".join(c.factory for c in pending)
            raise ValueError(f"components with unmet or circular requirements: {names}")
        done.append(ready)
        pending.remove(ready)
    return tuple(done)


ORDER = _run_order(TABLE)
COMPONENTS = tuple(c.factory for c in ORDER)     # names, in the order they must run
SPAN_KEYS = tuple(c.span_key for c in ORDER)
BY_NAME = {c.factory: c for c in TABLE}


def factory_meta(name: str) -> dict[str, tuple[str, ...]]:
    """`assigns`/`requires` for `@Language.factory(name, **factory_meta(name))`."""
    c = BY_NAME[name]
    return {"assigns": c.assigns, "requires": c.requires_attrs}


def register() -> None:
    """Import every component module, which registers its factory with spaCy."""
    for c in TABLE:
        importlib.import_module(c.module)
