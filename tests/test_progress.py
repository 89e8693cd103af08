"""Progress statistics: ratings over time, trap frequency, streaks and milestones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from thoughtwork.models import (
    DistortionId,
    DistortionMatch,
    DistortionStatus,
    RecordStatus,
    ThoughtRecord,
)
from thoughtwork.progress import (
    anxiety_points,
    average_before_after,
    belief_points,
    local_day,
    milestones,
    practice_days,
    streaks,
    trap_counts,
)

DAY1 = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)


def record(day: int = 0, hour: int = 19, **fields) -> ThoughtRecord:
    """A record written `day` days after DAY1."""
    created = DAY1.replace(hour=hour) + timedelta(days=day)
    return ThoughtRecord(situation="s", automatic_thought="t", created_at=created, **fields)


def trap(id_: str, status: DistortionStatus = DistortionStatus.accepted) -> DistortionMatch:
    return DistortionMatch(id=DistortionId(id_), status=status)


def test_points_are_oldest_first_and_skip_records_without_ratings() -> None:
    records = [record(2, belief_before=80, belief_after=30), record(0, belief_before=90), record(1)]
    points = belief_points(records, UTC)
    assert [p.day.day for p in points] == [2, 4]
    assert points[0].before == 90 and points[0].after is None and points[0].change is None
    assert points[1].change == -50


def test_anxiety_points_use_anxiety_fields() -> None:
    points = anxiety_points([record(0, anxiety_before=70, anxiety_after=40, belief_before=10)], UTC)
    assert (points[0].before, points[0].after) == (70, 40)


def test_average_uses_only_records_with_both_ratings() -> None:
    points = belief_points(
        [record(0, belief_before=80, belief_after=40), record(1, belief_before=60, belief_after=20), record(2, belief_before=100)],
        UTC,
    )
    assert average_before_after(points) == (70.0, 30.0)
    assert average_before_after(belief_points([record(0, belief_before=50)], UTC)) is None


def test_trap_counts_skip_rejected_and_count_once_per_record() -> None:
    records = [
        record(0, distortions=[trap("fortune_telling"), trap("fortune_telling"), trap("labeling")]),
        record(1, distortions=[trap("fortune_telling"), trap("labeling", DistortionStatus.rejected)]),
        record(2, distortions=[trap("catastrophizing", DistortionStatus.added)]),
    ]
    counts = trap_counts(records)
    assert counts[0] == (DistortionId.fortune_telling, 2)
    # Ties sort by the name a person reads: Catastrophising before Labelling.
    assert counts[1:] == [(DistortionId.catastrophizing, 1), (DistortionId.labeling, 1)]


def test_days_follow_the_persons_time_zone() -> None:
    late = ThoughtRecord(created_at=datetime(2026, 3, 2, 23, 30, tzinfo=UTC))
    tokyo = timezone(timedelta(hours=9))
    assert local_day(late, UTC) == date(2026, 3, 2)
    assert local_day(late, tokyo) == date(2026, 3, 3)


def test_streak_counts_consecutive_days_and_survives_an_unwritten_today() -> None:
    records = [record(0), record(1), record(1, hour=8), record(2), record(5), record(6)]
    assert practice_days(records, UTC) == {date(2026, 3, d) for d in (2, 3, 4, 7, 8)}
    today = date(2026, 3, 9)  # nothing yet today: yesterday's run still counts
    assert streaks(records, today, UTC).current == 2
    assert streaks(records, today, UTC).longest == 3
    assert streaks(records, date(2026, 3, 10), UTC).current == 0


def test_no_records_no_streak_no_milestones() -> None:
    assert streaks([], date(2026, 3, 2), UTC).current == 0
    assert streaks([], date(2026, 3, 2), UTC).longest == 0
    assert milestones([], UTC) == []


def test_first_record_milestone_even_for_a_draft() -> None:
    reached = milestones([record(0)], UTC)
    assert [m.key for m in reached] == ["first_record"]
    assert reached[0].reached_on == date(2026, 3, 2)


def test_belief_that_dropped_by_half_is_celebrated_on_its_day() -> None:
    records = [
        record(0, belief_before=80, belief_after=50, status=RecordStatus.complete),
        record(3, belief_before=80, belief_after=40, status=RecordStatus.complete),
        record(4, belief_before=10, belief_after=0, status=RecordStatus.complete),
    ]
    by_key = {m.key: m for m in milestones(records, UTC)}
    assert by_key["belief_halved"].reached_on == date(2026, 3, 5)
    assert by_key["first_complete"].reached_on == date(2026, 3, 2)
    assert "anxiety_halved" not in by_key


def test_small_ratings_do_not_count_as_halved() -> None:
    keys = {m.key for m in milestones([record(0, belief_before=10, belief_after=2)], UTC)}
    assert "belief_halved" not in keys


def test_week_of_practice_needs_seven_different_days_not_seven_records() -> None:
    same_day = [record(0, hour=h) for h in range(8, 20)]
    assert "week_of_practice" not in {m.key for m in milestones(same_day, UTC)}
    spread = [record(d * 2) for d in range(7)]
    keys = {m.key: m for m in milestones(spread, UTC)}
    assert keys["week_of_practice"].reached_on == date(2026, 3, 14)
    assert "seven_in_a_row" not in keys and "three_in_a_row" not in keys


def test_runs_and_counts_are_reached_on_the_right_day_in_order() -> None:
    records = [record(d) for d in range(10)]
    reached = milestones(records, UTC)
    by_key = {m.key: m for m in reached}
    assert by_key["three_in_a_row"].reached_on == date(2026, 3, 4)
    assert by_key["seven_in_a_row"].reached_on == date(2026, 3, 8)
    assert by_key["records_10"].reached_on == date(2026, 3, 11)
    assert [m.reached_on for m in reached] == sorted(m.reached_on for m in reached)
    assert "records_25" not in by_key
