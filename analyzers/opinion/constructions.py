"""Constructions: opinion made by several words together ("deliberately misled", "offered no
proof", "torpedo the bill", "the Assad regime"), found with spaCy's `Matcher` and, when a
parser ran, its `DependencyMatcher`.

The patterns are data: `[[constructions]]` tables in the opinion*.toml lists, written in a
compact syntax that the header of `opinion_devices.toml` documents.  A pattern is a row of
elements separated by spaces, one element per token:

    word          the token's lower-case text is `word`
    a|an|the      ... one of these (an alternative may be `@list`)
    @list         ... one of the words of `[context_words] list`;
    @list~v       ... with the verb forms of each word (mislead -> misleads, misled is listed);
    @list~n       ... with the plural of each word
    !a|@list      any token that is NOT one of these
    _             any token
    ^             a capitalised word that is not a function word (a name, in rule-only mode)
    X/ADJ,NOUN    ... whose coarse part of speech is one of these (checked when a tagger ran)
    X?  X*  X+    optional, any number, one or more (after the part of speech: `_/ADJ*`)
    X{1,3}        between one and three

A table may also give `dep`, patterns over the parse, run only when a parser ran:
`"@war_verbs~v >dobj @targets~n|/PROPN"` is a token (the anchor) with a child in the
relation `dobj` that is one of the targets or a proper noun; `>prep on >pobj _` chains
children.  Only the anchor is highlighted ("torpedoed" in "torpedoed the long-awaited bill").

Rule-only mode (no tagger, no parser): part-of-speech conditions are dropped; an element
that is nothing but a part of speech (`_/ADJ`) is dropped when optional, and its whole
pattern is skipped when required; `dep` patterns are skipped.  So rule-only mode finds the
same constructions where the words alone say enough, and none where only the parse could.

The matchers are built once per lexicon and vocabulary, on first use; a doc is matched in
one pass of each.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import numpy
from spacy.attrs import LOWER
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .lexicons import Construction, Lexicon, noun_forms, normalize, verb_forms

# Capitalised words that are not names (rule-only mode has no tagger to say so).
_NOT_NAMES = frozenset("""the a an this that these those his her their its our my your
    in on at of for by with from to and but or as if when while after before since
    it he she they we i you there here mr mrs ms dr""".split())

# Words too frequent to be a pattern's trigger (see Matchers.triggers).
_COMMON = frozenset("""the a an in of to on and or not no with than more for his her their
    its this that any our your is was it little nothing hardly most but by at as from
    be been has have had are were will would can could 's ’s up there then all ever
    time history""".split())

_ELEMENT = re.compile(r"^(?P<body>[^/?*+{]*)(?:/(?P<pos>[A-Z,]+))?(?P<op>[?*+]|\{\d*,?\d*\})?$")


# -- the syntax --------------------------------------------------------------------------
class PatternError(ValueError):
    pass


def _words(alts: str, lists: dict[str, frozenset[str]]) -> list[str]:
    """The lower-case texts an alternative set stands for."""
    out: set[str] = set()
    for alt in alts.split("|"):
        if not alt:
            continue
        if alt.startswith("@"):
            name, _, infl = alt[1:].partition("~")
            if name not in lists:
                raise PatternError(f"unknown word list @{name}")
            for w in lists[name]:
                if infl == "v":
                    out |= verb_forms(w)
                elif infl == "n":
                    out |= noun_forms(w)
                else:
                    out.add(w)
        else:
            out.add(normalize(alt))
    return sorted(out)


def _token(element: str, lists: dict[str, frozenset[str]],
           tagged: bool) -> dict[str, Any] | None:
    """One element as a `Matcher` token pattern; None when it is to be dropped in
    rule-only mode.  Raises PatternError for a required element rule-only cannot check."""
    m = _ELEMENT.match(element)
    if not m:
        raise PatternError(f"bad element {element!r}")
    body, pos, op = m.group("body"), m.group("pos"), m.group("op")
    tok: dict[str, Any] = {}
    if body == "_" or body == "":
        if pos and not tagged:
            if op in ("?", "*") or (op or "").startswith("{0"):
                return None
            raise PatternError("needs a tagger")
    elif body == "^":
        tok["IS_TITLE"] = True
        tok["LOWER"] = {"NOT_IN": sorted(_NOT_NAMES)}
    elif body.startswith("!"):
        tok["LOWER"] = {"NOT_IN": _words(body[1:], lists)}
    else:
        words = _words(body, lists)
        # a listed word with a space ("cover up") cannot be one token: keep one-word forms
        tok["LOWER"] = {"IN": [w for w in words if " " not in w]}
    if pos and tagged:
        tok["POS"] = {"IN": pos.split(",")}
    if op:
        tok["OP"] = op
    return tok


def compile_pattern(pattern: str, lists: dict[str, frozenset[str]],
                    tagged: bool) -> list[dict[str, Any]] | None:
    """A pattern string as a `Matcher` pattern, or None when rule-only mode skips it."""
    out = []
    for element in pattern.split():
        try:
            tok = _token(element, lists, tagged)
        except PatternError as err:
            if str(err) == "needs a tagger":
                return None
            raise PatternError(f"{pattern!r}: {err}") from None
        if tok is not None:
            out.append(tok)
    return out or None


def _nodes(element: str, lists: dict[str, frozenset[str]]) -> list[dict[str, Any]]:
    """A `dep` element as token attributes: words and `/POS` alternatives become one
    attribute set each (the DependencyMatcher has no "or" across attributes)."""
    words, tags = [], []
    for alt in element.split("|"):
        if alt.startswith("/"):
            tags += alt[1:].split(",")
        elif alt == "_":
            return [{}]
        else:
            words += _words(alt, lists)
    out = []
    if words:
        out.append({"LOWER": {"IN": words}})
    if tags:
        out.append({"POS": {"IN": tags}})
    return out


def compile_dep(pattern: str, lists: dict[str, frozenset[str]]) -> list[list[dict[str, Any]]]:
    """`anchor >rel node >rel node ...`, each node a child of the one before: one
    DependencyMatcher pattern per combination of the nodes' alternatives."""
    parts = pattern.split()
    if not parts or len(parts) % 2 == 0:
        raise PatternError(f"{pattern!r}: expected 'anchor >rel node ...'")
    combos = [[{"RIGHT_ID": "n0", "RIGHT_ATTRS": a}] for a in _nodes(parts[0], lists)]
    for k in range(1, len(parts), 2):
        rel, elem = parts[k], parts[k + 1]
        if not rel.startswith(">"):
            raise PatternError(f"{pattern!r}: expected '>rel' at {rel!r}")
        steps = []
        for attrs in _nodes(elem, lists):
            attrs = dict(attrs, DEP={"IN": rel[1:].split("|")})
            steps.append({"LEFT_ID": f"n{k // 2}", "REL_OP": ">", "RIGHT_ID": f"n{k // 2 + 1}",
                          "RIGHT_ATTRS": attrs})
        combos = [c + [step] for c in combos for step in steps]
    return combos


