"""The names a text offers for speakers and pronouns (sentences written by us)."""

from __future__ import annotations

from analyzers import spans
from analyzers.quotes.attribution import Context
from analyzers.quotes.speakers import Names
from analyzers.run import make_docs
from analyzers.text import paragraphs


def names_of(pipe, text):
    doc = next(make_docs(pipe, [text]))
    spans.write_entities(doc, [])
    return Names(doc, Context.of(doc, text, []), paragraphs(text))


def test_descriptions_of_organisations_are_mentions(pipe):
    text = "The Dutch finance ministry and the dock unions met the head of the port authority."
    found = {(m.name, m.type) for m in names_of(pipe, text).mentions if m.entity is None
             and m.name.startswith("the")}
    assert ("the Dutch finance ministry", "org") in found
    assert ("the dock unions", "plural") in found
    assert ("the port authority", "org") in found
    assert not any(name.startswith("the head") for name, _ in found)


def test_it_skips_people_and_they_takes_plurals(pipe):
    text = "The dock unions met Ana Lund. The rail company left. They spoke. It spoke."
    n = names_of(pipe, text)
    they = n.resolve(text.index("They"), "any")
    it = n.resolve(text.index("It spoke"), "org")
    assert it.name == "the rail company"
    assert they.name in ("the rail company", "the dock unions")


def test_gender_from_an_honorific_or_a_first_name(pipe):
    text = "Tomas Berg and Ana Lund met on Monday."
    n = names_of(pipe, text)
    genders = {m.name.split()[-1].strip("."): n.gender(m) for m in n.mentions}
    assert genders.get("Berg") == "m" and genders.get("Lund") == "f"


def test_an_honorific_outweighs_the_first_name(full):
    text = "On Monday Mrs. Tomas Berg met the board."
    n = names_of(full, text)
    assert [n.gender(m) for m in n.mentions if m.type != "org"] == ["f"]
