"""The component table is the one source of the run order, the span groups and the
factories' assigns/requires."""

import pytest
from spacy.language import Language

from analyzers import components, spans
from analyzers.components import TABLE, Component, _run_order, register


def test_run_order_puts_every_component_after_what_it_requires():
    seen: set[str] = set()
    for c in components.ORDER:
        assert set(c.requires) <= seen, c.factory
        seen.add(c.span_key)
    assert components.COMPONENTS == ("slant_entities", "slant_quotes", "slant_figures",
                                     "slant_opinion")


def test_order_follows_requirements_not_table_position():
    late = Component("b", "m", "b", requires=("a",))
    early = Component("a", "m", "a")
    assert [c.factory for c in _run_order((late, early))] == ["a", "b"]


def test_circular_requirements_are_refused_by_name():
    a = Component("a", "m", "a", requires=("b",))
    b = Component("b", "m", "b", requires=("a",))
    with pytest.raises(ValueError, match="a, b"):
        _run_order((a, b))


def test_span_groups_come_from_the_table():
    assert spans.GROUPS == tuple(c.span_key for c in components.ORDER)


def test_registered_factories_declare_what_the_table_says():
    register()
    for c in TABLE:
        meta = Language.get_factory_meta(c.factory)
        assert tuple(meta.assigns) == (f"span._.{c.span_key}",)
        assert tuple(meta.requires) == tuple(f"span._.{r}" for r in c.requires)


def test_every_analysis_field_is_filled_by_one_component():
    from analyzers.model import Analysis
    fields = {c.field for c in TABLE}
    assert fields == {"entities", "quotes", "figures", "opinion"}
    assert fields <= set(Analysis.__dataclass_fields__)
