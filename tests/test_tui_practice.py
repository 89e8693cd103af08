"""The practice ladder in the app, driven with Pilot at 80x24: define a ladder, log a practice in a
few keys from home, see expected vs actual, plan and receive a reward, start a linked record,
edit the steps, and follow a guided exercise."""

from __future__ import annotations

import pytest
from test_tui_flow_support import PASSPHRASE, drive, make_journal, no_preload, wait_for, wait_for_screen
from textual.widgets import Input, OptionList, Static

from thoughtwork.journal import Journal
from thoughtwork.models import CelebrationKind, HowFar, PracticeEntry
from thoughtwork.practice import ladders
from thoughtwork.practice.content import load_default_steps


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def with_ladder(path, practices=(), rewards=()):
    make_journal(path)
    with Journal.open(path, PASSPHRASE) as journal:
        ladder = ladders.from_defaults(load_default_steps())
        for fields in rewards:
            ladder, _ = ladders.add_celebration(ladder, **fields)
        journal.save_ladder(ladder)
        for practice in practices:
            journal.save_practice(practice)
    return path


def test_a_ladder_from_the_suggested_steps_and_a_practice_logged_in_a_few_keys(tmp_path):
    path = tmp_path / "j.twj"
    make_journal(path)

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l")
        await wait_for_screen(pilot, "LadderScreen")
        assert "small steps" in text_of(app, "#ladder-readiness")
        await pilot.press("enter")  # "Start from the suggested steps"
        await wait_for(pilot, lambda: len(app.journal.ladder().steps) > 10)
        assert "Whenever you feel ready" in text_of(app, "#ladder-readiness")
        await pilot.press("n")
        await wait_for_screen(pilot, "PracticeLogScreen")
        await pilot.press("8", "0", "tab", "7", "0", "escape")
        await wait_for_screen(pilot, "LadderScreen")
        [practice] = app.journal.practices()
        assert (practice.predicted_pain, practice.predicted_anxiety) == (80, 70)
        assert practice.step_title == "Looking, with a mirror" and not practice.has_outcome
        assert "1 practice" in str(app.screen.query_one("#ladder-steps", OptionList).get_option_at_index(0).prompt)
        # Afterwards: a, the felt pain, Esc. The practice is completed, not logged twice.
        await pilot.press("a")
        await wait_for_screen(pilot, "PracticeLogScreen")
        await pilot.press("2", "0", "escape")
        await wait_for_screen(pilot, "LadderScreen")
        [practice] = app.journal.practices()
        assert (practice.predicted_pain, practice.actual_pain) == (80, 20)
        assert not app.screen.check_action("after", ())  # nothing is waiting any more

    drive(path, scenario)


