from analyzers.compare.align import align
from analyzers.compare.figures import compare_figures


def test_disputed_agreed_and_one_sided_figures(sides):
    f = compare_figures(*sides, align(*sides))
    disputed = [(r["a"]["text"], r["b"]["text"], r["kind"]) for r in f["disputed"]]
    assert disputed == [("300", "2,000", "count"), ("40,000 crowns", "2 million crowns", "money")]
    assert "march" in f["disputed"][0]["about"] and "damage" in f["disputed"][1]["about"]
    assert ("600", "600") in [(r["a"]["text"], r["b"]["text"]) for r in f["agreed"]]
    only_a = [r["text"] for r in f["only_a"]]
    only_b = [r["text"] for r in f["only_b"]]
    # the union's count, the arrests and the savings are the wire's alone
    assert {"1,000", "Twelve", "four", "45 million crowns"} <= set(only_a)
    assert "90 minutes" in only_b
    # a figure the other article also gives is not "only" in one ("600" twice in A)
    assert "600" not in only_a
    # "one of the march's organisers" is a word, not a figure to compare
    assert "one" not in only_b


def test_spans_point_at_the_figures(sides):
    a, b = sides
    f = compare_figures(a, b, align(a, b))
    for row in f["disputed"]:
        s, e = row["a"]["span"]
        assert a.text[s:e] == row["a"]["text"]
        s, e = row["b"]["span"]
        assert b.text[s:e] == row["b"]["text"]
