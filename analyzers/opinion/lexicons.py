"""slant's opinion word lists: `assets/lexicons/opinion*.toml` read into one fast matcher.

Each file has a `[lexicon]` header (source, licence), default explanations per category
(`[categories.<id>]`) and `[[groups]]` of words that share a category, an optional
part-of-speech constraint, an optional context rule and an explanation; the format is
described at the top of `opinion_loaded.toml`.  Verb and noun groups list base forms and
the inflected forms are generated here, because the default pipeline has no lemmatizer
and rule-only mode has no tagger: we always match word forms.

Every form of every group goes into one `PhraseIndex` (see `phrase_index.py`), so a whole
article is scanned in a single pass: whole words, any case, the longest phrase first.

`load_lexicons(extra, remove)` is cached: the same arguments give the same object in a
process, and a new process reads the built lexicon back from disk (see `cache.py`).
"""

from __future__ import annotations

import gc
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..model import OPINION_CATEGORIES
from .entry import _HYPHENS, Entry, normalize  # noqa: F401  (re-exported)
from . import cache, vendor
from .phrase_index import PhraseIndex
from ..resources import lexicons_dir

FILE_GLOB = "opinion*.toml"


@dataclass(frozen=True)
class Pairs:
    """A group written as `subjects` x `predicates` ("critics" + "warned")."""
    subjects: frozenset[str]
    predicates: frozenset[str]
    entry: Entry
    removed: frozenset[str] = frozenset()    # whole phrases the user took out

    def match(self, form: str) -> bool:
        if form in self.removed:
            return False
        i = form.find(" ")
        while i != -1:
            if form[:i] in self.subjects and form[i + 1:] in self.predicates:
                return True
            i = form.find(" ", i + 1)
        return False


@dataclass
class Lexicon:
    forms: dict[str, tuple[Entry, ...]]      # normalized surface form -> entries, in order
    explanations: dict[str, str]             # category -> default explanation
    words: dict[str, frozenset[str]]         # named word lists for the context rules
    sources: list[dict[str, Any]] = field(default_factory=list)   # one header per file
    index: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))
    pairs: tuple[Pairs, ...] = ()
    messages: dict[str, str] = field(default_factory=dict)   # texts for the code's own rules
    constructions: tuple = ()        # Construction, from [[constructions]] tables
    compiled: dict = field(default_factory=dict, repr=False)  # their matchers, per vocab

    def entries(self, matched: str) -> tuple[Entry, ...]:
        form = normalize(matched)
        found = self.forms.get(form, ())
        for pair in self.pairs:
            if pair.match(form) and pair.entry not in found:
                found = found + (pair.entry,)
        return found

    def finditer(self, text: str) -> Iterator[tuple[int, int, tuple[Entry, ...]]]:
        for start, end in self.index.finditer(text):
            yield start, end, self.entries(text[start:end])

    def categories(self) -> set[str]:
        cats = {e.category for entries in self.forms.values() for e in entries}
        return cats | {p.entry.category for p in self.pairs}


@dataclass(frozen=True)
class Construction:
    """One `[[constructions]]` table, as the component uses it."""
    name: str
    category: str
    explanation: str
    neutral: str | None
    source: str
    patterns: tuple[str, ...]
    dep: tuple[str, ...] = ()


def read_constructions(tables: Iterable[dict[str, Any]], listname: str,
                       explanations: dict[str, str]) -> list[Construction]:
    out = []
    for t in tables:
        pats = t.get("patterns", [t["pattern"]] if "pattern" in t else [])
        name = t.get("name", "")
        out.append(Construction(
            name=name, category=t["category"],
            explanation=t.get("explanation", explanations.get(t["category"], "{text}")),
            neutral=t.get("neutral"),
            source=f"{listname}: {name}" if name else listname,
            patterns=tuple(pats), dep=tuple(t.get("dep", ()))))
    return out


# -- forms ------------------------------------------------------------------------------
_VOWELS = "aeiou"


def verb_forms(word: str) -> set[str]:
    """base, -s, -ed, -ing; over-generating is harmless (non-words never match)."""
    forms = {word}
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
    if (len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS
            and word[-3] not in _VOWELS):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}   # slam -> slammed
    return forms


