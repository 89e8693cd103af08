"""The vocabulary every part of thoughtwork speaks: thought records, distortions,
reframes, homework prompts and assignments.

The TUI, the CLI and the exporters exchange these pydantic models and nothing else;
only `thoughtwork.journal` turns them into stored documents.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from enum import Enum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 4
"""Version of the record schema; bumped with a migration in `journal.migrations`."""

Rating = Annotated[int, Field(ge=0, le=100, description="A rating from 0 (none) to 100 (completely).")]
Score = Annotated[float, Field(ge=0.0, le=1.0, description="How strongly the words suggest this pattern, 0 to 1.")]

MAX_TEXT = 20_000
"""Longest free text accepted in one field: a long journal entry, not a novel."""

ShortText = Annotated[str, Field(max_length=MAX_TEXT)]


def now() -> datetime:
    """The current moment, timezone-aware, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def new_id() -> str:
    """A random identifier that says nothing about the person or the record."""
    return uuid.uuid4().hex


class Strict(BaseModel):
    """Base for every model: unknown fields are refused, so a typo never silently loses data."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, validate_assignment=True)


# --- distortions -------------------------------------------------------------------------


class DistortionId(str, Enum):
    """The thirteen thinking traps of the taxonomy; the ids are stable everywhere."""

    all_or_nothing = "all_or_nothing"
    overgeneralization = "overgeneralization"
    mental_filter = "mental_filter"
    discounting_positive = "discounting_positive"
    mind_reading = "mind_reading"
    fortune_telling = "fortune_telling"
    catastrophizing = "catastrophizing"
    emotional_reasoning = "emotional_reasoning"
    should_statements = "should_statements"
    labeling = "labeling"
    personalization = "personalization"
    blaming = "blaming"
    comparing = "comparing"


DISTORTION_NAMES: dict[str, str] = {
    "all_or_nothing": "All-or-nothing thinking",
    "overgeneralization": "Overgeneralising",
    "mental_filter": "Mental filter",
    "discounting_positive": "Discounting the positive",
    "mind_reading": "Mind reading",
    "fortune_telling": "Fortune telling",
    "catastrophizing": "Catastrophising",
    "emotional_reasoning": "Emotional reasoning",
    "should_statements": "\u201cShould\u201d statements",
    "labeling": "Labelling",
    "personalization": "Personalising",
    "blaming": "Blaming",
    "comparing": "Comparing",
}
"""Names a person reads on screen."""

DISTORTION_DESCRIPTIONS: dict[str, str] = {
    "all_or_nothing": "Seeing things in black and white: total success or total failure.",
    "overgeneralization": "One painful event becomes \u201calways\u201d or \u201cevery time\u201d.",
    "mental_filter": "Dwelling on the one bad moment and filtering out the rest.",
    "discounting_positive": "Progress \u201cdoesn't count\u201d or was \u201cjust luck\u201d.",
    "mind_reading": "Assuming you know what someone else thinks of you.",
    "fortune_telling": "Predicting the future as if it were certain (\u201cit will hurt\u201d, \u201cnever\u201d).",
    "catastrophizing": "Expecting the worst possible outcome, or blowing a problem up.",
    "emotional_reasoning": "\u201cI feel it, so it must be true.\u201d",
    "should_statements": "Rigid rules: should, must, ought, have to.",
    "labeling": "A global label for yourself or your body (\u201cbroken\u201d, \u201cfrigid\u201d, \u201ca failure\u201d).",
    "personalization": "Taking the blame for things that have many causes.",
    "blaming": "Putting all the cause on someone else.",
    "comparing": "Measuring yourself against others and despairing.",
}
"""The patient-friendly one-liners of the taxonomy."""


class Theme(str, Enum):
    """What a thought is about, so that reframes can fit it."""

    pain = "pain"
    partner = "partner"
    body = "body"
    future = "future"
    medical = "medical"
    self_worth = "self_worth"
    comparison = "comparison"
    past = "past"


class Subject(str, Enum):
    """Who or what a thought is about, read from its words and the record's context.

    A reframe or question that names one of the people or situations (a partner, a clinician,
    an exam, a dilator, pain...) is only offered for a thought about it."""

    partner = "partner"
    dating = "dating"
    """Being single, dating, meeting someone new."""
    clinician = "clinician"
    family = "family"
    friends = "friends"
    others = "others"
    """Other people in general: colleagues, a boss, strangers, everyone."""
    pain = "pain"
    body = "body"
    sex = "sex"
    exam = "exam"
    dilator = "dilator"
    tampon = "tampon"
    faith = "faith"
    """Religion, prayer, what a faith or community expects."""
    gender = "gender"
    """Being trans or non-binary, dysphoria, being misgendered."""
    past_harm = "past_harm"
    """Assault, abuse or another painful experience done to the person."""
    life_stage = "life_stage"
    """Childbirth and after, menopause: pain that began later in life."""
    care_access = "care_access"
    """Getting care at all: waiting lists, costs, no specialist near."""


SUBJECT_NAMES: dict[str, str] = {
    "partner": "your partner",
    "dating": "dating",
    "clinician": "a clinician",
    "family": "your family",
    "friends": "friends",
    "others": "other people",
    "pain": "pain",
    "body": "your body",
    "sex": "sex and intimacy",
    "exam": "an exam or appointment",
    "dilator": "dilator practice",
    "tampon": "tampons or cups",
    "faith": "your faith",
    "gender": "your gender",
    "past_harm": "something that happened to you",
    "life_stage": "a change in your body's life (a birth, menopause)",
    "care_access": "getting care",
}
"""How a reason names a subject ("about your partner")."""


class EvidenceSpan(Strict):
    """The words in a thought that triggered a match, with their character offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DistortionStatus(str, Enum):
    """What the person made of a suggested thinking trap."""

    suggested = "suggested"
    accepted = "accepted"
    rejected = "rejected"
    added = "added"


