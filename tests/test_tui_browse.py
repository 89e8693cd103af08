"""The browsing screens driven with Pilot at 80x24: journal, record, progress, breathe, help, crisis, settings."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from test_tui_browse_support import (
    HOSTILE,
    SIZE,
    START,
    HostApp,
    make_journal,
    sample_records,
    screen_text,
    use_utc,
    wait_for,
)
from test_tui_flow_support import press_without_pauses
from textual.widgets import DataTable, Input, Select, Static
from textual.widgets._select import SelectOverlay

from thoughtwork.models import (
    CONTEXT_LABELS,
    Context,
    DistortionId,
    DistortionMatch,
    DistortionStatus,
    Emotion,
    ThoughtRecord,
)
from thoughtwork.tui.screens.breathe import (
    BreatheScreen,
    breath_state,
    clamp_pace,
    counting,
    guide_bar,
)
from thoughtwork.tui.screens.crisis import CrisisScreen
from thoughtwork.tui.screens.help import HelpScreen, help_text
from thoughtwork.tui.screens.journal_list import JournalScreen, day_label, filter_records
from thoughtwork.tui.screens.progress import ProgressScreen
from thoughtwork.tui.screens.record_detail import RecordDetailScreen, rating_change, record_sections
from thoughtwork.tui.screens.settings import SettingsScreen, parse_names
from thoughtwork.tui.widgets.chart import RatingChart, bar, columns, fit
from thoughtwork.tui.widgets.confirm import ConfirmModal


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    use_utc(monkeypatch)


def run(scenario):
    return asyncio.run(scenario())


def table_ids(app) -> list[str]:
    table = app.screen.query_one("#journal-table", DataTable)
    return [row.key.value for row in table.ordered_rows]


# --- pure helpers ------------------------------------------------------------------------


def test_filter_matches_every_word_trap_and_context():
    records = sample_records()
    assert [r.situation for r in filter_records(records, "EVENING 3")] == ["Dilator practice, evening 3"]
    assert filter_records(records, "hurt slowly") == [r for r in records if "slowly" in r.balanced_thought]
    assert len(filter_records(records, trap=DistortionId.labeling)) == 1
    assert all(r.context is Context.intimacy for r in filter_records(records, context=Context.intimacy))
    assert filter_records(records, "nothing like this") == []


def test_a_rejected_trap_does_not_match_its_filter():
    record = ThoughtRecord(distortions=[DistortionMatch(id="labeling", status=DistortionStatus.rejected)])
    assert filter_records([record], trap=DistortionId.labeling) == []


def test_charts_draw_levels_fit_width_and_mark_missing():
    assert columns([100, 0, None], height=1) == ["█▁·"]
    assert columns([50], height=2) == [" ", "█"]
    assert fit([10, 30, None, None], 2) == [20, None]
    assert bar(5, 10, 4) == "██" and bar(0, 10, 4) == ""


def test_breath_rises_then_falls_and_counts_seconds():
    assert breath_state(0.0, 4).phase == "in" and breath_state(0.0, 4).fullness == 0
    top = breath_state(0.5, 4)
    assert top.phase == "out" and top.fullness == pytest.approx(1)
    assert breath_state(0.25, 4).count == 3  # two seconds into a four-second breath in
    assert counting(breath_state(0.25, 4)) == "Breathe in… 2… 3…"
    assert breath_state(2.1, 4).breaths == 2
    assert len(guide_bar(0, 40)) == 2 and len(guide_bar(0.5, 40)) == 20 and guide_bar(1, 40) == "█" * 40
    assert clamp_pace(1) == 2 and clamp_pace(12) == 10 and clamp_pace(4.3) == 4.5


def test_names_are_trimmed_deduplicated_and_kept_in_order():
    assert parse_names(" Sam ,dr  Okafor,, sam\nAlex") == ["Sam", "dr Okafor", "Alex"]


def test_rating_change_is_said_kindly_either_way():
    assert "down 40" in rating_change("Belief", 80, 40)
    assert "normal" in rating_change("Belief", 40, 60)
    assert rating_change("Belief", 10, None) == ""
    assert rating_change("Awkward", None, 30) == "Awkward was 30 at the end (not rated at the start)."


def test_what_changed_names_feelings_typed_under_other(tmp_path):
    """A feeling typed under 'other' starts unrated; rated at the end, it was left out of What changed."""
    record = ThoughtRecord(
        created_at=START, situation="Clinic", automatic_thought="It will hurt", status="complete",
        emotions=[Emotion(name="scared", intensity=70, intensity_after=40), Emotion(name="awkward", intensity_after=30),
                  Emotion(name="a bit anxious")],
        anxiety_before=80, anxiety_after=50,
    )
    changed = dict(record_sections(record))["What changed"].plain.splitlines()
    assert changed == ["Anxiety went from 80 to 50: down 30.", "Scared went from 70 to 40: down 30.",
                       "Awkward was 30 at the end (not rated at the start)."]


# --- journal list ------------------------------------------------------------------------


def test_journal_lists_newest_first_and_search_narrows_it(tmp_path):
    """Records show newest first; typing in search (after /) keeps only matching records."""
    journal = make_journal(tmp_path / "j.twj", sample_records())
    newest_first = [r.id for r in journal.records()]

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: table_ids(app) == newest_first)
            await pilot.press("slash", *"broken")
            await wait_for(pilot, lambda: len(table_ids(app)) == 1)
            assert "1 of 5 records" in screen_text(app)
            await pilot.press(*" nothing")
            await wait_for(pilot, lambda: "Nothing matches" in screen_text(app))
            assert table_ids(app) == []
            await pilot.press("escape")  # a first Esc clears the search and shows every record
            await wait_for(pilot, lambda: table_ids(app) == newest_first)
            assert isinstance(app.screen, JournalScreen)
            assert app.screen.query_one("#journal-search", Input).value == ""
            await pilot.press("escape")  # with nothing to clear: back, what the footer says
            assert not isinstance(app.screen, JournalScreen)

    run(scenario)
    journal.close()


def test_ctrl_d_from_the_search_asks_to_delete_the_highlighted_record(tmp_path):
    """ctrl+d with the search box focused did nothing (the box took it); it asks about the record
    the search highlights, even before the search's pause, and Delete there is still a text key."""
    journal = make_journal(tmp_path / "j.twj", sample_records())

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("slash", *"broken", "left", "delete")
            search = app.screen.query_one("#journal-search", Input)
            assert search.value == "broke" and isinstance(app.screen, JournalScreen)
            await pilot.press("ctrl+d")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmModal))
            question = str(app.screen.query_one("#confirm-question", Static).render())
            assert "broken" in question

    run(scenario)
    journal.close()


