"""The practice ladder in the journal: models, storage, the schema 2 -> 3 migration, and the rules
(predicted vs actual, readiness, streaks, celebrations) as pure functions."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from thoughtwork.journal import Journal, JournalCorrupt, fileformat, files
from thoughtwork.models import (
    SCHEMA_VERSION,
    Assignment,
    Celebration,
    CelebrationKind,
    Helper,
    HowFar,
    Ladder,
    LadderStep,
    PracticeEntry,
    ThoughtRecord,
)
from thoughtwork.practice import celebrations, gaps, ladders
from thoughtwork.practice.content import load_default_steps
from thoughtwork.practice.linking import record_for, start_record
from thoughtwork.practice.readiness import practice_streak, readiness

PASS = "a long passphrase"
UTC = timezone.utc


def at(day: int, hour: int = 20) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def ladder_of(*titles: str) -> Ladder:
    steps = [LadderStep(id=f"s{i}", title=t) for i, t in enumerate(titles, start=1)]
    return Ladder(steps=steps, current_step_id="s1")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "private" / "journal.twj"


def test_ladder_and_practices_round_trip_encrypted(path: Path) -> None:
    ladder = ladder_of("Touch at the entrance", "Fingertip")
    ladder, _ = ladders.add_celebration(ladder, kind=CelebrationKind.first_practice, reward="A bath with my book")
    practice = PracticeEntry(step_id="s1", step_title="Touch at the entrance", practised_at=at(2), where="bedroom",
                             position="lying, knees bent", relaxed_before=40, motivation=70, predicted_pain=80,
                             predicted_anxiety=70, actual_pain=30, actual_anxiety=40,
                             helpers=[Helper.breathing, Helper.lubricant], how_far=HowFar.whole,
                             feelings_after="proud", note="went slowly", loudest_thought="It will hurt")
    with Journal.create(path, PASS) as journal:
        journal.save_ladder(ladder)
        saved = journal.save_practice(practice)
    assert b"bedroom" not in path.read_bytes() and b"proud" not in path.read_bytes()
    with Journal.open(path, PASS) as journal:
        assert journal.ladder() == ladder
        assert journal.practices() == [saved]
        assert journal.get_practice(practice.id) == saved
        assert journal.verify() == []
        assert journal.counts()["practices"] == 1
        assert journal.delete_practice(practice.id)
        assert journal.practices() == []


def test_a_schema_2_journal_is_migrated_and_keeps_everything(path: Path) -> None:
    """The real 2 -> 3 step: a journal of the previous release, records, homework and settings."""
    record = ThoughtRecord(situation="After practice", automatic_thought="It will always hurt").model_dump(mode="json")
    record.pop("practice_id")  # a schema 2 record has no such field
    assignment = {"id": "a1", "prompts": [{"id": "dilator.before", "title": "Before practice", "instructions":
                  "Notice what you expect before you begin.", "moments": ["before_dilator_practice"],
                  "steps": ["situation"]}], "start": "2026-11-01", "end": "2026-11-30"}
    tables = {"records": {"1": record}, "assignments": {"1": assignment},
              "settings": {"1": {"known_names": ["Sam"], "study_pseudonyms": {"s": "tw-0123456789ab"}}}}
    files.ensure_private_dir(path.parent)
    files.atomic_write(path, fileformat.encode(tables, 2, None))
    with Journal.open(path, None) as journal:
        assert [r.automatic_thought for r in journal.records()] == ["It will always hurt"]
        assert journal.records()[0].practice_id is None
        assert journal.assignments()[0].ladder_steps == []
        assert journal.settings().known_names == ["Sam"]
        assert journal.ladder() == Ladder() and journal.practices() == []
        journal.save_practice(PracticeEntry(step_title="Fingertip"))
    stored = json.loads(path.read_bytes())
    assert stored["schema_version"] == SCHEMA_VERSION == 4  # through the ladder (3) and ratings-again (4) migrations
    assert set(stored["payload"]) >= {"records", "assignments", "settings", "ladder", "practices"}
    assert (path.parent / "journal.twj.bak1").exists()  # the schema 2 file was kept first


def test_a_damaged_stored_practice_is_reported_not_guessed(path: Path) -> None:
    tables = {"records": {}, "assignments": {}, "settings": {}, "ladder": {},
              "practices": {"1": {"id": "p1", "predicted_pain": 180}}}
    files.ensure_private_dir(path.parent)
    files.atomic_write(path, fileformat.encode(tables, SCHEMA_VERSION, None))
    with Journal.open(path, None) as journal:
        assert journal.verify() == ["practices item 1: predicted_pain: must be 100 or less"]
        with pytest.raises(JournalCorrupt, match="practice"):
            journal.practices()


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"predicted_pain": 101}, "100 or less"),
        ({"actual_anxiety": -1}, "0 or more"),
        ({"helpers": ["hugs"]}, "must be one of"),
        ({"how_far": "halfway"}, "must be one of"),
        ({"mood": "ok"}, "not a field"),
        ({"id": "has space"}, "letters, digits"),
    ],
)
def test_bad_practice_fields_are_refused(fields: dict, problem: str) -> None:
    from thoughtwork.models import friendly_error

    with pytest.raises(ValidationError) as error:
        PracticeEntry.model_validate(fields)
    assert problem in friendly_error(error.value)


def test_celebrations_need_what_they_are_for() -> None:
    with pytest.raises(ValidationError, match="needs a number"):
        Celebration(kind=CelebrationKind.streak, reward="cake")
    with pytest.raises(ValidationError, match="needs the step"):
        Celebration(kind=CelebrationKind.step, reward="cake")
    with pytest.raises(ValidationError, match="reward"):
        Celebration(kind=CelebrationKind.first_practice, reward="   ")


def test_homework_may_carry_ladder_steps_instead_of_prompts() -> None:
    steps = [LadderStep(id="dilator.1", title="Dilator size 1")]
    assert Assignment(ladder_steps=steps, start=date(2026, 12, 1), end=date(2026, 12, 2)).prompts == []
    with pytest.raises(ValidationError, match="at least one prompt or ladder step"):
        Assignment(start=date(2026, 12, 1), end=date(2026, 12, 2))


practice_entries = st.builds(
    PracticeEntry,
    step_title=st.text(max_size=120),
    where=st.text(max_size=200),
    note=st.text(max_size=300),
    predicted_pain=st.none() | st.integers(0, 100),
    actual_pain=st.none() | st.integers(0, 100),
    helpers=st.lists(st.sampled_from(list(Helper)), max_size=4),
    how_far=st.none() | st.sampled_from(list(HowFar)),
)


@settings(max_examples=40, deadline=None)
@given(practice=practice_entries)
def test_any_valid_practice_survives_the_journal_unchanged(tmp_path_factory, practice: PracticeEntry) -> None:
    path = tmp_path_factory.mktemp("j") / "j.twj"
    with Journal.create(path, None, encrypted=False) as journal:
        saved = journal.save_practice(practice)
    with Journal.open(path, None) as journal:
        assert journal.practices() == [saved]


# --- the ladder's rules ------------------------------------------------------------------------


def test_steps_are_added_moved_renamed_and_removed() -> None:
    ladder = ladder_of("Look", "Touch", "Fingertip")
    ladder, step = ladders.add_step(ladder, "One finger", at=2)
    assert [s.title for s in ladder.steps] == ["Look", "One finger", "Touch", "Fingertip"]
    ladder = ladders.move_step(ladder, step.id, 4)
    assert ladder.position(step.id) == 4
    ladder = ladders.rename_step(ladder, step.id, "One finger, slowly")
    assert ladder.step(step.id).title == "One finger, slowly"
    ladder = ladders.set_current(ladder, "s3")
    ladder = ladders.remove_step(ladder, "s3")
    assert ladder.current.title == "One finger, slowly"  # the current step moves to its neighbour
    with pytest.raises(ladders.LadderError, match="needs a name"):
        ladders.add_step(ladder, "   ")
    with pytest.raises(ladders.LadderError, match="steps 1 to 3"):
        ladders.find_step(ladder, "9")


def test_the_suggested_ladder_is_gentle_and_in_order() -> None:
    ladder = ladders.from_defaults(load_default_steps())
    titles = [s.title for s in ladder.steps]
    assert titles.index("Touch at the entrance") < titles.index("Fingertip inside") < titles.index("Dilator size 1 (the smallest)")
    assert ladder.current == ladder.steps[0]


def test_adopting_homework_steps_adds_only_new_ones() -> None:
    ladder = ladder_of("Look", "Dilator size 1")
    suggested = [LadderStep(id="x", title="dilator size 1"), LadderStep(id="d2", title="Dilator size 2")]
    adopted, added = ladders.adopt_steps(ladder, suggested)
    assert [s.title for s in added] == ["Dilator size 2"]
    assert [s.title for s in adopted.steps] == ["Look", "Dilator size 1", "Dilator size 2"]


def test_the_gap_is_said_plainly_and_kindly() -> None:
    practice = PracticeEntry(predicted_pain=80, actual_pain=30, predicted_anxiety=40, actual_anxiety=60)
    assert [g.lesson for g in gaps.gaps([practice])] == [
        "Pain: you expected 80, it was 30.",
        "Anxiety: it was harder than you expected (40 expected, 60 felt). That is worth knowing too; go gently.",
    ]
    only_prediction = PracticeEntry(predicted_pain=80)
    assert gaps.gaps([only_prediction]) == []
    summary = gaps.summary([practice, PracticeEntry(predicted_pain=60, actual_pain=60)], "pain")
    assert (summary.pairs, summary.predicted_mean, summary.actual_mean, summary.easier) == (2, 70, 45, 1)


def _calm(step_id: str, day: int, **fields) -> PracticeEntry:
    base = {"step_id": step_id, "practised_at": at(day), "how_far": HowFar.whole, "actual_anxiety": 20, "actual_pain": 10}
    return PracticeEntry(**{**base, **fields})


def test_readiness_notices_calm_practices_and_never_pushes() -> None:
    ladder = ladder_of("Fingertip", "One finger")
    first = readiness(ladder, [])
    assert not first.might_be_ready and "Whenever you feel ready" in first.message
    two = readiness(ladder, [_calm("s1", 1), _calm("s1", 2)])
    assert not two.might_be_ready and "as long as you like" in two.message
    three = readiness(ladder, [_calm("s1", 1), _calm("s1", 2), _calm("s1", 3)])
    assert three.might_be_ready and three.next_step.title == "One finger"
    assert "If and when you feel ready" in three.message and "You decide" in three.message
    # The app never moves the person: the current step is still theirs.
    assert ladder.current.title == "Fingertip"
    tense = readiness(ladder, [_calm("s1", 1), _calm("s1", 2), _calm("s1", 3, actual_anxiety=90, actual_pain=60)])
    assert not tense.might_be_ready
    stopped = readiness(ladder, [_calm("s1", 1), _calm("s1", 2), _calm("s1", 3, how_far=HowFar.part)])
    assert not stopped.might_be_ready
    for text in (first.message, two.message, three.message, tense.message):
        for pushy in ("should", "must", "you need to", "failed", "overdue"):
            assert pushy not in text.lower()
    top = readiness(ladders.set_current(ladder, "s2"), [_calm("s2", 1)])
    assert not top.might_be_ready and "last step" in top.message


def test_practice_streaks_count_local_days() -> None:
    practices = [_calm("s1", day) for day in (1, 2, 3, 5, 6)]
    streak = practice_streak(practices, date(2026, 11, 7), UTC)
    assert (streak.current, streak.longest) == (2, 3)
    assert practice_streak(practices, date(2026, 11, 9), UTC).current == 0


def test_celebrations_are_reached_by_showing_up() -> None:
    ladder = ladder_of("Look", "Touch")
    ladder, first = ladders.add_celebration(ladder, kind=CelebrationKind.first_practice, reward="a bath")
    ladder, three = ladders.add_celebration(ladder, kind=CelebrationKind.streak, count=3, reward="a film")
    ladder, touch = ladders.add_celebration(ladder, kind=CelebrationKind.step, step_id="s2", reward="flowers")
    stopped_early = _calm("s1", 1, how_far=HowFar.prepared, actual_anxiety=90)
    assert celebrations.newly_reached(ladder, [], [stopped_early], UTC) == [first]
    days = [stopped_early, _calm("s1", 2), _calm("s2", 3)]
    reached = {r.celebration.id: r.on for r in celebrations.progress(ladder, days, UTC)}
    assert reached == {first.id: date(2026, 11, 1), three.id: date(2026, 11, 3), touch.id: date(2026, 11, 3)}
    assert celebrations.newly_reached(ladder, days[:2], days, UTC) == [three, touch]
    assert celebrations.celebration_message(touch, ladder) == (
        "Your first practice at \u201cTouch\u201d: you did it. You planned to celebrate with: flowers"
    )


def test_a_record_started_from_a_practice_is_linked_both_ways(path: Path) -> None:
    with Journal.create(path, None, encrypted=False) as journal:
        practice = journal.save_practice(PracticeEntry(step_title="Fingertip", predicted_anxiety=70,
                                                       loudest_thought="It will hurt"))
        practice, record = start_record(journal, practice)
        assert journal.get(record.id).practice_id == practice.id
        assert journal.get_practice(practice.id).record_ids == [record.id]
        assert record.automatic_thought == "It will hurt" and record.anxiety_before is None  # 70 was a forecast
        assert record.context.value == "dilator_practice" and not record.is_complete
        done = journal.save_practice(practice.model_copy(update={"actual_anxiety": 40, "actual_pain": 20}))
        assert record_for(done).anxiety_before == 40  # what the practice brought: a feeling, as the record asks


operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.text(min_size=1, max_size=20).filter(str.strip), st.none() | st.integers(-3, 30)),
        st.tuples(st.just("move"), st.integers(0, 30), st.integers(-3, 30)),
        st.tuples(st.just("remove"), st.integers(0, 30), st.none()),
        st.tuples(st.just("current"), st.integers(0, 30), st.none()),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(ops=operations)
def test_any_sequence_of_ladder_changes_keeps_the_ladder_whole(ops) -> None:
    """Whatever is added, moved, removed or chosen, steps stay unique, nothing is lost by a move,
    and the current step is always one on the ladder (or none when the ladder is empty)."""
    ladder = ladder_of("Look", "Touch")
    for kind, a, b in ops:
        ids = [s.id for s in ladder.steps]
        if kind == "add":
            ladder, _ = ladders.add_step(ladder, a, at=b)
            assert len(ladder.steps) == len(ids) + 1
        elif ids and kind == "move":
            ladder = ladders.move_step(ladder, ids[a % len(ids)], b)
            assert sorted(s.id for s in ladder.steps) == sorted(ids)
        elif ids and kind == "remove":
            ladder = ladders.remove_step(ladder, ids[a % len(ids)])
            assert len(ladder.steps) == len(ids) - 1
        elif ids and kind == "current":
            ladder = ladders.set_current(ladder, ids[a % len(ids)])
        assert len({s.id for s in ladder.steps}) == len(ladder.steps)
        assert (ladder.current is None) == (not ladder.steps)
        assert ladder.current_step_id is None or ladder.step(ladder.current_step_id) is not None
    assert Ladder.model_validate_json(ladder.model_dump_json()) == ladder
