"""Reading speaker phrases from plain text: the words around a speech cue.

No spaCy here: these rules are what attribution falls back on in rule-only mode (and when
the parse has nothing to say).  Offsets are into the article text; a span is (start, end).
"""

from __future__ import annotations

import re

Span = tuple[int, int]

PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i"))
POSSESSIVES = frozenset(("his", "her", "their", "its"))
# trailing words between a subject and its verb: "Smith also said", "she has said"
_AUX = frozenset("""
    also later then has had have would will previously recently once again repeatedly
    frequently often publicly privately reportedly finally simply just even was is were are
    been being still further earlier flatly quickly angrily bluntly told not never always
    already first initially subsequently separately did does do didn't doesn't don't can
    could may might should must won't wouldn't
""".split())
PREPOSITIONS = frozenset("""
    in on at after before during while since when as by for with without under over from
    to into about among between following despite unlike like of
""".split())
DETERMINERS = frozenset("""
    the a an his her their its our my your this that these those one another some many
    several other two three four few most all both each every no
""".split())
CLAUSE_STARTS = frozenset("""
    who whom whose which where when while that what because although though if unless
    but and or so yet as
""".split())
# a phrase opening with one of these is a verb phrase, not a subject
VERBISH = frozenset("""
    is was are were be been has have had will would can could should may might must do
    does did isn't wasn't aren't weren't hasn't haven't hadn't won't wouldn't can't
    couldn't shouldn't don't doesn't didn't
""".split())
_NOT_VERBS = frozenset(("red", "bed", "shed", "seed", "thing", "king", "wing", "ring",
                        "sibling", "darling", "offspring", "spring", "ceiling", "wedding",
                        "building", "meeting", "hearing", "ruling", "briefing", "only"))
_CUT_PREPOSITIONS = frozenset(("of", "for", "from", "at", "with", "in", "on"))
_CLAUSE_INSIDE = frozenset(("that", "which", "who", "whom", "whose", "because", "when", "if"))
_RELATIVES = frozenset(("who", "whom", "whose", "which"))
_SUBORDINATORS = frozenset("""
    when while because although though if unless as after before since once until whereas
""".split())
ABBREVIATIONS = frozenset("""
    mr mrs ms dr sen rep gov gen lt col maj sgt capt adm cmdr st jr sr inc co corp ltd
    ala ariz ark colo del ga ida ind kan ky la md me mo mont neb nev okla tenn vt wyo
    no vs etc prof rev hon pres supt det insp u.s u.k u.n d.c a.m p.m jan feb mar apr aug
    sept sep oct nov dec ave mt ft fla calif tex mass ore wash ill conn pa va wis minn mich
""".split())

# words that link a name into a larger phrase ("Critics of Vogt"): not a bare name
LINK_WORDS = PREPOSITIONS | CLAUSE_STARTS
# what opens a clause hanging off a subject: "the mayor, who ..., where ..., and who ..."
_CHAIN_STARTS = frozenset(_RELATIVES | {"where", "when", "and", "or", "after", "before",
                                         "since", "having", "despite", "while", "as", "like"})

_WORD = re.compile(r"[^\s,;:()]+")
NAME_PIECE = re.compile(r"^[A-Z][\w’'\-.]*$|^[A-Z]\.$|^\d+/\d+$")


def words(text: str, start: int, end: int) -> list[Span]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def split_commas(text: str, start: int, end: int) -> list[Span]:
    """Parts of text[start:end] between commas, semicolons and spaced dashes, ignoring
    those inside brackets; each part stripped."""
    parts = []
    depth = 0
    s = start
    for i in range(start, end):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in ",;" or (ch in "—–―" and text[i - 1:i] == " ")):
            parts.append((s, i))
            s = i + 1
    parts.append((s, end))
    return [p for p in (strip(text, a, b) for a, b in parts) if p[1] > p[0]]


def strip(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",;:—–―-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–―-"):
        end -= 1
    return start, end


def drop_brackets(text: str, start: int, end: int) -> Span:
    """"Sen. Ann Cole (D-Ore.)" -> "Sen. Ann Cole"."""
    k = text.find("(", start, end)
    if k > start:
        return strip(text, start, k)
    return start, end


