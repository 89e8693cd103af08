"""Text charts drawn with Unicode block characters: rating columns and horizontal bars.

The drawing is plain functions returning strings (easy to test, readable with NO_COLOR);
the widgets only fit them to their width and colour them through component classes, so a
theme (calm or high contrast) decides the colours.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from thoughtwork.progress import RatingPoint

_EIGHTHS_UP = " ▁▂▃▄▅▆▇█"
_EIGHTHS_RIGHT = " ▏▎▍▌▋▊▉█"
MISSING = "·"
"""Shown in a column where a record has no rating of this kind."""


def fit(values: Sequence[float | None], width: int) -> list[float | None]:
    """At most `width` values: neighbours are averaged when there are more values than columns."""
    if width <= 0:
        return []
    if len(values) <= width:
        return list(values)
    fitted: list[float | None] = []
    for column in range(width):
        start = column * len(values) // width
        end = (column + 1) * len(values) // width
        present = [v for v in values[start:end] if v is not None]
        fitted.append(sum(present) / len(present) if present else None)
    return fitted


def columns(values: Sequence[float | None], height: int = 2, maximum: float = 100) -> list[str]:
    """A column chart `height` rows tall (top row first), one column per value.

    Each row holds eight steps, so two rows show a 0-100 rating in steps of about six.
    A missing value is a dot on the bottom row; a zero is a thin line, so it still shows.
    """
    rows = [[" "] * len(values) for _ in range(height)]
    steps = 8 * height
    for x, value in enumerate(values):
        if value is None:
            rows[-1][x] = MISSING
            continue
        level = max(1, round(min(max(value, 0), maximum) / maximum * steps)) if maximum > 0 else 1
        for y in range(height):
            filled = level - 8 * (height - 1 - y)
            rows[y][x] = _EIGHTHS_UP[max(0, min(8, filled))]
    return ["".join(row) for row in rows]


def bar(value: float, maximum: float, width: int) -> str:
    """A horizontal bar `value/maximum` of `width` cells long, in eighths of a cell."""
    if maximum <= 0 or width <= 0 or value <= 0:
        return ""
    eighths = max(1, round(min(value, maximum) / maximum * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS_RIGHT[part] if part else "")


class RatingChart(Widget):
    """Ratings before and after, one column per record, oldest on the left."""

    DEFAULT_CSS = """
    RatingChart {
        height: auto;
        width: 1fr;
    }
    RatingChart > .rating-chart--before { color: $warning; }
    RatingChart > .rating-chart--after { color: $success; }
    RatingChart > .rating-chart--label { color: $foreground-muted; }
    """
    COMPONENT_CLASSES = {"rating-chart--before", "rating-chart--after", "rating-chart--label"}

    LABEL_WIDTH = 8
    ROWS = 2

    def __init__(self, points: Sequence[RatingPoint] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._points = list(points)

    def show(self, points: Sequence[RatingPoint]) -> None:
        self._points = list(points)
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001
        return 2 * self.ROWS + 1

    def render(self) -> Text:
        width = max(1, self.content_region.width - self.LABEL_WIDTH)
        before = fit([p.before for p in self._points], width)
        after = fit([p.after for p in self._points], width)
        label_style = self.get_component_rich_style("rating-chart--label")
        text = Text(no_wrap=True, overflow="crop")
        for name, values, part in (("before", before, "before"), ("after", after, "after")):
            style = self.get_component_rich_style(f"rating-chart--{part}")
            for row_number, row in enumerate(columns(values, self.ROWS)):
                label = name if row_number == self.ROWS - 1 else ""
                text.append(f" {label:<{self.LABEL_WIDTH - 1}}", style=label_style)
                text.append(row, style=style)
                text.append("\n")
        scale = "oldest" + " " * max(1, len(before) - len("oldest") - len("newest")) + "newest"
        text.append(" " * self.LABEL_WIDTH + (scale if len(before) >= 14 else ""), style=label_style)
        return text


class BarChart(Widget):
    """Labelled horizontal bars with their counts, largest first as given."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        width: 1fr;
    }
    BarChart > .bar-chart--bar { color: $secondary; }
    """
    COMPONENT_CLASSES = {"bar-chart--bar"}

    def __init__(self, items: Sequence[tuple[str, int]] = (), *, label_width: int = 26, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items = list(items)
        self._label_width = label_width

    def show(self, items: Sequence[tuple[str, int]]) -> None:
        self._items = list(items)
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001
        return max(1, len(self._items))

    def render(self) -> Text:
        if not self._items:
            return Text("")
        biggest = max(count for _, count in self._items)
        number_width = len(str(biggest)) + 1
        room = max(1, self.content_region.width - self._label_width - number_width - 2)
        style = self.get_component_rich_style("bar-chart--bar")
        text = Text(no_wrap=True, overflow="crop")
        for index, (label, count) in enumerate(self._items):
            if index:
                text.append("\n")
            shown = label if len(label) < self._label_width else label[: self._label_width - 2] + "…"
            text.append(f" {shown:<{self._label_width - 1}}")
            text.append(f"{bar(count, biggest, room):<{room}}", style=style)
            text.append(f" {count:>{number_width}}")
        return text
