"""Finding figures in plain text with rules alone: `scan(text) -> list[Item]`.

The scan is doc-level: a handful of compiled regular expressions run over the whole text
(numbers in digits or words, fractions, vague magnitudes, ordinals, dates and times), each
hit reads its context (currency before, scale and unit after), and a few passes then
classify years, drop numbers that are names ("Boeing 737", "COVID-19", "Game 7") or
pronouns ("no one"), and join pairs into ranges ("three to six months", "10-15%").

Values (see also figures.py):
- money: the amount in the written currency, scale applied ("$420 billion" -> 420e9 USD);
  "50 cents" -> 50 "cent", "118.5p" -> 118.5 "pence";
- percent: the number ("12 per cent" -> 12.0 "%"; "pp" percentage points, "bp" basis
  points); fractions ("two-thirds", "one in five") are counts with unit "fraction";
- count, quantity, duration: the number with its unit ("six weeks" -> 6.0 "week");
- year: the year ("in 2019" -> 2019.0; "the 1990s" -> 1990.0 with unit "decade");
- date: None; time: hour of the day (14.5) with the time zone as unit;
- ordinal: its number ("third" -> 3.0, "21st" -> 21.0);
- range: the first bound as written, `upper` the second; vague magnitudes ("hundreds of")
  are counts whose `upper` is ten times the value (one order of magnitude).
"""

from __future__ import annotations

import math
import re

from . import dates as figure_dates
from .units import (CURRENCY_PREFIX, SCALE_ABBR, SCALE_ABBR_RE, SCALE_WITHOUT_MONEY,
                           SCALE_WORD_RE, SCALE_WORDS, UNIT_RE, prefix_currency, unit_of)
from .numbers import (DENOMINATORS, ORDINALS, TENS, UNITS, VAGUE, VULGAR, parse_digits,
                      parse_words, superscript_int)
from .items import Item, NEXT_WORD, PREV_WORD
from .ranges import join_ranges
from .filters import (is_capitalised_name, is_label, is_list_marker, is_pronoun_one, mark_ages,
                      mark_years)


# -- regular expressions -----------------------------------------------------------------------
_VF = "".join(VULGAR)
NUM_RE = re.compile(
    rf"(?=[-−+\d.A-Z$£€¥₹₩₦₽₪฿₺₱{''.join(VULGAR)}])"
    rf"(?P<sign0>[-−+])?(?:(?P<cur>{CURRENCY_PREFIX})[ \t\u00a0\u202f]?)?(?P<sign>[-−])?"
    rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,]\d)"
    rf"|\d{{1,3}}(?:[ \u00a0\u202f\u2009]\d{{3}})+(?![\d,.]?\d)|\d+(?:\.\d+)?|\.\d+)"
    rf"(?P<vf>[{_VF}])?|(?P<vulgar>[{_VF}]))")
_NUM_WORDS = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_BIG = "hundred|thousand|million|billion|trillion|dozen"
WORD_RE = re.compile(rf"(?=[aotfsenzAOTFSENZ])\b(?:a(?=[ \t\u00a0\u202f]+(?:{_BIG})\b)|(?:{_NUM_WORDS}))\b", re.I)
VAGUE_RE = re.compile(
    r"(?=[tdhmbTDHMB])\b(?P<v>tens|dozens|hundreds|thousands|millions|billions|trillions)"
    r"(?:[ \t\u00a0\u202f]+of[ \t\u00a0\u202f]+(?P<v2>thousands|millions|billions))?(?=[ \t\u00a0\u202f]+of\b)", re.I)
_VAGUE_MONEY = re.compile(r"[ \t\u00a0\u202f]+of[ \t\u00a0\u202f]+(?:(?:US|U\.S\.|American)[ \t\u00a0\u202f]+)?(?P<c>dollars|euros|pounds)\b",
                          re.I)
_SMALL = "a|an|one|two|three|four|five|six|seven|eight|nine|ten"
_DEN = "|".join(sorted((d for d in DENOMINATORS if not d.startswith("hal")), key=len, reverse=True))
FRACTION_RE = re.compile(
    rf"(?=[aotfsenAOTFSEN\d])\b(?P<n>{_SMALL}|\d{{1,2}})(?P<sep>[ \t\u00a0\u202f]+|-)(?P<d>{_DEN})\b(?P<of>(?=[ \t\u00a0\u202f]+of\b))?", re.I)
