"""quotes/polnear-dev: direct quotes, their speakers and titled sources (PolNeAR).

Gold (see ../shared/eval/README.md):
- a *direct quote* is a Content fragment (each `;`-separated piece of a Content annotation)
  whose text, leading white space aside, starts with `"` or `“`, exactly as the set's README
  defines them, so figures stay comparable between releases.  Some archived articles write
  a double mark as `''` (72 annotated fragments) or open with `”` (7); we find those quotes
  too, and they count as false alarms here.  Its speaker is
  the Source span of the attribution (E line) that links the Content.
- One annotator file per article: the first in sorted order.

Decisions (documented here because they change the numbers):
- Only predicted quotes of kind `direct` count.  PolNeAR's Content is the whole reported
  content, so a gold fragment opening with a mark is a quote that IS the content; a
  `partial` quote sits inside the writer's own paraphrase, whose Content starts with the
  writer's words ("that the plan was 'a sham'") and so is not gold here.  `scare` and
  `title` quotes are not speech.  (Counting `partial` too is a one-word change of
  `SPEECH_KINDS`; the row's detail says which kinds were counted.)
- Matching: a prediction and a gold fragment match when they overlap by at least half of
  the shorter of the two; pairs are taken one-to-one, greedily, largest overlap first.
- Speaker accuracy is computed over matched quotes whose gold attribution HAS a Source
  (an `Attribution-no-source` has nothing to be right about, so it is excluded from the
  denominator); a prediction is right when its `speaker_span` overlaps a gold Source piece.
- Titled sources: gold Source spans written "title + name" as defined by `titled_name()`
  below (our own list of office words, independent of the analyzers' lexicons).  A hit is
  an entity with `official=True` that has a mention overlapping the name part and a
  `title` with a word starting with the gold title's head word (so "Sen." is matched by
  "Senator" or "Sen.").  Campaign roles (nominee, candidate, manager, spokesman) are not
  offices and are not part of this gold.

`slant eval --errors quotes/polnear-dev` lists the misses and false alarms, and the
speaker errors (a matched quote whose speaker is wrong) with how each speaker was found
(named, pronoun, description, carried, phrase) and a count of them by that.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..model import Entity, Quote
from .common import MissingSet, Row, Runner, SetResult, overlap, prf, set_folder, shorten

DATASET = "quotes/polnear-dev"
SPEECH_KINDS = ("direct",)
GOLD_OPEN_MARKS = ('"', "“")


# -- reading the data ---------------------------------------------------------------------
@dataclass
class GoldQuote:
    start: int
    end: int
    sources: list[tuple[int, int]] = field(default_factory=list)  # empty: no Source


@dataclass
class Article:
    name: str
    text: str
    quotes: list[GoldQuote]
    sources: list[tuple[int, int]]        # every Source piece of every attribution


Pieces = list[tuple[int, int]]


def parse_ann(ann: str) -> tuple[dict[str, tuple[str, Pieces]], list[dict[str, list[str]]]]:
    """BRAT standoff -> ({T id: (label, pieces)}, [ {role: [T ids]} per E line ])."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offs = parts[1].partition(" ")
            pieces = []
            for piece in offs.split(";"):
                a, _, b = piece.strip().partition(" ")
                pieces.append((int(a), int(b)))
            spans[parts[0]] = (label, pieces)
        elif line.startswith("E"):
            parts = line.split("\t")
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split() if len(parts) > 1 else ():
                role, _, tid = arg.partition(":")
                if tid:
                    roles.setdefault(role, []).append(tid)
            events.append(roles)
    return spans, events


def gold_quotes(text: str, ann: str) -> tuple[list[GoldQuote], list[tuple[int, int]]]:
    """Direct-quote fragments with their Source pieces, and all Source pieces."""
    spans, events = parse_ann(ann)
    source_of: dict[str, list[tuple[int, int]]] = {}
    all_sources: list[tuple[int, int]] = []
    for roles in events:
        src = [p for tid in roles.get("Source", []) if tid in spans for p in spans[tid][1]]
        all_sources.extend(src)
        for role, tids in roles.items():
            if role.startswith("Content"):
                for tid in tids:
                    source_of[tid] = src
    out = []
    for tid, (label, pieces) in spans.items():
        if label != "Content":
            continue
        for s, e in pieces:
            if text[s:e].lstrip().startswith(GOLD_OPEN_MARKS):
                out.append(GoldQuote(s, e, list(source_of.get(tid, []))))
    out.sort(key=lambda g: (g.start, g.end))
    return out, sorted(set(all_sources))


