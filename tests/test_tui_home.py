"""First run, unlocking, home, homework and the command palette, driven with Pilot at 80x24."""

from __future__ import annotations

import asyncio

import pytest
from test_tui_flow_support import (
    PASSPHRASE,
    SIZE,
    make_journal,
    make_journal_with_homework,
    no_preload,
    press_without_pauses,
    wait_for,
    wait_for_screen,
)
from textual.widgets import OptionList, Static

from thoughtwork.journal import Journal
from thoughtwork.models import Prompt, RecordStep
from thoughtwork.tui.app import ThoughtworkApp


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)


def run(scenario):
    return asyncio.run(scenario())


def problem_text(app) -> str:
    return str(app.screen.query_one("#problem", Static).render())


def test_first_run_welcomes_and_creates_the_journal(tmp_path):
    """No journal yet: the welcome explains what this is and is not, then makes an encrypted journal."""
    path = tmp_path / "new" / "j.twj"

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "WelcomeScreen")
            text = " ".join(str(s.render()) for s in app.screen.query(Static))
            assert "not a diagnosis" in text and "alongside professional care" in text
            await pilot.press(*"short", "enter", *"short", "enter")
            assert "at least 8 characters" in problem_text(app)
            assert app.focused.id == "passphrase"  # back to the field that needs changing
            app.screen.query_one("#passphrase").value = PASSPHRASE
            app.screen.query_one("#again").value = PASSPHRASE + "x"
            app.screen.query_one("#again").focus()
            await pilot.press("enter")
            assert "different" in problem_text(app)
            app.screen.query_one("#again").value = PASSPHRASE
            app.screen.query_one("#again").focus()
            await pilot.press("enter")
            await wait_for_screen(pilot, "HomeScreen")
            assert app.journal is not None and app.journal.encrypted

    run(scenario)
    assert Journal.needs_passphrase(path)
    with Journal.open(path, PASSPHRASE) as journal:
        assert journal.settings().welcomed


def test_the_welcome_fits_80x24_with_visible_stops_and_no_lost_typing(tmp_path, monkeypatch):
    """"Create my journal" is on screen at 80x24, Tab stops only where something can be typed or
    chosen (each shown focused), letters typed on the button reach the passphrase, and the region
    suggested from the locale is the one kept."""
    from textual.widgets import Button, Input, Select

    from thoughtwork.tui.screens import welcome

    monkeypatch.setattr(welcome, "default_region", lambda: "ie")
    path = tmp_path / "j.twj"

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_screen(pilot, "WelcomeScreen")
            create = app.screen.query_one("#create", Button)
            assert create.region.y + create.region.height <= 23  # above the footer, not scrolled away
            assert app.screen.query_one("#region", Select).value == "ie"
            stops = []
            for _ in range(4):
                stops.append(app.focused.id)
                await pilot.press("tab")
            assert stops == ["passphrase", "again", "region", "create"]
            assert app.focused.id == "passphrase"  # round again, never onto the words
            app.screen.query_one("#create", Button).focus()
            await pilot.press(*"abcdefgh")
            assert app.screen.query_one("#passphrase", Input).value == "abcdefgh"
            assert app.focused.id == "passphrase"
            app.screen.query_one("#again", Input).value = "abcdefgh"
            app.screen.query_one("#again", Input).focus()
            await pilot.press("enter")
            await wait_for_screen(pilot, "HomeScreen")
            assert app.journal.settings().crisis_region == "ie"

    run(scenario)