def noun_forms(word: str) -> set[str]:
    forms = {word, _plural(word)}
    if word.endswith("man"):
        forms.add(word[:-3] + "men")
    return forms


def derived_forms(adjective: str) -> dict[str, str]:
    """The -ness noun and -ly adverb of an adjective: {form: coarse POS}.
    reckless -> recklessness, recklessly; crazy -> craziness, crazily; horrible ->
    horribly; idiotic -> idiotically."""
    if " " in adjective or len(adjective) < 4:
        return {}
    stem_y = adjective[:-1] + "i" if adjective.endswith("y") else adjective
    if adjective.endswith("le"):
        adverb = adjective[:-1] + "y"
    elif adjective.endswith("ic"):
        adverb = adjective + "ally"
    else:
        adverb = stem_y + "ly"
    return {stem_y + "ness": "NOUN", adverb: "ADV"}


def inflect_like(form: str, base: str, plain: str, inflect: str) -> str:
    """The neutral wording `plain` (given for `base`) in the form that `form` has:
    slammed -> criticised, thugs -> attackers.  An empty `plain` means "leave the words
    out" and stays empty."""
    if form == base or inflect == "none" or not plain:
        return plain
    words = plain.split(" ")
    if inflect == "noun":
        if base.endswith("s") or base.endswith("men") or words[-1].endswith("s"):
            return plain        # already plural or invariant ("series"): keep it
        return " ".join(words[:-1] + [_plural(words[-1])])
    first, rest = words[0], words[1:]
    head = form.split(" ")[0]
    if head.endswith("ing"):
        first = _stem_for_suffix(first) + "ing"
    elif head.endswith("ed") or head.endswith("d") and not base.endswith("d"):
        first = _past(first)
    elif head.endswith("s"):
        first = _plural(first)
    return " ".join([first] + rest)


_IRREGULAR_PAST = {"cut": "cut", "hit": "hit", "put": "put", "set": "set", "say": "said",
                   "make": "made", "take": "took", "give": "gave", "tell": "told",
                   "hold": "held", "find": "found", "fight": "fought", "mislead": "misled",
                   "lead": "led", "keep": "kept", "teach": "taught", "pay": "paid",
                   "sell": "sold", "win": "won", "seek": "sought", "spend": "spent"}


def _doubles(verb: str) -> bool:
    """One syllable ending consonant-vowel-consonant: stop -> stopped, cut -> cutting."""
    return (len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy" and verb[-2] in _VOWELS
            and verb[-3] not in _VOWELS and sum(c in _VOWELS for c in verb) == 1)


def _stem_for_suffix(verb: str) -> str:
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1]
    if _doubles(verb):
        return verb + verb[-1]
    return verb


def _past(verb: str) -> str:
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    return _stem_for_suffix(verb) + "ed"


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def phrase_forms(phrase: str, inflect: str) -> set[str]:
    words = phrase.split(" ")
    if inflect == "verb":
        return {" ".join([f] + words[1:]) for f in verb_forms(words[0])}
    if inflect == "noun":
        return {" ".join(words[:-1] + [f]) for f in noun_forms(words[-1])}
    return {phrase}


# -- reading the files ------------------------------------------------------------------
def lexicon_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or lexicons_dir()).glob(FILE_GLOB))


def read_file(path: Path) -> dict[str, Any]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    head = data.get("lexicon", {})
    if not head.get("source") or not head.get("licence"):
        raise ValueError(f"{path.name}: the [lexicon] table needs 'source' and 'licence'")
    for group in data.get("groups", []) + data.get("constructions", []):
        if group.get("category") not in OPINION_CATEGORIES:
            raise ValueError(f"{path.name}: unknown category {group.get('category')!r}")
    return data


def _word_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize(v) for v in values)


def _common(group: dict[str, Any], inflect: str, listname: str = "") -> dict[str, Any]:
    name = group.get("name", "")
    return dict(
        category=group["category"], group=name,
        source=f"{listname}: {name}" if listname and name else listname or name,
        strength=float(group.get("strength", 1.0)),
        weak=bool(group.get("weak", False)),
        pos=frozenset(group.get("pos", ())),
        head=-1 if inflect == "noun" else 0,
        context=group.get("context"),
        not_after=_word_set(group.get("not_after", ())),
        not_before=_word_set(group.get("not_before", ())),
        clause_start=bool(group.get("clause_start", False)),
        in_names=bool(group.get("in_names", False)),
    )


