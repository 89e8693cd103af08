"""Report how well the anonymiser hides identifiers on a labelled set, and how much else survives.

    python scripts/evaluate_anonymiser.py [tests/data/anonymise_dev.jsonl ...] [--misses]

Prints recall per identifier type (caught = every letter and digit redacted; typed = also
with the right placeholder), overall recall and the share of ordinary words kept.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thoughtwork.export.anonymiser import Anonymiser
from thoughtwork.export.evaluation import evaluate, load

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "anonymise_dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--misses", action="store_true", help="list every identifier missed and every word over-redacted")
    args = parser.parse_args(argv)
    for path in args.files:
        lines = load(path)
        known = sorted({n for line in lines for n in line.get("known_names", [])})
        report = evaluate(lines, Anonymiser(known).find)
        print(f"{path.name}: {len(lines)} texts")
        print(f"  {'type':<10}{'n':>5}{'caught':>9}{'typed':>8}")
        for kind, score in sorted(report.by_type.items()):
            typed = score.typed / score.total if score.total else 1.0
            print(f"  {kind:<10}{score.total:>5}{score.recall:>9.1%}{typed:>8.1%}")
        print(f"  all identifiers recall: {report.recall():.1%}")
        print(f"  names+places recall:    {report.recall('NAME', 'PLACE'):.1%}")
        print(f"  other words kept:       {report.word_survival:.1%} of {report.words_total}")
        if args.misses:
            for line_id, kind, value in report.misses:
                print(f"  MISSED {line_id} {kind}: {value}")
            for line_id, word in report.over:
                print(f"  OVER   {line_id}: {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
