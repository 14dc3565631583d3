"""Currencies and units that follow or precede a number, with their normalised names.

Tables written by the slant developers from general knowledge of English news style
(licence: MIT).  Normalised units are ISO 4217 codes for money ("USD"; "cent" and "pence"
for the small coins), "%" / "pp" (percentage points) / "bp" (basis points) for shares,
singular English words for durations ("week"), "year old" for ages, and the usual
symbols for measures ("km", "kg", "mph", "°C").
"""

from __future__ import annotations

import re

# -- money written before the number ------------------------------------------------------
# Surface -> ISO code.  A bare "$" is read as US dollars (the commonest in English news).
_PREFIX_SYMBOLS = {
    "US$": "USD", "US $": "USD", "U.S.$": "USD", "U.S. $": "USD", "$US": "USD",
    "A$": "AUD", "$A": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD",
    "NZ$": "NZD", "$NZ": "NZD", "HK$": "HKD", "HK $": "HKD", "S$": "SGD", "R$": "BRL",
    "MX$": "MXN", "NT$": "TWD", "$": "USD",
    "£": "GBP", "€": "EUR", "JP¥": "JPY", "CN¥": "CNY", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "₦": "NGN", "₽": "RUB", "₪": "ILS", "฿": "THB", "₺": "TRY", "₱": "PHP",
}
# Letter codes need a word boundary on their left ("USD10m" is fine, "XUSD10" is not).
_PREFIX_CODES = {
    "Rs.": "INR", "Rs": "INR", "RM": "MYR", "Rp": "IDR",
    **{c: c for c in ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "NZD", "HKD",
                      "SGD", "INR", "KRW", "ILS", "NIS", "MYR", "BRL", "ZAR", "SEK", "NOK",
                      "DKK", "TRY", "RUB", "MXN", "RMB", "PHP", "THB", "IDR", "NGN", "AED",
                      "SAR", "PLN")},
}
_PREFIX_CODES["NIS"] = "ILS"
_PREFIX_CODES["RMB"] = "CNY"

CURRENCY_PREFIX = ("(?:"
                   + "|".join(re.escape(s) for s in sorted(_PREFIX_SYMBOLS, key=len, reverse=True))
                   + "|(?<![A-Za-z])(?:"
                   + "|".join(re.escape(s) for s in sorted(_PREFIX_CODES, key=len, reverse=True))
                   + ")(?=[ \t\u00a0\u202f]?[-−]?[\\d.]))")


def prefix_currency(surface: str) -> str:
    s = " ".join(surface.split())
    return _PREFIX_SYMBOLS.get(s) or _PREFIX_CODES.get(s) or "USD"


# -- multipliers after the number -----------------------------------------------------------
SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
               "trillion": 1e12, "lakh": 1e5, "crore": 1e7}
SCALE_WORD_RE = re.compile(r"(?:[ \t\u00a0\u202f]+|-)(?i:(hundred|thousand|million|billion|trillion|lakh|crore))"
                           r"(?:s(?=[ \t\u00a0\u202f]+of\b))?(?![A-Za-z])")
SCALE_ABBR = {"bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
              "m": 1e6, "b": 1e9, "k": 1e3, "M": 1e6, "B": 1e9, "K": 1e3}
# "2bn", "3.5 mn"; single letters only glued to the number ("$5m", "4.3M").
SCALE_ABBR_RE = re.compile(r"[ \t\u00a0\u202f]?(bn|bln|mn|mln|tn|trn)(?![A-Za-z])|(m|b|k|M|B|K)(?![A-Za-z0-9²³])")
# Without a currency only these single letters are scales: "4.3M", "50k" ("5K" is a race,
# "4K" a screen, "37m" a length).
SCALE_WITHOUT_MONEY = frozenset(("bn", "bln", "mn", "mln", "tn", "trn", "M", "k"))

