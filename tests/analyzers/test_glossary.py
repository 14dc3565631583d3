"""The technique glossary has an entry, with every field, for each category and sub-kind
the analyzers produce (the list comes from analyzers.model, not from a copy)."""

from __future__ import annotations

import pytest

from analyzers import glossary, model
from analyzers.glossary import GlossaryError, parse, technique_keys


def test_every_category_and_subkind_has_an_entry():
    entries = glossary.load()
    expected = ({f"quotes.{k}" for k in model.QUOTE_KINDS} | {"officials"}
                | {f"figures.{k}" for k in model.FIGURE_KINDS}
                | {f"opinion.{k}" for k in model.OPINION_CATEGORIES})
    assert set(technique_keys()) == expected
    assert set(entries) == expected
    for key, e in entries.items():
        assert all(getattr(e, f) for f in glossary.FIELDS), key
        assert e.ask.endswith("?"), key           # the careful reader's question
        assert e.example != e.neutral, key


def test_a_new_kind_without_an_entry_fails(monkeypatch):
    monkeypatch.setitem(glossary.SUBKINDS, "figures", (*model.FIGURE_KINDS, "speed"))
    with pytest.raises(GlossaryError, match=r"no entry for \[figures.speed\]"):
        parse(glossary.glossary_path().read_text(encoding="utf-8"))


def test_a_missing_field_is_named():
    text = glossary.glossary_path().read_text(encoding="utf-8")
    broken = text.replace('ask = "Who says so?"\n', "", 1)
    with pytest.raises(GlossaryError, match=r"\[opinion.unsupported\] lacks ask"):
        parse(broken)


def test_broken_toml_is_one_error():
    with pytest.raises(GlossaryError, match="glossary"):
        parse("[quotes.direct\nname = 1")


def test_entry_lookup():
    assert glossary.entry("officials").name == "Named official"
    assert glossary.entry("officials", "anything").key == "officials"
    assert glossary.entry("opinion", "doubt").ask == "Why not just 'said'?"
    assert glossary.entry("opinion", "no-such-category") is None