def is_name(text: str, span: Span) -> bool:
    ws = words(text, *span)
    return bool(ws) and all(NAME_PIECE.match(text[a:b]) for a, b in ws)


def noun_phrase(text: str, start: int, end: int, max_words: int = 8) -> Span | None:
    """The speaker mention inside a short subject phrase, or None if it does not look like one.

    A phrase ending in a capitalised name narrows to the name ("Clinton aide Ann Cole" ->
    "Ann Cole"); a pronoun or a common noun phrase ("the ministry") is kept whole.
    """
    start, end = drop_brackets(text, *strip(text, start, end))
    ws = words(text, start, end)
    # trailing auxiliaries and adverbs: "Smith also", "she has"
    while ws and (text[ws[-1][0]:ws[-1][1]].lower() in _AUX
                  or (text[ws[-1][0]:ws[-1][1]].endswith("ly") and text[ws[-1][0]].islower())):
        ws.pop()
    if not ws or len(ws) > max_words:
        return None
    first = text[ws[0][0]:ws[0][1]]
    low = first.lower()
    if (low in CLAUSE_STARTS and (low != "that" or len(ws) == 1)) or low in VERBISH:
        return None
    if any(text[a:b].lower() in _CLAUSE_INSIDE for a, b in ws[1:]):
        return None   # "a series of postings that included one": a clause, not a name
    if first[0].islower() and (first.endswith(("ed", "ing", "ly")) or first in _AUX) \
            and first not in _NOT_VERBS:
        return None   # "sponsored by ...", "often in ...": not a subject
    if low in PREPOSITIONS:
        # "On Tuesday the mayor": the phrase after the last determiner or pronoun
        for k in range(len(ws) - 1, 0, -1):
            w = text[ws[k][0]:ws[k][1]].lower()
            if w in DETERMINERS or w in PRONOUNS:
                ws = ws[k:]
                break
        else:
            return None
    for a, b in ws[1:]:
        w = text[a:b]
        if "%" in w or (w[0].islower() and w.endswith("ed") and w not in _NOT_VERBS):
            return None   # "PolitiFact rated 32%": a clause with its verb, not a name
    # the head comes before a prepositional phrase: "Rep. Ann Cole of Ohio",
    # "a spokesman for the ministry" (but not "Secretary of State Ann Cole")
    for k in range(2, len(ws) - 1):
        if text[ws[k][0]:ws[k][1]] in _CUT_PREPOSITIONS:
            ws = ws[:k]
            break
    # a capitalised run at the end is the name
    k = len(ws)
    while k > 0 and NAME_PIECE.match(text[ws[k - 1][0]:ws[k - 1][1]]):
        k -= 1
    if 0 < k < len(ws):
        prev = text[ws[k - 1][0]:ws[k - 1][1]]
        if not (prev.endswith(("’s", "'s")) and k == len(ws) - 1):
            ws = ws[k:]
    last = text[ws[-1][0]:ws[-1][1]]
    if last.endswith(".") and len(last) > 2 and last[:-1].lower() not in ABBREVIATIONS \
            and "." not in last[:-1]:
        ws[-1] = (ws[-1][0], ws[-1][1] - 1)   # the sentence's full stop: "said Vance."
        last = last[:-1]
    if last.lower() in DETERMINERS or last.endswith(("’s", "'s")):
        return None   # "the", "Clinton's": not a whole phrase
    return ws[0][0], ws[-1][1]


def subject_before_cue(text: str, start: int, end: int) -> Span | None:
    """The subject in the clause text[start:end] that ends right before a cue verb."""
    parts = split_commas(text, start, end)
    if not parts:
        return None
    # walk back over appositives, relative or participial clauses and prepositional
    # phrases to the subject: "Tim Ross, a farmer who lost his land, said" -> "Tim Ross"
    k = len(parts) - 1
    while k > 0:
        w = text[parts[k][0]:parts[k][1]].split(None, 1)[0].lower()
        prev_is_name = is_name(text, drop_brackets(text, *parts[k - 1]))
        if _hanging(text, *parts[k]) or w in _RELATIVES or (w.endswith("ing") and w[0].islower()) or w in PREPOSITIONS \
                or (prev_is_name and (w in DETERMINERS or text[parts[k][0]].islower())):
            k -= 1
            continue
        break
    a, b = parts[k]
    ws = words(text, a, b)
    if len(ws) > 1 and text[ws[0][0]:ws[0][1]].lower() in _SUBORDINATORS:
        a = ws[1][0]   # "when my mother mentioned": the subject of the clause
    return noun_phrase(text, a, b)


