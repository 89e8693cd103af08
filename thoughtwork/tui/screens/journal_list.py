"""The journal: every record, newest first, searchable and filterable; open, edit or delete."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Select, Static

from thoughtwork.models import (
    CONTEXT_LABELS,
    DISTORTION_NAMES,
    Context,
    DistortionId,
    ThoughtRecord,
)
from thoughtwork.text import shorten
from thoughtwork.tui.screens.record.emotions import feelings_text

PAGE = 200
"""Rows added to the table at a time; more are added as the cursor nears the end."""
SEARCH_PAUSE = 0.15
"""Seconds of no typing before the search is applied."""

SHORT_CONTEXT = {
    Context.intimacy: "Intimacy",
    Context.dilator_practice: "Dilator",
    Context.tampon: "Tampon, cup",
    Context.gynaecological_exam: "Gynae exam",
    Context.self_touch: "Self-touch",
    Context.thinking_about_it: "Thinking",
    Context.other: "Something else",
}
"""Context names short enough for a table column and the filter's drop-down at 80 columns (the
full ones wrapped there: "A / gynaecological / exam"); "Something else" as the record says it."""

WHERE_WIDTH = max(len(label) for label in SHORT_CONTEXT.values())


def searchable_text(record: ThoughtRecord) -> str:
    """Everything the person wrote in a record, folded for case-insensitive search."""
    parts = [
        record.situation,
        record.automatic_thought,
        record.balanced_thought,
        *record.evidence_for,
        *record.evidence_against,
        *(emotion.name for emotion in record.emotions),
        *record.prompt_answers.values(),
    ]
    return "\n".join(parts).casefold()


def filter_records(
    records: Iterable[ThoughtRecord],
    query: str = "",
    trap: DistortionId | None = None,
    context: Context | None = None,
) -> list[ThoughtRecord]:
    """The records matching every word of `query`, the thinking trap and the context (if given)."""
    words = query.casefold().split()
    kept = []
    for record in records:
        if context is not None and record.context is not context:
            continue
        if trap is not None and all(match.id is not trap for match in record.accepted_distortions()):
            continue
        if words:
            haystack = searchable_text(record)
            if not all(word in haystack for word in words):
                continue
        kept.append(record)
    return kept


def day_label(moment: datetime) -> str:
    """A date as people write it: 3 Mar 2026, in local time."""
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y}"


def record_title(record: ThoughtRecord, width: int) -> Text:
    """The table's main cell: the thought (or the situation), literal, with 'draft' marked."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if not record.is_complete:
        text.append("draft ", style="italic")
        width -= len("draft ")
    words = record.automatic_thought or record.situation
    text.append(shorten(words, max(8, width)) if words else "(nothing written yet)")
    return text


def feelings_line(record: ThoughtRecord) -> Text:
    """'Felt: scared 70, ashamed 40 (out of 100) · anxiety 80', or a gentle note when nothing was rated."""
    text = Text(no_wrap=True, overflow="ellipsis")
    parts = [feelings_text(record.emotions)] if record.emotions else []
    if record.anxiety_before is not None:
        parts.append(Text(f"anxiety {record.anxiety_before}"))
    if not parts:
        text.append("No feelings noted in this record.")
        return text
    text.append("Felt: ")
    text.append_text(Text(" \u00b7 ").join(parts))
    return text