class MatchSource(str, Enum):
    """What suggested a thinking trap."""

    rule = "rule"
    """A hand-written pattern of `thoughtwork/nlp/patterns/` matched these words."""
    model = "model"
    """The learned trap model read it from the words that weigh most for it."""


class DistortionMatch(Strict):
    """One thinking trap found in (or added to) a thought, and why."""

    id: DistortionId
    score: Score = 1.0
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    explanation: str = ""
    status: DistortionStatus = DistortionStatus.suggested
    source: MatchSource = MatchSource.rule
    """What suggested it (records written before the learned model are all "rule")."""


class Analysis(Strict):
    """What the language pipeline found in one text."""

    text: str
    distortions: list[DistortionMatch] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    mentions_self_harm: bool = False


# --- thought records ---------------------------------------------------------------------


class Context(str, Enum):
    """Where the situation happened."""

    intimacy = "intimacy"
    dilator_practice = "dilator_practice"
    tampon = "tampon"
    gynaecological_exam = "gynaecological_exam"
    self_touch = "self_touch"
    thinking_about_it = "thinking_about_it"
    other = "other"


CONTEXT_LABELS: dict[str, str] = {
    "intimacy": "An intimate moment",
    "dilator_practice": "Dilator practice",
    "tampon": "Using a tampon or cup",
    "gynaecological_exam": "A gynaecological exam",
    "self_touch": "Self-touch",
    "thinking_about_it": "Thinking about it",
    "other": "Something else",
}

_CONTEXT_SYNONYMS = {
    "sex": "intimacy",
    "intimate": "intimacy",
    "partner": "intimacy",
    "dilator": "dilator_practice",
    "dilators": "dilator_practice",
    "tampons": "tampon",
    "menstrual_cup": "tampon",
    "cup": "tampon",
    "gynecological_exam": "gynaecological_exam",
    "gyn_exam": "gynaecological_exam",
    "exam": "gynaecological_exam",
    "medical_exam": "gynaecological_exam",
    "smear_test": "gynaecological_exam",
    "self-touch": "self_touch",
    "masturbation": "self_touch",
    "thinking": "thinking_about_it",
}


