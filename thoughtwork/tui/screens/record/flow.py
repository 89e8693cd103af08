"""The record flow: one step at a time, back and forth freely, a draft saved at every step change."""

from __future__ import annotations

import time

from pydantic import ValidationError
from rich.text import Text
from textual import events, on
from textual.timer import Timer
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, OptionList, Select, SelectionList, Static, TextArea

from thoughtwork.models import (
    Analysis,
    Prompt,
    RankedReframe,
    RecordStatus,
    ThoughtRecord,
)
from thoughtwork.tui.early_keys import EarlyKeys, keys_handled
from thoughtwork.tui.screens.record.belief import BeliefStep
from thoughtwork.tui.screens.record.emotions import EmotionsStep
from thoughtwork.tui.screens.record.evidence import EvidenceStep
from thoughtwork.tui.screens.record.homework_prompt import HomeworkPromptStep
from thoughtwork.tui.screens.record.reframe import ReframeStep
from thoughtwork.tui.screens.record.rerate import RerateStep
from thoughtwork.tui.screens.record.situation import SituationStep
from thoughtwork.tui.screens.record.step import Step
from thoughtwork.tui.screens.record.summary import SummaryStep
from thoughtwork.tui.screens.record.thought import ThoughtStep
from thoughtwork.tui.screens.record.traps import TrapsStep, merge_analysis
from thoughtwork.tui.widgets.rating import Rating

ALL_STEPS: list[type[Step]] = [
    SituationStep,
    EmotionsStep,
    ThoughtStep,
    BeliefStep,
    TrapsStep,
    EvidenceStep,
    ReframeStep,
    RerateStep,
]


def steps_for(prompt: Prompt | None) -> list[type[Step]]:
    """The steps of a record: all of them, or the ones a homework prompt asks for (in order)."""
    if prompt is None:
        return [*ALL_STEPS, SummaryStep]
    wanted = set(prompt.steps)
    chosen = [step for step in ALL_STEPS if step.RECORD_STEP in wanted]
    return [HomeworkPromptStep, *chosen, SummaryStep]


SOMETHING_TOO_LONG = "something on this step is longer than a record can keep"
"""Said when the model refuses a field no box on the step accounts for (the boxes name the amount)."""

SAVE_PAUSE = 1.0
"""Seconds after the last change (a key, a rating, a tick) before the step is saved, in case the
terminal is simply closed; closing it or a SIGHUP/SIGTERM also saves at once (see the app)."""

SAVE_AT_LEAST_EVERY = 5.0
"""Someone typing without a pause is still saved this often (seconds since the first unsaved change)."""


NEEDS_A_THOUGHT = (
    "A record is finished once it holds the thought that came up, even a few words. "
    "You can write it here, or press esc to keep this as a draft."
)
NEEDS_SOMETHING = "Nothing is written in this record yet. Write a little on any step, or press esc to leave it."


def has_content(record: ThoughtRecord) -> bool:
    """Whether anything was typed or rated yet; an untouched new record is not worth saving."""
    empty = ThoughtRecord(id=record.id, created_at=record.created_at)
    ignore = {"updated_at", "assignment_id", "prompt_id", "context", "reframes_offered"}
    return record.model_dump(exclude=ignore) != empty.model_dump(exclude=ignore)