def test_down_from_the_search_then_enter_at_once_opens_the_record(tmp_path):
    """Down from the search then Enter did not open the record; a second Enter did."""
    from test_tui_flow_support import press_without_pauses

    from thoughtwork.tui.screens.record_detail import RecordDetailScreen

    journal = make_journal(tmp_path / "j.twj", sample_records())

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: len(table_ids(app)) == 5)
            await pilot.press("slash", *"broken")
            await wait_for(pilot, lambda: len(table_ids(app)) == 1)
            wanted = table_ids(app)[0]
            press_without_pauses(pilot, "down", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, RecordDetailScreen))
            assert app.screen.record_id == wanted

    run(scenario)
    journal.close()


def test_the_thought_column_is_cut_again_when_the_terminal_grows(tmp_path):
    """After a live 80 -> 120 resize the thoughts stayed cut at about 40 characters until reopened."""
    long = "I will never manage this, everyone else finds it easy and I am the only one who cannot do it at all"
    journal = make_journal(tmp_path / "j.twj", [ThoughtRecord(situation="s", automatic_thought=long,
                                                              status="complete")])

    def thought_cell(app) -> str:
        table = app.screen.query_one("#journal-table")
        return str(table.get_row_at(0)[2])

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: len(table_ids(app)) == 1)
            narrow = thought_cell(app)
            await pilot.resize_terminal(120, 40)
            await wait_for(pilot, lambda: len(thought_cell(app)) > len(narrow))
            assert len(thought_cell(app)) >= len(narrow) + 30

    run(scenario)
    journal.close()


def test_a_big_journal_loads_more_rows_as_the_cursor_goes_down(tmp_path):
    """Only the first page of rows is made at first; the rest arrive as the person scrolls."""
    from thoughtwork.tui.screens.journal_list import PAGE

    many = [ThoughtRecord(created_at=START.replace(year=2025) + timedelta(hours=i), situation=f"s{i}") for i in range(PAGE + 30)]
    journal = make_journal(tmp_path / "j.twj", many)

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            table = app.screen.query_one("#journal-table", DataTable)
            assert table.row_count == PAGE
            table.move_cursor(row=PAGE - 1)
            await wait_for(pilot, lambda: table.row_count == PAGE + 30)
            assert "230 records" in screen_text(app)

    run(scenario)
    journal.close()


