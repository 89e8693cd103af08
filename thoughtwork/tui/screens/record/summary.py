"""The last step: what changed, and a word of encouragement for the effort."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from thoughtwork.models import DISTORTION_NAMES, ThoughtRecord
from thoughtwork.text import clean
from thoughtwork.tui.screens.record.emotions import feelings_change, feelings_text
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


def encouragement(record: ThoughtRecord) -> str:
    """A kind word that fits what happened; the effort counts even when numbers do not move."""
    before, after = record.belief_before, record.belief_after
    if before is not None and after is not None and before > 0 and after <= before / 2:
        return "Your belief in the first thought dropped by half or more. That is real progress; take a moment to notice it."
    if before is not None and after is not None and after < before:
        return "The thought has loosened its grip a little. Small shifts add up, one step at a time."
    if record.anxiety_before is not None and record.anxiety_after is not None and record.anxiety_after < record.anxiety_before:
        return "Your anxiety eased a little while you worked through this. Well done for staying with it."
    return (
        "Thank you for taking the time. Some thoughts take many tries to soften, and writing them "
        "down is the practice. There is no rush."
    )


class SummaryStep(Step):
    TITLE = "What changed"

    def compose(self) -> ComposeResult:
        yield Static(summary_text(self.record, self.flow.new_milestones), id="summary")
        if self.flow.safety_concern:
            yield Static(
                Text(
                    "Some of what you wrote sounded very painful. If you do not feel safe, please reach "
                    "out now: Crisis support is in the command palette (ctrl+p).",
                    style="bold",
                ),
                classes="hint",
            )

    def focus_first(self) -> None:
        focus_now(self.flow.query_one("#next"))


def summary_text(record: ThoughtRecord, milestones: Sequence = ()) -> Text:
    """The summary: the change in ratings, the balanced thought, encouragement, and new milestones."""
    text = Text()
    changes = [
        line
        for line in (
            change_line("Belief in the first thought", record.belief_before, record.belief_after),
            change_line("Anxiety", record.anxiety_before, record.anxiety_after),
            change_line("Body tension", record.body_tension, record.body_tension_after),
        )
        if line
    ]
    # "Here is what changed" only when a change follows: homework may skip the ratings again.
    opening = " Here is what changed." if changes else ""
    text.append(f"You worked through a difficult thought.{opening}\n", style="bold")
    details = _details(record, changes)
    if details:
        text.append("\n")
        text.append_text(details)
    text.append("\n" + encouragement(record))
    for milestone in milestones:
        text.append(f"\n\n\u273f {milestone.title}", style="bold")
        text.append(f"\n{milestone.message}")
    if record.anxiety_after is not None and record.anxiety_after >= CALMING_THRESHOLD:
        text.append("\n\nIf your body still feels tense, a few minutes of slow belly breathing may help: ")
        text.append("open Breathe from home or the command palette (ctrl+p).", style="italic")
    return text


def _details(record: ThoughtRecord, changes: list[str]) -> Text:
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
    if record.belief_balanced is not None:
        text.append(f"Belief in the balanced thought: {record.belief_balanced}\n")
    kept = record.accepted_distortions()
    if kept:
        text.append("Traps you spotted: " + ", ".join(DISTORTION_NAMES[d.id.value] for d in kept) + "\n")
    if record.balanced_thought:
        text.append("\nYour balanced thought:\n", style="bold")
        text.append(f"\u201c{clean(record.balanced_thought)}\u201d\n", style="italic")
    return text
