from analyzers.compare.align import align


def _starts(side, i, n=40):
    s, _ = side.paragraphs[i]
    return side.text[s:s + n]


def test_the_matching_paragraphs_of_the_bundled_pair(sides):
    a, b = sides
    found = {(_starts(a, m.a, 20), _starts(b, m.b, 20)): m.why for m in align(a, b)}
    # the crowd size: the same sentence with another figure and another word for the marchers
    assert found[("Police said about 30", "At least 2,000 riote")] == ["words"]
    # Rusk's quote, cut in the column
    assert "quote" in found[("Police Commissioner ", "Even Police Commissi")]
    # the damage: shared words only (the two figures differ)
    assert ("Twelve people were a", "The thugs who rampag") in found
    # the same quote given to another speaker still matches the paragraphs
    assert "quote" in found[("Dana Kello, the unio", "\"We came to be heard")]
    assert "quote" in found[("Mayor Anneli Voss sa", "Mayor Anneli Voss, p")]
    assert "figure" in found[("The depot, which ser", "Yes, the depot emplo")]
    assert len(found) == 6


def test_each_paragraph_matches_one_other_at_most(sides):
    matches = align(*sides)
    assert len({m.a for m in matches}) == len({m.b for m in matches}) == len(matches)


def test_unrelated_articles_share_almost_nothing(unrelated):
    from analyzers.compare.common import Side

    matches = align(Side(unrelated[0], "a"), Side(unrelated[1], "b"))
    assert len(matches) <= 1 and all("quote" not in m.why for m in matches)
