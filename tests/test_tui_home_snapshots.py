"""Snapshots of the key screens at 80x24 (regenerate with --snapshot-update, then look at them)."""

from __future__ import annotations

import pytest
from test_tui_flow_support import (
    PASSPHRASE,
    SIZE,
    make_journal,
    make_journal_with_homework,
    no_preload,
    wait_for,
    wait_for_screen,
)

from thoughtwork.models import DistortionId, RankedReframe, Reframe, ThoughtRecord
from thoughtwork.tui.app import ThoughtworkApp
from thoughtwork.tui.screens import home
from thoughtwork.tui.screens.record import flow

REFRAMES = [
    RankedReframe(
        reframe=Reframe(
            id="future.cannot-predict",
            distortions=[DistortionId.fortune_telling],
            text="I can't predict the future, so it's not certain that penetration will always be painful.",
            questions=["What has changed since the first time?"],
            technique="examining the evidence",
        ),
        score=1.0,
        reasons=["you wrote \u2018will hurt every time\u2019 (fortune telling)", "it is about pain"],
    ),
    RankedReframe(
        reframe=Reframe(
            id="body.nothing-wrong",
            distortions=[DistortionId.labeling],
            text="There is nothing wrong with me or my body; this is something many people work through.",
            technique="self-compassion",
            source="ter Kuile et al. 2007",
        ),
        score=0.9,
        reasons=["it sounds like labelling"],
    ),
    RankedReframe(
        reframe=Reframe(
            id="general.step-by-step",
            themes=["pain"],
            text="There's no need to rush; it's a step-by-step process.",
            technique="graded exposure",
        ),
        score=0.5,
        reasons=["it is about pain"],
    ),
]


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)
    monkeypatch.setattr(home, "greeting", lambda hour: "Good evening.")
    monkeypatch.setattr(flow.RecordScreen, "_rank", lambda self, analysis: REFRAMES)


def test_welcome(snap_compare, tmp_path, monkeypatch):
    """The first-run welcome: what this is and is not, the passphrase fields, the region (from
    the locale, fixed here so the picture does not depend on the machine) and the button."""
    from thoughtwork.tui.screens import welcome

    monkeypatch.setattr(welcome, "default_region", lambda: "uk")
    assert snap_compare(ThoughtworkApp(tmp_path / "j.twj"), terminal_size=SIZE)


def test_unlock(snap_compare, tmp_path):
    """The unlock screen after a wrong passphrase."""
    path = make_journal(tmp_path / "j.twj")

    async def wrong(pilot):
        await pilot.press(*"nope", "enter")
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#unlock-button").disabled is False)

    assert snap_compare(ThoughtworkApp(path), terminal_size=SIZE, run_before=wrong)


def test_home_with_a_draft(snap_compare, tmp_path):
    """Home with a draft to continue; user text appears literally."""
    draft = ThoughtRecord(situation="Before my [b]gyn[/b] appointment", automatic_thought="x")
    path = make_journal(tmp_path / "j.twj", [draft])

    async def ready(pilot):
        await wait_for_screen(pilot, "HomeScreen")

    assert snap_compare(ThoughtworkApp(path, passphrase=PASSPHRASE), terminal_size=SIZE, run_before=ready)


def _at_step(records, step: int):
    async def go(pilot):
        await wait_for_screen(pilot, "HomeScreen")
        pilot.app.start_record(records[0].id)
        await wait_for_screen(pilot, "RecordScreen")
        screen = pilot.app.screen
        await screen._show(step)
        await wait_for(pilot, lambda: screen.analysed_text is not None or step != 4)
        await pilot.pause()

    return go


THOUGHT_RECORD = ThoughtRecord(
    situation="Tried the smallest dilator after a warm bath",
    automatic_thought="It will always hurt and I'm broken.",
    anxiety_before=80,
    belief_before=90,
)


def test_traps_step(snap_compare, tmp_path):
    """Thinking traps found, each with its words highlighted in the thought and a description."""
    path = make_journal(tmp_path / "j.twj", [THOUGHT_RECORD])
    app = ThoughtworkApp(path, passphrase=PASSPHRASE)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_step([THOUGHT_RECORD], 4))


def test_reframe_step(snap_compare, tmp_path):
    """Three reframes offered with why, and the balanced thought to write."""
    path = make_journal(tmp_path / "j.twj", [THOUGHT_RECORD])
    app = ThoughtworkApp(path, passphrase=PASSPHRASE)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_step([THOUGHT_RECORD], 6))


def test_summary_step(snap_compare, tmp_path):
    """The summary shows the change and a word of encouragement."""
    record = THOUGHT_RECORD.model_copy(
        update={
            "balanced_thought": "It hurt before, but less last week. I can go slowly.",
            "belief_balanced": 60,
            "belief_after": 40,
            "anxiety_after": 50,
        }
    )
    path = make_journal(tmp_path / "j.twj", [record])
    app = ThoughtworkApp(path, passphrase=PASSPHRASE)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_step([record], 8))


def test_feelings_step_with_a_rating_focused(snap_compare, tmp_path):
    """The feelings step: two feelings ticked, each with its own rating beside it, one focused and set."""
    record = ThoughtRecord(situation="Smear test booked for Friday")
    path = make_journal(tmp_path / "j.twj", [record])

    async def go(pilot):
        await _at_step([record], 1)(pilot)
        await pilot.press("space", "down", "down", "space", "tab")  # anxious and ashamed; to anxious's rating
        await pilot.press("6", "5")

    app = ThoughtworkApp(path, passphrase=PASSPHRASE)
    assert snap_compare(app, terminal_size=SIZE, run_before=go)


def test_home_in_high_contrast(snap_compare, tmp_path):
    """The high-contrast theme, chosen in settings, applies as soon as the journal opens."""
    path = make_journal(tmp_path / "j.twj")
    from thoughtwork.journal import Journal

    with Journal.open(path, PASSPHRASE) as journal:
        journal.save_settings(journal.settings().model_copy(update={"theme": "high_contrast"}))

    async def ready(pilot):
        await wait_for_screen(pilot, "HomeScreen")

    assert snap_compare(ThoughtworkApp(path, passphrase=PASSPHRASE), terminal_size=SIZE, run_before=ready)


def test_homework_due_and_its_prompt(snap_compare, tmp_path):
    """Homework from a therapist, opened as a record: the prompt's instructions and its own question."""
    from thoughtwork.models import Prompt, RecordStep

    prompt = Prompt(
        id="before-practice",
        title="Before dilator practice",
        instructions="Before you begin, notice what you expect to happen and how your body feels.",
        moments=["before_dilator_practice"],
        steps=[RecordStep.situation, RecordStep.automatic_thought, RecordStep.rerate],
        extra_questions=["What would make this practice feel a little safer?"],
    )
    path = tmp_path / "j.twj"
    make_journal_with_homework(path, prompt, days=13, note="Go gently.")

    async def go(pilot):
        await wait_for_screen(pilot, "HomeScreen")
        await pilot.press("h")
        await wait_for_screen(pilot, "HomeworkDueScreen")
        await pilot.press("enter")
        await wait_for_screen(pilot, "RecordScreen")
        await pilot.pause()

    assert snap_compare(ThoughtworkApp(path, passphrase=PASSPHRASE), terminal_size=SIZE, run_before=go)
