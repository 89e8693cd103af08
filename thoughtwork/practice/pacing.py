"""Where a guided exercise is at a moment: which cue, how far into it, and how the guide looks.

Pure, so the exercise screen only draws and this can be tested without a terminal. The
person's speed stretches or shortens every cue alike (1.5 means each takes half as long again).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from thoughtwork.models import Exercise

MIN_SPEED = 0.5
MAX_SPEED = 2.0
SPEED_STEP = 0.25


@dataclass(frozen=True)
class CueState:
    index: int
    """Which cue, from 0; equal to the number of cues once the exercise is over."""
    progress: float
    """How far into the cue, 0 to 1."""
    seconds_left: int
    finished: bool

    def fullness(self, kind: str) -> float:
        """The guide bar: tensing fills it, releasing empties it, the rest hold it half full, breathing."""
        eased = (1 - math.cos(math.pi * self.progress)) / 2
        if kind == "tense":
            return eased
        if kind == "release":
            return 1 - eased
        if kind == "breathe":
            return 0.5 + 0.5 * math.sin(math.pi * self.progress)
        return 0.5


def clamp_speed(stretch: float) -> float:
    return min(MAX_SPEED, max(MIN_SPEED, round(stretch * 4) / 4))


def cue_at(exercise: Exercise, elapsed: float, stretch: float = 1.0) -> CueState:
    """The cue `elapsed` seconds after the start, each cue lasting its seconds times `stretch`."""
    start = 0.0
    for index, cue in enumerate(exercise.cues):
        length = cue.seconds * stretch
        if elapsed < start + length:
            within = elapsed - start
            return CueState(index, within / length, max(1, math.ceil(length - within)), False)
        start += length
    return CueState(len(exercise.cues), 1.0, 0, True)


def start_of(exercise: Exercise, index: int, stretch: float = 1.0) -> float:
    """Seconds from the start to the beginning of cue `index` (clamped to the exercise)."""
    index = max(0, min(index, len(exercise.cues)))
    return sum(c.seconds * stretch for c in exercise.cues[:index])
