"""Step 8: belief in the balanced thought, belief in the original, anxiety, each feeling and body tension, again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label

from thoughtwork.models import RecordStep, ThoughtRecord
from thoughtwork.text import shorten
from thoughtwork.tui.screens.record.emotions import FeelingRating, rated_elsewhere
from thoughtwork.tui.screens.record.kept import kept_as_it_was
from thoughtwork.tui.screens.record.step import Step, literal
from thoughtwork.tui.widgets.rating import Rating


def _before(value: int | None) -> str:
    return f" (before: {value})" if value is not None else ""


class RerateStep(Step):
    TITLE = "How it feels now"
    RECORD_STEP = RecordStep.rerate

    def compose(self) -> ComposeResult:
        record = self.record
        if not self.one_thought():
            yield literal(f"\u201c{shorten(record.balanced_thought, 150)}\u201d", style="italic").add_class("quote")
            yield Label("How much do you believe the balanced thought? (0-100)")
            yield Rating(record.belief_balanced, id="belief-balanced")
        yield literal(f"\u201c{shorten(record.automatic_thought, 150)}\u201d", style="italic").add_class("quote")
        kept = self.one_thought() and bool(record.balanced_thought.strip())
        asked = "How much do you believe it now?" if kept else "How much do you believe the original thought now?"
        yield Label(asked + _before(record.belief_before))
        yield Rating(record.belief_after, id="belief-after")
        yield Label("How anxious do you feel now?" + _before(record.anxiety_before))
        yield Rating(record.anxiety_after, id="anxiety-after")
        # A feeling that anxiety or body tension covers ("anxious") is rated again with them, not twice.
        own = [emotion for emotion in record.emotions if not rated_elsewhere(emotion.name)]
        if own:
            yield Label("And each feeling now?")
            for emotion in own:
                yield FeelingRating(emotion.name, emotion.intensity_after, before=emotion.intensity, again=True)
        yield Label("How tense does your body feel now?" + _before(record.body_tension))
        yield Rating(record.body_tension_after, id="tension-after")

    def one_thought(self) -> bool:
        """Whether there is one thought to rate: no balanced thought, or the same words as the
        first (a thought that already sounded balanced is kept as it was, and was shown twice)."""
        record = self.record
        return not record.balanced_thought.strip() or kept_as_it_was(record)

    def store(self, record: ThoughtRecord) -> None:
        record.belief_after = self.query_one("#belief-after", Rating).value
        balanced = self.query("#belief-balanced")
        if balanced:
            record.belief_balanced = balanced.first(Rating).value
        elif record.balanced_thought.strip():
            record.belief_balanced = record.belief_after  # one thought, so one belief in it
        record.anxiety_after = self.query_one("#anxiety-after", Rating).value
        record.body_tension_after = self.query_one("#tension-after", Rating).value
        now = {row.feeling: row.query_one(Rating).value for row in self.query(FeelingRating)}
        record.emotions = [
            emotion.model_copy(update={"intensity_after": now[emotion.name]}) if emotion.name in now else emotion
            for emotion in record.emotions
        ]

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return record.belief_after is not None or record.anxiety_after is not None or record.body_tension_after is not None
