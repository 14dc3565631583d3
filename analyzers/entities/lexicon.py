"""The titles word list (assets/lexicons/titles.toml) and the function words that
entity finding and title matching share."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import tomllib
from spacy.lang.en.stop_words import STOP_WORDS

from ..resources import lexicons_dir

DETS = frozenset(("the", "a", "an"))


FUNCTION_WORDS = frozenset(w for w in STOP_WORDS if w.isalpha())


@dataclass(frozen=True)
class Lexicon:
    offices: frozenset[str]
    roles: frozenset[str]
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # last word -> (words, kind)
    honorifics: frozenset[str]
    modifiers: frozenset[str]
    domains: frozenset[str]
    org_words: frozenset[str]
    org_kinds: frozenset[str]
    connectors: frozenset[str]
    abbreviations: frozenset[str]
    calendar: frozenset[str]
    parties: frozenset[str]
    short_forms: dict[str, str]
    place_words: frozenset[str]
    place_first: frozenset[str]
    thing_words: frozenset[str]

    def head_kind(self, low: str) -> str | None:
        """"office", "role" or "honorific" for a head word (lower case), else None."""
        kind = self._kind(low)
        if kind or "-" not in low:
            return kind
        parts = low.split("-")
        # "ex-president", "then-sen.", "co-chair"; a last part like "elect" needs the first
        for part in (parts[-1], parts[0]):
            kind = self._kind(part)
            if kind and kind != "honorific":
                return kind
        return None

    def canonical(self, head: str) -> str:
        """The office a head word names: "sen." -> "senator"."""
        return self.short_forms.get(head, head)

    def plural_kind(self, low: str) -> str | None:
        """"office" or "role" for a plural head before names: "Sens.", "senators"."""
        if low.endswith("s.") and low[:-2] + "." in self.offices:
            return "office"
        if low.endswith("s") and len(low) > 3:
            kind = self._kind(low[:-1])
            return kind if kind in ("office", "role") else None
        return None

    def _kind(self, low: str) -> str | None:
        if low in self.offices:
            return "office"
        if low in self.roles:
            return "role"
        if low in self.honorifics:
            return "honorific"
        return None

    def title_word(self, low: str) -> bool:
        """May stand inside a title before its head."""
        if low in self.modifiers or low in self.domains or self.head_kind(low) in ("office", "role"):
            return True
        if "-" in low:
            return all(p in self.modifiers or p in self.domains or p in self.offices
                       or p in self.roles for p in low.split("-") if p)
        return False


@lru_cache(maxsize=None)
def load_lexicon() -> Lexicon:
    with open(lexicons_dir() / "titles.toml", "rb") as fh:
        data = tomllib.load(fh)
    meta = data.get("meta", {})
    if not (meta.get("source") and meta.get("licence")):
        raise ValueError("titles.toml must record its source and licence in [meta]")
    singles: dict[str, set[str]] = {"office": set(), "role": set()}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, section in (("office", "offices"), ("role", "roles")):
        for entry in data[section]["words"]:
            words = tuple(entry.split())
            if len(words) == 1:
                singles[kind].add(words[0])
            else:
                phrases.setdefault(words[-1], []).append((words, kind))
    words = data["words"]
    return Lexicon(
        offices=frozenset(singles["office"]),
        roles=frozenset(singles["role"] - singles["office"]),
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        honorifics=frozenset(data["honorifics"]["words"]),
        modifiers=frozenset(words["modifiers"]),
        domains=frozenset(words["domains"]),
        org_words=frozenset(data["organizations"]["words"]),
        org_kinds=frozenset(data["organizations"].get("kinds", ())),
        connectors=frozenset(data["organizations"]["connectors"]),
        abbreviations=frozenset(data["abbreviations"]["words"]) | frozenset(
            w for section in ("offices", "roles", "honorifics") for w in data[section]["words"]
            if w.endswith(".")),
        calendar=frozenset(data["calendar"]["words"]),
        parties=frozenset(data["names"]["parties"]),
        short_forms=dict(data["short_forms"]),
        place_words=frozenset(data["names"]["places"]),
        place_first=frozenset(data["names"]["place_first"]),
        thing_words=frozenset(data["names"]["things"]),
    )