def test_journal_filters_by_thinking_trap(tmp_path):
    journal = make_journal(tmp_path / "j.twj", sample_records())

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.screen.query_one("#journal-trap", Select).value = DistortionId.fortune_telling
            await pilot.pause()
            assert len(table_ids(app)) == 4

    run(scenario)
    journal.close()


def test_enter_opens_the_record_and_ctrl_e_edits_it(tmp_path):
    journal = make_journal(tmp_path / "j.twj", sample_records())
    newest = journal.records()[0].id

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, RecordDetailScreen))
            assert app.screen.record_id == newest
            await pilot.press("e")
            assert app.started == [newest]
            await pilot.press("escape")
            assert isinstance(app.screen, JournalScreen)
            await pilot.press("down", "ctrl+e")
            assert app.started[-1] == journal.records()[1].id

    run(scenario)
    journal.close()


def test_delete_asks_first_and_keep_keeps(tmp_path):
    """ctrl+d asks, naming the record; the safe answer has the focus, so Enter keeps it; a letter
    never says yes (y once did); the Delete button, reached with Tab, deletes."""
    journal = make_journal(tmp_path / "j.twj", sample_records())
    newest = journal.records()[0].id

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+d")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmModal))
            question = str(app.screen.query_one("#confirm-question", Static).render())
            record = journal.get(newest)
            assert f"\u201c{record.automatic_thought}\u201d" in question and day_label(record.created_at) in question
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, JournalScreen))
            assert journal.get(newest) is not None
            await pilot.press("delete")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmModal))
            await pilot.press("y", "e", "s")
            assert isinstance(app.screen, ConfirmModal) and journal.get(newest) is not None
            await pilot.press("tab", "enter")
            await wait_for(pilot, lambda: newest not in table_ids(app))
            assert journal.get(newest) is None and len(table_ids(app)) == 4

    run(scenario)
    journal.close()


def test_typing_on_the_list_searches_and_no_letter_is_a_command(tmp_path):
    """Help says "type to search": "dilator" once opened "Delete this record?" and "he" an editor."""
    journal = make_journal(tmp_path / "j.twj", sample_records())

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.focused, DataTable)
            await pilot.press(*"dilator", "space", *"he")
            assert isinstance(app.screen, JournalScreen) and app.started == []
            assert app.screen.query_one("#journal-search", Input).value == "dilator he"
            await pilot.press("enter")  # back to the list, the search applied
            assert isinstance(app.focused, DataTable)
            await pilot.press("e", "d")  # more words for the search, still nothing deleted or opened
            assert app.screen.query_one("#journal-search", Input).value == "dilator heed"
            assert isinstance(app.screen, JournalScreen) and app.started == [] and len(journal.records()) == 5

    run(scenario)
    journal.close()


def test_a_search_typed_fast_on_the_list_keeps_every_letter(tmp_path):
    """"hurt" typed quickly gave "h": the letters after it were already on their way to the list."""
    journal = make_journal(tmp_path / "j.twj", sample_records())

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            press_without_pauses(pilot, *"hurt")
            await pilot.pause(0.3)
            assert app.screen.query_one("#journal-search", Input).value == "hurt"

    run(scenario)
    journal.close()


def test_the_list_names_places_as_the_record_does_and_its_drop_downs_keep_to_one_line(tmp_path):
    """It said "Other" where the record says "Something else", and "A / gynaecological / exam" wrapped."""
    journal = make_journal(tmp_path / "j.twj", sample_records()[:1])
    journal.save(journal.records()[0].model_copy(update={"context": Context.other}))

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            table = app.screen.query_one("#journal-table", DataTable)
            assert str(table.get_row_at(0)[1]) == CONTEXT_LABELS["other"] == "Something else"
            for select_id in ("#journal-context", "#journal-trap"):
                select = app.screen.query_one(select_id, Select)
                select.expanded = True
                await pilot.pause()
                overlay = select.query_one(SelectOverlay)
                room = overlay.scrollable_content_region.width - 2  # each option's padding
                longest = max(len(str(overlay.get_option_at_index(i).prompt)) for i in range(overlay.option_count))
                assert longest <= room, (select_id, longest, room)
                select.expanded = False
                await pilot.pause()

    run(scenario)
    journal.close()


