"""Closing the terminal loses no word: the real app in a pseudo-terminal, typed into, then hung up on.

Each test starts `thoughtwork` as a person would (its own session, a terminal of 80x24), types
a situation, waits until every character is drawn on the screen, and at once (well within the
second the typing pause would take to save) closes the window or signals the app. The journal,
opened afterwards, must hold every character.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from pty_terminal import Terminal
from test_tui_flow_support import PASSPHRASE, make_journal

from thoughtwork.journal import Journal

LINES = ["Waiting room, caf\u00e9 noise", "hands shaking, it's my turn zq7"]
def app_terminal(journal: Path) -> Terminal:
    env = dict(os.environ, THOUGHTWORK_PASSPHRASE=PASSPHRASE)
    return Terminal([sys.executable, "-m", "thoughtwork", "--journal", str(journal)], env)


def _hang_up(terminal: Terminal, how: str) -> None:
    if how == "window closed":
        terminal.close_window()
    else:
        terminal.process.send_signal(getattr(signal, how))


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM", "window closed"])
def test_every_character_typed_is_in_the_journal_after_a_hang_up(tmp_path, how):
    path = make_journal(tmp_path / "j.twj")
    terminal = app_terminal(path)
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


STUCK_TERMINAL = """
import os, sys, threading
from textual.drivers import _writer_thread

# Once the marker file exists, every write to the terminal waits for ever: the state Textual's
# shutdown was seen stuck in after the window closed (its writer gone, its queue full).
marker = sys.argv[1]
real_write = _writer_thread.WriterThread.write
def write(self, text):
    if os.path.exists(marker):
        threading.Event().wait()
    real_write(self, text)
_writer_thread.WriterThread.write = write

from thoughtwork.cli.main import main
sys.exit(main(["--journal", sys.argv[2]]))
"""


@pytest.mark.slow
def test_a_hang_up_ends_the_app_even_when_the_terminal_never_takes_another_write(tmp_path):
    path = make_journal(tmp_path / "j.twj")
    marker = tmp_path / "terminal-stuck"
    env = dict(os.environ, THOUGHTWORK_PASSPHRASE=PASSPHRASE)
    terminal = Terminal([sys.executable, "-c", STUCK_TERMINAL, str(marker), str(path)], env)
    try:
        terminal.wait_until_drawn("Start a new thought record")
        marker.touch()
        terminal.process.send_signal(signal.SIGHUP)
        code = terminal.process.wait(timeout=20)  # before the fix: asleep for ever, holding the lock
    finally:
        terminal.wait_for_exit()
    assert code == 0
    with Journal.open(path, PASSPHRASE) as journal:  # the lock is free: the person can come back
        assert journal.records() == []
