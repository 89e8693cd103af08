"""Speed of the distortion matcher (run on demand: python tests/bench/bench_nlp.py).

The pipeline includes the learned trap model; a round of the rules alone shows what it costs.
Targets: >= 5,000 short thoughts/s in batch on one core once loaded, < 5 ms for one thought,
pipeline load < 2 s cold (measured in a fresh subprocess, including `import spacy`). The run pins
itself to one core and prints `uptime` before and after: compare figures only at a low load.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "distortions_dev.jsonl"
ROUNDS = 5

COLD_LOAD = """
import time
t0 = time.perf_counter()
from thoughtwork.nlp import load_pipeline
load_pipeline()
t1 = time.perf_counter()
from thoughtwork.nlp import analyse
analyse("It hurt last time, so it will hurt every time.")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def cold_load(runs: int = 3) -> tuple[float, float]:
    loads, firsts = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, check=True)
        load, first = map(float, out.stdout.split())
        loads.append(load)
        firsts.append(first)
    return statistics.median(loads), statistics.median(firsts)


def pin_one_core() -> str:
    """Run on one core, so the figures are per core and the scheduler does not move us about."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    cores = sorted(os.sched_getaffinity(0))
    # The last core: the first one usually also serves interrupts and the shell.
    os.sched_setaffinity(0, {cores[-1]})
    return f"pinned to core {cores[-1]} of {len(cores)}"


def uptime() -> str:
    """The `uptime` line: other work on this 2-core machine cuts these figures by half or more."""
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "load average: " + ", ".join(f"{load:.2f}" for load in os.getloadavg())


def main() -> None:
    print(pin_one_core())
    print(f"before: {uptime()}")
    texts = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    load, first = cold_load()
    print(f"cold load (import spacy + build pipeline, median of 3 subprocesses): {load:.2f} s  (target < 2 s)")
    print(f"first analyse after load: {first * 1000:.1f} ms")

    from thoughtwork.nlp import analyse, analyse_many, load_pipeline
    from thoughtwork.nlp.pipeline import findings_many, prepare, rules_pipeline

    nlp = load_pipeline()
    rules_only = rules_pipeline()
    analyse_many(texts)  # warm up: each rule's regex is compiled the first time it could match
    batch = texts * max(1, 6_000 // len(texts))
    prepared = [prepare(text) for text in batch]
    list(rules_only.pipe(prepared[:2000]))  # the rules' regexes compiled there too
    runs: dict[str, list[float]] = {"analyse_many": [], "findings_many": [], "pipeline": [], "rules": [], "tokenizer": []}
    work = {
        "analyse_many": lambda: analyse_many(batch),
        "findings_many": lambda: findings_many(batch),
        "pipeline": lambda: list(nlp.pipe(prepared, batch_size=256)),
        "rules": lambda: list(rules_only.pipe(prepared, batch_size=256)),
        "tokenizer": lambda: list(nlp.tokenizer.pipe(prepared)),
    }
    # Interleaved rounds: this VM's speed drifts by up to 1.7x over minutes, so each figure is
    # the median of its rounds, and the tokenizer (spaCy's, untouched by us) is the yardstick.
    for _round in range(ROUNDS):
        for name, run in work.items():
            start = time.perf_counter()
            run()
            runs[name].append(len(batch) / (time.perf_counter() - start))
    labels = {
        "analyse_many": "batch analyse_many (Analysis objects)",
        "findings_many": "raw hits only (findings_many, what --jsonl uses)",
        "pipeline": "the spaCy pipeline alone (prepare done before)",
        "rules": "the same without the learned model (its cost)",
        "tokenizer": "spaCy's tokenizer alone (yardstick)",
    }
    print(f"batch of {len(batch):,} short thoughts, {ROUNDS} interleaved rounds, thoughts/s median (best):")
    for name, rates in runs.items():
        # Per round, so both sides of the ratio saw the same machine speed.
        share = statistics.median(tok / rate for tok, rate in zip(runs["tokenizer"], rates))
        print(f"  {labels[name]:50s} {statistics.median(rates):7,.0f} ({max(rates):,.0f})  = {share:4.1f}x the tokenizer's time")
    print("  target: analyse_many >= 5,000/s")

    timings = []
    for text in texts[:300]:
        start = time.perf_counter()
        analyse(text)
        timings.append(time.perf_counter() - start)
    timings.sort()
    p50 = timings[len(timings) // 2] * 1000
    p99 = timings[int(len(timings) * 0.99)] * 1000
    print(f"one thought: median {p50:.2f} ms, p99 {p99:.2f} ms, max {timings[-1] * 1000:.2f} ms  (target < 5 ms)")
    jsonl_stream()
    print(f"after:  {uptime()}")


def jsonl_stream(lines: int = 100_000) -> None:
    """The --jsonl command on 100k lines: throughput, and that memory stays flat (streamed per batch)."""
    import io
    import resource

    from thoughtwork.cli.analyse_commands import analyse_jsonl

    texts = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    payload = "".join(json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n" for i in range(lines)).encode()

    class Counter(io.TextIOBase):
        written = 0

        def write(self, text: str) -> int:
            self.written += text.count("\n")
            return len(text)

    out = Counter()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    analyse_jsonl(io.BytesIO(payload), out)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"analyse --jsonl: {out.written:,} lines in {elapsed:.1f} s = {out.written / elapsed:,.0f} lines/s; "
        f"peak memory grew by {(after - before) / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