def _hanging(text: str, start: int, end: int) -> bool:
    """A clause hanging off the noun before it: "where the storm hit", "and who said"."""
    ws = [text[a:b].lower() for a, b in words(text, start, min(end, start + 40))[:2]]
    if not ws:
        return False
    return ws[0] in ("where", "when") or (len(ws) == 2 and ws[0] in ("and", "or", "but")
                                          and ws[1] in _RELATIVES)


def clause_chain(text: str, start: int, cue: int) -> bool:
    """text[start:cue] is a subject followed by clauses or appositives set off by commas,
    ending right before the cue: 'the mayor, who had spent the morning at the docks,
    where the storm hit, ' (so a cue far from the quote is still its cue)."""
    if not text[start:cue].rstrip().endswith(","):
        return False
    parts = split_commas(text, start, cue)
    if len(parts) < 2 or noun_phrase(text, *parts[0]) is None:
        return False
    for a, b in parts[1:]:
        first = text[a:b].split(None, 1)[0].lower()
        if not (first in _CHAIN_STARTS or first in PREPOSITIONS or first in DETERMINERS
                or first[:1].isdigit()):
            return False
    return True


def subject_after_quote(text: str, start: int, end: int) -> Span | None:
    """The subject between a closing mark and a cue verb: ', Smith, a spokesman, said';
    a phrase continuing the quote's sentence comes first: '" for good, she said'."""
    parts = split_commas(text, start, end)
    if parts and text[parts[-1][0]:parts[-1][1]].lower() in ("and", "but", "or", "then"):
        return None   # '..." often, and criticized': a verb sharing an earlier subject
    for a, b in parts:
        if text[a:b].split(None, 1)[0].lower() in PREPOSITIONS:
            continue
        return noun_phrase(text, a, b)
    return None


def speaker_after_cue(text: str, start: int, end: int) -> Span | None:
    """Inversion: '... said Smith, a spokesman.'"""
    parts = split_commas(text, start, end)
    if not parts:
        return None
    a, b = parts[0]
    first = text[a:b].split(None, 1)[0]
    low = first.lower()
    if low in PRONOUNS or low in CLAUSE_STARTS or low in PREPOSITIONS or low in VERBISH:
        return None
    sp = noun_phrase(text, a, b)
    if sp is None:
        return None
    if first[0].isupper() or first[0].isdigit() or low in DETERMINERS:
        return sp
    # "said auditor Ann Lee": a lowercase descriptor is fine before a name
    return sp if is_name(text, sp) and len(words(text, a, b)) <= 5 else None


def first_name_or_pronoun(text: str, start: int, end: int) -> Span | None:
    """The subject of the sentence text[start:end] when it is a name or a pronoun, after
    any introductory phrase: "On Monday, Ann Lee ..." -> "Ann Lee"."""
    for a, b in split_commas(text, start, end):
        ws = words(text, a, b)
        if not ws:
            continue
        first = text[ws[0][0]:ws[0][1]]
        low = first.lower()
        if low in PREPOSITIONS or low in CLAUSE_STARTS or not first[0].isalpha():
            continue
        if low in PRONOUNS:
            return ws[0]
        k = 1 if low in DETERMINERS else 0
        j = k
        while j < len(ws) and NAME_PIECE.match(text[ws[j][0]:ws[j][1]]):
            j += 1
        return drop_brackets(text, ws[0][0], ws[j - 1][1]) if j > k else None
    return None


def name_before(text: str, start: int, end: int) -> Span:
    """The capitalised run ending at `end`: "Senator Ann Lee's" -> "Senator Ann Lee"."""
    ws = words(text, start, end)
    k = len(ws)
    while k > 0 and NAME_PIECE.match(text[ws[k - 1][0]:ws[k - 1][1]]):
        k -= 1
    return (ws[k][0], end) if k < len(ws) else (end, end)
