"""Showing a participant exactly what an export will send, before anything is written.

The person's words are appended to rich `Text` literally (never parsed as markup) after
control characters are neutralised; placeholders are highlighted so each redaction shows.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from thoughtwork.export.anonymiser import split_placeholders
from thoughtwork.export.columns import FREE_TEXT
from thoughtwork.export.research_export import ExportBundle
from thoughtwork.text import clean

PLACEHOLDER_STYLE = "bold black on yellow"


def marked(text: str) -> Text:
    """Scrubbed text with its placeholders highlighted; everything else literal."""
    out = Text()
    for piece, kind in split_placeholders(clean(text)):
        out.append(piece, style=PLACEHOLDER_STYLE if kind else "")
    return out


def practice_panels(rows: list[dict] | None) -> list[RenderableType]:
    """One panel per practice row, as it will be sent (numbers and categories only)."""
    if rows is None:
        return []
    panels: list[RenderableType] = []
    for row in rows:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for name, value in row.items():
            if name in ("participant", "practice", "day") or value in (None, "", []):
                continue
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            table.add_row(name, Text(clean(shown, single_line=True)))
        panels.append(Panel(table, title=f"practice {row['practice']} (day {row['day']})", title_align="left"))
    return panels


def render_preview(bundle: ExportBundle, recipient_note: str, *, compact: bool = False) -> RenderableType:
    """One panel per record and per practice: the numbers and the scrubbed text, as they will be
    sent; or with `compact`, one line each (the numbers, and the start of a record's situation)."""
    parts: list[RenderableType] = [_summary(bundle, recipient_note)]
    if compact:
        parts.append(_Fitted(bundle))
        if bundle.practice_rows:
            parts.append(_compact_practices(bundle.practice_rows))
    else:
        parts += [_record_panel(bundle, row) for row in bundle.rows]
        parts += practice_panels(bundle.practice_rows)
    parts.append(Text("Nothing has been written. Run the same command without --preview to write the export."))
    return Group(*parts)


def _summary(bundle: ExportBundle, recipient_note: str) -> Panel:
    redactions = bundle.redactions()
    summary = Text()
    summary.append(f"Study: {clean(bundle.study.name, single_line=True)}\n")
    count = len(bundle.rows)
    summary.append(f"{count} {'record' if count == 1 else 'records'} would be sent. {recipient_note}\n")
    if bundle.practice_rows is not None:
        practices = len(bundle.practice_rows)
        summary.append(f"{practices} {'practice' if practices == 1 else 'practices'} would be sent too: "
                       "numbers and categories only, none of your words.\n")
    if bundle.free_text:
        hidden = ", ".join(f"{n} {kind}" for kind, n in redactions.items()) or "nothing needed hiding"
        summary.append(f"Hidden from your writing: {hidden}. Highlighted words below are what the researchers see instead.")
    else:
        summary.append("None of your own writing is included, only numbers and categories.")
    if bundle.with_assignments:
        count = len(bundle.assignments)
        summary.append(f"\nHomework: {count} assignment{'s' if count != 1 else ''} (cadence, days and how many times "
                       "were done; never the prompts' words).")
    return Panel(summary, title="What will be sent", border_style="cyan")


Pair = tuple[str, str]
COMPACT: tuple[tuple[str, Pair | str], ...] = (
    ("#", "record"), ("day", "day"), ("where", "context"), ("belief", ("belief_before", "belief_after")),
    ("anxiety", ("anxiety_before", "anxiety_after")), ("traps", "distortions"))
"""Each column's title and the field it shows; a pair is a rating before and after, as '80→40',
so a line stays short enough for an 80-column terminal."""
COMPACT_PRACTICE: tuple[tuple[str, Pair | str], ...] = (
    ("#", "practice"), ("day", "day"), ("step", "step"), ("how far", "how_far"),
    ("pain", ("predicted_pain", "actual_pain")), ("anxiety", ("predicted_anxiety", "actual_anxiety")))
"""As `COMPACT`; a pair is what was expected and what was felt."""
MIN_SITUATION = 12
"""Narrower than this, the start of a situation says nothing; the column is left out."""


class _Fitted:
    """The compact records table, its situation column as wide as the terminal leaves room for,
    so every line fits (at 80 columns the table once squeezed its headers to 'b…')."""

    def __init__(self, bundle: ExportBundle) -> None:
        self.bundle = bundle

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        numbers = _compact_table(self.bundle, None)
        room = options.max_width - Measurement.get(console, options, numbers).maximum - 1
        text = "situation" in self.bundle.columns and room >= MIN_SITUATION
        yield _compact_table(self.bundle, room if text else None)


def _cell(row: dict, field: Pair | str) -> str:
    if isinstance(field, tuple):
        before, after = (row.get(name) for name in field)
        return ("" if before is None else str(before)) + ("" if after is None else f"\u2192{after}")
    value = row.get(field)
    return "" if value is None else str(len(value) if isinstance(value, list) else value)


def _shown(columns: tuple[tuple[str, Pair | str], ...], present: list[str]) -> list[tuple[str, Pair | str]]:
    return [(title, field) for title, field in columns
            if any(name in present for name in (field if isinstance(field, tuple) else (field,)))]


def _compact_table(bundle: ExportBundle, situation_width: int | None) -> Table:
    """A line per record: its numbers, and (given a width) the start of its situation."""
    table = Table(box=None, padding=(0, 1), header_style="bold")
    shown = _shown(COMPACT, bundle.columns)
    for title, _ in shown:
        table.add_column(title, no_wrap=True)
    if situation_width is not None:
        table.add_column("situation (start)", overflow="ellipsis", no_wrap=True, max_width=min(48, situation_width))
    for row in bundle.rows:
        cells = [Text(clean(_cell(row, field), single_line=True)) for _, field in shown]
        if situation_width is not None:
            cells.append(marked(" ".join(str(row.get("situation") or "").split())[:120]))
        table.add_row(*cells)
    return table


def _compact_practices(rows: list[dict]) -> Table:
    """One line per practice, as `_compact_table` does for records (the table is numbers and
    categories only, so there is no text to shorten)."""
    table = Table(box=None, padding=(0, 1), header_style="bold")
    shown = _shown(COMPACT_PRACTICE, list(rows[0]) if rows else [])
    for title, _ in shown:
        table.add_column(title, no_wrap=True)
    for row in rows:
        table.add_row(*(Text(clean(_cell(row, field), single_line=True)) for _, field in shown))
    return table


def _record_panel(bundle: ExportBundle, row: dict) -> Panel:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name in bundle.columns:
        value = row.get(name)
        if value in (None, "", []):
            continue
        if name in FREE_TEXT:
            table.add_row(name, marked(str(value)))
        else:
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            table.add_row(name, Text(clean(shown, single_line=True)))
    return Panel(table, title=f"record {row['record']} (day {row['day']})", title_align="left")
