"""Calendar dates, clock times and number-like strings that are not figures.

`dates_and_times(text)` finds explicit dates ("March 3", "3 March 2024", "Feb. 21, 2019",
"April 2018", "in May", "2024-03-14"), weekdays ("on Monday", "last Tuesday") and clock
times ("9 a.m.", "10.45pm", "14:30 GMT").  `non_figures(text)` finds the spans whose digits
must not be read as figures at all: telephone numbers and street addresses.

Values: a date has no value (None); a clock time is the hour of the day as a decimal
("14:30" -> 14.5, "9 p.m." -> 21.0) with the time zone, when written, as its unit.
Word lists written by the slant developers (licence: MIT).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{_MONTHS}|{_MONTH_ABBR})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:[-–](?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NOT_A_FIGURE_AFTER = r"(?![\d:,]\d|\s*(?:%|per\s?cent|percent|million|billion|bn|m\b))"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Words after which a bare month name is a date ("in May", "since March"); "May" and
# "March" alone are too often a verb.
_MONTH_CUES = ("in|on|since|by|until|till|from|to|through|during|before|after|last|next|"
               "this|early|late|mid|end of|beginning of|start of|middle of|of|between|and|or|"
               "In|On|Since|By|Until|From|During|Before|After|Last|Next|This|Early|Late")

DATE_RE = re.compile(
    # every date starts with a capital, a digit, "mid-" or last/next/this: failing fast on
    # other characters keeps the scan cheap
    r"(?=[A-Z0-9lnmt])"
    rf"(?:\b(?:{MONTH})\s+{_DAY}(?:,?\s+{_YEAR})?(?!\w){_NOT_A_FIGURE_AFTER}"
    rf"|(?<![\w.,$£€-]){_DAY}\s+(?:of\s+)?(?:{MONTH})(?:,?\s+{_YEAR})?(?!\w)"
    rf"|\b(?:{_MONTHS}|{_MONTH_ABBR})\s+{_YEAR}(?!\w)"
    rf"|(?P<mid>\bmid-)?(?P<month>\b(?:{_MONTHS}))\b(?!\.?\s+(?:{_DAY}|{_YEAR})\b)"
    rf"|(?:\b(?:last|next|this|Last|Next|This)\s+)?\b(?:{WEEKDAYS})s?\b"
    r"|(?<![\w./-])(?:\d{4}-[01]\d-[0-3]\d|[0-3]?\d/[0-3]?\d/(?:\d{4}|\d{2}))(?![\w/-]))"
)
_CUE_BEFORE = re.compile(rf"\b(?:{_MONTH_CUES})\s+\Z")

_AMPM = r"(?P<ap>[aApP])\.?[ \t\u00a0\u202f]?[mM]\.?(?![A-Za-z])"
_ZONES = ("GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|ET|CT|MT|PT|"
          "IST|JST|KST|AEST|AEDT|ACST|AWST|NZST|NZDT|HKT|SGT|WIB")
TIME_RE = re.compile(
    r"(?=\d)(?:"
    # 9 a.m., 10.45pm, 5:00 AM PDT
    rf"(?<![\w.:,])(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?(?::[0-5]\d)?[ \t\u00a0\u202f]?{_AMPM}"
    rf"(?:[ \t\u00a0\u202f]+(?P<tz>{_ZONES})\b)?"
    # 14:30, 14:30 GMT
    rf"|(?<![\w.:,])(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    rf"(?:[ \t\u00a0\u202f]+(?P<tz2>{_ZONES})\b)?"
    # 1430 GMT
    rf"|(?<![\w.:,])(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)[ \t\u00a0\u202f]?(?P<tz3>{_ZONES})\b)"
)

_HOUR_WORDS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
OCLOCK_RE = re.compile(r"(?i:\b(?P<h>one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|1[0-2]|0?[1-9])[ \t\u00a0\u202f]+o['’]clock\b)")

_PHONE_RE = re.compile(
    r"(?=[+(\d])(?:"
    r"(?<![\w.])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\w.]?\d)"
    r"|(?<![\w.,-])\(?\d{3}\)?[ .-]\d{3}[.-]\d{4}(?![\w-])"
    r"|(?<![\w.,-])\d{3}-\d{4}(?![\w-])"
    r"|(?<![\w.,])0\d{2,4}[ \t\u00a0\u202f]\d{3,4}[ \t\u00a0\u202f]\d{3,4}(?![\w]))"
)
_STREET = ("Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|"
           "Ct|Square|Terrace|Highway|Hwy|Parkway|Pkwy|Crescent|Close|Row|Alley|Circle")
_ADDRESS_RE = re.compile(
    rf"(?<![\w.,$£€-])\d{{1,5}}[A-Za-z]?(?:-\d{{1,5}})?[ \t\u00a0\u202f]+(?:(?:[A-Z][a-z]*|\d+(?:st|nd|rd|th))\.?[ \t\u00a0\u202f]+){{1,3}}"
    rf"(?:{_STREET})\b\.?"
)


class Found(NamedTuple):
    start: int
    end: int
    kind: str
    value: float | None = None
    unit: str | None = None


def dates_and_times(text: str) -> list[Found]:
    out = []
    for m in DATE_RE.finditer(text):
        if m.group("month") and not m.group("mid") \
                and not _CUE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue     # a bare "May" or "March" is too often a verb
        out.append(Found(m.start(), m.end(), "date"))
    for m in TIME_RE.finditer(text):
        out.append(Found(m.start(), m.end(), "time", _hours(m), _zone(m)))
    for m in OCLOCK_RE.finditer(text):
        h = m.group("h").lower()
        out.append(Found(m.start(), m.end(), "time", float(_HOUR_WORDS.get(h) or int(h))))
    return out


def _hours(m: re.Match) -> float | None:
    g = m.groupdict()
    if g["h"] is not None:
        h, mi = int(g["h"]), int(g["mi"] or 0)
        if not 1 <= h <= 12:
            return None
        pm = g["ap"].lower() == "p"
        h = h % 12 + (12 if pm else 0)
        return h + mi / 60
    if g["h2"] is not None:
        return int(g["h2"]) + int(g["mi2"]) / 60
    return int(g["h3"]) + int(g["mi3"]) / 60


def _zone(m: re.Match) -> str | None:
    g = m.groupdict()
    return g.get("tz") or g.get("tz2") or g.get("tz3")


def non_figures(text: str) -> list[tuple[int, int]]:
    """Spans of telephone numbers and street addresses."""
    spans = [m.span() for m in _PHONE_RE.finditer(text)]
    for m in _ADDRESS_RE.finditer(text):
        spans.append(m.span())
    return spans
