"""Charts of 0-100 ratings: inline SVG for the HTML report, text sparklines for Markdown and the TUI."""

from __future__ import annotations

from html import escape

BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
GAP = "\u00b7"
MAX_DOTS = 200

Series = tuple[str, list[int | None], str]
"""A label, one value (or None) per record, and a CSS class for its colour."""


def condense(values: list[int | None], width: int) -> list[int | None]:
    """At most `width` values: each the mean of a run of neighbours (None when none was rated)."""
    if len(values) <= width:
        return values
    out: list[int | None] = []
    for n in range(width):
        chunk = [v for v in values[n * len(values) // width : (n + 1) * len(values) // width] if v is not None]
        out.append(round(sum(chunk) / len(chunk)) if chunk else None)
    return out


def sparkline(values: list[int | None], width: int | None = None) -> str:
    """One character per value (or per run of values, to fit `width`), low to high; a dot where none is rated."""
    if width is not None:
        values = condense(values, width)
    return "".join(GAP if v is None else BLOCKS[min(len(BLOCKS) - 1, v * len(BLOCKS) // 101)] for v in values)


def svg_chart(title: str, series: list[Series], width: int = 640, height: int = 200) -> str:
    """A self-contained SVG line chart of ratings from 0 to 100, one point per record."""
    left, right, top, bottom = 36, 12, 28, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    count = max((len(values) for _, values, _ in series), default=0)

    def x(i: int) -> float:
        return left + (plot_w / 2 if count <= 1 else plot_w * i / (count - 1))

    def y(v: int) -> float:
        return top + plot_h * (100 - v) / 100

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<text class="chart-title" x="{left}" y="16">{escape(title)}</text>',
    ]
    for level in (0, 50, 100):
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(level):.1f}" y2="{y(level):.1f}"/>')
        parts.append(f'<text class="axis" x="{left - 6}" y="{y(level) + 4:.1f}" text-anchor="end">{level}</text>')
    for index, (label, values, css) in enumerate(series):
        for run in _runs(values):
            points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in run)
            if len(run) > 1:
                parts.append(f'<polyline class="line {escape(css)}" points="{points}"/>')
        # Past a few hundred records the dots would only blur the line and bloat the file.
        for i, v in enumerate(values if count <= MAX_DOTS else []):
            if v is not None:
                parts.append(f'<circle class="dot {escape(css)}" cx="{x(i):.1f}" cy="{y(v):.1f}" r="3"><title>{escape(label)}: {v}</title></circle>')
        legend_x = left + 8 + index * 150
        parts.append(f'<rect class="key {escape(css)}" x="{legend_x}" y="{height - 14}" width="10" height="10"/>')
        parts.append(f'<text class="axis" x="{legend_x + 14}" y="{height - 5}">{escape(label)}</text>')
    if count == 0:
        parts.append(f'<text class="axis" x="{width / 2}" y="{height / 2}" text-anchor="middle">No ratings in this period</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _runs(values: list[int | None]) -> list[list[tuple[int, int]]]:
    """Consecutive stretches of rated records, so a line is never drawn across a gap."""
    runs: list[list[tuple[int, int]]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((i, v))
    return [run for run in runs if run]
