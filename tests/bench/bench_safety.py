"""Speed of the self-harm check (run on demand: python tests/bench/bench_safety.py).

The check runs on every box of a record at every draft save, before spaCy has loaded, so it must
be quick on its own: it prints the cold load of the learned reader (a fresh subprocess, including
numpy), and texts per second for the phrase list alone, the reader alone and both together
(`mentions_self_harm`) over the safety corpus's texts. Prints `uptime` first: compare figures
only at a low load.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus" / "safety"
ROUNDS = 3

COLD_LOAD = """
import time
t0 = time.perf_counter()
from thoughtwork.safety import mentions_self_harm
t1 = time.perf_counter()
mentions_self_harm("I keep looking at the bridge")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def cold_load() -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, check=True)
    imported, first = map(float, out.stdout.split())
    return imported, first


def texts_per_second(check, texts: list[str]) -> float:
    best = 0.0
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for text in texts:
            check(text)
        best = max(best, len(texts) / (time.perf_counter() - started))
    return best


def main() -> None:
    from thoughtwork.safety.detection import mentions_phrase, mentions_self_harm
    from thoughtwork.safety.model import read

    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*.jsonl")) for line in path.open(encoding="utf-8")]
    imported, first = cold_load()
    print(f"cold: import {imported * 1000:.0f} ms, first check (loads the weights) {first * 1000:.0f} ms")
    read(texts[0])
    for name, check in (("phrase list", mentions_phrase), ("learned reader", read), ("both", mentions_self_harm)):
        print(f"{name:<15} {texts_per_second(check, texts):8.0f} texts/s over {len(texts)} texts")


if __name__ == "__main__":
    main()
