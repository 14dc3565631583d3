"""slant_figures: the numbers an article leans on — money, shares, counts, measures, dates.

`find_figures(doc)` returns one `Figure` per figure, in text order, never overlapping.
The work is rule-based (`figure_scan.scan` over `doc.text`), so the rule-only mode finds
the same figures; with a statistical pipeline the part-of-speech tags settle one
ambiguity the rules can only guess at: whether "one" is a number or a pronoun.

What `value` and `unit` hold, by kind (the `Figure` contract keeps one number):
- money: the amount with its scale ("$420 billion" -> 420e9, unit "USD"); small coins keep
  their own unit ("50 cents" -> 50, "cent");
- percent: the number (12.0) with unit "%", "pp" (percentage points) or "bp";
- count: the number, unit None; fractions ("two-thirds", "one in five") have unit
  "fraction" and a value below 1; vague magnitudes ("hundreds of") the lower bound (100);
- quantity / duration: the number and a short unit ("km", "°C", "week", "year old");
- year: the year (2019.0; "the 1990s" -> 1990.0, unit "decade");
- date: None (a calendar date is not one number); time: the hour of day (14.5) with the
  time zone as unit when written;
- ordinal: its rank ("third" -> 3.0);
- range: the FIRST bound as written, unit shared by both ends; the second bound is not
  in the contract: `figure_bounds(fig)` reads both back from the figure's text.
  "from X to Y" and "between X and Y" are ranges; "rose by $4bn to $9bn" (each end with
  its own unit after a word of change) is a change and a level: two figures.

Not figures, on purpose: numbers that name things ("Boeing 737", "COVID-19", "G7",
"Section 230", "Fox 5", "BBC One", "the Ten Commandments"), codes and identifiers ("5G",
"3-D", "007", telephone numbers, street addresses, ids of ten digits or more), scores
and votes ("won 2-1", "passed 52-48"), list numbering ("(1)"), the pronoun "one" ("no
one", "the one who", "one can", "a temporary one"), "one of the ..." (a superlative idiom,
not a count) and the ordinal "first" (too common to be worth a highlight).  Bare month
names count as dates only after a preposition ("in May"), so the verbs stay words.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from .. import spans
from .scan import Item, scan, vague_bounds
from ..model import Figure
from ..components import factory_meta
from ..pipeline import is_full


def find_figures(doc: Doc) -> list[Figure]:
    text = spans.text(doc)
    items = scan(text)
    if is_full(doc):
        names = _name_spans(doc)
        items = [it for it in items
                 if not _pronoun_by_tag(doc, text, it) and not _inside_name(names, it)]
    return [Figure(it.start, it.end, text[it.start:it.end], it.kind, _value(it.value), it.unit)
            for it in items]


def _value(value: float | None) -> float | None:
    return None if value is None else float(value)


# Entity types whose numbers are part of a name ("Section 230", "Model 3", "Apollo 11").
_NAME_LABELS = ("LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "ORG")


def _name_spans(doc: Doc) -> list[tuple[int, int]]:
    out = []
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS and any(t.is_alpha for t in ent):
            out.append((ent.start_char, ent.end_char))
    return out


def _inside_name(names: list[tuple[int, int]], it: Item) -> bool:
    """A bare count that the NER reads as part of a named thing."""
    if it.kind != "count" or not it.bare:
        return False
    i = bisect.bisect_right(names, (it.start, float("inf"))) - 1
    return i >= 0 and names[i][0] <= it.start and it.end <= names[i][1]


def _pronoun_by_tag(doc: Doc, text: str, it: Item) -> bool:
    """"one" tagged as a pronoun or noun ("the one", "one must") is not a count.
    `text` is doc.text, read once: spaCy rebuilds it from the tokens on every access."""
    if not it.word or it.kind != "count" or text[it.start:it.end].lower() != "one":
        return False
    span = doc.char_span(it.start, it.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    return span[0].pos_ not in ("NUM", "")


def figure_bounds(fig: Figure) -> tuple[float, float] | None:
    """(low, high) as written: (value, value) for a single number, both ends of a range
    ("three to six months" -> (3, 6)) or of a vague magnitude ("hundreds" -> (100, 1000));
    None when the figure has no value."""
    if fig.value is None:
        return None
    if fig.kind in ("count", "money"):
        vague = vague_bounds(fig.text)
        if vague is not None:
            return vague
    if fig.kind == "range":
        for it in scan(fig.text):
            if it.start == 0 and it.end == len(fig.text) and it.upper is not None:
                return (fig.value, float(it.upper))
    return (fig.value, fig.value)


class FiguresComponent:
    def __call__(self, doc: Doc) -> Doc:
        spans.write(doc, "slant_figures", find_figures(doc))
        return doc


@Language.factory("slant_figures", **factory_meta("slant_figures"))
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    return FiguresComponent()
