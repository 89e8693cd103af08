"""The columns of a research export: the allowlist and its codebook.

Nothing leaves the participant's machine unless it is a column here. Each column says its
type, its range or levels, and what it means, and knows how to compute itself from a
record. Times are whole days since the participant's first record, never dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from thoughtwork.models import Context, DistortionId, RecordStatus, Theme, ThoughtRecord

_ID_LIKE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.-")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """integer, number, boolean, category, list (of levels, ';' in CSV), text or string."""
    meaning: str
    range: str = ""
    levels: tuple[str, ...] = ()
    get: Callable[[ThoughtRecord], Any] | None = None

    def problem(self, value: Any) -> str | None:
        """Why `value` cannot be in this column (None when it can); used to validate exports on merge."""
        if value is None:
            return None if self.name not in ("participant", "record", "day") else "is missing"
        if self.type in ("integer", "number"):
            allowed = (int, float) if self.type == "number" else (int,)
            if isinstance(value, bool) or not isinstance(value, allowed):
                return f"should be a {self.type}"
            low, high = _bounds(self.range)
            if (low is not None and value < low) or (high is not None and value > high):
                return f"is outside {self.range}"
            return None
        if self.type == "boolean":
            return None if isinstance(value, bool) else "should be true or false"
        if self.type == "category":
            return None if value in self.levels else "is not one of the codebook's levels"
        if self.type == "list":
            ok = isinstance(value, list) and all(v in self.levels for v in value)
            return None if ok else "should be a list of the codebook's levels"
        return None if isinstance(value, str) else "should be text"

    def describe(self) -> dict[str, str]:
        return {
            "name": self.name,
            "type": self.type,
            "range": self.range,
            "levels": ";".join(self.levels),
            "meaning": self.meaning,
        }


def _bounds(text: str) -> tuple[int | None, int | None]:
    """'0-100' -> (0, 100); '-100-100' -> (-100, 100); '1-' -> (1, None)."""
    if not text:
        return None, None
    negative = text.startswith("-")
    low, _, high = text.lstrip("-").partition("-")
    return (-int(low) if negative else int(low)), (int(high) if high else None)


def _change(after: int | None, before: int | None) -> int | None:
    return None if after is None or before is None else after - before


def _shipped_id(value: str | None) -> str | None:
    # A shipped reframe or prompt id is not personal; anything else could be the person's words.
    if value is None:
        return None
    return value if value and set(value) <= _ID_LIKE and len(value) <= 64 else "custom"


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _rating(name: str, meaning: str) -> Column:
    return Column(name, "integer", meaning, range="0-100", get=lambda r: getattr(r, name))


FIXED_COLUMNS: tuple[Column, ...] = (
    Column("participant", "string", "The participant's random study pseudonym (not derived from anything personal)."),
    Column("record", "integer", "The record's number for this participant, oldest first.", range="1-"),
    Column("day", "integer", "Whole days since this participant's first record (0 = that day).", range="0-"),
)

_COLUMNS: tuple[Column, ...] = (
    Column("status", "category", "Whether the record was finished or left as a draft.",
           levels=tuple(s.value for s in RecordStatus), get=lambda r: r.status.value),
    Column("context", "category", "Where the situation happened.",
           levels=tuple(c.value for c in Context), get=lambda r: r.context.value),
    _rating("anxiety_before", "Anxiety rated before working through the thought."),
    _rating("belief_before", "How much the automatic thought was believed at first."),
    _rating("body_tension", "Body tension rated with the situation."),
    _rating("belief_balanced", "How much the balanced thought was believed."),
    _rating("belief_after", "How much the automatic thought was believed at the end."),
    _rating("anxiety_after", "Anxiety rated at the end."),
    Column("belief_change", "integer", "belief_after minus belief_before (negative = the thought loosened).",
           range="-100-100", get=lambda r: _change(r.belief_after, r.belief_before)),
    Column("anxiety_change", "integer", "anxiety_after minus anxiety_before (negative = calmer).",
           range="-100-100", get=lambda r: _change(r.anxiety_after, r.anxiety_before)),
    Column("emotion_count", "integer", "How many emotions were named.", range="0-50", get=lambda r: len(r.emotions)),
    Column("emotion_intensity_mean", "number", "Mean intensity of the emotions that were rated (empty if none was).", range="0-100",
           get=lambda r: _mean([e.intensity for e in r.emotions if e.intensity is not None])),
    Column("distortions", "list", "Thinking traps the participant kept (accepted, added, or suggested and not rejected).",
           levels=tuple(d.value for d in DistortionId), get=lambda r: sorted({d.id.value for d in r.accepted_distortions()})),
    Column("distortion_count", "integer", "How many thinking traps were kept.", range="0-13",
           get=lambda r: len({d.id for d in r.accepted_distortions()})),
    Column("themes", "list", "What the thought was about.", levels=tuple(t.value for t in Theme),
           get=lambda r: sorted({t.value for t in r.themes})),
    Column("evidence_for_count", "integer", "How many pieces of evidence for the thought were written.", range="0-",
           get=lambda r: len(r.evidence_for)),
    Column("evidence_against_count", "integer", "How many pieces of evidence against the thought were written.",
           range="0-", get=lambda r: len(r.evidence_against)),
    Column("reframe_chosen", "string", "Id of the shipped reframe chosen, 'custom' for the participant's own, empty for none.",
           get=lambda r: _shipped_id(r.reframe_chosen)),
    Column("prompt_id", "string", "Id of the homework prompt the record answered, if any.", get=lambda r: _shipped_id(r.prompt_id)),
    Column("from_assignment", "boolean", "Whether the record was made for a therapist's homework assignment.",
           get=lambda r: r.assignment_id is not None),
    # Free text: scrubbed of identifiers before it is written, and left out with --no-free-text.
    Column("situation", "text", "The situation, identifiers replaced by [NAME], [PLACE]...", get=lambda r: r.situation),
    Column("emotions", "text", "Emotions named and their intensity (name:intensity, or just name when not rated; ...), scrubbed.",
           get=lambda r: "; ".join(e.name if e.intensity is None else f"{e.name}:{e.intensity}" for e in r.emotions)),
    Column("automatic_thought", "text", "The automatic thought, scrubbed.", get=lambda r: r.automatic_thought),
    Column("evidence_for", "text", "Evidence for the thought, items joined by ' | ', scrubbed.",
           get=lambda r: " | ".join(r.evidence_for)),
    Column("evidence_against", "text", "Evidence against the thought, items joined by ' | ', scrubbed.",
           get=lambda r: " | ".join(r.evidence_against)),
    Column("balanced_thought", "text", "The balanced thought, scrubbed.", get=lambda r: r.balanced_thought),
)

COLUMNS: dict[str, Column] = {c.name: c for c in FIXED_COLUMNS + _COLUMNS}
OPTIONAL_COLUMNS: tuple[str, ...] = tuple(c.name for c in _COLUMNS)
FREE_TEXT: frozenset[str] = frozenset(c.name for c in _COLUMNS if c.type == "text")
CODEBOOK_FIELDS = ("name", "type", "range", "levels", "meaning")
