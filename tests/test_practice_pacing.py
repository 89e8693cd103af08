"""Pacing a guided exercise: which cue is showing, for how long, and how the guide moves."""

from __future__ import annotations

from thoughtwork.models import Exercise, ExerciseCue
from thoughtwork.practice.pacing import clamp_speed, cue_at, start_of

EXERCISE = Exercise(
    id="x", title="Test", intro="Ten words of introduction for the test.", technique="test",
    cues=[ExerciseCue(text="Tense", seconds=4, kind="tense"), ExerciseCue(text="Let go", seconds=8, kind="release")],
)


def test_cues_follow_their_seconds_and_the_persons_pace() -> None:
    assert (cue_at(EXERCISE, 0).index, cue_at(EXERCISE, 0).seconds_left) == (0, 4)
    assert cue_at(EXERCISE, 3.9).index == 0 and cue_at(EXERCISE, 4.0).index == 1
    assert cue_at(EXERCISE, 11.9).seconds_left == 1 and cue_at(EXERCISE, 12).finished
    slower = cue_at(EXERCISE, 5, stretch=1.5)  # the first cue lasts 6 s at this pace
    assert slower.index == 0 and slower.seconds_left == 1
    assert start_of(EXERCISE, 1, 1.5) == 6 and start_of(EXERCISE, 9) == 12 and start_of(EXERCISE, -1) == 0


def test_the_guide_fills_as_you_tense_and_empties_as_you_let_go() -> None:
    assert cue_at(EXERCISE, 0).fullness("tense") == 0 and round(cue_at(EXERCISE, 3.99).fullness("tense"), 2) == 1
    assert cue_at(EXERCISE, 4).fullness("release") == 1 and cue_at(EXERCISE, 11.99).fullness("release") < 0.01
    assert cue_at(EXERCISE, 6).fullness("rest") == 0.5


def test_the_pace_stays_within_what_is_offered() -> None:
    assert (clamp_speed(0.1), clamp_speed(1.3), clamp_speed(9)) == (0.5, 1.25, 2.0)
