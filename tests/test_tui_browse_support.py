"""Shared set-up for the browsing screens' tests: sample records and a tiny host app.

The host app stands in for ThoughtworkApp where only one screen is under test: it holds
`journal`, records calls to `start_record`, and loads the real stylesheet and themes so
snapshots look like the real thing.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.app import App

from thoughtwork.journal import Journal
from thoughtwork.locations import package_data
from thoughtwork.models import (
    Context,
    DistortionMatch,
    DistortionStatus,
    Emotion,
    EvidenceSpan,
    RecordStatus,
    ThoughtRecord,
)
from thoughtwork.tui.theme import apply_theme, register_themes

PASSPHRASE = "a calm passphrase"
SIZE = (80, 24)
START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
HOSTILE = "[/b] [@click=app.quit]quit[/] \x1b]0;pwned\x07 [TODO]"
"""Text that would crash, act or vanish if it were ever treated as markup or sent raw."""


def sample_records() -> list[ThoughtRecord]:
    """Five days of practice: fortune telling mostly, one labelling, a draft last."""
    thought = "It will hurt and I will never be able to do this"
    records = []
    for day in range(5):
        complete = day < 4
        records.append(
            ThoughtRecord(
                created_at=START + timedelta(days=day),
                status=RecordStatus.complete if complete else RecordStatus.draft,
                situation=f"Dilator practice, evening {day + 1}",
                context=Context.dilator_practice if day % 2 else Context.intimacy,
                emotions=[Emotion(name="fear", intensity=70 - day * 5)],
                anxiety_before=80 - day * 4,
                belief_before=90 - day * 5,
                automatic_thought=thought if day != 2 else "My body is broken",
                distortions=(
                    [DistortionMatch(id="fortune_telling", status=DistortionStatus.accepted,
                                     evidence=[EvidenceSpan(text="will hurt", start=3, end=12)])]
                    if day != 2
                    else [DistortionMatch(id="labeling", status=DistortionStatus.added)]
                ),
                evidence_for=["It hurt last time"] if complete else [],
                evidence_against=["Last week was easier", "I went slower"] if complete else [],
                balanced_thought="I can't predict the future; I can go slowly." if complete else "",
                belief_after=50 - day * 10 if complete else None,
                anxiety_after=45 - day * 5 if complete else None,
            )
        )
    return records


def make_journal(path: Path, records: list[ThoughtRecord] | None = None, **settings) -> Journal:
    """An open journal with the given records and settings (and welcomed, for the real app)."""
    journal = Journal.create(path, PASSPHRASE)
    if records:
        journal.add_many(records)
    journal.save_settings(journal.settings().model_copy(update={"welcomed": True, **settings}))
    return journal


class HostApp(App[None]):
    """Shows one browsing screen over an open journal, like ThoughtworkApp would."""

    CSS_PATH = str(package_data("tui", "app.tcss"))

    def __init__(self, journal: Journal | None, make_screen) -> None:
        super().__init__()
        self.journal = journal
        self.make_screen = make_screen
        self.started: list[str | None] = []

    def on_mount(self) -> None:
        register_themes(self)
        apply_theme(self, "calm")
        self.push_screen(self.make_screen())

    def start_record(self, record_id: str | None = None, **_: object) -> None:
        self.started.append(record_id)


def screen_text(app: App) -> str:
    """All the words on the current screen's static widgets, joined."""
    from textual.widgets import Static

    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def wait_for(pilot, predicate, tries: int = 150) -> None:
    """Let the app run until `predicate()` holds."""
    for _ in range(tries):
        await pilot.pause(0.02)
        if predicate():
            return
    raise AssertionError("the app did not reach the expected state")


def use_utc(monkeypatch) -> None:
    """Dates and times on screen in UTC, so tests and snapshots read the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
