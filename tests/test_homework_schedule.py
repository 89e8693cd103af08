"""The homework schedule: what is due, overdue or done, and how much has been done, per cadence."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from thoughtwork.homework.schedule import completion, due_items, periods
from thoughtwork.models import Assignment, Cadence, CadenceKind, Moment, Prompt, RecordStep, ThoughtRecord

UTC = timezone.utc
MON = date(2026, 11, 2)  # a Monday, so ISO weeks are easy to read


def prompt(pid: str = "p.one") -> Prompt:
    return Prompt(id=pid, title=f"Prompt {pid}", instructions="Write down the thought as it comes.",
                  moments=[Moment.any_time], steps=[RecordStep.situation, RecordStep.automatic_thought])


def assignment(kind: str = "daily", n: int | None = None, start: date = MON, days: int = 13,
               prompts: list[Prompt] | None = None, aid: str = "a1") -> Assignment:
    return Assignment(id=aid, prompts=prompts or [prompt()], cadence=Cadence(kind=CadenceKind(kind), times_per_week=n),
                      start=start, end=start + timedelta(days=days))


def record(day: date, aid: str | None = "a1", pid: str | None = "p.one", hour: int = 12) -> ThoughtRecord:
    return ThoughtRecord(situation="s", automatic_thought="t", assignment_id=aid, prompt_id=pid,
                         created_at=datetime(day.year, day.month, day.day, hour, tzinfo=UTC))


def day(n: int) -> date:
    return MON + timedelta(days=n)


def only(items):  # noqa: ANN001, ANN201
    assert len(items) == 1
    return items[0]


def test_daily_is_due_then_done_then_overdue_after_a_missed_day() -> None:
    a = assignment("daily")
    recs = [record(day(0)), record(day(1))]
    assert only(due_items([a], recs, day(1), UTC)).status == "done"
    assert only(due_items([a], recs, day(2), UTC)).status == "due"  # yesterday was done
    item = only(due_items([a], recs, day(3), UTC))  # day 2 was missed
    assert item.status == "overdue"
    assert (item.done_so_far, item.expected_so_far) == (2, 3)  # today is not owed yet
    assert only(due_items([a], recs + [record(day(3))], day(3), UTC)).status == "done"
    assert item.last_done == day(1) and only(due_items([a], [], day(3), UTC)).last_done is None


def test_the_homework_screen_says_when_each_prompt_was_last_done() -> None:
    from datetime import date as calendar

    from thoughtwork.tui.screens.homework_due import _day, _describe

    a = assignment("daily")
    [item] = due_items([a], [record(day(0)), record(day(1))], day(3), UTC)
    assert f"last done {_day(day(1))}" in str(_describe(item))
    assert "not done yet" in str(_describe(due_items([a], [], day(3), UTC)[0]))
    today = calendar.today()
    assert (_day(today), _day(today - timedelta(days=1))) == ("today", "yesterday")
    assert _day(calendar(2026, 11, 30)) == "Mon 30 Nov"


def test_three_times_a_week_counts_per_iso_week() -> None:
    a = assignment("weekly", 3)
    week1 = [record(day(0)), record(day(0), hour=18), record(day(1))]
    item = only(due_items([a], week1, day(2), UTC))
    assert item.status == "done"
    assert (item.done_in_period, item.expected_in_period) == (3, 3)
    assert (item.period_start, item.period_end) == (day(0), day(6))
    nxt = only(due_items([a], week1, day(7), UTC))
    assert nxt.status == "due" and nxt.done_in_period == 0 and nxt.period_start == day(7)
    short = only(due_items([a], week1[:1], day(8), UTC))
    assert short.status == "overdue"  # the first week asked for 3 and got 1


def test_a_week_the_window_only_partly_covers_asks_for_less() -> None:
    saturday = day(5)
    a = assignment("weekly", 3, start=saturday, days=9)
    quotas = [(p.start, p.end, p.quota) for p in periods(a)]
    assert quotas == [(day(5), day(6), 1), (day(7), day(13), 3), (day(14), day(14), 1)]
    five = assignment("weekly", 3, start=day(2), days=4)  # Wednesday to Sunday: 3 x 5/7
    assert [p.quota for p in periods(five)] == [2]


def test_once_is_due_until_done_and_never_overdue() -> None:
    a = assignment("once")
    assert only(due_items([a], [], day(12), UTC)).status == "due"
    assert only(due_items([a], [record(day(4))], day(12), UTC)).status == "done"
    assert completion(a, [], day(12), UTC).expected == 0  # not late while the window is open
    assert completion(a, [], a.end, UTC, day_is_over=True).expected == 1


def test_only_records_of_this_assignment_prompt_and_window_count() -> None:
    a = assignment("daily", prompts=[prompt("p.one"), prompt("p.two")])
    recs = [
        record(day(0), pid="p.two"),
        record(day(0), aid="other"),
        record(day(0), aid=None, pid=None),
        record(day(-1)),  # before the start
        record(day(0), pid=None),  # two prompts: a record without a prompt id is not guessed
    ]
    items = {i.prompt.id: i for i in due_items([a], recs, day(0), UTC)}
    assert items["p.one"].status == "due" and items["p.one"].done_in_period == 0
    assert items["p.two"].status == "done"


def test_single_prompt_assignment_counts_records_without_prompt_id() -> None:
    a = assignment("daily")
    assert only(due_items([a], [record(day(0), pid=None)], day(0), UTC)).status == "done"


def test_days_follow_the_given_time_zone() -> None:
    a = assignment("daily")
    late = ThoughtRecord(situation="s", automatic_thought="t", assignment_id="a1", prompt_id="p.one",
                         created_at=datetime(2026, 11, 2, 23, 30, tzinfo=timezone(timedelta(hours=-5))))
    assert only(due_items([a], [late], day(0), UTC)).status == "due"  # 04:30 UTC on day 1
    assert only(due_items([a], [late], day(1), UTC)).status == "done"
    assert only(due_items([a], [late], day(0), timezone(timedelta(hours=-5)))).status == "done"


def test_only_assignments_active_today_are_listed_overdue_first() -> None:
    later = assignment("daily", start=day(20), aid="later")
    finished = assignment("daily", start=day(-30), days=5, aid="old")
    behind = assignment("daily", aid="behind")
    fresh = assignment("daily", start=day(3), aid="fresh")
    items = due_items([fresh, later, finished, behind], [], day(3), UTC)
    assert [(i.assignment.id, i.status) for i in items] == [("behind", "overdue"), ("fresh", "due")]


def test_completion_does_not_let_extra_records_hide_a_missed_day() -> None:
    a = assignment("daily", prompts=[prompt("p.one"), prompt("p.two")])
    recs = [record(day(0)), record(day(0)), record(day(0)), record(day(2), pid="p.two")]
    done = completion(a, recs, day(2), UTC)
    one, two = done.per_prompt
    assert (one.done, one.credited, one.expected) == (3, 1, 2)  # day 2 is still running
    assert (two.done, two.credited, two.expected) == (1, 1, 3)  # ... and already done for p.two
    # The assignment counts times (days with a record for it): days 0 and 2 of 3, 14 in all.
    assert (done.done, done.credited, done.expected, done.expected_total) == (4, 2, 3, 14)
    assert round(done.ratio, 3) == round(2 / 3, 3)
    assert (one.last_done, two.last_done) == (day(0), day(2))
    assert done.current == (1, 1) and not done.finished


def test_a_week_that_has_just_begun_is_not_owed() -> None:
    a = assignment("weekly", 3)
    assert completion(a, [], day(0), UTC).expected == 0
    assert completion(a, [record(day(0))], day(0), UTC).expected == 1
    assert completion(a, [record(day(0))], day(7), UTC).expected == 3  # week one is over
    assert only(due_items([a], [], day(3), UTC)).expected_so_far == 0


def test_completion_before_the_start_expects_nothing() -> None:
    done = completion(assignment("daily"), [], day(-3), UTC)
    assert (done.expected, done.ratio) == (0, 1.0)


def test_three_times_a_week_with_two_prompts_is_three_practice_days_not_six_records() -> None:
    a = assignment("weekly", 3, days=13, prompts=[prompt("p.before"), prompt("p.after")])
    week = [record(day(n), pid=pid) for n in (0, 2, 4) for pid in ("p.before", "p.after")]
    done = completion(a, week, day(7), UTC)
    assert (done.credited, done.expected, done.expected_total) == (3, 3, 6)
    assert done.done == 6 and [p.done for p in done.per_prompt] == [3, 3]
    before_only = completion(a, [record(day(n), pid="p.before") for n in (0, 2, 4)], day(7), UTC)
    assert (before_only.credited, before_only.expected) == (3, 3)
    assert [p.done for p in before_only.per_prompt] == [3, 0]
    assert before_only.per_prompt[1].last_done is None
    assert done.current == (0, 3)


def test_a_finished_assignment_knows_it_is_finished() -> None:
    a = assignment("daily", days=2)
    assert completion(a, [], day(5), UTC).finished
    assert not completion(a, [], day(2), UTC).finished
    assert completion(a, [], day(2), UTC, day_is_over=True).finished
    assert completion(a, [], day(5), UTC).current is None
