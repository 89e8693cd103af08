"""Keys typed quickly after Tab, ctrl+n or Enter reach the field the person moved to."""

from __future__ import annotations

import pytest
from test_tui_flow_support import (
    drive,
    make_journal,
    no_preload,
    press_without_pauses,
    start_record,
    wait_for,
    wait_for_screen,
)
from textual.widgets import TextArea

from thoughtwork.models import DistortionId, RankedReframe, Reframe
from thoughtwork.tui.screens.record import flow
from thoughtwork.tui.widgets.rating import Rating

REFRAME = Reframe(
    id="test.fast",
    distortions=[DistortionId.overgeneralization],
    text="It hurt before, and I can go slowly.",
    questions=["What else is true?"],
    technique="decatastrophising",
)


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)
    ranked = [RankedReframe(reframe=REFRAME, score=1.0, reasons=["overgeneralising"])]
    monkeypatch.setattr(flow.RecordScreen, "_rank", lambda self, analysis: ranked)


async def settle(pilot, predicate) -> None:
    """Let queued keys be handled: until `predicate()` holds, then a moment more for any stray key."""
    try:
        await wait_for(pilot, predicate)
    except AssertionError:
        pass  # the assertion after this says what went wrong
    await pilot.pause(0.2)


async def _record_at_feelings(pilot) -> None:
    await start_record(pilot)
    await pilot.press("ctrl+n")
    await pilot.pause()


def test_ratings_typed_fast_across_tab_land_in_their_own_fields(tmp_path):
    """'70 Tab 80' typed without pauses: anxiety 70, body tension 80 (it was 80 and nothing)."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await _record_at_feelings(pilot)
        app.screen.query_one("#anxiety", Rating).focus()
        await pilot.pause()
        press_without_pauses(pilot, "7", "0", "tab", "8", "0", "shift+tab", "6", "5")
        await pilot.pause(0.3)
        assert app.screen.query_one("#anxiety", Rating).value == 65
        assert app.screen.query_one("#tension", Rating).value == 80

    drive(path, scenario)


def test_words_typed_fast_after_ctrl_n_land_in_the_next_step(tmp_path):
    """ctrl+n then typing at once: the words start the thought (they were lost)."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await _record_at_feelings(pilot)
        press_without_pauses(pilot, "ctrl+n", "i", "t", "space", "h", "u", "r", "t", "s")
        # Wait for the step to change (a save and a mount: slower on a busy machine), then all keys.
        await settle(pilot, lambda: app.screen.query("#thought") and app.screen.query_one("#thought", TextArea).text)
        assert app.screen.query_one("#thought", TextArea).text == "it hurts"

    drive(path, scenario)


def test_evidence_typed_fast_after_tab_goes_in_the_second_box(tmp_path):
    """Evidence for, Tab, evidence against, all without pauses: two boxes, not one joined line."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await _record_at_feelings(pilot)
        for _ in range(4):  # thought, belief, traps, evidence
            await pilot.press("ctrl+n")
            await pilot.pause()
        app.screen.query_one("#evidence-for", TextArea).focus()
        await pilot.pause()
        press_without_pauses(pilot, "a", "b", "tab", "c", "d")
        await pilot.pause(0.3)
        assert app.screen.query_one("#evidence-for", TextArea).text == "ab"
        assert app.screen.query_one("#evidence-against", TextArea).text == "cd"

    drive(path, scenario)


def test_words_typed_fast_after_picking_a_reframe_edit_it(tmp_path):
    """Enter on an offered balanced thought, then typing at once: the words join that thought."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await _record_at_feelings(pilot)
        for _ in range(5):  # thought, belief, traps, evidence, reframe
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert app.focused is not None and app.focused.id == "reframes"
        press_without_pauses(pilot, "enter", "space", "o", "k")
        await settle(pilot, lambda: app.screen.query_one("#balanced", TextArea).text.endswith("k"))
        assert app.screen.query_one("#balanced", TextArea).text == REFRAME.text + " ok"

    drive(path, scenario)


def test_tab_still_moves_through_a_screen_in_order(tmp_path):
    """The priority Tab keeps the usual order: feelings list, other feelings, anxiety, tension."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await _record_at_feelings(pilot)
        seen = [app.focused.id]
        for _ in range(3):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["emotions", "other-emotions", "anxiety", "tension"]

    drive(path, scenario)


def test_words_typed_right_after_n_on_home_start_the_situation(tmp_path):
    """'n' then typing at once: the words reach the first field (they went to home's menu and were lost)."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        press_without_pauses(pilot, "n", "a", "t", "space", "w", "o", "r", "x", "backspace", "k")
        await wait_for_screen(pilot, "RecordScreen")
        box = app.screen.query_one("#situation", TextArea)
        await settle(pilot, lambda: box.text == "at work")
        assert box.text == "at work"
        assert app.focused is box
        # Later keys still go straight to the field, after what was typed early.
        press_without_pauses(pilot, "!")
        await settle(pilot, lambda: box.text == "at work!")
        assert box.text == "at work!"

    drive(path, scenario)


def test_words_typed_just_before_ctrl_n_are_kept_in_the_step_they_were_typed_in(tmp_path):
    """'... nine ten' then ctrl+n in one burst kept only '... seven': the step was saved before the
    field had taken the last keys. Then typing on at once still starts the next step."""
    path = make_journal(tmp_path / "j.twj")
    words = "one two three four five six seven eight nine ten"

    async def scenario(app, pilot):
        await start_record(pilot)
        await wait_for(pilot, lambda: app.focused is not None)
        keys = ["space" if char == " " else char for char in words]
        press_without_pauses(pilot, *keys, "ctrl+n")
        screen = app.screen
        await settle(pilot, lambda: screen.record.situation == words)
        assert screen.record.situation == words
        # A rating typed just before ctrl+n is kept too, and typing on at once starts the thought.
        await wait_for(pilot, lambda: screen.query("#anxiety"))
        screen.query_one("#anxiety", Rating).focus()
        await pilot.pause()
        press_without_pauses(pilot, "6", "5", "ctrl+n", "i", "t")
        await settle(pilot, lambda: screen.query("#thought") and screen.query_one("#thought", TextArea).text == "it")
        assert screen.record.anxiety_before == 65
        assert screen.query_one("#thought", TextArea).text == "it"

    drive(path, scenario)


def test_tab_and_enter_typed_right_after_n_wait_for_the_first_field(tmp_path):
    """'n', words, Tab, Enter in one burst jumped to the next step (Tab had moved the focus to the
    buttons before the first field was there, and Enter pressed Next). Now the words go in the
    situation, Tab moves on from it, and the record stays on its first step."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        press_without_pauses(pilot, "n", "a", "t", "space", "w", "o", "r", "k", "tab", "enter")
        await wait_for_screen(pilot, "RecordScreen")
        screen = app.screen
        await settle(pilot, lambda: screen.query("#situation") and screen.query_one("#situation", TextArea).text)
        assert screen.query_one("#situation", TextArea).text == "at work"
        assert screen.index == 0
        assert app.focused is not None and app.focused.id != "situation"

    drive(path, scenario)
