"""A journal file gone missing with its backups beside it: the app offers to bring it back, never a new journal."""

from __future__ import annotations

import asyncio

import pytest
from test_tui_flow_support import PASSPHRASE, SIZE, make_journal, no_preload, wait_for, wait_for_screen
from textual.widgets import Button, Input, Static

from thoughtwork.journal import Journal
from thoughtwork.journal.restore import existing_backups
from thoughtwork.models import ThoughtRecord
from thoughtwork.tui.app import ThoughtworkApp


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)


def missing_journal(tmp_path):
    """A journal with two records whose file was then deleted, leaving its backups."""
    path = make_journal(tmp_path / "j.twj", [ThoughtRecord(situation="one"), ThoughtRecord(situation="two")])
    with Journal.open(path, PASSPHRASE) as journal:
        journal.save(ThoughtRecord(situation="three"))
    path.unlink()
    assert existing_backups(path)
    return path


def screen_text(app) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def test_a_missing_journal_with_backups_is_explained_and_not_replaced_by_a_new_one(tmp_path):
    path = missing_journal(tmp_path)
    backups = {backup: backup.read_bytes() for backup in existing_backups(path)}

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "RestoreScreen")
            shown = screen_text(app)
            assert "could not find your journal file (j.twj)" in shown
            assert "Nothing has been changed" in shown
            assert "Create my journal" not in shown
            await pilot.click("#quit-button")
            await wait_for(pilot, lambda: not app.is_running)

    asyncio.run(scenario())
    assert not path.exists()
    assert {backup: backup.read_bytes() for backup in existing_backups(path)} == backups


def test_a_wrong_passphrase_says_so_plainly_and_changes_nothing(tmp_path):
    path = missing_journal(tmp_path)

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "RestoreScreen")
            await pilot.press(*"not my passphrase".replace(" ", "_"), "enter")
            problem = app.screen.query_one("#problem", Static)
            await wait_for(pilot, lambda: "did not open" in str(problem.render()))
            assert str(problem.render()).startswith("That passphrase did not open the backups. Nothing was changed.")
            assert not app.screen.query_one("#restore-button", Button).disabled
            assert app.focused is app.screen.query_one("#passphrase", Input)

    asyncio.run(scenario())
    assert not path.exists()


def test_the_right_passphrase_brings_the_journal_back_and_opens_it(tmp_path):
    path = missing_journal(tmp_path)

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "RestoreScreen")
            app.screen.query_one("#passphrase", Input).value = PASSPHRASE
            await pilot.press("enter")
            await wait_for_screen(pilot, "HomeScreen")
            assert any("Your journal is back, with" in n.message for n in app._notifications)
            assert app.journal is not None and len(app.journal.records()) >= 2

    asyncio.run(scenario())
    assert path.exists()
    with Journal.open(path, PASSPHRASE) as journal:
        assert {"one", "two"} <= {record.situation for record in journal.records()}


def test_a_passphrase_from_the_environment_is_filled_in_but_restoring_waits_for_a_yes(tmp_path):
    path = missing_journal(tmp_path)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "RestoreScreen")
            await pilot.pause(0.2)
            assert not path.exists()
            assert app.screen.query_one("#passphrase", Input).value == PASSPHRASE
            await pilot.click("#restore-button")
            await wait_for_screen(pilot, "HomeScreen")

    asyncio.run(scenario())
    assert path.exists()


def test_no_journal_and_no_backups_is_still_the_first_run_welcome(tmp_path):
    async def scenario():
        app = ThoughtworkApp(tmp_path / "new.twj")
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "WelcomeScreen")

    asyncio.run(scenario())
