#!/usr/bin/env python
"""Train the learned self-harm reader, or judge it on writers it never saw.

    pip install -e '.[train]'
    python scripts/train_safety_model.py evaluate   # writer-held-out figures, per writer
    python scripts/train_safety_model.py train      # the same, then writes thoughtwork/safety/safety_model.npz
    python scripts/train_safety_model.py measure FILE.jsonl   # the shipped detector on a new set, as it is

Training data: every `corpus/safety/*.jsonl` (one blind writer a file, label 1/0) and every
`corpus/thoughts/*.jsonl` (ordinary thoughts, label 0). The threshold is the one at which
`training.ORDINARY_FALSE_ALARMS` of ordinary thoughts, each read by a model that never saw its
author, would raise an alarm.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from thoughtwork.safety import model as reader
from thoughtwork.safety import training

ROOT = Path(__file__).resolve().parent.parent
SAFETY = ROOT / "corpus" / "safety"
THOUGHTS = ROOT / "corpus" / "thoughts"


def training_files() -> list[Path]:
    return sorted(SAFETY.glob("*.jsonl")) + sorted(THOUGHTS.glob("*.jsonl"))


def evaluate(examples, rows, c: float, floor: int) -> float:
    """Print writer-held-out figures and return the threshold they were read at."""
    labels = np.array([e.label for e in examples])
    safety = np.array([e.safety for e in examples])
    whole = np.array([not e.safety and not e.part for e in examples])
    parts = np.array([e.part for e in examples])
    probs = training.out_of_fold(examples, rows, c, floor)
    threshold = training.threshold_for(probs[whole])
    model_says = probs >= threshold
    rules_say = training.rules(examples)
    either = model_says | rules_say
    print(f"C={c} evidence floor={floor} min words={reader.MIN_WORDS}: threshold {threshold:.3f} "
          f"(at most {training.ORDINARY_FALSE_ALARMS:.1%} of ordinary thoughts out of fold)")
    print(f"{'held-out writer':<16} {'rules':<44} {'model':<44} rules OR model")
    for writer in sorted({e.group for e in examples if e.safety}):
        mine = np.array([e.group == writer for e in examples])
        cells = [str(training.score(v[mine], labels[mine])) for v in (rules_say, model_says, either)]
        print(f"{writer:<16} {cells[0]:<44} {cells[1]:<44} {cells[2]}")
    writers = safety
    cells = [str(training.score(v[writers], labels[writers])) for v in (rules_say, model_says, either)]
    print(f"{'all writers':<16} {cells[0]:<44} {cells[1]:<44} {cells[2]}")
    for name, chosen in (("ordinary", whole), ("their sentences", parts)):
        cells = [str(training.score(v[chosen], labels[chosen])) for v in (rules_say, model_says, either)]
        print(f"{name:<16} {cells[0]:<44} {cells[1]:<44} {cells[2]}")
    return threshold


def evaluate_command(args: argparse.Namespace) -> int:
    examples = training.corpus(SAFETY, THOUGHTS)
    rows = training.featurise(examples)
    evaluate(examples, rows, args.c, args.floor)
    return 0


def train_command(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    examples = training.corpus(SAFETY, THOUGHTS)
    rows = training.featurise(examples)
    threshold = evaluate(examples, rows, args.c, args.floor)
    model = training.with_threshold(training.fit(examples, rows, args.c, args.floor), threshold)
    meta = {
        "texts": len(examples),
        "writers": sorted({e.group for e in examples}),
        "corpus_sha256_16": training.fingerprint(training_files()),
        "c": args.c,
    }
    training.save(model, reader.MODEL_PATH, meta)
    size = reader.MODEL_PATH.stat().st_size
    print(f"trained on {len(examples)} texts in {time.perf_counter() - started:.0f} s: {len(model.index)} features, "
          f"{size / 1024:.0f} KiB -> {reader.MODEL_PATH.relative_to(ROOT)}")
    return 0


def measure_command(args: argparse.Namespace) -> int:
    """The shipped detector (phrase list, model, both) on a labelled set it was not trained on."""
    from thoughtwork.safety.detection import mentions_phrase

    examples = training.read_safety(Path(args.file))
    labels = np.array([e.label for e in examples])
    rules_say = np.array([mentions_phrase(e.text) for e in examples])
    model_says = np.array([reader.read(e.text).concerning for e in examples])
    print(f"{args.file}: {len(examples)} texts")
    print(f"  rules alone     {training.score(rules_say, labels)}")
    print(f"  model alone     {training.score(model_says, labels)}")
    print(f"  rules OR model  {training.score(rules_say | model_says, labels)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, command in (("train", train_command), ("evaluate", evaluate_command)):
        p = sub.add_parser(name)
        p.add_argument("--c", type=float, default=training.C)
        p.add_argument("--floor", type=int, default=reader.EVIDENCE_FLOOR)
        p.set_defaults(run=command)
    p = sub.add_parser("measure")
    p.add_argument("file")
    p.set_defaults(run=measure_command)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