def normalise_context(value: object) -> object:
    """Accept 'Dilator practice', 'dilator-practice' and a few plain synonyms."""
    if not isinstance(value, str):
        return value
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    return _CONTEXT_SYNONYMS.get(key, key)


class Emotion(Strict):
    """An emotion the person felt and how strongly."""

    name: Annotated[str, Field(min_length=1, max_length=80)]
    intensity: Rating | None = None
    """How strongly, 0-100; None when the feeling was named but not rated (never a made-up 50)."""
    intensity_after: Rating | None = None
    """How strongly at the end of the record, rated again with belief and anxiety; None if not."""


class RecordStatus(str, Enum):
    draft = "draft"
    complete = "complete"


def _as_text_list(value: object) -> object:
    """Evidence may arrive as one string or a list of strings; store a list of non-empty items."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if not (isinstance(v, str) and not v.strip())]
    return value


class ThoughtRecord(Strict):
    """One CBT thought record, from the situation to the balanced thought.

    Only `situation` and `automatic_thought` are needed for a draft; everything else is
    filled in step by step.
    """

    id: str = Field(default_factory=new_id, pattern=r"^[A-Za-z0-9_-]{1,64}$")
    status: RecordStatus = RecordStatus.draft
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime | None = None

    situation: ShortText = ""
    context: Context = Context.other
    emotions: list[Emotion] = Field(default_factory=list, max_length=50)
    anxiety_before: Rating | None = None
    belief_before: Rating | None = None
    body_tension: Rating | None = None
    automatic_thought: ShortText = ""

    distortions: list[DistortionMatch] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    evidence_for: list[ShortText] = Field(default_factory=list, max_length=200)
    evidence_against: list[ShortText] = Field(default_factory=list, max_length=200)
    reframes_offered: list[str] = Field(default_factory=list)
    reframe_chosen: str | None = None
    balanced_thought: ShortText = ""
    belief_balanced: Rating | None = None
    belief_after: Rating | None = None
    anxiety_after: Rating | None = None
    body_tension_after: Rating | None = None

    assignment_id: str | None = None
    prompt_id: str | None = None
    prompt_answers: dict[str, ShortText] = Field(default_factory=dict)
    practice_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]{1,64}$")
    """The practice (see `PracticeEntry`) this record was started from, if any."""

    @field_validator("context", mode="before")
    @classmethod
    def _context(cls, value: object) -> object:
        return normalise_context(value)

    @field_validator("evidence_for", "evidence_against", mode="before")
    @classmethod
    def _evidence(cls, value: object) -> object:
        return _as_text_list(value)

    @field_validator("created_at", "updated_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        # A time without a zone is taken as UTC so records sort and compare reliably.
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value

    @model_validator(mode="after")
    def _updated(self) -> "ThoughtRecord":
        if self.updated_at is None:
            object.__setattr__(self, "updated_at", self.created_at)
        return self

    @property
    def is_complete(self) -> bool:
        return self.status is RecordStatus.complete

    def accepted_distortions(self) -> list[DistortionMatch]:
        """The traps the person kept: accepted, added, or suggested and not rejected."""
        return [d for d in self.distortions if d.status is not DistortionStatus.rejected]


# --- reframes and homework prompts ------------------------------------------------------


class Reframe(Strict):
    """A balanced way of seeing a thought, offered as a starting point the person can edit."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_.-]+$")]
    distortions: list[DistortionId] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    text: Annotated[str, Field(min_length=10)]
    questions: list[str] = Field(default_factory=list)
    source: str | None = None
    technique: str | None = None
    about: list[Subject] | None = None
    """The people and situations its text presupposes (a partner, an exam, pain); it is only
    offered for a thought about one of them. Left out, they are read from the text itself;
    `about = []` says the text fits any thought although it names one in passing."""
    affirms: bool = False
    """It affirms a thought that is already balanced ('it got easier') rather than disputing one."""

    @model_validator(mode="after")
    def _has_basis(self) -> "Reframe":
        if not (self.source or self.technique):
            raise ValueError("each reframe needs a source or the CBT technique it applies")
        if not (self.distortions or self.themes):
            raise ValueError("each reframe needs at least one distortion or theme it answers")
        return self