# -- units after the number ------------------------------------------------------------------
# (kind, normalised unit, surfaces).  Word surfaces match in any case and may take a
# hyphen before them ("six-week", "6.1-inch"); symbol surfaces match as written.
_WORDS: list[tuple[str, str, str]] = [
    # shares
    ("percent", "pp", "percentage points|percentage point|percent points|per cent points"),
    ("percent", "bp", "basis points|basis point"),
    ("percent", "%", "per cent|percent|per-cent"),
    # ages
    ("quantity", "year old", "years old|year old|year-old|years-old|years of age|year of age"),
    ("quantity", "month old", "months old|month old|month-old|months-old"),
    ("quantity", "week old", "weeks old|week-old"),
    ("quantity", "day old", "days old|day-old"),
    # durations
    ("duration", "second", "seconds|second"),
    ("duration", "minute", "minutes|minute"),
    ("duration", "hour", "hours|hour"),
    ("duration", "day", "days|day"),
    ("duration", "week", "weeks|week"),
    ("duration", "month", "months|month"),
    ("duration", "year", "years|year"),
    ("duration", "decade", "decades|decade"),
    ("duration", "century", "centuries|century"),
    ("duration", "millennium", "millennia|millennium"),
    # money written as words after the number
    ("money", "USD", "US dollars|U.S. dollars|American dollars|dollars|dollar"),
    ("money", "AUD", "Australian dollars|Australian dollar"),
    ("money", "CAD", "Canadian dollars|Canadian dollar"),
    ("money", "NZD", "New Zealand dollars|New Zealand dollar"),
    ("money", "HKD", "Hong Kong dollars|Hong Kong dollar"),
    ("money", "SGD", "Singapore dollars|Singapore dollar"),
    ("money", "TWD", "Taiwan dollars|Taiwanese dollars"),
    ("money", "EUR", "euros|euro"),
    ("money", "GBP", "pounds sterling|pound sterling|sterling"),
    ("money", "JPY", "yen"),
    ("money", "CNY", "yuan|renminbi"),
    ("money", "INR", "rupees|rupee"),
    ("money", "ILS", "shekels|shekel"),
    ("money", "DKK", "Danish crowns|Danish kroner|Danish krone"),
    ("money", "SEK", "Swedish crowns|Swedish kronor|Swedish krona"),
    ("money", "NOK", "Norwegian crowns|Norwegian kroner|Norwegian krone"),
    ("money", "CHF", "Swiss francs|Swiss franc"),
    ("money", "kr", "crowns|kronor|kroner|krona|krone"),
    ("money", "KRW", "South Korean won|Korean won"),
    ("money", "RUB", "roubles|rubles|rouble|ruble"),
    ("money", "TRY", "Turkish lira|lira"),
    ("money", "ZAR", "rand"),
    ("money", "MYR", "ringgit"),
    ("money", "IDR", "rupiah"),
    ("money", "THB", "baht"),
    ("money", "NGN", "naira"),
    ("money", "AED", "dirhams|dirham"),
    ("money", "SAR", "riyals|riyal"),
    ("money", "PLN", "zloty|zlotys"),
    ("money", "peso", "pesos|peso"),
    ("money", "BTC", "bitcoins|bitcoin"),
    ("money", "cent", "cents|cent"),
    ("money", "pence", "pence"),
    # measures
    ("quantity", "km", "kilometres|kilometers|kilometre|kilometer|kms"),
    ("quantity", "m", "metres|meters|metre|meter"),
    ("quantity", "cm", "centimetres|centimeters|centimetre|centimeter"),
    ("quantity", "mm", "millimetres|millimeters|millimetre|millimeter"),
    ("quantity", "µm", "micrometres|micrometers|micrometre|micrometer|microns|micron"),
    ("quantity", "nm", "nanometres|nanometers|nanometre|nanometer"),
    ("quantity", "nmi", "nautical miles|nautical mile"),
    ("quantity", "mi", "miles|mile"),
    ("quantity", "yd", "yards|yard"),
    ("quantity", "ft", "feet|foot"),
    ("quantity", "in", "inches|inch"),
    ("quantity", "ly", "light-years|light years|light-year|light year"),
    ("quantity", "m²", "square metres|square meters|square metre|square meter|sq metres|sq m"),
    ("quantity", "km²", "square kilometres|square kilometers|square kilometre|square kilometer|sq km"),
    ("quantity", "ft²", "square feet|square foot|sq ft|sq feet"),
    ("quantity", "mi²", "square miles|square mile|sq miles|sq mi"),
    ("quantity", "acre", "acres|acre"),
    ("quantity", "ha", "hectares|hectare"),
    ("quantity", "m³", "cubic metres|cubic meters|cubic metre|cubic meter"),
    ("quantity", "ft³", "cubic feet|cubic foot|cu ft"),
    ("quantity", "L", "litres|liters|litre|liter"),
    ("quantity", "mL", "millilitres|milliliters|millilitre|milliliter"),
    ("quantity", "gal", "gallons|gallon"),
    ("quantity", "bbl/d", "barrels a day|barrels per day|barrel-a-day|barrels-a-day|barrel a day"),
    ("quantity", "bbl", "barrels|barrel"),
    ("quantity", "kg", "kilograms|kilogrammes|kilogram|kilogramme|kilos|kilo"),
    ("quantity", "g", "grams|grammes|gram|gramme"),
    ("quantity", "mg", "milligrams|milligram"),
    ("quantity", "µg", "micrograms|microgram"),
    ("quantity", "t", "tonnes|tonne|metric tons|metric ton"),
    ("quantity", "ton", "tons|ton"),
    ("quantity", "lb", "pounds|pound"),
    ("quantity", "oz", "ounces|ounce"),
    ("quantity", "st", "stone"),
    ("quantity", "mph", "miles per hour|miles an hour|mile-per-hour|miles-per-hour"),
    ("quantity", "km/h", "kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour"),
    ("quantity", "kn", "knots|knot"),
    ("quantity", "mpg", "miles per gallon|miles-per-gallon"),
    ("quantity", "W", "watts|watt"),
    ("quantity", "kW", "kilowatts|kilowatt"),
    ("quantity", "MW", "megawatts|megawatt"),
    ("quantity", "GW", "gigawatts|gigawatt"),
    ("quantity", "TW", "terawatts|terawatt"),
    ("quantity", "kWh", "kilowatt-hours|kilowatt hours|kilowatt-hour|kilowatt hour"),
    ("quantity", "MWh", "megawatt-hours|megawatt hours|megawatt-hour|megawatt hour"),
    ("quantity", "GWh", "gigawatt-hours|gigawatt hours|gigawatt-hour|gigawatt hour"),
    ("quantity", "TWh", "terawatt-hours|terawatt hours|terawatt-hour|terawatt hour"),
    ("quantity", "hp", "horsepower|brake horsepower"),
    ("quantity", "V", "volts|volt"),
    ("quantity", "A", "amperes|ampere|amps|amp"),
    ("quantity", "kcal", "kilocalories|calories|calorie"),
    ("quantity", "°C", "degrees Celsius|degree Celsius|degrees centigrade|degrees C|Celsius"),
    ("quantity", "°F", "degrees Fahrenheit|degree Fahrenheit|degrees F|Fahrenheit"),
    ("quantity", "°", "degrees|degree"),
    ("quantity", "GB", "gigabytes|gigabyte"),
    ("quantity", "MB", "megabytes|megabyte"),
    ("quantity", "TB", "terabytes|terabyte"),
    ("quantity", "KB", "kilobytes|kilobyte"),
    ("quantity", "Hz", "hertz"),
    ("quantity", "rpm", "revolutions per minute"),
    ("quantity", "dB", "decibels|decibel"),
    ("quantity", "GPa", "gigapascals|gigapascal"),
    ("quantity", "ppm", "parts per million"),
    ("quantity", "ppb", "parts per billion"),
    ("quantity", "N·m", "newton-metres|newton metres|newton-meters|newton meters"),
    ("quantity", "lb-ft", "pound-feet|pound-foot|foot-pounds"),
]
_SYMBOLS: list[tuple[str, str, str]] = [
    ("percent", "%", "%|pc|pct"),
    ("percent", "pp", "pp|ppt|ppts"),
    ("percent", "bp", "bps|bp"),
    ("quantity", "km", "km"),
    ("quantity", "m", "m"),
    ("quantity", "cm", "cm"),
    ("quantity", "mm", "mm"),
    ("quantity", "µm", "µm|μm"),
    ("quantity", "nm", "nm"),
    ("quantity", "mi", "mi"),
    ("quantity", "yd", "yd|yds"),
    ("quantity", "ft", "ft"),
    ("quantity", "in", "in.|in|″"),
    ("quantity", "m²", "m2|m²|sqm|sq. m"),
    ("quantity", "km²", "km2|km²"),
    ("quantity", "ft²", "sq. ft.|sq. ft|sqft|ft2|ft²"),
    ("quantity", "ha", "ha"),
    ("quantity", "m³", "m3|m³"),
    ("quantity", "L", "L|l"),
    ("quantity", "mL", "ml|mL"),
    ("quantity", "kg", "kg|kgs"),
    ("quantity", "g", "g"),
    ("quantity", "mg", "mg"),
    ("quantity", "µg", "µg|μg|mcg"),
    ("quantity", "lb", "lb|lbs"),
    ("quantity", "oz", "oz"),
    ("quantity", "mph", "mph|MPH"),
    ("quantity", "km/h", "km/h|km/hr|kph|kmh|kmph"),
    ("quantity", "mpg", "mpg|MPG"),
    ("quantity", "W", "W"),
    ("quantity", "kW", "kW|KW"),
    ("quantity", "MW", "MW"),
    ("quantity", "GW", "GW"),
    ("quantity", "kWh", "kWh|KWh|kwh"),
    ("quantity", "MWh", "MWh"),
    ("quantity", "GWh", "GWh"),
    ("quantity", "TWh", "TWh"),
    ("quantity", "hp", "hp|bhp|PS"),
    ("quantity", "V", "V"),
    ("quantity", "mAh", "mAh"),
    ("quantity", "N·m", "Nm"),
    ("quantity", "lb-ft", "lb-ft|lb ft|ft-lb"),
    ("quantity", "°C", "°C|ºC|° C|C"),
    ("quantity", "°F", "°F|ºF|° F|F"),
    ("quantity", "°", "°|º"),
    ("quantity", "GB", "GB"),
    ("quantity", "MB", "MB"),
    ("quantity", "TB", "TB"),
    ("quantity", "KB", "KB|kB"),
    ("quantity", "Gbps", "Gbps|Gb/s"),
    ("quantity", "Mbps", "Mbps|Mb/s"),
    ("quantity", "Hz", "Hz|HZ"),
    ("quantity", "kHz", "kHz"),
    ("quantity", "MHz", "MHz"),
    ("quantity", "GHz", "GHz"),
    ("quantity", "rpm", "rpm|RPM"),
    ("quantity", "dB", "dB"),
    ("quantity", "GPa", "GPa"),
    ("quantity", "kPa", "kPa"),
    ("quantity", "psi", "psi"),
    ("quantity", "ppm", "ppm"),
    ("quantity", "ppb", "ppb"),
    ("duration", "hour", "h|hr|hrs"),
    ("duration", "second", "sec|secs"),
    ("duration", "minute", "min|mins"),
    ("duration", "week", "wk|wks"),
    ("duration", "year", "yr|yrs"),
    ("money", "pence", "p"),
    ("money", "EUR", "€"),
    ("money", "USD", "USD"),
    ("money", "EUR", "EUR"),
    ("money", "GBP", "GBP"),
    ("money", "JPY", "JPY"),
    ("money", "CHF", "CHF"),
]
# Symbols that are only read glued to the number ("37m", "45g", "30C"): spaced, they are
# too often ordinary words or initials ("5 m people", "12 C", "in 3 s").
GLUED_ONLY = frozenset(("m", "g", "L", "l", "C", "F", "h", "p", "mi", "in.", "in", "nm", "V", "W"))
# Symbols that may follow a hyphen ("a 5-mpg boost"); others may not ("3-D", "10-K").
_HYPHEN_OK = frozenset(("km", "cm", "mm", "kg", "mph", "mpg", "MW", "GW", "kW", "mAh", "GB",
                        "TB", "MB", "lb", "oz", "ft", "mg"))

