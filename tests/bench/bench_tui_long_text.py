"""What the length guard adds to a key press in a nearly full text box (19,700 characters).

Run: /work/venv/bin/python tests/bench/bench_tui_long_text.py
Headless at 80x24. A plain TextArea against the BoundedTextArea the record steps use, the
same text and keys; the difference is the guard's cost. Prints the median and 90th percentile.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from thoughtwork.tui.widgets.bounded_text import BoundedTextArea

TEXT = ("It will always hurt. " * 938).rstrip()
KEYS = 60


class Box(App[None]):
    def __init__(self, bounded: bool) -> None:
        super().__init__()
        self.bounded = bounded

    def compose(self) -> ComposeResult:
        yield (BoundedTextArea if self.bounded else TextArea)(TEXT, id="box")


async def key_times(bounded: bool) -> list[float]:
    app = Box(bounded)
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        box = app.query_one("#box", TextArea)
        box.focus()
        box.move_cursor(box.document.end)
        await pilot.pause()
        for _ in range(KEYS):
            start = time.perf_counter()
            await pilot.press("x")
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    print(f"load average: {os.getloadavg()[0]:.2f} (two cores; other work slows every figure)")
    for bounded in (False, True):
        times = sorted(asyncio.run(key_times(bounded)))
        name = "BoundedTextArea" if bounded else "TextArea       "
        median = statistics.median(times) * 1000
        p90 = times[int(len(times) * 0.9)] * 1000
        print(f"{name}: a key at 19,700 characters, median {median:.1f} ms, 90th percentile {p90:.1f} ms ({KEYS} keys)")


if __name__ == "__main__":
    main()
