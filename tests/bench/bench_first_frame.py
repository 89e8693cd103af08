"""Seconds from typing the command to a drawn first screen, beside a Textual hello-world (the floor).

Run: .venv/bin/python tests/bench/bench_first_frame.py [RUNS]
Each run is a fresh process in a real pseudo-terminal (80x24), timed until its first screen's
words are on the terminal: `thoughtwork` opening a journal (the unlock screen), `thoughtwork`
with no journal yet (the welcome screen), and a five-line Textual app that draws one line. The
hello-world is as fast as a Textual app can start here, so the ratio says how much thoughtwork
adds. Target: 0.5 s to the drawn first screen.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pty_terminal import Terminal  # noqa: E402 - tests/ is put on the path just above

HELLO = """\
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hello, first frame")

Hello().run()
"""


def first_frame(command: list[str], env: dict[str, str], words: str) -> float:
    terminal = Terminal(command, env)
    try:
        return terminal.wait_until_drawn(words)
    finally:
        terminal.process.kill()
        terminal.wait_for_exit()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    from thoughtwork.journal import Journal

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        hello = home / "hello.py"
        hello.write_text(HELLO)
        journal = home / "bench.twj"
        with Journal.create(journal, "bench passphrase") as made:
            made.save_settings(made.settings().model_copy(update={"welcomed": True}))
        env = {**os.environ, "HOME": str(home)}
        env.pop("THOUGHTWORK_PASSPHRASE", None)
        env.pop("THOUGHTWORK_JOURNAL", None)
        cases = {
            "Textual hello-world (floor)": ([sys.executable, str(hello)], "Hello, first frame"),
            "thoughtwork, unlock screen": ([sys.executable, "-m", "thoughtwork", "--journal", str(journal)], "Welcome back"),
            "thoughtwork, welcome screen": ([sys.executable, "-m", "thoughtwork", "--journal", str(home / "new.twj")], "Welcome to thoughtwork"),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):  # interleaved, so a busy moment on the machine touches every case alike
            for name, (command, words) in cases.items():
                times[name].append(first_frame(command, env, words))
    floor = statistics.median(times["Textual hello-world (floor)"])
    print(f"{runs} fresh processes each, 80x24 pty, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("seconds to the first screen drawn: median, min, max, ratio to the floor (median)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<30} {median:.3f}  {min(values):.3f}  {max(values):.3f}  x{median / floor:.2f}")


if __name__ == "__main__":
    main()
