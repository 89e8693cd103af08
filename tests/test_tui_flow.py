"""The thought-record flow driven as a person would, at 80x24, with a fake language pipeline."""

from __future__ import annotations

import asyncio

import pytest
from test_tui_flow_support import (
    PASSPHRASE,
    SIZE,
    fake_analysis,
    make_journal,
    make_journal_with_homework,
    no_preload,
    start_record,
    wait_for,
    wait_for_screen,
)
from textual.widgets import Label, OptionList, SelectionList, Static, TextArea

from thoughtwork.journal import Journal
from thoughtwork.models import (
    Emotion,
    DistortionId,
    DistortionStatus,
    Prompt,
    RankedReframe,
    RecordStatus,
    RecordStep,
    Reframe,
    ThoughtRecord,
)
from thoughtwork.tui.app import ThoughtworkApp
from thoughtwork.tui.screens.record import flow
from thoughtwork.tui.screens.record.belief import BeliefStep
from thoughtwork.tui.screens.record.traps import merge_analysis
from thoughtwork.tui.widgets.highlighted_thought import highlight
from thoughtwork.tui.widgets.rating import Rating

THOUGHT = "It will always hurt and I am broken."

REFRAMES = [
    Reframe(
        id=f"test.reframe-{n}",
        distortions=[DistortionId.overgeneralization],
        text=f"Balanced thought number {n}: it hurt before, and I can go slowly.",
        questions=[f"Question from reframe {n}?"],
        technique="decatastrophising",
    )
    for n in range(1, 4)
]


@pytest.fixture(autouse=True)
def _fakes(monkeypatch):
    no_preload(monkeypatch)
    ranked = [RankedReframe(reframe=r, score=1.0, reasons=["overgeneralising"]) for r in REFRAMES]
    monkeypatch.setattr(flow.RecordScreen, "_rank", lambda self, analysis: ranked)


def questions_shown(screen) -> str:
    """The words of the evidence step's questions, one line each."""
    return "\n".join(str(part.render()) for part in screen.query("#questions Static"))


def run(scenario):
    return asyncio.run(scenario())


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])


async def open_home(pilot) -> None:
    await wait_for_screen(pilot, "HomeScreen")


