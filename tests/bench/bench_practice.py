"""Benchmark: the practice ladder with many practices (a daily practice for years).

Run on demand: python tests/bench/bench_practice.py
Prints, for 100, 1,000 and 5,000 practices (unencrypted journal, so only the practice code is
timed): reading them all, saving one, the ladder's readiness and streak, expected vs actual,
the report's practice section and the research export's practice table. Median of 5 rounds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from thoughtwork.journal import Journal, fileformat, files  # noqa: E402
from thoughtwork.models import SCHEMA_VERSION, Helper, HowFar, PracticeEntry  # noqa: E402
from thoughtwork.practice import gaps, ladders  # noqa: E402
from thoughtwork.practice.content import load_default_steps  # noqa: E402
from thoughtwork.practice.readiness import practice_streak, readiness  # noqa: E402
from thoughtwork.practice.report import build_practice_report  # noqa: E402
from thoughtwork.practice.research import practice_rows  # noqa: E402

ROUNDS = 5


def sample(n: int, steps: list[str]) -> list[PracticeEntry]:
    start = datetime(2020, 1, 1, 20, tzinfo=timezone.utc)
    return [
        PracticeEntry(step_id=steps[i * len(steps) // n], step_title="A step", practised_at=start + timedelta(days=i // 2),
                      predicted_pain=70, actual_pain=30, predicted_anxiety=60, actual_anxiety=40, how_far=HowFar.whole,
                      helpers=[Helper.breathing, Helper.lubricant], feelings_after="calmer than I expected", note="went slowly")
        for i in range(n)
    ]


def median(action) -> float:  # noqa: ANN001
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ladder = ladders.from_defaults(load_default_steps())
    ids = {s.id for s in ladder.steps}
    print(f"{'practices':>9} | read all | save one | readiness+streak | expected vs actual | report | export table")
    with tempfile.TemporaryDirectory() as folder:
        for n in (100, 1_000, 5_000):
            path = Path(folder) / f"j{n}.twj"
            docs = {str(i): p.model_dump(mode="json") for i, p in enumerate(sample(n, [s.id for s in ladder.steps]), 1)}
            tables = {"records": {}, "assignments": {}, "settings": {}, "ladder": {"1": ladder.model_dump(mode="json")},
                      "practices": docs}
            files.atomic_write(path, fileformat.encode(tables, SCHEMA_VERSION, None))
            with Journal.open(path, None) as journal:
                read = median(journal.practices)
                practices = journal.practices()
                save = median(lambda: journal.save_practice(practices[0]))
            ready = median(lambda: (readiness(ladder, practices), practice_streak(practices, date(2030, 1, 1))))
            gap = median(lambda: [gaps.summary(practices, m) for m in gaps.MEASURES])
            report = median(lambda: build_practice_report(ladder, practices, [], start=None, end=date(2030, 1, 1)))
            table = median(lambda: practice_rows(practices, ladder, [], "tw-0", ids))
            print(f"{n:>9,} | {read:7.3f}s | {save:7.3f}s | {ready:15.3f}s | {gap:17.3f}s | {report:5.3f}s | {table:11.3f}s")


if __name__ == "__main__":
    main()
