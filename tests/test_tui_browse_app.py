"""The browsing screens inside the real app: reached from home, and editing goes into the record flow."""

from __future__ import annotations

import asyncio

import pytest
from test_tui_browse_support import (
    PASSPHRASE,
    SIZE,
    make_journal,
    sample_records,
    screen_text,
    use_utc,
    wait_for,
)

from thoughtwork.tui.app import ThoughtworkApp


@pytest.fixture(autouse=True)
def _quiet(monkeypatch):
    use_utc(monkeypatch)
    # No spaCy in these tests: they share two cores, and browsing never analyses text.
    monkeypatch.setattr(ThoughtworkApp, "load_pipeline", lambda self: None)


def name(app) -> str:
    return type(app.screen).__name__


async def at_home(pilot) -> None:
    await wait_for(pilot, lambda: name(pilot.app) == "HomeScreen")


def test_every_browsing_screen_opens_from_home_and_goes_back(tmp_path):
    """j, p, b, ? and s each open their screen; escape comes back home."""
    path = tmp_path / "j.twj"
    make_journal(path, sample_records()).close()

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await at_home(pilot)
            for key, screen in (
                ("j", "JournalScreen"),
                ("p", "ProgressScreen"),
                ("b", "BreatheScreen"),
                ("question_mark", "HelpScreen"),
                ("s", "SettingsScreen"),
            ):
                await pilot.press(key)
                await wait_for(pilot, lambda screen=screen: name(app) == screen)
                await pilot.press("escape")
                await at_home(pilot)

    asyncio.run(scenario())


def test_editing_from_the_journal_opens_the_record_flow_with_that_record(tmp_path):
    path = tmp_path / "j.twj"
    journal = make_journal(path, sample_records())
    newest = journal.records()[0]
    journal.close()

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await at_home(pilot)
            await pilot.press("j")
            await wait_for(pilot, lambda: name(app) == "JournalScreen")
            await pilot.press("enter")
            await wait_for(pilot, lambda: name(app) == "RecordDetailScreen")
            assert "Dilator practice, evening 5" in screen_text(app)
            await pilot.press("e")
            await wait_for(pilot, lambda: name(app) == "RecordScreen")
            assert app.screen.record.id == newest.id

    asyncio.run(scenario())


def test_settings_theme_applies_to_the_whole_app_and_persists(tmp_path):
    path = tmp_path / "j.twj"
    make_journal(path).close()

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await at_home(pilot)
            await pilot.press("s")
            await wait_for(pilot, lambda: name(app) == "SettingsScreen")
            app.screen.query_one("#settings-theme").value = "high_contrast"
            await pilot.pause()
            assert app.theme == "high_contrast"
            assert app.journal.settings().theme == "high_contrast"

    asyncio.run(scenario())
