from analyzers.compare.align import align
from analyzers.compare.wording import by_category, swaps


def test_words_one_article_uses_and_the_other_does_not(sides):
    rows = {r["category"]: r for r in by_category(*sides)}
    labels = {w["text"] for w in rows["label"]["only_b"]}
    assert labels == {"mob", "thugs"}
    assert {w["text"] for w in rows["doubt"]["only_b"]} == {"admitted", "insisted"}
    assert rows["unsupported"]["only_b"][0]["text"] == "Critics say"
    # the wire report has no opinion in its own voice
    assert all(not r["only_a"] for r in rows.values())


def test_pairs_of_words_for_the_same_thing(sides):
    pairs = {(p["a"]["text"], p["b"]["text"]): p for p in swaps(*sides, align(*sides))}
    assert pairs[("protesters", "rioters")]["how"] == "matching sentences"
    assert pairs[("crowd", "mob")]["how"] == "neutral wording"
    assert pairs[("crowd", "mob")]["b"]["category"] == "label"
    assert pairs[("said", "admitted")]["b"]["category"] == "doubt"
    a, b = sides
    s, e = pairs[("protesters", "rioters")]["b"]["span"]
    assert b.text[s:e] == "rioters"


def test_no_pairs_without_matching_paragraphs(sides):
    pairs = swaps(*sides, [])
    assert ("protesters", "rioters") not in {(p["a"]["text"], p["b"]["text"]) for p in pairs}
