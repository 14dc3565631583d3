"""analyzers/quotes/headlines.py: telling a heading line, a role phrase and a pulled quote.

Lines written for these tests by the slant developers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from analyzers.model import Entity
from analyzers.quotes import headlines as hl


@pytest.mark.parametrize("line, heading", [
    ('Minister: "No new taxes"', True),
    ("Port strike looms", True),
    ('"We are not going back to work"', True),
    ('"We are not going back to work."', False),
    ("The council met on Monday.", False),
    ("Why did the bridge close?", False),
    ("A very long line " * 12, False),
])
def test_is_heading(line, heading):
    text = "Intro.\n\n" + line + "\n\nBody text follows here."
    start = text.index(line)
    assert hl.is_heading(text, start, start + len(line)) is heading
    assert hl.on_heading(text, start + 1) is heading


def test_role_phrase_is_a_few_plain_words_ending_the_line():
    text = '"No new taxes" - finance minister'
    start = text.index("finance")
    assert text[slice(*hl.role_phrase(text, start, len(text)))] == "finance minister"
    assert hl.role_phrase(text, text.index("No"), len(text)) is None        # too long
    long = "the minister of state for ports"
    assert hl.role_phrase(long, 0, len(long)) is None


def test_titled_person_needs_exactly_one_holder():
    vogt = Entity("e1", "Karin Vogt", "person", official=True, title="Finance Minister")
    hale = Entity("e2", "Jon Hale", "person", official=True, title="Transport Minister")
    bank = Entity("e3", "Minister Bank", "organization")
    assert hl.titled_person([vogt, bank], "Minister") is vogt
    assert hl.titled_person([vogt, hale], "minister") is None
    assert hl.titled_person([vogt], "union chief") is None


@dataclass
class P:
    start: int
    end: int


@dataclass
class G:
    pieces: list
    att: object = None


def test_pull_quote_donor_is_the_body_quote_holding_the_words():
    text = '"We will not wait"\n\n"We will not wait for the bank," Vogt said.'
    head = G([P(0, 18)])
    body = G([P(20, 52)], att="vogt")
    assert hl.pull_quote_donor(text, head, [head, body]) is body
    other = G([P(20, 52)], att=None)
    assert hl.pull_quote_donor(text, head, [head, other]) is None


def test_a_quote_inside_a_sentence_is_not_a_pull_quote():
    text = 'Vogt said "we will not wait" today\n\n"We will not wait for the bank," Vogt said.'
    head = G([P(10, 28)])
    body = G([P(36, 68)], att="vogt")
    assert hl.pull_quote_donor(text, head, [head, body]) is None
