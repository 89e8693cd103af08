"""The columns of a research export: the allowlist and its codebook.

Nothing leaves the participant's machine unless it is a column here. Each column says its
type, its range or levels, and what it means, and knows how to compute itself from a
record. Times are whole days since the participant's first record, never dates.
"""

from __future__ import annotations

import math
import re
from itertools import chain
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from thoughtwork.homework.answers import numbered_answers
from thoughtwork.models import (
    CONTEXT_LABELS,
    DISTORTION_NAMES,
    MAX_TEXT,
    Context,
    DistortionId,
    Emotion,
    RecordStatus,
    Theme,
    ThoughtRecord,
)

PSEUDONYM = r"tw-[0-9a-f]{12}"
CONTENT_ID = r"[a-z0-9_.-]{1,64}"
ASSIGNMENT_CODE = r"a[0-9]{1,5}"
CUSTOM_CODE = re.compile(r"custom-[1-9][0-9]{0,5}")
"""What an export writes for an id that is not built in (see `CustomCodes`)."""
_BROKEN = re.compile("[\ud800-\udfff]").search
"""JSON can spell half a surrogate pair ("\\ud800"); Python reads it into a str that UTF-8 cannot hold."""
"""The shape of a reframe or prompt id that may go out: a built-in id, or a `custom-N` code."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """integer, number, boolean, category, list (of levels, ';' in CSV), text or string."""
    meaning: str
    range: str = ""
    levels: tuple[str, ...] = ()
    get: Callable[[ThoughtRecord], Any] | None = None
    pattern: str = ""
    """For a string column: the whole value must match this regular expression."""
    labels: tuple[str, ...] = ()
    """What each level means to a reader, in the order of `levels`."""
    missing: str = ""
    """What an empty cell (null in JSON and Parquet) means; empty here: the default for the type."""
    low: int | None = field(init=False, default=None)
    high: int | None = field(init=False, default=None)
    fits: Callable[[Any], bool] = field(init=False, repr=False, compare=False, default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        # Parsed once here: merge checks every value of every row against them.
        low, high = _bounds(self.range)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        if not self.missing:
            object.__setattr__(self, "missing", _MISSING.get(self.type, "empty: not given"))
        object.__setattr__(self, "fits", self._fast_check())

    def all_fit(self, values: list[Any]) -> bool:
        """Whether every value fits, as `all(map(self.fits, values))` but a column at a time:
        sets, min and max over the whole list run in C, which counts for a million records."""
        required = not self.nullable
        kinds = set(map(type, values))
        allowed = {"integer": {int}, "number": {int, float}, "boolean": {bool}, "category": {str},
                   "list": {list}}.get(self.type, {str})
        if not kinds <= (allowed if required else allowed | {type(None)}):
            return False
        present = [v for v in values if v is not None] if type(None) in kinds else values
        if not present:
            return True
        if self.type in ("integer", "number"):
            if float in kinds and not all(map(math.isfinite, present)):
                return False
            return (self.low is None or min(present) >= self.low) and (self.high is None or max(present) <= self.high)
        if self.type == "category":
            return set(present) <= set(self.levels)
        if self.type == "list":
            items = list(chain.from_iterable(present))
            return set(map(type, items)) <= {str} and set(items) <= set(self.levels)
        if self.type == "boolean":
            return True
        if self.pattern:
            return all(map(re.compile(self.pattern).fullmatch, present))
        return max(map(len, present)) <= MAX_FREE_TEXT and _BROKEN("".join(present)) is None

    def _fast_check(self) -> Callable[[Any], bool]:
        """A quick yes for the common valid value (merge checks millions); `problem` says why not."""
        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        required = not self.nullable
        if self.type == "integer":
            return lambda v: (v is None and not required) or (type(v) is int and low <= v <= high)
        if self.type == "category":
            levels = frozenset(self.levels)
            return lambda v: (v is None and not required) or (type(v) is str and v in levels)
        if self.type == "list":
            levels = frozenset(self.levels)
            return lambda v: (v is None and not required) or (
                type(v) is list and all(type(x) is str and x in levels for x in v))
        if self.type == "boolean":
            return lambda v: (v is None and not required) or type(v) is bool
        if self.type == "number":
            return lambda v: (v is None and not required) or (
                type(v) in (int, float) and math.isfinite(v) and low <= v <= high)
        if self.pattern:
            whole = re.compile(self.pattern).fullmatch
            return lambda v: (v is None and not required) or (type(v) is str and whole(v) is not None)
        if self.type in ("text", "string"):
            return lambda v: (v is None and not required) or (
                type(v) is str and len(v) <= MAX_FREE_TEXT and _BROKEN(v) is None)
        return lambda v: self.problem(v) is None

    def problem(self, value: Any) -> str | None:
        """Why `value` cannot be in this column (None when it can); used to validate exports on merge."""
        if value is None:
            return None if self.nullable else "is missing"
        if self.type in ("integer", "number"):
            allowed = (int, float) if self.type == "number" else (int,)
            if isinstance(value, bool) or not isinstance(value, allowed):
                return "should be a whole number" if self.type == "integer" else "should be a number"
            if isinstance(value, float) and not math.isfinite(value):
                return "should be a finite number"
            if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
                return f"is outside the range {self.range_words()}"
            return None
        if self.type == "boolean":
            return None if isinstance(value, bool) else "should be true or false"
        if self.type == "category":
            return None if isinstance(value, str) and value in self.levels else "is not one of the codebook's levels"
        if self.type == "list":
            ok = isinstance(value, list) and all(isinstance(v, str) and v in self.levels for v in value)
            return None if ok else "should be a list of the codebook's levels"
        if not isinstance(value, str):
            return "should be text"
        if len(value) > MAX_FREE_TEXT:
            return "is longer than any thoughtwork field"
        if _BROKEN(value):
            return "holds a broken character (half of a surrogate pair), which no file can store"
        if self.pattern and not re.fullmatch(self.pattern, value):
            return "is not in the form the codebook gives"
        return None

    @property
    def nullable(self) -> bool:
        """Whether a value may be missing: the codebook's missing code says so, and merge holds exports to it."""
        return self.missing != "never empty"

    def describe(self, table: str = "records") -> dict[str, Any]:
        """The codebook entry: min and max as numbers, the range in words (a cell such as
        '-100-100' would be read by a spreadsheet as a sum), levels with their labels, and what
        an empty cell means."""
        return {
            "table": table,
            "name": self.name,
            "type": self.type,
            "min": self.low,
            "max": self.high,
            "range": self.range_words(),
            "levels": ";".join(self.levels),
            "labels": ";".join(f"{level}={label}" for level, label in zip(self.levels, self.labels, strict=True)),
            "missing": self.missing,
            "meaning": self.meaning,
        }

    def range_words(self) -> str:
        if self.low is None and self.high is None:
            return ""
        if self.high is None:
            return f"{self.low} or more"
        return f"from {self.low} to {self.high}"


