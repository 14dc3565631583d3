"""analyzers/entities/merge.py: mentions of one referent become one entity, typed by the
fullest mention.

Sentences and names written for these tests by the slant developers.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzers import analyze


def ents(pipe, text):
    return analyze(text, pipeline=pipe).entities


def who(ents_, name):
    found = [e for e in ents_ if e.name == name]
    assert found, f"no {name!r} in {[(e.name, e.type) for e in ents_]}"
    return found[0]


def texts(text, e):
    return [text[s:t] for s, t in e.mentions]


@pytest.mark.parametrize("text", [
    # spaCy reads the lone "Vogt" here as an organisation
    "Economy Minister Karin Vogt defended the budget on Tuesday. Vogt told parliament the "
    "deficit would shrink. Critics of Vogt said the numbers did not add up.",
    "Finance Minister Karin Vogt presented the plan. According to Vogt, the plan saves "
    "money. The opposition attacked Vogt over the figures.",
])
def test_a_surname_mislabelled_as_an_organisation_joins_the_titled_person(pipe, text):
    found = ents(pipe, text)
    vogt = who(found, "Karin Vogt")
    assert vogt.type == "person" and vogt.official
    assert texts(text, vogt) == ["Karin Vogt", "Vogt", "Vogt"]
    assert [e.name for e in found if "Vogt" in e.name] == ["Karin Vogt"]


def test_a_full_name_read_as_a_place_is_one_person_with_its_surname(full):
    # spaCy labels "Karin Vogt" a place here and the lone "Vogt" a person
    text = "Karin Vogt runs the harbour authority. Vogt said the cranes were old."
    found = ents(full, text)
    vogt = who(found, "Karin Vogt")
    assert vogt.type == "person"
    assert texts(text, vogt) == ["Karin Vogt", "Vogt"]
    assert len([e for e in found if "Vogt" in e.name]) == 1


def test_a_surname_before_a_weekday_is_still_the_surname(pipe):
    text = ("Karin Vogt, the finance minister, presented the plan on Monday. Asked about it, "
            "Vogt Tuesday declined to comment.")
    found = ents(pipe, text)
    assert "Vogt Tuesday" not in [e.name for e in found]
    assert texts(text, who(found, "Karin Vogt"))[-1] == "Vogt"


def test_a_programme_named_after_a_weekday_keeps_it(full):
    text = "She appeared on Harbour News Sunday to defend the plan."
    assert "Harbour News Sunday" in [e.name for e in ents(full, text)]


def test_an_organisation_named_like_a_person_stays_apart_from_an_unrelated_surname(pipe):
    # a place or an organisation with an organisation word never turns into a person
    text = ("The Vogt Shipping Company filed its accounts. Karin Vogt, a dock worker, said "
            "the firm owed her wages. Vogt said she would sue.")
    found = ents(pipe, text)
    assert who(found, "Vogt Shipping Company").type == "organization"
    assert who(found, "Karin Vogt").type == "person"


def test_nationality_and_group_words_stay_groups(full):
    text = ("The Dutch finance ministry said the Germans and the French would agree. "
            "Dutch officials were upbeat, and Republicans in the assembly objected.")
    found = ents(full, text)
    for name in ("Dutch", "Germans", "French", "Republicans"):
        assert who(found, name).type == "group"
    assert not [e for e in found if e.type == "person"]


_GIVEN = ["Karin", "Tomas", "Ilse", "Pieter", "Marta", "Jonas", "Rina", "Anselm"]
_SURNAME = ["Vogt", "Hale", "Brandvik", "Ekdahl", "Ferro", "Sahl", "Dorrit", "Morrow"]
_SHORT = ["{s} said the plan was late.", "According to {s}, the cost rose.",
          "Critics of {s} were loud.", "{s}'s office declined to comment.",
          "The council thanked {s} on Friday."]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(st.integers(0, len(_GIVEN) - 1), min_size=1, max_size=3, unique=True),
       later=st.lists(st.tuples(st.integers(0, 2), st.integers(0, len(_SHORT) - 1)),
                      max_size=5))
def test_merging_never_loses_or_splits_a_mention_of_a_person(full, people, later):
    """Each person is introduced with a title and full name; every later surname mention
    ends up in that person's entity, and no mention lands in two entities."""
    sents = [f"Port Minister {_GIVEN[k]} {_SURNAME[k]} spoke first." for k in people]
    for who_, form in later:
        k = people[who_ % len(people)]
        sents.append(_SHORT[form].format(s=_SURNAME[k]))
    text = " ".join(sents)
    found = ents(full, text)
    seen = [tuple(m) for e in found for m in e.mentions]
    assert len(seen) == len(set(seen))
    for k in people:
        full_name = f"{_GIVEN[k]} {_SURNAME[k]}"
        person = who(found, full_name)
        assert person.type == "person" and person.official
        expected = text.count(_SURNAME[k])   # every written surname, full or alone
        assert len(person.mentions) == expected
        assert not [e for e in found if e is not person and _SURNAME[k] in e.name]
