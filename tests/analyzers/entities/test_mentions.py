"""analyzers/entities/mentions.py: the evidence each mention carries for its type.

Sentences and names written for these tests by the slant developers.
"""

from __future__ import annotations

import pytest

from analyzers import analyze


def typed(pipe, text, name):
    found = [e for e in analyze(text, pipeline=pipe).entities if e.name == name]
    assert found, name
    return found[0].type


@pytest.mark.parametrize("text", [
    "Greta Poll has run a bakery in Hessel for fifteen years.",
    "The lorries now come the long way round through Hessel, and drivers pay for it.",
    "The detour runs 40 km to the inland town of Hessel.",
])
def test_a_lone_name_after_in_or_through_or_town_of_is_a_place(full, text):
    assert typed(full, text, "Hessel") == "place"


def test_an_organisation_word_keeps_an_organisation_after_in(full):
    text = "The motion was defeated in Parliament on Thursday."
    assert typed(full, text, "Parliament") == "organization"


@pytest.mark.parametrize("text", [
    "The package was drawn up with help from a London consultancy, Ashby Lorne, which was "
    "paid six million.",
    "The package was drawn up by Ashby Lorne, a consultancy based in London.",
])
def test_a_name_set_off_beside_an_organisation_noun_is_an_organisation(pipe, text):
    assert typed(pipe, text, "Ashby Lorne") == "organization"


def test_a_person_beside_a_job_at_a_firm_stays_a_person(pipe):
    text = "Tomas Hale, a manager at the firm, said the contract was fair."
    assert typed(pipe, text, "Tomas Hale") == "person"


def test_a_surname_opening_a_sentence_before_a_colon_is_still_a_mention(full):
    # the tagger does not read this "Ekdahl" as a proper noun
    text = ("Marta Ekdahl spoke first.\n\n"
            "Ekdahl added: \u201cOur members are not against this bridge.\u201d")
    found = [e for e in analyze(text, pipeline=full).entities if "Ekdahl" in e.name]
    assert len(found) == 1
    assert [text[s:t] for s, t in found[0].mentions] == ["Marta Ekdahl", "Ekdahl"]