_MISSING = {
    "integer": "empty: not rated or not answered",
    "number": "empty: nothing to average (no rating given)",
    "text": "empty: nothing written, or free text not included",
    "string": "empty: none",
    "category": "never empty",
    "list": "empty: none",
    "boolean": "never empty",
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


def answers_text(record: ThoughtRecord, builtin_questions: frozenset[str], asked: list[str] | None = None) -> str:
    """A therapist's own question could name a clinic or a person: only built-in ones go out in full.

    `asked` is the record's prompt's questions: answers follow its order and Qn is the prompt's
    n-th question, so a researcher can read Q1 as the first question the prompt asks."""
    return " | ".join(
        f"{question if question in builtin_questions else f'Q{number}'}: {answer}"
        for number, question, answer in numbered_answers(record, asked or [])
    )


def _emotion(emotion: Emotion) -> str:
    """'scared:80', 'scared:80>30', 'hopeful:->60' or 'tired' (not rated)."""
    if emotion.intensity_after is not None:
        return f"{emotion.name}:{'-' if emotion.intensity is None else emotion.intensity}>{emotion.intensity_after}"
    return emotion.name if emotion.intensity is None else f"{emotion.name}:{emotion.intensity}"


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _rating(name: str, meaning: str) -> Column:
    return Column(name, "integer", meaning, range="0-100", get=lambda r: getattr(r, name))


FIXED_COLUMNS: tuple[Column, ...] = (
    Column("participant", "string", "The participant's random study pseudonym (not derived from anything personal).",
           pattern=PSEUDONYM, missing="never empty"),
    Column("record", "integer", "The record's number for this participant, oldest first.", range="1-",
           missing="never empty"),
    Column("day", "integer", "Whole days since this participant's first record (0 = that day).", range="0-",
           missing="never empty"),
)

_COLUMNS: tuple[Column, ...] = (
    Column("status", "category", "Whether the record was finished or left as a draft.",
           levels=tuple(s.value for s in RecordStatus), labels=("Draft", "Complete"), get=lambda r: r.status.value),
    Column("context", "category", "Where the situation happened.", levels=tuple(c.value for c in Context),
           labels=tuple(CONTEXT_LABELS[c.value] for c in Context), get=lambda r: r.context.value),
    _rating("anxiety_before", "Anxiety rated before working through the thought."),
    _rating("belief_before", "How much the automatic thought was believed at first."),
    _rating("body_tension", "Body tension rated with the situation."),
    _rating("body_tension_after", "Body tension rated again at the end."),
    _rating("belief_balanced", "How much the balanced thought was believed."),
    _rating("belief_after", "How much the automatic thought was believed at the end."),
    _rating("anxiety_after", "Anxiety rated at the end."),
    Column("belief_change", "integer", "belief_after minus belief_before (negative = the thought loosened).",
           range="-100-100", missing="empty: belief not rated both before and after",
           get=lambda r: _change(r.belief_after, r.belief_before)),
    Column("anxiety_change", "integer", "anxiety_after minus anxiety_before (negative = calmer).",
           range="-100-100", missing="empty: anxiety not rated both before and after",
           get=lambda r: _change(r.anxiety_after, r.anxiety_before)),
    Column("emotion_count", "integer", "How many emotions were named.", range="0-50", missing="never empty",
           get=lambda r: len(r.emotions)),
    Column("emotion_intensity_mean", "number", "Mean intensity of the emotions that were rated (empty if none was).", range="0-100",
           get=lambda r: _mean([e.intensity for e in r.emotions if e.intensity is not None])),
    Column("emotion_intensity_after_mean", "number", "Mean intensity of the emotions rated again at the end (empty if "
           "none was).", range="0-100", missing="empty: no emotion rated again at the end",
           get=lambda r: _mean([e.intensity_after for e in r.emotions if e.intensity_after is not None])),
    Column("distortions", "list", "Thinking traps the participant kept (accepted, added, or suggested and not rejected).",
           levels=tuple(d.value for d in DistortionId), labels=tuple(DISTORTION_NAMES[d.value] for d in DistortionId), get=lambda r: sorted({d.id.value for d in r.accepted_distortions()})),
    Column("distortion_count", "integer", "How many thinking traps were kept.", range="0-13", missing="never empty",
           get=lambda r: len({d.id for d in r.accepted_distortions()})),
    Column("themes", "list", "What the thought was about.", levels=tuple(t.value for t in Theme),
           labels=tuple(t.value.replace("_", " ").capitalize() for t in Theme),
           get=lambda r: sorted({t.value for t in r.themes})),
    Column("evidence_for_count", "integer", "How many pieces of evidence for the thought were written.", range="0-",
           missing="never empty",
           get=lambda r: len(r.evidence_for)),
    Column("evidence_against_count", "integer", "How many pieces of evidence against the thought were written.",
           missing="never empty",
           range="0-", get=lambda r: len(r.evidence_against)),
    # Ids: only thoughtwork's built-in ones go out; any other (a clinic's own prompt, a custom
    # reframe library) is replaced by the export with custom-1, custom-2... (see research_export).
    Column("reframe_chosen", "string", "Id of the built-in reframe chosen; custom-N for one from another library (numbered "
           "within this participant's export); empty when the participant wrote their own.",
           pattern=CONTENT_ID, get=lambda r: r.reframe_chosen),
    Column("prompt_id", "string", "Id of the built-in homework prompt the record answered; custom-N for a therapist's own "
           "prompt (numbered within this participant's export); empty for none.",
           pattern=CONTENT_ID, get=lambda r: r.prompt_id),
    Column("assignment", "string", "Code of the homework assignment the record answered (a1, a2... as in the "
           "assignments table), empty for none or for an assignment no longer in the journal.", pattern=ASSIGNMENT_CODE,
           get=lambda r: r.assignment_id),  # replaced by its code in research_export
    Column("from_assignment", "boolean", "Whether the record was made for a therapist's homework assignment.",
           get=lambda r: r.assignment_id is not None),
    # Free text: scrubbed of identifiers before it is written, and left out with --no-free-text.
    Column("situation", "text", "The situation, identifiers replaced by [NAME], [PLACE]...", get=lambda r: r.situation),
    Column("emotions", "text", "Emotions named and their intensity (name:intensity, or just name when not rated; "
           "name:intensity>again when rated again at the end, with - for a rating not given; ...), scrubbed.",
           get=lambda r: "; ".join(_emotion(e) for e in r.emotions)),
    Column("automatic_thought", "text", "The automatic thought, scrubbed.", get=lambda r: r.automatic_thought),
    Column("evidence_for", "text", "Evidence for the thought, items joined by ' | ', scrubbed.",
           get=lambda r: " | ".join(r.evidence_for)),
    Column("evidence_against", "text", "Evidence against the thought, items joined by ' | ', scrubbed.",
           get=lambda r: " | ".join(r.evidence_against)),
    Column("balanced_thought", "text", "The balanced thought, scrubbed.", get=lambda r: r.balanced_thought),
    Column("prompt_answers", "text", "Answers to the homework prompt's own questions, 'question: answer' joined by ' | ', "
           "scrubbed; a built-in prompt's question is given in full, any other as Q1, Q2... in the order asked.",
           get=lambda r: answers_text(r, frozenset())),
)

COLUMNS: dict[str, Column] = {c.name: c for c in FIXED_COLUMNS + _COLUMNS}

# The assignments table: one row per homework assignment in the journal, so adherence can be
# computed for assignments nobody wrote a record for. Days are counted as in `day`.
_DAYS = "-100000-100000"
ASSIGNMENT_COLUMNS: dict[str, Column] = {c.name: c for c in (
    FIXED_COLUMNS[0],
    Column("assignment", "string", "The assignment's code in this participant's export: a1, a2... by start day.",
           pattern=ASSIGNMENT_CODE, missing="never empty"),
    Column("cadence", "category", "How often it asks for the homework.", levels=("daily", "weekly", "once"),
           labels=("Every day", "N times a week", "Once in the window")),
    Column("times_per_week", "integer", "For a weekly cadence, how many times a week.", range="1-7",
           missing="empty: not a weekly cadence"),
    Column("start_day", "integer", "First day of the assignment, in days since the participant's first record "
           "(negative: before it).", range=_DAYS, missing="never empty"),
    Column("end_day", "integer", "Last day of the assignment, counted the same way.", range=_DAYS, missing="never empty"),
    Column("prompts", "integer", "How many prompts it has (0: practice-ladder steps only, which ask for no "
           "times).", range="0-", missing="never empty"),
    Column("times_asked", "integer", "Times it asks for over its whole window: a time is a day with a record for "
           "any of its prompts; a week the window only partly covers asks for its share.", range="0-",
           missing="never empty"),
    Column("times_due", "integer", "Times asked for by the day of the export (the running day or week counts only "
           "what is done in it).", range="0-", missing="never empty"),
    Column("times_done", "integer", "Times done, each period counted up to its quota (extra records in one week do "
           "not make up a missed one).", range="0-", missing="never empty"),
    Column("records", "integer", "Records written for it in its window, up to the export.", range="0-",
           missing="never empty"),
)}
OPTIONAL_COLUMNS: tuple[str, ...] = tuple(c.name for c in _COLUMNS)
FREE_TEXT: frozenset[str] = frozenset(c.name for c in _COLUMNS if c.type == "text")
MAX_FREE_TEXT = 200 * MAX_TEXT + 1_000
"""The longest text a column can hold: evidence joins up to 200 items of MAX_TEXT each."""
CODEBOOK_FIELDS = ("table", "name", "type", "min", "max", "range", "levels", "labels", "missing", "meaning")

# The merged data set's per-participant summary, one row each (research merge writes it).
PARTICIPANT_COLUMNS: dict[str, Column] = {c.name: c for c in (
    FIXED_COLUMNS[0],
    Column("records", "integer", "Records in the participant's export.", range="0-", missing="never empty"),
    Column("complete", "integer", "Of those, how many were finished.", range="0-", missing="never empty"),
    Column("last_day", "integer", "Day of the last record (days since the first).", range="0-",
           missing="empty: no records"),
    Column("mean_belief_change", "number", "Mean belief_change over the records that have it.", range="-100-100",
           missing="empty: none rated before and after"),
    Column("mean_anxiety_change", "number", "Mean anxiety_change over the records that have it.", range="-100-100",
           missing="empty: none rated before and after"),
    Column("assignments", "integer", "Homework assignments in the export.", range="0-", missing="never empty"),
    Column("times_due", "integer", "Sum of the assignments' times_due.", range="0-", missing="never empty"),
    Column("times_done", "integer", "Sum of the assignments' times_done.", range="0-", missing="never empty"),
    Column("adherence", "number", "times_done / times_due, 0 to 1.", range="0-1",
           missing="empty: nothing was due yet, or no assignment table"),
)}
