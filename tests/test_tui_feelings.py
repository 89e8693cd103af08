"""Each feeling rated on its own, 0-100, on the feelings step; shown per feeling everywhere after."""

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
from textual.widgets import Input, Static

from thoughtwork.journal import Journal
from thoughtwork.models import Emotion, ThoughtRecord
from thoughtwork.tui.app import ThoughtworkApp
from thoughtwork.tui.screens.journal_list import feelings_line
from thoughtwork.tui.screens.record.emotions import (
    COMMON_EMOTIONS,
    CoveredFeeling,
    MAX_FEELINGS,
    STARTING_STRENGTH,
    EmotionsStep,
    FeelingRating,
    chosen_feelings,
    feelings_text,
    names_a_feeling,
    not_feelings,
    rated_elsewhere,
    typed_feelings,
)
from thoughtwork.tui.screens.record.summary import summary_text
from thoughtwork.tui.screens.record_detail import record_sections
from thoughtwork.tui.widgets.rating import Rating

FELT = [Emotion(name="scared", intensity=70), Emotion(name="[b]tight[/b]", intensity=20)]


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)


def on_feelings_step(record: ThoughtRecord, scenario, tmp_path):
    """Open `record` at the feelings step, run `scenario(pilot, step)`, and return the saved record."""
    path = make_journal(tmp_path / "j.twj", [record])

    async def drive():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            app.start_record(record.id)
            await wait_for_screen(pilot, "RecordScreen")
            await app.screen._show(1)
            await pilot.pause()
            step = app.screen.current
            assert isinstance(step, EmotionsStep)
            await scenario(pilot, step)
            await pilot.press("escape")  # save and close
            await wait_for_screen(pilot, "HomeScreen")

    asyncio.run(drive())
    with Journal.open(path, PASSPHRASE) as journal:
        return journal.get(record.id)


def rows(step: EmotionsStep) -> list[tuple[str, int | None]]:
    """The rating rows the person sees, in order."""
    # A row still mounting has no rating yet: it is not seen until it has one.
    return [(row.feeling, row.query(Rating).first().value) for row in step.query(FeelingRating)
            if row.display and not isinstance(row, CoveredFeeling) and row.query(Rating)]


def test_a_saved_record_shows_each_feeling_with_its_own_value(tmp_path):
    record = ThoughtRecord(situation="Smear test", emotions=FELT)
    seen = []

    async def look(pilot, step):
        seen.extend(rows(step))
        assert not step.query_one("#no-feelings").display

    saved = on_feelings_step(record, look, tmp_path)
    assert seen == [("scared", 70), ("[b]tight[/b]", 20)]
    assert saved.emotions == FELT


def test_each_ticked_feeling_gets_a_rating_set_by_typing_or_arrows(tmp_path):
    record = ThoughtRecord(situation="Dilator practice")

    async def rate(pilot, step):
        assert step.query_one("#no-feelings").display
        await pilot.press("space", "down", "space")  # tick scared and ashamed
        await pilot.pause()
        assert rows(step) == [("scared", STARTING_STRENGTH), ("ashamed", STARTING_STRENGTH)]
        assert not step.query_one("#no-feelings").display
        await pilot.press("tab", "8", "5")  # scared: typed
        await pilot.press("tab", "left", "left")  # ashamed: two steps of 5 down
        assert rows(step) == [("scared", 85), ("ashamed", 40)]

    saved = on_feelings_step(record, rate, tmp_path)
    assert saved.emotions == [Emotion(name="scared", intensity=85), Emotion(name="ashamed", intensity=40)]


def test_unticking_removes_the_feeling_and_ticking_again_brings_back_its_value(tmp_path):
    record = ThoughtRecord(situation="Before a date", emotions=[Emotion(name="scared", intensity=90)])

    async def change_mind(pilot, step):
        await pilot.press("space")  # untick scared (first in the list)
        await pilot.pause()
        assert rows(step) == []
        assert step.query_one("#no-feelings").display
        await pilot.press("space")
        await pilot.pause()
        assert rows(step) == [("scared", 90)]
        await pilot.press("space")

    saved = on_feelings_step(record, change_mind, tmp_path)
    assert saved.emotions == []