def test_progress_charts_grow_with_a_taller_terminal(tmp_path):
    journal = make_journal(tmp_path / "j.twj", sample_records())
    heights = []

    async def scenario(size):
        app = HostApp(journal, ProgressScreen)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            heights.append(app.screen.query(RatingChart).first().outer_size.height)

    run(lambda: scenario(SIZE))
    run(lambda: scenario((120, 40)))
    assert heights == [4, 6]  # three rows and the legend at 24 rows; five at 40
    journal.close()


def test_a_long_piece_of_evidence_wraps_under_its_words_not_under_the_bullet(tmp_path):
    long = "It hurt last time and the time before that, and I could not relax at all even when the nurse talked me through it"
    record = ThoughtRecord(situation="Exam", automatic_thought="It will hurt", evidence_for=[long, "Short"])
    journal = make_journal(tmp_path / "j.twj", [record])

    async def scenario():
        app = HostApp(journal, lambda: RecordDetailScreen(record.id))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            texts = list(app.screen.query(".bullet-text"))
            marks = list(app.screen.query(".bullet-mark"))
            assert [str(t.render()) for t in texts] == [long, "Short"]
            assert texts[0].region.height >= 2  # wrapped, every line starting where the words start
            assert all(t.region.x > m.region.x for t, m in zip(texts, marks))

    run(scenario)
    journal.close()


def test_deleting_from_the_record_returns_to_the_journal(tmp_path):
    journal = make_journal(tmp_path / "j.twj", sample_records())
    newest = journal.records()[0].id

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, RecordDetailScreen))
            await pilot.press("ctrl+d")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmModal))
            await pilot.press("tab", "enter")  # to "Delete", then press it
            await wait_for(pilot, lambda: isinstance(app.screen, JournalScreen))
            assert journal.get(newest) is None and newest not in table_ids(app)

    run(scenario)
    journal.close()


def test_an_empty_journal_says_how_to_begin(tmp_path):
    journal = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = HostApp(journal, JournalScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "No records yet" in screen_text(app)
            await pilot.press("ctrl+e", "ctrl+d")  # nothing to edit or delete: nothing happens
            assert app.started == [] and isinstance(app.screen, JournalScreen)

    run(scenario)
    journal.close()


# --- user text stays literal -------------------------------------------------------------


def test_markup_and_control_characters_in_a_record_are_shown_literally(tmp_path):
    """A thought full of markup and an OSC escape is shown as typed (escape neutralised), nothing runs."""
    record = ThoughtRecord(created_at=START, situation=HOSTILE, automatic_thought=HOSTILE, evidence_for=[HOSTILE])
    journal = make_journal(tmp_path / "j.twj", [record])

    cell, text = run(lambda: _row_then_page(journal))
    assert "[@click=app.quit]" in cell and "\x1b" not in cell
    assert text.count("[/b] [@click=app.quit]quit[/]") == 3
    assert "[TODO]" in text and "\x1b" not in text and "\x07" not in text
    journal.close()


async def _row_then_page(journal) -> tuple[str, str]:
    """The thought as the journal list's first row shows it, then the words on its record page."""
    app = HostApp(journal, JournalScreen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell = app.screen.query_one("#journal-table", DataTable).get_row_at(0)[2].plain
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordDetailScreen))
        await pilot.pause()
        text = screen_text(app)
        assert app.is_running
    return cell, text


def test_joined_emoji_are_drawn_as_their_parts_on_the_list_and_the_record(tmp_path):
    """A family, a skin tone and a heart with its variation selector: stored as typed, drawn as
    parts whose width every terminal agrees on, so the table's columns and borders stay put."""
    typed = "Home \U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f44d\U0001f3fd \u2764\ufe0f with my partner"
    record = ThoughtRecord(created_at=START, situation=typed, automatic_thought=typed)
    journal = make_journal(tmp_path / "j.twj", [record])

    cell, text = run(lambda: _row_then_page(journal))
    assert "\U0001f468\U0001f469\U0001f467 \U0001f44d \u2764 with" in cell
    assert text.count("Home \U0001f468\U0001f469\U0001f467 \U0001f44d \u2764 with my partner") == 2
    assert not any(mark in text for mark in ("\u200d", "\ufe0f", "\U0001f3fd"))
    assert journal.get(record.id).situation == typed  # the stored words are untouched
    journal.close()