def test_full_record_is_saved_with_every_step(tmp_path):
    """A whole record, step by step: ratings typed and arrowed, a trap rejected, a reframe picked and edited."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            await type_text(pilot, "Dilator practice after a bath")
            await pilot.press("ctrl+n")  # -> feelings
            await pilot.press("space", "tab")  # tick "scared"; to its own strength, beside it
            await type_text(pilot, "70")
            await pilot.press("tab", "tab")  # skip "other feelings"; to anxiety
            await type_text(pilot, "80")
            await pilot.press("right")  # arrow keys nudge by 5
            await pilot.press("ctrl+n")  # -> thought
            await type_text(pilot, THOUGHT)
            await pilot.press("ctrl+n")  # -> belief; the rating has focus
            await type_text(pilot, "90")
            await pilot.press("ctrl+n")  # -> traps
            screen = app.screen
            await wait_for(pilot, lambda: screen.analysed_text == THOUGHT)
            traps = app.screen.query_one("#traps", SelectionList)
            assert traps.selected == ["overgeneralization", "labeling"]
            assert app.focused is traps
            await pilot.press("down", "space")  # untick "labelling": it does not fit
            await pilot.press("ctrl+n")  # -> evidence
            questions = questions_shown(app.screen)
            assert "Question from reframe 1?" in questions
            # Each question its own bullet: one that wraps goes on under its words, not at column 1.
            for mark, words in zip(app.screen.query("#questions .bullet-mark"), app.screen.query("#questions .bullet-text")):
                assert words.region.x > mark.region.x and words.region.y == mark.region.y
            await type_text(pilot, "It hurt last time")
            await pilot.press("tab")
            await type_text(pilot, "Less pain last week")
            await pilot.press("ctrl+n")  # -> reframe
            await pilot.press("down", "enter")  # pick the second one as a starting point
            await type_text(pilot, " Step by step.")
            await pilot.press("ctrl+n")  # -> rerate
            await type_text(pilot, "60")
            await pilot.press("tab")
            await type_text(pilot, "40")
            await pilot.press("tab")
            await type_text(pilot, "50")
            await pilot.press("tab")  # each feeling again: "scared", then body tension
            await type_text(pilot, "30")
            await pilot.press("tab")
            await type_text(pilot, "20")
            await pilot.press("ctrl+n")  # -> summary
            summary = str(app.screen.query_one("#summary", Static).render())
            assert "90 \u2192 40 (down 50)" in summary
            assert "dropped by half" in summary
            assert "Feelings at the time: scared 70 (out of 100)" in summary
            assert "Feelings now: scared 70 \u2192 30" in summary and "Body tension now: 20" in summary
            assert "\u273f Your first record" in summary and "\u273f A whole thought record" in summary
            await pilot.press("ctrl+n")  # Done
            await open_home(pilot)

    run(scenario)
    with Journal.open(path, PASSPHRASE) as journal:
        (record,) = journal.records()
        settings = journal.settings()
    assert record.status is RecordStatus.complete
    assert record.situation == "Dilator practice after a bath"
    assert [e.name for e in record.emotions] == ["scared"] and record.emotions[0].intensity == 70
    assert (record.emotions[0].intensity_after, record.body_tension, record.body_tension_after) == (30, None, 20)
    assert (record.anxiety_before, record.belief_before) == (85, 90)
    assert record.automatic_thought == THOUGHT
    statuses = {d.id.value: d.status for d in record.distortions}
    assert statuses == {"overgeneralization": DistortionStatus.accepted, "labeling": DistortionStatus.rejected}
    assert record.evidence_for == ["It hurt last time"] and record.evidence_against == ["Less pain last week"]
    assert record.reframes_offered == [r.id for r in REFRAMES]
    assert record.reframe_chosen == "test.reframe-2"
    assert record.balanced_thought == REFRAMES[1].text + " Step by step."
    assert (record.belief_balanced, record.belief_after, record.anxiety_after) == (60, 40, 50)
    assert settings.helpful_reframes == ["test.reframe-2"]


def test_quitting_mid_way_keeps_the_draft_and_resumes_where_it_stopped(tmp_path):
    """ctrl+q on the thought step saves what was typed; next time 'continue' opens the belief step."""
    path = make_journal(tmp_path / "j.twj")

    async def first_visit():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            await type_text(pilot, "Smear test booked")
            await pilot.press("ctrl+n", "ctrl+n")
            await type_text(pilot, "The nurse will think I am ridiculous")
            await pilot.press("ctrl+q")  # no "next": the thought is only on screen

    async def second_visit():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            menu = app.screen.query_one("#menu", OptionList)
            assert "Smear test booked" in str(menu.get_option("continue_draft").prompt)
            await pilot.press("c")
            await wait_for_screen(pilot, "RecordScreen")
            assert app.screen.steps[app.screen.index].__name__ == "BeliefStep"
            await pilot.press("ctrl+b")
            area = app.screen.query_one("#thought", TextArea)
            assert area.text == "The nurse will think I am ridiculous"

    run(first_visit)
    with Journal.open(path, PASSPHRASE) as journal:
        (draft,) = journal.records()
    assert draft.status is RecordStatus.draft
    assert draft.automatic_thought == "The nurse will think I am ridiculous"
    run(second_visit)


def test_back_and_forth_keeps_everything_typed(tmp_path):
    """Going back a step shows the text again, and the draft is in the journal at each change."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            await type_text(pilot, "First try with a tampon")
            await pilot.press("ctrl+n")
            assert [r.situation for r in app.journal.records()] == ["First try with a tampon"]
            await pilot.press("ctrl+b")
            assert app.screen.query_one("#situation", TextArea).text == "First try with a tampon"
            await pilot.press("escape")  # save and close
            await open_home(pilot)

    run(scenario)