def test_an_untouched_log_is_closed_without_saving(tmp_path):
    path = with_ladder(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l", "n")
        await wait_for_screen(pilot, "PracticeLogScreen")
        await pilot.press("escape")
        await wait_for_screen(pilot, "LadderScreen")
        assert app.journal.practices() == []

    drive(path, scenario)


def test_how_it_went_added_later_shows_the_gap(tmp_path):
    path = with_ladder(tmp_path / "j.twj", [PracticeEntry(step_id="look", step_title="Looking, with a mirror",
                                                          predicted_pain=80, predicted_anxiety=60)])

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l", "g")
        await wait_for_screen(pilot, "CompareScreen")
        assert "no outcome yet" in text_of(app, "#compare-lesson")
        await pilot.press("enter")
        await wait_for_screen(pilot, "PracticeLogScreen")
        assert app.focused.id == "actual_pain"  # an existing practice opens at "how it went"
        await pilot.press("3", "0", "tab", "4", "0")
        assert "Pain: you expected 80, it was 30." in text_of(app, "#practice-gap")
        await pilot.press("escape")
        await wait_for_screen(pilot, "CompareScreen")
        assert "Pain: you expected 80, it was 30." in text_of(app, "#compare-lesson")
        assert "on average you expected 80 and it was 30" in text_of(app, "#compare-summary")
        [practice] = app.journal.practices()
        assert (practice.actual_pain, practice.actual_anxiety) == (30, 40)

    drive(path, scenario)


def test_a_planned_reward_is_celebrated_when_reached(tmp_path):
    path = with_ladder(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l", "r")
        await wait_for_screen(pilot, "RewardsScreen")
        await pilot.press("a")
        app.screen.query_one("#reward-input", Input).focus()
        await pilot.press(*"A long bath", "enter")
        await wait_for(pilot, lambda: app.journal.ladder().celebrations)
        [chosen] = app.journal.ladder().celebrations
        assert chosen.kind is CelebrationKind.first_practice and chosen.reward == "A long bath"
        await pilot.press("escape")
        await wait_for_screen(pilot, "LadderScreen")
        await pilot.press("n")
        await wait_for_screen(pilot, "PracticeLogScreen")
        await pilot.press("5", "0", "escape")
        await wait_for_screen(pilot, "CelebrateModal")
        said = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Your first practice: you did it." in said and "A long bath" in said
        await pilot.press("enter")
        await wait_for_screen(pilot, "LadderScreen")

    drive(path, scenario)


def test_start_a_record_from_the_loudest_thought_links_both_ways(tmp_path):
    path = with_ladder(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l", "n")
        await wait_for_screen(pilot, "PracticeLogScreen")
        await pilot.press("ctrl+r")
        assert "Write the loudest thought first" in text_of(app, "#problem")
        assert app.focused.id == "loudest_thought"
        await pilot.press(*"It will hurt", "ctrl+r")
        await wait_for_screen(pilot, "RecordScreen")
        [practice] = app.journal.practices()
        [record] = app.journal.records()
        assert record.practice_id == practice.id and practice.record_ids == [record.id]
        assert record.automatic_thought == "It will hurt"
        # Every step of the record, and its page in the journal, say which practice it came from.
        header = app.screen.query_one("#record-progress", Static)
        assert str(header.render()).startswith(f"Record from \u201c{practice.step_title}\u201d  \u25cf")
        assert len(str(header.render())) <= header.size.width  # whole at 80 columns
        await pilot.press("escape")
        await wait_for_screen(pilot, "PracticeLogScreen")
        assert app.screen.query_one("#open-record").display
        from thoughtwork.tui.screens.record_detail import RecordDetailScreen

        app.push_screen(RecordDetailScreen(record.id))
        await wait_for(pilot, lambda: bool(app.screen.query("#detail-practice")))
        assert text_of(app, "#detail-practice").startswith(f"From your practice: \u201c{practice.step_title}\u201d, ")

    drive(path, scenario)


def test_steps_are_added_moved_and_removed_and_the_person_chooses_their_step(tmp_path):
    path = with_ladder(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l", "e")
        await wait_for_screen(pilot, "StepsScreen")
        await pilot.press("a", *"In the bath", "enter")
        await wait_for(pilot, lambda: any(s.title == "In the bath" for s in app.journal.ladder().steps))
        assert app.journal.ladder().position(app.journal.ladder().steps[1].id) == 2
        assert app.journal.ladder().steps[1].title == "In the bath"  # just below the highlighted step
        await pilot.press("u")
        await wait_for(pilot, lambda: app.journal.ladder().steps[0].title == "In the bath")
        await pilot.press("x")
        await wait_for_screen(pilot, "ConfirmModal")
        await pilot.press("tab", "enter")  # focus starts on "Keep it": the safe answer
        await wait_for(pilot, lambda: app.journal.ladder().steps[0].title == "Looking, with a mirror")
        await pilot.press("escape")
        await wait_for_screen(pilot, "LadderScreen")
        await pilot.press("down", "down", "m")
        assert app.journal.ladder().current.title == "Touch at the entrance"
        assert "\u201cTouch at the entrance\u201d" in text_of(app, "#ladder-readiness")

    drive(path, scenario)


def test_readiness_is_offered_gently_after_calm_practices(tmp_path):
    calm = [PracticeEntry(step_id="look", step_title="Looking", how_far=HowFar.whole, actual_anxiety=10, actual_pain=0)
            for _ in range(3)]
    path = with_ladder(tmp_path / "j.twj", calm)

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l")
        await wait_for_screen(pilot, "LadderScreen")
        said = text_of(app, "#ladder-readiness")
        assert "If and when you feel ready" in said and "Touching the outside" in said and "You decide" in said
        assert app.journal.ladder().current.id == "look"  # never moved for the person

    drive(path, scenario)


def test_a_guided_exercise_is_paced_and_can_be_paused_and_skipped(tmp_path):
    path = make_journal(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("e")
        await wait_for_screen(pilot, "ExercisesScreen")
        await pilot.press("enter")
        await wait_for_screen(pilot, "ExerciseScreen")
        screen = app.screen
        assert screen.exercise.id == "pmr"
        assert [t._callback for t in screen._timers].count(screen.tick) == 1  # a second clock: double speed
        await pilot.press("space")
        assert "Paused" in text_of(app, "#exercise-cue")
        await pilot.press("n")
        assert "Step 2 of" in text_of(app, "#exercise-pace") and "Tense gently" in text_of(app, "#exercise-kind")
        await pilot.press("plus")
        assert screen.stretch == 1.25 and "1.25 times as slow" in text_of(app, "#exercise-pace")
        await pilot.press("space")
        before = screen.elapsed
        await pilot.pause(0.3)
        assert screen.elapsed > before  # carrying on moves the guide again
        for _ in range(len(screen.exercise.cues)):
            await pilot.press("n")
        assert "Done" in text_of(app, "#exercise-kind")
        await pilot.press("r")
        assert "Step 1 of" in text_of(app, "#exercise-pace")

    drive(path, scenario)


async def new_practice_rated(pilot) -> None:
    """From home, a new practice (l n) with its expected pain rated 60."""
    await wait_for_screen(pilot, "HomeScreen")
    await pilot.press("l", "n")
    await wait_for_screen(pilot, "PracticeLogScreen")
    await pilot.press("6", "0")


def test_a_bad_date_is_refused_in_one_line_and_nothing_is_lost(tmp_path):
    path = with_ladder(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await new_practice_rated(pilot)
        app.screen.query_one("#practised_at", Input).value = "last tuesday [b]x[/b]"
        await pilot.press("escape")
        assert type(app.screen).__name__ == "PracticeLogScreen"  # still open: nothing typed is lost
        problem = text_of(app, "#practised_at-problem")
        assert "not a date and time" in problem and "[b]x[/b]" in problem and "\n" not in problem
        assert app.journal.practices() == []

    drive(path, scenario)


def test_an_empty_when_is_said_beside_the_field_at_80x24(tmp_path):
    """The error for an empty When was said at the bottom of the screen, far from the field."""
    path = with_ladder(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await new_practice_rated(pilot)
        when = app.screen.query_one("#practised_at", Input)
        when.value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = app.screen.query_one("#practised_at-problem", Static)
        assert str(said.render()) == "Please write when it was, like 2026-12-01 20:30."
        assert text_of(app, "#problem") == ""
        assert app.focused is when
        assert said.region.y == when.region.bottom  # the line just under the field, on screen
        assert 0 < said.region.y < app.size.height - 1
        when.value = "2026-12-01 20:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(said.render()) == "" and len(app.journal.practices()) == 1

    drive(path, scenario)


def test_homework_that_suggests_steps_shows_them_gently(tmp_path):
    from datetime import date, timedelta

    from thoughtwork.models import Assignment, LadderStep

    path = with_ladder(tmp_path / "j.twj")
    with Journal.open(path, PASSPHRASE) as journal:
        journal.save_assignment(Assignment(ladder_steps=[LadderStep(id="dilator.1", title="Dilator size 1 (the smallest)")],
                                           start=date.today(), end=date.today() + timedelta(days=7)))

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("h")
        await wait_for_screen(pilot, "HomeworkDueScreen")
        said = text_of(app, "#homework-steps")
        assert "whenever you feel ready: Dilator size 1 (the smallest)" in said
        assert "No thought-record homework is due" in text_of(app, "#homework-intro")
        await pilot.press("escape", "l")
        await wait_for_screen(pilot, "LadderScreen")
        line = str(app.screen.query_one("#ladder-steps", OptionList).get_option_at_index(6).prompt)
        assert "Dilator size 1" in line and "from homework" in line

    drive(path, scenario)


def test_quitting_keeps_a_practice_being_logged(tmp_path):
    path = with_ladder(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l", "n")
        await wait_for_screen(pilot, "PracticeLogScreen")
        await pilot.press("6", "5")
        await pilot.press("ctrl+q")
        await pilot.pause()

    drive(path, scenario)
    with Journal.open(path, PASSPHRASE) as journal:
        assert [p.predicted_pain for p in journal.practices()] == [65]


def test_step_names_and_rewards_are_shown_literally(tmp_path):
    """[markup] stays as typed and terminal escape sequences never reach the screen."""
    make_journal(tmp_path / "j.twj")
    path = tmp_path / "j.twj"
    with Journal.open(path, PASSPHRASE) as journal:
        ladder, step = ladders.add_step(ladders.from_defaults([]), "[b]Mine[/b] \x1b]0;pwned\x07now")
        ladder, _ = ladders.add_celebration(ladder, kind=CelebrationKind.step, step_id=step.id, reward="[red]cake[/red]")
        journal.save_ladder(ladder)

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l")
        await wait_for_screen(pilot, "LadderScreen")
        line = app.screen.query_one("#ladder-steps", OptionList).get_option_at_index(0).prompt
        assert "[b]Mine[/b]" in line.plain and "\x1b" not in line.plain and "\x07" not in line.plain
        assert "[red]cake[/red]" in text_of(app, "#ladder-streak")
        assert "\x1b" not in text_of(app, "#ladder-readiness")
        await pilot.press("m")  # the notification quotes the step: literally, not as markup
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("[b]Mine[/b]" in n and "\x1b" not in n for n in notes)

    drive(path, scenario)


def test_words_of_self_harm_in_a_practice_bring_the_crisis_window(tmp_path):
    """A new user's loudest thought 'I want to die' was answered 'Well done for showing up' alone."""
    path = with_ladder(tmp_path / "j.twj")

    async def scenario(app, pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("l", "n")
        await wait_for_screen(pilot, "PracticeLogScreen")
        app.screen.query_one("#loudest_thought", Input).value = "I want to die"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, "CrisisScreen")
        assert [p.loudest_thought for p in app.journal.practices()] == ["I want to die"]

    drive(path, scenario)
