"""Opinionated language: loaded words, editorializing, doubt, hedges, scare quotes.

lexicons (word lists, phrase_index) -> candidates -> context gates -> component."""

from .component import OpinionComponent, find_opinion, make_opinion

__all__ = ["OpinionComponent", "find_opinion", "make_opinion"]