class RankedReframe(Strict):
    """A reframe chosen for a thought, with the reasons a person can read."""

    reframe: Reframe
    score: float
    reasons: list[str] = Field(default_factory=list)

    @property
    def because(self) -> str:
        """'Because you wrote ‘he'll leave’ (fortune telling); it is about your partner.'"""
        return "Because " + "; ".join(self.reasons) + "." if self.reasons else ""

    @property
    def basis(self) -> str:
        """What the reframe stands on: its CBT technique and/or its published source."""
        return " / ".join(part for part in (self.reframe.technique, self.reframe.source) if part)


class RecordStep(str, Enum):
    """The steps of a thought record a homework prompt can use."""

    situation = "situation"
    emotions = "emotions"
    automatic_thought = "automatic_thought"
    belief = "belief"
    distortions = "distortions"
    evidence = "evidence"
    reframe = "reframe"
    rerate = "rerate"


class Moment(str, Enum):
    """When a homework prompt is meant to be used."""

    before_dilator_practice = "before_dilator_practice"
    after_dilator_practice = "after_dilator_practice"
    after_intimacy = "after_intimacy"
    before_gynaecological_appointment = "before_gynaecological_appointment"
    after_gynaecological_appointment = "after_gynaecological_appointment"
    morning_check_in = "morning_check_in"
    evening_reflection = "evening_reflection"
    after_setback = "after_setback"
    noticing_progress = "noticing_progress"
    before_intimacy = "before_intimacy"
    any_time = "any_time"


