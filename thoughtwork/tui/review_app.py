"""`thoughtwork review`: a therapist's read-only view of a report a patient sent.

The app only shows what is in the report; it opens no journal and writes nothing.
"""

from __future__ import annotations

import os

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from thoughtwork.report.data import ReportData
from thoughtwork.text import shorten
from thoughtwork.tui.screens.review import ReviewScreen

CRASH_MESSAGE = "thoughtwork review stopped because of a problem inside it. The report file was not changed."


class ReviewApp(App[None]):
    """Shows one report: summary and charts, records, thinking traps, homework."""

    TITLE = "thoughtwork review"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, report: ReportData, title: str = "") -> None:
        super().__init__()
        self.report = report
        if title:
            self.sub_title = shorten(title, 80)

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.report))

    def _handle_exception(self, error: Exception) -> None:
        """A plain message instead of Textual's crash screen, whose locals would show patient text."""
        if os.environ.get("THOUGHTWORK_DEBUG") == "1":
            super()._handle_exception(error)
            return
        self._return_code = 1
        if self._exception is None:
            # Kept so Pilot test runs still re-raise; never rendered on screen.
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(Text(f"{CRASH_MESSAGE}\n({type(error).__name__})"))
        self._close_messages_no_wait()


def run_review(report: ReportData, title: str = "") -> int:
    """Run the review app in the terminal; returns its exit code."""
    app = ReviewApp(report, title)
    app.run()
    return app.return_code or 0
