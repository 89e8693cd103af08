"""Snapshots of the practice screens at 80x24 (regenerate with --snapshot-update, then look at them)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from test_tui_flow_support import PASSPHRASE, SIZE, make_journal, no_preload, wait_for_screen

from thoughtwork.journal import Journal
from thoughtwork.models import CelebrationKind, Helper, HowFar, PracticeEntry
from thoughtwork.practice import ladders
from thoughtwork.practice.content import load_default_steps
from thoughtwork.tui.app import ThoughtworkApp
from thoughtwork.tui.screens import home


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)
    monkeypatch.setattr(home, "greeting", lambda hour: "Good evening.")


def at(day: int) -> datetime:
    return datetime(2026, 10, day, 19, 30, tzinfo=timezone.utc)


PRACTICES = [
    PracticeEntry(step_id="look", step_title="Looking, with a mirror", practised_at=at(1), predicted_pain=20,
                  predicted_anxiety=70, actual_pain=0, actual_anxiety=30, how_far=HowFar.whole),
    PracticeEntry(step_id="touch.entrance", step_title="Touch at the entrance", practised_at=at(3), predicted_pain=80,
                  predicted_anxiety=80, actual_pain=30, actual_anxiety=45, how_far=HowFar.part,
                  helpers=[Helper.breathing, Helper.lubricant], where="Bedroom [b]not bold[/b]"),
    PracticeEntry(step_id="touch.entrance", step_title="Touch at the entrance", practised_at=at(5), predicted_pain=60,
                  predicted_anxiety=70),
]


def journal_with_ladder(path):
    make_journal(path)
    with Journal.open(path, PASSPHRASE) as journal:
        ladder = ladders.set_current(ladders.from_defaults(load_default_steps()), "touch.entrance")
        ladder, _ = ladders.add_celebration(ladder, kind=CelebrationKind.first_practice, reward="Hot chocolate")
        ladder, _ = ladders.add_celebration(ladder, kind=CelebrationKind.step, step_id="fingertip",
                                            reward="The new book I have wanted")
        journal.save_ladder(ladder)
        for practice in PRACTICES:
            journal.save_practice(practice)
    return path


def _go(*keys: str, screen: str):
    async def run(pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press(*keys)
        await wait_for_screen(pilot, screen)
        await pilot.pause()

    return run


def test_ladder(snap_compare, tmp_path):
    """The ladder: the current step marked, practices counted, the gentle word, the next reward."""
    app = ThoughtworkApp(journal_with_ladder(tmp_path / "j.twj"), passphrase=PASSPHRASE)
    assert snap_compare(app, terminal_size=SIZE, run_before=_go("l", screen="LadderScreen"))


def test_practice_log(snap_compare, tmp_path):
    """A new practice at the current step, the expected pain being rated."""
    app = ThoughtworkApp(journal_with_ladder(tmp_path / "j.twj"), passphrase=PASSPHRASE)

    async def run(pilot):
        await _go("l", "n", screen="PracticeLogScreen")(pilot)
        pilot.app.screen.query_one("#practised_at").value = "2026-10-07 20:00"
        await pilot.press("7", "0")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_expected_vs_actual(snap_compare, tmp_path):
    """Predicted vs actual over time, the lesson of the highlighted practice below."""
    app = ThoughtworkApp(journal_with_ladder(tmp_path / "j.twj"), passphrase=PASSPHRASE)

    async def run(pilot):
        await _go("l", "g", screen="CompareScreen")(pilot)
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_rewards(snap_compare, tmp_path):
    """Rewards chosen in advance: one reached, one ahead."""
    app = ThoughtworkApp(journal_with_ladder(tmp_path / "j.twj"), passphrase=PASSPHRASE)
    assert snap_compare(app, terminal_size=SIZE, run_before=_go("l", "r", screen="RewardsScreen"))


def test_guided_exercise(snap_compare, tmp_path):
    """The pelvic-floor drop, paused on its fourth cue."""
    app = ThoughtworkApp(make_journal(tmp_path / "j.twj"), passphrase=PASSPHRASE)

    async def run(pilot):
        await _go("e", "down", "enter", screen="ExerciseScreen")(pilot)
        screen = pilot.app.screen
        screen.action_pause()
        for _ in range(3):
            screen.action_skip(1)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_celebration(snap_compare, tmp_path):
    """The reward the person chose, celebrated when the first practice at a step is logged."""
    app = ThoughtworkApp(journal_with_ladder(tmp_path / "j.twj"), passphrase=PASSPHRASE)

    async def run(pilot):
        await _go("l", "down", "n", screen="PracticeLogScreen")(pilot)
        pilot.app.screen.query_one("#practised_at").value = "2026-10-07 20:00"
        await pilot.press("3", "0", "escape")
        await wait_for_screen(pilot, "CelebrateModal")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_steps_editor(snap_compare, tmp_path):
    """Editing the steps: a new one being named below the highlighted step."""
    app = ThoughtworkApp(journal_with_ladder(tmp_path / "j.twj"), passphrase=PASSPHRASE)

    async def run(pilot):
        await _go("l", "e", screen="StepsScreen")(pilot)
        await pilot.press("down", "a", *"Dilator in the bath")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run)
