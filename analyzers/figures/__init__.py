"""Figures: money, percentages, counts, dates and durations, each with a kind and a value.

numbers, units, dates -> scan (finding and reading) -> component."""

from .component import FiguresComponent, figure_bounds, find_figures, make_figures

__all__ = ["FiguresComponent", "figure_bounds", "find_figures", "make_figures"]
