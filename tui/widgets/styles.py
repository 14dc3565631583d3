"""Component styles as Rich styles that layer well."""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def layer_style(widget: Widget, component: str) -> Style:
    """Only what the component's CSS rules set, with translucent colours already blended
    over the widget's background (Textual's partial styles drop the alpha)."""
    rules = widget.get_component_styles(component)
    full = widget.get_component_rich_style(component)
    style = Style(color=full.color if rules.has_rule("color") else None,
                  bgcolor=full.bgcolor if rules.has_rule("background") else None)
    return style + rules.text_style


# For widgets that hand Textual finished lines (`render_lines`) instead of going through its
# per-line styling: what that styling would still have done for them.
def filtered(widget: Widget, strips: list[Strip], background: Color | None = None) -> list[Strip]:
    """`strips` through the app's line filters (e.g. monochrome for NO_COLOR)."""
    filters = widget.get_line_filters()
    if filters:
        if background is None:
            background = widget.background_colors[1]
        for line_filter in filters:
            strips = [strip.apply_filter(line_filter, background) for strip in strips]
    return strips


def cropped(strips: list[Strip], crop: Region, width: int) -> list[Strip]:
    """`strips`, full-width lines, cut to the columns of `crop`."""
    if crop.column_span == (0, width):
        return strips
    x1, x2 = crop.column_span
    return [strip.crop(x1, x2) for strip in strips]