# --- record detail -------------------------------------------------------------------------


def test_record_detail_shows_every_step_and_the_change(tmp_path):
    journal = make_journal(tmp_path / "j.twj", sample_records())
    oldest = journal.records()[-1]

    async def scenario():
        app = HostApp(journal, lambda: RecordDetailScreen(oldest.id))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(app)
            for words in (
                "2 March 2026, 12:00",
                "The situation",
                "Fortune telling",
                "Evidence against it",
                "•\nI went slower",  # the bullet and its words, side by side
                "I can't predict the future",
                "Belief in the automatic thought went from 90 to 50: down 40.",
            ):
                assert words in text, words

    run(scenario)
    journal.close()


def test_back_from_editing_the_record_page_shows_the_saved_record(tmp_path):
    """Whatever the record flow saved is what the record page shows when it comes back."""
    journal = make_journal(tmp_path / "j.twj", sample_records())
    record = journal.records()[0]

    async def scenario():
        app = HostApp(journal, lambda: RecordDetailScreen(record.id))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.push_screen(HelpScreen())  # stands in for the record flow
            journal.save(record.model_copy(update={"situation": "Edited just now"}))
            await pilot.press("escape")
            await wait_for(pilot, lambda: "Edited just now" in screen_text(app))

    run(scenario)
    journal.close()


