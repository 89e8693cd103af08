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
from thoughtwork.content.adoption import kept_mostly
from thoughtwork.text import shown
from thoughtwork.tui.early_keys import EarlyKeys, keys_handled
from thoughtwork.tui.screens.record.belief import BeliefStep
from thoughtwork.tui.screens.record.emotions import EmotionsStep
from thoughtwork.tui.screens.record.evidence import EvidenceStep
from thoughtwork.tui.screens.record.homework_prompt import HomeworkPromptStep
from thoughtwork.tui.screens.record.reframe import ReframeStep
from thoughtwork.tui.screens.record.rerate import RerateStep
from thoughtwork.tui.screens.record.safety import SafetyStep
from thoughtwork.tui.screens.record.situation import SituationStep
from thoughtwork.tui.screens.record.step import Step, focus_now
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


SAFETY_REPLACES = (BeliefStep, TrapsStep, EvidenceStep, ReframeStep, RerateStep)
"""The steps that weigh, dispute or re-rate a thought: a thought of self-harm gets the safety step instead."""


def steps_for(prompt: Prompt | None, *, safety: bool = False) -> list[type[Step]]:
    """The steps of a record: all of them, or the ones a homework prompt asks for (in order);
    with a safety concern the disputing steps give way to the safety step."""
    if prompt is None:
        steps = list(ALL_STEPS)
    else:
        wanted = set(prompt.steps)
        steps = [HomeworkPromptStep, *(step for step in ALL_STEPS if step.RECORD_STEP in wanted)]
    if safety:
        steps = [step for step in steps if step not in SAFETY_REPLACES] + [SafetyStep]
    return [*steps, SummaryStep]


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
        self.safety_concern = bool(_concerning(own_words(record)))
        """Whether the words on this record raised a safety concern (the record then has a safety step)."""
        self.steps = steps_for(prompt, safety=self.safety_concern)
        self.index = self._resume_index() if resume else 0
        self.current: Step | None = None
        # A record that was analysed before keeps its decisions; re-analyse only if the thought changes.
        self.analysed_text: str | None = record.automatic_thought if (record.distortions or record.themes) else None
        self._ranked: list[RankedReframe] = []
        self._ranked_key: tuple | None = None
        self._balanced_key: tuple | None = None
        self._balanced = False
        self._crisis_shown_for: set[str] = set()
        self._saved = resume
        self._moving = False
        self._save_timer: Timer | None = None
        self._changed_since: float | None = None
        """When the first change not yet saved was made (monotonic seconds), or None."""
        self._milestones_before: set[str] = set()
        self._record_name = "Thought record"
        self._last_box: TextArea | Input | None = None
        """The text box that last had the focus on this step (see `_type_into_box`)."""
        self.new_milestones: list = []
        """Milestones reached by finishing this record, celebrated on the summary."""
        self.cannot_keep: str | None = None
        """What the last save could not keep, in plain words (a box too long), or None."""

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
        self._record_name = self._practice_named()
        await self._show(self.index)

    def _practice_named(self) -> str:
        """'Record from “Dilator size 1”' for a record started from a practice, else 'Thought record'
        (short: the line also holds the steps at 80 columns; the record page gives its date)."""
        journal = self.app.journal
        if not self.record.practice_id or journal is None:
            return "Thought record"
        from thoughtwork.practice.linking import practice_title

        return f"Record from {practice_title(journal.get_practice(self.record.practice_id))}"

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

    async def settle_focus_move(self, direction: int) -> bool:
        """The step's chance to bring in what was just asked for before Tab moves on (see the app's
        `action_move_focus`); True if it moved the focus itself."""
        settle = getattr(self.current, "settle_focus_move", None)
        return bool(settle is not None and self.current.is_attached and await settle(direction))

    def on_key(self, event: events.Key) -> None:
        if self._early_keys.take(event, self.focused) or self._type_into_box(event):
            event.stop()
            event.prevent_default()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, (TextArea, Input)):
            self._last_box = event.widget

    def _type_into_box(self, event: events.Key) -> bool:
        """A letter or space typed on the Back / Save / Next buttons goes to the box last written
        in (else the step's first), where the person meant it: it was silently lost (Enter, not
        space, presses a button)."""
        if not isinstance(self.focused, Button) or not event.is_printable or event.character is None:
            return False
        box = self._last_box if self._last_box is not None and self._last_box.is_attached else None
        if box is None and self.current is not None:
            box = next(iter(self.current.query("TextArea, Input")), None)
        if box is None:
            return False
        focus_now(box)
        if isinstance(box, TextArea):
            box._replace_via_keyboard(event.character, *box.selection)  # as a key typed there: a full box refuses it
        else:
            box.insert_text_at_cursor(event.character)
        return True

    def _update_chrome(self) -> None:
        count = len(self.steps)
        dots = "".join("\u25cf" if i <= self.index else "\u25cb" for i in range(count))
        title = self.steps[self.index].TITLE
        # On every step, cut to the line: which practice the record came from was shown nowhere.
        line = Text(shown(self._record_name, single_line=True), no_wrap=True, overflow="ellipsis")
        line.append(f"  {dots}  {self.index + 1}/{count}  {title}")
        self.query_one("#record-progress", Static).update(line)
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
            offer_help = False
            # Before the next step is chosen: words of self-harm in any box lead to the safety step.
            offer_help = self.assess_safety()
            target = self.index + step
            if 0 <= target < len(self.steps) and self.steps[target] is SummaryStep and not self._can_finish():
                await self._ask_for_what_is_missing()
                return
            if 0 <= target < len(self.steps):
                await self._show(target)
            if offer_help:
                # After the step is in place: a step mounted under the crisis window is never styled.
                self.app.action_crisis()
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
        """Reaching the summary finishes the record; the chosen reframe counts as helpful when
        the person kept it mostly as offered (rewritten fully, the words that helped are theirs)."""
        self.record.status = RecordStatus.complete
        self.save_draft()
        self._celebrate()
        journal = self.app.journal
        chosen = self.record.reframe_chosen
        pool = [ranked.reframe for ranked in self._ranked] + list(self.app.reframes())
        offered = next((r for r in pool if r.id == chosen), None) if chosen else None
        if journal is not None and offered is not None and kept_mostly(offered.text, self.record.balanced_thought):
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

    def analysis(self) -> Analysis:
        """The thought as the person left it: the traps they kept and its themes."""
        record = self.record
        return Analysis(
            text=record.automatic_thought,
            distortions=record.accepted_distortions(),
            themes=record.themes,
            mentions_self_harm=self.safety_concern,
        )

    def balanced(self) -> bool:
        """Whether the thought already sounds balanced (then it is affirmed, not disputed)."""
        key = (self.record.automatic_thought, tuple(d.id.value for d in self.record.accepted_distortions()))
        if key != self._balanced_key:
            from thoughtwork.tui.screens.record.kept import sounds_balanced

            self._balanced_key = key
            self._balanced = sounds_balanced(self.record, mentions_self_harm=self.safety_concern)
        return self._balanced

    def about(self):
        """Who and what the thought is about, with the situation and context of the record."""
        from thoughtwork.content.aboutness import about

        record = self.record
        return about(record.automatic_thought, record.context, record.situation)

    def ranked(self) -> list[RankedReframe]:
        """Three reframes for the thought as it stands, ranked once per change of what they depend on."""
        record = self.record
        kept = record.accepted_distortions()
        key = (tuple(d.id.value for d in kept), tuple(t.value for t in record.themes), record.automatic_thought,
               record.situation, record.context, self.safety_concern)
        if key != self._ranked_key:
            self._ranked_key = key
            self._ranked = self._rank(self.analysis())
        return self._ranked

    def _rank(self, analysis: Analysis) -> list[RankedReframe]:
        try:
            from thoughtwork.content.fit_model import shipped_fit_model
            from thoughtwork.content.ranking import faint_traps, rank_reframes
        except ImportError:
            return []
        reframes = self.app.reframes()
        if not reframes:
            return []
        journal = self.app.journal
        helpful = journal.settings().helpful_reframes if journal is not None else []
        record = self.record
        faint = faint_traps(record.automatic_thought, load=False) if record.automatic_thought.strip() else None
        return list(rank_reframes(analysis, reframes, context=record.context, situation=record.situation,
                                  balanced=self.balanced(), faint=faint, helpful=helpful, k=3,
                                  fit=shipped_fit_model()))

    def check_safety(self, *, force: bool = False) -> None:
        """Gently offer crisis resources once per wording; the record stays open underneath."""
        if self.assess_safety(force=force):
            self.app.action_crisis()

    def assess_safety(self, *, force: bool = False) -> bool:
        """Whether the words now raise a safety concern not yet answered (then the crisis window
        is to be offered); the steps follow the answer (the safety step, or the usual ones)."""
        found = _concerning(own_words(self.record))
        new = found - self._crisis_shown_for
        self.safety_concern = force or bool(found)
        self._crisis_shown_for |= found
        self._fit_steps()
        return force or bool(new)

    def _fit_steps(self) -> None:
        """The safety step in place of the disputing ones, or back, as the words now stand."""
        current = self.steps[self.index]
        steps = steps_for(self.prompt, safety=self.safety_concern)
        if steps != self.steps:
            self.steps = steps
            if current in steps:
                self.index = steps.index(current)
            elif SafetyStep in steps:
                # Leaving a disputing step (evidence, reframe) that gave way: the next is the safety step.
                self.index = steps.index(SafetyStep) - 1
            else:
                self.index = min(self.index, len(steps) - 1)
            self._update_chrome()


def own_words(record: ThoughtRecord) -> list[str]:
    """Every box of the record the person writes in, each on its own: words of self-harm may come
    in any of them (the evidence, the balanced thought, a feeling typed under 'other')."""
    pieces = [record.situation, record.automatic_thought, *record.evidence_for, *record.evidence_against,
              record.balanced_thought, *(emotion.name for emotion in record.emotions), *record.prompt_answers.values()]
    return [piece for piece in pieces if piece.strip()]


def _concerning(pieces: list[str]) -> set[str]:
    """The pieces that mention self-harm (the safety package is imported on first use)."""
    try:
        from thoughtwork.safety import concerning
    except ImportError:
        return set()
    return concerning(pieces)
