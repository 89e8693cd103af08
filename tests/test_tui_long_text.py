"""Text longer than a record can keep: refused before it goes in, explained in plain words, never lost on quit."""

from __future__ import annotations

import asyncio

import pytest
from test_tui_flow_support import (
    PASSPHRASE,
    SIZE,
    make_journal,
    no_preload,
    press_without_pauses,
    wait_for,
    wait_for_screen,
)
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
        assert note == "Not added: 197 characters too many (it keeps 20,000)."
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
        assert str(box.border_subtitle) == "Not added: 2 characters too many (it keeps 20,000)."
        await pilot.press("backspace")
        assert len(box.text) == MAX_TEXT - 1 and not box.border_subtitle

    on_thought_step(tmp_path, type_at_the_limit, thought="y" * MAX_TEXT)


def test_a_paste_typed_in_as_keys_says_how_much_did_not_fit_as_a_paste_does(tmp_path):
    """A terminal without bracketed paste sends a paste as keys: what fits goes in, and the rest,
    spaces between its words included, is refused with the paste's note (it filled the box, silently)."""

    async def paste_as_keys(pilot, box):
        box.move_cursor(box.document.end)
        room = MAX_TEXT - len(LONG_THOUGHT)
        pasted = ("so tired " * 100)[: room + 250]  # 250 characters past the limit, 27 of them spaces
        press_without_pauses(pilot, *("space" if char == " " else char for char in pasted))
        await wait_for(pilot, lambda: str(box.border_subtitle or "").endswith("(it keeps 20,000)."), tries=300)
        await pilot.pause(0.3)
        assert box.text == LONG_THOUGHT + pasted[:room]
        assert str(box.border_subtitle) == "Not added: 250 characters too many (it keeps 20,000)."
        await pilot.press("backspace", "x")  # after a cut, typing goes in again and the note goes
        assert box.text == LONG_THOUGHT + pasted[: room - 1] + "x" and not box.border_subtitle

    on_thought_step(tmp_path, paste_as_keys)


def test_quitting_while_a_box_is_too_long_asks_first_and_staying_keeps_every_word(tmp_path):
    """ctrl+q with something that cannot be saved: a question, 'Stay' is the default, nothing is lost."""

    async def quit_twice(pilot, box):
        box.text = LONG_THOUGHT + "z" * 400  # past the guard, as text could only come from elsewhere
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, "ConfirmModal")
        question = str(pilot.app.screen.query_one("#confirm-question").render())
        assert "too long to keep: 97 characters too many" in question
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
    assert EVIDENCE.overflow("a line\n" * 203) == "3 lines too many (it keeps 200)"
    assert EVIDENCE.overflow("\n\n".join(["x"] * 200)) is None  # blank lines are not kept, so not counted
    assert EVIDENCE.overflow("short\n" + "x" * (MAX_TEXT + 5)) == "a line 5 characters too long (20,000 a line)"
    assert ONE_ENTRY.overflow("  " + "x" * MAX_TEXT + "\n") is None  # kept trimmed, so measured trimmed
    assert TextLimit(characters=10).overflow("x" * 12) == "2 characters too many (it keeps 10)"


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
            assert str(box.border_subtitle) == "Not added: 1 line too many (it keeps 200)."

    asyncio.run(drive())


def test_the_note_for_an_over_long_line_reads_plainly_and_fits_the_box_at_80_columns(tmp_path):
    """It read "Not added: that would be a line is 4,999 characters over the 20,000 a line keeps", cut off."""
    record = ThoughtRecord(situation="Bedtime", automatic_thought="It will hurt", belief_before=70)
    path = make_journal(tmp_path / "j.twj", [record])

    async def drive():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            app.start_record(record.id)
            await wait_for_screen(pilot, "RecordScreen")
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: app.screen.query("#evidence-for"))
            box = app.screen.query_one("#evidence-for", TextArea)
            box.focus()
            await pilot.pause()
            app.post_message(events.Paste("x" * (MAX_TEXT + 4_999)))
            await pilot.pause()
            notes = [str(box.border_subtitle)]
            assert notes[0] == "Not added: a line 4,999 characters too long (20,000 a line)."
            box.text = "x" * (MAX_TEXT + 4_999)  # as if it came from elsewhere: said when leaving the step
            box.show_overflow()
            notes.append(str(box.border_subtitle))
            assert notes[1] == "A line 4,999 characters too long (20,000 a line): please cut that much."
            room = box.outer_size.width - 4  # the border's corners and a space each side
            assert all(len(note) <= room for note in notes), (room, notes)

    asyncio.run(drive())