def test_typed_feelings_get_rows_when_the_field_is_left_and_show_literally(tmp_path):
    record = ThoughtRecord(situation="Tampon")

    async def type_others(pilot, step):
        step.query_one("#other-emotions", Input).focus()
        await pilot.press(*"awkward, [b]odd")
        await pilot.pause()
        assert rows(step) == []  # not while typing
        await pilot.press("tab")  # leaving the field adds them; focus moves to the first one's rating
        await pilot.pause()
        assert rows(step) == [("awkward", None), ("[b]odd", None)]  # unrated until the person rates them
        assert pilot.app.focused.parent.feeling == "awkward"
        shown = [row for row in step.query(FeelingRating) if row.display]
        assert "[b]odd" in str(shown[-1].query_one(".feeling-name").render())
        shown[0].query_one(Rating).focus()
        await pilot.press("3", "0")

    saved = on_feelings_step(record, type_others, tmp_path)
    assert saved.emotions == [Emotion(name="awkward", intensity=30), Emotion(name="[b]odd", intensity=None)]


def test_anxiety_typed_under_other_is_rated_once_as_anxiety(tmp_path):
    """'a bit anxious' typed as another feeling got a rating of its own and was rated again as anxiety."""
    record = ThoughtRecord(situation="Smear test booked")

    async def type_others(pilot, step):
        step.query_one("#other-emotions", Input).focus()
        await pilot.press(*"a bit anxious, Tense, awkward")
        await pilot.press("tab")
        await pilot.pause()
        assert rows(step) == [("awkward", None)]  # the only one rated here
        covered = {row.feeling: str(row.query_one(".feeling-covered").render()) for row in step.query(CoveredFeeling)}
        assert covered == {"a bit anxious": "a bit anxious: rated as anxiety below",
                           "Tense": "Tense: rated as body tension below"}
        rated = [row for row in step.query(FeelingRating) if not isinstance(row, CoveredFeeling)]
        rated[0].query_one(Rating).focus()
        await pilot.press("6", "0")

    saved = on_feelings_step(record, type_others, tmp_path)
    # Every word typed is kept; only the feeling without a scale of its own carries a rating.
    assert saved.emotions == [Emotion(name="a bit anxious"), Emotion(name="Tense"), Emotion(name="awkward", intensity=60)]


def test_a_long_feeling_is_cut_to_its_column_and_keeps_off_its_rating(tmp_path):
    """"overwhelmed …" ran into its bar at 80x24."""
    long = "overwhelmed and completely out of my depth"
    record = ThoughtRecord(situation="Clinic", emotions=[Emotion(name=long, intensity=60)])

    async def look(pilot, step):
        row = step.query_one(FeelingRating)
        name = row.query_one(".feeling-name")
        assert str(name.render()) == "overwhelmed and\u2026"
        assert str(name.tooltip) == long  # the whole name is there for the asking
        assert row.query_one(Rating).region.x > name.region.right

    assert on_feelings_step(record, look, tmp_path).emotions[0].name == long


def test_words_another_rating_covers_are_read_with_softeners_and_only_whole():
    assert rated_elsewhere("Anxious") == rated_elsewhere("really nervous") == rated_elsewhere("on edge") == "anxiety"
    assert rated_elsewhere("so tight") == "body tension"
    assert rated_elsewhere("anxious about the pain") is None  # more than the feeling: rated on its own
    assert rated_elsewhere("lonely") is None and rated_elsewhere("") is None


def test_chosen_feelings_are_in_list_order_then_typed_once_each_and_capped():
    assert chosen_feelings(["ashamed", "scared"], ["tight", "scared"]) == ["scared", "ashamed", "tight"]
    assert "anxious" not in COMMON_EMOTIONS  # anxiety has its own rating; it was rated twice
    assert typed_feelings(" tight ,, " + "x" * 100) == ["tight", "x" * 80]
    assert len(chosen_feelings([], [f"f{n}" for n in range(80)])) == MAX_FEELINGS


def test_summary_detail_and_journal_show_each_feeling_with_its_value():
    record = ThoughtRecord(situation="s", automatic_thought="t", emotions=FELT, anxiety_before=80)
    expected = "scared 70, [b]tight[/b] 20 (out of 100)"
    assert str(feelings_text(record.emotions)) == expected
    assert f"Feelings at the time: {expected}" in str(summary_text(record))
    felt = dict((heading, str(body)) for heading, body in record_sections(record))["What you felt"]
    assert felt.splitlines()[0] == expected
    assert str(feelings_line(record)) == f"Felt: {expected} \u00b7 anxiety 80"
    assert str(feelings_line(ThoughtRecord(situation="s"))) == "No feelings noted in this record."


