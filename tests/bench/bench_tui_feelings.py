"""How long ticking a feeling takes on the feelings step (its rating row mounted beside the list).

Run: /work/venv/bin/python tests/bench/bench_tui_feelings.py
Headless at 80x24. Compared with moving the cursor in the same list (no row to show), which is
the cost of any key press here; the difference is what the rating rows add.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("THOUGHTWORK_KDF_PROFILE", "test")  # unlock cost is measured elsewhere

from thoughtwork.journal import Journal  # noqa: E402
from thoughtwork.models import ThoughtRecord  # noqa: E402
from thoughtwork.tui.app import ThoughtworkApp  # noqa: E402
from thoughtwork.tui.screens.record.emotions import COMMON_EMOTIONS, FeelingRating  # noqa: E402

PASSPHRASE = "bench passphrase"


async def tick_times(path: Path, record_id: str) -> tuple[list[float], list[float]]:
    app = ThoughtworkApp(path, passphrase=PASSPHRASE)
    app.load_pipeline = lambda: None
    times, moves = [], []
    async with app.run_test(size=(80, 24)) as pilot:
        while type(app.screen).__name__ != "HomeScreen":
            await pilot.pause(0.01)
        app.start_record(record_id)
        await pilot.pause()
        await app.screen._show(1)
        await pilot.pause()
        step = app.screen.current
        for round_ in range(4):  # tick all twelve, untick all twelve, twice
            for index in range(len(COMMON_EMOTIONS)):
                wanted = shown(step) + (1 if round_ % 2 == 0 else -1)
                step.query_one("#emotions").highlighted = index
                start = time.perf_counter()
                await pilot.press("space")
                while shown(step) != wanted:
                    await pilot.pause(0)
                times.append(time.perf_counter() - start)
        for index in range(24):
            start = time.perf_counter()
            await pilot.press("down" if index % 2 else "up")
            moves.append(time.perf_counter() - start)
    return times, moves


def shown(step) -> int:
    return sum(1 for row in step.query(FeelingRating) if row.display)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.twj"
        record = ThoughtRecord(situation="Smear test booked")
        with Journal.create(path, PASSPHRASE) as journal:
            journal.save_settings(journal.settings().model_copy(update={"welcomed": True}))
            journal.add_many([record])
        times, moves = asyncio.run(tick_times(path, record.id))
    print(
        f"tick or untick a feeling (row shown or removed): median {statistics.median(times) * 1000:.0f} ms,"
        f" max {max(times) * 1000:.0f} ms ({len(times)} ticks)"
    )
    print(f"move the cursor in the list (baseline): median {statistics.median(moves) * 1000:.0f} ms ({len(moves)} moves)")


if __name__ == "__main__":
    main()
