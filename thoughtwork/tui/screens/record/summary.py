"""The last step: what changed, and a word of encouragement for the effort."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from thoughtwork.models import DISTORTION_NAMES, ThoughtRecord
from thoughtwork.safety import plan
from thoughtwork.text import shown
from thoughtwork.tui.screens.record.emotions import feelings_change, feelings_text
from thoughtwork.tui.screens.record.kept import kept_as_it_was
from thoughtwork.tui.screens.record.step import Step, focus_now

CALMING_THRESHOLD = 60
"""Anxiety still this high after the record: suggest the breathing exercise."""


def change_line(label: str, before: int | None, after: int | None) -> str | None:
    """'Belief in the first thought: 80 → 40 (down 40)'; 'Anxiety now: 25' when only the later
    rating was given; None when it was not."""
    if after is None:
        return None
    if before is None:
        return f"{label} now: {after}"
    delta = after - before
    how = f"down {-delta}" if delta < 0 else (f"up {delta}" if delta > 0 else "the same")
    return f"{label}: {before} \u2192 {after} ({how})"


def encouragement(record: ThoughtRecord, *, balanced: bool = False) -> str:
    """A kind word about what actually changed (or did not); the effort counts either way."""
    before, after = record.belief_before, record.belief_after
    anxious_before, anxious_after = record.anxiety_before, record.anxiety_after
    belief_known = before is not None and after is not None
    anxiety_known = anxious_before is not None and anxious_after is not None
    if balanced:
        return (
            "You started from a balanced, kind view and noticed what helped. That is a skill in its "
            "own right; it may help to read this again on a harder day."
        )
    if belief_known and before > 0 and after <= before / 2:
        return "Your belief in the first thought dropped by half or more. That is real progress; take a moment to notice it."
    if belief_known and after < before:
        return "The thought has loosened its grip a little. Small shifts add up, one step at a time."
    if belief_known and after > before:
        return (
            f"Your belief in the first thought went up, from {before} to {after}. That happens: looking "
            "closely can stir a thought up before it settles, especially one that touches something that "
            "matters. It may be worth coming back to it another day, or with someone you trust."
        )
    if anxiety_known and anxious_after < anxious_before:
        return "Your anxiety eased a little while you worked through this. Well done for staying with it."
    if anxiety_known and anxious_after > anxious_before:
        return (
            "Your anxiety is higher than when you started. Thinking about a hard thought can do that; "
            "be gentle with yourself now, and a few slow breaths may help."
        )
    if belief_known:
        return (
            "Your belief in the thought stayed where it was. Writing it down and looking at it is still "
            "the practice, and a balanced thought can take time to feel true. There is no rush."
        )
    return "Thank you for taking the time. Writing a thought down and looking at it is the practice. There is no rush."


class SummaryStep(Step):
    TITLE = "What changed"

    def compose(self) -> ComposeResult:
        if self.flow.safety_concern:
            # No ratings and no cheer for a thought of self-harm: care, and where help is.
            yield Static(Text(plan.SUMMARY), id="summary")
            return
        balanced = self.flow.balanced()
        yield Static(summary_text(self.record, self.flow.new_milestones, balanced=balanced), id="summary")

    def focus_first(self) -> None:
        focus_now(self.flow.query_one("#next"))


def summary_text(record: ThoughtRecord, milestones: Sequence = (), *, balanced: bool = False) -> Text:
    """The summary: the change in ratings, the balanced thought, encouragement, and new milestones."""
    text = Text()
    one = kept_as_it_was(record)
    # Kept as it was, the first thought is the balanced one: one belief, said once, named for what it is.
    belief = "Belief in this balanced thought" if one else "Belief in the first thought"
    changes = [
        line
        for line in (
            change_line(belief, record.belief_before, record.belief_after),
            change_line("Anxiety", record.anxiety_before, record.anxiety_after),
            change_line("Body tension", record.body_tension, record.body_tension_after),
        )
        if line
    ]
    # "Here is what changed" only when a change follows: homework may skip the ratings again.
    opening = " Here is what changed." if changes else ""
    first = "You wrote down a balanced thought." if balanced else "You worked through a difficult thought."
    text.append(f"{first}{opening}\n", style="bold")
    details = _details(record, changes, one_thought=one)
    if details:
        text.append("\n")
        text.append_text(details)
    text.append("\n" + encouragement(record, balanced=balanced))
    for milestone in milestones:
        text.append(f"\n\n\u273f {milestone.title}", style="bold")
        text.append(f"\n{milestone.message}")
    if record.anxiety_after is not None and record.anxiety_after >= CALMING_THRESHOLD:
        text.append("\n\nIf your body still feels tense, a few minutes of slow belly breathing may help: ")
        text.append("open Breathe from home or the command palette (ctrl+p).", style="italic")
    return text


def _details(record: ThoughtRecord, changes: list[str], *, one_thought: bool = False) -> Text:
    """The ratings that changed, the feelings, the traps and the balanced thought, whichever there are."""
    text = Text()
    for line in changes:
        text.append(line + "\n", style="bold")
    if record.emotions:
        text.append("Feelings at the time: ")
        text.append_text(feelings_text(record.emotions))
        text.append("\n")
    if record.body_tension is not None and record.body_tension_after is None:
        text.append(f"Body tension at the time: {record.body_tension}\n")
    again = feelings_change(record.emotions)
    if again is not None:
        text.append("Feelings now: ")
        text.append_text(again)
        text.append("\n")
    if record.belief_balanced is not None and not one_thought:
        text.append(f"Belief in the balanced thought: {record.belief_balanced}\n")
    kept = record.accepted_distortions()
    if kept:
        text.append("Traps you spotted: " + ", ".join(DISTORTION_NAMES[d.id.value] for d in kept) + "\n")
    if record.balanced_thought:
        text.append("\nYour balanced thought:\n", style="bold")
        text.append(f"\u201c{shown(record.balanced_thought)}\u201d\n", style="italic")
    return text
