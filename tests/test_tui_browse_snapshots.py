"""Snapshots of the browsing screens at 80x24 (regenerate with --snapshot-update, then look at them)."""

from __future__ import annotations

import pytest
from test_tui_browse_support import (
    HOSTILE,
    START,
    HostApp,
    make_journal,
    sample_records,
    use_utc,
    wait_for,
)

from thoughtwork.models import ThoughtRecord
from thoughtwork.tui.screens.breathe import BreatheScreen
from thoughtwork.tui.screens.crisis import CrisisScreen
from thoughtwork.tui.screens.help import HelpScreen
from thoughtwork.tui.screens.journal_list import JournalScreen
from thoughtwork.tui.screens.progress import ProgressScreen
from thoughtwork.tui.screens.record_detail import RecordDetailScreen
from thoughtwork.tui.screens.settings import SettingsScreen
from thoughtwork.tui.widgets.confirm import ConfirmModal


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    use_utc(monkeypatch)


@pytest.fixture
def journal(tmp_path):
    journal = make_journal(tmp_path / "j.twj", sample_records(), crisis_region="uk")
    yield journal
    journal.close()


def test_journal_list(snap_compare, journal):
    """Five records newest first, the draft marked, filters above."""
    assert snap_compare(HostApp(journal, JournalScreen))


def test_journal_search_narrows(snap_compare, journal):
    """Searching 'broken' leaves the one record with that word."""

    async def search(pilot):
        await pilot.press("slash", *"broken")
        # The search waits for a pause in typing; wait until it has been applied.
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#journal-table").row_count == 1)
        await pilot.pause()

    assert snap_compare(HostApp(journal, JournalScreen), run_before=search)


def test_delete_confirmation(snap_compare, journal):
    """d asks before deleting, with Keep focused."""
    assert snap_compare(HostApp(journal, JournalScreen), press=["ctrl+d"])


def test_record_detail(snap_compare, journal):
    """The oldest record read back, with the trigger words highlighted."""
    oldest = journal.records()[-1].id
    assert snap_compare(HostApp(journal, lambda: RecordDetailScreen(oldest)))


def test_record_detail_shows_markup_literally(snap_compare, tmp_path):
    """Markup and escape sequences in user text appear as typed, neutralised."""
    record = ThoughtRecord(created_at=START, situation=HOSTILE, automatic_thought=HOSTILE)
    journal = make_journal(tmp_path / "h.twj", [record])
    try:
        assert snap_compare(HostApp(journal, lambda: RecordDetailScreen(record.id)))
    finally:
        journal.close()


def test_progress(snap_compare, journal):
    """Before/after pairs per record, averages and the start of the traps."""
    assert snap_compare(HostApp(journal, ProgressScreen))


def test_progress_milestones(snap_compare, journal):
    """Scrolled down: the trap bars and the milestones."""
    assert snap_compare(HostApp(journal, ProgressScreen), press=["end"])


def test_breathe(snap_compare, journal):
    """The guide paused half-way through a breath in."""

    async def hold(pilot):
        screen = pilot.app.screen
        screen.action_pause()
        screen.position = 0.2
        screen.draw()
        await pilot.pause()

    assert snap_compare(HostApp(journal, BreatheScreen), run_before=hold)


def test_help(snap_compare):
    """The top of the help page."""
    assert snap_compare(HostApp(None, HelpScreen))


def test_crisis_lines(snap_compare, journal):
    """The crisis lines for the region in the settings (UK)."""
    assert snap_compare(HostApp(journal, CrisisScreen))


def test_settings(snap_compare, journal):
    """Settings with the UK lines previewed."""
    assert snap_compare(HostApp(journal, SettingsScreen))


def test_high_contrast_journal(snap_compare, journal):
    """The journal in the high-contrast theme."""

    async def contrast(pilot):
        pilot.app.theme = "high_contrast"
        await pilot.pause()

    assert snap_compare(HostApp(journal, JournalScreen), run_before=contrast)


def test_confirm_modal_alone(snap_compare):
    """The confirm modal with custom labels."""
    assert snap_compare(HostApp(None, lambda: ConfirmModal("Leave without saving?", yes="Leave", no="Stay")))


def test_progress_without_colour(snap_compare, journal, monkeypatch):
    """With NO_COLOR the charts still read: before is left, after is right, said in words."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(HostApp(journal, ProgressScreen))
