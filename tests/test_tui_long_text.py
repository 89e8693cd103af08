"""Text longer than a record can keep: refused before it goes in, explained in plain words, never lost on quit."""

from __future__ import annotations

import asyncio

import pytest
from test_tui_flow_support import PASSPHRASE, SIZE, make_journal, no_preload, wait_for, wait_for_screen
from textual import events
from textual.widgets import Button, TextArea

from thoughtwork.journal import Journal
from thoughtwork.models import MAX_TEXT, ThoughtRecord
from thoughtwork.tui.app import ThoughtworkApp
from thoughtwork.tui.widgets.bounded_text import EVIDENCE, ONE_ENTRY, TextLimit
from thoughtwork.tui.widgets.confirm import ConfirmModal

LONG_THOUGHT = ("It will always hurt. " * 938).rstrip()  # 19,697 characters, as in the report


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)


def on_thought_step(tmp_path, scenario, thought: str = LONG_THOUGHT) -> tuple[ThoughtworkApp, ThoughtRecord]:
    """Open a draft with `thought` at the thought step, run `scenario(pilot, box)`; return the app and the saved record."""
    record = ThoughtRecord(situation="Bedtime", automatic_thought=thought)
    path = make_journal(tmp_path / "j.twj", [record])
    app = ThoughtworkApp(path, passphrase=PASSPHRASE)

    async def drive():
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            app.start_record(record.id)
            await wait_for_screen(pilot, "RecordScreen")
            await pilot.press("ctrl+b")  # the draft resumes at the step after the thought
            await pilot.pause()
            box = app.screen.query_one("#thought", TextArea)
            assert app.focused is box
            await scenario(pilot, box)

    asyncio.run(drive())
    with Journal.open(path, PASSPHRASE) as journal:
        return app, journal.get(record.id)


def test_a_paste_that_would_not_fit_is_refused_with_how_much_is_too_much(tmp_path):
    """The reported case: 500 characters pasted into a 19,697-character thought."""

    async def paste(pilot, box):
        box.move_cursor(box.document.end)
        pilot.app.post_message(events.Paste("x" * 500))
        await pilot.pause()
        assert box.text == LONG_THOUGHT
        note = str(box.border_subtitle)
        assert note == "Not added: that would be 197 characters over the 20,000 this box keeps."
        assert "automatic_thought" not in note
        pilot.app.post_message(events.Paste("x" * 300))  # what fits goes in, and the note goes away
        await pilot.pause()
        assert box.text == LONG_THOUGHT + "x" * 300
        assert not box.border_subtitle
        await pilot.press("escape")
        await wait_for_screen(pilot, "HomeScreen")

    _, saved = on_thought_step(tmp_path, paste)
    assert saved.automatic_thought == LONG_THOUGHT + "x" * 300


def test_typing_into_a_full_box_adds_nothing_and_says_so_and_cutting_still_works(tmp_path):
    async def type_at_the_limit(pilot, box):
        box.move_cursor(box.document.end)
        await pilot.press("a", "b")
        assert len(box.text) == MAX_TEXT
        assert str(box.border_subtitle).startswith("Not added: that would be 1 character over")
        await pilot.press("backspace")
        assert len(box.text) == MAX_TEXT - 1 and not box.border_subtitle

    on_thought_step(tmp_path, type_at_the_limit, thought="y" * MAX_TEXT)


def test_quitting_while_a_box_is_too_long_asks_first_and_staying_keeps_every_word(tmp_path):
    """ctrl+q with something that cannot be saved: a question, 'Stay' is the default, nothing is lost."""

    async def quit_twice(pilot, box):
        box.text = LONG_THOUGHT + "z" * 400  # past the guard, as text could only come from elsewhere
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, "ConfirmModal")
        question = str(pilot.app.screen.query_one("#confirm-question").render())
        assert "too long to keep: 97 characters over the 20,000 this box keeps" in question
        assert pilot.app.focused.id == "no" and "Stay" in str(pilot.app.focused.label)
        await pilot.press("ctrl+q")  # a second ctrl+q does not answer the question
        assert isinstance(pilot.app.screen, ConfirmModal)
        await pilot.press("enter")
        await wait_for_screen(pilot, "RecordScreen")
        assert pilot.app.is_running and box.text.endswith("z" * 400)
        box.text = "I will always be broken"
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not pilot.app.is_running)

    _, saved = on_thought_step(tmp_path, quit_twice)
    assert saved.automatic_thought == "I will always be broken"


def test_quitting_without_the_too_long_box_keeps_it_as_last_saved(tmp_path):
    async def quit_anyway(pilot, box):
        box.text = LONG_THOUGHT + "z" * 400
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, "ConfirmModal")
        pilot.app.screen.query_one("#yes", Button).press()
        await wait_for(pilot, lambda: not pilot.app.is_running)

    _, saved = on_thought_step(tmp_path, quit_anyway)
    assert saved.automatic_thought == LONG_THOUGHT


def test_evidence_keeps_its_line_limits():
    assert EVIDENCE.overflow("a line\n" * 200) is None
    assert EVIDENCE.overflow("a line\n" * 203) == "3 lines over the 200 this box keeps"
    assert EVIDENCE.overflow("\n\n".join(["x"] * 200)) is None  # blank lines are not kept, so not counted
    assert EVIDENCE.overflow("short\n" + "x" * (MAX_TEXT + 5)) == "a line is 5 characters over the 20,000 a line keeps"
    assert ONE_ENTRY.overflow("  " + "x" * MAX_TEXT + "\n") is None  # kept trimmed, so measured trimmed
    assert TextLimit(characters=10).overflow("x" * 12) == "2 characters over the 10 this box keeps"


def test_a_paste_of_too_many_evidence_lines_is_refused(tmp_path):
    record = ThoughtRecord(situation="Bedtime", automatic_thought="It will hurt", belief_before=70)
    path = make_journal(tmp_path / "j.twj", [record])

    async def drive():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            app.start_record(record.id)
            await wait_for_screen(pilot, "RecordScreen")
            await pilot.press("ctrl+n")  # from the traps step (where the draft resumes) to evidence
            await wait_for(pilot, lambda: app.screen.query("#evidence-for"))
            box = app.screen.query_one("#evidence-for", TextArea)
            box.focus()
            await pilot.pause()
            app.post_message(events.Paste("one thing\n" * 201))
            await pilot.pause()
            assert box.text == ""
            assert str(box.border_subtitle) == "Not added: that would be 1 line over the 200 this box keeps."

    asyncio.run(drive())