def test_letters_on_the_welcome_go_where_the_focus_shows_and_none_is_lost(tmp_path, monkeypatch):
    """The tester's keys, sent without pauses: Tab, Tab (the region), then letters, shift+Tab, `abcd`.
    `u` became a dot in the first field while the focus seemed to stay on the region, and of
    `abcd` typed on the button one letter arrived. Then `u` picked a region starting with U, so a
    passphrase typed there changed the crisis line with no notice ("u", "u" -> United States).
    Now letters on the closed picker go to the field last written in, as on the button; the
    region changes only by opening the picker (space or Enter) and choosing."""
    from textual.widgets import Button, Input, Select

    from thoughtwork.tui.screens import welcome

    monkeypatch.setattr(welcome, "default_region", lambda: "ie")
    path = tmp_path / "j.twj"

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_screen(pilot, "WelcomeScreen")
            picker = app.screen.query_one("#region", Select)
            first = app.screen.query_one("#passphrase", Input)
            again = app.screen.query_one("#again", Input)
            press_without_pauses(pilot, "tab", "tab", "u", "u")
            await wait_for(pilot, lambda: len(again.value) == 2)
            assert again.value == "uu" and first.value == "" and app.focused is again
            assert picker.value == "ie"
            press_without_pauses(pilot, "shift+tab", *"abcd")
            await wait_for(pilot, lambda: len(first.value) == 4)
            assert first.value == "abcd" and app.focused is first
            # Typed on the button, every letter goes to the field last written in, and it shows focus.
            again.focus()
            await pilot.pause()
            app.screen.query_one("#create", Button).focus()
            await pilot.pause()
            press_without_pauses(pilot, *"wxyz")
            await wait_for(pilot, lambda: len(again.value) == 6)
            await pilot.pause()
            assert again.value == "uuwxyz" and first.value == "abcd" and app.focused is again
            assert picker.value == "ie"
            # Opened and chosen from, the picker does change the region.
            picker.focus()
            await pilot.pause()
            await pilot.press("space")
            await wait_for(pilot, lambda: picker.expanded)
            await pilot.press("down", "enter")
            await wait_for(pilot, lambda: not picker.expanded)
            assert picker.value != "ie"
            assert (first.value, again.value) == ("abcd", "uuwxyz")

    run(scenario)


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (100, 16)])
def test_the_welcome_is_one_block_its_words_just_above_the_form(tmp_path, size):
    """At 120x40 the words took every spare row and left a tall gap above the form: now the words
    sit just above it, the two centred; where rows are short, the words scroll and the form stays."""
    from textual.widgets import Button

    async def scenario():
        app = ThoughtworkApp(tmp_path / "j.twj")
        async with app.run_test(size=size) as pilot:
            await wait_for_screen(pilot, "WelcomeScreen")
            await pilot.pause()
            screen = app.screen
            words, form = screen.query_one("#welcome-words"), screen.query_one("#welcome-form")
            create = screen.query_one("#create", Button)
            assert create.region.bottom <= size[1] - 1  # on screen, above the footer
            assert form.region.y == words.region.bottom  # no gap between them
            above, below = words.region.y, size[1] - 1 - form.region.bottom
            if words.virtual_size.height <= words.size.height:  # everything fits: centred
                assert abs(above - below) <= 1
            else:  # too short for it all: the words scroll in what the form leaves
                assert above == 0 and words.size.height >= 4

    run(scenario)


def test_a_wrong_passphrase_is_explained_and_the_right_one_unlocks(tmp_path):
    """Unlocking asks again kindly after a wrong passphrase, and opens home with the right one."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "UnlockScreen")
            await pilot.press(*"not the passphrase", "enter")
            await wait_for(pilot, lambda: "did not unlock" in problem_text(app))
            assert app.journal is None
            app.screen.query_one("#passphrase").value = PASSPHRASE
            await pilot.press("enter")
            await wait_for_screen(pilot, "HomeScreen")

    run(scenario)


def test_a_journal_made_on_the_command_line_still_gets_the_welcome(tmp_path):
    """`thoughtwork init` makes a journal without the welcome; the app shows it once, then goes home."""
    path = make_journal(tmp_path / "j.twj", welcomed=False)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "WelcomeScreen")
            await pilot.press("enter")  # "Begin" has focus
            await wait_for_screen(pilot, "HomeScreen")
            assert app.journal.settings().welcomed

    run(scenario)


def test_home_lists_every_place_to_go(tmp_path):
    """Home offers a new record, homework, the practice ladder, journal, progress, breathing, exercises, help and settings."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            menu = app.screen.query_one("#menu", OptionList)
            ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
            assert ids == [
                "new_record",
                "homework",
                "open_ladder",
                "open_journal",
                "open_progress",
                "breathe",
                "exercises",
                "help",
                "settings",
            ]

    run(scenario)


def test_homework_due_shows_on_home_and_starts_a_linked_record(tmp_path):
    """A due prompt is counted on home; choosing it opens a record that begins with its instructions."""
    pytest.importorskip("thoughtwork.homework.schedule")
    prompt = Prompt(
        id="evening",
        title="Evening reflection",
        instructions="Look back gently on one moment from today.",
        moments=["evening_reflection"],
        steps=[RecordStep.situation, RecordStep.automatic_thought],
    )
    path = tmp_path / "j.twj"
    assignment = make_journal_with_homework(path, prompt, days=6)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            menu = app.screen.query_one("#menu", OptionList)
            assert "Homework: 1 waiting" in str(menu.get_option("homework").prompt)
            await pilot.press("h")
            await wait_for_screen(pilot, "HomeworkDueScreen")
            listing = app.screen.query_one("#homework-list", OptionList)
            line = str(listing.get_option_at_index(0).prompt)
            assert "Evening reflection" in line and "not done yet" in line  # each prompt says when it was last done
            await pilot.press("enter")
            await wait_for_screen(pilot, "RecordScreen")
            assert app.screen.prompt == prompt
            assert app.screen.record.assignment_id == assignment.id

    run(scenario)