def test_letters_typed_on_the_step_buttons_go_to_the_box_last_written_in(tmp_path):
    """Tab past the box, then typing: the words were silently lost on the Back / Save / Next buttons."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            await type_text(pilot, "Bath")
            app.screen.query_one("#close").focus()
            await pilot.pause()
            await pilot.press("space", *"time")
            box = app.screen.query_one("#situation", TextArea)
            assert box.text == "Bath time" and app.focused is box
            app.screen.query_one("#next").focus()
            await pilot.press("enter")  # Enter presses the button
            await wait_for(pilot, lambda: type(app.screen.current).__name__ == "EmotionsStep")
            assert app.journal.records()[0].situation == "Bath time"

    run(scenario)


def test_an_untouched_new_record_is_not_saved(tmp_path):
    """Opening a record and closing it straight away leaves no empty draft behind."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            await pilot.press("escape")
            await open_home(pilot)
            assert app.journal.records() == []

    run(scenario)


def test_markup_and_control_characters_in_a_thought_are_shown_literally(tmp_path):
    """A thought with Textual markup and an escape sequence neither crashes nor acts; it reads as typed."""
    thought = "[bold]never[/b] [@click=app.quit]x[/] \x1b]0;pwned\x07done"
    record = ThoughtRecord(situation="s", automatic_thought=thought)
    path = make_journal(tmp_path / "j.twj", [record])

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            app.start_record(record.id)
            await wait_for_screen(pilot, "RecordScreen")
            # Resumes after the thought: the belief step, which quotes it.
            assert app.screen.steps[app.screen.index].__name__ == "BeliefStep"
            shown = "".join(str(s.render()) for s in app.screen.query(".quote"))
            assert "[bold]never[/b] [@click=app.quit]x[/]" in shown
            assert "\x1b" not in shown and "\x07" not in shown
            assert app.is_running

    run(scenario)


def test_homework_prompt_shows_instructions_and_keeps_answers(tmp_path):
    """A record started from homework has the prompt's step list, its questions, and is linked to it."""
    prompt = Prompt(
        id="before-practice",
        title="Before dilator practice",
        instructions="Notice what you expect before you begin.",
        moments=["before_dilator_practice"],
        steps=[RecordStep.situation, RecordStep.automatic_thought],
        extra_questions=["What do you expect to feel?"],
    )
    path = tmp_path / "j.twj"
    assignment = make_journal_with_homework(path, prompt, days=7)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            app.start_record(prompt=prompt, assignment_id=assignment.id)
            await wait_for_screen(pilot, "RecordScreen")
            names = [s.__name__ for s in app.screen.steps]
            assert names == ["HomeworkPromptStep", "SituationStep", "ThoughtStep", "SummaryStep"]
            text = "".join(str(s.render()) for s in app.screen.query(Static))
            assert "Notice what you expect before you begin." in text
            await type_text(pilot, "Some stinging")
            await pilot.press("ctrl+n", "escape")

    run(scenario)
    with Journal.open(path, PASSPHRASE) as journal:
        (record,) = journal.records()
    assert record.prompt_answers == {"What do you expect to feel?": "Some stinging"}
    assert (record.assignment_id, record.prompt_id) == (assignment.id, "before-practice")


