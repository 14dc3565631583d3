"""analyzers/entities/hygiene.py: entries that are not names in running text are dropped.

Sentences written for these tests by the slant developers.
"""

from __future__ import annotations

from analyzers.entities.hygiene import clean
from analyzers.model import Entity


def ent(text: str, name: str, type_: str, eid: str = "e1") -> Entity:
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    assert starts, name
    return Entity(eid, name, type_, mentions=[(s, s + len(name)) for s in starts])


def names(text: str, ents: list[Entity]) -> list[str]:
    return [e.name for e in clean(text, ents)]


def test_dateline_credit_is_dropped_but_a_name_in_brackets_later_is_kept():
    text = "LOWMOOR, June 2 (Fenwick Press) - The mill closed.\n\nThe owner (Ada Rook) - ill - stayed home."
    kept = names(text, [ent(text, "Fenwick Press", "person"), ent(text, "Ada Rook", "person", "e2")])
    assert kept == ["Ada Rook"]


def test_first_word_of_a_longer_place_name_is_not_a_person():
    text = "The Osprey Valley Tunnel will close. Osprey engineers agreed."
    ents = [ent(text, "Osprey Valley Tunnel", "place"), Entity("e2", "Osprey", "person", mentions=[(37, 43)])]
    assert names(text, ents) == ["Osprey Valley Tunnel"]


def test_lone_surname_of_a_person_is_kept_beside_a_place_of_that_name():
    text = "Mira Osprey opened the Osprey Valley Tunnel. Osprey said it was late."
    ents = [ent(text, "Mira Osprey", "person"), ent(text, "Osprey Valley Tunnel", "place", "e2"),
            Entity("e3", "Osprey", "person", mentions=[(45, 51)])]
    assert "Osprey" in names(text, ents)


def test_words_of_a_titled_work_are_dropped():
    text = 'The board published a paper titled "Quiet Rivers: The Dredging Question" on Friday.'
    assert names(text, [ent(text, "Quiet Rivers", "person"), ent(text, "Dredging Question", "person", "e2")]) == []


def test_sentence_initial_verb_is_dropped_but_a_sentence_initial_name_is_kept():
    text = "Peel back the promises and little is left. Tamsin said so."
    ents = [ent(text, "Peel", "place"), ent(text, "Tamsin", "person", "e2")]
    assert names(text, ents) == ["Tamsin"]


def test_plural_abbreviation_is_a_group_not_an_organisation():
    text = "On Monday MPs will vote."
    out = clean(text, [ent(text, "MPs", "organization")])
    assert [(e.name, e.type) for e in out] == [("MPs", "group")]


def test_a_quoted_title_case_slogan_of_common_words_is_dropped():
    text = 'Minister: "No New Taxes"\n\nThe minister ruled out new taxes on Monday.'
    assert names(text, [ent(text, "No New Taxes", "other")]) == []


def test_a_name_quoted_in_title_case_is_kept_when_its_words_are_not_common():
    text = 'Banner: "Free Karin Vogt"\n\nThe protest was quiet and free of trouble.'
    assert names(text, [ent(text, "Karin Vogt", "person")]) == ["Karin Vogt"]


def test_a_title_case_name_in_running_speech_is_kept():
    # a long quotation is speech, not a slogan, even when the name's words are common
    text = ('"The New Harbour has failed us all this winter," she said. '
            'A new harbour was promised.')
    assert names(text, [ent(text, "New Harbour", "place")]) == ["New Harbour"]
