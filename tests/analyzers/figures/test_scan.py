"""analyzers/figures/scan.py: a scale word then a currency noun used as a modifier is money.

Sentences written for these tests by the slant developers.
"""

from __future__ import annotations

import pytest

from analyzers.figures.scan import scan


def first(text: str):
    items = scan(text)
    assert items, f"no figure in {text!r}"
    return items[0]


@pytest.mark.parametrize("text, unit, scale", [
    ("The harbour board took a 1.2 billion crown loan last spring.", "kr", 1e9),
    ("Ministers backed a 2 million-crown grant for the ferry.", "kr", 1e6),
    ("It was sold in a 3 billion pound deal.", "GBP", 1e9),
    ("She announced a 40 million franc fund.", "CHF", 1e6),
])
def test_scale_word_and_currency_modifier_is_money(text, unit, scale):
    item = first(text)
    assert (item.kind, item.unit, item.scale) == ("money", unit, scale)


def test_pound_without_a_scale_word_stays_a_weight():
    item = first("He carried a 5 pound bag up the hill.")
    assert item.kind == "quantity" and item.unit == "lb"


def test_plural_crowns_still_money():
    item = first("The ticket cost 40 crowns.")
    assert (item.kind, item.unit) == ("money", "kr")


@pytest.mark.parametrize("text, unit, end", [
    ("The bank will lend the town 1.2 billion Vestrian crowns next year.", "kr", "crowns"),
    ("The fine was 300 Danish crowns.", "DKK", "crowns"),
    ("Fares rose to 12 Orlanese dollars on Monday.", "dollar", "dollars"),
])
def test_a_nationality_word_before_the_currency_is_part_of_the_money(text, unit, end):
    item = first(text)
    assert (item.kind, item.unit) == ("money", unit)
    assert text[item.start:item.end].endswith(end)


def test_a_nationality_word_before_another_noun_is_not_a_unit():
    item = first("The council hired 40 Vestrian engineers.")
    assert item.kind == "count" and item.unit is None
    assert "Vestrian" not in "The council hired 40 Vestrian engineers."[item.start:item.end]