class Prompt(Strict):
    """A homework prompt a therapist can assign."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_.-]+$")]
    title: Annotated[str, Field(min_length=3, max_length=120)]
    instructions: Annotated[str, Field(min_length=10, max_length=MAX_TEXT)]
    moments: list[Moment] = Field(min_length=1)
    steps: list[RecordStep] = Field(min_length=1)
    extra_questions: list[str] = Field(default_factory=list)
    cadence: str = "as needed"


class CadenceKind(str, Enum):
    daily = "daily"
    weekly = "weekly"
    once = "once"


class Cadence(Strict):
    """How often an assignment is due: daily, N times a week, or once."""

    kind: CadenceKind = CadenceKind.daily
    times_per_week: int | None = Field(default=None, ge=1, le=7)

    @model_validator(mode="after")
    def _check(self) -> "Cadence":
        if self.kind is CadenceKind.weekly and self.times_per_week is None:
            raise ValueError("a weekly cadence needs times_per_week (1 to 7)")
        return self

    def describe(self) -> str:
        if self.kind is CadenceKind.daily:
            return "every day"
        if self.kind is CadenceKind.once:
            return "once"
        n = self.times_per_week
        return "once a week" if n == 1 else f"{n} times a week"


class Assignment(Strict):
    """Homework from a therapist: prompts (embedded), cadence, dates and a note."""

    id: str = Field(default_factory=new_id, pattern=r"^[A-Za-z0-9_-]{1,64}$")
    prompts: list[Prompt] = Field(default_factory=list)
    ladder_steps: list["LadderStep"] = Field(default_factory=list, max_length=100)
    """Practice-ladder steps the therapist suggests; the person chooses whether to add them."""
    cadence: Cadence = Field(default_factory=Cadence)
    start: date
    end: date
    note: Annotated[str, Field(max_length=MAX_TEXT)] = ""
    therapist: Annotated[str, Field(max_length=120)] = ""
    created_at: datetime = Field(default_factory=now)

    @model_validator(mode="after")
    def _dates(self) -> "Assignment":
        if self.end < self.start:
            raise ValueError("the end date is before the start date")
        if not self.prompts and not self.ladder_steps:
            raise ValueError("homework needs at least one prompt or ladder step")
        return self


# --- the practice ladder --------------------------------------------------------------------
# Graded practice (fingers or dilators of growing size, at the person's own pace) beside the
# thought records: each practice is also a behavioural experiment, a prediction before and
# what actually happened after.

PracticeId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")]
Title = Annotated[str, Field(min_length=1, max_length=120)]
Note = Annotated[str, Field(max_length=2000)]


class LadderStep(Strict):
    """One step of a practice ladder ("fingertip at the entrance", "dilator size 2")."""

    id: PracticeId = Field(default_factory=new_id)
    title: Title
    description: Note = ""
    """What the step is, in a few kind words; shown when it is chosen."""

    @field_validator("title")
    @classmethod
    def _title_has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a step needs a name")
        return value.strip()


class CelebrationKind(str, Enum):
    """The milestones a person can plan a reward for."""

    first_practice = "first_practice"
    practices = "practices"
    """After a number of practices (`count`)."""
    streak = "streak"
    """After practising on a number of days in a row (`count`)."""
    step = "step"
    """The first practice at a chosen step (`step_id`)."""


class Celebration(Strict):
    """A reward the person chose in advance for a milestone: plan a small treat, celebrate every step."""

    id: PracticeId = Field(default_factory=new_id)
    kind: CelebrationKind
    count: int | None = Field(default=None, ge=1, le=1000)
    step_id: PracticeId | None = None
    reward: Annotated[str, Field(min_length=1, max_length=500)]
    created_at: datetime = Field(default_factory=now)

    @model_validator(mode="after")
    def _check(self) -> "Celebration":
        if not self.reward.strip():
            raise ValueError("a celebration needs the reward you chose")
        if self.kind in (CelebrationKind.practices, CelebrationKind.streak) and self.count is None:
            raise ValueError("this milestone needs a number (how many practices, or days in a row)")
        if self.kind is CelebrationKind.step and self.step_id is None:
            raise ValueError("this milestone needs the step it is for")
        return self


class Ladder(Strict):
    """A person's own ladder: their steps in order, the step they are on, and their chosen rewards."""

    steps: list[LadderStep] = Field(default_factory=list, max_length=100)
    current_step_id: PracticeId | None = None
    """The step the person says they are on now; they move it themselves, never the app."""
    celebrations: list[Celebration] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _unique(self) -> "Ladder":
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError("two steps of the ladder have the same id")
        if self.current_step_id is not None and self.current_step_id not in ids:
            object.__setattr__(self, "current_step_id", ids[0] if ids else None)
        return self

    def step(self, step_id: str | None) -> LadderStep | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def position(self, step_id: str | None) -> int | None:
        """1 for the first step; None for a step no longer on the ladder."""
        return next((i for i, s in enumerate(self.steps, start=1) if s.id == step_id), None)

    @property
    def current(self) -> LadderStep | None:
        return self.step(self.current_step_id) or (self.steps[0] if self.steps else None)


class Helper(str, Enum):
    """What helped during a practice."""

    breathing = "breathing"
    lubricant = "lubricant"
    relaxation = "relaxation"
    partner_present = "partner_present"
    going_slowly = "going_slowly"
    warm_bath = "warm_bath"
    music = "music"
    mirror = "mirror"
    changing_position = "changing_position"
    kind_self_talk = "kind_self_talk"


HELPER_LABELS: dict[str, str] = {
    "breathing": "Slow breathing",
    "lubricant": "Lubricant",
    "relaxation": "A relaxation exercise first",
    "partner_present": "My partner being there",
    "going_slowly": "Going slowly, at my pace",
    "warm_bath": "A warm bath or shower first",
    "music": "Music",
    "mirror": "A mirror",
    "changing_position": "Changing position",
    "kind_self_talk": "Kind words to myself",
}


class HowFar(str, Enum):
    """How far a practice went, in the person's own judgement; every answer is a practice."""

    prepared = "prepared"
    part = "part"
    whole = "whole"
    further = "further"