def test_a_thought_about_self_harm_offers_crisis_support_without_ending_the_record(tmp_path, monkeypatch):
    """Leaving the thought step with words of self-harm opens the crisis screen over the record."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            await pilot.press("ctrl+n", "ctrl+n")
            await type_text(pilot, "I want to kill myself")
            await pilot.press("ctrl+n")
            await wait_for_screen(pilot, "CrisisScreen")
            assert type(app.screen_stack[-2]).__name__ == "RecordScreen"
            assert app.journal.records()[0].automatic_thought == "I want to kill myself"
            await pilot.press("escape")  # close the crisis screen: the record is still there
            await wait_for_screen(pilot, "RecordScreen")
            screen = app.screen
            # No traps, evidence or reframes to dispute it: the record became a safety step.
            assert type(screen.current).__name__ == "SafetyStep"
            assert not any(s.__name__ in {"TrapsStep", "EvidenceStep", "ReframeStep"} for s in screen.steps)
            shown = " ".join(str(w.render()) for w in screen.current.query(Static))
            assert "Samaritans" not in shown and "findahelpline.com" in shown  # this journal's region: international
            assert "grounding" in shown.lower()
            from thoughtwork.tui.widgets.bullet import Bullet

            items = list(screen.current.query(Bullet))  # lines to call and grounding steps
            assert len(items) >= 6
            # Each item's words sit right of its mark, so a wrapped line stays under its words.
            assert all(i.query_one(".bullet-text").region.x > i.query_one(".bullet-mark").region.x for i in items)
            await type_text(pilot, "my cat")  # the person can still write: their reasons
            await pilot.press("ctrl+n")
            assert app.journal.settings().safety_reasons == ["my cat"]
            assert type(screen.current).__name__ == "SummaryStep"
            summary = str(screen.query_one("#summary", Static).render())
            assert "worked through" not in summary and "reach out" in summary

    pytest.importorskip("thoughtwork.tui.screens.crisis")
    run(scenario)


async def open_draft_at(pilot, draft: ThoughtRecord, step: str):
    """Resume `draft` (it opens at its furthest step) and step back to `step`; the record screen."""
    pilot.app.start_record(draft.id)
    await wait_for_screen(pilot, "RecordScreen")
    screen = pilot.app.screen
    for _ in range(len(screen.steps)):
        if type(screen.current).__name__ == step:
            break
        await pilot.press("ctrl+b")
        await pilot.pause()
    return screen


def test_words_of_self_harm_in_the_evidence_box_lead_to_the_safety_step_too(tmp_path):
    """A new user wrote 'Nothing works and I just want to die' as evidence: the thought step had
    been calm, so nothing was noticed and the next step offered a reframe. Every box counts."""
    draft = ThoughtRecord(situation="At home", automatic_thought="It will hurt", evidence_for=["It hurt"])
    path = make_journal(tmp_path / "j.twj", [draft])

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            screen = await open_draft_at(pilot, draft, "EvidenceStep")
            assert type(screen.current).__name__ == "EvidenceStep"
            await type_text(pilot, ". Nothing works and I just want to die")
            await pilot.press("ctrl+n")
            await wait_for_screen(pilot, "CrisisScreen")
            await pilot.press("escape")
            await wait_for_screen(pilot, "RecordScreen")
            assert type(screen.current).__name__ == "SafetyStep"
            assert "ReframeStep" not in {s.__name__ for s in screen.steps}

    pytest.importorskip("thoughtwork.tui.screens.crisis")
    run(scenario)


def test_a_balanced_thought_is_affirmed_on_every_step(tmp_path):
    """'It got easier' is not disputed: the questions ask what helped, the person's own words
    start as the balanced thought, and the summary says it was balanced to begin with."""
    path = make_journal(tmp_path / "j.twj")
    thought = "It hurt a bit, but I went slower and it got easier"

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            screen = app.screen
            await pilot.press("ctrl+n", "ctrl+n")
            await type_text(pilot, thought)
            await pilot.press("ctrl+n", "ctrl+n")  # thought -> belief -> traps
            await wait_for(pilot, lambda: screen.analysed_text == thought)
            await pilot.press("ctrl+n")
            assert type(screen.current).__name__ == "EvidenceStep"
            questions = questions_shown(screen)
            assert "already sounds balanced" in questions and "predict" not in questions.lower()
            await pilot.press("ctrl+n")
            assert type(screen.current).__name__ == "ReframeStep"
            shown = " ".join(str(w.render()) for w in screen.current.query(Static))
            assert "already sounds balanced" in shown
            assert screen.query_one("#balanced", TextArea).text == thought
            await pilot.press("ctrl+n", "ctrl+n")
            assert type(screen.current).__name__ == "SummaryStep"
            summary = str(screen.query_one("#summary", Static).render())
            assert summary.startswith("You wrote down a balanced thought.")

    run(scenario)


def test_a_crash_shows_a_gentle_message_and_no_journal_text(tmp_path, monkeypatch):
    """An unexpected error saves the draft and leaves only a kind sentence, never the thought or a traceback."""
    secret = "my very private thought"
    path = make_journal(tmp_path / "j.twj")

    def explode(self, record):
        local_copy = record.automatic_thought  # noqa: F841 - a local that a traceback with locals would print
        raise RuntimeError("boom")

    monkeypatch.setattr(BeliefStep, "store", explode)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            await pilot.press("ctrl+n", "ctrl+n")
            await type_text(pilot, secret)
            await pilot.press("ctrl+n", "ctrl+n")  # to belief, then leaving it explodes
            await wait_for(pilot, lambda: not app.is_running or app._exit_renderables)
        return app

    with pytest.raises(RuntimeError):
        run(scenario)
    # The draft was saved before anything went wrong.
    with Journal.open(path, PASSPHRASE) as journal:
        assert journal.records()[0].automatic_thought == secret


def test_crash_message_holds_no_user_text(tmp_path):
    """The exit message the app leaves after a crash is the fixed kind sentence."""
    app = ThoughtworkApp(tmp_path / "none.twj")
    app._handle_exception(RuntimeError("my very private thought"))
    shown = " ".join(str(r) for r in app._exit_renderables)
    assert "private" not in shown
    assert "was saved" in shown


def test_highlight_marks_the_evidence_even_after_cleaning():
    """Offsets point into the raw thought; removed control characters must not shift the highlight."""
    from thoughtwork.models import EvidenceSpan

    raw = "\x1b[31mIt will always hurt"
    at = raw.index("always")
    text = highlight(raw, [EvidenceSpan(text="always", start=at, end=at + 6)])
    assert text.plain == "It will always hurt"
    styled = [text.plain[s.start : s.end] for s in text.spans if s.style]
    assert styled == ["always"]


def test_merge_analysis_keeps_the_persons_decisions():
    """Re-analysing an edited thought keeps rejections and added traps, and drops stale suggestions."""
    before = fake_analysis("always broken").distortions
    before[0] = before[0].model_copy(update={"status": DistortionStatus.rejected})
    added = before[1].model_copy(update={"id": DistortionId.comparing, "status": DistortionStatus.added})
    previous = [before[0], added]
    merged = merge_analysis(previous, fake_analysis("always hurts").distortions)
    assert [(d.id.value, d.status) for d in merged] == [
        ("overgeneralization", DistortionStatus.rejected),
        ("comparing", DistortionStatus.added),
    ]


def test_rating_takes_arrow_keys_typing_and_backspace():
    """The 0-100 rating: arrows nudge, digits type a number, a pause or a fourth digit starts again."""
    from textual.app import App

    from thoughtwork.tui.widgets.rating import Rating

    class One(App):
        def compose(self):
            yield Rating(id="r")

    async def scenario():
        app = One()
        async with app.run_test(size=SIZE) as pilot:
            rating = app.query_one(Rating)
            rating.focus()
            assert rating.value is None
            await pilot.press("right")
            assert rating.value == 55  # an unrated scale starts from the middle
            await pilot.press("shift+left")
            assert rating.value == 54
            await pilot.press("7", "5")
            assert rating.value == 75
            await pilot.press("\u00b2")  # a digit-like "²" is no number: it crashed int()
            assert rating.value == 75
            await pilot.press("backspace")
            assert rating.value == 7
            await pilot.press("1", "0", "0")
            assert rating.value == 100
            await pilot.press("right")
            assert rating.value == 100  # never past the end
            await pilot.press("home")
            assert rating.value == 0
            await pilot.press("end", "1", "0", "1")
            assert rating.value == 1  # "101" is too much, so the last digit starts a new number

    run(scenario)


def _count_saves(monkeypatch) -> list[str]:
    """The situation written by each journal save, in order."""
    saved: list[str] = []
    real_save = Journal.save

    def save(journal, record):
        saved.append(record.situation)
        return real_save(journal, record)

    monkeypatch.setattr(Journal, "save", save)
    return saved


def test_typing_is_saved_once_a_moment_after_the_last_key(tmp_path, monkeypatch):
    """If the terminal is simply closed, what was typed a moment before is already in the journal,
    saved once after the typing pauses (not once a key)."""
    # A pause long enough that a loaded machine's gaps between two typed keys never reach it
    # (0.3 s saved "W" alone once under load), short enough for a quick test.
    monkeypatch.setattr(flow, "SAVE_PAUSE", 1.5)
    path = make_journal(tmp_path / "j.twj")
    saved = _count_saves(monkeypatch)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            await type_text(pilot, "Waiting room")
            await wait_for(pilot, lambda: [r.situation for r in app.journal.records()] == ["Waiting room"], tries=400)
            await pilot.pause(0.5)
            assert saved == ["Waiting room"]

    run(scenario)


def test_typing_without_a_pause_is_still_saved_every_few_seconds(tmp_path, monkeypatch):
    monkeypatch.setattr(flow, "SAVE_PAUSE", 60.0)
    monkeypatch.setattr(flow, "SAVE_AT_LEAST_EVERY", 0.3)
    path = make_journal(tmp_path / "j.twj")
    saved = _count_saves(monkeypatch)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            for letter in "Waiting room":
                await type_text(pilot, letter)
                await pilot.pause(0.1)
            assert saved and "Waiting room".startswith(saved[-1])

    run(scenario)


def test_text_longer_than_the_journal_takes_is_explained_not_a_crash(tmp_path):
    """A 20,001-character situation (set past the box's own guard) keeps the person on the step, told how much to cut."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            box = app.screen.query_one("#situation", TextArea)
            box.text = "a" * 20_001
            await pilot.press("ctrl+n")
            assert app.screen.index == 0
            assert str(box.border_subtitle) == "1 character too many (it keeps 20,000): please cut that much."
            assert app.focused is box
            box.text = "a" * 100
            await pilot.press("ctrl+n")
            assert app.screen.index == 1

    run(scenario)


def test_continuing_a_record_that_is_already_open_returns_to_it(tmp_path):
    """Asking for the same draft again (say, from the palette) never opens a second editor on it."""
    record = ThoughtRecord(situation="At the pharmacy", automatic_thought="Everyone knows")
    path = make_journal(tmp_path / "j.twj", [record])

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            app.start_record(record.id)
            await wait_for_screen(pilot, "RecordScreen")
            first = app.screen
            app.action_crisis()
            await wait_for_screen(pilot, "CrisisScreen")
            app.start_record(record.id)
            await pilot.pause()
            assert app.screen is first
            assert sum(type(s).__name__ == "RecordScreen" for s in app.screen_stack) == 1

    run(scenario)


def test_homework_without_ratings_again_has_no_empty_what_changed(tmp_path):
    """A prompt that skips re-rating ends without 'Here is what changed.' and an empty space under it."""
    prompt = Prompt(
        id="evening",
        title="Evening reflection",
        instructions="Look back gently on one moment from today.",
        moments=["evening_reflection"],
        steps=[RecordStep.situation, RecordStep.automatic_thought],
    )
    path = tmp_path / "j.twj"
    assignment = make_journal_with_homework(path, prompt, days=7)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            app.start_record(prompt=prompt, assignment_id=assignment.id)
            await wait_for_screen(pilot, "RecordScreen")
            for _ in range(2):
                await pilot.press("ctrl+n")
                await pilot.pause()
            await type_text(pilot, "I am broken")  # a record needs its thought to be finished
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert type(app.screen.current).__name__ == "SummaryStep"
            summary = str(app.screen.query_one("#summary", Static).render())
            assert "what changed" not in summary.lower()
            assert summary.startswith("You worked through a difficult thought.\n\nThank you for taking the time.")

    run(scenario)


def test_the_summary_says_what_changed_only_above_a_change():
    from thoughtwork.tui.screens.record.summary import summary_text

    changed = str(summary_text(ThoughtRecord(automatic_thought="t", belief_before=80, belief_after=50)))
    assert changed.startswith("You worked through a difficult thought. Here is what changed.\n\nBelief in the first thought: 80")
    unchanged = str(summary_text(ThoughtRecord(automatic_thought="t", belief_before=80)))
    assert "what changed" not in unchanged.lower()
    assert "\n\n\n" not in unchanged


def test_a_rating_given_only_at_the_end_is_still_shown_in_the_summary():
    """Ratings skipped (or lost) at the start left the later ones unshown."""
    from thoughtwork.tui.screens.record.summary import summary_text

    text = str(summary_text(ThoughtRecord(automatic_thought="t", belief_after=20, anxiety_after=25)))
    assert "Belief in the first thought now: 20" in text
    assert "Anxiety now: 25" in text


def test_an_empty_record_cannot_be_finished(tmp_path):
    """n, ctrl+n through every step and Done once gave "You worked through a difficult thought" and
    counted in progress. The flow stops before the summary, says a thought is needed, and goes there."""
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            screen = app.screen
            for _ in range(len(screen.steps) - 1):  # one press short of the summary each
                await pilot.press("ctrl+n")
                await pilot.pause()
            assert type(screen.current).__name__ == "ThoughtStep" and app.screen is screen
            assert any(n.message == flow.NEEDS_A_THOUGHT for n in app._notifications)
            assert all(not r.is_complete for r in app.journal.records())
            await type_text(pilot, "I am broken")
            for _ in range(len(screen.steps)):
                if type(screen.current).__name__ == "SummaryStep":
                    break
                await pilot.press("ctrl+n")
                await pilot.pause()
            assert [r.is_complete for r in app.journal.records()] == [True]

    run(scenario)


def test_picking_another_reframe_asks_before_replacing_own_words_and_ctrl_z_brings_them_back(tmp_path):
    path = make_journal(tmp_path / "j.twj")

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await start_record(pilot)
            screen = app.screen
            await pilot.press("ctrl+n", "ctrl+n")  # -> thought
            await type_text(pilot, THOUGHT)
            for _ in range(4):  # belief, traps, evidence, reframe
                await pilot.press("ctrl+n")
                await pilot.pause()
            assert type(screen.current).__name__ == "ReframeStep"
            box = screen.query_one("#balanced", TextArea)
            await pilot.press("enter")  # the first, as a start
            assert box.text == REFRAMES[0].text
            await pilot.press("shift+tab", "down", "enter")  # an unedited start is simply swapped
            assert box.text == REFRAMES[1].text
            await type_text(pilot, " Mine now.")
            mine = REFRAMES[1].text + " Mine now."
            await pilot.press("shift+tab", "up", "enter")
            await wait_for_screen(pilot, "ConfirmModal")
            await pilot.press("enter")  # "Keep mine" has the focus
            await wait_for(pilot, lambda: app.screen is screen)
            assert box.text == mine
            await pilot.press("shift+tab", "enter")
            await wait_for_screen(pilot, "ConfirmModal")
            await pilot.press("tab", "enter")  # "Use this one"
            await wait_for(pilot, lambda: app.screen is screen)
            assert box.text == REFRAMES[0].text and app.focused is box
            await pilot.press("ctrl+z")
            assert box.text == mine

    run(scenario)


def test_coming_back_to_a_box_with_words_goes_on_after_them(tmp_path):
    """Opening a draft or tabbing into a box put the cursor before the words, and ctrl+End did nothing."""
    draft = ThoughtRecord(
        situation="At the clinic", automatic_thought="It will hurt", evidence_for=["It hurt"], evidence_against=["Less pain"]
    )
    path = make_journal(tmp_path / "j.twj", [draft])

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            screen = await open_draft_at(pilot, draft, "EvidenceStep")
            first, second = screen.query_one("#evidence-for", TextArea), screen.query_one("#evidence-against", TextArea)
            assert app.focused is first
            await type_text(pilot, " last time")
            await pilot.press("tab")
            await pilot.pause()  # focus moves on the next message round; under load it may lag
            assert app.focused is second
            await type_text(pilot, " last week")
            await pilot.press("ctrl+home", "O", "ctrl+end", "!")
            assert (first.text, second.text) == ("It hurt last time", "OLess pain last week!")

    run(scenario)


def test_boxes_grow_into_a_taller_terminal(tmp_path):
    """At 120x40 the boxes kept their 80x24 heights and left 17 rows blank; now they take the room."""
    path = make_journal(tmp_path / "j.twj")
    heights = {}

    async def scenario(size):
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=size) as pilot:
            await start_record(pilot)
            await pilot.pause()
            step = app.screen.current
            box = app.screen.query_one("#situation", TextArea)
            used = max(w.region.bottom for w in step.children) - step.region.y
            heights[size] = (box.outer_size.height, step.region.height - used)
            await pilot.press("escape")

    run(lambda: scenario((80, 24)))
    run(lambda: scenario((120, 40)))
    (small, small_blank), (big, big_blank) = heights[(80, 24)], heights[(120, 40)]
    assert small >= 5 and big >= small + 12 and big_blank <= small_blank