DIGIT_FRACTION_RE = re.compile(r"(?<![\w/.,⁄-])(?P<a>\d{1,3})[ \t\u00a0\u202f]?(?P<s>[⁄/])[ \t\u00a0\u202f]?(?P<b>\d{1,3})"
                               r"(?![\w/.,⁄]|-\d)")
_FRACTION_DENOMINATORS = (2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 128)
_IN_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand"
IN_RE = re.compile(
    rf"(?=[otfsenhOTFSENH\d])\b(?P<a>{_IN_WORDS}|\d{{1,3}})[ \t\u00a0\u202f]+(?:in|out[ \t\u00a0\u202f]+of)(?:[ \t\u00a0\u202f]+every)?[ \t\u00a0\u202f]+"
    rf"(?P<b>{_IN_WORDS}|\d{{1,4}})\b(?![ \t\u00a0\u202f]*(?:%|per\b|percent)|[.,]\d)", re.I)
HALF_RE = re.compile(
    r"\bhalf(?:(?=[ \t\u00a0\u202f]+(?:of|the|its|their|his|her|our|your|all|those|these)\b)"
    r"|[ \t\u00a0\u202f]+an?[ \t\u00a0\u202f]+(?P<scale>dozen|hundred|thousand|million|billion|trillion)\b"
    r"|(?P<a>[ \t\u00a0\u202f]+an?)(?=[ \t\u00a0\u202f]+[a-z]))", re.I)
_ORD_TENS = "|".join(TENS)
_ORD_WORDS = "|".join(sorted((w for w in ORDINALS if w != "first"), key=len, reverse=True))
ORD_RE = re.compile(
    rf"(?=[stfenhmSTFENHM])\b(?:(?P<t>{_ORD_TENS})-(?P<u>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    rf"|(?P<w>{_ORD_WORDS}))\b", re.I)

_SHORT_DECADE = re.compile(r"(?<!\w)['’‘]\d0s\b")
_SCI_RE = re.compile(r"[ \t\u00a0\u202f]?[x×][ \t\u00a0\u202f]?10(?:\^|\*\*)?(?P<e>[-−–]?\d{1,3}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
                     r"(?![\d.])")
_US_AFTER = re.compile(r"[ \t\u00a0\u202f]+(?:US|U\.S\.)(?![A-Za-z])")
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])")
_MINUS_BEFORE = re.compile(r"(?i:\b(?:minus|negative))(?:[ \t\u00a0\u202f]+|[ \t\u00a0\u202f]*-)\Z")
_HYPHEN_WORD_BEFORE = re.compile(r"([A-Za-z]+)-\Z")

# Lowercase words that may be glued to a number by a hyphen without making it a name
# ("mid-2019", "sub-7", "top-10", "now-18"); "COVID-19" or "F-150" are names.
HYPHEN_PREFIXES = frozenset("""
    mid sub pre post over under top bottom last now non all up near about around minus plus
    early late some nearly almost just only high low multi super ultra best worst first to
""".split())


# -- reading one number with its context --------------------------------------------------
def _read_digits(text: str, m: re.Match) -> Item | None:
    cur, sign0, sign = m.group("cur"), m.group("sign0"), m.group("sign")
    digits = m.group("digits")
    if digits is not None:
        if len(digits) > 1 and digits[0] == "0" and digits[1] != "." \
                or len(digits) >= 10 and digits.isdigit():
            return None      # "007", "0800", "778257943577919488": codes and identifiers
        digits = re.sub(r"[ \u00a0\u202f\u2009]", "", digits)
        raw = parse_digits(digits)
        if raw is None:
            return None
        if m.group("vf"):
            raw += VULGAR[m.group("vf")]
    else:
        raw = VULGAR[m.group("vulgar")]
    start = m.start()
    negative = False
    if sign0:
        ok, negative = _sign_ok(text, start, sign0)
        if not ok:
            if sign0 == "-" and text[start - 1:start] in (" ", "\t", "\u00a0", "\u202f") and _previous_is_name(text, start):
                return None      # "COVID -19"
            start += 1           # the dash belongs to what is before ("10-15", "minus-5")
    if sign:
        negative = negative or sign in "-−"
    bad, hyphen_before = _left_context(text, start)
    if bad:
        return None
    mm = _MINUS_BEFORE.search(text, max(0, start - 12), start)
    if mm:                   # "minus 5", "minus-5"
        start, negative = mm.start(), True
    plain = digits is not None and digits.isdigit() and not cur and not negative \
        and not (sign0 and start == m.start())
    item = Item(start, m.end(), "count", None, raw=raw, plain_int=plain,
                hyphen_before=hyphen_before)
    pos = _read_after(text, m.end(), item, prefix_currency(cur) if cur else None)
    if pos is None:
        return None
    item.end = pos
    item.value = raw * item.scale * (-1 if negative else 1)
    if not math.isfinite(item.value):
        return None      # beyond a float: not a figure anyone reads
    return item