class JournalScreen(Screen[None]):
    """All records, newest first; type to search, filter by thinking trap or where it happened."""

    CSS_PATH = "journal_list.tcss"

    # No letters: typing anywhere on this screen is a search ("dilator" once opened "Delete
    # this record?" at its "d"), so the actions take ctrl or a key of their own.
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+e", "edit", "Edit"),
        # ctrl+d from the search box too (priority: the box took it as delete-right); the Delete
        # key there still deletes a letter.
        Binding("ctrl+d", "delete", "Delete", priority=True),
        Binding("delete", "delete_key", "Delete", show=False),
        Binding("slash", "search", "Search"),
        Binding("ctrl+n", "app.new_record", "New record", show=False),
        # Priority, so the focus is on the list before an Enter typed straight after is routed:
        # Down then Enter went to the search box, and only a second Enter opened the record.
        Binding("down", "to_list", "To the list", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._everything: list[ThoughtRecord] = []
        self._shown: list[ThoughtRecord] = []
        self._search_timer: Timer | None = None
        self._thought_width = 0
        """The width the Thought column's cells were cut to (they are cut again when it changes)."""
        self._rows: dict[tuple, tuple[Text, Text, Text]] = {}
        """Table cells already made, by record id, version and width: cleaning text is the slow part."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="page", id="journal-page"):
            yield Static(Text("Your journal"), classes="page-title")
            with Horizontal(id="journal-filters"):
                # Not selected on focus: the letter typed on the list that brought the focus here
                # would be replaced by the next one.
                yield Input(placeholder="Search your words…", id="journal-search", select_on_focus=False)
                yield Select(
                    [(name, DistortionId(key)) for key, name in sorted(DISTORTION_NAMES.items(), key=lambda i: i[1])],
                    prompt="Any thinking trap",
                    id="journal-trap",
                )
                yield Select(
                    [(SHORT_CONTEXT[Context(key)], Context(key)) for key in CONTEXT_LABELS],
                    prompt="Anywhere",
                    id="journal-context",
                )
            yield Static("", id="journal-count")
            table: DataTable[Text] = DataTable(id="journal-table", cursor_type="row", zebra_stripes=True)
            yield table
            yield Static("", id="journal-felt")
            yield Static("", id="journal-empty")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#journal-table", DataTable)
        table.add_column(Text("Date"), key="date", width=11)
        table.add_column(Text("Where"), key="where", width=WHERE_WIDTH)
        table.add_column(Text("Thought"), key="thought")
        table.focus()

    def on_screen_resume(self) -> None:
        # Runs on first show (after mount) and when back from a record that may have changed.
        self.refresh_records()

    # --- showing ---------------------------------------------------------------

    def _filters(self) -> tuple[str, DistortionId | None, Context | None]:
        query = self.query_one("#journal-search", Input).value
        trap = self.query_one("#journal-trap", Select).value
        context = self.query_one("#journal-context", Select).value
        return (
            query,
            trap if isinstance(trap, DistortionId) else None,
            context if isinstance(context, Context) else None,
        )

    def refresh_records(self) -> None:
        """Read the journal again (it may have changed elsewhere) and show it filtered."""
        journal = self.app.journal
        self._everything = journal.records() if journal is not None else []
        self._rows.clear()
        self.show_filtered()

    def show_filtered(self) -> None:
        """Rebuild the table from the records in memory, keeping the cursor on the same record if shown."""
        query, trap, context = self._filters()
        current = self.current_record_id()
        self._shown = filter_records(self._everything, query, trap, context)
        table = self.query_one("#journal-table", DataTable)
        table.clear()
        ids = [r.id for r in self._shown]
        wanted = ids.index(current) if current in ids else 0
        self._add_rows(max(PAGE, wanted + 1))
        if wanted:
            table.move_cursor(row=wanted)
        self._describe(len(self._everything), bool(query.strip() or trap or context))
        self._show_feelings()

    def _add_rows(self, count: int) -> None:
        """Add up to `count` more of the shown records to the table (big journals load as you scroll)."""
        table = self.query_one("#journal-table", DataTable)
        start = table.row_count
        thought_width = self._thought_width = self._room_for_thought()
        for record in self._shown[start : start + count]:
            key = (record.id, record.updated_at, thought_width)
            cells = self._rows.get(key)
            if cells is None:
                cells = self._rows[key] = (
                    Text(day_label(record.created_at)),
                    Text(SHORT_CONTEXT[record.context]),
                    record_title(record, thought_width),
                )
            table.add_row(*cells, key=record.id)

    def _room_for_thought(self) -> int:
        return max(20, self.app.size.width - 11 - WHERE_WIDTH - 14)

    def on_resize(self, event: events.Resize) -> None:
        # The thoughts were cut for the old width: 80 -> 120 kept them at about 40 characters.
        if self._thought_width and self._room_for_thought() != self._thought_width:
            self.show_filtered()

    @on(DataTable.RowHighlighted, "#journal-table")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if table.row_count < len(self._shown) and event.cursor_row >= table.row_count - PAGE // 4:
            self._add_rows(PAGE)
        self._show_feelings()

    def _show_feelings(self) -> None:
        """Under the table, what the highlighted record's person felt, each feeling with its own strength."""
        record_id = self.current_record_id()
        record = next((r for r in self._shown if r.id == record_id), None)
        felt = self.query_one("#journal-felt", Static)
        felt.update(feelings_line(record) if record is not None else Text())
        felt.display = record is not None

    def _describe(self, total: int, filtering: bool) -> None:
        count = self.query_one("#journal-count", Static)
        empty = self.query_one("#journal-empty", Static)
        shown = len(self._shown)
        if filtering:
            line = f"{shown} of {total} record{'s' if total != 1 else ''}"
        else:
            line = f"{total} record{'s' if total != 1 else ''}, newest first"
        # The table's own Enter binding hides from the footer, so say it here.
        count.update(Text(line + (" \u00b7 Enter opens one" if shown else "")))
        if total == 0:
            message = "No records yet. When a difficult moment comes, press ctrl+n to write it down; small steps count."
        elif shown == 0:
            message = "Nothing matches. Try fewer words, or clear a filter."
        else:
            message = ""
        empty.update(Text(message))
        empty.display = bool(message)
        self.query_one("#journal-table").display = shown > 0

    def current_record_id(self) -> str | None:
        """The id of the record under the cursor, if any."""
        table = self.query_one("#journal-table", DataTable)
        if not self._shown or table.row_count == 0:
            return None
        row = table.cursor_row
        if 0 <= row < len(self._shown):
            return self._shown[row].id
        return None

    # --- events -----------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # Letters typed on the list (or anywhere but a drop-down) are the start of a search; "/"
        # goes to the search box without typing itself (its binding). The search box takes its
        # own letters, so any that reach this point were sent elsewhere: "hurt" typed fast gave
        # "h", as "urt" was already on its way to the list when "h" moved the focus.
        typing = event.is_printable and event.character and event.key != "slash"
        if typing and not isinstance(self.focused, Select):
            event.stop()
            event.prevent_default()
            search = self.query_one("#journal-search", Input)
            self.set_focus(search)
            search.insert_text_at_cursor(event.character)

    @on(Input.Changed, "#journal-search")
    def _search_changed(self) -> None:
        # Wait for a pause in typing so a fast typist is not slowed by a redraw per key.
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_PAUSE, self.show_filtered)

    @on(Select.Changed)
    def _filters_changed(self) -> None:
        self.show_filtered()

    @on(Input.Submitted, "#journal-search")
    def _search_done(self) -> None:
        self.query_one("#journal-table").focus()

    @on(DataTable.RowSelected, "#journal-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    # --- actions ---------------------------------------------------------------

    def action_back(self) -> None:
        """A first Esc clears a search (most people expect that), the next goes back; from the
        search box too (it once took a first Esc just to leave the box)."""
        search = self.query_one("#journal-search", Input)
        if not search.value:
            self.app.pop_screen()
            return
        search.value = ""
        self._apply_search_now()
        self.query_one("#journal-table").focus()

    def _apply_search_now(self) -> None:
        """Show what the search box says now, not after the typing pause."""
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.show_filtered()

    def action_to_list(self) -> None:
        self.query_one("#journal-table").focus()

    def action_search(self) -> None:
        self.query_one("#journal-search", Input).focus()

    def action_open(self) -> None:
        record_id = self.current_record_id()
        if record_id is not None:
            from thoughtwork.tui.screens.record_detail import RecordDetailScreen

            self.app.push_screen(RecordDetailScreen(record_id))

    def action_edit(self) -> None:
        record_id = self.current_record_id()
        if record_id is not None:
            self.app.start_record(record_id)

    def action_delete_key(self) -> None:
        self.action_delete()

    def action_delete(self) -> None:
        self._apply_search_now()  # the record highlighted for what is typed, not for a search half applied
        record_id = self.current_record_id()
        if record_id is not None:
            from thoughtwork.tui.screens.record_detail import confirm_delete

            confirm_delete(self, record_id, self.refresh_records)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While typing a search, letters are words, not commands.
        if action == "to_list":
            return self.focused is self.query_one("#journal-search", Input)
        return not (action in {"edit", "delete_key", "search"} and isinstance(self.focused, Input))