UNIT_INFO: dict[str, tuple[str, str]] = {}
for _kind, _norm, _forms in _WORDS:
    for _f in _forms.split("|"):
        UNIT_INFO["w:" + " ".join(_f.lower().split())] = (_kind, _norm)
for _kind, _norm, _forms in _SYMBOLS:
    for _f in _forms.split("|"):
        UNIT_INFO["s:" + _f] = (_kind, _norm)


def _alternation(forms: list[str]) -> str:
    forms = sorted(set(forms), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"[ \t\u00a0\u202f]+") for f in forms)


_word_forms = [f for _, _, fs in _WORDS for f in fs.split("|")]
_symbol_forms = [f for _, _, fs in _SYMBOLS for f in fs.split("|")]
# "1.2 billion Marrovian crowns", "40 Icelandic kronur": a nationality word before a currency
# word; the currency is then that of the word after it (or of the pair, where the table has
# it, as "Danish crowns").
_money_words = [f for k, _, fs in _WORDS if k == "money" for f in fs.split("|") if " " not in f]
UNIT_RE = re.compile(
    r"(?P<gap>[ \t\u00a0\u202f]*-[ \t\u00a0\u202f]*|[ \t\u00a0\u202f]+|)"
    r"(?:(?P<demonym>[A-Z][a-z]+(?:an|ese|ish|ic|i))[ \t\u00a0\u202f]+"
    r"(?=(?i:" + _alternation(_money_words) + r")(?![A-Za-z])))?"
    r"(?:(?P<word>(?i:" + _alternation(_word_forms) + r"))(?![A-Za-z])"
    r"|(?P<sym>" + _alternation(_symbol_forms) + r")(?![A-Za-z0-9²³]))")


def unit_of(match: re.Match) -> tuple[str, str] | None:
    """(kind, normalised unit) of a UNIT_RE match, or None when it may not apply here."""
    gap = match.group("gap")
    word = match.group("word")
    if word is not None:
        key = " ".join(word.lower().split())
        demonym = match.group("demonym")
        if demonym is not None:
            pair = UNIT_INFO.get(f"w:{demonym.lower()} {key}")
            if pair is not None:
                return pair
            info = UNIT_INFO.get("w:" + key)
            if info is None or info[0] != "money":
                return None
            return ("money", "dollar") if info[1] == "USD" else info   # not US dollars
        return UNIT_INFO.get("w:" + key)
    sym = match.group("sym")
    if match.group("demonym") is not None:
        return None
    if sym in GLUED_ONLY and gap:
        return None
    if "-" in gap and sym not in _HYPHEN_OK:
        return None
    return UNIT_INFO.get("s:" + sym)
