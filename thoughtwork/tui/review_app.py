"""`thoughtwork review`: a therapist's read-only view of a report a patient sent.

The app only shows what is in the report; it opens no journal and writes nothing.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from thoughtwork.report.data import ReportData
from thoughtwork.text import shorten
from thoughtwork.tui.crash import GentleCrash
from thoughtwork.tui.screens.review import ReviewScreen

CRASH_MESSAGE = "thoughtwork review stopped because of a problem inside it. The report file was not changed."


class ReviewApp(GentleCrash, App[None]):
    """Shows one report: summary and charts, records, thinking traps, homework."""

    TITLE = "thoughtwork review"
    CRASH_MESSAGE = CRASH_MESSAGE
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, report: ReportData, title: str = "") -> None:
        super().__init__()
        self.report = report
        if title:
            self.sub_title = shorten(title, 80)

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.report))

    def open_page(self, url: str) -> bool:
        """Open a web address in the person's browser (tests replace this)."""
        import webbrowser

        return webbrowser.open(url)


def run_review(report: ReportData, title: str = "") -> int:
    """Run the review app in the terminal; returns its exit code."""
    app = ReviewApp(report, title)
    app.run()
    return app.return_code or 0