def test_the_journal_shows_the_highlighted_records_feelings(tmp_path):
    older = ThoughtRecord(situation="a", automatic_thought="first", emotions=[Emotion(name="sad", intensity=30)])
    newer = ThoughtRecord(situation="b", automatic_thought="second", emotions=FELT)
    older = older.model_copy(update={"created_at": newer.created_at.replace(year=newer.created_at.year - 1)})
    path = make_journal(tmp_path / "j.twj", [older, newer])

    async def drive():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            await pilot.press("j")
            await wait_for_screen(pilot, "JournalScreen")
            felt = app.screen.query_one("#journal-felt", Static)
            assert "scared 70" in str(felt.render())
            await pilot.press("down")
            await wait_for(pilot, lambda: "sad 30" in str(felt.render()))

    asyncio.run(drive())


UNRATED = [Emotion(name="sad"), Emotion(name="scared", intensity=60), Emotion(name="lonely")]


def test_feelings_not_rated_show_by_name_alone_everywhere():
    """No 'None', and no '(out of 100)' unless a number is shown right before it."""
    nothing_rated = ThoughtRecord(situation="s", emotions=[Emotion(name="sad"), Emotion(name="lonely")])
    assert str(feelings_text(nothing_rated.emotions)) == "sad, lonely"
    assert "Feelings at the time: sad, lonely\n" in str(summary_text(nothing_rated))
    felt = dict((heading, str(body)) for heading, body in record_sections(nothing_rated))["What you felt"]
    assert felt == "sad, lonely"
    assert str(feelings_line(nothing_rated)) == "Felt: sad, lonely"

    some_rated = ThoughtRecord(situation="s", emotions=UNRATED)
    assert str(feelings_text(some_rated.emotions)) == "scared 60 (out of 100), sad, lonely"
    for shown in (str(summary_text(some_rated)), str(feelings_line(some_rated))):
        assert "None" not in shown and "scared 60 (out of 100), sad, lonely" in shown


def test_the_record_detail_screen_shows_unrated_feelings_by_name(tmp_path):
    record = ThoughtRecord(situation="Smear test", automatic_thought="It will hurt", emotions=UNRATED[::2])
    path = make_journal(tmp_path / "j.twj", [record])

    async def drive():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, "HomeScreen")
            await pilot.press("j")
            await wait_for_screen(pilot, "JournalScreen")
            assert str(app.screen.query_one("#journal-felt", Static).render()) == "Felt: sad, lonely"
            await pilot.press("enter")
            await wait_for_screen(pilot, "RecordDetailScreen")
            shown = "\n".join(str(widget.render()) for widget in app.screen.query(Static))
            assert "sad, lonely" in shown
            assert "None" not in shown and "out of 100" not in shown

    asyncio.run(drive())


def test_space_then_tab_at_once_reaches_the_new_rating_and_the_number_rates_it(tmp_path):
    """Space (tick "scared") then Tab within a moment skipped the new rating and went to 'other',
    so "9090" became a feeling and anxiety was never rated. Sent with no pauses, as a fast typist does."""
    record = ThoughtRecord(situation="Smear test")

    async def tick_and_rate(pilot, step):
        step.query_one("#emotions").focus()
        await pilot.pause()
        press_without_pauses(pilot, "space", "tab", "9", "0", "tab", "tab", "9", "0")
        anxiety = step.query_one("#anxiety", Rating)
        await wait_for(pilot, lambda: anxiety.value == 90)
        assert rows(step) == [("scared", 90)]
        assert step.query_one("#other-emotions", Input).value == ""

    saved = on_feelings_step(record, tick_and_rate, tmp_path)
    assert saved.emotions == [Emotion(name="scared", intensity=90)]
    assert saved.anxiety_before == 90


