from analyzers.compare.quotes import shared_quotes


def test_shared_quotes_and_how_each_article_cuts_them(sides):
    rows = shared_quotes(*sides)
    got = [(r["a"]["speaker"], r["b"]["speaker"], r["cut"], r["same_speaker"],
            r["a"]["words"], r["b"]["words"]) for r in rows]
    assert got == [
        ("Halvard Rusk", "Halvard Rusk", "a_longer", True, 25, 12),   # partial in the column
        ("Dana Kello", "Tomas Berrin", "a_longer", False, 18, 8),     # given to another speaker
        ("Anneli Voss", "Anneli Voss", "a_longer", True, 22, 5),
    ]
    assert rows[0]["b"]["kind"] == "partial" and rows[0]["a"]["kind"] == "direct"
    assert rows[0]["shared_words"] == 12


def test_no_shared_quotes_between_unrelated_articles(unrelated):
    from analyzers.compare.common import Side

    assert shared_quotes(Side(unrelated[0], "a"), Side(unrelated[1], "b")) == []