def test_the_command_palette_has_every_action(tmp_path):
    """Each place reachable from home is also a palette command, and each command's action exists."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            titles = {command.title for command in app.get_system_commands(app.screen)}
            for title in (
                "New thought record",
                "Continue draft",
                "Homework",
                "Journal",
                "Progress",
                "Breathe",
                "Help and support",
                "Settings",
                "Crisis support",
                "Home",
            ):
                assert title in titles
            for binding in app.screen.BINDINGS:
                assert hasattr(app, "action_" + binding.action.removeprefix("app."))

    run(scenario)


GENERIC_COMMANDS = {"Screenshot", "Maximize", "Minimize", "Keys", "Theme"}
"""Textual's own palette commands: a screenshot would be an unencrypted picture of a record."""


def test_the_palette_offers_none_of_textuals_generic_commands(tmp_path):
    """Not on home, not while writing in a box (which Textual lets "Maximize"), not when searched for."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            assert not GENERIC_COMMANDS & {c.title for c in app.get_system_commands(app.screen)}
            await pilot.press("n")
            await wait_for_screen(pilot, "RecordScreen")
            await wait_for(pilot, lambda: app.focused is not None and app.focused.allow_maximize)
            titles = {c.title for c in app.get_system_commands(app.screen)}
            assert not GENERIC_COMMANDS & titles
            assert "Quit" in titles
            await pilot.press("ctrl+p")
            await wait_for_screen(pilot, "CommandPalette")
            for letter in "screensh":
                await pilot.press(letter)
            await pilot.pause(0.3)
            palette = app.screen.query_one(OptionList)
            shown = [str(palette.get_option_at_index(i).prompt) for i in range(palette.option_count)]
            assert not any("Screenshot" in prompt for prompt in shown)

    run(scenario)


def test_before_unlocking_the_palette_offers_only_what_needs_no_journal(tmp_path):
    """On the unlock screen, breathing and help are there, the journal's own commands are not."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "UnlockScreen")
            titles = {command.title for command in app.get_system_commands(app.screen)}
            assert {"Breathe", "Help and support", "Crisis support"} <= titles
            assert "New thought record" not in titles

    run(scenario)


def test_quitting_releases_the_journal(tmp_path):
    """After the app quits the journal's lock is released, so it can be opened again at once."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            await pilot.press("ctrl+q")

    run(scenario)
    Journal.open(path, PASSPHRASE).close()


def test_after_three_wrong_passphrases_the_unlock_screen_explains_what_is_possible(tmp_path):
    """Repeated failures add an honest note: case matters, and a lost passphrase cannot be recovered."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "UnlockScreen")
            for attempt in range(3):
                await pilot.press(*f"wrong{attempt}", "enter")
                await wait_for(pilot, lambda: not app.screen.query_one("#unlock-button").disabled)
            assert "case-sensitive" in problem_text(app)

    run(scenario)


def test_homework_words_are_gentle_and_the_same_on_home_and_the_homework_screen():
    """No 'overdue' or 'to do': homework from earlier days is just waiting, on both screens."""
    from types import SimpleNamespace

    from thoughtwork.tui.screens.home import homework_label
    from thoughtwork.tui.screens.homework_due import STATUS_WORDS

    def items(*statuses):
        return [SimpleNamespace(status=status) for status in statuses]

    assert homework_label([]) == "Homework"
    assert homework_label(items("due", "due")) == "Homework: 2 waiting"
    assert homework_label(items("overdue", "overdue", "due")) == "Homework: 3 waiting, some from earlier days"
    assert homework_label(items("overdue")) == "Homework: 1 waiting, from an earlier day"
    assert homework_label(items("overdue", "overdue")) == "Homework: 2 waiting, from earlier days"
    words = " ".join([*STATUS_WORDS.values(), homework_label(items("overdue", "due"))]).lower()
    for pressure in ("overdue", "late", "missed", "to do", "behind"):
        assert pressure not in words
    assert "waiting" in STATUS_WORDS["overdue"] and "earlier day" in STATUS_WORDS["overdue"]


def test_the_greeting_follows_the_hour_and_is_quiet_at_night() -> None:
    from thoughtwork.tui.screens.home import greeting

    assert [greeting(h) for h in (3, 9, 15, 21)] == [
        "Hello. It's late; go gently with yourself.", "Good morning.", "Good afternoon.", "Good evening.",
    ]
