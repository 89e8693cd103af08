"""A pseudo-terminal with a program running in it, as a person's terminal window would be (no tests here).

Used by the hang-up tests (closing the window must lose no word) and the first-frame benchmark.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Sequence

ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$]*[A-Za-z~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[=>]")


def _as_in_a_new_window() -> None:
    """In the child: the terminal becomes its controlling terminal (so closing it hangs the app
    up), and the signals have their usual effect even if the test runner ignores them."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    for number in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
        signal.signal(number, signal.SIG_DFL)


class Terminal:
    """A pseudo-terminal with `command` running in it; everything it draws is collected."""

    def __init__(self, command: Sequence[str], env: dict[str, str] | None = None, size: tuple[int, int] = (80, 24)) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        env = dict(os.environ if env is None else env, TERM="xterm-256color")
        env.pop("NO_COLOR", None)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            preexec_fn=_as_in_a_new_window,
        )
        os.close(slave)
        self._drawn = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self._drawn.extend(chunk)

    def drawn_text(self) -> str:
        """What was drawn so far, each escape sequence made a line break (a run of text stays whole)."""
        return ESCAPES.sub("\n", bytes(self._drawn).decode("utf-8", "replace"))

    def wait_until_drawn(self, *pieces: str, whole: bool = False, timeout: float = 60.0) -> float:
        """Wait until each piece is drawn; `whole`: as a run of its own (ending there, not running
        into more). Returns the seconds from the start of the program to then."""
        ending = r" *\n" if whole else ""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.drawn_text()
            if all(re.search(re.escape(piece) + ending, text) for piece in pieces):
                return time.perf_counter() - self.started
            if self.process.poll() is not None:
                raise AssertionError(f"the app ended early (code {self.process.returncode})")
            time.sleep(0.005)
        rows = [row for row in self.drawn_text().splitlines() if row.strip()]
        raise AssertionError(f"never drawn: {pieces!r}; the last runs drawn: {rows[-12:]!r}")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close_window(self) -> None:
        os.close(self.master)
        self.master = -1

    def wait_for_exit(self, timeout: float = 30.0) -> int:
        try:
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            if self.master >= 0:
                os.close(self.master)