def _sign_ok(text: str, at: int, signs: str) -> tuple[bool, bool]:
    """Whether the sign before a number is one; (is a sign, is negative)."""
    before = text[at - 1] if at > 0 else " "
    if before.isalnum():
        return False, False
    if before in " \t" and signs[0] == "-":
        # "fell to -5" is a sign; "Dow -0.2%" too; but "5 -10" looks like a range
        prev = PREV_WORD.search(text, max(0, at - 30), at)
        if prev and prev.group(1)[-1:].isdigit():
            return False, False
    return True, "-" in signs or "−" in signs


def _previous_is_name(text: str, at: int) -> bool:
    prev = PREV_WORD.search(text, max(0, at - 30), at)
    return bool(prev and prev.group(1).isalpha() and prev.group(1).isupper())


def _left_context(text: str, start: int) -> tuple[bool, bool]:
    """(part of a name or code, glued by a hyphen to a number before)."""
    if start == 0:
        return False, False
    c = text[start - 1]
    if c.isalnum() or c in "_#@/\\'’^":
        return True, False
    if c in ".:" and start >= 2 and text[start - 2].isdigit():
        return True, False
    if c == "-" or c == "–":
        b = text[start - 2] if start >= 2 else " "
        if b.isdigit():
            return False, True
        hw = _HYPHEN_WORD_BEFORE.search(text, max(0, start - 20), start)
        if hw:
            word = hw.group(1).lower()
            return word not in HYPHEN_PREFIXES and word not in ("minus", "negative"), False
    return False, False


# A scale word then a singular currency noun is money used as a modifier ("a 1.2 billion
# crown loan", "a 2 million pound deal"); without the scale word "crown" and "pound" are
# too often something else (a weight, a tooth), so only after a scale.
_SCALED_CURRENCY = {"crown": "kr", "pound": "GBP", "franc": "CHF", "rouble": "RUB",
                    "ruble": "RUB", "rupee": "INR", "dollar": "USD", "euro": "EUR"}
_SCALED_CURRENCY_RE = re.compile(r"[ \t\u00a0\u202f]*-?[ \t\u00a0\u202f]*(?i:(crown|pound|franc|rouble|ruble|rupee|dollar|euro))(?![A-Za-z])")


def _read_after(text: str, pos: int, item: Item, currency: str | None) -> int | None:
    """Read scale, currency and unit after the number; set them on `item`; new end or
    None when the number is glued to letters that make it a code ("5G", "9AB8")."""
    m = _SCI_RE.match(text, pos)
    if m:
        exp = superscript_int(m.group("e"))
        if exp is not None and abs(exp) < 300:
            item.scale *= 10.0 ** exp
            pos = m.end()
    for _ in range(3):
        m = SCALE_WORD_RE.match(text, pos)
        if not m:
            break
        item.scale *= SCALE_WORDS[m.group(1).lower()]
        pos = m.end()
    if item.scale == 1.0:
        m = SCALE_ABBR_RE.match(text, pos)
        if m:
            key = m.group(1) or m.group(2)
            if currency or key in SCALE_WITHOUT_MONEY or (key == "m" and _counted_noun_after(text, m.end())):
                item.scale = SCALE_ABBR[key]
                pos = m.end()
    if currency:
        item.kind, item.unit = "money", currency
        m = _US_AFTER.match(text, pos)
        if m and currency == "USD":
            pos = m.end()
        else:
            u = UNIT_RE.match(text, pos)
            info = unit_of(u) if u else None
            if info and info[0] == "money":    # "$5 million dollars"
                pos = u.end()
    else:
        m = _SCALED_CURRENCY_RE.match(text, pos) if item.scale >= 1e3 else None
        u = UNIT_RE.match(text, pos)
        info = unit_of(u) if u else None
        if m:
            item.kind, item.unit = "money", _SCALED_CURRENCY[m.group(1).lower()]
            pos = m.end()
        elif info:
            item.kind, item.unit = info
            pos = u.end()
        elif item.scale == 1.0 and item.plain_int:
            m = _ORD_SUFFIX.match(text, pos)
            if m and _ordinal_suffix_fits(int(item.raw or 0), m.group()):
                item.kind = "ordinal"
                pos = m.end()
            elif text.startswith("s", pos) and len(text[item.start:pos]) == 4 \
                    and text[pos - 1] == "0" and not _glued(text, pos + 1):
                item.kind, item.unit = "year", "decade"
                pos += 1
    if _glued(text, pos):
        return None
    item.bare = item.kind == "count" and item.scale == 1.0
    return pos


