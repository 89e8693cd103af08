"""Home: every place the person can go, with their draft and homework in view."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from thoughtwork.text import shorten


def due_homework(app, *, include_done: bool = False, records: list | None = None) -> list:
    """Homework items of today, overdue first (empty when the homework module is not installed)."""
    if app.journal is None:
        return []
    try:
        from thoughtwork.homework.schedule import due_items
    except ImportError:
        return []
    assignments = app.journal.assignments()
    if not assignments:
        return []
    items = due_items(assignments, app.journal.records() if records is None else records, date.today())
    return [item for item in items if include_done or item.status != "done"]


def homework_label(due: list) -> str:
    """'Homework: 3 waiting, some from earlier days': the same gentle words as the homework screen.

    Homework from an earlier day is still just waiting; words like "overdue" would add pressure.
    """
    if not due:
        return "Homework"
    earlier = sum(1 for item in due if item.status == "overdue")
    label = f"Homework: {len(due)} waiting"
    if earlier == len(due):
        return label + (", from earlier days" if earlier > 1 else ", from an earlier day")
    if earlier:
        return label + ", some from earlier days"
    return label


def greeting(hour: int) -> str:
    if hour < 5:
        # Someone here in the small hours may not be sleeping well; no cheerful time of day.
        return "Hello. It's late; go gently with yourself."
    if 5 <= hour < 12:
        return "Good morning."
    if 12 <= hour < 18:
        return "Good afternoon."
    return "Good evening."


class HomeScreen(Screen[None]):
    """The hub: start or continue a record, homework, journal, progress, breathe, help."""

    # Priority: the screen opens the moment its key arrives. Otherwise the key waits in the
    # menu's queue behind nothing and the words typed right after `n` ("n at work") were
    # queued to the menu as well, and lost when the record screen opened.
    BINDINGS = [
        Binding("n", "app.new_record", "New record", priority=True),
        Binding("c", "app.continue_draft", "Continue", show=False, priority=True),
        Binding("h", "app.homework", "Homework", show=False, priority=True),
        Binding("l", "app.open_ladder", "Ladder", show=False, priority=True),
        Binding("j", "app.open_journal", "Journal", priority=True),
        Binding("p", "app.open_progress", "Progress", priority=True),
        Binding("b", "app.breathe", "Breathe", priority=True),
        Binding("e", "app.exercises", "Exercises", show=False, priority=True),
        Binding("question_mark", "app.help", "Help", priority=True),
        Binding("s", "app.settings", "Settings", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="home", classes="page"):
            yield Static("thoughtwork", classes="page-title")
            yield Static("", id="greeting", classes="prose")
            yield OptionList(id="menu")
            yield Static(
                Text("Self-help alongside professional care. Small steps count.", style="dim"),
                id="home-note",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_menu()
        self.query_one("#menu").focus()

    def on_screen_resume(self) -> None:
        self.refresh_menu()

    def refresh_menu(self) -> None:
        """Rebuild the menu: the draft and homework lines change as the person works."""
        app = self.app
        # One read of the journal for the whole menu: at 2,000 records a read takes about 50 ms.
        records = app.journal.records() if app.journal else []
        draft = app.latest_draft(records)
        due = due_homework(app, records=records)
        hello = greeting(datetime.now().hour)
        self.query_one("#greeting", Static).update(Text(f"{hello} What would you like to do?"))
        menu = self.query_one("#menu", OptionList)
        highlighted = menu.highlighted_option.id if menu.highlighted_option else None
        options = [Option(_line("n", "Start a new thought record"), id="new_record")]
        if draft is not None:
            about = draft.situation or draft.automatic_thought or "untitled"
            options.append(Option(_line("c", "Continue your draft: ", shorten(about, 36)), id="continue_draft"))
        options.append(Option(_line("h", homework_label(due)), id="homework"))
        options.append(Option(_line("l", "Practice ladder: log a practice"), id="open_ladder"))
        count = len(records)
        options.append(Option(_line("j", f"Your journal ({count} record{'s' if count != 1 else ''})"), id="open_journal"))
        options.append(Option(_line("p", "Progress"), id="open_progress"))
        options.append(Option(_line("b", "Breathe"), id="breathe"))
        options.append(Option(_line("e", "Guided exercises: muscle relaxation, pelvic-floor drop"), id="exercises"))
        options.append(Option(_line("?", "Help and support"), id="help"))
        options.append(Option(_line("s", "Settings"), id="settings"))
        menu.clear_options()
        menu.add_options(options)
        ids = [option.id for option in options]
        menu.highlighted = ids.index(highlighted) if highlighted in ids else 0

    @on(OptionList.OptionSelected, "#menu")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        action = getattr(self.app, f"action_{event.option.id}")
        action()


def _line(key: str, label: str, user_text: str = "") -> Text:
    """A menu line: the key, the label, and any user text appended literally."""
    line = Text()
    line.append(f" {key}  ", style="bold")
    line.append(label)
    if user_text:
        line.append(f"\u201c{user_text}\u201d", style="italic")
    return line
