"""Charts of 0-100 ratings: inline SVG against real dates for the HTML report, text sparklines for
Markdown and the TUI (one mark a week for a long journal, so breaks show there too)."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
GAP = "\u00b7"
BREAK = "\u250a"
"""'┊': between two records more than GAP_DAYS apart, where a mark per record would hide the gap."""
MAX_DOTS = 200



Mark = int | str | None
"""A rating, None (not rated) or BREAK (a gap in time between two records)."""


def condense(values: list[Mark], width: int) -> list[Mark]:
    """At most `width` values: each the mean of a run of neighbours (None when none was rated;
    BREAK when the run holds a break, so a gap in time still shows)."""
    if len(values) <= width:
        return values
    out: list[Mark] = []
    for n in range(width):
        run = values[n * len(values) // width : (n + 1) * len(values) // width]
        chunk = [v for v in run if isinstance(v, int)]
        out.append(BREAK if BREAK in run else round(sum(chunk) / len(chunk)) if chunk else None)
    return out


def sparkline(values: list[Mark], width: int | None = None) -> str:
    """One character per value (or per run of values, to fit `width`), low to high; a dot where
    none is rated, BREAK where time went by without records."""
    if width is not None:
        values = condense(values, width)
    return "".join(GAP if v is None else v if isinstance(v, str) else BLOCKS[min(len(BLOCKS) - 1, v * len(BLOCKS) // 101)]
                   for v in values)


WEEKLY_AFTER_DAYS = 120
WEEKLY_AFTER_POINTS = 150
"""Past this span or this many records a chart shows weekly averages: one point per record would
be a blur, and a week is the rhythm homework is set in."""
GAP_DAYS = 14
"""Points further apart than this are not joined by a line, so a break in journaling shows."""

Dated = list[tuple[date, int | None]]
"""One (day, rating or None) per record, oldest first."""


def weekly_means(points: Dated) -> list[tuple[date, float | None]]:
    """The mean rating of each ISO week from the first record's week to the last's (None: no rating that week)."""
    if not points:
        return []
    weeks: dict[date, list[int]] = {}
    for day, value in points:
        monday = day - timedelta(days=day.weekday())
        weeks.setdefault(monday, [])
        if value is not None:
            weeks[monday].append(value)
    first, last = min(weeks), max(weeks)
    out: list[tuple[date, float | None]] = []
    monday = first
    while monday <= last:
        values = weeks.get(monday, [])
        out.append((monday, round(sum(values) / len(values), 1) if values else None))
        monday += timedelta(days=7)
    return out


def is_long(points: Dated) -> bool:
    return bool(points) and (len(points) > WEEKLY_AFTER_POINTS or (points[-1][0] - points[0][0]).days > WEEKLY_AFTER_DAYS)


def spark(points: Dated, width: int) -> tuple[str, str]:
    """A sparkline of the points and what one mark stands for: a record, or for a long journal a
    week (a week without ratings is a dot, so a break shows)."""
    if is_long(points):
        values = [None if v is None else round(v) for _, v in weekly_means(points)]
        unit = "week"
    else:
        values = with_breaks(points)
        unit = "record"
    count = sum(1 for v in values if v is not BREAK)
    per = f"one mark per {unit}" if len(values) <= width else f"each mark is about {count / width:.0f} {unit}s"
    if BREAK in values:
        per += f", {BREAK} a break of more than {GAP_DAYS} days"
    return sparkline(values, width), per


def with_breaks(points: Dated) -> list[Mark]:
    """One value per record, with BREAK between two records more than GAP_DAYS apart (a mark per
    record puts a 40-day gap right beside the next day's record)."""
    out: list[Mark] = []
    for index, (day, value) in enumerate(points):
        if index and (day - points[index - 1][0]).days > GAP_DAYS:
            out.append(BREAK)
        out.append(value)
    return out


def svg_chart(title: str, series: list[tuple[str, Dated, str]], width: int = 640, height: int = 210) -> str:
    """A self-contained SVG line chart of 0-100 ratings against their real dates.

    Points sit at their day, so a 40-day break shows as a 40-day space with no line across it;
    a long journal is drawn as weekly averages (see `weekly_means`)."""
    left, right, top, bottom = 36, 12, 28, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    weekly = any(is_long(points) for _, points, _ in series)
    drawn = [(label, weekly_means(points) if weekly else points, css) for label, points, css in series]
    days = [day for _, points, _ in drawn for day, _ in points]
    first, last = (min(days), max(days)) if days else (None, None)
    span = max(1, (last - first).days) if first and last else 1

    def x(day: date) -> float:
        return left + (plot_w / 2 if first is None or first == last else plot_w * (day - first).days / span)

    def y(v: float) -> float:
        return top + plot_h * (100 - v) / 100

    shown_title = title + (" · weekly averages" if weekly else "")
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(shown_title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<text class="chart-title" x="{left}" y="16">{escape(shown_title)}</text>',
    ]
    for level in (0, 50, 100):
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(level):.1f}" y2="{y(level):.1f}"/>')
        parts.append(f'<text class="axis" x="{left - 6}" y="{y(level) + 4:.1f}" text-anchor="end">{level}</text>')
    if first is not None and last is not None:
        for tick in _ticks(first, last):
            parts.append(f'<text class="axis" x="{x(tick):.1f}" y="{top + plot_h + 14}" text-anchor="middle">'
                         f"{tick.day} {tick.strftime('%b')}{' ' + str(tick.year) if tick in (first, last) else ''}</text>")
    for index, (label, points, css) in enumerate(drawn):
        for run in _runs(points, 7 if weekly else GAP_DAYS):
            if len(run) > 1:
                line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in run)
                parts.append(f'<polyline class="line {escape(css)}" points="{line}"/>')
        # Past a few hundred points the dots would only blur the line and bloat the file.
        for day, v in points if len(points) <= MAX_DOTS else []:
            if v is not None:
                what = f"week of {day.isoformat()}" if weekly else day.isoformat()
                parts.append(f'<circle class="dot {escape(css)}" cx="{x(day):.1f}" cy="{y(v):.1f}" r="3">'
                             f"<title>{escape(label)}, {what}: {v:g}</title></circle>")
        legend_x = left + 8 + index * 150
        parts.append(f'<rect class="key {escape(css)}" x="{legend_x}" y="{height - 14}" width="10" height="10"/>')
        parts.append(f'<text class="axis" x="{legend_x + 14}" y="{height - 5}">{escape(label)}</text>')
    if not any(v is not None for _, points, _ in drawn for _, v in points):
        parts.append(f'<text class="axis" x="{width / 2}" y="{height / 2}" text-anchor="middle">No ratings in this period</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _ticks(first: date, last: date, count: int = 5) -> list[date]:
    """Evenly spaced days for the x-axis, first and last included."""
    span = (last - first).days
    if span == 0:
        return [first]
    return sorted({first + timedelta(days=round(span * n / (count - 1))) for n in range(count)})


def _runs(points: list, gap_days: int) -> list[list[tuple[date, float]]]:
    """Stretches of rated points no more than `gap_days` apart, so a line never crosses a gap.

    A break means a gap in time only: a record without this rating (a before-practice record
    has no after-rating) is skipped, not a reason to stop the line."""
    runs: list[list[tuple[date, float]]] = [[]]
    for day, v in points:
        if v is None:
            continue
        if runs[-1] and (day - runs[-1][-1][0]).days > gap_days:
            runs.append([])
        runs[-1].append((day, v))
    return [run for run in runs if run]