def _derived_entries(group: dict[str, Any], default_expl: str,
                     listname: str = "") -> Iterator[tuple[str, Entry]]:
    """For a group with `derive = true`: the -ness and -ly forms of its adjectives, each
    with the category's default explanation (the group's speaks of adjectives)."""
    if not group.get("derive"):
        return
    common = _common(group, "none", listname)
    common["not_after"] = common["not_before"] = frozenset()
    except_ = _word_set(group.get("derive_except", ()))
    for item in group.get("words", ()):
        word = normalize(item["word"] if isinstance(item, dict) else item)
        if word in except_:
            continue
        for form, pos in derived_forms(word).items():
            yield form, Entry(phrase=form, explanation=default_expl,
                              **{**common, "pos": frozenset((pos,))})


def _group_entries(group: dict[str, Any], default_expl: str,
                   listname: str = "") -> Iterator[tuple[str, Entry]]:
    """(form, entry) for every form of every word of a group."""
    inflect = group.get("inflect", "none")
    expl = group.get("explanation", default_expl)
    common = _common(group, inflect, listname)
    neutral = {normalize(k): v for k, v in group.get("neutral", {}).items()}
    for item in group.get("words", ()):
        if isinstance(item, dict):
            word, own = item["word"], item.get("explanation", expl)
        else:
            word, own = item, expl
        phrase = normalize(word)
        plain = neutral.get(phrase)
        if plain is None and isinstance(item, dict):
            plain = item.get("neutral")
        if plain is None:
            entry = Entry(phrase=phrase, explanation=own, **common)
            for form in phrase_forms(phrase, inflect):
                yield form, entry
            continue
        # "" is a neutral too: leave the words out.  One entry per distinct wording
        # (built directly: dataclasses.replace costs several times more).
        by_wording: dict[str, Entry] = {}
        for form in phrase_forms(phrase, inflect):
            wording = inflect_like(form, phrase, plain, inflect)
            if wording not in by_wording:
                by_wording[wording] = Entry(phrase=phrase, explanation=own, neutral=wording,
                                            **common)
            yield form, by_wording[wording]