# -- matching ------------------------------------------------------------------------------
class Matchers:
    """The token and dependency matchers of one lexicon for one vocabulary and mode."""

    def __init__(self, constructions: Iterable[Construction], lists: dict[str, frozenset[str]],
                 vocab: Vocab, tagged: bool, parsed: bool):
        self.by_key: dict[str, Construction] = {}
        # One token matcher per construction, each with its trigger words: every pattern
        # needs one of its rarest words, and a matcher runs only on the sentences that have
        # one of its triggers (most have none), which keeps matching cheap.
        self.tokens: list[tuple[set[str], Matcher]] = []
        self.triggers: set[str] = set()
        self.deps = DependencyMatcher(vocab) if parsed else None
        self.dep_triggers: set[str] = set()
        self.vocab = vocab
        n_dep = 0
        for i, c in enumerate(constructions):
            key = f"c{i}"
            self.by_key[key] = c
            pats = [p for p in (compile_pattern(s, lists, tagged) for s in c.patterns) if p]
            if pats:
                matcher = Matcher(vocab)
                matcher.add(key, pats)
                words = set().union(*(_trigger(p) for p in pats))
                self.tokens.append((words, matcher))
                self.triggers |= words
            if self.deps is not None and c.dep:
                deps = [p for s in c.dep for p in compile_dep(s, lists)]
                self.deps.add(key, deps)
                n_dep += len(deps)
                for pat in deps:
                    self.dep_triggers |= set(pat[0]["RIGHT_ATTRS"].get("LOWER", {}).get("IN", ()))
        if not n_dep:
            self.deps = None
        # Which matchers a trigger word wakes, and the words as the hashes of their lower
        # case: found in one numpy pass over the doc's LOWER column (a Python loop over
        # 100,000 tokens was a third of the component's time).
        self.by_word: dict[str, list[int]] = {}
        for k, (words, _) in enumerate(self.tokens):
            for w in words:
                self.by_word.setdefault(w, []).append(k)
        strings = vocab.strings
        self._trigger_ids = numpy.array(sorted(strings.add(w) for w in self.triggers),
                                        dtype=numpy.uint64)
        self._dep_ids = numpy.array(sorted(strings.add(w) for w in self.dep_triggers),
                                    dtype=numpy.uint64)

    def find(self, doc: Doc) -> list[tuple[int, int, Construction]]:
        """(start char, end char, construction) of every match; longest first at a start."""
        out = []
        strings = doc.vocab.strings
        lower = doc.to_array(LOWER) if len(doc) else numpy.zeros(0, dtype=numpy.uint64)
        for part, words in self._parts(doc, lower):
            for k in sorted({k for w in words for k in self.by_word.get(w, ())}):
                for key, s, e in self.tokens[k][1](part):
                    span = part[s:e]
                    out.append((span.start_char, span.end_char, self.by_key[strings[key]]))
        # the dependency matcher works on whole docs (a span is copied first): run it once,
        # and only when one of its anchor words is there
        if self.deps is not None and numpy.isin(lower, self._dep_ids).any():
            for key, ids in self.deps(doc):
                tok = doc[ids[0]]
                out.append((tok.idx, tok.idx + len(tok.text), self.by_key[strings[key]]))
        return sorted(set(out), key=lambda m: (m[0], -(m[1] - m[0])))

    def _parts(self, doc: Doc, lower: numpy.ndarray) -> list:
        """(sentence, its trigger words) for the sentences with a trigger word; the whole
        doc when it has no sentence boundaries.  `lower` is the doc's LOWER column."""
        hits = [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(lower, self._trigger_ids))]
        if not hits:
            return []
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return [(doc, {t.lower_ for t in hits})]
        out: list = []
        last = -1
        for t in hits:
            if t.i <= last:
                out[-1][1].add(t.lower_)
                continue
            sent = t.sent
            out.append((sent, {t.lower_}))
            last = sent.end - 1
        return out


def _trigger(pattern: list[dict[str, Any]]) -> set[str]:
    """The words of the pattern's rarest required element: one of them must be present."""
    best: list[str] | None = None
    rank = None
    for tok in pattern:
        words = tok.get("LOWER", {}).get("IN")
        if words and tok.get("OP") not in ("?", "*") and not str(tok.get("OP", "")).startswith("{0"):
            r = (sum(1 for w in words if w in _COMMON), len(words))
            if rank is None or r < rank:
                best, rank = words, r
    if best is None:
        raise PatternError("a pattern needs at least one required element of words")
    return set(best)


def matchers_for(lex: Lexicon, doc: Doc) -> Matchers | None:
    """The lexicon's matchers for the doc's vocabulary and annotations, built on first use."""
    if not lex.constructions:
        return None
    tagged = doc.has_annotation("POS")
    parsed = doc.has_annotation("DEP")
    key = (id(doc.vocab), tagged, parsed)
    cached = lex.compiled.get(key)
    if cached is None or cached[0] is not doc.vocab:    # an id may be reused
        cached = lex.compiled[key] = (doc.vocab, Matchers(lex.constructions, lex.words,
                                                          doc.vocab, tagged, parsed))
    return cached[1]
