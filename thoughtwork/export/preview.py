"""Showing a participant exactly what an export will send, before anything is written.

The person's words are appended to rich `Text` literally (never parsed as markup) after
control characters are neutralised; placeholders are highlighted so each redaction shows.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
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


def render_preview(bundle: ExportBundle, recipient_note: str) -> RenderableType:
    """One panel per record: the numbers and the scrubbed text, as they will be sent."""
    parts: list[RenderableType] = []
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
    parts.append(Panel(summary, title="What will be sent", border_style="cyan"))
    for row in bundle.rows:
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
        parts.append(Panel(table, title=f"record {row['record']} (day {row['day']})", title_align="left"))
    parts.extend(practice_panels(bundle.practice_rows))
    parts.append(Text("Nothing has been written. Run the same command without --preview to write the export."))
    return Group(*parts)