def _key(mapping: Mapping[str, Iterable[str]] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not mapping:
        return ()
    for cat in mapping:
        if cat not in OPINION_CATEGORIES:
            raise ValueError(f"unknown opinion category {cat!r}; "
                             f"expected one of {', '.join(OPINION_CATEGORIES)}")
    return tuple(sorted((cat, tuple(sorted(normalize(w) for w in words)))
                        for cat, words in mapping.items()))


def load_lexicons(extra: Mapping[str, Iterable[str]] | None = None,
                  remove: Mapping[str, Iterable[str]] | None = None) -> Lexicon:
    """The bundled word lists, plus `extra` and minus `remove` (category -> words).

    Extra words are matched exactly as written (case-insensitive), with the category's
    default explanation.  A removed word drops that form, or every form of that base word.
    """
    return _load(_key(extra), _key(remove), None)


def load_from(directory: Path, extra: Mapping[str, Iterable[str]] | None = None,
              remove: Mapping[str, Iterable[str]] | None = None) -> Lexicon:
    """Like `load_lexicons`, from another folder of opinion*.toml files."""
    return _load(_key(extra), _key(remove), str(directory))


@lru_cache(maxsize=16)
def _load(extra: tuple[tuple[str, tuple[str, ...]], ...],
          remove: tuple[tuple[str, tuple[str, ...]], ...],
          directory: str | None) -> Lexicon:
    # Building allocates some 30,000 objects that all live on: left on, the collector
    # would walk the whole heap (spaCy's too) several times over for nothing, which
    # doubled the load time.
    paused = gc.isenabled()
    gc.disable()
    try:
        folder = Path(directory) if directory else lexicons_dir()
        name = cache.key([*lexicon_files(folder), *vendor.vendor_files(folder)],
                         repr(extra), repr(remove), vendor.policy_key())
        return cache.cached(name, lambda: _build(extra, remove, directory), Lexicon)
    finally:
        if paused:
            gc.enable()


def _build(extra: tuple[tuple[str, tuple[str, ...]], ...],
           remove: tuple[tuple[str, tuple[str, ...]], ...],
           directory: str | None) -> Lexicon:
    paths = lexicon_files(Path(directory) if directory else None)
    files = [read_file(p) for p in paths]
    names = [p.stem for p in paths]
    explanations = {cat: f"{name}: '{{text}}'" for cat, name in OPINION_CATEGORIES.items()}
    words: dict[str, frozenset[str]] = {}
    messages: dict[str, str] = {}
    for data in files:
        messages.update(data.get("messages", {}))
        for cat, table in data.get("categories", {}).items():
            if "explanation" in table:
                explanations[cat] = table["explanation"]
        for name, values in data.get("context_words", {}).items():
            words[name] = words.get(name, frozenset()) | _word_set(values)

    removed = {cat: set(ws) for cat, ws in remove}
    forms: dict[str, list[Entry]] = {}

    def add(form: str, entry: Entry) -> None:
        gone = removed.get(entry.category, ())
        if form in gone or entry.phrase in gone:
            return
        bucket = forms.setdefault(form, [])
        if entry not in bucket:
            bucket.append(entry)

    pairs: list[Pairs] = []
    for data, listname in zip(files, names):
        for group in data.get("groups", []):
            expl = explanations[group["category"]]
            for form, entry in _group_entries(group, expl, listname):
                add(form, entry)
            if "subjects" in group:
                pair = _pairs(group, expl, removed.get(group["category"], set()), listname)
                if pair.subjects and pair.predicates:
                    pairs.append(pair)
    # derived forms come last, so that a word listed in its own right keeps its group
    for data, listname in zip(files, names):
        for group in data.get("groups", []):
            for form, entry in _derived_entries(group, explanations[group["category"]],
                                                listname):
                add(form, entry)
    for cat, ws in extra:
        for w in ws:
            add(w, Entry(category=cat, phrase=w, explanation=explanations[cat], group="user",
                         source="your config"))

    constructions = [c for data, listname in zip(files, names)
                     for c in read_constructions(data.get("constructions", []), listname,
                                                 explanations)
                     if normalize(c.name) not in removed.get(c.category, ())]
    vendored = _add_vendor(forms, removed, pairs, explanations, words,
                           Path(directory) if directory else lexicons_dir())

    frozen = {form: tuple(entries) for form, entries in forms.items() if entries}
    return Lexicon(
        forms=frozen, explanations=explanations, words=words,
        sources=[dict(d["lexicon"]) for d in files] + vendored,
        index=PhraseIndex(frozen, [(p.subjects, p.predicates) for p in pairs]),
        pairs=tuple(pairs),
        messages=messages,
        constructions=tuple(constructions),
    )


def _add_vendor(forms: dict[str, list[Entry]], removed: dict[str, set[str]],
                pairs: list[Pairs], explanations: dict[str, str],
                words: dict[str, frozenset[str]], directory: Path) -> list[dict[str, Any]]:
    """The vendored lists (see vendor.py), under everything above: a vendor word is left
    out where a hand form, a user's word or any removed word starts at one of its words.
    Returns the vendored files' headers."""
    taken = vendor.first_words(forms) | {w for ws in removed.values() for w in ws}
    taken |= words.get("vendor_plain", frozenset())      # negative, but not a judgement
    for pair in pairs:
        taken |= vendor.first_words(pair.subjects)
    headers: list[dict[str, Any]] = []
    for item in vendor.entries(directory, explanations):
        if isinstance(item, dict):
            headers.append(item)
            continue
        form, entry = item
        if vendor.blocked(form, taken):
            continue
        bucket = forms.setdefault(form, [])
        if entry not in bucket:
            bucket.append(entry)
    return headers


def _pairs(group: dict[str, Any], default_expl: str, gone: set[str],
           listname: str = "") -> Pairs:
    """A subjects x predicates group; removing a subject or a predicate drops its pairs."""
    common = _common(group, "none", listname)
    common["clause_start"] = True
    entry = Entry(phrase="", explanation=group.get("explanation", default_expl), **common)
    return Pairs(_word_set(group["subjects"]) - gone,
                 _word_set(group.get("predicates", ())) - gone, entry, frozenset(gone))