_NOT_PLURAL = frozenset("""
    this thus was has does goes its his hers plus minus less across towards afterwards
    hurdles heats finals always sometimes perhaps besides whereas
""".split())


def _counted_noun_after(text: str, pos: int) -> bool:
    """"1.5m units", "2m people": a glued "m" before a plural noun means million (a
    length is followed by a singular noun or an adjective: "a 37m yacht", "5m high")."""
    m = NEXT_WORD.match(text, pos)
    if m is None:
        return False
    w = m.group(1)
    if w in ("people", "children", "men", "women"):
        return True
    return (w.islower() and len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and w not in _NOT_PLURAL)


def _glued(text: str, pos: int) -> bool:
    if pos >= len(text):
        return False
    c = text[pos]
    if c.isalnum():
        return True
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    if c in "/:.,⁄x" and nxt.isdigit():
        return True
    # "3-D", "10-K": a hyphen and a lone capital letter make a code
    return c == "-" and nxt.isupper() and not text[pos + 2:pos + 3].isalpha()


def _ordinal_suffix_fits(k: int, suffix: str) -> bool:
    if 10 <= k % 100 <= 20:
        return suffix == "th"
    return suffix == {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")


def _read_words(text: str, m: re.Match) -> Item | None:
    parsed = parse_words(text[m.start():m.start() + 120])
    if parsed is None:
        return None
    raw, length = parsed
    start = m.start()
    if start > 0 and (text[start - 1] == "-" and start >= 2 and text[start - 2].isalpha()):
        hw = _HYPHEN_WORD_BEFORE.search(text, max(0, start - 20), start)
        if hw and hw.group(1).lower() not in HYPHEN_PREFIXES:
            return None
    negative = False
    mm = _MINUS_BEFORE.search(text, max(0, start - 12), start)
    if mm:
        start, negative = mm.start(), True
    item = Item(start, m.start() + length, "count", None, raw=raw, word=True)
    pos = _read_after(text, item.end, item, None)
    if pos is None:
        return None
    if item.kind == "count" and text.startswith("-", pos) and pos + 1 < len(text) \
            and text[pos + 1].isalpha() and m.group().lower() == "one":
        return None     # "one-off", "one-on-one", "one-time"
    item.end = pos
    item.value = raw * item.scale * (-1 if negative else 1)
    if not math.isfinite(item.value):
        return None      # beyond a float: not a figure anyone reads
    return item


# -- other finders ----------------------------------------------------------------------------
def _word_value(word: str) -> float | None:
    w = word.lower()
    if w in ("a", "an"):
        return 1.0
    if w.isdigit():
        return float(w)
    if w in UNITS:
        return float(UNITS[w])
    if w in TENS:
        return float(TENS[w])
    return {"hundred": 100.0, "thousand": 1000.0}.get(w)


def _fractions(text: str) -> list[Item]:
    out = []
    for m in FRACTION_RE.finditer(text):
        num = _word_value(m.group("n"))
        den_word = m.group("d").lower()
        den = DENOMINATORS[den_word]
        plural = den_word.endswith("s")
        if num is None or num >= den:
            continue
        if plural and num < 2:
            continue
        if not plural and num >= 2:
            continue
        if m.group("of") is None and (m.group("sep") != "-" or m.group("n").isdigit()):
            continue     # "a third term", "in three quarters" (of a year)
        out.append(Item(m.start(), m.end(), "count", num / den, "fraction"))
    for m in DIGIT_FRACTION_RE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < a < b and (m.group("s") == "⁄" or b in _FRACTION_DENOMINATORS):
            out.append(Item(m.start(), m.end(), "count", a / b, "fraction"))
    for m in IN_RE.finditer(text):
        a, b = _word_value(m.group("a")), _word_value(m.group("b"))
        if a is None or b is None or not (0 < a < b) or b < 2:
            continue
        u = UNIT_RE.match(text, m.end())
        if u and unit_of(u):
            continue     # "3 in 10 years"
        out.append(Item(m.start(), m.end(), "count", a / b, "fraction"))
    for m in HALF_RE.finditer(text):
        prev = PREV_WORD.search(text, max(0, m.start() - 30), m.start())
        if prev and prev.group(1).lower() in ("first", "second", "third", "fourth", "other",
                                               "latter", "former", "the", "a", "better",
                                               "top", "bottom", "last", "next", "and"):
            continue
        if m.group("scale"):
            scale = {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6,
                     "billion": 1e9, "trillion": 1e12}[m.group("scale").lower()]
            out.append(Item(m.start(), m.end(), "count", 0.5 * scale, raw=0.5, scale=scale))
        elif m.group("a"):
            u = UNIT_RE.match(text, m.end())
            info = unit_of(u) if u else None
            if info and info[0] in ("duration", "quantity"):
                out.append(Item(m.start(), u.end(), info[0], 0.5, info[1]))
        else:
            out.append(Item(m.start(), m.end(), "count", 0.5, "fraction"))
    return out


def _vague(text: str) -> list[Item]:
    out = []
    for m in VAGUE_RE.finditer(text):
        low = VAGUE[m.group("v").lower()]
        if m.group("v2"):
            low *= VAGUE[m.group("v2").lower()]
        item = Item(m.start(), m.end(), "count", low, upper=low * 10)
        money = _VAGUE_MONEY.match(text, m.end())
        if money:
            item.kind = "money"
            item.unit = {"dollars": "USD", "euros": "EUR", "pounds": "GBP"}[money.group("c").lower()]
            item.end = money.end()
        out.append(item)
    return out


_VAGUE_WHOLE = re.compile(VAGUE_RE.pattern.replace(r"(?=[ \t\u00a0\u202f]+of\b)", "") + _VAGUE_MONEY.pattern.join(("(?:", ")?")), re.I)


def vague_bounds(text: str) -> tuple[float, float] | None:
    """Bounds of a whole vague magnitude: "hundreds" -> (100, 1000)."""
    m = _VAGUE_WHOLE.fullmatch(text.strip())
    if m is None:
        return None
    low = VAGUE[m.group("v").lower()] * (VAGUE[m.group("v2").lower()] if m.group("v2") else 1)
    return low, low * 10


def _ordinal_words(text: str) -> list[Item]:
    out = []
    for m in ORD_RE.finditer(text):
        if m.group("w"):
            word = m.group("w").lower()
            if word == "second" and not _second_is_ordinal(text, m):
                continue
            value = float(ORDINALS[word])
        else:
            value = float(TENS[m.group("t").lower()] + ORDINALS[m.group("u").lower()])
        out.append(Item(m.start(), m.end(), "ordinal", value))
    return out


def _second_is_ordinal(text: str, m: re.Match) -> bool:
    if text.startswith("-", m.end()):
        return True      # "second-largest"
    prev = PREV_WORD.search(text, max(0, m.start() - 30), m.start())
    return bool(prev) and prev.group(1).lower() in (
        "the", "its", "his", "her", "their", "our", "your", "my", "a", "every", "each", "in",
        "for", "this", "that")


# -- the scan ----------------------------------------------------------------------------------
def scan(text: str) -> list[Item]:
    """Every figure in `text`, in order, without overlaps."""
    cands: list[tuple[int, int, int, Item | None]] = []
    for s, e in figure_dates.non_figures(text):
        cands.append((s, -e, 0, None))
    for f in figure_dates.dates_and_times(text):
        cands.append((f.start, -f.end, 1, Item(f.start, f.end, f.kind, f.value, f.unit)))
    for it in _fractions(text) + _vague(text):
        cands.append((it.start, -it.end, 2, it))
    for m in NUM_RE.finditer(text):
        it = _read_digits(text, m)
        if it is not None:
            cands.append((it.start, -it.end, 3, it))
    for m in WORD_RE.finditer(text):
        it = _read_words(text, m)
        if it is not None:
            cands.append((it.start, -it.end, 3, it))
    for it in _ordinal_words(text):
        cands.append((it.start, -it.end, 4, it))
    for m in _SHORT_DECADE.finditer(text):
        cands.append((m.start(), -m.end(), 2, Item(m.start(), m.end(), "year", None, "decade")))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    items: list[Item] = []
    taken_until = 0
    for s, neg_e, _, it in cands:
        if s < taken_until:
            continue
        taken_until = -neg_e
        if it is not None:
            items.append(it)
    mark_years(text, items)
    items = [it for it in items if not is_label(text, it) and not is_pronoun_one(text, it)
             and not is_list_marker(text, it) and not is_capitalised_name(text, it)]
    mark_ages(text, items)
    return join_ranges(text, items)


