"""Merging mentions into entities, and deciding each entity's type.

- Names of two or more words join when they are written the same, or (for people) share
  first name and surname: "Paul D. Ryan" = "Paul Ryan".
- A one-word mention joins the person whose surname it is, the nearest one before it (else
  after it): "Duarte", "Duarte's", "Mr. Duarte"; failing that, an organisation whose
  acronym it is ("(IMF)" after "International Monetary Fund", or the initials of one), a
  one-word entity written the same, or the one person whose first name it is.
- Words of a Title Case headline only join entities found in the body.
- Type: a title or honorific makes a person; otherwise mentions vote (spaCy's label, an
  organisation word, the rules' guesses), and a one-word mention that is a known person's
  surname votes person whatever spaCy called it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .mentions import Mention
from .names import PARTICLES, SUFFIXES, acronym

# a particle that starts a mention makes it a surname ("De Blasio"); "Al" starts a first name
START_PARTICLES = PARTICLES - {"al", "el", "bin", "ibn"}
from ..model import Entity
from .lexicon import DETS, Lexicon
from .titles import Title
from .words import Words

TYPE_ORDER = ("person", "organization", "place", "group", "other")


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    votes: dict[str, float] = field(default_factory=dict)
    person: bool = False
    animate: bool = False                             # some mention speaks or takes "who"
    starts: list[int] = field(default_factory=list)   # sorted mention starts
    offices: set[str] = field(default_factory=set)    # head words of its office titles

    def add(self, m: Mention, votes: dict[str, float] | None = None) -> None:
        self.mentions.append(m)
        bisect.insort(self.starts, m.start)
        self.offices.update(_offices(m))
        for k, v in (m.votes if votes is None else votes).items():
            self.votes[k] = self.votes.get(k, 0.0) + v
        self.person = self.person or m.person
        self.animate = self.animate or m.animate

    @property
    def type(self) -> str:
        if self.person:
            return "person"
        votes = self.votes
        if self.animate:   # what speaks is not a thing; a name that speaks is a person
            votes = {k: v for k, v in votes.items() if k != "other"} or {"person": 1.0}
        if not votes:
            return "other"
        best = max(votes.values())
        return next(t for t in TYPE_ORDER if votes.get(t, 0.0) == best)

    @property
    def first_start(self) -> int:
        return self.starts[0]

    def last_before(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.starts[i - 1] if i else None


def name_parts(w: Words, lex: Lexicon, m: Mention) -> list[str]:
    """The words that identify a name: no initials, suffixes or honorifics."""
    parts = []
    for k in range(m.first, m.last + 1):
        low = w.low[k]
        if not w.alpha(k) or low in SUFFIXES or low in lex.honorifics:
            continue
        if len(low) == 2 and low.endswith("."):
            continue
        parts.append(low.replace("’", "'"))
    return parts


def _surname(parts: list[str]) -> str:
    """The last name with its particles: "de blasio" from "bill de blasio"."""
    k = len(parts) - 1
    while k > 0 and parts[k - 1] in (PARTICLES if k > 1 else START_PARTICLES):
        k -= 1
    return " ".join(parts[k:])


def _initials(w: Words, lex: Lexicon, m: Mention) -> str | None:
    letters = [w.word[k][0] for k in range(m.first, m.last + 1)
               if w.cap[k] and w.low[k] not in lex.connectors]
    return "".join(letters).upper() if len(letters) >= 2 else None


def merge(w: Words, lex: Lexicon, mentions: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    of: dict[int, Cluster] = {}                 # id(mention) -> cluster
    by_words: dict[tuple[str, ...], Cluster] = {}
    by_first_last: dict[tuple[str, str], Cluster] = {}
    by_tail: dict[tuple[str, ...], Cluster] = {}   # the last words of longer names
    parts_of = {id(m): name_parts(w, lex, m) for m in mentions}

    def new(m: Mention) -> Cluster:
        c = Cluster()
        c.add(m)
        clusters.append(c)
        return c

    singles: list[Mention] = []
    for m in mentions:
        parts = parts_of[id(m)]
        if not parts:
            continue
        if len(parts) < 2 or parts[0] in START_PARTICLES or m.acronym_for is not None:
            singles.append(m)
            continue
        key = tuple(parts)
        personal = m.person or (not m.org and m.ner in (None, "person"))
        sur = _surname(parts)
        c = by_words.get(key)
        if c is None and personal:
            # "Hillary Rodham Clinton" = "Hillary Clinton"; "Peña Nieto" = "Enrique Peña Nieto"
            givens = parts[:len(parts) - len(sur.split())]
            c = next((by_first_last[(g, sur)] for g in givens if (g, sur) in by_first_last),
                     None) or by_tail.get(key) or next(
                (by_words[key[k:]] for k in range(1, len(key) - 1)
                 if key[k:] in by_words and by_words[key[k:]].type == "person"), None)
        if c is None:
            c = new(m)
        else:
            c.add(m)
        of[id(m)] = c
        by_words.setdefault(key, c)
        if personal:   # any given name or nickname with the surname: "Robert C. “Bobby” Scott"
            for given in parts[:len(parts) - len(sur.split())]:
                by_first_last.setdefault((given, sur), c)
            for k in range(1, len(parts) - 1):
                by_tail.setdefault(key[k:], c)

    # surnames and first names of the people found so far, acronyms of organisations
    surnames: dict[str, list[Cluster]] = {}
    firsts: dict[str, list[Cluster]] = {}
    initials: dict[str, Cluster] = {}
    for c in clusters:
        if c.type == "person":
            for m in c.mentions:
                parts = parts_of[id(m)]
                _push(surnames, _surname(parts), c)
                _push(firsts, parts[0], c)
        elif c.type == "organization":
            for m in c.mentions:
                ini = _initials(w, lex, m)
                if ini:
                    initials.setdefault(ini, c)

    loose = _misread_people(clusters, parts_of)

    for m in singles:
        parts = parts_of[id(m)]
        key = " ".join(parts)
        c = None
        person_vote = False
        if m.acronym_for is not None and id(m.acronym_for) in of:
            c = of[id(m.acronym_for)]
        elif key in surnames and m.ner in (None, "person", "organization", "place", "other") \
                and (fits := _fitting(surnames[key], m)):
            c = _nearest(fits, m.start)
            person_vote = True
        elif acronym(w.word[m.first]) and acronym(w.word[m.first]) in initials:
            c = initials[acronym(w.word[m.first])]  # type: ignore[index]
        elif tuple(parts) in by_words:
            c = by_words[tuple(parts)]
        elif key in loose and (m.person or m.ner == "person" or m.animate) \
                and m.acronym_for is None:
            # "Karin Vogt" read by spaCy as a place, then "Vogt said": one person
            c = _nearest(loose[key], m.start)
            person_vote = True
        elif key in firsts and len(firsts[key]) == 1 and m.ner in (None, "person"):
            c = firsts[key][0]
            person_vote = True
        if c is None:
            if not _stands_alone(w, m):
                continue
            c = new(m)
            by_words.setdefault(tuple(parts), c)
            if m.person:
                _push(surnames, key, c)
            ini = acronym(w.word[m.first])
            if m.acronym_for is not None and ini:
                initials.setdefault(ini, c)
        else:
            if person_vote and m.weak_titles:
                m.titles = m.titles + m.weak_titles
            c.add(m, {"person": 1.0} if person_vote else None)
        of[id(m)] = c

    _headline_links(w, lex, clusters, by_first_last, surnames, by_words, initials)
    return clusters


def _misread_people(clusters: list[Cluster], parts_of: dict[int, list[str]]
                    ) -> dict[str, list[Cluster]]:
    """Surnames of full names that the rules read as a person's but spaCy labelled a
    place, an organisation or a work, with no organisation or place word in them: a later
    surname that is plainly a person ("Vogt said", "Ms. Vogt") joins them and types them."""
    out: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.type == "person" or c.votes.get("person", 0.0) <= 0.0:
            continue
        ms = c.mentions
        if all(len(parts_of[id(m)]) >= 2 and not m.org
               and m.ner in ("organization", "place", "other") for m in ms):
            for m in ms:
                _push(out, _surname(parts_of[id(m)]), c)
    return out


def _push(index: dict[str, list[Cluster]], key: str, c: Cluster) -> None:
    lst = index.setdefault(key, [])
    if c not in lst:
        lst.append(c)


def _offices(m: Mention) -> set[str]:
    return {t.head for t in m.titles if t.kind == "office"}


def _fitting(cands: list[Cluster], m: Mention) -> list[Cluster]:
    """The people a surname may refer to: "President Obama" is not "first lady Michelle
    Obama", whose office differs; a person without an office fits any."""
    heads = _offices(m)
    if not heads:
        return cands
    same = [c for c in cands if c.offices & heads]
    return same or [c for c in cands if not c.offices]