def test_a_missing_record_is_explained(tmp_path):
    journal = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = HostApp(journal, lambda: RecordDetailScreen("gone"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "no longer in your journal" in screen_text(app)

    run(scenario)
    journal.close()


# --- progress -------------------------------------------------------------------------------


def test_progress_shows_charts_traps_streak_and_milestones(tmp_path):
    journal = make_journal(tmp_path / "j.twj", sample_records())

    async def scenario():
        app = HostApp(journal, ProgressScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "5 records, 4 finished." in text
            assert "longest run: 5 days in a row" in text
            assert "On average 82 at the start, 35 at the end." in text
            assert app.screen.query_one("#belief-chart") and app.screen.query_one("#anxiety-chart")
            traps = str(app.screen.query_one("#trap-chart").render())
            assert traps.index("Fortune telling") < traps.index("Labelling")
            assert "A belief that dropped by half" in text and "Your first record" in text

    run(scenario)
    journal.close()


def test_a_milestone_reached_today_is_named_on_the_page_not_in_toasts_over_the_charts(tmp_path):
    journal = make_journal(tmp_path / "j.twj", [ThoughtRecord(situation="today")])

    async def scenario():
        app = HostApp(journal, ProgressScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "Reached today: Your first record" in str(app.screen.query_one("#progress-today").render())
            assert not app._notifications
            await app.push_screen(HelpScreen())
            await pilot.press("escape")
            await pilot.pause()
            assert len(app.screen.query("#progress-today")) == 1 and not app._notifications

    run(scenario)
    journal.close()


def test_progress_without_records_is_encouraging(tmp_path):
    journal = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = HostApp(journal, ProgressScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "every small step counts" in screen_text(app)

    run(scenario)
    journal.close()


# --- breathe --------------------------------------------------------------------------------


def test_breathe_pace_changes_are_saved_and_space_pauses(tmp_path):
    journal = make_journal(tmp_path / "j.twj", breathing_pace=5.0)

    async def scenario():
        app = HostApp(journal, BreatheScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.pace == 5.0
            assert [t._callback for t in screen._timers].count(screen.tick) == 1  # a second clock: double speed
            await pilot.press("plus", "plus", "minus")
            assert screen.pace == 5.5 and journal.settings().breathing_pace == 5.5
            await pilot.press("space")
            held = screen.position
            await pilot.pause(0.2)
            assert screen.position == held and "Paused" in screen_text(app)
            await pilot.press("space")
            await pilot.pause(0.2)
            assert screen.position > held

    run(scenario)
    journal.close()


def test_breathe_works_before_the_journal_is_open():
    async def scenario():
        app = HostApp(None, BreatheScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("minus")
            assert app.screen.pace == 3.5
            assert "Breathe in" in screen_text(app)

    run(scenario)


# --- help and crisis ------------------------------------------------------------------------


def test_help_covers_the_condition_the_cycle_care_and_the_app():
    text = " ".join(help_text().replace("**", "").lower().split())
    for words in (
        "involuntary tightening of the pelvic-floor muscles",
        "up to a third of people with vaginas",
        "fear → tension → pain",
        "graded exposure",
        "pelvic-floor physiotherapist",
        "bleeding",
        "not a diagnosis",
        "ctrl+p",
    ):
        assert words in text, words


def test_help_opens_crisis_lines_with_c():
    async def scenario():
        app = HostApp(None, HelpScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("c")
            await wait_for(pilot, lambda: isinstance(app.screen, CrisisScreen))
            await pilot.press("escape")
            assert isinstance(app.screen, HelpScreen)

    run(scenario)


def test_crisis_shows_the_chosen_region_and_remembers_a_new_one(tmp_path):
    journal = make_journal(tmp_path / "j.twj", crisis_region="uk")

    async def scenario():
        app = HostApp(journal, CrisisScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "Samaritans" in text and "116 123" in text and "Source:" in text
            assert "In danger right now? Call 999." in text
            app.screen.query_one("#crisis-region", Select).value = "us"
            await wait_for(pilot, lambda: "988" in screen_text(app))
            assert journal.settings().crisis_region == "us"
            await pilot.press("escape")
            assert not isinstance(app.screen, CrisisScreen)

    run(scenario)
    journal.close()


# --- settings --------------------------------------------------------------------------------


def test_settings_save_as_they_change(tmp_path):
    journal = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = HostApp(journal, SettingsScreen)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            screen.query_one("#settings-region", Select).value = "nz"
            screen.query_one("#settings-pace", Select).value = 6.0
            screen.query_one("#settings-theme", Select).value = "high_contrast"
            await pilot.pause()
            assert "1737" in screen_text(app)
            names = screen.query_one("#settings-names", Input)
            names.focus()
            names.value = "Sam,  Dr Okafor , sam"
            await pilot.press("enter")
            settings = journal.settings()
            assert settings.crisis_region == "nz" and settings.breathing_pace == 6.0
            assert settings.theme == "high_contrast" and app.theme == "high_contrast"
            assert settings.known_names == ["Sam", "Dr Okafor"]
            assert names.value == "Sam, Dr Okafor"

    run(scenario)
    journal.close()


def test_names_typed_then_left_with_escape_are_kept(tmp_path):
    journal = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = HostApp(journal, lambda: ConfirmModal("placeholder"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.pop_screen()
            await app.push_screen(SettingsScreen())
            await pilot.pause()
            app.screen.query_one("#settings-names", Input).value = "Alex"
            await pilot.press("escape")
            assert journal.settings().known_names == ["Alex"]

    run(scenario)
    journal.close()


def test_a_thought_kept_as_it_was_is_shown_and_rated_once_with_what_helped():
    """A balanced thought kept as it was: the summary said "Belief in the first thought: 30 -> 70
    (up 40)" and again "Belief in the balanced thought: 70", and the page called the answers to
    "What helped you see it this way?" "Evidence against it"."""
    from thoughtwork.tui.screens.record.summary import summary_text

    words = "It hurt a little, and I can go slower next time."
    record = ThoughtRecord(automatic_thought=words, balanced_thought=words, belief_before=30, belief_after=70,
                           belief_balanced=70, evidence_against=["my physio said it takes time"],
                           evidence_for=["it still stings"])
    summary = str(summary_text(record, balanced=True))
    assert "Belief in this balanced thought: 30 \u2192 70 (up 40)" in summary
    assert "first thought" not in summary and summary.count("70") == 1
    sections = dict(record_sections(record))
    assert "What helped you see it this way" in sections and "What still weighs on you" in sections
    assert "Evidence against it" not in sections and "The balanced thought" not in sections
    assert [str(item) for item in sections["What helped you see it this way"]] == ["my physio said it takes time"]
    assert sections["What changed"].plain.splitlines()[0] == "Belief in this balanced thought went from 30 to 70: up 40."


def test_a_thought_worked_through_keeps_both_beliefs_and_evidence_for_and_against():
    from thoughtwork.tui.screens.record.summary import summary_text

    record = ThoughtRecord(automatic_thought="It will always hurt and I am broken.", balanced_thought="It can change.",
                           belief_before=80, belief_after=40, belief_balanced=60, evidence_against=["it hurt less"])
    summary = str(summary_text(record))
    assert "Belief in the first thought: 80 \u2192 40 (down 40)" in summary
    assert "Belief in the balanced thought: 60" in summary
    sections = dict(record_sections(record))
    assert "Evidence against it" in sections and "The balanced thought" in sections
