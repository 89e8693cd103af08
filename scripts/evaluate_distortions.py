#!/usr/bin/env python
"""Score the trap finder on a labelled file (default: tests/data/distortions_dev.jsonl).

    python scripts/evaluate_distortions.py [FILE] [--errors] [--rules]

The whole finder (rules and the learned model) by default; `--rules` scores the rules alone.
Author-held-out figures for the learned model come from `scripts/train_trap_model.py evaluate`.

Each line is {"text": ..., "labels": [...]}; an empty list marks a balanced statement that
should get no label. Prints per-label precision/recall/F1, macro-F1 and the false-alarm rate.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thoughtwork.nlp.evaluate import evaluate, format_report, read_examples

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "distortions_dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT), help="labelled JSONL file")
    parser.add_argument("--errors", action="store_true", help="also list every thought the matcher got wrong")
    parser.add_argument("--rules", action="store_true", help="score the hand-written rules alone, without the learned model")
    args = parser.parse_args(argv)
    report = evaluate(read_examples(args.file), rules_only=args.rules)
    print(format_report(report))
    if args.errors:
        print("\nmismatches (wanted -> found):")
        for text, wanted, found in report.errors:
            print(f"  {text}\n      {wanted} -> {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
