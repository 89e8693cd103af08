#!/usr/bin/env python
"""Train the learned reframe fit layer, or judge it on writers it never saw.

    pip install -e '.[train]'
    python scripts/train_fit_model.py evaluate   # per writer: rules alone, then a layer trained on the others
    python scripts/train_fit_model.py train      # writes thoughtwork/content/model/fit_model.npz

Every file is one writer: tests/data/reframe_eval_*.jsonl (the sets the ranker was built
against) and corpus/reframe_fit/*.jsonl (blind writers who read only reframes/). A writer's
figure in `evaluate` comes from a layer trained on every other writer, never on them; self-harm
thoughts (nothing to offer) are scored as such but never trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from thoughtwork.content import fit_training
from thoughtwork.content.evaluation import Report, evaluate
from thoughtwork.content.fit_model import MODEL_PATH
from thoughtwork.content.reframes import load_reframes

ROOT = Path(__file__).resolve().parent.parent
WRITER_FILES = sorted((ROOT / "tests" / "data").glob("reframe_eval_*.jsonl")) + sorted(
    (ROOT / "corpus" / "reframe_fit").glob("*.jsonl")
)


def writers(library) -> dict[str, list[fit_training.Example]]:
    return fit_training.load_writers(WRITER_FILES, library)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in WRITER_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _report(examples, offers) -> Report:
    by_line = {e.read.item.line: e.read.item for e in examples}
    return evaluate(by_line.values(), lambda item: offers[item.line])


def _line(name: str, report: Report) -> str:
    return (f"{report.fits}/{report.total} = {report.fit_rate:.1%}, forbidden {report.cross_context}, "
            f"self-harm offered {report.safety_errors}/{report.safety_total}")


def evaluate_command(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    library = load_reframes()
    data = writers(library)
    rules = fit_training.offer_with(None, library)
    learned = fit_training.held_out_offers(data, library, args.l2)
    totals = {"rules": Report(), "learned": Report()}
    print(f"l2 {args.l2}; each writer scored by a layer trained on the other {len(data) - 1}")
    for name, examples in data.items():
        before = _report(examples, {e.read.item.line: rules(e.read) for e in examples})
        after = _report(examples, learned[name])
        print(f"{name:<22} rules alone {_line(name, before)}")
        print(f"{'':<22} with layer  {_line(name, after)}")
        if args.misses:
            for miss in after.misses:
                what = "FORBIDDEN " + ",".join(miss.forbidden) if miss.forbidden else "NO FIT"
                print(f"    {what}: {miss.item.text[:80]!r} -> {', '.join(miss.offered) or '(nothing)'}")
        for key, report in (("rules", before), ("learned", after)):
            for field in ("total", "fits", "cross_context", "safety_total", "safety_errors"):
                setattr(totals[key], field, getattr(totals[key], field) + getattr(report, field))
    print(f"{'all':<22} rules alone {_line('all', totals['rules'])}")
    print(f"{'':<22} with layer  {_line('all', totals['learned'])}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


def train_command(args: argparse.Namespace) -> int:
    library = load_reframes()
    data = writers(library)
    examples = [e for items in data.values() for e in items]
    model = fit_training.train(examples, library, args.l2)
    meta = {"writers": ",".join(data), "thoughts": str(len(fit_training.trainable(examples))),
            "l2": str(args.l2), "data_sha256_16": fingerprint()}
    model.save(MODEL_PATH, meta)
    print(f"trained on {meta['thoughts']} thoughts by {len(data)} writers: "
          f"{len(model.thought_index)} x {len(model.reframe_index)} weights -> {MODEL_PATH.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train on every writer and write the shipped layer")
    evaluate_parser = commands.add_parser("evaluate", help="writer-held-out figures")
    evaluate_parser.add_argument("--misses", action="store_true", help="list the held-out misses")
    for command in (train, evaluate_parser):
        command.add_argument("--l2", type=float, default=fit_training.L2, help="weight decay")
    args = parser.parse_args(argv)
    return {"train": train_command, "evaluate": evaluate_command}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