def test_homework_without_the_thought_step_finishes_with_anything_written_but_not_with_nothing(tmp_path):
    prompt = Prompt(
        id="notice",
        title="Notice the moment",
        instructions="Write down where you were.",
        moments=["evening_reflection"],
        steps=[RecordStep.situation],
    )
    path = tmp_path / "j.twj"
    assignment = make_journal_with_homework(path, prompt, days=7)

    async def scenario():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            app.start_record(prompt=prompt, assignment_id=assignment.id)
            await wait_for_screen(pilot, "RecordScreen")
            screen = app.screen
            for _ in range(3):
                await pilot.press("ctrl+n")
                await pilot.pause()
            assert type(screen.current).__name__ == "SituationStep"
            assert any(n.message == flow.NEEDS_SOMETHING for n in app._notifications)
            await type_text(pilot, "Bedroom")
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert type(screen.current).__name__ == "SummaryStep"

    run(scenario)


def on_rerate_step(tmp_path, draft: ThoughtRecord, scenario) -> None:
    """Open `draft` where it was left, the ratings-again step at 80x24, and run `scenario(step)`."""
    path = make_journal(tmp_path / "j.twj", [draft])

    async def drive():
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await open_home(pilot)
            app.start_record(draft.id)
            await wait_for_screen(pilot, "RecordScreen")
            await pilot.pause()
            assert type(app.screen.current).__name__ == "RerateStep"
            await scenario(app.screen.current)

    run(drive)


