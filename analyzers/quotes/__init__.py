"""Quotes: quotation marks paired into spans, each given a kind, a cue and a speaker.

marks -> component (grouping, kind, attribution) -> attribution/phrases (cue and speaker)."""

from .component import QuotesComponent, find_quotes, make_quotes

__all__ = ["QuotesComponent", "find_quotes", "make_quotes"]
