"""Step 2: the feelings, how strong they were, and anxiety and body tension from 0 to 100."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label, SelectionList, Static

from thoughtwork.models import Emotion, RecordStep, ThoughtRecord
from thoughtwork.tui.screens.record.step import Step
from thoughtwork.tui.widgets.rating import Rating

COMMON_EMOTIONS = [
    "anxious",
    "scared",
    "ashamed",
    "embarrassed",
    "sad",
    "frustrated",
    "angry",
    "guilty",
    "lonely",
    "hopeless",
    "numb",
    "hopeful",
]
"""Feelings people often name around painful or feared penetration; any other can be typed."""


class EmotionsStep(Step):
    TITLE = "Feelings"
    RECORD_STEP = RecordStep.emotions

    def compose(self) -> ComposeResult:
        names = [e.name for e in self.record.emotions]
        others = [n for n in names if n not in COMMON_EMOTIONS]
        yield Static("What did you feel? Pick any that fit (space to tick).", classes="hint")
        yield SelectionList[str](*[(n, n, n in names) for n in COMMON_EMOTIONS], id="emotions")
        yield Input(", ".join(others), placeholder="Other feelings, separated by commas", id="other-emotions")
        strength = self.record.emotions[0].intensity if self.record.emotions else None
        yield Label("How strong were these feelings? (0-100)")
        yield Rating(strength, id="strength")
        yield Label("How anxious did you feel? (0-100, arrow keys or type a number)")
        yield Rating(self.record.anxiety_before, id="anxiety")
        yield Label("How tense did your body feel? (0-100, optional)")
        yield Rating(self.record.body_tension, id="tension")

    def store(self, record: ThoughtRecord) -> None:
        chosen = list(self.query_one("#emotions", SelectionList).selected)
        typed = self.query_one("#other-emotions", Input).value
        chosen += [name.strip()[:80] for name in typed.split(",") if name.strip()]
        strength = self.query_one("#strength", Rating).value
        emotions = [Emotion(name=name) if strength is None else Emotion(name=name, intensity=strength) for name in dict.fromkeys(chosen)]
        record.emotions = emotions
        record.anxiety_before = self.query_one("#anxiety", Rating).value
        record.body_tension = self.query_one("#tension", Rating).value

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.emotions) or record.anxiety_before is not None