def _nearest(cands: list[Cluster], pos: int) -> Cluster:
    """The person last mentioned before `pos`, else the first mentioned after it."""
    before = [(b, i) for i, c in enumerate(cands) if (b := c.last_before(pos)) is not None]
    if before:
        return cands[max(before)[1]]
    return min(cands, key=lambda c: c.first_start)


def _stands_alone(w: Words, m: Mention) -> bool:
    """A one-word mention that links to nothing is kept only on some evidence."""
    return bool(m.votes) or m.person or m.org or m.rank >= 2 or bool(acronym(w.word[m.first]))


def _headline_links(w: Words, lex: Lexicon, clusters: list[Cluster],
                    by_first_last: dict[tuple[str, str], Cluster],
                    surnames: dict[str, list[Cluster]],
                    by_words: dict[tuple[str, ...], Cluster],
                    initials: dict[str, Cluster]) -> None:
    n = len(w)
    k = 0
    while k < n:
        if not (w.headline[k] and w.cap[k] and w.alpha(k)):
            k += 1
            continue
        low = w.low[k].replace("’", "'")
        nxt = w.low[k + 1].replace("’", "'") if k + 1 < n and w.headline[k + 1] else None
        c = None
        width = 1
        if nxt is not None and not w.poss[k] and (low, nxt) in by_first_last:
            c, width = by_first_last[(low, nxt)], 2
        elif low in surnames:
            c = _nearest(surnames[low], w.start[k])
        elif (low,) in by_words:
            c = by_words[(low,)]
        elif acronym(w.word[k]) in initials:
            c = initials[acronym(w.word[k])]  # type: ignore[index]
        if c is not None and (low not in DETS):
            last = k + width - 1
            c.add(Mention(w.start[k], w.name_end[last], k, last), {})
        k += width


