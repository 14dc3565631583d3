from analyzers.compare.common import same_person
from analyzers.compare.speakers import compare_speakers


def test_who_each_article_quotes(sides):
    sp = compare_speakers(*sides)
    both = {r["name"]: (r["a"]["words"], r["b"]["words"]) for r in sp["both"]}
    assert both == {"Halvard Rusk": (25, 12), "Anneli Voss": (22, 5)}
    assert [r["name"] for r in sp["only_a"]] == ["Dana Kello", "Lise Farr"]
    assert [r["name"] for r in sp["only_b"]] == ["Greta Sund", "Tomas Berrin"]
    a, b = sides
    for row in sp["both"]:
        (s, e), = row["a"]["spans"]
        assert a.text[s] in "“\"" and row["a"]["quotes"] == 1
        (s, e), = row["b"]["spans"]
        assert b.text[s] == '"'


def test_same_person_by_surname_unless_first_names_differ():
    assert same_person("Halvard Rusk", "Rusk")
    assert same_person("Commissioner Halvard Rusk", "Halvard Rusk")
    assert not same_person("Lena Vogt", "Anna Vogt")
    assert not same_person("Lena Vogt", None)
