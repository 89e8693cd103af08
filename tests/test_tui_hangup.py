"""Closing the terminal loses no word: the real app in a pseudo-terminal, typed into, then hung up on.

Each test starts `thoughtwork` as a person would (its own session, a terminal of 80x24), types
a situation, waits until every character is drawn on the screen, and at once (well within the
second the typing pause would take to save) closes the window or signals the app. The journal,
opened afterwards, must hold every character.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest
from test_tui_flow_support import PASSPHRASE, make_journal

from thoughtwork.journal import Journal

LINES = ["Waiting room, caf\u00e9 noise", "hands shaking, it's my turn zq7"]
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$]*[A-Za-z~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[=>]")


def _as_in_a_new_window() -> None:
    """In the child: the terminal becomes its controlling terminal (so closing it hangs the app
    up), and the signals have their usual effect even if the test runner ignores them."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    for number in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
        signal.signal(number, signal.SIG_DFL)


class Terminal:
    """A pseudo-terminal with the app running in it; everything it draws is collected."""

    def __init__(self, journal: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(os.environ, THOUGHTWORK_PASSPHRASE=PASSPHRASE, TERM="xterm-256color")
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "thoughtwork", "--journal", str(journal)],
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

    def wait_until_drawn(self, *pieces: str, whole: bool = False, timeout: float = 60.0) -> None:
        """Wait until each piece is drawn; `whole`: as a run of its own (ending there, not running into more)."""
        ending = r" *\n" if whole else ""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.drawn_text()
            if all(re.search(re.escape(piece) + ending, text) for piece in pieces):
                return
            if self.process.poll() is not None:
                raise AssertionError(f"the app ended early (code {self.process.returncode})")
            time.sleep(0.02)
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


def _hang_up(terminal: Terminal, how: str) -> None:
    if how == "window closed":
        terminal.close_window()
    else:
        terminal.process.send_signal(getattr(signal, how))


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM", "window closed"])
def test_every_character_typed_is_in_the_journal_after_a_hang_up(tmp_path, how):
    path = make_journal(tmp_path / "j.twj")
    terminal = Terminal(path)
    try:
        terminal.wait_until_drawn("Start a new thought record")
        terminal.type("n")
        terminal.wait_until_drawn("What happened?")
        # The first letter is seen in the box before the rest is typed, as a person sees where
        # they type: keys typed while the step appears are `EarlyKeys`' business, not this test's.
        terminal.type(LINES[0][0])
        terminal.wait_until_drawn(LINES[0][0], whole=True)
        terminal.type(LINES[0][1:] + "\r" + LINES[1])
        terminal.wait_until_drawn(*LINES, whole=True)  # each on a row of its own
        _hang_up(terminal, how)
    finally:
        code = terminal.wait_for_exit()
    with Journal.open(path, PASSPHRASE) as journal:
        situations = [record.situation for record in journal.records()]
    assert situations == ["\n".join(LINES)], f"exit code {code}"