def to_entities(w: Words, lex: Lexicon, clusters: list[Cluster]) -> list[Entity]:
    clusters = sorted((c for c in clusters if c.mentions), key=lambda c: c.first_start)
    out = []
    for n, c in enumerate(clusters, 1):
        kind = c.type
        spans = sorted({(m.start, m.end) for m in c.mentions})
        name = _best_name(w, lex, c, kind)
        title = _best_title([t for m in sorted(c.mentions, key=lambda m: m.start)
                             for t in m.titles]) if kind == "person" else None
        out.append(Entity(
            id=f"e{n}", name=name, type=kind, official=title is not None,
            title=title.text if title else None,
            affiliation=_affiliation(title, c) if title else None,
            mentions=spans,
        ))
    return out


def _best_name(w: Words, lex: Lexicon, c: Cluster, kind: str) -> str:
    """The fullest form: most name words, then longest, then first."""
    def score(m: Mention) -> tuple[int, int, int]:
        return (len(name_parts(w, lex, m)), m.end - m.start, -m.start)

    named = [m for m in c.mentions if m.acronym_for is None] or c.mentions
    best = max(named, key=score)
    return " ".join(w.text[best.start:best.end].split())


def _best_title(titles: list[Title]) -> Title | None:
    """An office before a role; the first written of each."""
    for kind in ("office", "role"):
        for t in titles:
            if t.kind == kind:
                return t
    return None


def _affiliation(title: Title, c: Cluster) -> str | None:
    if title.affiliation:
        return title.affiliation
    for m in c.mentions:
        for t in m.titles:
            if t.affiliation:
                return t.affiliation
    return None