class RecordScreen(Screen[None]):
    """Hosts one step at a time; owns the record being written and saves it as a draft."""

    CSS_PATH = "record.tcss"

    AUTO_FOCUS = ""  # no focus on the buttons first: the first field takes it itself, see `_show`
    BINDINGS = [
        Binding("ctrl+n", "next", "Next", priority=True),
        Binding("ctrl+b", "back", "Back", priority=True),
        Binding("escape", "save_close", "Save & close"),
    ]

    def __init__(self, record: ThoughtRecord, *, prompt: Prompt | None = None, resume: bool = False) -> None:
        super().__init__()
        self.record = record
        self.prompt = prompt
        self._early_keys = EarlyKeys()
        self.steps = steps_for(prompt)
        self.index = self._resume_index() if resume else 0
        self.current: Step | None = None
        # A record that was analysed before keeps its decisions; re-analyse only if the thought changes.
        self.analysed_text: str | None = record.automatic_thought if (record.distortions or record.themes) else None
        self._ranked: list[RankedReframe] = []
        self._ranked_key: tuple | None = None
        self._crisis_shown_for: set[str] = set()
        self._saved = resume
        self._moving = False
        self._save_timer: Timer | None = None
        self._changed_since: float | None = None
        """When the first change not yet saved was made (monotonic seconds), or None."""
        self._milestones_before: set[str] = set()
        self.new_milestones: list = []
        """Milestones reached by finishing this record, celebrated on the summary."""
        self.cannot_keep: str | None = None
        """What the last save could not keep, in plain words (a box too long), or None."""
        self.safety_concern = _mentions_self_harm(f"{record.situation}\n{record.automatic_thought}")
        """Whether the words on this record raised a safety concern (steps then avoid cheerful wording)."""

    def _resume_index(self) -> int:
        """Where a draft was left: just after the last step with something in it (a finished record starts at the top)."""
        if self.record.is_complete:
            return 0
        filled = [index for index, step in enumerate(self.steps[:-1]) if step.is_filled(self.record)]
        return min(filled[-1] + 1, len(self.steps) - 2) if filled else 0

    def compose(self) -> ComposeResult:
        yield Static("", id="record-progress")
        yield Container(id="step-host")
        with Horizontal(id="record-nav"):
            yield Button("\u2190 Back", id="back", compact=True)
            yield Button("Save & close", id="close", compact=True)
            yield Button("Next \u2192", id="next", variant="primary", compact=True)
        yield Footer()

    async def on_mount(self) -> None:
        self._milestones_before = self._milestone_keys()
        await self._show(self.index)

    # --- moving between steps -----------------------------------------------------

    async def _show(self, index: int) -> None:
        self.index = index
        host = self.query_one("#step-host")
        await host.remove_children()
        step_class = self.steps[index]
        if step_class is SummaryStep:
            self._complete()
        step = step_class(self)
        self.current = step
        await host.mount(step)
        self._update_chrome()
        if self._early_keys.done:
            step.focus_first()
        else:
            # Keys typed right after `n` on home come to this screen while no field has the focus,
            # and wait in its queue behind this mount. The first field takes the focus once they
            # are all in (`on_key` kept them), and gets them before any key that follows.
            self.call_after_refresh(self._focus_with_early_keys, step)

    def _focus_with_early_keys(self, step: Step) -> None:
        step.focus_first()
        self._early_keys.replay(self)

    def keep_focus_move(self, direction: int) -> bool:
        """A Tab typed before the first field is there waits for it (see `EarlyKeys`)."""
        return self._early_keys.keep_focus_move(self, direction)

    def on_key(self, event: events.Key) -> None:
        if self._early_keys.take(event, self.focused):
            event.stop()
            event.prevent_default()

    def _update_chrome(self) -> None:
        count = len(self.steps)
        dots = "".join("\u25cf" if i <= self.index else "\u25cb" for i in range(count))
        title = self.steps[self.index].TITLE
        self.query_one("#record-progress", Static).update(Text(f"Thought record  {dots}  {self.index + 1}/{count}  {title}"))
        self.query_one("#back", Button).disabled = self.index == 0
        last = self.index == count - 1
        self.query_one("#next", Button).label = "Done" if last else "Next \u2192"
        self.query_one("#close", Button).display = not last

    async def action_next(self) -> None:
        await self._move(+1)

    async def action_back(self) -> None:
        await self._move(-1)

    async def _move(self, step: int) -> None:
        if self._moving:
            return
        self._moving = True
        try:
            leaving = self.steps[self.index]
            await keys_handled(self.focused)
            if not self.save_draft():
                return
            if step > 0 and self.index == len(self.steps) - 1:
                self.dismiss()
                return
            target = self.index + step
            if 0 <= target < len(self.steps) and self.steps[target] is SummaryStep and not self._can_finish():
                await self._ask_for_what_is_missing()
                return
            if 0 <= target < len(self.steps):
                await self._show(target)
            if leaving is ThoughtStep or leaving is SituationStep:
                self.check_safety()
        finally:
            self._moving = False

    def _can_finish(self) -> bool:
        """A record is finished only with its thought in it (or, for homework without that step, something)."""
        if ThoughtStep in self.steps:
            return bool(self.record.automatic_thought.strip())
        return has_content(self.record)

    async def _ask_for_what_is_missing(self) -> None:
        """Say gently what a record needs before it is finished, and go where it is written."""
        if ThoughtStep in self.steps:
            self.app.notify(NEEDS_A_THOUGHT, title="Almost there", timeout=8)
            await self._show(self.steps.index(ThoughtStep))
        else:
            self.app.notify(NEEDS_SOMETHING, title="Nothing written yet", timeout=8)

    def action_save_close(self) -> None:
        if not self.save_draft():
            return
        if self._saved and not self.record.is_complete:
            self.app.notify("Saved as a draft. You can continue it from home.", timeout=3)
        self.dismiss()

    @on(Button.Pressed, "#next")
    async def _next_pressed(self) -> None:
        await self.action_next()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.action_save_close()

    # --- saving -------------------------------------------------------------------

    @on(TextArea.Changed)
    @on(Input.Changed)
    @on(Select.Changed)
    @on(Rating.Changed)
    @on(SelectionList.SelectedChanged)
    @on(OptionList.OptionSelected)
    def _something_changed(self) -> None:
        """Every edit on a step restarts the save countdown: saved about a second after the last one."""
        now = time.monotonic()
        if self._changed_since is None:
            self._changed_since = now
        wait = min(SAVE_PAUSE, self._changed_since + SAVE_AT_LEAST_EVERY - now)
        if self._save_timer is not None:
            self._save_timer.stop()
        # A timer of no time at all divides by zero inside Textual: a hundredth of a second is "now".
        self._save_timer = self.set_timer(max(0.01, wait), self.autosave)

    def save_draft(self) -> bool:
        """Write what is on screen into the record and save it (also called on quit and on a crash).

        Returns False when something on screen cannot be kept as it is (say, a field longer
        than the journal accepts): everything else is still saved, and the person is told.
        """
        journal = self.app.journal
        self.cannot_keep = None
        self._changed_since = None
        if self.current is not None and self.current.is_attached:
            # The box that is too long says so itself and gets the focus; a toast would cover it.
            self.cannot_keep = self.current.too_long()
            try:
                self.current.store(self.record)
            except ValidationError:
                self.cannot_keep = self.cannot_keep or SOMETHING_TOO_LONG
        if journal is not None and (self._saved or has_content(self.record)):
            self.record = journal.save(self.record)
            self._saved = True
        return self.cannot_keep is None

    def autosave(self) -> None:
        """Save the draft if anything on the current step changed since the last save."""
        if self._moving or self.current is None or not self.current.is_attached:
            return
        before = self.record.model_dump(exclude={"updated_at"})
        try:
            self.current.store(self.record)
        except ValidationError:
            return  # said when the person moves on; a timer should not nag
        if self.record.model_dump(exclude={"updated_at"}) != before:
            self.save_draft()
        self._changed_since = None

    def _complete(self) -> None:
        """Reaching the summary finishes the record; the chosen reframe counts as helpful."""
        self.record.status = RecordStatus.complete
        self.save_draft()
        self._celebrate()
        journal = self.app.journal
        chosen = self.record.reframe_chosen
        if journal is not None and chosen:
            settings = journal.settings()
            if chosen not in settings.helpful_reframes:
                journal.save_settings(settings.model_copy(update={"helpful_reframes": [*settings.helpful_reframes, chosen]}))

    def _milestone_keys(self) -> set[str]:
        return {milestone.key for milestone in self._milestones()}

    def _milestones(self) -> list:
        journal = self.app.journal
        try:
            from thoughtwork.progress import milestones
        except ImportError:
            return []
        return milestones(journal.records()) if journal is not None else []

    def _celebrate(self) -> None:
        """Note the milestones this record reached (the first record, a week of practice...) for the summary."""
        self.new_milestones = [m for m in self._milestones() if m.key not in self._milestones_before]
        self._milestones_before.update(m.key for m in self.new_milestones)

    # --- analysis, reframes and safety ---------------------------------------------

    def apply_analysis(self, thought: str, analysis: Analysis) -> None:
        """Merge fresh suggestions into the record, keeping the person's own decisions."""
        self.record.distortions = merge_analysis(self.record.distortions, analysis.distortions)
        self.record.themes = list(analysis.themes)
        self.analysed_text = thought
        if analysis.mentions_self_harm:
            self.check_safety(force=True)

    def ranked(self) -> list[RankedReframe]:
        """Three reframes for the thought as it stands, ranked once per change of traps and themes."""
        record = self.record
        kept = record.accepted_distortions()
        key = (tuple(d.id.value for d in kept), tuple(t.value for t in record.themes), record.automatic_thought)
        if key != self._ranked_key:
            self._ranked_key = key
            self._ranked = self._rank(Analysis(text=record.automatic_thought, distortions=kept, themes=record.themes))
        return self._ranked

    def _rank(self, analysis: Analysis) -> list[RankedReframe]:
        try:
            from thoughtwork.content.ranking import rank_reframes
        except ImportError:
            return []
        reframes = self.app.reframes()
        if not reframes:
            return []
        journal = self.app.journal
        helpful = journal.settings().helpful_reframes if journal is not None else []
        return list(rank_reframes(analysis, reframes, helpful=helpful, k=3))

    def check_safety(self, *, force: bool = False) -> None:
        """Gently offer crisis resources once per wording; the record stays open underneath."""
        text = f"{self.record.situation}\n{self.record.automatic_thought}"
        if not text.strip() or text in self._crisis_shown_for:
            return
        self.safety_concern = False
        if force or _mentions_self_harm(text):
            self._crisis_shown_for.add(text)
            self.safety_concern = True
            self.app.action_crisis()


def _mentions_self_harm(text: str) -> bool:
    try:
        from thoughtwork.safety import mentions_self_harm
    except ImportError:
        return False
    return mentions_self_harm(text)
