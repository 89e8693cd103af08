"""Predicted against actual: what each practice was expected to feel like, and what it was.

The gap is the lesson of a behavioural experiment ("you expected 80, it was 30"), so it is
said plainly, and a practice that was harder than expected is said kindly, never as failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

from thoughtwork.models import PracticeEntry

MEASURES = ("pain", "anxiety")


@dataclass(frozen=True)
class Gap:
    """One measure of one practice with both its prediction and its outcome."""

    practice: PracticeEntry
    measure: str
    """'pain' or 'anxiety'."""
    predicted: int
    actual: int

    @property
    def difference(self) -> int:
        """actual minus predicted: negative means it was easier than expected."""
        return self.actual - self.predicted

    @property
    def lesson(self) -> str:
        return lesson(self.measure, self.predicted, self.actual)


def lesson(measure: str, predicted: int, actual: int) -> str:
    """'Anxiety: you expected 80, it was 30.'"""
    head = measure.capitalize()
    if actual < predicted:
        return f"{head}: you expected {predicted}, it was {actual}."
    if actual == predicted:
        return f"{head}: it was as you expected, {actual}."
    return f"{head}: it was harder than you expected ({predicted} expected, {actual} felt). That is worth knowing too; go gently."


def gaps(practices: list[PracticeEntry], measure: str | None = None) -> list[Gap]:
    """Every prediction that has its outcome, oldest first."""
    found = []
    for practice in sorted(practices, key=lambda p: p.practised_at):
        for name in MEASURES if measure is None else (measure,):
            predicted = getattr(practice, f"predicted_{name}")
            actual = getattr(practice, f"actual_{name}")
            if predicted is not None and actual is not None:
                found.append(Gap(practice, name, predicted, actual))
    return found


@dataclass(frozen=True)
class GapSummary:
    """How predictions of one measure compared with outcomes, over many practices."""

    measure: str
    pairs: int
    predicted_mean: float | None
    actual_mean: float | None
    easier: int
    """Practices that were easier than predicted."""

    def sentence(self) -> str:
        if not self.pairs:
            return f"{self.measure.capitalize()}: no practice has both a prediction and how it felt yet."
        times = "time" if self.pairs == 1 else "times"
        return (f"{self.measure.capitalize()}: on average you expected {self.predicted_mean:g} and it was "
                f"{self.actual_mean:g}; easier than expected {self.easier} of {self.pairs} {times}.")


def summary(practices: list[PracticeEntry], measure: str) -> GapSummary:
    found = gaps(practices, measure)
    if not found:
        return GapSummary(measure, 0, None, None, 0)
    return GapSummary(
        measure,
        len(found),
        round(mean(g.predicted for g in found), 1),
        round(mean(g.actual for g in found), 1),
        sum(1 for g in found if g.difference < 0),
    )
