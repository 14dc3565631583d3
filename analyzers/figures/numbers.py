"""Reading numbers as written in English news: digits, number words, scales, fractions.

Pure functions over strings, no spaCy.  `parse_digits("1,200.5") == 1200.5`,
`parse_words("two and a half million") == (2500000.0, 22)`.  Word lists here were written
by the slant developers from general knowledge of English (licence: MIT).
"""

from __future__ import annotations

import math
import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000, "millionth": 1e6,
}
# Denominator words of fractions ("two-thirds", "a quarter of").
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
}
# Vague plural magnitudes ("hundreds of"), read as one order of magnitude: [low, 10*low).
VAGUE = {
    "tens": 10.0, "dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "trillions": 1e12,
}
VULGAR = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")

_WORD_TOKEN = re.compile(r"[A-Za-z]+")


def parse_digits(text: str) -> float | None:
    """'1,200' -> 1200.0, '.5' -> 0.5, '3.2' -> 3.2; None when not a plain numeral."""
    t = text.replace(",", "")
    try:
        value = float(t)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def superscript_int(text: str) -> int | None:
    """An exponent written with ASCII or superscript digits and minus signs."""
    t = text.translate(_SUPERSCRIPT).replace("−", "-").replace("–", "-").replace(" ", "")
    try:
        return int(t)
    except ValueError:
        return None


def parse_words(text: str) -> tuple[float, int] | None:
    """Read a number written in words from the start of `text`.

    Returns (value, characters consumed) for the longest well-formed prefix, e.g.
    "twenty-five people" -> (25.0, 11), "a hundred and ten" -> (110.0, 17),
    "two and a half years" -> (2.5, 14); None when `text` does not start with one.
    "one two" stops after "one": a unit never follows a unit.
    """
    total = 0.0        # completed groups (thousands and above)
    current = 0.0      # the group being built (below a thousand)
    last = ""          # kind of the previous accepted word
    end = 0            # end of the last accepted word
    after_and = False
    pos = 0
    while True:
        m = _WORD_TOKEN.match(text, pos)
        if not m:
            break
        word = m.group().lower()
        if word == "a" and not last:
            # "a hundred", "a dozen": the article stands for one
            if _next_word(text, m.end()) not in _AFTER_A:
                return None
            current, last = 1.0, "unit"
        elif word == "and" and last and not after_and:
            half = _AND_A_HALF.match(text, m.start())
            if half and last in ("unit", "ten", "dozen"):
                current += 0.5
                last, end, pos = "half", half.end(), half.end()
                sep = _SEP.match(text, pos)
                if not sep:
                    break
                pos = sep.end()
                continue
            if last not in ("hundred", "scale"):
                break
            after_and = True
            sep = _SEP.match(text, m.end())
            if not sep:
                break
            pos = sep.end()
            continue
        elif word in UNITS or word in TENS:
            if last in ("unit", "ten", "half", "dozen") and not (last == "ten" and word in UNITS
                                                                 and UNITS[word] < 10):
                break
            current += UNITS.get(word, TENS.get(word, 0))
            last = "ten" if word in TENS else "unit"
        elif word == "hundred" and last in ("unit", "ten") and not after_and and current < 100:
            current *= 100
            last = "hundred"
        elif word in _BIG and last and last != "scale" and not after_and:
            scale = _BIG[word]
            if total and total < scale * 1000:
                break
            total += current * scale
            current = 0.0
            last = "scale"
        elif word == "dozen" and last in ("unit", "ten") and not after_and and current < 100:
            current *= 12
            last = "dozen"
        else:
            break
        after_and = False
        end = m.end()
        sep = _SEP.match(text, end)
        if not sep:
            break
        pos = sep.end()
    if not last:
        return None
    return total + current, end


_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_AFTER_A = ("hundred", "thousand", "million", "billion", "trillion", "dozen")
_AND_A_HALF = re.compile(r"and\s+a\s+half\b", re.I)
_SEP = re.compile(r"[ \t\u00a0\u202f]+|-(?=[A-Za-z])")


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s+([A-Za-z]+)", text[pos:])
    return m.group(1).lower() if m else ""