def test_each_feeling_rated_again_shows_what_it_was_in_full(tmp_path):
    """At 80 columns "scared (before: 70)" was cut to "scared (befo…"; a long name hid what it was
    and ran into its bar; a feeling anxiety covers ("anxious") was rated twice."""
    draft = ThoughtRecord(
        situation="Clinic",
        automatic_thought="It will hurt",
        emotions=[Emotion(name="embarrassed", intensity=70), Emotion(name="anxious"),
                  Emotion(name="overwhelmed and completely out of my depth", intensity=60), Emotion(name="awkward")],
        balanced_thought="I can go slowly",
    )

    async def look(step):
        names = list(step.query(".feeling-name"))
        shown = [str(name.render()) for name in names]
        assert shown == ["embarrassed (before: 70)", "overwhelmed an\u2026 (before: 60)", "awkward"]
        assert len({name.parent.query_one(Rating).region.x for name in names}) == 1  # the bars line up
        for name in names:
            assert name.size.width >= len(str(name.render()))
            bar = name.parent.query_one(Rating)
            assert bar.region.x > name.region.right  # a column apart: the ellipsis never touches the bar

    on_rerate_step(tmp_path, draft, look)


def test_a_thought_kept_as_it_was_is_shown_and_rated_once_at_the_end(tmp_path):
    """A thought that already sounded balanced is its own balanced thought: it was shown twice."""
    words = "I can take this slowly, and that is okay."
    draft = ThoughtRecord(situation="Bath", automatic_thought=words, balanced_thought=words + " ", belief_before=60)

    async def look(step):
        quotes = [str(quote.render()) for quote in step.query(".quote")]
        assert quotes == [f"\u201c{words}\u201d"]
        assert not step.query("#belief-balanced")
        assert "How much do you believe it now? (before: 60)" in [str(label.render()) for label in step.query(Label)]
        step.query_one("#belief-after", Rating).value = 80
        record = step.record.model_copy()
        step.store(record)
        assert record.belief_after == record.belief_balanced == 80

    on_rerate_step(tmp_path, draft, look)
