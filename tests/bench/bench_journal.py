"""Benchmark: open and save times for journals of 100, 1,000 and 10,000 records.

Run on demand: python tests/bench/bench_journal.py
Uses the real Argon2id cost for the encrypted rows, so "open" includes unlocking.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.pop("THOUGHTWORK_KDF_PROFILE", None)

from thoughtwork.journal import Journal  # noqa: E402
from thoughtwork.journal import crypto  # noqa: E402
from thoughtwork.models import ThoughtRecord  # noqa: E402

PASS = "a long passphrase"


def sample(n: int) -> list[ThoughtRecord]:
    return [
        ThoughtRecord(
            situation=f"Evening dilator practice number {i}, after a long day at work",
            automatic_thought="It will hurt every time and I will never be able to do this",
            belief_before=80, anxiety_before=70,
            evidence_for=["It hurt last time"], evidence_against=["Yesterday the small one went in"],
            balanced_thought="It hurt before; that does not decide every time. I can go slowly.",
            belief_after=40, anxiety_after=35, status="complete",
        )
        for i in range(n)
    ]


def measure(n: int, encrypted: bool, folder: Path) -> tuple[float, float, float, int]:
    path = folder / f"j{n}{encrypted}.twj"
    with Journal.create(path, PASS if encrypted else None, encrypted=encrypted) as journal:
        journal.add_many(sample(n))
    opens, saves = [], []
    for _ in range(3):
        start = time.perf_counter()
        journal = Journal.open(path, PASS if encrypted else None)
        records = journal.records()
        opens.append(time.perf_counter() - start)
        start = time.perf_counter()
        journal.save(records[0].model_copy(update={"balanced_thought": "edited"}))
        saves.append(time.perf_counter() - start)
        journal.close()
    kdf = 0.0
    if encrypted:
        params = crypto.KdfParams.fresh()
        start = time.perf_counter()
        params.derive(PASS)
        kdf = time.perf_counter() - start
    return statistics.median(opens), statistics.median(saves), kdf, path.stat().st_size


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000]
    print(f"{'records':>8} {'mode':>10} {'open+list (s)':>14} {'of which KDF':>13} {'save one (s)':>13} {'file (MB)':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            for encrypted in (True, False):
                open_s, save_s, kdf, size = measure(n, encrypted, Path(folder))
                mode = "encrypted" if encrypted else "plain"
                print(f"{n:>8} {mode:>10} {open_s:>14.3f} {kdf:>13.3f} {save_s:>13.3f} {size / 1e6:>10.2f}")


if __name__ == "__main__":
    main()