def load(data_dir: Path) -> list[Article]:
    root = set_folder(data_dir, "quotes/polnear-dev", "text")
    articles = []
    for txt in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        quotes, sources = gold_quotes(text, anns[0].read_text(encoding="utf-8"))
        articles.append(Article(txt.stem, text, quotes, sources))
    if not articles:
        raise MissingSet(f"{DATASET}: no annotated article in {root}")
    return articles


# -- scoring: plain functions over offsets -------------------------------------------------
def half_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and overlap(a, b) * 2 >= shorter


def match_quotes(pred: Sequence[tuple[int, int]],
                 gold: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs that half-overlap, largest overlap first."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if half_overlap(p, g):
                cands.append((-overlap(p, g), i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def speaker_right(pred_span: tuple[int, int] | None,
                  gold_sources: Iterable[tuple[int, int]]) -> bool:
    if pred_span is None:
        return False
    return any(overlap(pred_span, s) > 0 for s in gold_sources)


# Office words: written by the slant developers from general knowledge of English titles.
# Multi-word offices ("Attorney General", "Vice President") end in one of these words.
OFFICE_WORDS = frozenset(w.lower() for w in """
    President Vice-President Senator Sen. Representative Rep. Congressman Congresswoman
    Governor Gov. Mayor Speaker Secretary Minister Chancellor Premier Ambassador Envoy
    Attorney General Gen. Admiral Adm. Colonel Col. Major Maj. Lieutenant Lt. Captain Capt.
    Sergeant Sgt. Commander Judge Justice Commissioner Sheriff Chairman Chairwoman Chair
    Director Administrator Treasurer Comptroller Prosecutor Leader Whip Councilman
    Councilwoman Councillor Councilor Mayor-elect President-elect Delegate Assemblyman
    Assemblywoman Chief King Queen Prince Pope Cardinal Archbishop Bishop
""".split())
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)$")
_POSSESSIVE = re.compile(r"[’']s$")
_FILLER = frozenset(("of", "the", "for", "and"))


def titled_name(text: str) -> tuple[str, tuple[int, int]] | None:
    """For a Source written "title + name", (head office word, name span within `text`).

    The title is any short run of words ending in an office word (optionally followed by
    an "of ..." complement, as in "Secretary of State"); the name is the run of
    capitalised words that follows, up to a comma, bracket or the end.  At most two words
    before the office word, no "and" (two people), and the name must not itself be an
    office word or an all-capitals acronym ("the chair of the DNC").
    """
    cut = len(text)
    for ch in ",(;":
        k = text.find(ch)
        if k != -1:
            cut = min(cut, k)
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text[:cut])]
    if len(words) < 2 or any(w.lower() == "and" for w, _, _ in words):
        return None
    low = [_POSSESSIVE.sub("", w.lower()) for w, _, _ in words]
    for i in range(len(words) - 2, -1, -1):
        if low[i] not in OFFICE_WORDS:
            continue
        j = i + 1
        if j < len(words) and low[j] == "of":  # "Secretary of State": skip the complement
            j += 2
            while len(words) - j > 2 and not _initialled(words[j:]):
                j += 1
        name = words[j:]
        if not name or len(name) > 4 or i > 3:
            return None
        if not all(_NAME_TOKEN.match(w) and w.lower() not in OFFICE_WORDS
                   and w.lower() not in _FILLER for w, _, _ in name):
            return None
        if all(w.isupper() and len(w) > 1 for w, _, _ in name):  # "chair of the DNC": an acronym
            return None
        return words[i][0].rstrip("."), (name[0][1], name[-1][2])
    return None


def _initialled(name: Sequence[tuple[str, int, int]]) -> bool:
    """A three-word name such as "John F. Kerry" or "Joseph Biden Jr."."""
    return len(name) == 3 and (re.fullmatch(r"[A-Z]\.", name[1][0]) is not None
                               or name[2][0] in ("Jr.", "Sr.", "II", "III"))


def official_found(entities: Sequence[Entity], name_span: tuple[int, int], head: str) -> bool:
    head = head.lower()
    for ent in entities:
        if not ent.official or not ent.title:
            continue
        if not any(overlap(m, name_span) > 0 for m in ent.mentions):
            continue
        if any(w.startswith(head) for w in re.findall(r"[\w\-]+", ent.title.lower())):
            return True
    return False