def test_tab_from_other_goes_to_the_typed_feelings_new_rating(tmp_path):
    """A feeling typed under 'other' gets a rating row, and Tab goes to it, not past it to anxiety."""
    record = ThoughtRecord(situation="Smear test", emotions=[Emotion(name="scared", intensity=50)])

    async def type_and_rate(pilot, step):
        step.query_one("#other-emotions", Input).focus()
        await pilot.pause()
        press_without_pauses(pilot, *"hopeless", "tab", "7", "0")
        await wait_for(pilot, lambda: ("hopeless", 70) in rows(step))
        assert step.query_one("#anxiety", Rating).value is None

    saved = on_feelings_step(record, type_and_rate, tmp_path)
    assert saved.emotions == [Emotion(name="scared", intensity=50), Emotion(name="hopeless", intensity=70)]


def test_digits_or_punctuation_are_not_kept_as_feelings_and_the_step_says_so(tmp_path):
    """"9090" typed under 'other' was kept as a feeling ("Felt: scared, 9090")."""
    record = ThoughtRecord(situation="Smear test")

    async def type_numbers(pilot, step):
        step.query_one("#other-emotions", Input).focus()
        await pilot.press(*"9090, ?!, awkward", "tab")
        await pilot.pause()
        assert rows(step) == [("awkward", None)]
        note = step.query_one("#not-feelings", Static)
        assert note.display
        said = str(note.render())
        assert "\u201c9090\u201d" in said and "\u201c?!\u201d" in said and "rating" in said

    saved = on_feelings_step(record, type_numbers, tmp_path)
    assert saved.emotions == [Emotion(name="awkward")]


def test_a_feeling_is_a_word_in_any_script_or_an_emoji_never_only_digits_or_punctuation():
    assert [names_a_feeling(n) for n in ["9090", "?!", "-- 3", "\u00e9mue", "\u60b2\u3057\u3044", "\U0001f62c"]] == [
        False, False, False, True, True, True]
    assert typed_feelings("9090, hopeless, 50%") == ["hopeless"]
    assert not_feelings("9090, hopeless, 50%") == ["9090", "50%"]


def test_tab_follows_the_screen_other_then_its_rows_then_anxiety_then_tension(tmp_path):
    """The tester's keys: Tab from a typed feeling's rating went back into 'other', so 75 became
    "anxious, numb, 5075", and body tension was never reached. Tab goes ticked rows -> other ->
    its rows -> anxiety -> tension, and shift+Tab walks the same way back."""
    record = ThoughtRecord(situation="Smear test")

    async def walk(pilot, step):
        step.query_one("#emotions").focus()
        await pilot.pause()
        await pilot.press("space", "tab", "8", "0", "tab", *"anxious, numb, 50", "tab", "7", "0")
        await pilot.press("tab", "7", "5", "tab", "8", "5")
        await wait_for(pilot, lambda: step.query_one("#tension", Rating).value == 85)
        assert step.query_one("#other-emotions", Input).value == "anxious, numb, 50"
        assert rows(step) == [("scared", 80), ("numb", 70)]
        assert step.query_one("#anxiety", Rating).value == 75
        backwards = []
        for _ in range(4):
            await pilot.press("shift+tab")
            await pilot.pause()
            focused = step.screen.focused
            backwards.append(focused.id or focused.parent.feeling)
        assert backwards == ["anxiety", "numb", "other-emotions", "scared"]

    saved = on_feelings_step(record, walk, tmp_path)
    assert saved.emotions == [Emotion(name="scared", intensity=80), Emotion(name="anxious"),
                              Emotion(name="numb", intensity=70)]
    assert (saved.anxiety_before, saved.body_tension) == (75, 85)


def test_digits_typed_on_a_ticked_feeling_in_the_list_rate_that_feeling(tmp_path):
    """Space then "60" without Tab was lost: "scared" stayed "not rated yet". The digits now go to
    the highlighted feeling's rating, the focus stays on the list, and on a feeling not ticked
    they say how to rate it instead of vanishing."""
    record = ThoughtRecord(situation="Smear test")

    async def tick_and_type(pilot, step):
        ticks = step.query_one("#emotions")
        ticks.focus()
        await pilot.pause()
        press_without_pauses(pilot, "space", "6", "0")
        await wait_for(pilot, lambda: rows(step) == [("scared", 60)])
        assert step.screen.focused is ticks
        await pilot.press("down", "4")
        await pilot.pause()
        assert rows(step) == [("scared", 60)]
        said = " ".join(str(n.message) for n in step.app._notifications)
        assert "ashamed" in said and "space" in said

    saved = on_feelings_step(record, tick_and_type, tmp_path)
    assert saved.emotions == [Emotion(name="scared", intensity=60)]
