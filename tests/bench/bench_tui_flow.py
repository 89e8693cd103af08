"""How long a step change takes in the record flow (store, encrypted draft save, next step mounted).

Run: /work/venv/bin/python tests/bench/bench_tui_flow.py
Headless at 80x24, with journals of 0 and 2,000 records. A step change should feel instant (< 100 ms).
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

PASSPHRASE = "bench passphrase"


def make(path: Path, count: int) -> None:
    with Journal.create(path, PASSPHRASE) as journal:
        journal.save_settings(journal.settings().model_copy(update={"welcomed": True}))
        journal.add_many(
            [ThoughtRecord(situation="s" * 200, automatic_thought="It will always hurt " * 5) for _ in range(count)]
        )


async def step_times(path: Path) -> list[float]:
    app = ThoughtworkApp(path, passphrase=PASSPHRASE)
    app.load_pipeline = lambda: None  # the traps step is not part of this measurement
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        while type(app.screen).__name__ != "HomeScreen":
            await pilot.pause(0.01)
        app.start_record()
        await pilot.pause()
        screen = app.screen
        for forward in [True] * 3 + [False] * 3 + [True] * 3 + [False] * 3:
            await pilot.press(*"typing")
            start = time.perf_counter()
            await (screen.action_next() if forward else screen.action_back())
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    for count in (0, 2000):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.twj"
            make(path, count)
            times = asyncio.run(step_times(path))
        print(
            f"{count:>5} records: step change median {statistics.median(times) * 1000:.0f} ms,"
            f" max {max(times) * 1000:.0f} ms ({len(times)} changes)"
        )


if __name__ == "__main__":
    main()
