"""How fast the browsing screens are with a big journal (run on demand: python tests/bench/bench_browse.py).

Prints: progress statistics over N records, filtering on one search keystroke, and the time
to open the journal screen and to redraw it after a keystroke, at 80x24.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("THOUGHTWORK_KDF_PROFILE", "test")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_tui_browse_support import HostApp, make_journal

from thoughtwork.models import (
    Context,
    DistortionId,
    DistortionMatch,
    RecordStatus,
    ThoughtRecord,
)
from thoughtwork.progress import belief_points, milestones, streaks, trap_counts
from thoughtwork.tui.screens.journal_list import JournalScreen, filter_records
from thoughtwork.tui.screens.progress import ProgressScreen

N = int(os.environ.get("BENCH_RECORDS", "2000"))
WORDS = ["it", "will", "hurt", "never", "broken", "partner", "tight", "slow", "breathe", "dilator", "exam", "patient", "try", "again", "body"]


def records(n: int) -> list[ThoughtRecord]:
    rng = random.Random(7)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    traps = list(DistortionId)
    out = []
    for i in range(n):
        before = rng.randint(40, 100)
        out.append(
            ThoughtRecord(
                created_at=start + timedelta(hours=9 * i),
                status=RecordStatus.complete,
                context=rng.choice(list(Context)),
                situation=" ".join(rng.choices(WORDS, k=12)),
                automatic_thought=" ".join(rng.choices(WORDS, k=10)),
                balanced_thought=" ".join(rng.choices(WORDS, k=10)),
                distortions=[DistortionMatch(id=t) for t in rng.sample(traps, 2)],
                belief_before=before,
                belief_after=rng.randint(0, before),
                anxiety_before=before,
                anxiety_after=rng.randint(0, before),
            )
        )
    return out


def timed(label: str, func, repeat: int = 5) -> None:
    best = min(_once(func) for _ in range(repeat))
    print(f"{label:<48} {best * 1000:8.1f} ms")


def _once(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


async def screens(journal) -> None:
    from textual.screen import Screen

    for screen, label in (
        (Screen, "baseline: an empty screen in the test harness"),
        (JournalScreen, "open journal screen"),
        (ProgressScreen, "open progress screen"),
    ):
        app = HostApp(journal, screen)
        start = time.perf_counter()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            print(f"{label + f' ({N} records)':<48} {(time.perf_counter() - start) * 1000:8.1f} ms")
            if screen is JournalScreen:
                await pilot.press("slash")
                start = time.perf_counter()
                await pilot.press("h")
                await pilot.pause()
                print(f"{'one search keystroke, table redrawn':<48} {(time.perf_counter() - start) * 1000:8.1f} ms")


def main() -> None:
    data = records(N)
    today = data[-1].created_at.date()
    print(f"{N} records")
    timed("progress: belief points", lambda: belief_points(data))
    timed("progress: trap counts", lambda: trap_counts(data))
    timed("progress: streaks", lambda: streaks(data, today))
    timed("progress: milestones", lambda: milestones(data))
    timed("filter: two search words", lambda: filter_records(data, "hurt partner"))
    with tempfile.TemporaryDirectory() as folder:
        journal = make_journal(Path(folder) / "bench.twj", data)
        timed("journal.records() (decrypted, validated)", journal.records, repeat=3)
        asyncio.run(screens(journal))
        journal.close()


if __name__ == "__main__":
    main()
