"""Vendored word lists (`assets/lexicons/vendor/*.tsv`, made by tools/convert_lexicons.py)
merged under slant's own lists.

POLICY says, per source, whether it is used at all, which parts of speech and categories
count, the lowest strength kept, whether its entries are `weak` (shown only with support,
see `support.py`) and in whose voice.  Each choice was measured on the whole PTC and BABE
dev sets (see the numbers in each comment); a source that did not help is off.

Hand lists win: a vendor word is left out when a hand-written form, a user's extra word or
a removed word starts at the same word, so a vendor entry never shadows or revives one.
Parsing is a plain split of TSV lines (no XML at run time): a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .entry import Entry, normalize

VENDOR_GROUP = "vendor:"


@dataclass(frozen=True)
class Policy:
    on: bool = False
    pos: frozenset[str] = frozenset()        # coarse POS the tagger must give the word
    categories: frozenset[str] = frozenset(("loaded",))
    min_strength: float = 0.5
    polarity: str = "any"                     # "negative", "positive" or "any"
    weak: bool = True                         # needs support (booster before, 2nd marker)
    voice: str = "writer"                     # "writer": not inside quoted speech; "any"
    explanation: str = ""


_ADJ = frozenset(("ADJ",))
# Measured on the whole dev sets (PTC LL+NC F1 / BABE AUC / word F1 / factual share);
# without vendor lists: 0.261 / 0.754 / 0.317 / 17%.
#   vader neg ADJ >=0.6 weak 0.263/0.755/0.318/17%; not weak 0.264/0.756/0.319
#   vader neg ADJ >=0.4 weak 0.269/0.755/0.321/17%   (kept); any polarity 0.262/.755/.316
#   + pattern neg ADJ >=0.8 weak 0.269/0.755/0.322/17%; >=0.6 0.269/.756/.321.  Off: on the
#     merged branch it adds nothing (PTC 0.274 with or without) and a read of 100 new
#     highlights found its words mostly plain ("difficult", "sorry", "impossible", "bleak")
#   hedges+weasels (weak) 0.263/0.755/0.318, fillers+weasel-words: no gain -> off
POLICY: dict[str, Policy] = {
    "vader": Policy(on=True, pos=_ADJ, min_strength=0.4, polarity="negative",
                    explanation="loaded word: '{text}' is strongly negative in the VADER "
                                "sentiment list"),
    "pattern": Policy(on=False, pos=_ADJ, min_strength=0.8, polarity="negative",
                      explanation="loaded word: '{text}' is highly subjective in the "
                                  "pattern sentiment list"),
    "hedges": Policy(categories=frozenset(("hedge",))),
    "weasels": Policy(categories=frozenset(("hedge",))),
    "fillers": Policy(categories=frozenset(("booster",))),
    "weasel-words": Policy(categories=frozenset(("booster",))),
}

_POS_NAMES = {"ADJ": "adjectives", "ADV": "adverbs", "NOUN": "nouns", "VERB": "verbs"}


def policy_key(policy: dict[str, Policy] | None = None) -> str:
    """The policies as a stable string (sets sorted), for the lexicon cache's key."""
    policy = POLICY if policy is None else policy
    parts = []
    for name, pol in sorted(policy.items()):
        fields = {k: sorted(v) if isinstance(v, frozenset) else v
                  for k, v in vars(pol).items()}
        parts.append(f"{name}={sorted(fields.items())!r}")
    return ";".join(parts)


def policy_of(entry: Entry) -> Policy | None:
    if not entry.group.startswith(VENDOR_GROUP):
        return None
    return POLICY.get(entry.group[len(VENDOR_GROUP):])


def read_tsv(path: Path, rows: bool = True) -> tuple[dict[str, str], list[list[str]]]:
    """The `# key: value` header and the rows of one vendored file; with `rows=False`
    only the header (a list that is off costs no more than its first lines)."""
    header: dict[str, str] = {}
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                key, sep, value = line[1:].strip().partition(": ")
                if sep:
                    header[key] = value
            elif not rows:
                break
            elif line.strip():
                out.append(line.rstrip("\n").split("\t"))
    if not header.get("source") or not header.get("licence"):
        raise ValueError(f"{path.name}: a vendored list needs '# source:' and '# licence:'")
    return header, out


def vendor_files(directory: Path) -> list[Path]:
    return sorted((directory / "vendor").glob("*.tsv"))


def entries(directory: Path, explanations: dict[str, str],
            policy: dict[str, Policy] | None = None
            ) -> Iterator[tuple[str, Entry] | dict[str, str]]:
    """(form, Entry) of every vendored word the policy keeps; each file's header first."""
    policy = POLICY if policy is None else policy
    for path in vendor_files(directory):
        header, _ = read_tsv(path, rows=False)
        name = header.get("name", path.stem)
        yield header
        pol = policy.get(name)
        if pol is None or not pol.on:
            continue
        _, rows = read_tsv(path)
        for word, pos, strength, cat, polarity, group in rows:
            s, p = float(strength), float(polarity)
            if cat not in pol.categories or s < pol.min_strength:
                continue
            if pol.polarity == "negative" and p >= 0 or pol.polarity == "positive" and p <= 0:
                continue
            allowed = frozenset(pos.split(",")) if pos else pol.pos
            if pol.pos:
                allowed = allowed & pol.pos
                if not allowed:
                    continue
            if len(allowed) == 1 and group.endswith(" words"):
                group = group[:-5] + _POS_NAMES.get(next(iter(allowed)), "words")
            form = normalize(word)
            yield form, Entry(category=cat, phrase=form,
                              explanation=pol.explanation or explanations[cat],
                              group=VENDOR_GROUP + name, pos=allowed,
                              source=f"{name}: {group}", strength=s, weak=pol.weak)


def first_words(forms: Iterable[str]) -> set[str]:
    return {f.split(" ", 1)[0] for f in forms}


def blocked(form: str, taken: set[str]) -> bool:
    """A vendor form must not start at, or run over, a word where a hand form starts."""
    return any(w in taken for w in form.split(" "))