HOW_FAR_LABELS: dict[str, str] = {
    "prepared": "I got ready and chose to stop there",
    "part": "Part of the step",
    "whole": "The whole step",
    "further": "Further than I planned",
}


class PracticeEntry(Strict):
    """One practice: the prediction before, what happened after, and what the person noticed.

    Logged in two halves if the person likes (the prediction, then later how it went), so
    every "after" field may be empty for a while.
    """

    id: str = Field(default_factory=new_id, pattern=r"^[A-Za-z0-9_-]{1,64}$")
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime | None = None
    practised_at: datetime = Field(default_factory=now)
    step_id: PracticeId | None = None
    step_title: Annotated[str, Field(max_length=120)] = ""
    """The step's name when practised, so a renamed or removed step still reads as it was."""
    where: Annotated[str, Field(max_length=200)] = ""
    position: Annotated[str, Field(max_length=200)] = ""
    relaxed_before: Rating | None = None
    motivation: Rating | None = None
    predicted_pain: Rating | None = None
    predicted_anxiety: Rating | None = None
    actual_pain: Rating | None = None
    actual_anxiety: Rating | None = None
    helpers: list[Helper] = Field(default_factory=list, max_length=len(Helper))
    helped_other: Annotated[str, Field(max_length=500)] = ""
    how_far: HowFar | None = None
    feelings_after: ShortText = ""
    note: ShortText = ""
    loudest_thought: ShortText = ""
    record_ids: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]] = Field(default_factory=list, max_length=50)
    """Thought records started from this practice ("start a record from this")."""
    assignment_id: str | None = None

    @field_validator("created_at", "updated_at", "practised_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value

    @field_validator("helpers")
    @classmethod
    def _once_each(cls, value: list[Helper]) -> list[Helper]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _updated(self) -> "PracticeEntry":
        if self.updated_at is None:
            object.__setattr__(self, "updated_at", self.created_at)
        return self

    @property
    def has_outcome(self) -> bool:
        """Whether "how it went" has been filled in at all."""
        return any(v is not None for v in (self.actual_pain, self.actual_anxiety, self.how_far)) or bool(
            self.feelings_after.strip()
        )


class ExerciseCue(Strict):
    """One paced moment of a guided exercise: what to do, and for how many seconds."""

    text: Annotated[str, Field(min_length=3, max_length=400)]
    seconds: float = Field(ge=2, le=120)
    kind: Annotated[str, Field(pattern=r"^(tense|release|breathe|rest|notice)$")] = "notice"
    """How the guide draws it: tense (the bar fills), release (it empties), or a gentle hold."""


class Exercise(Strict):
    """A guided exercise beside Breathe (progressive muscle relaxation, a pelvic-floor drop)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_.-]+$")]
    title: Annotated[str, Field(min_length=3, max_length=120)]
    intro: Annotated[str, Field(min_length=10, max_length=2000)]
    cues: list[ExerciseCue] = Field(min_length=1, max_length=200)
    closing: Annotated[str, Field(max_length=2000)] = ""
    source: str | None = None
    technique: str | None = None

    @model_validator(mode="after")
    def _has_basis(self) -> "Exercise":
        if not (self.source or self.technique):
            raise ValueError("each exercise needs a source or the technique it applies")
        return self

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.cues)


class DefaultStep(Strict):
    """A suggested ladder step of the clinician-editable file `practice/ladder.toml`."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_.-]{1,64}$")]
    title: Title
    description: Note = ""

    def as_step(self) -> LadderStep:
        return LadderStep(id=self.id, title=self.title, description=self.description)


Assignment.model_rebuild()  # its ladder_steps refer to LadderStep, defined after it

# --- journal settings ---------------------------------------------------------------------


