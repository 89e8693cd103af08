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


def paired_columns(
    pairs: Sequence[tuple[float | None, float | None]], height: int = 3, thickness: int = 1
) -> list[list[tuple[str, int]]]:
    """Rows (top first) of (cell, part) for before/after pairs: before, after, then a gap.

    `part` is 0 for before, 1 for after and 2 for the gap, so the widget can colour them;
    `thickness` widens each column when there are few records and room to spare.
    """
    before = columns([b for b, _ in pairs], height)
    after = columns([a for _, a in pairs], height)
    rows = []
    for y in range(height):
        row: list[tuple[str, int]] = []
        for x in range(len(pairs)):
            row += [(before[y][x], 0)] * thickness + [(after[y][x], 1)] * thickness + [(" ", 2)]
        rows.append(row)
    return rows


class RatingChart(Widget):
    """Ratings before and after, side by side for each record, oldest on the left.

    Each record is a pair of columns (before, then after), so the drop a record made is
    visible at a glance; with more records than room, neighbouring records are averaged.
    """

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

    ROWS = 3
    AXIS = 5
    """Room on the left for the 0 and 100 marks."""

    def __init__(self, points: Sequence[RatingPoint] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._points = list(points)

    def show(self, points: Sequence[RatingPoint]) -> None:
        self._points = list(points)
        self.refresh(layout=True)

    def rows(self) -> int:
        """Chart rows: ROWS at 24 terminal rows, more on a taller terminal (up to 8)."""
        return max(self.ROWS, min(8, self.app.size.height // 8))

    def get_content_height(self, container, viewport, width: int) -> int:
        return self.rows() + 1

    def render(self) -> Text:
        rows = self.rows()
        space = max(3, self.content_region.width - self.AXIS)
        room = space // 3
        pairs = list(
            zip(fit([p.before for p in self._points], room), fit([p.after for p in self._points], room))
        )
        thickness = max(1, min(3, (space // max(1, len(pairs)) - 1) // 2))
        label = self.get_component_rich_style("rating-chart--label")
        styles = (
            self.get_component_rich_style("rating-chart--before"),
            self.get_component_rich_style("rating-chart--after"),
            label,
        )
        text = Text(no_wrap=True, overflow="crop")
        for y, row in enumerate(paired_columns(pairs, rows, thickness)):
            mark = "100" if y == 0 else ("0" if y == rows - 1 else "")
            text.append(f"{mark:>{self.AXIS - 2}} │", style=label)
            for cell, part in row:
                text.append(cell, style=styles[part])
            text.append("\n")
        text.append(" " * self.AXIS)
        # Said in words as well as colour, so the legend still reads with NO_COLOR.
        text.append("\u2588", style=styles[0])
        text.append(" before (left)  ", style=label)
        text.append("\u2588", style=styles[1])
        text.append(" after (right)", style=label)
        if len(self._points) > room:
            text.append(f"   {len(self._points)} records, neighbours averaged", style=label)
        else:
            text.append("   oldest \u2192 newest", style=label)
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

    def get_content_height(self, container, viewport, width: int) -> int:
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
