"""Numbers that are not figures: labels ("Route 9"), list markers, names ("Apollo 11"),
the pronoun "one", and marking years and ages."""

from __future__ import annotations

import re
from .items import Item, prev_word


# Lowercase words after which a bare number is a label, not a quantity ("section 230").
LABEL_WORDS = frozenset("""
    section article chapter page pages room flight route highway interstate channel game
    level grade category unit suite gate platform terminal exit episode season week phase
    stage type version number no no. model series act scene verse bus apollo pier lot
    ward district precinct amendment rule title paragraph clause item figure fig. table
    tier division row seat track band class squad jersey shirt note notes footnote
""".split())


# Capitalised words that may stand before a count without making it a name.
_CAPITAL_OK = frozenset("""
    About Around Almost Nearly Over Under Some Only Just Roughly Approximately More Less
    Fewer Another Top Last All Those These The A An And Or But Of In On At For With From
    To By Since Until After Before Between Up Down Exactly Precisely Perhaps Maybe Fully
    Barely Among Including Within Than Every Each While When As Like Unlike Then Now Still
    Yet So If Although Though Because Once During Through Across Against Without Many Few
    Several Most Estimated Additional
""".split())


# Words that make a following "one" a pronoun or idiom rather than a count.
_ONE_BEFORE = frozenset("""
    no any every each some the this that which same last other another little loved young
    only right wrong new old big small good bad such what whichever first next better best
    latter former lucky chosen special real true dear favourite favorite oldest youngest
    biggest nearest
""".split())


_ONE_AFTER = frozenset("""
    another who whom whose which that of can could must should would will might may has had
    is was does did knows says thinks wonders needs gets feels sees finds 's ’s
""".split())


_YEAR_CUE = re.compile(r"\b(?:in|since|by|from|until|till|through|of|between|and|to|during|before|"
                       r"after|circa|c\.|year|early|late|mid|fiscal|FY)[ \t\u00a0\u202f]*-?\Z", re.I)


def mark_years(text: str, items: list[Item]) -> None:
    for it in items:
        if it.kind != "count" or not it.bare or not it.plain_int:
            continue
        v = it.value or 0
        if it.end - it.start != 4 or not 1000 <= v <= 2199:
            continue
        if 1800 <= v <= 2099 or _YEAR_CUE.search(text, max(0, it.start - 12), it.start):
            it.kind = "year"


def is_label(text: str, it: Item) -> bool:
    """A bare number that names something: "Boeing 737", "Game 7", "section 230", "BBC One"."""
    if it.kind != "count" or not it.bare or it.unit == "fraction":
        return False
    pw = prev_word(text, it.start)
    if pw is None or text[pw[1] + len(pw[0]):it.start] != " ":
        return False     # a layout break ("UK  Two prominent ..."): no name runs across it
    word, at = pw
    if word.lower() in LABEL_WORDS or word in ("No.", "no.", "#"):
        return True
    if word[-1] in ",;:)!?\"”’'–—" or word.endswith("'s") or word.endswith("’s") \
            or (word[-1] == "." and not word[:-1].isalpha()):
        return False     # the number starts a clause or follows a possessive
    if word[0].isupper() or any(c.isupper() for c in word[1:]) or "&" in word:
        # a capitalised word before a bare number names it ("Boeing 737", "Fox 5"), unless
        # it is a function word that happens to open the sentence ("In 2019", "Nearly 40")
        return word.rstrip(".") not in _CAPITAL_OK
    return False


def is_list_marker(text: str, it: Item) -> bool:
    """"(1) copy, (2) model" or "1. First point" at a line start: numbering, not counts."""
    if it.kind != "count" or not it.bare or not it.plain_int or (it.value or 0) > 20:
        return False
    before = text[max(0, it.start - 40):it.start]
    after = text[it.end:it.end + 1]
    if before.endswith("(") and after == ")":
        # a marker opens its clause: "(2)" after a colon or comma, not "Bramwell (360)"
        prev = before[:-1].rstrip()[-1:]
        return not prev.isalnum() and prev not in (")", "%")
    nl = before.rfind("\n")
    at_line_start = not before[nl + 1:].strip() if nl != -1 else it.start == len(before) and not before.strip()
    return at_line_start and after in (".", ")")


def is_capitalised_name(text: str, it: Item) -> bool:
    """"the Ten Commandments", "the Fourth Amendment": a capitalised number word inside a
    name (mid-sentence and followed by another capitalised word)."""
    if not (it.word or it.kind == "ordinal") or it.kind not in ("count", "ordinal"):
        return False
    if not text[it.start].isupper() or not it.bare and it.kind == "count":
        return False
    pw = prev_word(text, it.start)
    if pw is None or pw[0][-1] in ".!?:;\"”“'’" or pw[0] in _CAPITAL_OK:
        return False
    if text[it.start - 1:it.start] == "\n":
        return False
    nxt = re.match(r"[ \t\u00a0\u202f]+([A-Z])", text[it.end:it.end + 3])
    return nxt is not None


def is_pronoun_one(text: str, it: Item) -> bool:
    if not it.word or it.kind != "count" or text[it.start:it.end].lower() != "one":
        return False
    pw = prev_word(text, it.start)
    if pw and pw[0].lower().strip("\"“‘'(") in _ONE_BEFORE:
        return True
    if _DET_ADJ_BEFORE.search(text, max(0, it.start - 40), it.start):
        return True      # "a temporary one", "the only real one"
    nxt = re.match(r"[ \t\u00a0\u202f]*([\w’']+)", text[it.end:it.end + 20])
    if nxt is None:
        return True      # "the best one."
    return nxt.group(1).lower() in _ONE_AFTER


_DET_ADJ_BEFORE = re.compile(r"\b(?i:a|an|the|this|that|every|each|which|his|her|their|its|our|"
                             r"my|your)[ \t\u00a0\u202f]+[a-z]+(?:[ \t\u00a0\u202f]+[a-z]+)?[ \t\u00a0\u202f]+\Z")


_AGE_BEFORE = re.compile(r"[A-Z][\w’'.-]*,[ \t\u00a0\u202f]\Z|\b(?:[Aa]ge|[Aa]ged|[Aa]ges)[ \t\u00a0\u202f]+\Z")


_AGE_AFTER = re.compile(r"[ \t\u00a0\u202f]*[,)]")


def mark_ages(text: str, items: list[Item]) -> None:
    """"Maddon, 66, said": an age in apposition to a name."""
    for it in items:
        if it.kind == "count" and it.bare and it.plain_int and 1 <= (it.value or 0) < 120 \
                and (m := _AGE_BEFORE.search(text, max(0, it.start - 40), it.start)) \
                and (_AGE_AFTER.match(text, it.end) or not m.group().endswith(", ")):
            it.kind, it.unit = "quantity", "year old"