class Settings(Strict):
    """A person's own settings, kept inside the encrypted journal."""

    crisis_region: str = "international"
    """Which crisis lines to show when a thought mentions self-harm."""
    known_names: list[str] = Field(default_factory=list)
    """Names of people in the person's life (partner, doctor, coach), always redacted in exports."""
    study_pseudonyms: dict[str, str] = Field(default_factory=dict)
    """A random pseudonym per study (by the study's name), made on the first export to it and
    never derived from anything personal; one per study, so two studies cannot link a person."""
    study_pseudonym: str | None = None
    """The single pseudonym of journals made before each study had its own; the next study
    exported to adopts it, so that study's earlier and later exports still match."""
    theme: str = "calm"
    breathing_pace: float = Field(default=4.0, ge=2.0, le=10.0)
    """Seconds per breath in and per breath out in the breathing exercise."""
    welcomed: bool = False
    helpful_reframes: list[str] = Field(default_factory=list)
    """Reframes the person kept mostly as offered before; ranked a little higher next time."""
    safety_reasons: list[ShortText] = Field(default_factory=list, max_length=50)
    """The person's own reasons for staying safe, written on a record's safety step."""
    safety_people: list[ShortText] = Field(default_factory=list, max_length=50)
    """People the person could contact when things are very hard, and how."""


# --- friendly validation errors -----------------------------------------------------------


_PLAIN_MESSAGES = {
    "extra_forbidden": "is not a field thoughtwork knows",
    "missing": "is missing",
    "string_too_long": "is too long (at most {max_length} characters)",
    "string_too_short": "is too short (at least {min_length} characters)",
    "too_long": "has too many items (at most {max_length})",
    "too_short": "needs at least {min_length} item(s)",
    "less_than_equal": "must be {le} or less",
    "greater_than_equal": "must be {ge} or more",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "datetime_parsing": "must be a date and time such as 2026-11-01T20:30:00+00:00",
    "datetime_from_date_parsing": "must be a date and time such as 2026-11-01T20:30:00+00:00",
    "date_from_datetime_parsing": "must be a date such as 2026-11-01",
    "date_parsing": "must be a date such as 2026-11-01",
    "enum": "must be one of: {expected}",
    "literal_error": "must be {expected}",
    "dict_type": "must be a table of named values",
    "model_type": "must be a table of named values",
    "model_attributes_type": "must be a table of named values",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
    "bool_parsing": "must be true or false",
}
"""pydantic's error types in words a person (or a clinician editing a file) understands."""


_PATTERN_MESSAGES = {
    r"^[a-z0-9_.-]+$": "may use only lowercase letters, digits and the signs . _ - (no spaces)",
    r"^[A-Za-z0-9_-]{1,64}$": "may use only letters, digits, _ and - (at most 64, no spaces)",
    r"^[a-z0-9_.-]{1,64}$": "may use only lowercase letters, digits and the signs . _ - (at most 64, no spaces)",
    r"^[A-Za-z0-9_.-]{1,64}$": "may use only letters, digits and the signs . _ - (at most 64, no spaces)",
    r"^(tense|release|breathe|rest|notice)$": "should be one of tense, release, breathe, rest or notice",
    r"^https://": "must start with https://",
}


def plain_message(item: dict) -> str:
    """One pydantic error item (from `ValidationError.errors()`) in words, without its location."""
    message = item.get("msg", "is not valid")
    kind = item.get("type", "")
    if kind == "string_pattern_mismatch":
        message = _PATTERN_MESSAGES.get(item.get("ctx", {}).get("pattern", ""), "is not in the expected form")
    else:
        try:
            message = _PLAIN_MESSAGES.get(kind, message).format(**item.get("ctx", {}))
        except (KeyError, IndexError, ValueError):
            pass  # a template whose context pydantic did not give: keep pydantic's own words
    return message.removeprefix("Value error, ")


def friendly_error(error: ValidationError) -> str:
    """One plain sentence for the first problem pydantic found."""
    problems = []
    for item in error.errors(include_url=False):
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "__root__")
        message = plain_message(item)
        problems.append(f"{where}: {message}" if where else message)
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return (problems[0] if problems else "the data is not valid") + more
