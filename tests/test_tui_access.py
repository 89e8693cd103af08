"""Accessibility: ticked boxes and focus readable without colour; fields visible in high contrast."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from test_tui_flow_support import PASSPHRASE, SIZE, make_journal, no_preload, wait_for_screen
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Input, Select

from thoughtwork import tui
from thoughtwork.journal import Journal
from thoughtwork.tui.app import ThoughtworkApp
from thoughtwork.tui.theme import apply_theme, register_themes
from thoughtwork.tui.widgets.rating import Rating
from thoughtwork.tui.widgets.ticklist import TICKED, TickList


class Boxes(App[None]):
    CSS_PATH = Path(tui.__file__).parent / "app.tcss"

    def __init__(self, theme: str = "calm") -> None:
        super().__init__()
        self._theme_name = theme

    def on_mount(self) -> None:
        register_themes(self)
        apply_theme(self, self._theme_name)

    def compose(self) -> ComposeResult:
        yield TickList[str](("scared", "scared", True), ("sad", "sad", False), id="boxes")
        yield Rating(40, id="one")
        yield Rating(60, id="two")


def box_lines(no_color: bool, monkeypatch) -> tuple[str, str]:
    """The first two lines of a ticked and an unticked box, as the terminal would get them."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)

    async def drive() -> tuple[str, str]:
        app = Boxes()
        async with app.run_test(size=(40, 6)) as pilot:
            await pilot.pause()
            assert app.no_color is no_color
            boxes = app.query_one(TickList)
            return boxes.render_line(0).text, boxes.render_line(1).text

    return asyncio.run(drive())


def test_ticked_and_unticked_boxes_differ_in_shape_without_colour(monkeypatch):
    ticked, unticked = box_lines(True, monkeypatch)
    assert ticked.startswith(f"[{TICKED}] scared")
    assert unticked.startswith("[ ] sad")


def test_ticked_and_unticked_boxes_differ_in_shape_with_colour_too(monkeypatch):
    ticked, unticked = box_lines(False, monkeypatch)
    assert ticked[1] == TICKED and unticked[1] == " "
    assert ticked[0] == unticked[0] != "["  # Textual's half-block sides when there is colour


def test_the_focused_rating_is_marked_without_colour():
    async def drive() -> tuple[bool, bool]:
        app = Boxes()
        async with app.run_test(size=(40, 6)) as pilot:
            app.query_one("#one").focus()
            await pilot.pause()
            one, two = app.query_one("#one", Rating).render(), app.query_one("#two", Rating).render()
            return _reversed_number(one), _reversed_number(two)

    assert asyncio.run(drive()) == (True, False)


def _reversed_number(text) -> bool:
    return any(span.style and "reverse" in str(span.style) for span in text.spans)


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def high_contrast_journal(tmp_path, monkeypatch):
    no_preload(monkeypatch)
    path = make_journal(tmp_path / "j.twj")
    with Journal.open(path, PASSPHRASE) as journal:
        journal.save_settings(journal.settings().model_copy(update={"theme": "high_contrast"}))
    return path


def test_inputs_and_dropdowns_stand_out_in_high_contrast_even_unfocused(high_contrast_journal):
    """WCAG asks 3:1 for the edges of controls; Textual's default there was black on black."""

    async def drive() -> list[tuple[str, float]]:
        app = ThoughtworkApp(high_contrast_journal, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            await pilot.press("j")
            await wait_for_screen(pilot, "JournalScreen")
            assert app.theme == "high_contrast"
            background = app.screen.styles.background
            search = app.screen.query_one("#journal-search", Input)
            trap = app.screen.query_one("#journal-trap", Select)
            assert not search.has_focus and not trap.has_focus
            edges = [
                ("search border", search.styles.border_top[1]),
                ("dropdown border", trap.query_one("SelectCurrent").styles.border_top[1]),
                ("dropdown prompt", trap.query_one("SelectCurrent #label").styles.color),
            ]
            return [(name, contrast(color, background)) for name, color in edges]

    for name, ratio in asyncio.run(drive()):
        assert ratio >= 3, f"{name}: {ratio:.1f}:1"


def test_tick_boxes_stand_out_from_the_background_in_high_contrast():
    async def drive() -> list[float]:
        app = Boxes("high_contrast")
        async with app.run_test(size=(40, 6)) as pilot:
            await pilot.pause()
            boxes = app.query_one(TickList)
            background = app.screen.styles.background
            ratios = []
            for state in ("", "-selected"):
                style = boxes.get_component_rich_style(f"selection-list--button{state}")
                box = Color.from_rich_color(style.bgcolor)
                ratios += [contrast(box, background), contrast(Color.from_rich_color(style.color), box)]
            return ratios

    assert min(asyncio.run(drive())) >= 3


class ManyBoxes(App):
    def compose(self) -> ComposeResult:
        yield TickList[str](*((name, name, False) for name in ("anxious", "scared", "ashamed", "sad", "calm")), id="boxes")


def test_space_ticks_the_box_it_was_pressed_on_even_when_arrows_follow_at_once():
    """'Space Down Space Down Space' typed in one burst ticked one box of three (Textual ticks
    whatever is highlighted when it gets round to it; the arrows had moved on by then)."""
    from test_tui_flow_support import press_without_pauses

    async def drive() -> list[str]:
        app = ManyBoxes()
        async with app.run_test(size=(40, 8)) as pilot:
            boxes = app.query_one(TickList)
            boxes.focus()
            boxes.highlighted = 0
            await pilot.pause()
            press_without_pauses(pilot, "space", "down", "space", "down", "space", "down", "down", "space", "up", "space")
            await pilot.pause(0.5)
            return sorted(boxes.selected)

    # calm (index 4) is ticked then sad (index 3) ticked too; nothing ticked twice.
    assert asyncio.run(drive()) == ["anxious", "ashamed", "calm", "sad", "scared"]
