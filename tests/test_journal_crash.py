"""A writer killed at any moment leaves a journal that opens: the old version or the new one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from thoughtwork.journal import Journal
from thoughtwork.models import ThoughtRecord

PASS = "a long passphrase"
KILLS = 120

WRITER = """
import sys
from thoughtwork.journal import Journal
from thoughtwork.models import ThoughtRecord
journal = Journal.open(sys.argv[1], sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    n += 1
    journal.save(ThoughtRecord(situation="s" * 2000, automatic_thought=f"thought {n}"))
"""


def test_killing_a_writer_never_leaves_an_unreadable_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.twj"
    with Journal.create(path, PASS) as journal:
        journal.save(ThoughtRecord(situation="first", automatic_thought="kept"))
    rng = random.Random(20261124)
    unreadable = 0
    counts = []
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), PASS],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert writer.stdout.readline().strip() == b"ready"
        try:
            writer.wait(timeout=rng.uniform(0.0, 0.08))
        except subprocess.TimeoutExpired:
            writer.send_signal(signal.SIGKILL)
            writer.wait()
        try:
            with Journal.open(path, PASS) as journal:
                records = journal.records()
                counts.append(len(records))
                assert any(r.automatic_thought == "kept" for r in records)
        except Exception:  # noqa: BLE001 - counted, asserted below
            unreadable += 1
    assert unreadable == 0
    assert counts == sorted(counts), "a later journal never has fewer records than an earlier one"
    assert counts[-1] > counts[0], "the writers really were writing when killed"
    assert not list(tmp_path.glob(".*.tmp")), "stale temp files are cleaned when the journal is opened"