# -- the set -------------------------------------------------------------------------------
def _found(q: Quote) -> str:
    """How the predicted speaker was found, for an error line: "(found: pronoun -> 'the
    ministry'; cue 'said'; via 'a statement')"."""
    parts = [f"found: {q.speaker_how or 'no speaker'}"
             + (f" -> {q.speaker_name!r}" if q.speaker_name else "")]
    parts.append(f"cue {q.cue!r}")
    if q.channel:
        parts.append(f"via {q.channel!r}")
    return "(" + "; ".join(parts) + ")"


def _speech(quotes: Sequence[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind in SPEECH_KINDS]


def _quote_span(pair: tuple[int, int] | None, text: str) -> str:
    return "-" if pair is None else repr(shorten(text[pair[0]:pair[1]], 40))


def evaluate(data_dir: Path, run: Runner, want_errors: bool = False) -> SetResult:
    t0 = time.perf_counter()
    articles = load(data_dir)
    analyses = run([a.text for a in articles])
    result = SetResult(DATASET)
    n_pred = n_gold = n_match = 0
    spk_total = spk_right = 0
    titled_total = titled_hit = 0
    errors = result.errors
    wrong_how: dict[str, int] = {}
    for art, an in zip(articles, analyses):
        text = art.text
        pred = _speech(an.quotes)
        pairs = match_quotes([(q.start, q.end) for q in pred],
                             [(g.start, g.end) for g in art.quotes])
        n_pred += len(pred)
        n_gold += len(art.quotes)
        n_match += len(pairs)
        for i, j in pairs:
            q, g = pred[i], art.quotes[j]
            if not g.sources:
                continue
            spk_total += 1
            if speaker_right(q.speaker_span, g.sources):
                spk_right += 1
            elif want_errors:
                how = q.speaker_how or "none"
                wrong_how[how] = wrong_how.get(how, 0) + 1
                errors.append(
                    f"{art.name}: WRONG SPEAKER {shorten(q.text, 60)!r}: predicted "
                    f"{_quote_span(q.speaker_span, text)} {_found(q)}, gold "
                    f"{' / '.join(repr(text[s:e]) for s, e in g.sources)}")
        if want_errors:
            hit_p = {i for i, _ in pairs}
            hit_g = {j for _, j in pairs}
            for j, g in enumerate(art.quotes):
                if j not in hit_g:
                    errors.append(f"{art.name}: MISS {shorten(text[g.start:g.end])!r} "
                                  f"[{g.start}:{g.end}]")
            for i, q in enumerate(pred):
                if i not in hit_p:
                    errors.append(f"{art.name}: FALSE ALARM ({q.kind}) {shorten(q.text)!r} "
                                  f"[{q.start}:{q.end}] speaker "
                                  f"{_quote_span(q.speaker_span, text)}")
        for s, e in art.sources:
            found = titled_name(text[s:e])
            if found is None:
                continue
            head, (a, b) = found
            titled_total += 1
            if official_found(an.entities, (s + a, s + b), head):
                titled_hit += 1
            elif want_errors:
                errors.append(f"{art.name}: OFFICIAL NOT FOUND {text[s:e]!r} "
                              f"(title head {head!r}, name {text[s + a:s + b]!r})")
    if wrong_how:
        errors.append("WRONG SPEAKER by how the speaker was found: " + ", ".join(
            f"{how} {n}" for how, n in sorted(wrong_how.items(), key=lambda kv: -kv[1])))
    p, r, f = prf(n_match, n_pred, n_match, n_gold)
    result.rows.append(Row(DATASET, "direct-quote F1 (half-overlap)", f, "textacy 0.65", 0.85,
                           f"P {p:.2f} R {r:.2f}; {n_match} matched, {n_pred} predicted "
                           f"({'+'.join(SPEECH_KINDS)}), {n_gold} gold"))
    result.rows.append(Row(DATASET, "speaker right among matched quotes",
                           spk_right / spk_total if spk_total else None, "textacy 0.91", 0.97,
                           f"{spk_right}/{spk_total} (matched gold with a Source)"))
    result.rows.append(Row(DATASET,
                           "sources written 'title + name' found as officials with that title",
                           titled_hit / titled_total if titled_total else None,
                           "spaCy NER alone 0", 0.90, f"{titled_hit}/{titled_total}"))
    result.seconds = time.perf_counter() - t0
    return result
